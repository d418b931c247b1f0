// Public surface of the identifier guard (HIPAA Safe Harbor). Pure: no I/O, no clock, no state.
export { guardIdentifiers } from './guard.js';
export type { GuardResult, IdentifierHit, IdentifierKind } from './types.js';
export { PLACEHOLDERS } from './types.js';
