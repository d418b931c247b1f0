// Builds the Bolt app for a mode: Socket Mode, or HTTP (/slack/events plus GET /healthz). The same listeners
// run in both; the Web API base URL can point elsewhere (proxies, the playground, tests).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InstallationStore } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
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
import { JOB_KINDS } from './queue/kinds/index.js';
import { postToResponseUrl, type Transport } from './queue/transport.js';
import { createDeliveryQueue, type DeliveryQueue } from './queue/worker-pool.js';
import { rejectReplays, requestDigest } from './replay-guard.js';
import { limitConcurrency, MAX_BODY_BYTES } from './request-limits.js';
import { socketReceiver } from './socket-ack.js';

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
  /** Delivery queue tuning (tests shorten the lease to see a crash's jobs resumed quickly). */
  queue?: { concurrency?: number; leaseMs?: number; pollMs?: number; lifetimeMs?: number };
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
  /** The delivery queue's workers (when there is a store): stop them before closing the store. */
  queue?: DeliveryQueue;
}

const NO_CONVO = { convoStore: false as const };

const LEVELS: Record<Level, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export function createSlackApp(opts: SlackAppOptions): SlackRuntime {
  const logger = boltLogger(opts.log, opts.logLevel);
  // One pooled keep-alive client for respond(), the delivery queue and every Web API call (cheaper than fetch).
  const http = createPooledFetch();
  const clientOptions = {
    fetch: http,
    // A Slack call that hangs must end: the user is told after 10 s instead of waiting forever.
    timeout: 10_000,
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    ...(opts.retries !== undefined ? { retryConfig: { retries: opts.retries } } : {}),
  };
  const runtime: SlackRuntime =
    opts.mode.kind === 'http' || opts.mode.kind === 'http-oauth'
      ? httpRuntime(opts, opts.mode, logger, clientOptions)
      : socketRuntime(opts, opts.mode, logger, clientOptions);
  const queue = opts.deps.store ? deliveryQueue(opts, runtime.app, clientOptions) : undefined;
  const deps = queue ? { ...opts.deps, queue } : opts.deps;
  if (queue) runtime.queue = queue;
  rejectReplays(runtime.app, deps);
  registerListeners(runtime.app, deps);
  if (queue) void queue.start();
  runtime.app.error(async (err) => {
    // The last safety net: listeners report their own failures, so anything here is unexpected.
    opts.log.error('unhandled listener error', errorFields(err, 'E_UNHANDLED'));
  });
  return runtime;
}

function deliveryQueue(opts: SlackAppOptions, app: App, clientOptions: WebClientOptions): DeliveryQueue {
  const store = opts.deps.store!;
  const mode = opts.mode;
  const transport: Transport = {
    respond: (url, m, replaceOriginal) =>
      postToResponseUrl(url, m, replaceOriginal, 10_000, clientOptions.fetch),
    async client(target) {
      if (mode.kind !== 'http-oauth') return app.client;
      // Multi-workspace: the job's workspace token comes from the installation store.
      const installation = await mode.installationStore.fetchInstallation({
        teamId: target.team,
        enterpriseId: target.enterprise,
        isEnterpriseInstall: false,
      });
      return new WebClient(installation.bot?.token, clientOptions);
    },
  };
  return createDeliveryQueue({
    jobs: store.jobs,
    kinds: JOB_KINDS,
    deps: opts.deps,
    transport,
    ...opts.queue,
  });
}

type HttpMode = Extract<SlackAppMode, { kind: 'http' | 'http-oauth' }>;
type BoltLogger = ReturnType<typeof boltLogger>;

function httpRuntime(
  opts: SlackAppOptions,
  mode: HttpMode,
  logger: BoltLogger,
  clientOptions: WebClientOptions,
): SlackRuntime {
  // No listener keeps conversation state: Bolt's default in-memory store would look up (and miss, building an
  // Error) on every event.
  const identity = { ...NO_CONVO, ...opts.botIdentity };
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
    // The ack is sent once the listener has returned, so a listener can write its job before Slack hears back.
    processBeforeResponse: true,
    bodyLimit: MAX_BODY_BYTES,
    customPropertiesExtractor: requestDigest,
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
      : new App({ receiver, logger, clientOptions, ...NO_CONVO });
  // Replace the listener the receiver's own server (and the playground) call, adding the future-date check.
  receiver.requestListener = limitConcurrency(rejectFutureTimestamps(receiver.requestListener));
  return { app, receiver, inFlight: trackInFlight(app) };
}

function socketRuntime(
  opts: SlackAppOptions,
  mode: Extract<SlackAppMode, { kind: 'socket' }>,
  logger: BoltLogger,
  clientOptions: WebClientOptions,
): SlackRuntime {
  // The receiver Bolt would build, with the event acks held until the listener wrote its job.
  const receiver = socketReceiver({
    appToken: mode.appToken,
    logger,
    logLevel: LEVELS[opts.logLevel],
    installerOptions: { clientOptions },
  });
  const app = new App({
    receiver,
    token: mode.botToken,
    socketMode: true,
    logger,
    logLevel: LEVELS[opts.logLevel],
    clientOptions,
    ...NO_CONVO,
    ...(opts.botIdentity ?? {}),
  });
  return { app, inFlight: trackInFlight(app) };
}
