// `npm run api-key`: arguments, the three commands over a real store, and exit codes.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKeyArgs, runApiKeyCommand } from '../../src/cli/api-key.js';
import { openStore, type Store } from '../../src/store/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
let store: Store;
beforeAll(async () => {
  store = await openStore({ sqlitePath: join(mkdtempSync(join(tmpdir(), 'api-key-cli-')), 'store.sqlite') });
});
afterAll(async () => {
  await store.close();
});

async function run(argv: string[]) {
  const parsed = parseApiKeyArgs(argv);
  if (!parsed.ok || parsed.command.kind === 'help') throw new Error('expected a command');
  const out: string[] = [];
  const err: string[] = [];
  const code = await runApiKeyCommand(
    parsed.command,
    store.apiKeys,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join(''), err: err.join('') };
}

describe('api-key arguments', () => {
  it.each([
    [['create'], /needs --name/],
    [['create', '--name'], /needs --name/],
    [['create', '--name', 'a b'], /--name: use 1–63 letters/],
    [['create', '--name', 'x', 'extra'], /takes only --name/],
    [['list', '--csv'], /takes only --json/],
    [['revoke'], /needs one key name or id/],
    [['rotate'], /unknown command/],
  ])('refuses %j with a message', (argv, message) => {
    const r = parseApiKeyArgs(argv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('reads create, list and revoke', () => {
    expect(parseApiKeyArgs(['create', '--name', 'ehr'])).toEqual({
      ok: true,
      command: { kind: 'create', name: 'ehr' },
    });
    expect(parseApiKeyArgs(['create', '--name=ehr'])).toEqual({
      ok: true,
      command: { kind: 'create', name: 'ehr' },
    });
    expect(parseApiKeyArgs(['list', '--json'])).toEqual({ ok: true, command: { kind: 'list', json: true } });
    expect(parseApiKeyArgs(['revoke', 'ehr'])).toEqual({
      ok: true,
      command: { kind: 'revoke', target: 'ehr' },
    });
    expect(parseApiKeyArgs([])).toEqual({ ok: true, command: { kind: 'help' } });
  });
});

describe('api-key commands', () => {
  it('creates a key printed once on stdout, lists it without the key, revokes it by name or id', async () => {
    const created = await run(['create', '--name', 'ehr']);
    expect(created.code).toBe(0);
    const key = created.out.trim();
    expect(key).toMatch(/^trk_[A-Za-z0-9_-]{43}$/);
    expect(created.err).toMatch(/only time it is shown/);
    expect(created.err).not.toContain(key);
    expect(await store.apiKeys.verify(key)).toMatchObject({ name: 'ehr' });

    const dup = await run(['create', '--name', 'ehr']);
    expect(dup).toMatchObject({ code: 2, out: '' });
    expect(dup.err).toMatch(/active key named ehr exists/);

    const list = await run(['list']);
    expect(list.out).toMatch(/^ehr\t[0-9a-f-]{36}\ttrk_.{6}…\tcreated .*\tactive\n$/);
    expect(list.out).not.toContain(key);
    const json = JSON.parse((await run(['list', '--json'])).out) as { id: string }[];

    expect(await run(['revoke', json[0]!.id])).toMatchObject({ code: 0 });
    expect(await store.apiKeys.verify(key)).toBeUndefined();
    expect(await run(['revoke', 'ehr'])).toMatchObject({ code: 2 });
    // The name is free again once revoked; the old key stays revoked.
    const again = await run(['create', '--name', 'ehr']);
    expect(again.code).toBe(0);
    expect(await store.apiKeys.verify(key)).toBeUndefined();
    expect((await run(['list'])).out).toMatch(/revoked [\s\S]*active/);
  });

  it('as a process: a usage error exits 2 with the usage on stderr', async () => {
    const err = (await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src/main/api-key.ts', 'frob'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'k-')), 's.sqlite') },
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e) => e,
    )) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/unknown command[\s\S]*Usage:/);
  }, 30_000);
});
