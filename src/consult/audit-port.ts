// The audit port: every answer from every front end is recorded through it. Recording never fails the
// answer: a failure is logged once with its code and the caller gets `undefined` instead of a consult id.
import type { Output } from '../engine/index.js';
import { errorFields } from '../errors/index.js';
import type { Log } from '../log/logger.js';
import type { Store, Surface } from '../store/index.js';

export interface AuditContext {
  surface: Surface;
  idempotencyKey?: string | undefined;
  teamId?: string | undefined;
  channelId?: string | undefined;
  userId?: string | undefined;
  /** The JSON API client's key name (never the key). */
  apiKeyName?: string | undefined;
}

export interface AuditPort {
  /** Records the answer; returns its consult id (the first one for an idempotency key), or undefined. */
  record(output: Output, ctx: AuditContext): Promise<string | undefined>;
}

type Recorder = Pick<Store, 'recordConsult'>;

/**
 * An audit port over the store (or one that records nothing, when there is no store). The store may be opened
 * on first use (the CLI opens it only once it has an answer to record).
 */
export function createAuditPort(
  store: Recorder | (() => Promise<Recorder>) | undefined,
  log: Pick<Log, 'error'>,
  now: () => Date,
): AuditPort {
  return {
    async record(output, ctx) {
      if (!store) return undefined;
      try {
        const target = typeof store === 'function' ? await store() : store;
        const { id } = await target.recordConsult({ at: now(), output, ...ctx });
        return id;
      } catch (err) {
        log.error('audit record failed', { surface: ctx.surface, ...errorFields(err, 'E_AUDIT') });
        return undefined;
      }
    },
  };
}

export const NO_AUDIT: AuditPort = { record: async () => undefined };
