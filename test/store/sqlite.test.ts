// The shared store suite on the embedded SQLite database (a temporary file per test).
import { defineStoreSuite } from './store-suite.js';
import { sqliteBackend } from './support.js';

defineStoreSuite(sqliteBackend());
