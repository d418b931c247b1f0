// Early limits: an unsigned body over 64 kB is refused with 413 while it streams (before any signature check),
// and requests past the concurrency cap get a clean 503 with Retry-After instead of being buffered.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { limitConcurrency, MAX_BODY_BYTES } from '../../src/slack/request-limits.js';
import { type Harness, startHarness } from './support/harness.js';

let h: Harness | undefined;
let server: Server | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

describe('request limits', () => {
  it('refuses an unsigned body over the cap with 413, and still serves a small one', async () => {
    h = await startHarness();
    const big = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1024),
    });
    expect(big.status).toBe(413);
    const small = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(small.status).toBe(401);
  });

  it('answers 503 with Retry-After past the concurrency cap, then serves again once requests finish', async () => {
    const held: (() => void)[] = [];
    server = createServer(
      limitConcurrency((_req, res) => {
        held.push(() => res.end('ok'));
      }, 2),
    );
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const first = [fetch(url), fetch(url)];
    while (held.length < 2) await new Promise((r) => setTimeout(r, 10));
    const refused = await fetch(url);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    for (const release of held.splice(0)) release();
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
    const again = fetch(url);
    while (held.length < 1) await new Promise((r) => setTimeout(r, 10));
    held[0]!();
    expect((await again).status).toBe(200);
  });
});
