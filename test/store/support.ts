// Test databases for the shared store suite: a temporary SQLite file, or a throwaway PostgreSQL database created
// on the server postgres-server.ts found (TEST_DATABASE_URL, or an embedded one) and dropped afterwards.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { evaluate, type Output } from '../../src/engine/index.js';
import { redactUrl, type StoreOptions } from '../../src/store/index.js';

export const NOW = new Date('2026-11-27T09:00:00.000Z');
const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');

/** A real engine answer for one of the public examples. */
export function exampleOutput(name: string): Output {
  const facts = JSON.parse(readFileSync(join(ROOT, 'examples', `${name}.json`), 'utf8')) as unknown;
  const r = evaluate(facts, { now: NOW });
  if (!r.ok) throw new Error(`example ${name} is invalid`);
  return r.output;
}

export interface TestDb {
  /** Options for openStore (add `now` as needed). */
  options: StoreOptions;
  /** Environment for a child process that opens the same database. */
  env: Record<string, string>;
  /** Direct access, for inspecting and damaging rows behind the store's back. */
  // biome-ignore lint/suspicious/noExplicitAny: raw test access to any table
  raw: Kysely<any>;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  setup(): Promise<void>;
  fresh(): Promise<TestDb>;
  teardown(): Promise<void>;
}

export function sqliteBackend(): Backend {
  let dir = '';
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'thoracic-rt-store-'));
    },
    async fresh() {
      const path = join(dir, `${randomBytes(6).toString('hex')}`, 'store.sqlite');
      // biome-ignore lint/suspicious/noExplicitAny: raw test access
      let raw: Kysely<any> | undefined;
      return {
        options: { sqlitePath: path },
        env: { SQLITE_PATH: path },
        get raw() {
          raw ??= new Kysely({ dialect: new SqliteDialect({ database: new Sqlite(path) }) });
          return raw;
        },
        async cleanup() {
          await raw?.destroy();
        },
      };
    },
    async teardown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `serverUrl`: an admin connection to the server (see postgres-server.ts); `stop` runs after the suite. */
export function postgresBackend(serverUrl: string, stop: () => Promise<void> = async () => {}): Backend {
  const created: string[] = [];
  const admin = () => new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  const withAdmin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = admin();
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    name: 'postgres',
    async setup() {
      try {
        await withAdmin((c) => c.query('select 1'));
      } catch (err) {
        throw new Error(
          `PostgreSQL at ${redactUrl(serverUrl)} stopped answering (${(err as Error).message}).`,
        );
      }
    },
    async fresh() {
      const name = `thoracic_rt_test_${randomBytes(6).toString('hex')}`;
      await withAdmin((c) => c.query(`create database ${name}`));
      created.push(name);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const databaseUrl = url.toString();
      // biome-ignore lint/suspicious/noExplicitAny: raw test access
      let raw: Kysely<any> | undefined;
      return {
        options: { databaseUrl },
        env: { DATABASE_URL: databaseUrl },
        get raw() {
          if (!raw) {
            const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
            // Dropping the database WITH (FORCE) terminates idle connections; that is expected, not a failure.
            pool.on('error', () => {});
            raw = new Kysely({ dialect: new PostgresDialect({ pool }) });
          }
          return raw;
        },
        async cleanup() {
          await raw?.destroy();
          await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
          created.splice(created.indexOf(name), 1);
        },
      };
    },
    async teardown() {
      try {
        if (created.length === 0) return;
        await withAdmin(async (c) => {
          for (const name of created.splice(0)) await c.query(`drop database if exists ${name} with (force)`);
        });
      } finally {
        await stop();
      }
    },
  };
}

export const CHILD = join(here, 'fixtures', 'store-child.ts');

/** Runs the child script with tsx in a single node process (so SIGKILL hits the process that writes). */
export function spawnChild(args: string[], env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Minimal RFC 4180 reader, written independently of the exporter, to check its quoting. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
