// The Slack side of the audit trail: where an answer was posted and one-time claims (retries, double clicks).
// Recording itself goes through the consult use case's audit port, wired once here from the listener deps.
import type { AuditContext, AuditPort, ConsultContext } from '../consult/index.js';
import { createAuditPort } from '../consult/index.js';
import { errorFields } from '../errors/index.js';
import type { SlackDeps } from './deps.js';

const ports = new WeakMap<SlackDeps, AuditPort>();

/** The audit port over the listeners' store: built once per set of deps, not per request. */
export function auditPort(deps: SlackDeps): AuditPort {
  let port = ports.get(deps);
  if (!port) {
    port = createAuditPort(deps.store, deps.log, deps.now);
    ports.set(deps, port);
  }
  return port;
}

/** The consult context for a Slack surface: now, and the audit port over the store with this context. */
export function consultContext(deps: SlackDeps, context: AuditContext): ConsultContext {
  return { now: deps.now(), audit: { port: auditPort(deps), context } };
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
    deps.log.warn('could not store thread', errorFields(err, 'E_AUDIT'));
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
    deps.log.error('idempotency claim failed', errorFields(err, 'E_CLAIM'));
    return true;
  }
}

/** Gives a claim back after the work it guarded failed, so the user's next click can try again. */
export async function releaseClaim(deps: SlackDeps, key: string): Promise<void> {
  try {
    await deps.store?.releaseClaim(key);
  } catch (err) {
    deps.log.error('idempotency release failed', errorFields(err, 'E_CLAIM'));
  }
}

/** A claim held as a lease: renewed while its work runs, so a crash frees it within seconds. */
export interface Lease {
  /** The work succeeded: keep the claim for `ttlMs` more (the window in which a retry may still come). */
  keep(ttlMs: number): Promise<void>;
  /** The work failed: give the claim back so a retry or the next click can try again. */
  release(): Promise<void>;
}

export const LEASE_MS = 15_000;

/**
 * Takes `key` as a short lease, renewed every third of it until kept or released; undefined when another
 * request holds it (a retry or double click). Without a store every call gets a lease; if the database is
 * down, the action goes ahead rather than being lost (logged).
 */
export async function leaseOnce(
  deps: SlackDeps,
  key: string,
  leaseMs = LEASE_MS,
): Promise<Lease | undefined> {
  const store = deps.store;
  if (!store) return { keep: async () => {}, release: async () => {} };
  try {
    if (!(await store.claimOnce(key, leaseMs))) return undefined;
  } catch (err) {
    deps.log.error('idempotency claim failed', errorFields(err, 'E_CLAIM'));
    return { keep: async () => {}, release: async () => {} };
  }
  const timer = setInterval(
    () => {
      store
        .extendClaim(key, leaseMs)
        .catch((err: unknown) => deps.log.error('lease renewal failed', errorFields(err, 'E_CLAIM')));
    },
    Math.floor(leaseMs / 3),
  );
  timer.unref?.();
  return {
    async keep(ttlMs) {
      clearInterval(timer);
      await store
        .extendClaim(key, ttlMs)
        .catch((err: unknown) => deps.log.error('lease keep failed', errorFields(err, 'E_CLAIM')));
    },
    async release() {
      clearInterval(timer);
      await releaseClaim(deps, key);
    },
  };
}
