// The shared store suite on the real PostgreSQL server named by TEST_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres): a throwaway database per test, dropped afterwards. An unreachable
// server FAILS the suite (CI starts PostgreSQL in .ci/run); it is never skipped.
import { defineStoreSuite } from './store-suite.js';
import { postgresBackend } from './support.js';

defineStoreSuite(postgresBackend());
