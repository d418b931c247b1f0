// `npm start` with no Slack credentials: runs the playground (with the JSON API) on PORT until SIGINT/SIGTERM,
// and says where it is.

import type { AppConfig } from '../config/env.js';
import { createAuditPort } from '../consult/index.js';
import type { ApiDeps } from '../http/api.js';
import { createApiAccess } from '../http/api-access.js';
import { apiRoutes } from '../http/api-routes.js';
import type { Log } from '../log/logger.js';
import { type Playground, type RouteHandler, startPlayground } from '../playground/playground.js';
import type { HttpRoute } from '../slack/app.js';
import type { SlackDeps } from '../slack/deps.js';
import type { Store } from '../store/index.js';

export interface RunPlaygroundOptions {
  host?: string;
  /** Extra routes served first. */
  handlers?: RouteHandler[];
  /** Overrides of the app's dependencies (e.g. the store). */
  deps?: Partial<SlackDeps>;
  /** More routes the app serves beside /slack/events (the JSON API is always served). */
  routes?: HttpRoute[];
  /** Stop on these signals (default SIGINT and SIGTERM) and exit the process. */
  signals?: NodeJS.Signals[];
  /** Runs after the playground has closed (e.g. closes the store). */
  onStop?: () => Promise<void>;
}

/** The address to print: `localhost` for the loopback addresses, so the link reads like a local page. */
export function displayUrl(host: string, port: number): string {
  const shown = host === '127.0.0.1' || host === '::1' || host === 'localhost' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
}

export async function runPlayground(
  config: Pick<AppConfig, 'port' | 'logLevel'> & Partial<Pick<AppConfig, 'api'>>,
  log: Log,
  write: (s: string) => void,
  opts: RunPlaygroundOptions = {},
): Promise<Playground | undefined> {
  const host = opts.host ?? '127.0.0.1';
  let playground: Playground;
  try {
    playground = await startPlayground({
      port: config.port,
      host,
      log,
      logLevel: config.logLevel,
      routes: [...apiRoutes(apiDeps(log, opts.deps?.store, config.api)), ...(opts.routes ?? [])],
      ...(opts.handlers ? { handlers: opts.handlers } : {}),
      ...(opts.deps ? { deps: opts.deps } : {}),
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'EADDRINUSE') {
      process.stderr.write(
        `Port ${config.port} is already in use: stop the other program or start with another port, e.g. PORT=3001 npm start\n`,
      );
      process.exitCode = 1;
      return undefined;
    }
    throw err;
  }
  // The first line printed: what to open. (main.ts adds the one line about the terminal.)
  write(`Playground: ${displayUrl(host, playground.port)}\n`);
  log.info('playground ready', { port: playground.port, url: displayUrl(host, playground.port) });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    await playground.close().catch((err: unknown) => log.warn('stop failed', { name: (err as Error).name }));
    await opts
      .onStop?.()
      .catch((err: unknown) => log.warn('stop hook failed', { name: (err as Error).name }));
    process.exit(0);
  };
  // `on`, not `once`: Ctrl+C reaches node twice (from the terminal and relayed by npm and tsx), and a second
  // signal with no listener left would kill the process before the store is closed.
  for (const s of opts.signals ?? (['SIGINT', 'SIGTERM'] as NodeJS.Signals[]))
    process.on(s, () => void stop(s));
  return playground;
}

/** The JSON API records its consults in the store too, like every other surface. On loopback with no Slack
 * variables it asks for no key (as the page does not), but the rate limit and caps apply as in production. */
function apiDeps(log: Log, store: Store | undefined, limits: AppConfig['api'] | undefined): ApiDeps {
  const now = () => new Date();
  return {
    log,
    now,
    audit: createAuditPort(store, log, now),
    ...(limits ? { access: createApiAccess({ limits, log }), limits } : {}),
  };
}
