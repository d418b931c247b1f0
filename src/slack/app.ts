// Builds the Bolt app for a mode: Socket Mode, or HTTP (/slack/events plus GET /healthz). The same listeners
// run in both; the Web API base URL can point elsewhere (proxies, the playground, tests).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InstallationStore } from '@slack/bolt';
import type { FetchFunction } from '@slack/web-api';
import { errorFields } from '../errors/index.js';
import type { Level, Log } from '../log/logger.js';
import { boltLogger } from '../log/logger.js';
import { App, HTTPReceiver, LogLevel } from './bolt.js';
import type { SlackDeps } from './deps.js';
import { rejectFutureTimestamps } from './future-timestamp-guard.js';
import { type InFlight, trackInFlight } from './in-flight.js';
import { registerListeners } from './listeners/index.js';
import { BOT_SCOPES } from './manifest.js';
import { createPooledFetch } from './pooled-fetch.js';

export type SlackAppMode =
  | { kind: 'socket'; botToken: string; appToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string }
  | {
      kind: 'http-oauth';
      signingSecret: string;
      oauth: { clientId: string; clientSecret: string; stateSecret: string };
      installationStore: InstallationStore;
    };

export interface SlackAppOptions {
  mode: SlackAppMode;
  deps: SlackDeps;
  log: Log;
  logLevel: Level;
  slackApiUrl?: string | undefined;
  /** Known bot identity skips Bolt's auth.test round trip (tests, playground). */
  botIdentity?: { botId: string; botUserId: string };
  /** Web API retries: Slack's default policy in production, none in tests. */
  retries?: number;
  /** Extra HTTP routes served beside /slack/events in HTTP mode (the JSON API). */
  routes?: HttpRoute[];
}

export interface HttpRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface SlackRuntime {
  app: App;
  /** Listener work still running after its ack; shutdown drains it before closing the store. */
  inFlight: InFlight;
  /** The HTTP receiver in HTTP mode: its requestListener can be mounted on any node:http server. */
  receiver?: HTTPReceiver;
  /** Closes the pooled connections to Slack (after app.stop() and the in-flight drain). */
  closeHttp(): Promise<void>;
}

const LEVELS: Record<Level, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** One pooled keep-alive client for respond() and every Web API call (cheaper than the built-in fetch). */
function webClientOptions(opts: SlackAppOptions, fetch: FetchFunction) {
  return {
    fetch,
    // A Slack call that hangs must end: the user is told after 10 s instead of waiting forever.
    timeout: 10_000,
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    ...(opts.retries !== undefined ? { retryConfig: { retries: opts.retries } } : {}),
  };
}

export function createSlackApp(opts: SlackAppOptions): SlackRuntime {
  const logger = boltLogger(opts.log, opts.logLevel);
  const http = createPooledFetch();
  const clientOptions = webClientOptions(opts, http);
  // No listener keeps conversation state: Bolt's default in-memory store would look up (and miss, building an
  // Error) on every event.
  const noConvo = { convoStore: false as const };
  const identity = { ...noConvo, ...opts.botIdentity };
  let runtime: SlackRuntime;
  if (opts.mode.kind === 'http' || opts.mode.kind === 'http-oauth') {
    const mode = opts.mode;
    // Multi-workspace: Bolt serves /slack/install and /slack/oauth_redirect and keeps installations in the store.
    const oauth =
      mode.kind === 'http-oauth'
        ? {
            clientId: mode.oauth.clientId,
            clientSecret: mode.oauth.clientSecret,
            stateSecret: mode.oauth.stateSecret,
            scopes: [...BOT_SCOPES],
            installationStore: mode.installationStore,
            installerOptions: { directInstall: true, clientOptions },
          }
        : {};
    const receiver = new HTTPReceiver({
      signingSecret: mode.signingSecret,
      ...oauth,
      endpoints: '/slack/events',
      logger,
      logLevel: LEVELS[opts.logLevel],
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ ok: true, rulesetVersion: opts.deps.ruleset.version }));
          },
        },
        ...(opts.routes ?? []),
      ],
    });
    const app =
      mode.kind === 'http'
        ? new App({ receiver, token: mode.botToken, logger, clientOptions, ...identity })
        : new App({ receiver, logger, clientOptions, ...noConvo });
    // Replace the listener the receiver's own server (and the playground) call, adding the future-date check.
    receiver.requestListener = rejectFutureTimestamps(receiver.requestListener);
    runtime = { app, receiver, inFlight: trackInFlight(app), closeHttp: http.close };
  } else {
    const app = new App({
      token: opts.mode.botToken,
      appToken: opts.mode.appToken,
      socketMode: true,
      logger,
      logLevel: LEVELS[opts.logLevel],
      clientOptions,
      ...identity,
    });
    runtime = { app, inFlight: trackInFlight(app), closeHttp: http.close };
  }
  registerListeners(runtime.app, opts.deps);
  runtime.app.error(async (err) => {
    // The last safety net: listeners report their own failures, so anything here is unexpected.
    opts.log.error('unhandled listener error', errorFields(err, 'E_UNHANDLED'));
  });
  return runtime;
}
