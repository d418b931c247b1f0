// Public surface of the persistence layer.

export { API_KEY_PREFIX, type ApiKeyRecord, type ApiKeys, checkKeyName, hashApiKey } from './api-keys.js';
export { canonicalJson, sha256Hex } from './canonical.js';
export { DEFAULT_SQLITE_PATH, redactUrl } from './database.js';
export { capNote } from './decisions.js';
export { installationKey } from './installation-store.js';
export {
  type EnqueueInput,
  JOB_OUTCOMES,
  type JobCompletion,
  type JobNotice,
  JobNoticeSchema,
  type JobOutcome,
  type JobRecord,
  type Jobs,
  type JobTarget,
  JobTargetSchema,
  type QueueDepth,
} from './jobs.js';
export { MIGRATIONS } from './migrations.js';
export { openStore } from './open-store.js';
export { createTokenCipher, decodeKey, keyId, type TokenCipher, TokenKeyError } from './token-crypto.js';
export * from './types.js';
