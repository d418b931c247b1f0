// The claims aggregate: idempotency for work that must happen once across processes and replicas (a Slack
// retry, a double click). The first INSERT wins through the primary key; an expired claim passes to exactly one
// later claimant through a conditional UPDATE. Expired claims are swept by the retention prune.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './schema.js';
import type { Store } from './types.js';
import { validate } from './validate.js';

export type ClaimsAggregate = Pick<Store, 'claimOnce' | 'releaseClaim' | 'extendClaim'>;

const DEFAULT_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;

async function claimOnce(
  db: Kysely<Database>,
  now: () => Date,
  key: string,
  ttlMs: number,
): Promise<boolean> {
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
}

/** Deletes the claims that expired before `nowMs`. */
export async function deleteExpiredClaims(db: Kysely<Database>, nowMs: number): Promise<void> {
  await db.deleteFrom('claims').where('expires_at_ms', '<', nowMs).execute();
}

export function claimsAggregate(db: Kysely<Database>, now: () => Date): ClaimsAggregate {
  return {
    claimOnce: (key, ttlMs = DEFAULT_CLAIM_TTL_MS) => claimOnce(db, now, key, ttlMs),
    async extendClaim(key, ttlMs) {
      const at = now().getTime();
      const res = await db
        .updateTable('claims')
        .set({ expires_at_ms: at + Math.max(1, Math.trunc(ttlMs)) })
        .where('key', '=', key)
        .where('expires_at_ms', '>', at)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async releaseClaim(key) {
      await db.deleteFrom('claims').where('key', '=', key).execute();
    },
  };
}
