// What every listener needs, injected by the composition root (tests pass fakes).
import type { Ruleset } from '../engine/index.js';
import type { Intent } from '../intents/intent-schema.js';
import type { Log } from '../log/logger.js';
import type { Store } from '../store/index.js';
import type { Reservation } from './queue/worker-pool.js';

export interface SlackDeps {
  log: Log;
  now: () => Date;
  intents: readonly Intent[];
  ruleset: Ruleset;
  /** Audit trail, board decisions and idempotency; absent only in tests that do not exercise them. */
  store?: Store;
  /** The delivery queue's workers in this process (set by createSlackApp when there is a store). */
  queue?: {
    notify(): void;
    /** A lease for the job about to be enqueued here, when this process has room to work it itself. */
    reserve?(): Reservation | undefined;
  };
}
