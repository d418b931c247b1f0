// Process entry point of `npm run consult`. Every answer is recorded in the audit trail (embedded SQLite by
// default, DATABASE_URL for PostgreSQL); if the store cannot be opened the answer is still printed and the
// problem reported on stderr with a code.

import { runConsult } from '../cli/consult.js';
import { loadEnvironment, readToolConfig } from '../config/env.js';
import { createAuditPort } from '../consult/index.js';
import { CodedError, toCodedError } from '../errors/index.js';
import { openStore, type Store } from '../store/index.js';

let store: Store | undefined;
const storeConfig = readToolConfig(loadEnvironment());

const audit = createAuditPort(
  async () => {
    if (!storeConfig.ok) throw new CodedError('E_CONFIG', storeConfig.problems.join('; '));
    store ??= await openStore(storeConfig.config.store);
    return store;
  },
  {
    error: (_message, fields) =>
      process.stderr.write(
        `consult: the answer was not recorded in the audit trail [${String(fields?.code)}]\n`,
      ),
  },
  () => new Date(),
);

runConsult(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  now: () => new Date(),
  stdin: process.stdin,
  audit,
})
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const coded = toCodedError(err, 'E_CONSULT_INTERNAL');
      process.stderr.write(`consult: unexpected failure [${coded.code}]\n`);
      process.exitCode = 1;
    },
  )
  .finally(() => store?.close());
