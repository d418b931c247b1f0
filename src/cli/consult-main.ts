// Process entry point of `npm run consult`. Every answer is recorded in the audit trail (embedded SQLite by
// default, DATABASE_URL for PostgreSQL); if the store cannot be opened the answer is still printed and the
// problem reported on stderr with a code.
import { config as loadDotenv } from 'dotenv';
import type { Output } from '../engine/index.js';
import { openStore, type Store, storeOptionsFromEnv } from '../store/index.js';
import { runConsult } from './consult.js';

loadDotenv({ quiet: true });
let store: Store | undefined;

async function record(output: Output): Promise<void> {
  try {
    store ??= await openStore(storeOptionsFromEnv(process.env));
    await store.recordConsult({ at: new Date(), surface: 'cli', output });
  } catch (err) {
    process.stderr.write(
      `consult: the answer was not recorded in the audit trail [${(err as { code?: string }).code ?? 'E_AUDIT'}]: ${(err as Error).message}\n`,
    );
  }
}

runConsult(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  now: () => new Date(),
  stdin: process.stdin,
  record,
})
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`consult: unexpected failure [E_CONSULT_INTERNAL]: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  )
  .finally(() => store?.close());
