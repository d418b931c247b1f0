// The playground's own HTTP surface: the page (static files from ./page), the state as JSON, live updates as
// server-sent events, and one POST endpoint per thing a person can do in Slack. Requests must come from the
// page itself: a loopback Host header (no DNS rebinding) and, for POSTs, a JSON body from the same origin.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Outcome, PlaygroundEmulator, SubmitOutcome } from './emulator.js';
import { pageRequestProblem } from './request-origin.js';

const PAGE_DIR = new URL('./page/', import.meta.url);
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/playground/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/playground/mrkdwn.js': { file: 'mrkdwn.js', type: 'text/javascript; charset=utf-8' },
  '/playground/blocks.js': { file: 'blocks.js', type: 'text/javascript; charset=utf-8' },
  '/playground/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
};

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const BODY_LIMIT = 256 * 1024;
const HEARTBEAT_MS = 15_000;

const Text = z.string().max(40_000);
const Id = z.string().min(1).max(200);
const EntrySchema = z.union([
  z.object({ value: z.string().max(40_000).nullable() }).strict(),
  z.object({ selected: z.array(z.string().max(2000)).max(500) }).strict(),
]);

const Bodies = {
  message: z.object({ text: Text, channel: Id.optional(), threadTs: Id.optional() }).strict(),
  action: z.union([
    z.object({ channel: Id, ts: Id, blockId: z.string().max(255), actionId: Id }).strict(),
    z
      .object({
        viewId: Id,
        blockId: z.string().max(255),
        actionId: Id,
        values: z.record(z.string().max(255), EntrySchema).optional(),
      })
      .strict(),
  ]),
  messageShortcut: z.object({ channel: Id, ts: Id, callbackId: Id.optional() }).strict(),
  globalShortcut: z.object({ callbackId: Id.optional() }).strict(),
  submit: z.object({ viewId: Id, values: z.record(z.string().max(255), EntrySchema) }).strict(),
  close: z.object({ viewId: Id, all: z.boolean().optional() }).strict(),
  dismiss: z.object({ channel: Id, ts: Id }).strict(),
  home: z.object({}).strict(),
};

export interface PlaygroundRoutes {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Ends every live-update stream (before the server closes). */
  close(): void;
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one factory closing over the page's token and live streams, which every route shares
export function createPlaygroundRoutes(
  emulator: PlaygroundEmulator,
  where: { host: string; port: number },
  /** Embedded in the page; every other endpoint requires it (request-origin.ts). */
  pageToken: string,
): PlaygroundRoutes {
  const streams = new Set<ServerResponse>();
  let lastSent = -1;
  const broadcast = () => {
    if (streams.size === 0) return;
    const state = emulator.snapshot();
    if (state.version === lastSent) return;
    lastSent = state.version;
    const frame = `event: state\ndata: ${JSON.stringify(state)}\n\n`;
    for (const s of streams) s.write(frame);
  };
  const unsubscribe = emulator.subscribe(broadcast);
  const heartbeat = setInterval(() => {
    for (const s of streams) s.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const allowedHosts = new Set([
    `localhost:${where.port}`,
    `127.0.0.1:${where.port}`,
    `[::1]:${where.port}`,
    `${where.host}:${where.port}`,
    `[${where.host}]:${where.port}`,
  ]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const file = STATIC[path];
    if (!file && !path.startsWith('/playground/')) return false;
    if (!allowedHosts.has(String(req.headers.host ?? ''))) {
      send(res, 421, { ok: false, error: 'open the playground at its printed URL' });
      return true;
    }
    if (file) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET');
      let body: Buffer | string = await readFile(new URL(file.file, PAGE_DIR));
      if (file.file === 'index.html') body = body.toString('utf8').replace('__PLAYGROUND_TOKEN__', pageToken);
      res.writeHead(200, { 'content-type': file.type, ...SECURITY_HEADERS });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    const problem = pageRequestProblem(
      req,
      allowedHosts,
      pageToken,
      new URL(req.url ?? '/', 'http://x').searchParams.get('token'),
    );
    if (problem) {
      send(res, 403, { ok: false, error: problem });
      return true;
    }
    if (path === '/playground/state') {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
      send(res, 200, emulator.snapshot());
      return true;
    }
    if (path === '/playground/events') {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...SECURITY_HEADERS,
      });
      res.write('retry: 1000\n\n');
      res.write(`event: state\ndata: ${JSON.stringify(emulator.snapshot())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return true;
    }
    const action = ACTIONS[path.slice('/playground/'.length)];
    if (!action) {
      send(res, 404, { ok: false, error: 'not_found' });
      return true;
    }
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(res, 415, { ok: false, error: 'send JSON (content-type: application/json)' });
      return true;
    }
    const raw = await readBody(req);
    if (raw === undefined) {
      send(res, 413, { ok: false, error: 'body too large' });
      return true;
    }
    let json: unknown;
    try {
      json = raw.trim() ? JSON.parse(raw) : {};
    } catch {
      send(res, 400, { ok: false, error: 'invalid JSON' });
      return true;
    }
    const out = await action(json);
    send(res, out.status, out.body);
    return true;
  }

  type Handler = (json: unknown) => Promise<{ status: number; body: unknown }>;
  const parsed =
    <S extends z.ZodType>(schema: S, run: (b: z.infer<S>) => Promise<Outcome | SubmitOutcome> | Outcome) =>
    async (json: unknown) => {
      const r = schema.safeParse(json);
      if (!r.success) {
        return {
          status: 400,
          body: {
            ok: false,
            error: 'invalid request',
            issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        };
      }
      const outcome = await run(r.data);
      return { status: 200, body: outcome };
    };

  const ACTIONS: Record<string, Handler> = {
    message: parsed(Bodies.message, (b) =>
      emulator.sendMessage({
        text: b.text,
        ...(b.channel ? { channel: b.channel } : {}),
        ...(b.threadTs ? { threadTs: b.threadTs } : {}),
      }),
    ),
    action: parsed(Bodies.action, (b) =>
      'viewId' in b ? emulator.clickInView(b) : emulator.clickInMessage(b),
    ),
    'message-shortcut': parsed(Bodies.messageShortcut, (b) =>
      emulator.messageShortcut({
        channel: b.channel,
        ts: b.ts,
        ...(b.callbackId ? { callbackId: b.callbackId } : {}),
      }),
    ),
    'global-shortcut': parsed(Bodies.globalShortcut, (b) => emulator.globalShortcut(b.callbackId)),
    'view-submit': parsed(Bodies.submit, (b) => emulator.submitView(b.viewId, b.values)),
    'view-close': parsed(Bodies.close, (b) => emulator.closeView(b.viewId, b.all ?? false)),
    dismiss: parsed(Bodies.dismiss, (b) => emulator.dismiss(b.channel, b.ts)),
    home: parsed(Bodies.home, () => emulator.openHome()),
  };

  return {
    handle,
    close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const s of streams) s.end();
      streams.clear();
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > BODY_LIMIT) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  res.writeHead(405, { allow, 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: false, error: 'method not allowed' }));
  return true;
}
