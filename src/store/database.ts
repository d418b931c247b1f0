// Opening the one database the aggregates share: PostgreSQL when a DATABASE_URL is given (shared by replicas),
// else the embedded SQLite file in WAL mode with its pragmas and background checkpointer. Migrations run here,
// before any aggregate sees the connection (PostgreSQL under the advisory lock, SQLite in one immediate
// transaction: see migrations.ts). close() is idempotent and stops the checkpointer before the pool.
import { resolve } from 'node:path';
import type Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { SAFETY_NET_AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer.js';
import { ensurePrivateFile } from './file-modes.js';
import { migratePostgres, migrateSqlite } from './migrations.js';
import type { Database } from './schema.js';
import { cachingStatements } from './statement-cache.js';
import { resealInstallations } from './token-rotation.js';
import { type Store, StoreError, type StoreOptions } from './types.js';

export const DEFAULT_SQLITE_PATH = 'data/thoracic-rt.sqlite';

/** A migrated connection and what the Store says about it. */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: Store['dialect'];
  /** The SQLite path, or the PostgreSQL URL without its password: safe to log. */
  readonly location: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The URL with its password replaced, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const k of [...u.searchParams.keys()]) if (/pass|pwd/i.test(k)) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export function openDatabase(opts: StoreOptions, now: () => Date): Promise<OpenDatabase> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts, now) : openSqlite(opts, now);
}

async function openPostgres(url: string, opts: StoreOptions, now: () => Date): Promise<OpenDatabase> {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new StoreError('config', 'DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  // Each driver is loaded only when its dialect is used (pg is ~60 ms of start-up an SQLite deployment never needs).
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: opts.poolMax ?? 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node would crash
  // the process. The next query gets a fresh connection (or fails, and the caller sees it).
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migratePostgres(db, now().getTime());
  } catch (err) {
    await db.destroy();
    throw err;
  }
  await checkTokens(db, opts, now);
  return connection(db, 'postgres', redactUrl(url), async () => {});
}

async function openSqlite(opts: StoreOptions, now: () => Date): Promise<OpenDatabase> {
  const path = resolve(opts.sqlitePath ?? DEFAULT_SQLITE_PATH);
  ensurePrivateFile(path);
  const { default: Sqlite } = await import('better-sqlite3');
  const raw = new Sqlite(path);
  const busyTimeoutMs = Math.max(0, Math.trunc(opts.busyTimeoutMs ?? 5000));
  const checkpointMs = Math.max(0, Math.trunc(opts.sqliteCheckpointIntervalMs ?? 250));
  try {
    applyPragmas(raw, busyTimeoutMs, checkpointMs, opts.sqliteSynchronous);
  } catch (err) {
    raw.close();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
  try {
    migrateSqlite(raw, db, now().getTime());
  } catch (err) {
    await db.destroy();
    throw err;
  }
  await checkTokens(db, opts, now);
  const checkpointer = checkpointMs > 0 ? startCheckpointer(path, checkpointMs, busyTimeoutMs) : undefined;
  return connection(db, 'sqlite', path, () => checkpointer?.stop());
}

function applyPragmas(
  raw: Sqlite.Database,
  busyTimeoutMs: number,
  checkpointMs: number,
  synchronous: StoreOptions['sqliteSynchronous'],
): void {
  // busy_timeout first, so that every later step waits for another process's lock instead of failing.
  raw.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const mode = raw.pragma('journal_mode = WAL', { simple: true });
  if (String(mode).toLowerCase() !== 'wal')
    throw new StoreError('config', `SQLite refused WAL mode (${mode})`);
  raw.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  raw.pragma('foreign_keys = ON');
  if (checkpointMs > 0) raw.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT_PAGES}`);
}

function connection(
  db: Kysely<Database>,
  dialect: Store['dialect'],
  location: string,
  beforeClose: () => Promise<void> | undefined,
): OpenDatabase {
  let closed: Promise<void> | undefined;
  return {
    db,
    dialect,
    location,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close() {
      closed ??= (async () => {
        await beforeClose();
        await db.destroy();
      })();
      return closed;
    },
  };
}

/** With `tokens` given (the servers), every stored installation must open with the configured keys. */
async function checkTokens(db: Kysely<Database>, opts: StoreOptions, now: () => Date): Promise<void> {
  if (!opts.tokens) return;
  try {
    await resealInstallations(db, opts.tokens.cipher, now().getTime());
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
