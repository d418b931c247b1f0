// Runs the real Bolt app in HTTP mode on loopback with the Slack Web API fake, and sends it signed requests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RULESET } from '../../../src/engine/index.js';
import { apiRoutes } from '../../../src/http/api-routes.js';
import { loadIntents } from '../../../src/intents/load-intents.js';
import { createLog } from '../../../src/log/logger.js';
import { SIGNING_SECRET, type SlackRequest, sign } from '../../../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../../../src/playground/slack-web-api.js';
import { createSlackApp } from '../../../src/slack/app.js';

export interface Harness {
  slack: SlackWebApiFake;
  url: string;
  logs: string[];
  send(
    req: SlackRequest,
    opts?: { timestamp?: number; signature?: string | null; headers?: Record<string, string> },
  ): Promise<{ status: number; body: string; ms: number }>;
  close(): Promise<void>;
}

export async function startHarness(now = () => new Date('2026-11-27T07:00:00Z')): Promise<Harness> {
  const slack = new SlackWebApiFake();
  await slack.start();
  const intents = await loadIntents();
  if (!intents.ok) throw new Error(`intents invalid: ${intents.problems.join('; ')}`);
  const logs: string[] = [];
  const log = createLog('debug', (line) => logs.push(line));
  const runtime = createSlackApp({
    mode: { kind: 'http', botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET },
    deps: { log, now, intents: intents.intents, ruleset: RULESET },
    log,
    logLevel: 'debug',
    slackApiUrl: slack.apiUrl,
    botIdentity: { botId: 'BBOT', botUserId: 'UBOT' },
    retries: 0,
    routes: apiRoutes({ log, now }),
  });
  const server: Server = createServer(runtime.receiver!.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    slack,
    url,
    logs,
    async send(req, opts = {}) {
      const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        'content-type': req.contentType,
        'x-slack-request-timestamp': String(timestamp),
        ...opts.headers,
      };
      const signature = opts.signature === undefined ? sign(req.body, timestamp) : opts.signature;
      if (signature !== null) headers['x-slack-signature'] = signature;
      const t0 = performance.now();
      const res = await fetch(`${url}/slack/events`, { method: 'POST', headers, body: req.body });
      const body = await res.text();
      return { status: res.status, body, ms: performance.now() - t0 };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slack.stop();
    },
  };
}
