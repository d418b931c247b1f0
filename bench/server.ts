// The two peers of bench/run-all.ts, each run in its own process (compiled by the bench with esbuild, so no tsx
// at run time): `node bench/.out/server.mjs ack-only|standard <port>` with SLACK_API_URL set.
//   ack-only  a Bolt app with the same HTTPReceiver and signing secret as ours whose /thoracic-rt only acks;
//   standard  the same, and it respond()s a static 3-block answer after the ack (what a standard Bolt app does).
// Our app is not run from here: the bench runs the production build itself (`node dist/main/start.js`).
// Prints `READY <port>` on stdout once listening; exits on SIGTERM.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { SIGNING_SECRET } from '../src/playground/slack-requests.js';

const [mode, portArg] = process.argv.slice(2);
const port = Number(portArg);
const apiUrl = process.env.SLACK_API_URL;
if (!Number.isInteger(port) || port <= 0 || !apiUrl || (mode !== 'ack-only' && mode !== 'standard')) {
  process.stderr.write('usage: SLACK_API_URL=… node bench/.out/server.mjs ack-only|standard <port>\n');
  process.exit(2);
}

/** A static answer of three blocks, about the size of a short Block Kit reply. */
const STATIC_ANSWER = {
  response_type: 'ephemeral' as const,
  replace_original: false,
  text: 'Thoracic RT: consider consolidative radiotherapy to the primary',
  blocks: [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: '*Consider* consolidative thoracic radiotherapy to the primary tumour.' },
    },
    { type: 'divider' },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Ruleset 2026.2.0 · static benchmark answer' }] },
  ],
};

const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
const app = new App({
  receiver,
  token: 'xoxb-bench-token',
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: apiUrl },
});
app.command('/thoracic-rt', async ({ ack, respond }) => {
  await ack();
  if (mode === 'standard') await respond(STATIC_ANSWER);
});
await app.start(port);
process.once('SIGTERM', () => {
  void app.stop().finally(() => process.exit(0));
});
process.stdout.write(`READY ${port}\n`);
