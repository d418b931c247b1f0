// Runs the Slack app in Socket Mode or HTTP mode until SIGTERM/SIGINT, then stops cleanly.

import { createServer, type Server } from 'node:http';
import type { AppConfig } from '../config/env.js';
import { RULESET } from '../engine/index.js';
import { type ApiDeps, createApiHandler } from '../http/api.js';
import { apiRoutes } from '../http/api-routes.js';
import { loadIntents } from '../intents/load-intents.js';
import type { Log } from '../log/logger.js';
import { createSlackApp, type SlackAppMode } from '../slack/app.js';

export async function runSlackServer(config: AppConfig, mode: SlackAppMode, log: Log): Promise<void> {
  const intents = await loadIntents();
  if (!intents.ok) {
    log.error('intents invalid', { problems: intents.problems });
    process.exitCode = 2;
    return;
  }
  const api = { log, now: () => new Date() };
  const runtime = createSlackApp({
    mode,
    routes: apiRoutes(api),
    log,
    logLevel: config.logLevel,
    slackApiUrl: config.slackApiUrl,
    deps: { log, now: () => new Date(), intents: intents.intents, ruleset: RULESET },
  });
  let sidecar: Server | undefined;
  if (mode.kind === 'http') {
    await runtime.app.start(config.port);
  } else {
    await runtime.app.start();
    // Socket Mode has no HTTP endpoint of its own: serve the JSON API and /healthz on PORT beside it.
    sidecar = await serveApi(config.port, api);
  }
  log.info('ready', {
    mode: mode.kind,
    port: config.port,
    ...(mode.kind === 'http' ? { endpoint: '/slack/events' } : {}),
    health: '/healthz',
    api: '/api/v1',
    rulesetVersion: RULESET.version,
  });
  const stop = async (signal: string) => {
    log.info('stopping', { signal });
    await runtime.app.stop().catch((err: unknown) => log.warn('stop failed', { name: (err as Error).name }));
    sidecar?.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

async function serveApi(port: number, deps: ApiDeps): Promise<Server> {
  const handle = createApiHandler(deps);
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, rulesetVersion: RULESET.version }));
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
