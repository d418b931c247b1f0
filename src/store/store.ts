// openStore(): the audit trail, board decisions, idempotency claims and Slack installations over Kysely, on the
// embedded SQLite file (default) or on PostgreSQL (DATABASE_URL, shared by replicas). Every write is one
// statement, so it is atomic in both dialects without holding a transaction across an await; uniqueness
// (idempotency keys, claims) is enforced by constraints, so it holds across processes and replicas.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { CaseSchema, VERDICTS } from '../engine/index.js';
import { type AuditDecision, type AuditRow, csvHeader, csvLine, jsonLine } from './audit-format.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { SAFETY_NET_AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer.js';
import { createInstallationStore } from './installation-store.js';
import { migratePostgres, migrateSqlite } from './migrations.js';
import { parseRecheckRow, toConsultRecord, toDecisionRecord } from './rows.js';
import type { Database } from './schema.js';
import {
  type Concordance,
  type ConsultInput,
  DECISION_OUTCOMES,
  DECISION_REASONS,
  type DecisionInput,
  NOTE_MAX_CHARS,
  type RecheckCandidate,
  type Store,
  StoreError,
  type StoreOptions,
  SURFACES,
} from './types.js';

export const DEFAULT_SQLITE_PATH = 'data/thoracic-rt.sqlite';
const DEFAULT_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;
const EXPORT_PAGE = 500;
const STATEMENT_CACHE_SIZE = 200;

const SlackishId = z.string().trim().min(1).max(255);
const ConsultInputSchema = z.object({
  id: z.string().trim().min(1).max(128).optional(),
  idempotencyKey: z.string().min(1).max(500).optional(),
  at: z.date(),
  teamId: SlackishId.optional(),
  channelId: SlackishId.optional(),
  userId: SlackishId.optional(),
  surface: z.enum(SURFACES),
});
/** Only what the audit row needs from the output; the hash covers all of it. */
const OutputFacts = z.object({
  rulesetVersion: z.string().min(1),
  verdict: z.enum(VERDICTS),
  timing: z.string().min(1),
  /** The verdict rule and the modifiers that changed the verdict, as the engine reports them. */
  decidedBy: z.array(z.string().min(1)).min(1),
  flags: z.array(z.object({ code: z.string().min(1) })),
  citations: z.array(z.object({ id: z.string().min(1) })),
  case: z.record(z.string(), z.unknown()),
});
const DecisionInputSchema = z.object({
  consultId: z.string().min(1),
  at: z.date(),
  userId: SlackishId.optional(),
  outcome: z.enum(DECISION_OUTCOMES),
  reason: z.enum(DECISION_REASONS),
  note: z.string().optional(),
});
const ListQuerySchema = z.object({
  teamId: SlackishId.optional(),
  userId: SlackishId.optional(),
  limit: z.number().int().min(1).max(1000),
});

function validate<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((i) => `${i.path.join('.') || what} ${i.message}`).join('; ');
  throw new StoreError('invalid-input', `${what}: ${where}`);
}

/** Cuts a note to NOTE_MAX_CHARS code points (never inside a surrogate pair); empty means no note. */
export function capNote(note: string | undefined): string | null {
  const trimmed = note?.trim();
  if (!trimmed) return null;
  const chars = Array.from(trimmed);
  return chars.length <= NOTE_MAX_CHARS ? trimmed : `${chars.slice(0, NOTE_MAX_CHARS - 1).join('')}…`;
}

/** The URL with its password replaced, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const now = opts.now ?? (() => new Date());
  if (opts.databaseUrl) {
    if (!/^postgres(ql)?:\/\//i.test(opts.databaseUrl)) {
      throw new StoreError('config', 'DATABASE_URL must be a postgres:// or postgresql:// URL');
    }
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 });
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
    return buildStore(db, 'postgres', redactUrl(opts.databaseUrl), now, async () => {});
  }

  const path = resolve(opts.sqlitePath ?? DEFAULT_SQLITE_PATH);
  mkdirSync(dirname(path), { recursive: true });
  const raw = new Sqlite(path);
  const busyTimeoutMs = Math.max(0, Math.trunc(opts.busyTimeoutMs ?? 5000));
  const checkpointMs = Math.max(0, Math.trunc(opts.sqliteCheckpointIntervalMs ?? 250));
  try {
    // busy_timeout first, so that every later step waits for another process's lock instead of failing.
    raw.pragma(`busy_timeout = ${busyTimeoutMs}`);
    const mode = raw.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal')
      throw new StoreError('config', `SQLite refused WAL mode (${mode})`);
    raw.pragma(`synchronous = ${opts.sqliteSynchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    raw.pragma('foreign_keys = ON');
    if (checkpointMs > 0) raw.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT_PAGES}`);
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
  const checkpointer = checkpointMs > 0 ? startCheckpointer(path, checkpointMs, busyTimeoutMs) : undefined;
  return buildStore(db, 'sqlite', path, now, () => checkpointer?.stop());
}

function buildStore(
  db: Kysely<Database>,
  dialect: Store['dialect'],
  location: string,
  now: () => Date,
  beforeClose: () => Promise<void> | undefined,
): Store {
  let closed: Promise<void> | undefined;

  const consultColumns = [
    'id',
    'idempotency_key',
    'at_ms',
    'recorded_at_ms',
    'team_id',
    'channel_id',
    'user_id',
    'surface',
    'ruleset_version',
    'case_json',
    'verdict',
    'flag_codes',
    'citation_ids',
    'rule_ids',
    'output_sha256',
    'slack_channel_id',
    'slack_thread_ts',
  ] as const;

  const decisionsQuery = () =>
    db
      .selectFrom('decisions as d')
      .innerJoin('consults as c', 'c.id', 'd.consult_id')
      .select([
        'd.id',
        'd.consult_id',
        'd.at_ms',
        'd.recorded_at_ms',
        'd.user_id',
        'd.outcome',
        'd.reason',
        'd.note',
        'c.team_id',
        'c.verdict',
      ]);

  const store: Store = {
    dialect,
    location,

    async recordConsult(c: ConsultInput) {
      const input = validate(ConsultInputSchema, c, 'consult');
      const out = validate(OutputFacts, c.output, 'output');
      const caseFacts = CaseSchema.safeParse(out.case);
      if (!caseFacts.success) {
        // The store keeps structured facts only: anything the case schema does not know is refused.
        throw new StoreError('invalid-input', 'output.case is not a valid case (structured facts only)');
      }
      const id = input.id ?? randomUUID();
      const row = {
        id,
        idempotency_key: input.idempotencyKey ?? null,
        at_ms: input.at.getTime(),
        recorded_at_ms: now().getTime(),
        team_id: input.teamId ?? null,
        channel_id: input.channelId ?? null,
        user_id: input.userId ?? null,
        surface: input.surface,
        ruleset_version: out.rulesetVersion,
        case_json: canonicalJson(caseFacts.data),
        verdict: out.verdict,
        timing: out.timing,
        flag_codes: JSON.stringify(out.flags.map((f) => f.code)),
        citation_ids: JSON.stringify(out.citations.map((x) => x.id)),
        rule_ids: JSON.stringify(out.decidedBy),
        output_sha256: sha256Hex(canonicalJson(c.output)),
        slack_channel_id: null,
        slack_thread_ts: null,
      };
      const res = await db
        .insertInto('consults')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 1) return { id, created: true };
      if (input.idempotencyKey !== undefined) {
        const first = await db
          .selectFrom('consults')
          .select('id')
          .where('idempotency_key', '=', input.idempotencyKey)
          .executeTakeFirst();
        if (first) return { id: first.id, created: false };
      }
      const same = await db
        .selectFrom('consults')
        .select('idempotency_key')
        .where('id', '=', id)
        .executeTakeFirst();
      if (same && input.idempotencyKey === undefined && same.idempotency_key === null) {
        return { id, created: false };
      }
      throw new StoreError('conflict', `consult ${id} already exists with another idempotency key`);
    },

    async getConsult(id) {
      const row = await db
        .selectFrom('consults')
        .select(consultColumns)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toConsultRecord(row) : undefined;
    },

    async listRecentConsults(q) {
      const query = validate(ListQuerySchema, q, 'query');
      let sel = db.selectFrom('consults').select(consultColumns);
      if (query.teamId !== undefined) sel = sel.where('team_id', '=', query.teamId);
      if (query.userId !== undefined) sel = sel.where('user_id', '=', query.userId);
      const rows = await sel.orderBy('at_ms', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(toConsultRecord);
    },

    async setConsultThread(id, channelId, threadTs) {
      const res = await db
        .updateTable('consults')
        .set({ slack_channel_id: channelId, slack_thread_ts: threadTs })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    async claimOnce(key, ttlMs = DEFAULT_CLAIM_TTL_MS) {
      validate(z.string().min(1).max(500), key, 'claim key');
      const at = now().getTime();
      const expires = at + Math.max(1, Math.trunc(ttlMs));
      const ins = await db
        .insertInto('claims')
        .values({ key, claimed_at_ms: at, expires_at_ms: expires })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      if (Number(ins.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
      // Taken before: the claim passes to us only if it has expired, and only one updater can see it expired.
      const upd = await db
        .updateTable('claims')
        .set({ claimed_at_ms: at, expires_at_ms: expires })
        .where('key', '=', key)
        .where('expires_at_ms', '<=', at)
        .executeTakeFirst();
      return Number(upd.numUpdatedRows) === 1;
    },

    async releaseClaim(key) {
      await db.deleteFrom('claims').where('key', '=', key).execute();
    },

    async recordDecision(d: DecisionInput) {
      const input = validate(DecisionInputSchema, d, 'decision');
      const consult = await db
        .selectFrom('consults')
        .select('id')
        .where('id', '=', input.consultId)
        .executeTakeFirst();
      if (!consult) throw new StoreError('not-found', `no consult ${input.consultId}`);
      const id = randomUUID();
      await db
        .insertInto('decisions')
        .values({
          id,
          consult_id: input.consultId,
          at_ms: input.at.getTime(),
          recorded_at_ms: now().getTime(),
          user_id: input.userId ?? null,
          outcome: input.outcome,
          reason: input.reason,
          note: capNote(input.note),
        })
        .execute();
      return { id };
    },

    async listDecisions(q) {
      const query = validate(ListQuerySchema, q, 'query');
      let sel = decisionsQuery();
      if (query.teamId !== undefined) sel = sel.where('c.team_id', '=', query.teamId);
      if (query.userId !== undefined) sel = sel.where('d.user_id', '=', query.userId);
      const rows = await sel.orderBy('d.at_ms', 'desc').orderBy('d.id', 'desc').limit(query.limit).execute();
      return rows.map(toDecisionRecord);
    },

    async concordance(q = {}): Promise<Concordance> {
      let sel = db
        .selectFrom('decisions as d')
        .innerJoin('consults as c', 'c.id', 'd.consult_id')
        .where('d.outcome', '<>', 'deferred')
        // The latest decision per consult: no later one (ties broken by id) exists.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('decisions as d2')
                .select(sql`1`.as('one'))
                .whereRef('d2.consult_id', '=', 'd.consult_id')
                .where((eb) =>
                  eb.or([
                    eb('d2.at_ms', '>', eb.ref('d.at_ms')),
                    eb.and([eb('d2.at_ms', '=', eb.ref('d.at_ms')), eb('d2.id', '>', eb.ref('d.id'))]),
                  ]),
                ),
            ),
          ),
        )
        .select(['d.outcome', 'c.verdict', (eb) => eb.fn.countAll().as('n')])
        .groupBy(['d.outcome', 'c.verdict']);
      if (q.teamId !== undefined) sel = sel.where('c.team_id', '=', q.teamId);
      const groups = await sel.execute();
      let decisions = 0;
      let followed = 0;
      for (const g of groups) {
        const n = validate(z.coerce.number().int().nonnegative(), g.n, 'count');
        decisions += n;
        if (followedVerdict(g.outcome, g.verdict)) followed += n;
      }
      return { decisions, followed, share: decisions === 0 ? null : followed / decisions };
    },

    async listCasesForRecheck() {
      const rows = await db
        .selectFrom('consults')
        .select([
          'id',
          'at_ms',
          'team_id',
          'channel_id',
          'ruleset_version',
          'verdict',
          'timing',
          'rule_ids',
          'case_json',
          'slack_channel_id',
          'slack_thread_ts',
        ])
        .orderBy('at_ms')
        .orderBy('id')
        .execute();
      return rows.map((row): RecheckCandidate => {
        const r = parseRecheckRow(row);
        let caseFacts: unknown;
        let caseError: string | null = null;
        try {
          caseFacts = JSON.parse(r.case_json);
        } catch {
          caseError = 'stored case is not valid JSON';
        }
        let ruleIds: string[] = [];
        try {
          const parsed = JSON.parse(r.rule_ids) as unknown;
          if (Array.isArray(parsed)) ruleIds = parsed.filter((x): x is string => typeof x === 'string');
        } catch {
          ruleIds = [];
        }
        return {
          id: r.id,
          at: new Date(r.at_ms),
          teamId: r.team_id,
          channelId: r.channel_id,
          rulesetVersion: r.ruleset_version,
          verdict: r.verdict,
          timing: r.timing,
          ruleIds,
          case: caseFacts,
          caseError,
          slackChannelId: r.slack_channel_id,
          slackThreadTs: r.slack_thread_ts,
        };
      });
    },

    async exportAudit(opts, write) {
      const { since, format } = validate(
        z.object({ since: z.date(), format: z.enum(['csv', 'jsonl']) }),
        opts,
        'export',
      );
      const sinceMs = since.getTime();
      if (format === 'csv') await write(csvHeader());
      let after: { at: number; id: string } | undefined;
      let count = 0;
      for (;;) {
        let sel = db.selectFrom('consults').select(consultColumns).where('at_ms', '>=', sinceMs);
        if (after) {
          const { at, id } = after;
          sel = sel.where((eb) =>
            eb.or([eb('at_ms', '>', at), eb.and([eb('at_ms', '=', at), eb('id', '>', id)])]),
          );
        }
        const rows = await sel.orderBy('at_ms').orderBy('id').limit(EXPORT_PAGE).execute();
        if (rows.length === 0) break;
        const decisions = await db
          .selectFrom('decisions')
          .select(['id', 'consult_id', 'at_ms', 'user_id', 'outcome', 'reason', 'note'])
          .where(
            'consult_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('at_ms')
          .orderBy('id')
          .execute();
        const byConsult = new Map<string, AuditDecision[]>();
        for (const d of decisions) {
          const list = byConsult.get(d.consult_id) ?? [];
          list.push({
            id: d.id,
            at: isoOf(d.at_ms),
            userId: d.user_id,
            outcome: d.outcome,
            reason: d.reason,
            note: d.note,
          });
          byConsult.set(d.consult_id, list);
        }
        for (const r of rows) {
          const row = toAuditRow(r, byConsult.get(r.id) ?? []);
          await write(format === 'csv' ? csvLine(row) : jsonLine(row));
          count++;
        }
        const last = rows[rows.length - 1]!;
        after = { at: Number(last.at_ms), id: last.id };
        if (rows.length < EXPORT_PAGE) break;
      }
      return count;
    },

    async pruneOlderThan(cutoff) {
      validate(z.date(), cutoff, 'cutoff');
      // Decisions go with their consult (ON DELETE CASCADE): one statement, atomic in both dialects.
      const res = await db.deleteFrom('consults').where('at_ms', '<', cutoff.getTime()).executeTakeFirst();
      await db.deleteFrom('claims').where('expires_at_ms', '<', now().getTime()).execute();
      return Number(res.numDeletedRows);
    },

    installationStore: createInstallationStore(db, now),

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
  return store;
}

/** Kysely's SQLite driver prepares every query afresh; each prepared statement is a native object that only the
 * garbage collector frees, and freeing thousands of them showed up as 2–3 ms pauses every ~100 consults. The same
 * SQL text reuses one statement instead (bounded: queries with IN lists of varying length make new texts). */
function cachingStatements(raw: Sqlite.Database): SqliteDatabase {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = raw.prepare(sqlText);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

function followedVerdict(outcome: string, verdict: string): boolean {
  if (outcome === 'accepted') return verdict === 'recommended' || verdict === 'consider';
  if (outcome === 'declined') return verdict === 'not-recommended';
  return false;
}

function isoOf(msValue: number | string): string {
  return new Date(Number(msValue)).toISOString();
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toAuditRow(
  r: {
    id: string;
    at_ms: number | string;
    recorded_at_ms: number | string;
    team_id: string | null;
    channel_id: string | null;
    user_id: string | null;
    surface: string;
    ruleset_version: string;
    verdict: string;
    flag_codes: string;
    citation_ids: string;
    rule_ids: string;
    output_sha256: string;
    slack_channel_id: string | null;
    slack_thread_ts: string | null;
    case_json: string;
  },
  decisions: AuditDecision[],
): AuditRow {
  return {
    id: r.id,
    at: isoOf(r.at_ms),
    recordedAt: isoOf(r.recorded_at_ms),
    teamId: r.team_id,
    channelId: r.channel_id,
    userId: r.user_id,
    surface: r.surface,
    rulesetVersion: r.ruleset_version,
    verdict: r.verdict,
    flagCodes: parseJsonOr(r.flag_codes),
    citationIds: parseJsonOr(r.citation_ids),
    ruleIds: parseJsonOr(r.rule_ids),
    outputSha256: r.output_sha256,
    slackChannelId: r.slack_channel_id,
    slackThreadTs: r.slack_thread_ts,
    case: parseJsonOr(r.case_json),
    decisions,
  };
}
