// Where the store lives, from the environment: DATABASE_URL (PostgreSQL) wins; else SQLITE_PATH; else the
// embedded default file data/thoracic-rt.sqlite under the working directory. SQLITE_SYNCHRONOUS=full makes every
// SQLite commit survive a power cut too (default normal: survives a crashed process; see StoreOptions).
import { StoreError, type StoreOptions } from './types.js';

export function storeOptionsFromEnv(env: Record<string, string | undefined>): StoreOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) return { databaseUrl: url };
  const opts: StoreOptions = {};
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
