// A token bucket per client: `burst` requests at once, refilled at `perMinute`. Pure over an injected clock, so
// tests drive time; buckets idle long enough to be full again are forgotten, which bounds memory to the clients
// active within the last refill period.
export interface RateLimiter {
  /** Takes one token for `client`: ok, or how many seconds until one is available. */
  take(client: string): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export function createRateLimiter(opts: {
  perMinute: number;
  burst: number;
  now?: () => number;
}): RateLimiter {
  const now = opts.now ?? Date.now;
  const perMs = opts.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const fullAfterMs = opts.burst / perMs;
  let lastSweep = now();
  const sweep = (t: number) => {
    if (t - lastSweep < fullAfterMs) return;
    lastSweep = t;
    for (const [k, b] of buckets) if (t - b.at >= fullAfterMs) buckets.delete(k);
  };
  return {
    take(client) {
      const t = now();
      sweep(t);
      const b = buckets.get(client) ?? { tokens: opts.burst, at: t };
      b.tokens = Math.min(opts.burst, b.tokens + (t - b.at) * perMs);
      b.at = t;
      buckets.set(client, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
    },
  };
}
