// The identifier guard: finds Safe Harbor identifiers in free text and replaces them with placeholders.
import { detectPatterns } from './detectors.js';
import { isPlaceholderFragment } from './lexicon.js';
import { detectNames } from './names.js';
import type { Candidate, GuardResult, IdentifierHit, IdentifierKind } from './types.js';
import { PLACEHOLDERS } from './types.js';

/** Sorts candidates and merges overlapping ones; a merged span takes the kind of its highest priority. */
function mergeOverlaps(candidates: Candidate[]): Candidate[] {
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

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordCodePointBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const cp = text.codePointAt(i - 1) ?? 0;
  const width = i >= 2 && cp >= 0xdc00 && cp <= 0xdfff ? 2 : 1;
  const ch = String.fromCodePoint(text.codePointAt(i - width) ?? 0);
  return WORD_CHAR.test(ch) ? width : 0;
}

function isWordCodePointAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const cp = text.codePointAt(i) ?? 0;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Every other occurrence of a detected identifier's text is an identifier too ("Mr Smith" in a later
 * line, an MRN repeated without its label). Occurrences inside a longer word take the whole word. */
function propagate(text: string, hits: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const h of hits) {
    const value = text.slice(h.start, h.end);
    if (!seen.has(value)) seen.set(value, h);
  }
  const extra: Candidate[] = [];
  for (const [value, source] of seen) {
    for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + 1)) {
      let start = i;
      let end = i + value.length;
      for (let w = isWordCodePointBefore(text, start); w > 0; w = isWordCodePointBefore(text, start))
        start -= w;
      for (let w = isWordCodePointAt(text, end); w > 0; w = isWordCodePointAt(text, end)) end += w;
      extra.push({ kind: source.kind, start, end, priority: source.priority });
    }
  }
  return mergeOverlaps([...hits, ...extra]);
}

export function guardIdentifiers(text: string): GuardResult {
  const candidates: Candidate[] = [];
  detectPatterns(text, candidates);
  detectNames(text, candidates);
  // A span that could be read back out of a placeholder ("NAME") would survive redaction: drop it.
  const first = mergeOverlaps(candidates).filter((c) => !isPlaceholderFragment(text.slice(c.start, c.end)));
  const final = propagate(text, first);

  const hits: IdentifierHit[] = final.map(({ kind, start, end }) => ({ kind, start, end }));
  let redacted = '';
  let cursor = 0;
  for (const h of hits) {
    redacted += text.slice(cursor, h.start) + PLACEHOLDERS[h.kind];
    cursor = h.end;
  }
  redacted += text.slice(cursor);
  const kinds = [...new Set<IdentifierKind>(hits.map((h) => h.kind))].sort();
  return { redacted, hits, kinds };
}
