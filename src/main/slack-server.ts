// Runs the Slack app in Socket Mode, HTTP mode or multi-workspace HTTP mode until SIGTERM/SIGINT, with the
// store (embedded SQLite or PostgreSQL), audit retention, the JSON API, /healthz and /readyz.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AppConfig, SlackMode } from '../config/env.js';
import { createAuditPort } from '../consult/index.js';
import { RULESET } from '../engine/index.js';
import { type ApiDeps, createApiHandler } from '../http/api.js';
import { createApiAccess } from '../http/api-access.js';
import { apiRoutes } from '../http/api-routes.js';
import { loadIntents } from '../intents/load-intents.js';
import type { Log } from '../log/logger.js';
import { createSlackApp, type SlackAppMode } from '../slack/app.js';
import { openStore, type Store } from '../store/index.js';
import { scheduleRetention } from './retention.js';
import { storeOptions } from './store-options.js';

export async function runSlackServer(
  config: AppConfig,
  mode: Exclude<SlackMode, { kind: 'none' }>,
  log: Log,
): Promise<void> {
  const intents = await loadIntents();
  if (!intents.ok) {
    log.error('intents invalid', { problems: intents.problems });
    process.exitCode = 2;
    return;
  }
  // Every stored installation is checked (and re-sealed under the current key) before the app starts.
  const store = await openStore(storeOptions(config.store, config.tokenKeys));
  log.info('store open', { dialect: store.dialect, location: store.location });
  const stopRetention = scheduleRetention(store, config.retentionYears, log);
  const now = () => new Date();
  const api: ApiDeps = {
    log,
    now,
    audit: createAuditPort(store, log, now),
    // Every Slack mode serves the API on a reachable port: a key is required, per-key rates and a cap apply.
    access: createApiAccess({ keys: store.apiKeys, limits: config.api, log }),
    limits: config.api,
  };
  const readyz = readinessHandler(store);
  const runtime = createSlackApp({
    mode: appMode(mode, store),
    routes: [...apiRoutes(api), { path: '/readyz', method: ['GET'], handler: readyz }],
    log,
    logLevel: config.logLevel,
    slackApiUrl: config.slackApiUrl,
    deps: { log, now, intents: intents.intents, ruleset: RULESET, store },
    queue: config.delivery,
  });
  let sidecar: Server | undefined;
  if (mode.kind === 'socket') {
    await runtime.app.start();
    // Socket Mode has no HTTP endpoint of its own: serve the JSON API, /healthz and /readyz on PORT beside it.
    sidecar = await serveApi(config.port, api, readyz);
  } else {
    await runtime.app.start(config.port);
  }
  log.info('ready', {
    mode: mode.kind,
    port: config.port,
    ...(mode.kind !== 'socket' ? { endpoint: '/slack/events' } : {}),
    ...(mode.kind === 'http-oauth' ? { install: '/slack/install' } : {}),
    health: '/healthz',
    ready: '/readyz',
    api: '/api/v1',
    rulesetVersion: RULESET.version,
  });
  stopOnSignals(log, async () => {
    stopRetention();
    // Stop taking requests, let answers already acknowledged finish (and be recorded), then close the store.
    await runtime.app.stop().catch((err: unknown) => log.warn('stop failed', { name: (err as Error).name }));
    const drained = await runtime.inFlight.drain(10_000);
    if (!drained)
      log.warn('shutdown: work still in progress after 10 s', { inFlight: runtime.inFlight.count });
    // Jobs still running after this keep their lease until it expires; the next start (or a replica) resumes them.
    if (runtime.queue && !(await runtime.queue.stop(10_000)))
      log.warn('shutdown: queued answers still being delivered after 10 s', {
        running: runtime.queue.running,
      });
    sidecar?.close();
    await store
      .close()
      .catch((err: unknown) => log.warn('store close failed', { name: (err as Error).name }));
  });
}

/** Runs `stop` once on SIGTERM/SIGINT, then exits 0. */
function stopOnSignals(log: Log, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    await stop();
    process.exit(0);
  };
  // `on` with a guard, not `once`: a second signal (Ctrl+C is relayed by npm and tsx as well) must not kill the
  // process while acknowledged work drains.
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
  process.on('SIGINT', () => void onSignal('SIGINT'));
}

function appMode(mode: Exclude<SlackMode, { kind: 'none' }>, store: Store): SlackAppMode {
  if (mode.kind === 'http-oauth') {
    return {
      kind: 'http-oauth',
      signingSecret: mode.signingSecret,
      oauth: mode.oauth,
      installationStore: store.installationStore,
    };
  }
  return mode;
}

/** GET /readyz: 200 when the database answers, 503 otherwise (load balancers stop sending traffic), with the
 * delivery queue's depth: jobs waiting or being worked, how many are leased now, and the oldest one's age. */
export function readinessHandler(store: Store) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    void store.ping().then(
      async (ok) => {
        const queue = ok ? await store.jobs.depth().catch(() => undefined) : undefined;
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ ok, database: ok ? 'reachable' : 'unreachable', ...(queue ? { queue } : {}) }),
        );
      },
      () => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, database: 'unreachable' }));
      },
    );
  };
}

async function serveApi(
  port: number,
  deps: ApiDeps,
  readyz: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Server> {
  const handle = createApiHandler(deps);
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, rulesetVersion: RULESET.version }));
      return;
    }
    if (req.url === '/readyz') {
      readyz(req, res);
      return;
    }
    void handle(req, res).then((handled) => {
      if (handled) return;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return server;
}
