// `npm run api-key -- create --name <client> | list | revoke <name|id>`: the arguments (pure) and the commands
// over the store. A key is printed once, at creation; only its SHA-256 is kept.
import type { ApiKeys } from '../store/index.js';
import { checkKeyName, StoreError } from '../store/index.js';

export const API_KEY_USAGE = `Usage:
  npm run api-key -- create --name <client>   create a key for a client (printed once: store it now)
  npm run api-key -- list [--json]            list keys (name, id, prefix, created, revoked)
  npm run api-key -- revoke <name|id>         revoke the active key of that name, or the key with that id
The database: DATABASE_URL (PostgreSQL), else SQLITE_PATH, else data/thoracic-rt.sqlite.`;

export type ApiKeyCommand =
  | { kind: 'create'; name: string }
  | { kind: 'list'; json: boolean }
  | { kind: 'revoke'; target: string }
  | { kind: 'help' };

export function parseApiKeyArgs(
  argv: readonly string[],
): { ok: true; command: ApiKeyCommand } | { ok: false; message: string } {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h')
    return { ok: true, command: { kind: 'help' } };
  if (verb === 'create') {
    const i = rest.indexOf('--name');
    const value = i >= 0 ? rest[i + 1] : rest.find((a) => a.startsWith('--name='))?.slice('--name='.length);
    const extra = rest.filter((a, j) => !(j === i || j === i + 1 || a.startsWith('--name=')));
    if (value === undefined || value.startsWith('--'))
      return { ok: false, message: 'create needs --name <client>' };
    if (extra.length > 0)
      return {
        ok: false,
        message: `create takes only --name <client> (got ${extra.length} more argument(s))`,
      };
    const name = checkKeyName(value);
    if (!name.ok) return { ok: false, message: `--name: ${name.message}` };
    return { ok: true, command: { kind: 'create', name: name.name } };
  }
  if (verb === 'list') {
    if (rest.some((a) => a !== '--json')) return { ok: false, message: 'list takes only --json' };
    return { ok: true, command: { kind: 'list', json: rest.includes('--json') } };
  }
  if (verb === 'revoke') {
    if (rest.length !== 1 || !rest[0]?.trim())
      return { ok: false, message: 'revoke needs one key name or id' };
    return { ok: true, command: { kind: 'revoke', target: rest[0].trim() } };
  }
  return { ok: false, message: 'unknown command; use create, list or revoke (npm run api-key -- help)' };
}

/** Runs one command; resolves to the exit code (0 done, 2 refused: name taken, nothing to revoke). */
export async function runApiKeyCommand(
  command: Exclude<ApiKeyCommand, { kind: 'help' }>,
  keys: ApiKeys,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (command.kind === 'create') {
    try {
      const { record, key } = await keys.create(command.name);
      out(`${key}\n`);
      err(
        `api-key: created key ${record.id} for ${record.name}. This is the only time it is shown: store it now.\n`,
      );
      err('api-key: clients send it as "Authorization: Bearer <key>" to /api/v1/*.\n');
      return 0;
    } catch (e) {
      if (e instanceof StoreError && (e.code === 'conflict' || e.code === 'invalid-input')) {
        err(`api-key: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  if (command.kind === 'list') {
    const all = await keys.list();
    if (command.json) {
      out(`${JSON.stringify(all)}\n`);
      return 0;
    }
    if (all.length === 0) err('api-key: no keys yet (npm run api-key -- create --name <client>)\n');
    for (const k of all) {
      const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
      out(`${k.name}\t${k.id}\t${k.prefix}…\tcreated ${k.createdAt.toISOString()}\t${state}\n`);
    }
    return 0;
  }
  const revoked = await keys.revoke(command.target);
  if (!revoked) {
    err('api-key: no active key with that name or id (npm run api-key -- list)\n');
    return 2;
  }
  out(`revoked ${revoked.name} (${revoked.id})\n`);
  return 0;
}
