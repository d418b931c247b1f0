// Public surface of the recommendation engine. Pure: no I/O, no clock, no framework.
export { CaseSchema } from './case-schema.js';
export type { Case, CaseInput } from './case-schema.js';
export * from './output-schema.js';
