// The JSON answer of the CLI's --json and the HTTP API: the output contract plus, for free text, how the text
// was read. One shape, so every machine-readable front end reports the same reading.
import type { Output } from '../engine/index.js';
import type { IdentifierKind } from '../privacy/index.js';
import type { ReadConflict, ReadFact, ReadFragment, Reading } from './reading.js';

export type AnswerJson = Output & {
  understood?: ReadFact[];
  ignored?: ReadFragment[];
  conflicts?: ReadConflict[];
  /** Present for free text always; for structured facts only when a string in them held an identifier. */
  identifiersRemoved?: IdentifierKind[];
};

export function answerJson(
  output: Output,
  reading: Reading | { identifiersRemoved: IdentifierKind[] },
): AnswerJson {
  // Structured facts: the contract alone, unless the guard changed one of their strings.
  if (!('understood' in reading))
    return reading.identifiersRemoved.length > 0
      ? { ...output, identifiersRemoved: reading.identifiersRemoved }
      : output;
  return {
    ...output,
    understood: reading.understood,
    ignored: reading.ignored,
    conflicts: reading.conflicts,
    identifiersRemoved: reading.identifiersRemoved,
  };
}
