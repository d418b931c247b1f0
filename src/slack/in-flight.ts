// Counts listener work in progress (which goes on after the ack), so shutdown can wait for it before the
// database closes: no acknowledged consult loses its audit row or its answer.
import type { App } from '@slack/bolt';
import { withRequestId } from '../log/request-context.js';

export interface InFlight {
  readonly count: number;
  /** Resolves when no work is in progress, or after `timeoutMs` (returns false then). */
  drain(timeoutMs: number): Promise<boolean>;
}

export function trackInFlight(app: App): InFlight {
  let count = 0;
  const idle: (() => void)[] = [];
  app.use(async ({ next }) => {
    count += 1;
    try {
      await withRequestId(() => next());
    } finally {
      count -= 1;
      if (count === 0) for (const resolve of idle.splice(0)) resolve();
    }
  });
  return {
    get count() {
      return count;
    },
    drain(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
