// The decisions aggregate: what the tumour board decided about a consult (outcome, reason, an optional note the
// caller has already guarded), and the concordance read over them. A decision refers to its consult by a foreign
// key with ON DELETE CASCADE, so the retention prune removes both in one statement.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { toDecisionRecord } from './rows.js';
import type { Database } from './schema.js';
import {
  type Concordance,
  DECISION_OUTCOMES,
  DECISION_REASONS,
  type DecisionInput,
  NOTE_MAX_CHARS,
  type Store,
  StoreError,
} from './types.js';
import { ListQuerySchema, SlackishId, validate } from './validate.js';

export type DecisionsAggregate = Pick<Store, 'recordDecision' | 'listDecisions' | 'concordance'>;

const DecisionInputSchema = z.object({
  consultId: z.string().min(1),
  at: z.date(),
  userId: SlackishId.optional(),
  outcome: z.enum(DECISION_OUTCOMES),
  reason: z.enum(DECISION_REASONS),
  note: z.string().optional(),
});

/** Cuts a note to NOTE_MAX_CHARS code points (never inside a surrogate pair); empty means no note. */
export function capNote(note: string | undefined): string | null {
  const trimmed = note?.trim();
  if (!trimmed) return null;
  const chars = Array.from(trimmed);
  return chars.length <= NOTE_MAX_CHARS ? trimmed : `${chars.slice(0, NOTE_MAX_CHARS - 1).join('')}…`;
}

async function recordDecision(db: Kysely<Database>, now: () => Date, d: DecisionInput) {
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
}

async function listDecisions(db: Kysely<Database>, q: unknown) {
  const query = validate(ListQuerySchema, q, 'query');
  let sel = db
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
  if (query.teamId !== undefined) sel = sel.where('c.team_id', '=', query.teamId);
  if (query.userId !== undefined) sel = sel.where('d.user_id', '=', query.userId);
  const rows = await sel.orderBy('d.at_ms', 'desc').orderBy('d.id', 'desc').limit(query.limit).execute();
  return rows.map(toDecisionRecord);
}

/** See Concordance in types.ts for what counts. */
async function concordance(db: Kysely<Database>, q: { teamId?: string | undefined }): Promise<Concordance> {
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
  let decisions = 0;
  let followed = 0;
  for (const g of await sel.execute()) {
    const n = validate(z.coerce.number().int().nonnegative(), g.n, 'count');
    decisions += n;
    if (followedVerdict(g.outcome, g.verdict)) followed += n;
  }
  return { decisions, followed, share: decisions === 0 ? null : followed / decisions };
}

function followedVerdict(outcome: string, verdict: string): boolean {
  if (outcome === 'accepted') return verdict === 'recommended' || verdict === 'consider';
  if (outcome === 'declined') return verdict === 'not-recommended';
  return false;
}

export function decisionsAggregate(db: Kysely<Database>, now: () => Date): DecisionsAggregate {
  return {
    recordDecision: (d) => recordDecision(db, now, d),
    listDecisions: (q) => listDecisions(db, q),
    concordance: (q = {}) => concordance(db, q),
  };
}
