// Public surface of the identifier guard (HIPAA Safe Harbor). Pure: no I/O, no clock, no state.
export { type GuardFieldsOptions, guardFields, unchangedByGuard } from './fields.js';
export { guardIdentifiers } from './guard.js';
export { MAX_GUARD_INPUT_LENGTH } from './normalise.js';
export { isNhsNumber } from './numbers.js';
export type { GuardOptions, GuardResult, IdentifierHit, IdentifierKind } from './types.js';
export { DEFAULT_REFERENCE_YEAR, IDENTIFIER_KINDS, PLACEHOLDERS } from './types.js';
