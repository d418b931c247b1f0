// The tables as Kysely sees them. Times are epoch milliseconds in both dialects (SQLite INTEGER, PostgreSQL
// BIGINT, which node-postgres returns as a string: rows are read back through zod, which coerces). JSON
// columns are TEXT in both dialects, written as canonical JSON (sorted keys), so the bytes are the same.
import type { ColumnType } from 'kysely';

/** Epoch milliseconds: written as a number, read as a number (SQLite) or a decimal string (PostgreSQL). */
export type EpochMs = ColumnType<number | string, number, number>;

export interface ConsultsTable {
  id: string;
  idempotency_key: string | null;
  at_ms: EpochMs;
  recorded_at_ms: EpochMs;
  team_id: string | null;
  channel_id: string | null;
  user_id: string | null;
  surface: string;
  ruleset_version: string;
  /** Structured case facts as validated by the engine's case schema: enums, numbers, booleans, never free text. */
  case_json: string;
  verdict: string;
  /** The engine's timing; null on rows recorded before migration 0002. */
  timing: string | null;
  /** JSON array of flag codes. */
  flag_codes: string;
  /** JSON array of citation ids. */
  citation_ids: string;
  /** JSON array of the rule ids that decided the verdict (the matching verdict rule and modifiers that fired). */
  rule_ids: string;
  /** SHA-256 (hex) of the canonical JSON of the full engine output. */
  output_sha256: string;
  slack_channel_id: string | null;
  slack_thread_ts: string | null;
  /** The API key's name for consults from the JSON API (0002). */
  api_key_name: string | null;
}

export interface DecisionsTable {
  id: string;
  consult_id: string;
  at_ms: EpochMs;
  recorded_at_ms: EpochMs;
  user_id: string | null;
  outcome: string;
  reason: string;
  /** The board's note, identifier-guarded by the caller before it reaches the store; length-capped. */
  note: string | null;
}

export interface ClaimsTable {
  key: string;
  claimed_at_ms: EpochMs;
  expires_at_ms: EpochMs;
}

export interface InstallationsTable {
  /** `enterprise:<id>` for an org-wide install, else `team:<id>`. */
  key: string;
  enterprise_id: string | null;
  team_id: string | null;
  is_enterprise_install: number;
  installation_json: string;
  updated_at_ms: EpochMs;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** SHA-256 (hex) of the key; the key itself is shown once and never stored. */
  key_sha256: string;
  /** The first characters of the key, to tell keys apart in listings. */
  key_prefix: string;
  created_at_ms: EpochMs;
  revoked_at_ms: ColumnType<number | string | null, number | null, number | null>;
}

/** Nullable epoch milliseconds. */
export type NullableEpochMs = ColumnType<number | string | null, number | null, number | null>;

/** The delivery queue (0004): one acknowledged request waiting for, or done with, its answer. */
export interface DeliveryJobsTable {
  id: string;
  /** The request's idempotency key (trigger id, event id, view hash…): a retry or replay finds the first row. */
  idempotency_key: string;
  /** A job kind from the delivery registry (src/delivery/kinds). */
  kind: string;
  /** Structured facts only (the kind's zod schema), canonical JSON: never the user's text. */
  payload_json: string;
  /** Where to answer: response_url, channel, thread, user, team (JSON). */
  target_json: string;
  ruleset_version: string;
  /** `queued` until a worker marks it `done` (with its audit row, in one transaction). */
  state: string;
  attempts: number;
  /** Messages already delivered (a resumed job does not send them again). */
  parts_done: number;
  created_at_ms: EpochMs;
  run_after_ms: EpochMs;
  lease_owner: string | null;
  lease_expires_ms: NullableEpochMs;
  /** Set while a message is on its way to Slack: a job resumed with it set may have reached Slack. */
  sending_since_ms: NullableEpochMs;
  done_at_ms: NullableEpochMs;
  /** `delivered`, `reported` (the failure was shown to the user) or `expired` (the user was told in a DM). */
  outcome: string | null;
  error_code: string | null;
  consult_id: string | null;
  /** Set before the user is told the job failed or expired: `{ outcome, code, message }` (the app's notice, JSON). */
  notice_json?: string | null;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at_ms: EpochMs;
}

export interface Database {
  consults: ConsultsTable;
  decisions: DecisionsTable;
  claims: ClaimsTable;
  installations: InstallationsTable;
  api_keys: ApiKeysTable;
  schema_migrations: SchemaMigrationsTable;
  delivery_jobs: DeliveryJobsTable;
}
