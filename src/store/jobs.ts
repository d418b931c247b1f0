// The delivery queue aggregate: acknowledged Slack requests waiting for their answer. A row is written before
// the ack (INSERT … ON CONFLICT DO NOTHING on the idempotency key, so a retry or a replay finds the first row),
// leased by one worker at a time (a lease renewed while the work runs and expiring seconds after a crash),
// and marked done in the same transaction as the consult's audit row. One code path for both dialects; on
// PostgreSQL the claim adds FOR UPDATE SKIP LOCKED so replicas never wait on, or take, each other's rows.
import { randomUUID } from 'node:crypto';
import { type Insertable, type Kysely, sql, type UpdateObject } from 'kysely';
import { z } from 'zod';
import { canonicalJson } from './canonical.js';
import { compiledOnce } from './compiled-once.js';
import { recordConsult, setConsultThread } from './consults.js';
import type { Database, DeliveryJobsTable } from './schema.js';
import type { ConsultInput } from './types.js';
import { validate } from './validate.js';

export const JOB_OUTCOMES = ['delivered', 'reported', 'expired'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

export const JobTargetSchema = z.object({
  responseUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  channel: z.string().min(1).max(255).optional(),
  threadTs: z.string().min(1).max(64).optional(),
  user: z.string().min(1).max(255).optional(),
  team: z.string().min(1).max(255).optional(),
  enterprise: z.string().min(1).max(255).optional(),
});
export type JobTarget = z.infer<typeof JobTargetSchema>;

export interface EnqueueInput {
  kind: string;
  idempotencyKey: string;
  /** Structured facts only; the kind validated them before enqueueing. */
  payload: unknown;
  target: JobTarget;
  rulesetVersion: string;
  at: Date;
  /** Written already leased to `owner` for `ms` (the acking process works its own job: no claim after). */
  lease?: { owner: string; ms: number } | undefined;
}

export interface Enqueued {
  id: string;
  created: boolean;
  /** The job as leased to `lease.owner`, when it was written with a lease. */
  leased?: JobRecord;
}

export interface JobRecord {
  id: string;
  kind: string;
  idempotencyKey: string;
  payload: unknown;
  target: JobTarget;
  rulesetVersion: string;
  attempts: number;
  partsDone: number;
  createdAt: Date;
  /** A previous attempt was sending a message when it stopped: that message may have reached Slack. */
  uncertain: boolean;
  /** A previous attempt was telling the user the job failed or expired: that notice may have reached Slack. */
  notice?: JobNotice | undefined;
}

/** What a job that ends without its answer tells the user (recorded before it is sent). */
export const JobNoticeSchema = z.object({
  outcome: z.enum(['reported', 'expired']),
  code: z.string().min(1).max(100),
  /** The app's own notice text (never the user's). */
  message: z.string().min(1).max(2000),
});
export type JobNotice = z.infer<typeof JobNoticeSchema>;

export interface JobCompletion {
  outcome: JobOutcome;
  errorCode?: string | undefined;
  /** The audit row, for a delivered consult: written in the same transaction that marks the job done. */
  consult?: ConsultInput | undefined;
  /** Where a shared answer was posted, kept with the audit row for re-check notes. */
  thread?: { channel: string; ts: string } | undefined;
  /** Frees the idempotency key (a failed share): the user's next click enqueues a new job. */
  releaseKey?: boolean | undefined;
}

export interface QueueDepth {
  queued: number;
  leased: number;
  oldestAgeMs: number | null;
}

export interface Jobs {
  /** Writes the job unless one with its key exists; `created: false` is a retry, replay or double click. */
  enqueue(job: EnqueueInput): Promise<Enqueued>;
  /** Leases up to `limit` due jobs for `owner` (none leased by a live worker). */
  claim(owner: string, leaseMs: number, limit: number): Promise<JobRecord[]>;
  /** Extends the leases `owner` holds on `ids`; resolves to how many it still holds. */
  renew(owner: string, ids: string[], leaseMs: number): Promise<number>;
  /** Records that a message is about to be sent (false: the lease was lost, do not send). */
  markSending(owner: string, id: string): Promise<boolean>;
  /** Records that message `partsDone - 1` reached Slack. */
  markPartDone(owner: string, id: string, partsDone: number): Promise<void>;
  /** Records the notice about to be sent instead of the answer (false: the lease was lost, do not send). */
  markNotice(owner: string, id: string, notice: JobNotice): Promise<boolean>;
  /** Marks the job done (with its audit row, atomically); undefined if the lease was lost first. */
  complete(owner: string, id: string, done: JobCompletion): Promise<{ consultId?: string } | undefined>;
  /** Gives the job back to run again at `runAfter` (a retryable failure). */
  retryLater(owner: string, id: string, runAfter: Date, errorCode: string): Promise<void>;
  depth(): Promise<QueueDepth>;
  /** Jobs not done (oldest first), for the recovery log at start. */
  pending(limit: number): Promise<JobRecord[]>;
  get(id: string): Promise<
    | (JobRecord & {
        state: string;
        outcome: string | null;
        errorCode: string | null;
        consultId: string | null;
      })
    | undefined
  >;
}

const EnqueueSchema = z.object({
  kind: z.string().min(1).max(64),
  idempotencyKey: z.string().min(1).max(500),
  rulesetVersion: z.string().min(1).max(64),
  at: z.date(),
  lease: z.object({ owner: z.string().min(1).max(200), ms: z.number().int().positive() }).optional(),
});

const ms = z.coerce.number().int().nonnegative();
const JobRowSchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  idempotency_key: z.string().min(1),
  payload_json: z.string(),
  target_json: z.string(),
  ruleset_version: z.string().min(1),
  state: z.string(),
  attempts: z.coerce.number().int(),
  parts_done: z.coerce.number().int(),
  created_at_ms: ms,
  sending_since_ms: ms.nullable(),
  outcome: z.string().nullable(),
  error_code: z.string().nullable(),
  consult_id: z.string().nullable(),
  notice_json: z.string().nullable().optional(),
});

const JOB_COLUMNS = [
  'id',
  'kind',
  'idempotency_key',
  'payload_json',
  'target_json',
  'ruleset_version',
  'state',
  'attempts',
  'parts_done',
  'created_at_ms',
  'sending_since_ms',
  'outcome',
  'error_code',
  'consult_id',
  'notice_json',
] as const;

function toJob(raw: unknown) {
  const row = validate(JobRowSchema, raw, 'delivery job row');
  return {
    id: row.id,
    kind: row.kind,
    idempotencyKey: row.idempotency_key,
    payload: JSON.parse(row.payload_json) as unknown,
    target: validate(JobTargetSchema, JSON.parse(row.target_json), 'delivery job target'),
    rulesetVersion: row.ruleset_version,
    attempts: row.attempts,
    partsDone: row.parts_done,
    createdAt: new Date(row.created_at_ms),
    uncertain: row.sending_since_ms !== null,
    notice: row.notice_json
      ? validate(JobNoticeSchema, JSON.parse(row.notice_json), 'delivery job notice')
      : undefined,
    state: row.state,
    outcome: row.outcome,
    errorCode: row.error_code,
    consultId: row.consult_id,
  };
}

async function enqueue(db: Kysely<Database>, now: number, job: EnqueueInput): Promise<Enqueued> {
  const input = validate(EnqueueSchema, job, 'delivery job');
  const target = validate(JobTargetSchema, job.target, 'delivery job target');
  const at = input.at.getTime();
  const lease = input.lease;
  const row: Insertable<DeliveryJobsTable> & { id: string; payload_json: string } = {
    id: randomUUID(),
    idempotency_key: input.idempotencyKey,
    kind: input.kind,
    payload_json: canonicalJson(job.payload),
    target_json: canonicalJson(target),
    ruleset_version: input.rulesetVersion,
    state: 'queued',
    // A lease taken here is the first attempt, as a claim would have counted it.
    attempts: lease ? 1 : 0,
    parts_done: 0,
    created_at_ms: at,
    run_after_ms: at,
    lease_owner: lease?.owner ?? null,
    // The store's clock, as a claim's lease (the job's `at` is the caller's clock).
    lease_expires_ms: lease ? now + lease.ms : null,
    sending_since_ms: null,
    done_at_ms: null,
    outcome: null,
    error_code: null,
    consult_id: null,
  };
  const insert = compiledOnce(db, 'jobs.enqueue', Object.values(row), () =>
    db
      .insertInto('delivery_jobs')
      .values(row)
      .onConflict((oc) => oc.column('idempotency_key').doNothing()),
  );
  const res = await db.executeQuery(insert);
  if (Number(res.numAffectedRows ?? 0n) === 1) {
    if (!lease) return { id: row.id, created: true };
    // What a claim would have read back: the stored payload (parsed from its JSON), first attempt, no send yet.
    const leased: JobRecord = {
      id: row.id,
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      payload: JSON.parse(row.payload_json) as unknown,
      target,
      rulesetVersion: input.rulesetVersion,
      attempts: 1,
      partsDone: 0,
      createdAt: new Date(at),
      uncertain: false,
    };
    return { id: row.id, created: true, leased };
  }
  const first = await db
    .selectFrom('delivery_jobs')
    .select('id')
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: first.id, created: false };
}

async function claim(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  now: number,
  owner: string,
  leaseMs: number,
  limit: number,
) {
  const n = Math.max(1, Math.trunc(limit));
  const values = [
    owner,
    now + leaseMs,
    1,
    'queued',
    now,
    now,
    n,
    ...(dialect === 'postgres' ? ['queued'] : []),
  ];
  const query = compiledOnce(db, `jobs.claim.${dialect}`, values, () => {
    const select = db
      .selectFrom('delivery_jobs')
      .select('id')
      .where('state', '=', 'queued')
      .where('run_after_ms', '<=', now)
      .where((eb) => eb.or([eb('lease_expires_ms', 'is', null), eb('lease_expires_ms', '<=', now)]))
      .orderBy('run_after_ms')
      .limit(n);
    const due = dialect === 'postgres' ? select.forUpdate().skipLocked() : select;
    const update = db
      .updateTable('delivery_jobs')
      .set((eb) => ({
        lease_owner: owner,
        lease_expires_ms: now + leaseMs,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', due)
      .returning(JOB_COLUMNS);
    // SQLite has one writer at a time, so the UPDATE … WHERE id IN (SELECT …) is atomic there as it stands; an
    // outer state test made its planner walk every queued row (the whole backlog) instead of the ids' key.
    if (dialect === 'sqlite') return update;
    // PostgreSQL re-checks the state of the rows it locked.
    return update.where('state', '=', 'queued');
  });
  const { rows } = await db.executeQuery(query);
  return rows.map(toJob).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function held(db: Kysely<Database>, owner: string, id: string) {
  return db
    .updateTable('delivery_jobs')
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'queued');
}

type JobUpdate = UpdateObject<Database, 'delivery_jobs'>;

/** Updates job `id` while `owner` holds its lease (or unconditionally, `owner` null: inside completion's
 * transaction, after the row was taken); resolves to the rows changed. The SET's columns name its compiled shape. */
async function updateJob(db: Kysely<Database>, owner: string | null, id: string, set: JobUpdate) {
  const shape = `jobs.update.${owner === null ? 'any' : 'held'}.${Object.keys(set).join(',')}`;
  const values = [...Object.values(set), id, ...(owner === null ? [] : [owner, 'queued'])];
  const query = compiledOnce(db, shape, values, () =>
    owner === null
      ? db.updateTable('delivery_jobs').set(set).where('id', '=', id)
      : held(db, owner, id).set(set),
  );
  const res = await db.executeQuery(query);
  return Number(res.numAffectedRows ?? 0n);
}

async function complete(
  db: Kysely<Database>,
  now: () => Date,
  owner: string,
  id: string,
  done: JobCompletion,
): Promise<{ consultId?: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    // Take the row first: if the lease was lost, nothing (not even the audit row) is written.
    if ((await updateJob(trx, owner, id, { state: 'queued' })) !== 1) return undefined;
    const consult = done.consult ? await recordConsult(trx, now, done.consult) : undefined;
    if (consult && done.thread) await setConsultThread(trx, consult.id, done.thread.channel, done.thread.ts);
    await updateJob(trx, null, id, {
      state: 'done',
      outcome: done.outcome,
      error_code: done.errorCode ?? null,
      consult_id: consult?.id ?? null,
      done_at_ms: now().getTime(),
      lease_owner: null,
      lease_expires_ms: null,
      sending_since_ms: null,
      ...(done.releaseKey ? { idempotency_key: sql<string>`idempotency_key || ${`~released:${id}`}` } : {}),
    });
    return consult ? { consultId: consult.id } : {};
  });
}

async function depth(db: Kysely<Database>, now: number): Promise<QueueDepth> {
  const row = await db
    .selectFrom('delivery_jobs')
    .select((eb) => [
      eb.fn.countAll().as('queued'),
      eb.fn.min('created_at_ms').as('oldest'),
      sql<number>`sum(case when lease_expires_ms > ${now} then 1 else 0 end)`.as('leased'),
    ])
    .where('state', '=', 'queued')
    .executeTakeFirstOrThrow();
  const oldest = row.oldest === null ? null : Number(row.oldest);
  return {
    queued: Number(row.queued),
    leased: Number(row.leased ?? 0),
    oldestAgeMs: oldest === null ? null : Math.max(0, now - oldest),
  };
}

async function renew(db: Kysely<Database>, now: number, owner: string, ids: string[], leaseMs: number) {
  if (ids.length === 0) return 0;
  const res = await db
    .updateTable('delivery_jobs')
    .set({ lease_expires_ms: now + leaseMs })
    .where('id', 'in', ids)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

async function pending(db: Kysely<Database>, limit: number) {
  const rows = await db
    .selectFrom('delivery_jobs')
    .select(JOB_COLUMNS)
    .where('state', '=', 'queued')
    .orderBy('created_at_ms')
    .limit(limit)
    .execute();
  return rows.map(toJob);
}

/** Every write that needs the lease says so: it changes the row only while `owner` still holds it. */
function leasedWrites(
  db: Kysely<Database>,
  t: () => number,
): Pick<Jobs, 'markSending' | 'markPartDone' | 'markNotice' | 'retryLater'> {
  return {
    async markSending(owner, id) {
      return (await updateJob(db, owner, id, { sending_since_ms: t() })) === 1;
    },
    async markPartDone(owner, id, partsDone) {
      await updateJob(db, owner, id, { parts_done: partsDone, sending_since_ms: null });
    },
    async markNotice(owner, id, notice) {
      const json = canonicalJson(validate(JobNoticeSchema, notice, 'delivery job notice'));
      return (await updateJob(db, owner, id, { notice_json: json })) === 1;
    },
    async retryLater(owner, id, runAfter, errorCode) {
      await updateJob(db, owner, id, {
        run_after_ms: runAfter.getTime(),
        error_code: errorCode,
        lease_owner: null,
        lease_expires_ms: null,
      });
    },
  };
}

export function jobsAggregate(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', now: () => Date): Jobs {
  const t = () => now().getTime();
  return {
    enqueue: (job) => enqueue(db, t(), job),
    claim: (owner, leaseMs, limit) => claim(db, dialect, t(), owner, leaseMs, limit),
    renew: (owner, ids, leaseMs) => renew(db, t(), owner, ids, leaseMs),
    ...leasedWrites(db, t),
    complete: (owner, id, done) => complete(db, now, owner, id, done),
    depth: () => depth(db, t()),
    pending: (limit) => pending(db, limit),
    async get(id) {
      const row = await db
        .selectFrom('delivery_jobs')
        .select(JOB_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toJob(row) : undefined;
    },
  };
}
