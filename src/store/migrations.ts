// One set of migrations for both databases, written with Kysely's schema builder and compiled for the dialect at
// hand, and the two runners that apply them safely when several processes start at once:
// - PostgreSQL: one transaction holding a transaction-scoped advisory lock (DDL is transactional there), so
//   replicas queue on the lock and each finds the work done by the first.
// - SQLite: one BEGIN IMMEDIATE transaction, run synchronously: the write lock is taken before the migration
//   table is read, and other processes wait for it through busy_timeout.
// Migrations are append-only: never edit one that has shipped, add the next.
import type Sqlite from 'better-sqlite3';
import { type Compilable, type Kysely, sql } from 'kysely';
import { deliveryJobNotice } from './migrations/0005-delivery-job-notice.js';
import type { Database } from './schema.js';

export interface Migration {
  name: string;
  up(db: Kysely<Database>): Compilable[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_initial',
    up: (db) => [
      db.schema
        .createTable('consults')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .addColumn('at_ms', 'bigint', (c) => c.notNull())
        .addColumn('recorded_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('team_id', 'text')
        .addColumn('channel_id', 'text')
        .addColumn('user_id', 'text')
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('ruleset_version', 'text', (c) => c.notNull())
        .addColumn('case_json', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('flag_codes', 'text', (c) => c.notNull())
        .addColumn('citation_ids', 'text', (c) => c.notNull())
        .addColumn('rule_ids', 'text', (c) => c.notNull())
        .addColumn('output_sha256', 'text', (c) => c.notNull())
        .addColumn('slack_channel_id', 'text')
        .addColumn('slack_thread_ts', 'text'),
      db.schema.createIndex('consults_at').on('consults').columns(['at_ms', 'id']),
      db.schema.createIndex('consults_team_at').on('consults').columns(['team_id', 'at_ms']),
      db.schema.createIndex('consults_user_at').on('consults').columns(['user_id', 'at_ms']),
      db.schema
        .createTable('decisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('consult_id', 'text', (c) => c.notNull().references('consults.id').onDelete('cascade'))
        .addColumn('at_ms', 'bigint', (c) => c.notNull())
        .addColumn('recorded_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('note', 'text'),
      db.schema.createIndex('decisions_consult_at').on('decisions').columns(['consult_id', 'at_ms']),
      db.schema.createIndex('decisions_user_at').on('decisions').columns(['user_id', 'at_ms']),
      db.schema.createIndex('decisions_at').on('decisions').columns(['at_ms']),
      db.schema
        .createTable('claims')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('claimed_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('expires_at_ms', 'bigint', (c) => c.notNull()),
      db.schema.createIndex('claims_expires').on('claims').columns(['expires_at_ms']),
      db.schema
        .createTable('installations')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('enterprise_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('is_enterprise_install', 'integer', (c) => c.notNull())
        .addColumn('installation_json', 'text', (c) => c.notNull())
        .addColumn('updated_at_ms', 'bigint', (c) => c.notNull()),
    ],
  },
  {
    // API keys (only their SHA-256 is kept) and the key name on each audit row written through the JSON API.
    name: '0002_api_keys',
    up: (db) => [
      db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_sha256', 'text', (c) => c.notNull().unique())
        .addColumn('key_prefix', 'text', (c) => c.notNull())
        .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at_ms', 'bigint'),
      // One active key per name; revoked keys keep their name for the audit trail.
      db.schema
        .createIndex('api_keys_active_name')
        .on('api_keys')
        .column('name')
        .unique()
        .where(sql.ref('revoked_at_ms'), 'is', null),
      db.schema.alterTable('consults').addColumn('api_key_name', 'text'),
    ],
  },
  {
    // Ruleset 2026.2.0 changed timings as well as verdicts; the re-check compares both. Rows recorded before
    // this migration have no timing (null) and are compared on the verdict only.
    name: '0003_consult_timing',
    up: (db) => [db.schema.alterTable('consults').addColumn('timing', 'text')],
  },
  {
    // The durable delivery queue: one row per acknowledged Slack request, written before the ack, holding
    // structured facts only (never the user's text) and where to answer. Workers lease rows, deliver, and mark
    // them done in the same transaction as the consult's audit row. Shared by replicas on PostgreSQL.
    name: '0004_delivery_jobs',
    up: (db) => [
      db.schema
        .createTable('delivery_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .addColumn('target_json', 'text', (c) => c.notNull())
        .addColumn('ruleset_version', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('parts_done', 'integer', (c) => c.notNull())
        .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('run_after_ms', 'bigint', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_ms', 'bigint')
        .addColumn('sending_since_ms', 'bigint')
        .addColumn('done_at_ms', 'bigint')
        .addColumn('outcome', 'text')
        .addColumn('error_code', 'text')
        .addColumn('consult_id', 'text'),
      db.schema.createIndex('delivery_jobs_ready').on('delivery_jobs').columns(['state', 'run_after_ms']),
      db.schema.createIndex('delivery_jobs_done').on('delivery_jobs').columns(['done_at_ms']),
    ],
  },
  deliveryJobNotice,
];

function migrationsTable(db: Kysely<Database>): Compilable {
  return db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at_ms', 'bigint', (c) => c.notNull());
}

/** Arbitrary but fixed: the advisory lock every replica of this app takes around migrations. */
export const MIGRATION_LOCK_KEY = 7_262_026_051;

/** Applies pending migrations on PostgreSQL; resolves to the names applied by this call. */
export async function migratePostgres(db: Kysely<Database>, nowMs: number): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(trx);
    await trx.executeQuery(migrationsTable(trx).compile());
    const done = new Set(
      (await trx.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.name)) continue;
      for (const q of m.up(trx)) await trx.executeQuery(q.compile());
      await trx.insertInto('schema_migrations').values({ name: m.name, applied_at_ms: nowMs }).execute();
      applied.push(m.name);
    }
    return applied;
  });
}

/** Applies pending migrations on SQLite, synchronously in one immediate transaction. `db` only compiles. */
export function migrateSqlite(raw: Sqlite.Database, db: Kysely<Database>, nowMs: number): string[] {
  const exec = (q: Compilable) => {
    const c = q.compile();
    raw.prepare(c.sql).run(...c.parameters);
  };
  const run = raw.transaction(() => {
    exec(migrationsTable(db));
    const done = new Set(raw.prepare('select name from schema_migrations').pluck().all() as string[]);
    const applied: string[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.name)) continue;
      for (const q of m.up(db)) exec(q);
      exec(db.insertInto('schema_migrations').values({ name: m.name, applied_at_ms: nowMs }));
      applied.push(m.name);
    }
    return applied;
  });
  return run.immediate();
}
