// The JSON API as every Slack mode serves it: API keys, the per-key token bucket, the concurrency cap, the
// body cap applied while streaming, the text cap, the headers, and error bodies that never echo the request.
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditPort } from '../../src/consult/index.js';
import { createApiHandler } from '../../src/http/api.js';
import { createApiAccess } from '../../src/http/api-access.js';
import { createLog } from '../../src/log/logger.js';
import { hashApiKey, openStore, type Store } from '../../src/store/index.js';

let store: Store;
let server: Server;
let base = '';
let clock = 1_000_000;
let key = '';
const logs: string[] = [];
const LIMITS = { ratePerMinute: 60, burst: 3, maxConcurrent: 2, bodyLimitBytes: 4096, textLimitChars: 300 };
const CASE = { case: { driver: 'EGFR', egfrVariant: 'ex19del', metastases: { burden: 'oligo' }, ecog: 1 } };

async function consultRows(): Promise<{ api_key_name: string | null }[]> {
  const rows = await store.listRecentConsults({ limit: 1000 });
  return rows.map((r) => ({ api_key_name: r.apiKeyName }));
}

beforeAll(async () => {
  store = await openStore({ sqlitePath: join(mkdtempSync(join(tmpdir(), 'api-sec-')), 'store.sqlite') });
  const log = createLog('info', (l) => logs.push(l));
  const handle = createApiHandler({
    log,
    now: () => new Date('2026-11-27T07:00:00Z'),
    access: createApiAccess({ keys: store.apiKeys, limits: LIMITS, log, now: () => clock }),
    limits: LIMITS,
    audit: createAuditPort(store, log, () => new Date()),
  });
  server = createServer((req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  key = (await store.apiKeys.create('tumour-board-ehr')).key;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await store.close();
});

const consult = (auth: string | undefined, body: string = JSON.stringify(CASE)) =>
  fetch(`${base}/api/v1/consult`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body,
  });
/** A fresh bucket for each test: the limiter's clock moves a minute on. */
const nextMinute = () => {
  clock += 60_000;
};

describe('API keys', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a wrong key', 'Bearer trk_notarealkey0000000000000000000000000000000'],
    ['a key without the Bearer scheme', 'trk_x'],
    ['Basic credentials', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s with 401 and records nothing', async (_name, auth) => {
    nextMinute();
    const before = (await consultRows()).length;
    for (const path of ['/api/v1/consult', '/api/v1/ruleset', '/api/v1/openapi.json', '/api/v1/nope']) {
      const res =
        path === '/api/v1/consult'
          ? await consult(auth)
          : await fetch(`${base}${path}`, { headers: auth ? { authorization: auth } : {} });
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
    expect((await consultRows()).length).toBe(before);
  });

  it('answers a valid key and records the key name on the audit row', async () => {
    nextMinute();
    const res = await consult(`Bearer ${key}`);
    expect(res.status).toBe(200);
    const rows = await consultRows();
    expect(rows[0]).toEqual({ api_key_name: 'tumour-board-ehr' });
  });

  it('refuses a revoked key with 401 and records nothing', async () => {
    nextMinute();
    const { key: other } = await store.apiKeys.create('lab-system');
    expect((await consult(`Bearer ${other}`)).status).toBe(200);
    const before = (await consultRows()).length;
    await store.apiKeys.revoke('lab-system');
    const res = await consult(`Bearer ${other}`);
    expect(res.status).toBe(401);
    expect((await consultRows()).length).toBe(before);
  });

  it('keeps only the SHA-256 of a key, never the key', async () => {
    const db = await rawDb();
    try {
      const rows = JSON.stringify(await db.selectFrom('api_keys').selectAll().execute());
      expect(rows).toContain(hashApiKey(key));
      expect(rows).not.toContain(key);
    } finally {
      await db.destroy();
    }
  });
});

function rawDb() {
  // biome-ignore lint/suspicious/noExplicitAny: raw inspection of the table behind the store
  return new Kysely<any>({
    dialect: new SqliteDialect({ database: new Sqlite(store.location, { readonly: true }) }),
  });
}

describe('limits', () => {
  it('rate-limits per key with 429 and Retry-After, and refills with time', async () => {
    nextMinute();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${base}/api/v1/ruleset`, { headers: { authorization: `Bearer ${key}` } });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(logs.filter((l) => l.includes('api rate limited'))).toHaveLength(1);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another key has its own bucket.
    const { key: other } = await store.apiKeys.create('second-client');
    expect(
      (await fetch(`${base}/api/v1/ruleset`, { headers: { authorization: `Bearer ${other}` } })).status,
    ).toBe(200);
    clock += Number(retryAfter) * 1000;
    expect(
      (await fetch(`${base}/api/v1/ruleset`, { headers: { authorization: `Bearer ${key}` } })).status,
    ).toBe(200);
  });

  it('caps requests in progress across keys with 503 and Retry-After', async () => {
    nextMinute();
    // Two requests that have sent their headers but not their bodies hold both slots.
    const held = [0, 1].map(() => {
      const req = request(`${base}/api/v1/consult`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${key}`,
          'content-length': '100',
        },
      });
      req.on('error', () => {});
      req.write('{');
      return req;
    });
    await new Promise((r) => setTimeout(r, 150));
    const third = await fetch(`${base}/api/v1/ruleset`, { headers: { authorization: `Bearer ${key}` } });
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('1');
    for (const r of held) r.destroy();
    await new Promise((r) => setTimeout(r, 150));
    nextMinute();
    expect(
      (await fetch(`${base}/api/v1/ruleset`, { headers: { authorization: `Bearer ${key}` } })).status,
    ).toBe(200);
  });

  it('stops reading a body over the cap as it streams, answering 413 long before the client is done', async () => {
    nextMinute();
    const result = await new Promise<{ status: number; sent: number }>((resolve) => {
      let sent = 0;
      let done = false;
      const req = request(`${base}/api/v1/consult`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      });
      req.on('response', (res) => {
        done = true;
        resolve({ status: res.statusCode ?? 0, sent });
        res.resume();
        req.destroy();
      });
      req.on('error', () => {
        if (!done) resolve({ status: -1, sent });
      });
      req.write('{"text":"');
      const pump = () => {
        if (done || sent > 4 * 1024 * 1024) return;
        req.write('a'.repeat(1024));
        sent += 1024;
        setTimeout(pump, 2);
      };
      pump();
    });
    expect(result.status).toBe(413);
    // The cap is 4 kB; the answer comes while the client is still sending, far short of its 4 MB.
    expect(result.sent).toBeLessThan(512 * 1024);
  });

  it('refuses a declared Content-Length over the cap before reading, and text over the text cap', async () => {
    nextMinute();
    const big = await consult(`Bearer ${key}`, JSON.stringify({ text: 'a'.repeat(5000) }));
    expect(big.status).toBe(413);
    const long = await consult(`Bearer ${key}`, JSON.stringify({ text: `EGFR ${'a'.repeat(400)}` }));
    expect(long.status).toBe(400);
    expect(await long.text()).toMatch(/longer than 300 characters/);
  });
});

describe('headers and errors', () => {
  it('sends nosniff and no-store and no CORS headers on every answer, and no preflight grant', async () => {
    nextMinute();
    const answers = [
      await consult(`Bearer ${key}`),
      await consult(undefined),
      await fetch(`${base}/api/v1/nope`, {
        headers: { authorization: `Bearer ${key}`, origin: 'https://evil.example' },
      }),
      await fetch(`${base}/api/v1/consult`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          authorization: `Bearer ${key}`,
        },
      }),
    ];
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect([...res.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    expect(answers[3]!.status).toBe(405);
  });

  it('never echoes the request in an error body', async () => {
    nextMinute();
    const M = 'ZQXMARKER';
    const bodies = [
      `{"text": "${M}`,
      `${M}{`,
      JSON.stringify({ [M]: 1 }),
      JSON.stringify({ case: { [M]: 1, metastases: { [`${M}2`]: 3 } } }),
      JSON.stringify({ case: { driver: M } }),
      JSON.stringify({ text: M, case: { ecog: 1 } }),
    ];
    for (const body of bodies) {
      nextMinute();
      const res = await consult(`Bearer ${key}`, body);
      expect(res.status, body).toBe(400);
      expect(await res.text(), body).not.toContain(M);
    }
    const path = await fetch(`${base}/api/v1/${M}`, { headers: { authorization: `Bearer ${key}` } });
    expect(path.status).toBe(404);
    expect(await path.text()).not.toContain(M);
    expect(logs.join('')).not.toContain(M);
  });
});
