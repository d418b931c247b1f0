// openStore(): the audit trail, board decisions, idempotency claims and Slack installations over Kysely, on the
// embedded SQLite file (default) or on PostgreSQL (DATABASE_URL, shared by replicas). This module only composes:
// database.ts opens and migrates the connection, and each aggregate module owns its tables' reads and writes.
// Every write is one statement, so it is atomic in both dialects without holding a transaction across an await;
// uniqueness (idempotency keys, claims) is enforced by constraints, so it holds across processes and replicas.

import { createApiKeys } from './api-keys.js';
import { auditExportAggregate } from './audit-export.js';
import { claimsAggregate } from './claims.js';
import { consultsAggregate } from './consults.js';
import { openDatabase } from './database.js';
import { decisionsAggregate } from './decisions.js';
import { createInstallationStore } from './installation-store.js';
import { jobsAggregate } from './jobs.js';
import type { Store, StoreOptions } from './types.js';

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const now = opts.now ?? (() => new Date());
  const { db, dialect, location, ping, close } = await openDatabase(opts, now);
  return {
    dialect,
    location,
    ...consultsAggregate(db, now),
    ...claimsAggregate(db, now),
    ...decisionsAggregate(db, now),
    ...auditExportAggregate(db, now),
    installationStore: createInstallationStore(db, now, opts.tokens?.cipher),
    apiKeys: createApiKeys(db, now),
    jobs: jobsAggregate(db, dialect, now),
    ping,
    close,
  };
}
