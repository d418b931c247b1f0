// Public surface of the recommendation engine. Pure: no I/O, no clock, no framework.
export type { Case, CaseInput } from './case-schema.js';
export { CaseSchema } from './case-schema.js';
export { deriveStage, karnofskyToEcog } from './derive.js';
export { type EvaluateOptions, evaluate } from './evaluate.js';
export * from './output-schema.js';
export { checkRuleset, RULESET, RULESET_VERSION, type Ruleset, RulesetError } from './ruleset.js';
