// A server process for bench/run-all.ts, started with `node --import tsx bench/server.ts <mode> <port>`:
//   app      the production composition (readConfig + runSlackServer, as `npm start` with Slack variables) in
//            HTTP mode, with the Web API at SLACK_API_URL (the driver's fake) and a throwaway SQLite store;
//   minimal  a Bolt app with the same HTTPReceiver and signing secret whose /thoracic-rt listener only acks.
// Prints `READY <port>` on stdout once listening; exits on SIGTERM.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Only what both modes need is imported statically: the minimal app must not load (or pay for) ours.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { SIGNING_SECRET } from '../src/playground/slack-requests.js';

const [mode, portArg] = process.argv.slice(2);
const port = Number(portArg);
const apiUrl = process.env.SLACK_API_URL;
if (!Number.isInteger(port) || port <= 0 || !apiUrl || (mode !== 'app' && mode !== 'minimal')) {
  process.stderr.write('usage: SLACK_API_URL=… node --import tsx bench/server.ts app|minimal <port>\n');
  process.exit(2);
}

if (mode === 'app') {
  const { readConfig } = await import('../src/config/env.js');
  const { createLog } = await import('../src/log/logger.js');
  const { runSlackServer } = await import('../src/main/slack-server.js');
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_APP_TOKEN: undefined,
    DATABASE_URL: undefined,
    PORT: String(port),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'bench-store-')), 'bench.sqlite'),
  };
  const result = readConfig(env);
  if (!result.ok) {
    process.stderr.write(`bench server: ${result.problems.join('; ')}\n`);
    process.exit(2);
  }
  const config = result.config;
  if (config.mode.kind === 'none') throw new Error('bench server: no Slack mode');
  await runSlackServer(config, config.mode, createLog(config.logLevel));
} else {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
  const app = new App({
    receiver,
    token: 'xoxb-bench-token',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/thoracic-rt', async ({ ack }) => {
    await ack();
  });
  await app.start(port);
  process.once('SIGTERM', () => {
    void app.stop().finally(() => process.exit(0));
  });
}
process.stdout.write(`READY ${port}\n`);
