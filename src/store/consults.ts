// The consults aggregate: one row per answer given, holding structured facts only (never the text), with its
// idempotency key, its Slack thread once shared, and what the re-check needs to read back. A row's fields are
// computed in one place, consultRow(); recording is one INSERT … ON CONFLICT DO NOTHING, so a retry with the
// same key returns the first row in both dialects without a transaction across an await.
import { randomUUID } from 'node:crypto';
import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import { z } from 'zod';
import { CaseSchema, isEngineOutput, VERDICTS } from '../engine/index.js';
import { canonicalJson, canonicalJsonWithMember, sha256Hex } from './canonical.js';
import { listCasesForRecheck } from './recheck-candidates.js';
import { toConsultRecord } from './rows.js';
import type { ConsultsTable, Database } from './schema.js';
import { type ConsultInput, type Store, StoreError, SURFACES } from './types.js';
import { ListQuerySchema, SlackishId, validate } from './validate.js';

export type ConsultsAggregate = Pick<
  Store,
  'recordConsult' | 'getConsult' | 'listRecentConsults' | 'setConsultThread' | 'listCasesForRecheck'
>;

/** Every column of a consult, in the order the records and the export read them. */
export const CONSULT_COLUMNS = [
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
  'timing',
  'flag_codes',
  'citation_ids',
  'rule_ids',
  'output_sha256',
  'slack_channel_id',
  'slack_thread_ts',
  'api_key_name',
] as const;

const ConsultInputSchema = z.object({
  id: z.string().trim().min(1).max(128).optional(),
  idempotencyKey: z.string().min(1).max(500).optional(),
  at: z.date(),
  teamId: SlackishId.optional(),
  channelId: SlackishId.optional(),
  userId: SlackishId.optional(),
  surface: z.enum(SURFACES),
  apiKeyName: z.string().min(1).max(63).optional(),
});
/** Only what the audit row needs from the output; the hash covers all of it. */
const OutputFacts = z.object({
  rulesetVersion: z.string().min(1),
  verdict: z.enum(VERDICTS),
  flags: z.array(z.object({ code: z.string().min(1) })),
  citations: z.array(z.object({ id: z.string().min(1) })),
  case: z.record(z.string(), z.unknown()),
  timing: z.string().min(1),
  /** The verdict rule and the modifiers that changed the verdict, as the engine reports them. */
  decidedBy: z.array(z.string().min(1)).min(1),
});

/** The row recorded for a consult: every field is worked out here, from the input and the engine output. */
export function consultRow(c: ConsultInput, now: () => Date): Insertable<ConsultsTable> & { id: string } {
  const input = validate(ConsultInputSchema, c, 'consult');
  const { out, caseJson, outputJson } = outputFacts(c.output);
  return {
    id: input.id ?? randomUUID(),
    idempotency_key: input.idempotencyKey ?? null,
    at_ms: input.at.getTime(),
    recorded_at_ms: now().getTime(),
    team_id: input.teamId ?? null,
    channel_id: input.channelId ?? null,
    user_id: input.userId ?? null,
    surface: input.surface,
    ruleset_version: out.rulesetVersion,
    case_json: caseJson,
    verdict: out.verdict,
    timing: out.timing,
    flag_codes: JSON.stringify(out.flags.map((f) => f.code)),
    citation_ids: JSON.stringify(out.citations.map((x) => x.id)),
    rule_ids: JSON.stringify(out.decidedBy),
    output_sha256: sha256Hex(outputJson),
    slack_channel_id: null,
    slack_thread_ts: null,
    api_key_name: input.apiKeyName ?? null,
  };
}

/** What the row needs from the output, serialised once. An output the engine produced is trusted as it is; any
 * other value is read through the schemas, and its case must be structured facts only. */
function outputFacts(output: ConsultInput['output']) {
  if (isEngineOutput(output)) {
    const { json, member } = canonicalJsonWithMember(output, 'case');
    return { out: output, caseJson: member, outputJson: json };
  }
  const out = validate(OutputFacts, output, 'output');
  const caseFacts = CaseSchema.safeParse(out.case);
  if (!caseFacts.success) {
    // The store keeps structured facts only: anything the case schema does not know is refused.
    throw new StoreError('invalid-input', 'output.case is not a valid case (structured facts only)');
  }
  return { out, caseJson: canonicalJson(caseFacts.data), outputJson: canonicalJson(output) };
}

/** The consults INSERT's SQL per connection, compiled by Kysely once: every row has the same columns in the same
 * order, so later inserts bind their values to it (Kysely's per-query compile was ~0.1 ms of every answer).
 * Null when the compiled parameters are not exactly the row's values in order (then Kysely compiles each time). */
const insertSql = new WeakMap<object, string | null>();

async function insertConsult(db: Kysely<Database>, row: Insertable<ConsultsTable>): Promise<bigint> {
  const values = Object.values(row);
  // Keyed by the dialect adapter, which the database and its transactions (the delivery queue's) share.
  const key = db.getExecutor().adapter;
  const cached = insertSql.get(key);
  if (typeof cached === 'string') {
    const res = await db.executeQuery(CompiledQuery.raw(cached, values));
    return res.numAffectedRows ?? 0n;
  }
  const compiled = db
    .insertInto('consults')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .compile();
  if (cached === undefined) {
    const same =
      compiled.parameters.length === values.length && compiled.parameters.every((p, i) => p === values[i]);
    insertSql.set(key, same ? compiled.sql : null);
  }
  const res = await db.executeQuery(compiled);
  return res.numAffectedRows ?? 0n;
}

export async function recordConsult(db: Kysely<Database>, now: () => Date, c: ConsultInput) {
  const row = consultRow(c, now);
  if (Number(await insertConsult(db, row)) === 1) return { id: row.id, created: true };
  return existingConsult(db, row.id, row.idempotency_key ?? null);
}

/** The insert hit a constraint: the same key (a retry) gives the first row; the same id is only the same consult
 * when neither has a key; anything else is a conflict. */
async function existingConsult(db: Kysely<Database>, id: string, key: string | null) {
  if (key !== null) {
    const first = await db
      .selectFrom('consults')
      .select('id')
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (first) return { id: first.id, created: false };
  }
  const same = await db
    .selectFrom('consults')
    .select('idempotency_key')
    .where('id', '=', id)
    .executeTakeFirst();
  if (same && key === null && same.idempotency_key === null) return { id, created: false };
  throw new StoreError('conflict', `consult ${id} already exists with another idempotency key`);
}

async function getConsult(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('consults').select(CONSULT_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toConsultRecord(row) : undefined;
}

async function listRecentConsults(db: Kysely<Database>, q: unknown) {
  const query = validate(ListQuerySchema, q, 'query');
  let sel = db.selectFrom('consults').select(CONSULT_COLUMNS);
  if (query.teamId !== undefined) sel = sel.where('team_id', '=', query.teamId);
  if (query.userId !== undefined) sel = sel.where('user_id', '=', query.userId);
  const rows = await sel.orderBy('at_ms', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map(toConsultRecord);
}

export async function setConsultThread(
  db: Kysely<Database>,
  id: string,
  channelId: string,
  threadTs: string,
) {
  const res = await db
    .updateTable('consults')
    .set({ slack_channel_id: channelId, slack_thread_ts: threadTs })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export function consultsAggregate(db: Kysely<Database>, now: () => Date): ConsultsAggregate {
  return {
    recordConsult: (c) => recordConsult(db, now, c),
    getConsult: (id) => getConsult(db, id),
    listRecentConsults: (q) => listRecentConsults(db, q),
    setConsultThread: (id, channelId, threadTs) => setConsultThread(db, id, channelId, threadTs),
    listCasesForRecheck: () => listCasesForRecheck(db),
  };
}
