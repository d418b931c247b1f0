// The production build as production runs it: `npm run build`, then plain `node dist/main/start.js` in HTTP mode
// (no tsx) against the loopback Slack fake. An anonymous load on the JSON API is refused and writes nothing;
// a keyed request is answered and audited under the key's name; no log line carries a token or a password.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_SECRET } from '../../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import { openStore } from '../../src/store/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);
const BOT_TOKEN = 'xoxb-test-1-2-prodbuild';
let slack: SlackWebApiFake;
let dir = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startProd(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string; output: string[] }> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['dist/main/start.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const started = Date.now();
  while (!output.join('').includes('"msg":"ready"')) {
    if (Date.now() - started > 20_000) throw new Error(`app did not start:\n${output.join('')}`);
    if (child.exitCode !== null) throw new Error(`app exited ${child.exitCode}:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base: `http://127.0.0.1:${port}`, output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  await run('npm', ['run', '--silent', 'build'], { cwd: ROOT, timeout: 60_000 });
  slack = new SlackWebApiFake({ teamId: 'T0TEST', botUserId: 'UBOT', botId: 'BBOT' });
  await slack.start();
  dir = await mkdtemp(join(tmpdir(), 'prod-build-'));
}, 90_000);
afterAll(async () => {
  await slack?.stop();
});

const CASE = JSON.stringify({
  case: { driver: 'EGFR', egfrVariant: 'ex19del', metastases: { burden: 'oligo' }, ecog: 1 },
});

describe('node dist/main/start.js (HTTP mode)', () => {
  it('refuses an anonymous load with 401 and writes nothing; a keyed consult is audited under its name', async () => {
    const sqlitePath = join(dir, 'data', 'store.sqlite');
    const created = await run(process.execPath, ['dist/main/api-key.js', 'create', '--name', 'board-ehr'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', SQLITE_PATH: sqlitePath },
    });
    const key = created.stdout.trim();
    expect(key).toMatch(/^trk_[A-Za-z0-9_-]{43}$/);
    const app = await startProd({ SQLITE_PATH: sqlitePath });
    try {
      const linesBefore = app.output.join('').split('\n').length;
      // A bounded anonymous load: 400 requests, 20 at a time, with and without forged credentials.
      const statuses = new Map<number, number>();
      const auths = [undefined, 'Bearer trk_forged', `Bearer ${key.slice(0, -1)}x`, 'Basic YTpi'];
      for (let round = 0; round < 20; round++) {
        const batch = Array.from({ length: 20 }, (_, i) => {
          const auth = auths[i % auths.length];
          return fetch(`${app.base}/api/v1/consult`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
            body: CASE,
          }).then((r) => {
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
            return r.arrayBuffer();
          });
        });
        await Promise.all(batch);
      }
      expect([...statuses]).toEqual([[401, 400]]);
      // Refusals are not logged one by one either (no log flooding).
      expect(app.output.join('').split('\n').length - linesBefore).toBeLessThan(5);
      const ok = await fetch(`${app.base}/api/v1/consult`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: CASE,
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
      const health = await fetch(`${app.base}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await stop(app.child);
    }
    const store = await openStore({ sqlitePath });
    try {
      const rows = await store.listRecentConsults({ limit: 1000 });
      expect(rows.map((r) => [r.surface, r.apiKeyName])).toEqual([['http', 'board-ehr']]);
    } finally {
      await store.close();
    }
    const text = app.output.join('');
    expect(text).not.toMatch(/xox[abeprs]-|xoxe\.|xapp-/);
    expect(text).not.toContain(SIGNING_SECRET);
    expect(text).not.toContain(key);
  }, 60_000);

  it('logs the PostgreSQL location without its password', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
    // Trust authentication ignores the password, so the app starts and logs where its store is.
    url.password = 'pa55-w0rd-in-url';
    const app = await startProd({ DATABASE_URL: url.toString() });
    await stop(app.child);
    const text = app.output.join('');
    expect(text).toMatch(/"msg":"store open".*"dialect":"postgres"/);
    expect(text).toContain(':***@');
    expect(text).not.toContain('pa55-w0rd-in-url');
  }, 30_000);
});
