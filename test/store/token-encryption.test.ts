// Slack tokens at rest: sealed with AES-256-GCM, opened only with the right key, re-sealed under a new key on
// start-up (rotation), and a missing or wrong key stops the start with a clear error (exit 2 from npm start).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Installation } from '@slack/bolt';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, keyId, openStore, TokenKeyError } from '../../src/store/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const inst: Installation<'v2', false> = {
  team: { id: 'T1', name: 'Board' },
  enterprise: undefined,
  user: { id: 'U1', token: 'xoxp-user-secret-1', scopes: ['chat:write'] },
  bot: { id: 'B1', userId: 'UB1', token: 'xoxb-bot-secret-1', scopes: ['commands'] },
  isEnterpriseInstall: false,
  authVersion: 'v2',
};
const q = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false };
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'tokens-')), 'data', 'store.sqlite');
const rawRows = (path: string) => {
  const db = new Sqlite(path, { readonly: true });
  try {
    return db.prepare('select key, installation_json from installations').all() as {
      key: string;
      installation_json: string;
    }[];
  } finally {
    db.close();
  }
};

async function seed(path: string, key: Buffer) {
  const store = await openStore({ sqlitePath: path, tokens: { cipher: createTokenCipher(key) } });
  await store.installationStore.storeInstallation(inst);
  await store.close();
}

describe('token encryption at rest', () => {
  it('round-trips an installation and stores no token in the clear', async () => {
    const path = freshPath();
    const key = randomBytes(32);
    await seed(path, key);
    const [row] = rawRows(path);
    expect(row?.installation_json).toMatch(new RegExp(`^enc:v1:${keyId(key)}:`));
    expect(row?.installation_json).not.toMatch(/xox[bp]-|secret|UB1/);
    const store = await openStore({ sqlitePath: path, tokens: { cipher: createTokenCipher(key) } });
    expect(await store.installationStore.fetchInstallation(q)).toEqual(inst);
    await store.close();
  });

  it('refuses to open the store with a wrong key or without one, naming the key id', async () => {
    const path = freshPath();
    const key = randomBytes(32);
    await seed(path, key);
    const wrong = openStore({ sqlitePath: path, tokens: { cipher: createTokenCipher(randomBytes(32)) } });
    await expect(wrong).rejects.toThrow(TokenKeyError);
    await expect(
      openStore({ sqlitePath: path, tokens: { cipher: createTokenCipher(randomBytes(32)) } }),
    ).rejects.toThrow(new RegExp(`key id ${keyId(key)}`));
    await expect(openStore({ sqlitePath: path, tokens: { cipher: undefined } })).rejects.toThrow(
      /TOKEN_ENCRYPTION_KEY is not set/,
    );
  });

  it('detects a sealed value moved to another row or altered', async () => {
    const key = randomBytes(32);
    const c = createTokenCipher(key);
    const sealed = c.seal('{"bot":{"token":"xoxb-1"}}', 'team:T1');
    expect(c.open(sealed, 'team:T1')).toBe('{"bot":{"token":"xoxb-1"}}');
    expect(() => c.open(sealed, 'team:T2')).toThrow(/failed authentication/);
    const parts = sealed.split(':');
    const tag = parts[4]!;
    parts[4] = (tag[0] === 'A' ? 'B' : 'A') + tag.slice(1);
    const flipped = parts.join(':');
    expect(() => c.open(flipped, 'team:T1')).toThrow(TokenKeyError);
  });

  it('rotates: with the old key as previous, start-up re-seals every row under the new key', async () => {
    const path = freshPath();
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    await seed(path, oldKey);
    const store = await openStore({
      sqlitePath: path,
      tokens: { cipher: createTokenCipher(newKey, [oldKey]) },
    });
    expect(await store.installationStore.fetchInstallation(q)).toEqual(inst);
    await store.close();
    expect(rawRows(path)[0]?.installation_json).toMatch(new RegExp(`^enc:v1:${keyId(newKey)}:`));
    // The old key can now be dropped: the new key alone opens the store, the old one alone no longer does.
    const after = await openStore({ sqlitePath: path, tokens: { cipher: createTokenCipher(newKey) } });
    expect((await after.installationStore.fetchInstallation(q)).bot?.token).toBe('xoxb-bot-secret-1');
    await after.close();
    await expect(
      openStore({ sqlitePath: path, tokens: { cipher: createTokenCipher(oldKey) } }),
    ).rejects.toThrow(TokenKeyError);
  });

  it('seals plain-text rows left by an earlier version at the first start with a key', async () => {
    const path = freshPath();
    (await openStore({ sqlitePath: path })).close();
    const db = new Sqlite(path);
    db.prepare(
      'insert into installations (key, team_id, is_enterprise_install, installation_json, updated_at_ms) values (?, ?, 0, ?, 0)',
    ).run('team:T1', 'T1', JSON.stringify(inst));
    db.close();
    const key = randomBytes(32);
    const store = await openStore({ sqlitePath: path, tokens: { cipher: createTokenCipher(key) } });
    expect(await store.installationStore.fetchInstallation(q)).toEqual(inst);
    await store.close();
    expect(rawRows(path)[0]?.installation_json).not.toContain('xoxb-');
  });

  it('creates the data folder 0700 and the database files 0600', async () => {
    const path = freshPath();
    const store = await openStore({ sqlitePath: path });
    const modes = [path, `${path}-wal`, `${path}-shm`].map((p) => {
      try {
        return statSync(p).mode & 0o777;
      } catch {
        return undefined;
      }
    });
    const dir = statSync(join(path, '..')).mode & 0o777;
    await store.close();
    expect(dir).toBe(0o700);
    expect(modes[0]).toBe(0o600);
    for (const m of modes.slice(1)) if (m !== undefined) expect(m).toBe(0o600);
  });
});

describe('npm start with a wrong token key', () => {
  it('exits 2 with one line naming the problem, and no stack trace', async () => {
    const path = freshPath();
    await seed(path, randomBytes(32));
    const run = promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), ['src/main/start.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        SQLITE_PATH: path,
        PORT: String(40_000 + Math.floor(Math.random() * 20_000)),
        SLACK_SIGNING_SECRET: 'signing-secret-0123456789',
        SLACK_CLIENT_ID: '1.2',
        SLACK_CLIENT_SECRET: 'client-secret-abcdef',
        SLACK_STATE_SECRET: 'state-secret-0123456789',
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      },
      timeout: 30_000,
    });
    const err = (await run.then(
      () => ({ code: 0, stderr: '' }),
      (e) => e,
    )) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/Token encryption problem .*key id [0-9a-f]{8}/);
    expect(err.stderr).not.toMatch(/\n\s+at /);
  }, 40_000);
});
