// Records every consult a Slack surface answers. An audit failure is logged with a code and never stops the
// answer: the clinician gets the answer; the operator sees the code.
import type { Output } from '../engine/index.js';
import type { Surface } from '../store/index.js';
import type { SlackDeps } from './deps.js';

export interface AuditContext {
  surface: Surface;
  idempotencyKey?: string | undefined;
  teamId?: string | undefined;
  channelId?: string | undefined;
  userId?: string | undefined;
}

/** Returns the consult id (the first one recorded for this idempotency key), or undefined without a store. */
export async function recordConsult(
  deps: SlackDeps,
  output: Output,
  ctx: AuditContext,
): Promise<string | undefined> {
  if (!deps.store) return undefined;
  try {
    const { id } = await deps.store.recordConsult({ at: deps.now(), output, ...ctx });
    return id;
  } catch (err) {
    deps.log.error('audit record failed', {
      surface: ctx.surface,
      code: (err as { code?: string }).code ?? 'E_AUDIT',
    });
    return undefined;
  }
}

/** Remembers where a consult was posted, so a later re-check can reply in that thread. */
export async function rememberThread(
  deps: SlackDeps,
  consultId: string | undefined,
  channel: string,
  ts: string | undefined,
) {
  if (!deps.store || !consultId || !ts) return;
  try {
    await deps.store.setConsultThread(consultId, channel, ts);
  } catch (err) {
    deps.log.warn('could not store thread', { code: (err as { code?: string }).code ?? 'E_AUDIT' });
  }
}

/**
 * True the first time `key` is seen across all replicas (Slack retries, double clicks). Without a store, every
 * call is first; if the database is down, the action goes ahead rather than being lost (logged).
 */
export async function firstTime(deps: SlackDeps, key: string): Promise<boolean> {
  if (!deps.store) return true;
  try {
    return await deps.store.claimOnce(key);
  } catch (err) {
    deps.log.error('idempotency claim failed', { code: (err as { code?: string }).code ?? 'E_CLAIM' });
    return true;
  }
}

/** Gives a claim back after the work it guarded failed, so the user's next click can try again. */
export async function releaseClaim(deps: SlackDeps, key: string): Promise<void> {
  try {
    await deps.store?.releaseClaim(key);
  } catch (err) {
    deps.log.error('idempotency release failed', { code: (err as { code?: string }).code ?? 'E_CLAIM' });
  }
}
