// Audit retention: consults older than the retention period (default 6 years) are pruned at start-up and then
// daily. `npm run audit:prune` does the same on demand.

import { errorFields } from '../errors/index.js';
import type { Log } from '../log/logger.js';
import type { Store } from '../store/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - Math.floor(years));
  const extraDays = (years % 1) * 365.25;
  return new Date(cutoff.getTime() - extraDays * DAY_MS);
}

/** Starts pruning; returns a function that stops the timer. */
export function scheduleRetention(store: Store, years: number, log: Log, now = () => new Date()): () => void {
  const run = () => {
    const cutoff = retentionCutoff(now(), years);
    store.pruneOlderThan(cutoff).then(
      (deleted) => {
        if (deleted > 0) log.info('audit retention pruned', { deleted, cutoff: cutoff.toISOString() });
      },
      (err: unknown) => log.error('audit retention failed', errorFields(err, 'E_RETENTION')),
    );
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
