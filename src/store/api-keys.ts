// The API key aggregate: clients of the JSON API, each with a name and a random key shown once at creation.
// Only the key's SHA-256 is stored. A slow password hash (scrypt, argon2) is for low-entropy secrets a person
// chose; these keys carry 256 random bits, so a leaked table cannot be brute-forced and a fast hash lets every
// request be checked with one indexed lookup.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './schema.js';
import { StoreError } from './types.js';

export const API_KEY_PREFIX = 'trk_';
const NAME = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'use 1–63 letters, digits, dots, dashes or underscores');

export interface ApiKeyRecord {
  id: string;
  name: string;
  /** The first characters of the key (never enough to use it). */
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface ApiKeys {
  /** Creates a key for `name`; the returned key is the only copy. Refused if `name` has an active key. */
  create(name: string): Promise<{ record: ApiKeyRecord; key: string }>;
  list(): Promise<ApiKeyRecord[]>;
  /** Revokes the active key named `nameOrId`, or the key with that id. Resolves to what was revoked. */
  revoke(nameOrId: string): Promise<ApiKeyRecord | undefined>;
  /** The active key this bearer value is, or undefined. */
  verify(key: string): Promise<ApiKeyRecord | undefined>;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Validates a client name; a value for the CLI, never an exception. */
export function checkKeyName(name: string): { ok: true; name: string } | { ok: false; message: string } {
  const r = NAME.safeParse(name);
  return r.success ? { ok: true, name: r.data } : { ok: false, message: r.error.issues[0]!.message };
}

const Row = z.object({
  id: z.string(),
  name: z.string(),
  key_prefix: z.string(),
  created_at_ms: z.coerce.number(),
  revoked_at_ms: z.coerce.number().nullable(),
});

function toRecord(row: unknown): ApiKeyRecord {
  const r = Row.parse(row);
  return {
    id: r.id,
    name: r.name,
    prefix: r.key_prefix,
    createdAt: new Date(r.created_at_ms),
    revokedAt: r.revoked_at_ms === null ? null : new Date(r.revoked_at_ms),
  };
}

const COLUMNS = ['id', 'name', 'key_prefix', 'created_at_ms', 'revoked_at_ms'] as const;

export function createApiKeys(db: Kysely<Database>, now: () => Date): ApiKeys {
  const active = () => db.selectFrom('api_keys').select(COLUMNS).where('revoked_at_ms', 'is', null);
  return {
    async create(name) {
      const checked = checkKeyName(name);
      if (!checked.ok) throw new StoreError('invalid-input', `name: ${checked.message}`);
      if (await active().where('name', '=', checked.name).executeTakeFirst()) {
        throw new StoreError('conflict', `an active key named ${checked.name} exists; revoke it first`);
      }
      const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row = {
        id: randomUUID(),
        name: checked.name,
        key_sha256: hashApiKey(key),
        key_prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        created_at_ms: now().getTime(),
        revoked_at_ms: null,
      };
      await db.insertInto('api_keys').values(row).execute();
      return { record: toRecord(row), key };
    },
    async list() {
      const rows = await db
        .selectFrom('api_keys')
        .select(COLUMNS)
        .orderBy('created_at_ms')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async revoke(nameOrId) {
      const target =
        (await active().where('name', '=', nameOrId).executeTakeFirst()) ??
        (await active().where('id', '=', nameOrId).executeTakeFirst());
      if (!target) return undefined;
      const at = now().getTime();
      await db.updateTable('api_keys').set({ revoked_at_ms: at }).where('id', '=', target.id).execute();
      return toRecord({ ...target, revoked_at_ms: at });
    },
    async verify(key) {
      if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return undefined;
      const row = await active().where('key_sha256', '=', hashApiKey(key)).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
  };
}
