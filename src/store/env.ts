// Where the store lives, from the environment: DATABASE_URL (PostgreSQL) wins; else SQLITE_PATH; else the
// embedded default file data/thoracic-rt.sqlite under the working directory. SQLITE_SYNCHRONOUS=full makes every
// SQLite commit survive a power cut too (default normal: survives a crashed process; see StoreOptions).
import { createTokenCipher, decodeKey } from './token-crypto.js';
import { StoreError, type StoreOptions } from './types.js';

/** TOKEN_ENCRYPTION_KEY (+ _PREVIOUS) for the CLIs that read Slack installations (re-check notes). */
function tokensFromEnv(env: Record<string, string | undefined>): StoreOptions['tokens'] {
  const text = env.TOKEN_ENCRYPTION_KEY?.trim();
  if (!text) return undefined;
  const current = decodeKey(text);
  const previous = (env.TOKEN_ENCRYPTION_KEY_PREVIOUS ?? '')
    .split(',')
    .filter((k) => k.trim())
    .map(decodeKey);
  if (!current || previous.some((k) => !k))
    throw new StoreError('config', 'TOKEN_ENCRYPTION_KEY(_PREVIOUS) must be 32 random bytes in base64');
  return { cipher: createTokenCipher(current, previous as Buffer[]) };
}

export function storeOptionsFromEnv(env: Record<string, string | undefined>): StoreOptions {
  const tokens = tokensFromEnv(env);
  const url = env.DATABASE_URL?.trim();
  if (url) return { databaseUrl: url, ...(tokens ? { tokens } : {}) };
  const opts: StoreOptions = tokens ? { tokens } : {};
  const path = env.SQLITE_PATH?.trim();
  if (path) opts.sqlitePath = path;
  const sync = env.SQLITE_SYNCHRONOUS?.trim().toLowerCase();
  if (sync) {
    if (sync !== 'full' && sync !== 'normal')
      throw new StoreError('config', 'SQLITE_SYNCHRONOUS must be full or normal');
    opts.sqliteSynchronous = sync;
  }
  return opts;
}
