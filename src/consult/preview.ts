// Evaluating facts without recording an answer: form validation asks the engine which facts are missing, and
// answer buttons re-read a case they carry. Strings are guarded exactly as for a recorded consult.
import { type EvaluateResult, evaluate } from '../engine/index.js';
import { guardFacts } from './guard-facts.js';

export function previewCase(facts: unknown, now: Date): EvaluateResult {
  return evaluate(guardFacts(facts, now).facts, { now });
}
