// `npm start` without Slack: the real Bolt app in HTTP mode with a signing secret generated at start, and a local
// Slack emulator on the same loopback server: the page at `/`, its JSON endpoints and live updates
// (server-sent events) under `/playground/`, the Web API fake at `/api/*` and response_url at `/response/*`, and
// the app's own `/slack/events`, `/healthz` and the routes it is given (the JSON API). The app code does not know it is talking to the playground.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RULESET } from '../engine/index.js';
import { loadIntents } from '../intents/load-intents.js';
import type { Level, Log } from '../log/logger.js';
import { createSlackApp, type HttpRoute } from '../slack/app.js';
import type { SlackDeps } from '../slack/deps.js';
import { buildManifest } from '../slack/manifest.js';
import { type AppDefinition, PLAYGROUND_WORKSPACE, PlaygroundEmulator, type Workspace } from './emulator.js';
import { fromBrowser, newPageToken } from './request-origin.js';
import { createPlaygroundRoutes } from './routes.js';
import { randomSigningSecret } from './slack-requests.js';
import { SlackWebApiFake } from './slack-web-api.js';

/** An extra route handler tried first (e.g. the JSON API): resolves true when it answered the request. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

export interface PlaygroundOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Default 127.0.0.1: the playground has no authentication, so it listens on loopback only. */
  host?: string;
  log: Log;
  logLevel?: Level;
  /** Generated at start when not given (tests pass a fixed one to sign their own requests). */
  signingSecret?: string;
  /** Overrides of the app's dependencies (a fixed clock in tests, a store, …). */
  deps?: Partial<SlackDeps>;
  /** Web API retries of the app's client; Slack's default policy when not given. */
  retries?: number;
  /** Tried before every other route. */
  handlers?: RouteHandler[];
  /** Routes the app serves beside /slack/events (the JSON API under /api/v1/, which the Web API fake leaves
   * alone: no Slack method starts with "v1/"). */
  routes?: HttpRoute[];
  workspace?: Workspace;
  /** Serve the page and the emulator's endpoints (default true; the Slack app tests turn them off). */
  page?: boolean;
  /** Accept only fresh trigger_ids issued by the emulator, as Slack does (default true). */
  strictTriggers?: boolean;
}

export interface Playground {
  /** `http://127.0.0.1:<port>/`: the page. */
  url: string;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  port: number;
  signingSecret: string;
  /** The token the page sends with each request to /playground/* (header x-playground-token). */
  pageToken: string;
  slack: SlackWebApiFake;
  emulator: PlaygroundEmulator;
  close(): Promise<void>;
}

const BOT = { botUserId: 'UBOT', botId: 'BBOT' };

/** What the app declares in its manifest: the emulator offers exactly these commands and shortcuts. */
export function appDefinition(): AppDefinition {
  const manifest = buildManifest() as {
    display_information: { name: string };
    features: {
      slash_commands?: { command: string; description?: string; usage_hint?: string }[];
      shortcuts?: { name: string; type: string; callback_id: string }[];
    };
  };
  const shortcuts = manifest.features.shortcuts ?? [];
  return {
    name: manifest.display_information.name,
    ...BOT,
    commands: (manifest.features.slash_commands ?? []).map((c) => ({
      command: c.command,
      description: c.description ?? '',
      usageHint: c.usage_hint ?? '',
    })),
    messageShortcuts: shortcuts
      .filter((s) => s.type === 'message')
      .map((s) => ({ callbackId: s.callback_id, name: s.name })),
    globalShortcuts: shortcuts
      .filter((s) => s.type === 'global')
      .map((s) => ({ callbackId: s.callback_id, name: s.name })),
  };
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: the emulator's composition (fake Web API, app, routes, server) in start-up order; each step is one call
export async function startPlayground(opts: PlaygroundOptions): Promise<Playground> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log;
  const intents = opts.deps?.intents ? undefined : await loadIntents();
  if (intents && !intents.ok) throw new Error(`intents invalid: ${intents.problems.join('; ')}`);
  const signingSecret = opts.signingSecret ?? randomSigningSecret();
  const workspace = opts.workspace ?? PLAYGROUND_WORKSPACE;
  const slack = new SlackWebApiFake(
    { teamId: workspace.team.id, ...BOT },
    { strictTriggers: opts.strictTriggers ?? true },
  );

  const deps: SlackDeps = {
    log,
    now: () => new Date(),
    intents: intents?.ok ? intents.intents : [],
    ruleset: RULESET,
    ...opts.deps,
  };
  let handleRoutes: RouteHandler = () => false;
  let boltListener: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;

  const server: Server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log.error('playground request failed', { code: 'E_PLAYGROUND', name: (err as Error).name });
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'internal' }));
      } else res.end();
    });
  });
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    for (const h of opts.handlers ?? []) if (await h(req, res)) return;
    const url = req.url ?? '';
    const fake = !url.startsWith('/api/v1/') && (url.startsWith('/api/') || url.startsWith('/response/'));
    if (fake && fromBrowser(req)) {
      // Only the app's own Slack client calls the fakes; a web page in the same browser must not.
      res.writeHead(403, { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' });
      res.end(JSON.stringify({ ok: false, error: 'browser requests to the Slack fake are refused' }));
      return;
    }
    if (fake && (await slack.handleRequest(req, res))) return;
    if (await handleRoutes(req, res)) return;
    boltListener?.(req, res);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 3000, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${hostInUrl}:${port}`;
  slack.attach(origin);

  const runtime = createSlackApp({
    mode: { kind: 'http', botToken: 'xoxb-playground-token', signingSecret },
    deps,
    log,
    logLevel: opts.logLevel ?? 'info',
    slackApiUrl: slack.apiUrl,
    botIdentity: BOT,
    ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
    ...(opts.routes ? { routes: opts.routes } : {}),
  });
  boltListener = runtime.receiver!.requestListener;

  const emulator = new PlaygroundEmulator({
    slack,
    requestUrl: `${origin}/slack/events`,
    signingSecret,
    app: appDefinition(),
    log,
    workspace,
  });
  const pageToken = newPageToken();
  const routes =
    opts.page === false ? undefined : createPlaygroundRoutes(emulator, { host, port }, pageToken);
  if (routes) handleRoutes = routes.handle;

  return {
    url: `${origin}/`,
    origin,
    port,
    signingSecret,
    pageToken,
    slack,
    emulator,
    async close() {
      routes?.close();
      emulator.dispose();
      await runtime.queue?.stop(5000);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
