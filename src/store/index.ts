// Public surface of the persistence layer.
export { canonicalJson, sha256Hex } from './canonical.js';
export { storeOptionsFromEnv } from './env.js';
export { installationKey } from './installation-store.js';
export { MIGRATIONS } from './migrations.js';
export { capNote, DEFAULT_SQLITE_PATH, openStore, redactUrl } from './store.js';
export * from './types.js';
