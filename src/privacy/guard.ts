// The identifier guard: caps and normalises the text, finds Safe Harbor identifiers, and replaces them with
// placeholders. Every stage is one pass (or a fixed number of regex passes) over the normalised text: O(n).
import { detectPatterns } from './detectors.js';
import { isPlaceholderFragment } from './lexicon.js';
import { detectNames } from './names.js';
import { detectContextNames } from './names-context.js';
import { type Normalised, normaliseForGuard } from './normalise.js';
import { detectNumbers } from './numbers.js';
import { propagateRepeats } from './propagate.js';
import { propagateValues } from './repeats.js';
import type { Candidate, GuardOptions, GuardResult, IdentifierHit, IdentifierKind } from './types.js';
import { DEFAULT_REFERENCE_YEAR, PLACEHOLDERS } from './types.js';

/** Sorts candidates and merges overlapping ones; a merged span takes the kind of its highest priority. */
function mergeOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => a.start - b.start || b.end - a.end || b.priority - a.priority,
  );
  const merged: Candidate[] = [];
  for (const c of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && c.start < last.end) {
      if (c.end > last.end) last.end = c.end;
      if (c.priority > last.priority) {
        last.priority = c.priority;
        last.kind = c.kind;
      }
    } else {
      merged.push({ ...c });
    }
  }
  return merged;
}

/** A span that could be read back out of a placeholder ("NAME") would survive redaction: drop it. */
function dropPlaceholderText(text: string, hits: Candidate[]): Candidate[] {
  return hits.filter((c) => !isPlaceholderFragment(text.slice(c.start, c.end)));
}

function detect(text: string, referenceYear: number): Candidate[] {
  const candidates: Candidate[] = [];
  detectPatterns(text, candidates);
  detectNumbers(text, referenceYear, candidates);
  detectNames(text, candidates);
  const first = dropPlaceholderText(text, mergeOverlaps(candidates));
  detectContextNames(text, first, candidates);
  const second = dropPlaceholderText(text, mergeOverlaps(candidates));
  propagateRepeats(text, second, candidates);
  propagateValues(text, second, candidates);
  return dropPlaceholderText(text, mergeOverlaps(candidates));
}

function toOriginal(n: Normalised, h: IdentifierHit): IdentifierHit {
  return { kind: h.kind, start: n.starts[h.start] ?? 0, end: n.ends[h.end - 1] ?? 0 };
}

/** Merges hits whose original spans touch or overlap (two normalised hits inside one Slack markup token). */
function mergeOriginal(hits: IdentifierHit[]): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const h of hits) {
    const last = out.at(-1);
    if (last !== undefined && h.start < last.end) last.end = Math.max(last.end, h.end);
    else out.push({ ...h });
  }
  return out;
}

/**
 * Finds identifiers in `text` and returns the redacted, normalised text. Pure: no I/O, no clock, no state.
 * Only the first MAX_GUARD_INPUT_LENGTH code units are read (`truncated` says when more was given).
 */
export function guardIdentifiers(text: string, options: GuardOptions = {}): GuardResult {
  const n = normaliseForGuard(text);
  const normalizedHits: IdentifierHit[] = detect(n.text, options.referenceYear ?? DEFAULT_REFERENCE_YEAR).map(
    ({ kind, start, end }) => ({ kind, start, end }),
  );
  const parts: string[] = [];
  let cursor = 0;
  for (const h of normalizedHits) {
    parts.push(n.text.slice(cursor, h.start), PLACEHOLDERS[h.kind]);
    cursor = h.end;
  }
  parts.push(n.text.slice(cursor));
  const hits = mergeOriginal(normalizedHits.map((h) => toOriginal(n, h)));
  const kinds = [...new Set<IdentifierKind>(normalizedHits.map((h) => h.kind))].sort();
  return {
    redacted: parts.join(''),
    hits,
    kinds,
    normalized: n.text,
    normalizedHits,
    truncated: n.truncated,
  };
}
