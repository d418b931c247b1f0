// An in-memory Slack Web API and response_url endpoint on loopback. The app talks to it exactly as to Slack
// (SLACK_API_URL points here); tests and the local playground read what was posted. One fake, not two.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  /** Set for ephemeral messages: only this user sees it. */
  ephemeralTo?: string;
  text: string;
  blocks: unknown[];
  source: 'api' | 'response_url';
}

export interface StoredView {
  id: string;
  hash: string;
  userId?: string;
  kind: 'modal' | 'home';
  view: Record<string, unknown>;
}

/** A scripted failure for the next call(s) of a method: a Slack error code, an HTTP status, or a delay. */
export type Fault =
  | { error: string; data?: Record<string, unknown> }
  | { status: number; retryAfter?: number }
  | { delayMs: number };

export class SlackWebApiFake {
  readonly calls: ApiCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly views: StoredView[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly expiredResponseIds = new Set<string>();
  private readonly waiters = new Set<() => void>();
  private server: Server | undefined;
  private seq = 0;
  baseUrl = '';

  constructor(private readonly identity = { teamId: 'T0PLAYGROUND', botUserId: 'UBOT', botId: 'BBOT' }) {}

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'fake_internal', detail: (err as Error).message }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const { port: bound } = this.server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${bound}`;
    return this.baseUrl;
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
  newResponseUrl(): string {
    return `${this.baseUrl}/response/${randomUUID()}`;
  }

  expireResponseUrl(url: string): void {
    const id = url.split('/').pop();
    if (id) this.expiredResponseIds.add(id);
  }

  failNext(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
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

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private nextTs(): string {
    this.seq += 1;
    return `${1_790_000_000 + this.seq}.${String(this.seq).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readBody(req);
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const args = parseArgs(raw, req.headers['content-type']);
      this.calls.push({ method, args });
      const fault = this.faults.get(method)?.shift();
      if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault && 'status' in fault) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        res.writeHead(fault.status, headers);
        res.end(
          JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' }),
        );
        this.notify();
        return;
      }
      const body =
        fault && 'error' in fault
          ? { ok: false, error: fault.error, ...fault.data }
          : this.apply(method, args);
      send(res, 200, body);
      this.notify();
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      const id = url.pathname.slice('/response/'.length);
      if (this.expiredResponseIds.has(id)) {
        send(res, 404, { ok: false, error: 'expired_url' });
        return;
      }
      const body = parseArgs(raw, req.headers['content-type']);
      this.responses.push({ id, body });
      this.storeResponse(body);
      send(res, 200, { ok: true });
      this.notify();
      return;
    }
    send(res, 404, { ok: false, error: 'unknown_method' });
  }

  private storeResponse(body: Record<string, unknown>): void {
    const channel = typeof body.channel === 'string' ? body.channel : 'response_url';
    this.messages.push({
      channel,
      ts: this.nextTs(),
      ...(typeof body.thread_ts === 'string' ? { threadTs: body.thread_ts } : {}),
      ...(body.response_type === 'in_channel' ? {} : { ephemeralTo: 'response_url' }),
      text: String(body.text ?? ''),
      blocks: Array.isArray(body.blocks) ? body.blocks : [],
      source: 'response_url',
    });
  }

  private apply(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const str = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          team_id: this.identity.teamId,
          user_id: this.identity.botUserId,
          bot_id: this.identity.botId,
          url: `${this.baseUrl}/`,
        };
      case 'chat.postMessage': {
        const channel = str('channel');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (!str('text') && !Array.isArray(args.blocks)) return { ok: false, error: 'no_text' };
        const ts = this.nextTs();
        const threadTs = str('thread_ts');
        this.messages.push({
          channel,
          ts,
          ...(threadTs ? { threadTs } : {}),
          text: str('text') ?? '',
          blocks: (args.blocks as unknown[]) ?? [],
          source: 'api',
        });
        return { ok: true, channel, ts, message: { ts, text: str('text') ?? '' } };
      }
      case 'chat.postEphemeral': {
        const channel = str('channel');
        const user = str('user');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (!user) return { ok: false, error: 'user_not_found' };
        const ts = this.nextTs();
        const threadTs = str('thread_ts');
        this.messages.push({
          channel,
          ts,
          ...(threadTs ? { threadTs } : {}),
          ephemeralTo: user,
          text: str('text') ?? '',
          blocks: (args.blocks as unknown[]) ?? [],
          source: 'api',
        });
        return { ok: true, message_ts: ts };
      }
      case 'chat.update': {
        const m = this.messages.find((x) => x.channel === str('channel') && x.ts === str('ts'));
        if (!m) return { ok: false, error: 'message_not_found' };
        m.text = str('text') ?? m.text;
        if (Array.isArray(args.blocks)) m.blocks = args.blocks;
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case 'views.open':
      case 'views.push': {
        if (!str('trigger_id')) return { ok: false, error: 'invalid_trigger_id' };
        return this.storeView('modal', args.view, undefined);
      }
      case 'views.update': {
        const existing = this.views.find(
          (v) => v.id === str('view_id') || v.view.external_id === str('external_id'),
        );
        if (!existing) return { ok: false, error: 'not_found' };
        existing.view = (args.view as Record<string, unknown>) ?? existing.view;
        existing.hash = randomUUID();
        return { ok: true, view: { ...existing.view, id: existing.id, hash: existing.hash } };
      }
      case 'views.publish':
        return this.storeView('home', args.view, str('user_id'));
      case 'conversations.join':
        return { ok: true, channel: { id: str('channel') } };
      default:
        return { ok: true };
    }
  }

  private storeView(
    kind: 'modal' | 'home',
    view: unknown,
    userId: string | undefined,
  ): Record<string, unknown> {
    if (!view || typeof view !== 'object') return { ok: false, error: 'invalid_arguments' };
    const stored: StoredView = {
      id: `V${String(this.views.length + 1).padStart(8, '0')}`,
      hash: randomUUID(),
      kind,
      view: view as Record<string, unknown>,
      ...(userId ? { userId } : {}),
    };
    if (kind === 'home') {
      const i = this.views.findIndex((v) => v.kind === 'home' && v.userId === userId);
      if (i >= 0) this.views.splice(i, 1);
    }
    this.views.push(stored);
    return { ok: true, view: { ...stored.view, id: stored.id, hash: stored.hash } };
  }
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
