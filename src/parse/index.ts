// Free text → case facts (decision-spec §2).
export { MAX_INPUT_CHARS, parseCase } from './parse-case.js';
export type { Conflict, ParseResult, Span, Suspected, Understood } from './types.js';
