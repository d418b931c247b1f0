// Public surface of the persistence layer.

export { API_KEY_PREFIX, type ApiKeyRecord, type ApiKeys, checkKeyName, hashApiKey } from './api-keys.js';
export { canonicalJson, sha256Hex } from './canonical.js';
export { decidingRules } from './decided-by.js';
export { storeOptionsFromEnv } from './env.js';
export { installationKey } from './installation-store.js';
export { MIGRATIONS } from './migrations.js';
export { capNote, DEFAULT_SQLITE_PATH, openStore, redactUrl } from './store.js';
export { createTokenCipher, decodeKey, keyId, type TokenCipher, TokenKeyError } from './token-crypto.js';
export * from './types.js';
