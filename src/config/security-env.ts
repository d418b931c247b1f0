// The security settings of the environment: token encryption keys and the JSON API's limits. Kept beside
// env.ts (which spreads these fields into its schema) so each concern reads on its own.
import { z } from 'zod';
import { decodeKey } from '../store/token-crypto.js';

const KEY_HINT = 'must be 32 random bytes in base64, e.g. the output of: openssl rand -base64 32';
const key = z
  .string()
  .trim()
  .refine((s) => decodeKey(s) !== undefined, KEY_HINT);
const count = (what: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `must be a ${what}` })
    .int('must be a whole number')
    .min(min, `must be ${min}–${max}`)
    .max(max, `must be ${min}–${max}`)
    .default(fallback);

export const SECURITY_ENV = {
  TOKEN_ENCRYPTION_KEY: key.optional(),
  TOKEN_ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .trim()
    .refine(
      (s) => s.split(',').every((k) => decodeKey(k) !== undefined),
      `each comma-separated key ${KEY_HINT}`,
    )
    .optional(),
  API_RATE_LIMIT_PER_MINUTE: count('number of requests', 1, 100_000, 60),
  API_RATE_BURST: count('number of requests', 1, 10_000, 20),
  API_MAX_CONCURRENT: count('number of requests', 1, 1000, 4),
  API_BODY_LIMIT_KB: count('number of kB', 1, 1024, 100),
  API_TEXT_LIMIT_CHARS: count('number of characters', 100, 100_000, 20_000),
};

export interface ApiLimits {
  /** Token bucket per API key: refill rate and capacity. */
  ratePerMinute: number;
  burst: number;
  /** Consults being read or answered at once, all keys together. */
  maxConcurrent: number;
  bodyLimitBytes: number;
  textLimitChars: number;
}

export interface TokenKeys {
  current: Buffer | undefined;
  previous: Buffer[];
}

type SecurityEnv = z.output<z.ZodObject<typeof SECURITY_ENV>>;

type TokenEnv = Pick<SecurityEnv, 'TOKEN_ENCRYPTION_KEY' | 'TOKEN_ENCRYPTION_KEY_PREVIOUS'>;

/** The token keys (already checked as 32-byte base64 by the schema); the previous keys need a current one. */
export function readTokenKeys(e: TokenEnv): { tokenKeys: TokenKeys; problems: string[] } {
  const problems: string[] = [];
  if (e.TOKEN_ENCRYPTION_KEY_PREVIOUS && !e.TOKEN_ENCRYPTION_KEY) {
    problems.push('TOKEN_ENCRYPTION_KEY_PREVIOUS is set without TOKEN_ENCRYPTION_KEY: set the new key too');
  }
  return {
    tokenKeys: {
      current: e.TOKEN_ENCRYPTION_KEY ? decodeKey(e.TOKEN_ENCRYPTION_KEY) : undefined,
      previous: (e.TOKEN_ENCRYPTION_KEY_PREVIOUS ?? '')
        .split(',')
        .filter((k) => k.trim())
        .map((k) => decodeKey(k)!),
    },
    problems,
  };
}

export function readSecurity(e: SecurityEnv): { api: ApiLimits; tokenKeys: TokenKeys; problems: string[] } {
  const { tokenKeys, problems } = readTokenKeys(e);
  return {
    api: {
      ratePerMinute: e.API_RATE_LIMIT_PER_MINUTE,
      burst: e.API_RATE_BURST,
      maxConcurrent: e.API_MAX_CONCURRENT,
      bodyLimitBytes: e.API_BODY_LIMIT_KB * 1024,
      textLimitChars: e.API_TEXT_LIMIT_CHARS,
    },
    tokenKeys,
    problems,
  };
}
