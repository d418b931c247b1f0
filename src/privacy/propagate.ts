// Repeat occurrences: once "Smith" or "RX1234567" is known to identify the patient, every other occurrence of the
// same word is an identifier too ("Mr Smith … Smith agreed"). One pass over the words with a set lookup, so the
// cost is linear in the text, however many identifiers were found (the old per-value rescan was quadratic).
import { isNotNameWord } from './lexicon.js';
import type { Candidate, IdentifierKind } from './types.js';

const WORD_RE = /[\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\d/;
const MIN_NAME = 2;
const MIN_NUMBER = 5;

/** Words of a hit worth chasing elsewhere: name words (not titles or clinical words) and long record numbers. */
function seeds(text: string, hits: readonly Candidate[]): Map<string, Candidate> {
  const seen = new Map<string, Candidate>();
  const values = new Set<string>();
  for (const h of hits) {
    if (h.kind !== 'name' && h.kind !== 'mrn') continue;
    const value = text.slice(h.start, h.end);
    if (values.has(value)) continue;
    values.add(value);
    for (const m of value.matchAll(WORD_RE)) {
      const w = m[0];
      const isNumber = HAS_DIGIT.test(w);
      if (h.kind === 'name' && (isNumber || w.length < MIN_NAME || isNotNameWord(w))) continue;
      if (h.kind === 'mrn' && (!isNumber || w.length < MIN_NUMBER)) continue;
      const key = h.kind === 'name' ? w.toLowerCase() : w;
      if (!seen.has(key)) seen.set(key, h);
    }
  }
  return seen;
}

const startsUpper = (w: string) => w[0] !== undefined && w[0] !== w[0].toLowerCase();

/** Appends a candidate for every other occurrence of a hit's words; `hits` are sorted and merged. */
export function propagateRepeats(text: string, hits: readonly Candidate[], out: Candidate[]): void {
  const seen = seeds(text, hits);
  if (seen.size === 0) return;
  let h = 0;
  for (const m of text.matchAll(WORD_RE)) {
    const w = m[0];
    // Words inside an existing hit are already covered (hits are sorted: the pointer only moves forward).
    while (h < hits.length && (hits[h] as Candidate).end <= m.index) h += 1;
    const cover = hits[h];
    if (cover !== undefined && cover.start <= m.index && cover.end >= m.index + w.length) continue;
    const source = seen.get(w) ?? seen.get(w.toLowerCase());
    if (source === undefined) continue;
    // A name word recurs as a name only when written as one ("brown sputum" is not Mr Brown).
    if (source.kind === 'name' && !startsUpper(w)) continue;
    const kind: IdentifierKind = source.kind;
    out.push({ kind, start: m.index, end: m.index + w.length, priority: source.priority - 1 });
  }
}
