// Public surface of the recommendation engine. Pure: no I/O, no clock, no framework.
export type { Case, CaseInput } from './case-schema.js';
export { CASE_VOCABULARY, CaseSchema } from './case-schema.js';
export { deriveStage, karnofskyToEcog } from './derive.js';
export { createEvaluator, type Evaluate, type EvaluateOptions, evaluate } from './evaluate.js';
export {
  CASE_FIELD_BY_PATH,
  CASE_FIELDS,
  type CaseFieldDef,
  CORE_CASE_FIELDS,
  FACTS,
  type FactDef,
  type FactName,
  MISSING_QUESTIONS,
} from './facts.js';
export * from './output-schema.js';
export { isEngineOutput } from './provenance.js';
export {
  checkRuleset,
  embeddedRuleset,
  loadRuleset,
  RULESET,
  RULESET_VERSION,
  type Ruleset,
  RulesetError,
} from './ruleset.js';
