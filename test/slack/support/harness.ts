// Runs the real Bolt app in HTTP mode on loopback with the Slack Web API fake, and sends it signed requests. The
// same pieces as the local playground (startPlayground without its page): one fake, one way of delivering.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiRoutes } from '../../../src/http/api-routes.js';
import { createLog } from '../../../src/log/logger.js';
import { startPlayground } from '../../../src/playground/playground.js';
import { deliver, SIGNING_SECRET, type SlackRequest } from '../../../src/playground/slack-requests.js';
import type { SlackWebApiFake } from '../../../src/playground/slack-web-api.js';
import { openStore, type Store } from '../../../src/store/index.js';

export interface Harness {
  slack: SlackWebApiFake;
  /** A throwaway embedded store (audit trail, decisions, idempotency), as in a real deployment. */
  store: Store;
  url: string;
  logs: string[];
  send(
    req: SlackRequest,
    opts?: { timestamp?: number; signature?: string | null; headers?: Record<string, string> },
  ): Promise<{ status: number; body: string; ms: number }>;
  close(): Promise<void>;
}

export async function startHarness(now = () => new Date('2026-11-27T07:00:00Z')): Promise<Harness> {
  const logs: string[] = [];
  const log = createLog('debug', (line) => logs.push(line));
  const store = await openStore({
    sqlitePath: join(await mkdtemp(join(tmpdir(), 'harness-')), 'store.sqlite'),
  });
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
    slack: playground.slack,
    store,
    url,
    logs,
    send: (req, opts = {}) => deliver(`${url}/slack/events`, req, { ...opts, secret: SIGNING_SECRET }),
    async close() {
      await playground.close();
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
