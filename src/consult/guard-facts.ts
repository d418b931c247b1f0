// Structured case facts can carry free text too (a therapy agent typed in a form or sent to the API). Every
// string in them goes through the identifier guard before the engine, the store or a message sees it.
// Most strings in a case are enum values of the case schema (histology, sites, statuses); the guard leaves
// those unchanged, which is checked once per reference year, so only the other strings are guarded per request
// (a queued answer guarded its ~20 enum strings one by one: ~0.15 ms of every Slack command).
import { CASE_VOCABULARY } from '../engine/index.js';
import {
  DEFAULT_REFERENCE_YEAR,
  guardFields,
  type IdentifierKind,
  unchangedByGuard,
} from '../privacy/index.js';

export interface GuardedFacts {
  facts: unknown;
  identifiersRemoved: IdentifierKind[];
}

export function guardFacts(facts: unknown, now?: Date): GuardedFacts {
  const referenceYear = now ? now.getUTCFullYear() : DEFAULT_REFERENCE_YEAR;
  const g = guardFields(facts, { referenceYear, unchanged: unchangedVocabulary(referenceYear) });
  return { facts: g.value, identifiersRemoved: g.kinds };
}

const byYear = new Map<number, ReadonlySet<string>>();

function unchangedVocabulary(referenceYear: number): ReadonlySet<string> {
  let words = byYear.get(referenceYear);
  if (!words) {
    words = unchangedByGuard(CASE_VOCABULARY, { referenceYear });
    // Requests carry the current year (a test may pass any): a few years are kept.
    if (byYear.size >= 4) byYear.clear();
    byYear.set(referenceYear, words);
  }
  return words;
}
