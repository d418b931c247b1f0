// An in-memory Slack Web API and response_url endpoint. The app talks to it exactly as to Slack (SLACK_API_URL
// points here); tests and the local playground read what was posted. One fake, not two: it runs on its own
// loopback port (`start`) or is mounted on another server (`attach` + `handleRequest`).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The token the call carried (Authorization: Bearer, or a `token` argument), so tests see whose it was. */
  token?: string;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  /** Set for ephemeral messages: only this user sees it. */
  ephemeralTo?: string;
  /** The author: a user id, or the bot user id for everything the app posts. */
  user?: string;
  text: string;
  blocks: unknown[];
  source: 'api' | 'response_url' | 'user';
  /** Set when chat.update or a response_url `replace_original` changed the message. */
  edited?: boolean;
  /** Message metadata posted with chat.postMessage (returned by conversations.history/replies only with
   * `include_all_metadata`, as Slack does). */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** The response_url id a message was posted through. */
  responseId?: string;
}

export interface StoredView {
  id: string;
  hash: string;
  userId?: string;
  kind: 'modal' | 'home';
  view: Record<string, unknown>;
  /** The first view of a modal stack (itself for views.open). */
  rootViewId?: string;
  /** The view this one was pushed on top of. */
  previousViewId?: string;
}

/** Where a response_url came from: its posts land in this channel (and thread), visible to this user. */
export interface ResponseContext {
  channel: string;
  user: string;
  threadTs?: string;
  /** The message the request came from (block actions, message shortcuts): `replace_original` edits it. */
  messageTs?: string;
}

/** A scripted failure for the next call(s) of a method: a Slack error code, an HTTP status, or a delay. */
export type Fault =
  | { error: string; data?: Record<string, unknown> }
  | { status: number; retryAfter?: number }
  | { delayMs: number };

/** What changed, for observers such as the playground's live view. */
export type FakeEvent =
  | { type: 'message'; message: StoredMessage }
  | { type: 'message_changed'; message: StoredMessage }
  | { type: 'message_deleted'; message: StoredMessage }
  | {
      type: 'view';
      method: 'views.open' | 'views.push' | 'views.update' | 'views.publish';
      view: StoredView;
    };

export interface FakeIdentity {
  teamId: string;
  botUserId: string;
  botId: string;
}

export interface FakeOptions {
  /** Accept only trigger_ids from `issueTrigger`, once, and only for 3 seconds, as Slack does. Off: any
   * non-empty id. */
  strictTriggers?: boolean;
  /** Clock for trigger expiry (tests). */
  now?: () => number;
  /**
   * UNDOCUMENTED (an assumption, off by default): `replace_original: true` through a response_url that came with
   * no message (a slash command's) replaces the last message posted through that same URL. Slack documents
   * replace_original only for the message an interaction came from; with this off the fake posts a new
   * message, the only behaviour the notes confirm. Tests that rely on it say so.
   */
  commandUrlReplacesOwnPost?: boolean;
  /**
   * SECONDARY SOURCE (off by default): a response_url is "usable up to 5 times within 30 minutes" (slack-facts §2.6,
   * quoted from secondary sources). With this set, a URL refuses every POST after this many, answering 404 as the
   * fake does for an expired URL; what Slack answers past the uses is not documented in our notes (an assumption).
   */
  responseUrlMaxUses?: number;
}

/** Slack's trigger_id lifetime. */
export const TRIGGER_TTL_MS = 3000;

export class SlackWebApiFake {
  readonly calls: ApiCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly views: StoredView[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly expiredResponseIds = new Set<string>();
  private readonly responseUses = new Map<string, number>();
  private readonly responseContexts = new Map<string, ResponseContext>();
  private readonly triggers = new Map<string, { user: string; issuedAt: number }>();
  private readonly usedTriggers = new Set<string>();
  private viewSeq = 0;
  private readonly waiters = new Set<() => void>();
  private readonly listeners = new Set<(e: FakeEvent) => void>();
  private server: Server | undefined;
  private socketModeUrl: (() => string) | undefined;
  private seq = 0;
  private triggerSeq = 0;
  baseUrl = '';

  constructor(
    readonly identity: FakeIdentity = { teamId: 'T0PLAYGROUND', botUserId: 'UBOT', botId: 'BBOT' },
    private readonly options: FakeOptions = {},
  ) {}

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      this.handleRequest(req, res).then(
        (handled) => {
          if (!handled) send(res, 404, { ok: false, error: 'unknown_method' });
        },
        (err: unknown) => sendInternalError(res, err),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const { port: bound } = this.server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${bound}`;
    return this.baseUrl;
  }

  /** Serve from another server at `baseUrl` (no trailing slash): route its requests to `handleRequest`. */
  attach(baseUrl: string): void {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The base URL to give the WebClient (`slackApiUrl`). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url, as Slack puts in commands, actions and message shortcuts. */
  newResponseUrl(context?: ResponseContext): string {
    const id = randomUUID();
    if (context) this.responseContexts.set(id, context);
    return `${this.baseUrl}/response/${id}`;
  }

  expireResponseUrl(url: string): void {
    const id = url.split('/').pop();
    if (id) this.expiredResponseIds.add(id);
  }

  /** A fresh trigger_id for `user`, valid for three seconds (enforced with `strictTriggers`). */
  issueTrigger(user: string): string {
    this.triggerSeq += 1;
    const id = `${this.triggerSeq}.${Date.now()}.${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    this.triggers.set(id, { user, issuedAt: this.clock() });
    return id;
  }

  /** Socket Mode: `apps.connections.open` (called with an app-level `xapp-` token) hands out `next()`, e.g. a
   * fresh ws://127.0.0.1:… URL of a loopback Socket Mode peer. */
  offerSocketMode(next: () => string): void {
    this.socketModeUrl = next;
  }

  failNext(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Observes every change (messages, views); returns the unsubscribe function. */
  onChange(listener: (e: FakeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A message a person typed (the playground's composer): stored like any other, authored by `user`. */
  postUserMessage(m: { channel: string; user: string; text: string; threadTs?: string }): StoredMessage {
    return this.addMessage({ ...m, source: 'user' });
  }

  /** Stores a message that did not come through the Web API (typed by a person, or an acknowledgement body
   * Slack shows as an ephemeral message). */
  addMessage(m: {
    channel: string;
    user: string;
    text: string;
    blocks?: unknown[];
    threadTs?: string;
    ephemeralTo?: string;
    source: StoredMessage['source'];
  }): StoredMessage {
    const message: StoredMessage = {
      channel: m.channel,
      ts: this.nextTs(),
      ...(m.threadTs ? { threadTs: m.threadTs } : {}),
      ...(m.ephemeralTo ? { ephemeralTo: m.ephemeralTo } : {}),
      user: m.user,
      text: m.text,
      blocks: m.blocks ?? [],
      source: m.source,
    };
    this.messages.push(message);
    this.emit({ type: 'message', message });
    this.notify();
    return message;
  }

  /** Removes a message (e.g. "Dismiss message" on an ephemeral one). */
  deleteMessage(channel: string, ts: string): boolean {
    const i = this.messages.findIndex((m) => m.channel === channel && m.ts === ts);
    if (i < 0) return false;
    const [message] = this.messages.splice(i, 1);
    this.emit({ type: 'message_deleted', message: message! });
    this.notify();
    return true;
  }

  /** The DM channel between the app and a user, as chat.postMessage to a user id returns it. */
  dmChannelOf(user: string): string {
    return `D${user.replace(/^[UW]/, '')}`;
  }

  /** Resolves when `predicate` holds, re-checked after every request; rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 2000): Promise<T> {
    const now = predicate();
    if (now) return now;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const v = predicate();
        if (!v) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(v);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`waitFor timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /**
   * Handles `/api/<method>` and `/response/<id>`; resolves false for any other path so a server that mounts
   * the fake can route it elsewhere.
   */
  async handleRequest(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const isApi = url.pathname.startsWith('/api/');
    const isResponse = url.pathname.startsWith('/response/');
    if (!isApi && !isResponse) return false;
    const raw = await readBody(req);
    if (req.method === 'POST' && isApi) {
      await this.handleApi(url.pathname.slice('/api/'.length), raw, req, res);
      return true;
    }
    if (req.method === 'POST' && isResponse) {
      const id = url.pathname.slice('/response/'.length);
      const uses = this.responseUses.get(id) ?? 0;
      const max = this.options.responseUrlMaxUses;
      if (this.expiredResponseIds.has(id) || (max !== undefined && uses >= max)) {
        send(res, 404, { ok: false, error: 'expired_url' });
        return true;
      }
      this.responseUses.set(id, uses + 1);
      const body = parseArgs(raw, req.headers['content-type']);
      this.responses.push({ id, body });
      this.storeResponse(id, body, this.responseContexts.get(id));
      send(res, 200, { ok: true });
      this.notify();
      return true;
    }
    send(res, 405, { ok: false, error: 'method_not_allowed' });
    return true;
  }

  private async handleApi(method: string, raw: string, req: IncomingMessage, res: ServerResponse) {
    const args = parseArgs(raw, req.headers['content-type']);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    this.calls.push({ method, args, ...(token ? { token } : {}) });
    const fault = this.faults.get(method)?.shift();
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && 'status' in fault) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      res.writeHead(fault.status, headers);
      res.end(JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' }));
      this.notify();
      return;
    }
    const body =
      fault && 'error' in fault
        ? { ok: false, error: fault.error, ...fault.data }
        : method === 'apps.connections.open'
          ? this.openConnection(req.headers.authorization)
          : this.apply(method, args);
    send(res, 200, body);
    this.notify();
  }

  /** As Slack: only an app-level token may open a Socket Mode connection. */
  private openConnection(authorization: string | undefined): Record<string, unknown> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, error: 'not_authed' };
    if (!token.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
    // No peer attached: this fake's own code (real Slack would give a URL; the app would retry forever).
    if (!this.socketModeUrl) return { ok: false, error: 'fake_socket_mode_not_offered' };
    return { ok: true, url: this.socketModeUrl() };
  }

  private clock(): number {
    return this.options.now?.() ?? Date.now();
  }

  private emit(e: FakeEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private nextTs(): string {
    this.seq += 1;
    return `${1_790_000_000 + this.seq}.${String(this.seq).padStart(6, '0')}`;
  }

  /** The message `replace_original`/`delete_original` acts on: the one the interaction came from, or (only
   * under the `commandUrlReplacesOwnPost` assumption) the last one this URL posted. */
  private originalOf(id: string, ctx: ResponseContext | undefined): StoredMessage | undefined {
    if (ctx?.messageTs) return this.messages.find((m) => m.channel === ctx.channel && m.ts === ctx.messageTs);
    if (!this.options.commandUrlReplacesOwnPost) return undefined;
    return this.messages.findLast((m) => m.responseId === id);
  }

  private storeResponse(id: string, body: Record<string, unknown>, ctx: ResponseContext | undefined): void {
    const text = typeof body.text === 'string' ? body.text : undefined;
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    const original = this.originalOf(id, ctx);
    if (original && (body.delete_original === true || body.delete_original === 'true')) {
      this.deleteMessage(original.channel, original.ts);
      return;
    }
    if (original && (body.replace_original === true || body.replace_original === 'true')) {
      original.text = text ?? '';
      original.blocks = blocks ?? [];
      original.edited = true;
      this.emit({ type: 'message_changed', message: original });
      return;
    }
    const channel = typeof body.channel === 'string' ? body.channel : (ctx?.channel ?? 'response_url');
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : ctx?.threadTs;
    const message: StoredMessage = {
      channel,
      ts: this.nextTs(),
      ...(threadTs ? { threadTs } : {}),
      ...(body.response_type === 'in_channel' ? {} : { ephemeralTo: ctx?.user ?? 'response_url' }),
      user: this.identity.botUserId,
      text: String(text ?? ''),
      blocks: blocks ?? [],
      source: 'response_url',
      responseId: id,
    };
    this.messages.push(message);
    this.emit({ type: 'message', message });
  }

  // biome-ignore lint/complexity/noExcessiveLinesPerFunction: one case per fake Web API method, each a few lines, like Slack's method index
  private apply(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const str = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
    switch (method) {
      case 'oauth.v2.access': {
        // The OAuth install exchange: any non-empty code gives a bot token for the emulated workspace.
        if (!str('code')) return { ok: false, error: 'invalid_code' };
        return {
          ok: true,
          app_id: 'A0PLAYGROUND',
          authed_user: { id: 'U0INSTALLER' },
          scope: 'app_mentions:read,channels:history,chat:write,commands,groups:history,im:history,im:write',
          token_type: 'bot',
          access_token: `xoxb-installed-${str('code')}`,
          bot_user_id: this.identity.botUserId,
          team: { id: this.identity.teamId, name: 'Playground' },
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      case 'auth.test':
        return {
          ok: true,
          team_id: this.identity.teamId,
          user_id: this.identity.botUserId,
          bot_id: this.identity.botId,
          url: `${this.baseUrl}/`,
        };
      case 'chat.postMessage': {
        const target = str('channel');
        if (!target) return { ok: false, error: 'channel_not_found' };
        if (!str('text') && !Array.isArray(args.blocks)) return { ok: false, error: 'no_text' };
        // A user id as the channel means the app's direct message with that user.
        const channel = /^[UW][A-Z0-9]+$/.test(target) ? this.dmChannelOf(target) : target;
        const ts = this.nextTs();
        const threadTs = str('thread_ts');
        const metadata = metadataOf(args.metadata);
        const message: StoredMessage = {
          channel,
          ts,
          ...(threadTs ? { threadTs } : {}),
          user: this.identity.botUserId,
          text: str('text') ?? '',
          blocks: (args.blocks as unknown[]) ?? [],
          source: 'api',
          ...(metadata ? { metadata } : {}),
        };
        this.messages.push(message);
        this.emit({ type: 'message', message });
        return { ok: true, channel, ts, message: { ts, text: str('text') ?? '' } };
      }
      case 'conversations.history':
        return this.history(args);
      case 'conversations.replies':
        return this.replies(args);
      case 'chat.postEphemeral': {
        const channel = str('channel');
        const user = str('user');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (!user) return { ok: false, error: 'user_not_found' };
        const ts = this.nextTs();
        const threadTs = str('thread_ts');
        const message: StoredMessage = {
          channel,
          ts,
          ...(threadTs ? { threadTs } : {}),
          ephemeralTo: user,
          user: this.identity.botUserId,
          text: str('text') ?? '',
          blocks: (args.blocks as unknown[]) ?? [],
          source: 'api',
        };
        this.messages.push(message);
        this.emit({ type: 'message', message });
        return { ok: true, message_ts: ts };
      }
      case 'chat.update': {
        const m = this.messages.find((x) => x.channel === str('channel') && x.ts === str('ts'));
        if (!m) return { ok: false, error: 'message_not_found' };
        m.text = str('text') ?? m.text;
        if (Array.isArray(args.blocks)) m.blocks = args.blocks;
        m.edited = true;
        this.emit({ type: 'message_changed', message: m });
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case 'chat.getPermalink': {
        const channel = str('channel');
        const ts = str('message_ts');
        if (!channel || !ts) return { ok: false, error: 'invalid_arguments' };
        const found = this.messages.some((m) => m.channel === channel && m.ts === ts);
        if (!found) return { ok: false, error: 'message_not_found' };
        return {
          ok: true,
          channel,
          permalink: `https://tumourboard.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
        };
      }
      case 'chat.delete': {
        const channel = str('channel');
        const ts = str('ts');
        if (!channel || !ts || !this.deleteMessage(channel, ts))
          return { ok: false, error: 'message_not_found' };
        return { ok: true, channel, ts };
      }
      case 'views.open':
      case 'views.push': {
        const trigger = this.checkTrigger(str('trigger_id'));
        if (!trigger.ok) return { ok: false, error: trigger.error };
        let previous: StoredView | undefined;
        if (method === 'views.push') {
          previous = this.views.filter((v) => v.kind === 'modal' && v.userId === trigger.user).at(-1);
        }
        return this.storeView(method, 'modal', args.view, trigger.user, previous);
      }
      case 'views.update': {
        const existing = this.views.find(
          (v) => v.id === str('view_id') || (str('external_id') && v.view.external_id === str('external_id')),
        );
        if (!existing) return { ok: false, error: 'not_found' };
        const hash = str('hash');
        if (hash && hash !== existing.hash) return { ok: false, error: 'hash_conflict' };
        existing.view = (args.view as Record<string, unknown>) ?? existing.view;
        existing.hash = randomUUID();
        this.emit({ type: 'view', method: 'views.update', view: existing });
        return { ok: true, view: this.viewPayload(existing) };
      }
      case 'views.publish':
        return this.storeView('views.publish', 'home', args.view, str('user_id'), undefined);
      case 'conversations.join':
        return { ok: true, channel: { id: str('channel') } };
      case 'conversations.open': {
        const users = str('users');
        if (!users) return { ok: false, error: 'users_list_not_supplied' };
        return { ok: true, channel: { id: this.dmChannelOf(users.split(',')[0] ?? users) } };
      }
      default:
        return { ok: true };
    }
  }

  /** conversations.history: the channel's top-level messages (no ephemeral ones), newest first, within
   * oldest/latest, paged by `limit` and `cursor`; metadata only with include_all_metadata. */
  private history(args: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const oldest = Number(args.oldest ?? 0);
    const latest = args.latest === undefined ? Number.POSITIVE_INFINITY : Number(args.latest);
    const found = this.messages
      .filter((m) => m.channel === channel && !m.ephemeralTo && (!m.threadTs || m.threadTs === m.ts))
      .filter((m) => Number(m.ts) >= oldest && Number(m.ts) <= latest)
      .reverse();
    return this.page(found, args);
  }

  /** conversations.replies: a thread's parent, then its replies, oldest first (no ephemeral ones). */
  private replies(args: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    const ts = typeof args.ts === 'string' ? args.ts : undefined;
    if (!channel || !ts) return { ok: false, error: 'invalid_arguments' };
    const inChannel = this.messages.filter((m) => m.channel === channel && !m.ephemeralTo);
    const parent = inChannel.find((m) => m.ts === ts);
    if (!parent) return { ok: false, error: 'thread_not_found' };
    const thread = inChannel.filter((m) => m !== parent && m.threadTs === ts);
    return this.page([parent, ...thread], args);
  }

  private page(found: StoredMessage[], args: Record<string, unknown>): Record<string, unknown> {
    const limit = Math.max(1, Math.min(1000, Number(args.limit ?? 100) || 100));
    const start = Number(typeof args.cursor === 'string' ? args.cursor : 0) || 0;
    const slice = found.slice(start, start + limit);
    const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
    const more = start + limit < found.length;
    return {
      ok: true,
      messages: slice.map((m) => ({
        type: 'message',
        ts: m.ts,
        ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
        user: m.user,
        text: m.text,
        blocks: m.blocks,
        ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
      })),
      has_more: more,
      ...(more ? { response_metadata: { next_cursor: String(start + limit) } } : {}),
    };
  }

  private checkTrigger(
    triggerId: string | undefined,
  ): { ok: true; user: string | undefined } | { ok: false; error: string } {
    if (!triggerId) return { ok: false, error: 'invalid_trigger_id' };
    const known = this.triggers.get(triggerId);
    if (!this.options.strictTriggers) return { ok: true, user: known?.user };
    if (!known) return { ok: false, error: 'invalid_trigger_id' };
    if (this.clock() - known.issuedAt > TRIGGER_TTL_MS) return { ok: false, error: 'expired_trigger_id' };
    // Single use (views.open's `exchanged_trigger_id`).
    if (this.usedTriggers.has(triggerId)) return { ok: false, error: 'exchanged_trigger_id' };
    this.usedTriggers.add(triggerId);
    return { ok: true, user: known.user };
  }

  /** A view that did not come through the Web API: `response_action: push` in a submission's acknowledgement. */
  pushView(view: Record<string, unknown>, userId: string, previous: StoredView | undefined): StoredView {
    this.storeView('views.push', 'modal', view, userId, previous);
    return this.views.at(-1)!;
  }

  /** `response_action: update`: the view replaced in place, with a new hash. */
  replaceView(existing: StoredView, view: Record<string, unknown>): void {
    existing.view = view;
    existing.hash = randomUUID();
    this.emit({ type: 'view', method: 'views.update', view: existing });
  }

  /** The view object Slack returns: the app's view plus id, hash, state and the stack ids. */
  viewPayload(v: StoredView): Record<string, unknown> {
    return {
      ...v.view,
      id: v.id,
      hash: v.hash,
      team_id: this.identity.teamId,
      bot_id: this.identity.botId,
      state: { values: {} },
      ...(v.kind === 'modal'
        ? { root_view_id: v.rootViewId ?? v.id, previous_view_id: v.previousViewId ?? null }
        : {}),
    };
  }

  private storeView(
    method: 'views.open' | 'views.push' | 'views.publish',
    kind: 'modal' | 'home',
    view: unknown,
    userId: string | undefined,
    previous: StoredView | undefined,
  ): Record<string, unknown> {
    if (!view || typeof view !== 'object') return { ok: false, error: 'invalid_arguments' };
    // A counter, not the list length: a republished Home tab leaves the list as long as it was, and a
    // length-based id gave the next modal the Home tab's id (the page then showed the Home in the modal).
    this.viewSeq += 1;
    const id = `V${String(this.viewSeq).padStart(8, '0')}`;
    const stored: StoredView = {
      id,
      hash: randomUUID(),
      kind,
      view: view as Record<string, unknown>,
      ...(userId ? { userId } : {}),
      ...(kind === 'modal' ? { rootViewId: previous?.rootViewId ?? id } : {}),
      ...(previous ? { previousViewId: previous.id } : {}),
    };
    if (kind === 'home') {
      const i = this.views.findIndex((v) => v.kind === 'home' && v.userId === userId);
      if (i >= 0) this.views.splice(i, 1);
    }
    this.views.push(stored);
    this.emit({ type: 'view', method, view: stored });
    return { ok: true, view: this.viewPayload(stored) };
  }
}

function metadataOf(v: unknown): StoredMessage['metadata'] {
  if (!v || typeof v !== 'object') return undefined;
  const m = v as { event_type?: unknown; event_payload?: unknown };
  if (typeof m.event_type !== 'string') return undefined;
  const payload = m.event_payload && typeof m.event_payload === 'object' ? m.event_payload : {};
  return { event_type: m.event_type, event_payload: payload as Record<string, unknown> };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The WebClient sends form-encoded bodies with JSON-encoded nested values; respond() sends JSON. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) {
    try {
      const v = JSON.parse(raw);
      return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendInternalError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  send(res, 500, { ok: false, error: 'fake_internal', detail: (err as Error).message });
}
