// Who may call the JSON API and how much: an API key (`Authorization: Bearer <key>`) in every Slack mode, a
// token bucket per key, and a cap on requests in progress across all keys. Runs before anything reads the body,
// so a refused request costs one hash and one indexed lookup and writes nothing.
import type { IncomingMessage } from 'node:http';
import type { ApiLimits } from '../config/env.js';
import type { Log } from '../log/logger.js';
import type { ApiKeyRecord, ApiKeys } from '../store/api-keys.js';
import { createRateLimiter } from './rate-limit.js';

export type Admission =
  | { ok: true; apiKeyName: string | undefined; release: () => void }
  | {
      ok: false;
      status: 401 | 429 | 503;
      body: { error: string; message: string };
      headers: Record<string, string>;
    };

export interface ApiAccess {
  admit(req: IncomingMessage): Promise<Admission>;
}

export interface ApiAccessOptions {
  /** The key store; without it (the local playground) no key is asked for. */
  keys?: Pick<ApiKeys, 'verify'> | undefined;
  limits: Pick<ApiLimits, 'ratePerMinute' | 'burst' | 'maxConcurrent'>;
  log: Log;
  now?: () => number;
}

const UNAUTHORIZED = {
  ok: false,
  status: 401,
  body: {
    error: 'unauthorized',
    message: 'send a valid API key as Authorization: Bearer <key> (keys come from npm run api-key -- create)',
  },
  headers: { 'www-authenticate': 'Bearer realm="thoracic-rt"' },
} as const;

export function createApiAccess(opts: ApiAccessOptions): ApiAccess {
  const limiter = createRateLimiter({
    perMinute: opts.limits.ratePerMinute,
    burst: opts.limits.burst,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const now = opts.now ?? Date.now;
  const warned = new Map<string, number>();
  let inProgress = 0;
  return {
    async admit(req) {
      let key: ApiKeyRecord | undefined;
      if (opts.keys) {
        const bearer = /^Bearer ([\x21-\x7e]{1,200})$/.exec(String(req.headers.authorization ?? ''))?.[1];
        try {
          key = bearer ? await opts.keys.verify(bearer) : undefined;
        } catch (err) {
          opts.log.error('api key check failed', { code: (err as { code?: string }).code ?? 'E_API_KEY' });
          return busy(503, 'the key store is not reachable; try again', 5);
        }
        if (!key) return { ...UNAUTHORIZED, headers: { ...UNAUTHORIZED.headers } };
      }
      const rate = limiter.take(key?.id ?? 'local');
      if (!rate.ok) {
        // Once per key and minute: a client hammering the API must not fill the disk with warnings either.
        const t = now();
        const client = key?.id ?? 'local';
        if ((warned.get(client) ?? -Infinity) <= t - 60_000) {
          if (warned.size > 10_000) warned.clear();
          warned.set(client, t);
          opts.log.warn('api rate limited', { apiKey: key?.name, retryAfter: rate.retryAfterSeconds });
        }
        return busy(
          429,
          `too many requests for this key; retry after ${rate.retryAfterSeconds} s`,
          rate.retryAfterSeconds,
        );
      }
      if (inProgress >= opts.limits.maxConcurrent) {
        return busy(503, 'the API is at its limit of requests in progress; retry shortly', 1);
      }
      inProgress++;
      let released = false;
      return {
        ok: true,
        apiKeyName: key?.name,
        release: () => {
          if (released) return;
          released = true;
          inProgress--;
        },
      };
    },
  };
}

function busy(status: 429 | 503, message: string, retryAfter: number): Admission {
  return {
    ok: false,
    status,
    body: { error: status === 429 ? 'rate_limited' : 'busy', message },
    headers: { 'retry-after': String(retryAfter) },
  };
}
