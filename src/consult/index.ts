// Public surface of the consult use case: the one path from a user's text or facts to a recorded answer.

export type { IdentifierKind } from '../privacy/index.js';
export { IDENTIFIER_KINDS } from '../privacy/index.js';
export { type AnswerJson, answerJson } from './answer-json.js';
export { type AuditContext, type AuditPort, createAuditPort, NO_AUDIT } from './audit-port.js';
export {
  type CaseConsult,
  type ConsultContext,
  consultCase,
  consultText,
  type TextConsult,
} from './consult.js';
export { type GuardedFacts, guardFacts } from './guard-facts.js';
export { type GuardedText, guardText } from './guard-text.js';
export { previewCase } from './preview.js';
export { type ReadOptions, readText } from './read-text.js';
export type { ReadConflict, ReadFact, ReadFragment, Reading } from './reading.js';
export { type Route, type RouteKind, route } from './route.js';
