// Runs the real Bolt app on loopback with the Slack Web API fake, in either mode, and sends it what Slack sends:
// - http: signed requests to /slack/events, the same pieces as the local playground (startPlayground without its
//   page): one fake, one way of delivering;
// - socket: Socket Mode, the app connecting to a loopback Socket Mode peer (the URL comes from the fake's
//   apps.connections.open) that turns each request into an envelope and waits for its ack.
// `send` answers alike in both ({ status: 200, body: the ack's payload or '' }), so one test runs in both modes.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULESET } from '../../../src/engine/index.js';
import { apiRoutes } from '../../../src/http/api-routes.js';
import { loadIntents } from '../../../src/intents/load-intents.js';
import { createLog, type Log } from '../../../src/log/logger.js';
import { startPlayground } from '../../../src/playground/playground.js';
import { deliver, SIGNING_SECRET, type SlackRequest } from '../../../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../../../src/playground/slack-web-api.js';
import { createSlackApp, type SlackRuntime } from '../../../src/slack/app.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { SocketModePeer } from '../../support/socket-mode-peer.js';

export type HarnessMode = 'http' | 'socket';
/** Both ways Slack reaches the app; `describe.each(HARNESS_MODES)` runs a suite in each. */
export const HARNESS_MODES: readonly HarnessMode[] = ['http', 'socket'];

export interface HarnessOptions {
  mode?: HarnessMode;
  now?: () => Date;
  /** The store's file (default a fresh temporary one): a test can leave jobs in it, as a crash would. */
  sqlitePath?: string;
}

export interface Harness {
  mode: HarnessMode;
  slack: SlackWebApiFake;
  /** A throwaway embedded store (audit trail, decisions, idempotency), as in a real deployment. */
  store: Store;
  /** The app's HTTP origin (/slack/events, /healthz, the JSON API); '' in Socket Mode. */
  url: string;
  logs: string[];
  /** Socket Mode only: the Slack side of the socket. */
  peer?: SocketModePeer;
  /** Socket Mode only: the app, to stop it or watch it reconnect. */
  runtime?: SlackRuntime;
  /** Delivers a request the way the mode does; signature options apply to HTTP mode only. */
  send(
    req: SlackRequest,
    opts?: { timestamp?: number; signature?: string | null; headers?: Record<string, string> },
  ): Promise<{ status: number; body: string; ms: number }>;
  /** Resolves once the delivery queue is empty (answers delivered and their audit rows written). */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function settleQueue(store: Store, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await store.jobs.depth()).queued > 0) {
    if (Date.now() > deadline) throw new Error('delivery queue did not drain');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const FIXED_NOW = () => new Date('2026-11-27T07:00:00Z');
const BOT = { botId: 'BBOT', botUserId: 'UBOT' };

/** The harness in one mode (default HTTP). A function `now` alone is still accepted, as before. */
export async function startHarness(opts: HarnessOptions | (() => Date) = {}): Promise<Harness> {
  const o = typeof opts === 'function' ? { now: opts } : opts;
  const now = o.now ?? FIXED_NOW;
  const logs: string[] = [];
  const log = createLog('debug', (line) => logs.push(line));
  const store = await openStore({
    sqlitePath: o.sqlitePath ?? join(await mkdtemp(join(tmpdir(), 'harness-')), 'store.sqlite'),
  });
  if (o.mode === 'socket') return startSocketHarness(now, log, logs, store);
  const playground = await startPlayground({
    port: 0,
    log,
    logLevel: 'debug',
    signingSecret: SIGNING_SECRET,
    deps: { now, store },
    retries: 0,
    routes: apiRoutes({ log, now }),
    page: false,
    // The tests use fixed trigger ids such as "trigger.command.1".
    strictTriggers: false,
  });
  const url = playground.origin;
  return {
    mode: 'http',
    slack: playground.slack,
    store,
    url,
    logs,
    send: (req, opts = {}) => deliver(`${url}/slack/events`, req, { ...opts, secret: SIGNING_SECRET }),
    settle: (ms) => settleQueue(store, ms),
    async close() {
      await playground.close();
      await store.close();
    },
  };
}

async function startSocketHarness(now: () => Date, log: Log, logs: string[], store: Store): Promise<Harness> {
  const intents = await loadIntents();
  if (!intents.ok) throw new Error(`intents invalid: ${intents.problems.join('; ')}`);
  const slack = new SlackWebApiFake({ teamId: 'T0TEST', ...BOT });
  await slack.start();
  const peer = await SocketModePeer.start();
  slack.offerSocketMode(peer.nextUrl);
  const runtime = createSlackApp({
    mode: { kind: 'socket', botToken: 'xoxb-harness-token', appToken: 'xapp-1-harness-token' },
    deps: { log, now, store, intents: intents.intents, ruleset: RULESET },
    log,
    logLevel: 'debug',
    slackApiUrl: slack.apiUrl,
    botIdentity: BOT,
    retries: 0,
  });
  // Resolves when the peer's hello arrives.
  await runtime.app.start();
  return {
    mode: 'socket',
    slack,
    store,
    url: '',
    logs,
    peer,
    runtime,
    settle: (ms) => settleQueue(store, ms),
    async send(req, opts = {}) {
      // Slack's retry headers in HTTP mode are the envelope's retry_attempt / retry_reason in Socket Mode.
      const retry = opts.headers?.['x-slack-retry-num'];
      const ack = await peer.sendRequest(
        req,
        retry
          ? { retry_attempt: Number(retry), retry_reason: opts.headers?.['x-slack-retry-reason'] ?? '' }
          : {},
      );
      const body = Object.keys(ack.payload).length === 0 ? '' : JSON.stringify(ack.payload);
      return { status: 200, body, ms: ack.ms };
    },
    async close() {
      await runtime.app.stop();
      await runtime.inFlight.drain(5000);
      await runtime.queue?.stop(5000);
      await peer.close();
      await slack.stop();
      await store.close();
    },
  };
}

export type Button = { action_id?: string; value?: string };

/** The buttons of a message's actions blocks. */
export function buttonsOf(blocks: unknown[]): Button[] {
  return (blocks as { type: string; elements?: Button[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);
}
