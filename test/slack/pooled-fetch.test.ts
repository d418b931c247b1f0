// The pooled fetch the Slack clients use: same answers as fetch for what Bolt and WebClient read (status, ok,
// headers, text/json/arrayBuffer), one reused keep-alive connection, bodies read whole, timeouts honoured.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPooledFetch } from '../../src/slack/pooled-fetch.js';

let server: Server;
let base = '';
const sockets = new Set<unknown>();
const seen: { method?: string; body: string; type?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      seen.push({ method: req.method, body, type: req.headers['content-type'] });
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
      if (req.url === '/gone') return void res.writeHead(404, { 'x-reason': 'expired' }).end('no');
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ ok: true, echo: body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('createPooledFetch', () => {
  it('posts the body and headers and returns what fetch would', async () => {
    const f = createPooledFetch();
    try {
      const res = await f(`${base}/api/chat.postMessage`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'channel=C1&text=hi',
      });
      expect(res.ok).toBe(true);
      expect(res.status).toBe(200);
      expect(res.url).toBe(`${base}/api/chat.postMessage`);
      expect(res.headers.get('Content-Type')).toBe('application/json');
      expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
      expect(res.headers.get('x-missing')).toBeNull();
      expect(Object.fromEntries(res.headers.entries())['content-type']).toBe('application/json');
      expect(await res.json()).toEqual({ ok: true, echo: 'channel=C1&text=hi' });
      expect(await res.text()).toBe(JSON.stringify({ ok: true, echo: 'channel=C1&text=hi' }));
      expect(new TextDecoder().decode(await res.arrayBuffer())).toContain('"ok":true');
      expect(seen.at(-1)).toMatchObject({ method: 'POST', type: 'application/x-www-form-urlencoded' });
    } finally {
      await f.close();
    }
  });

  it('reuses its pooled connections for sequential requests even when bodies are never read', async () => {
    const f = createPooledFetch();
    sockets.clear();
    try {
      for (let i = 0; i < 20; i++) await f(`${base}/response/${i}`, { method: 'POST', body: '{}' });
      // undici may open a second connection while the first is finishing; never one per request.
      expect(sockets.size).toBeLessThanOrEqual(2);
    } finally {
      await f.close();
    }
  });

  it('reports a non-2xx status as not ok, with its headers and body', async () => {
    const f = createPooledFetch();
    try {
      const res = await f(`${base}/gone`, { method: 'POST', body: '{}' });
      expect([res.ok, res.status, res.headers.get('x-reason'), await res.text()]).toEqual([
        false,
        404,
        'expired',
        'no',
      ]);
    } finally {
      await f.close();
    }
  });

  it('aborts on the caller signal (the Web API timeout)', async () => {
    const f = createPooledFetch();
    try {
      await expect(
        f(`${base}/slow`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(50) }),
      ).rejects.toThrow();
    } finally {
      await f.close();
    }
  });
});
