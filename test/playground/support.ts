// Starts the playground on a free loopback port for tests and drives it through its own HTTP endpoints.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiRoutes } from '../../src/http/api-routes.js';
import { createLog } from '../../src/log/logger.js';
import type { PlaygroundState } from '../../src/playground/emulator.js';
import { type Playground, startPlayground } from '../../src/playground/playground.js';
import { openStore } from '../../src/store/index.js';

export interface TestPlayground extends Playground {
  logs: string[];
  /** POSTs JSON to /playground/<path> as the page does. */
  post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
  state(): Promise<PlaygroundState>;
  /** Resolves with the first truthy value of `pick(state)`, re-checked after every change. */
  until<T>(pick: (s: PlaygroundState) => T | undefined | false | null, timeoutMs?: number): Promise<T>;
}

export async function startTestPlayground(): Promise<TestPlayground> {
  const logs: string[] = [];
  const log = createLog('info', (line) => logs.push(line));
  // The same embedded store as `npm start` (a throwaway file): audit trail, idempotency, board decisions.
  const store = await openStore({
    sqlitePath: join(mkdtempSync(join(tmpdir(), 'playground-')), 'store.sqlite'),
  });
  const pg = await startPlayground({
    port: 0,
    log,
    logLevel: 'info',
    retries: 0,
    deps: { store },
    routes: apiRoutes({ log, now: () => new Date() }),
  });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${pg.origin}/playground/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-playground-token': pg.pageToken },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const state = async () =>
    (await (
      await fetch(`${pg.origin}/playground/state`, { headers: { 'x-playground-token': pg.pageToken } })
    ).json()) as PlaygroundState;
  const until = <T>(pick: (s: PlaygroundState) => T | undefined | false | null, timeoutMs = 5000) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const v = pick(pg.emulator.snapshot());
        if (!v) return false;
        clearTimeout(timer);
        unsubscribe();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`playground state did not match within ${timeoutMs} ms`));
      }, timeoutMs);
      const unsubscribe = pg.emulator.subscribe(check);
      check();
    });
  const closePlayground = pg.close.bind(pg);
  const close = async () => {
    await closePlayground();
    await store.close();
  };
  return Object.assign(pg, { logs, post, state, until, close });
}

/** The first public example of decision-spec §7. */
export const FIRST_EXAMPLE =
  'adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive, PET and brain MRI done, peripheral 3 cm';
