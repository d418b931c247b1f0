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

const byPosition = (a: Candidate, b: Candidate) =>
  a.start - b.start || b.end - a.end || b.priority - a.priority;

/** Appends `c` to the merged, sorted list `merged`; an overlapping span takes the kind of its highest priority. */
function mergeInto(merged: Candidate[], c: Candidate): void {
  const last = merged[merged.length - 1];
  if (last !== undefined && c.start < last.end) {
    if (c.end > last.end) last.end = c.end;
    if (c.priority > last.priority) {
      last.priority = c.priority;
      last.kind = c.kind;
    }
  } else {
    merged.push({ kind: c.kind, start: c.start, end: c.end, priority: c.priority });
  }
}

/** Merges already merged, sorted `base` with new, unsorted `extra` in one linear sweep (after sorting `extra`). */
function mergeOverlaps(base: readonly Candidate[], extra: Candidate[]): Candidate[] {
  extra.sort(byPosition);
  const merged: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < base.length || j < extra.length) {
    const a = base[i];
    const b = extra[j];
    if (b === undefined || (a !== undefined && byPosition(a, b) <= 0)) {
      mergeInto(merged, a as Candidate);
      i += 1;
    } else {
      mergeInto(merged, b);
      j += 1;
    }
  }
  return merged;
}

/** A span that could be read back out of a placeholder ("NAME") would survive redaction: drop it. */
function dropPlaceholderText(text: string, hits: Candidate[]): Candidate[] {
  return hits.filter((c) => c.end - c.start > 12 || !isPlaceholderFragment(text.slice(c.start, c.end)));
}

function detect(text: string, referenceYear: number): Candidate[] {
  // Each stage adds to the merged result of the previous ones (merging copies nothing it does not keep).
  const found: Candidate[] = [];
  detectPatterns(text, found);
  detectNumbers(text, referenceYear, found);
  detectNames(text, found);
  const first = dropPlaceholderText(text, mergeOverlaps([], found));
  const names: Candidate[] = [];
  detectContextNames(text, first, names);
  const second = names.length === 0 ? first : dropPlaceholderText(text, mergeOverlaps(first, names));
  const repeats: Candidate[] = [];
  propagateRepeats(text, second, repeats);
  propagateValues(text, second, repeats);
  return repeats.length === 0 ? second : dropPlaceholderText(text, mergeOverlaps(second, repeats));
}

function toOriginal(n: Normalised, h: IdentifierHit): IdentifierHit {
  const [start, end] = n.toOriginal(h.start, h.end);
  return { kind: h.kind, start, end };
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
