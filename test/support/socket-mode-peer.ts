// A loopback Socket Mode peer: the Slack side of a Socket Mode connection, for tests. The Web API fake's
// apps.connections.open hands out one-time ws://127.0.0.1:… URLs from `nextUrl()`; a client that connects with a
// valid ticket gets `hello`, then envelopes (slash_commands, interactive, events_api) whose `envelope_id` acks it
// waits for, and `disconnect` messages or a server-side close to make the app reconnect.
// Envelope shapes follow Slack's Socket Mode docs and @slack/socket-mode's SocketModeClient (what it reads).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SlackRequest } from '../../src/playground/slack-requests.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface Ack {
  envelope_id: string;
  /** What the app acknowledged with: {} for a bare ack(), else e.g. { response_action: 'errors', … }. */
  payload: Record<string, unknown>;
  ms: number;
}

/** Slack waits 3 s for an acknowledgement. */
export const ACK_TIMEOUT_MS = 3000;

export class SocketModePeer {
  /** Every connection that presented a valid ticket, in order (closed ones included). */
  readonly connections: WebSocket[] = [];
  /** Messages the app sent that were not acks of a pending envelope (should stay empty). */
  readonly unexpected: unknown[] = [];
  private readonly tickets = new Set<string>();
  private readonly pending = new Map<string, (ack: Ack) => void>();
  private readonly waiters = new Set<() => void>();
  private current: WebSocket | undefined;

  private constructor(
    private readonly server: WebSocketServer,
    readonly port: number,
    readonly appId: string,
  ) {
    server.on('connection', (ws, req) => this.accept(ws, req.url ?? ''));
  }

  static async start(appId = 'A0APP'): Promise<SocketModePeer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return new SocketModePeer(server, (server.address() as AddressInfo).port, appId);
  }

  /** A fresh one-time URL, as apps.connections.open returns (wss://wss-primary.slack.com/link/?ticket=…). */
  nextUrl = (): string => {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `ws://127.0.0.1:${this.port}/link/?ticket=${ticket}&app_id=${this.appId}`;
  };

  /** The open connection envelopes go to. */
  get open(): boolean {
    return this.current?.readyState === 1;
  }

  /** Resolves once `n` connections have been greeted with hello (the app is connected for the nth time). */
  async connected(n = 1, timeoutMs = 15_000): Promise<void> {
    await this.until(() => this.connections.length >= n && this.open, timeoutMs, `connection #${n}`);
  }

  /** Sends one envelope and resolves with the app's ack; rejects if none comes within 3 s, as Slack gives up. */
  async send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    extra: Partial<Envelope> = {},
  ): Promise<Ack> {
    const ws = this.current;
    if (ws?.readyState !== 1) throw new Error('Socket Mode peer: no open connection to send to');
    const envelope: Envelope = {
      envelope_id: randomUUID(),
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
      ...extra,
    };
    const t0 = performance.now();
    const acked = new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelope.envelope_id);
        reject(new Error(`Socket Mode peer: ${type} envelope not acknowledged within ${ACK_TIMEOUT_MS} ms`));
      }, ACK_TIMEOUT_MS);
      this.pending.set(envelope.envelope_id, (ack) => {
        clearTimeout(timer);
        resolve({ ...ack, ms: performance.now() - t0 });
      });
    });
    ws.send(JSON.stringify(envelope));
    return acked;
  }

  /** The envelope Slack sends over the socket for what it would POST to a request URL in HTTP mode. */
  sendRequest(req: SlackRequest, extra: Partial<Envelope> = {}): Promise<Ack> {
    const { type, payload } = envelopeOf(req);
    return this.send(type, payload, extra);
  }

  /** `disconnect` with a reason (refresh_requested, warning, link_disabled): the app closes and reconnects. */
  disconnect(reason = 'refresh_requested'): void {
    this.current?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'loopback-peer' } }));
  }

  /** The server side goes away without a disconnect message (a close frame, as when Slack recycles a host). */
  dropConnection(code = 1001): void {
    this.current?.close(code, 'server going away');
  }

  async close(): Promise<void> {
    for (const ws of this.server.clients) ws.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket, url: string): void {
    const ticket = new URL(url, 'ws://peer.invalid').searchParams.get('ticket') ?? '';
    // A ticket is good for one connection only: a reconnect must call apps.connections.open again.
    if (!this.tickets.delete(ticket)) {
      ws.close(4001, 'invalid or used ticket');
      return;
    }
    this.connections.push(ws);
    this.current = ws;
    ws.on('message', (data) => this.receive(data.toString()));
    ws.on('close', () => {
      if (this.current === ws) this.current = undefined;
      this.notify();
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'loopback-peer', approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.notify();
  }

  private receive(text: string): void {
    let msg: { envelope_id?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(text);
    } catch {
      this.unexpected.push(text);
      return;
    }
    const resolve = typeof msg.envelope_id === 'string' ? this.pending.get(msg.envelope_id) : undefined;
    if (!resolve) {
      this.unexpected.push(msg);
      return;
    }
    this.pending.delete(msg.envelope_id as string);
    const payload =
      msg.payload && typeof msg.payload === 'object' ? (msg.payload as Record<string, unknown>) : {};
    resolve({ envelope_id: msg.envelope_id as string, payload, ms: 0 });
  }

  private until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Socket Mode peer: ${what} not reached within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }
}

/**
 * HTTP request → Socket Mode envelope: a form with `payload=` is an interactive payload, any other form a slash
 * command (its fields as a JSON object of strings), a JSON event_callback an events_api envelope.
 */
export function envelopeOf(req: SlackRequest): { type: EnvelopeType; payload: Record<string, unknown> } {
  if (req.contentType.startsWith('application/json')) {
    const body = JSON.parse(req.body) as Record<string, unknown>;
    if (body.type !== 'event_callback')
      throw new Error(`Socket Mode carries no ${String(body.type)} requests (HTTP mode only)`);
    return { type: 'events_api', payload: body };
  }
  const fields = Object.fromEntries(new URLSearchParams(req.body));
  if (typeof fields.payload === 'string')
    return { type: 'interactive', payload: JSON.parse(fields.payload) as Record<string, unknown> };
  return { type: 'slash_commands', payload: fields };
}
