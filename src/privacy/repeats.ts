// Every other occurrence of a detected identifier's exact text ("123-45-6789" glued to "Dr", a date repeated in
// an unlabelled place) is redacted too. Aho–Corasick over the hit values: one pass over the text, whatever the
// number of values, so linear (the old indexOf per value was quadratic). A short value (under four characters)
// counts only as a whole word; a longer one inside a word takes the whole word, as the guard always has.
import type { Candidate } from './types.js';

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Length of the longest value ending at this node (directly or through failure links), 0 if none. */
  out: number;
  source: Candidate | undefined;
}

const SHORT = 4;
const MAX_VALUE = 64;

function build(values: Map<string, Candidate>): Node[] {
  const nodes: Node[] = [{ next: new Map(), fail: 0, out: 0, source: undefined }];
  for (const [value, source] of values) {
    let at = 0;
    for (let k = 0; k < value.length; k += 1) {
      const ch = value.charCodeAt(k);
      let to = nodes[at]?.next.get(ch);
      if (to === undefined) {
        to = nodes.length;
        nodes.push({ next: new Map(), fail: 0, out: 0, source: undefined });
        nodes[at]?.next.set(ch, to);
      }
      at = to;
    }
    const end = nodes[at] as Node;
    end.out = value.length;
    end.source = source;
  }
  const queue: number[] = [...(nodes[0] as Node).next.values()];
  for (let q = 0; q < queue.length; q += 1) {
    const node = nodes[queue[q] as number] as Node;
    for (const [ch, child] of node.next) {
      let f = node.fail;
      while (f !== 0 && !(nodes[f] as Node).next.has(ch)) f = (nodes[f] as Node).fail;
      const target = (nodes[f] as Node).next.get(ch);
      const c = nodes[child] as Node;
      c.fail = target !== undefined && target !== child ? target : 0;
      const fallback = nodes[c.fail] as Node;
      if (c.out === 0 && fallback.out > 0) {
        c.out = fallback.out;
        c.source = fallback.source;
      }
      queue.push(child);
    }
  }
  return nodes;
}

const WORD = /[\p{L}\p{N}]/u;

function wordUnit(c: number, ch: string): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD.test(ch);
}

/** Longest a match is widened to its word: past this the match alone is redacted (keeps the pass linear). */
const MAX_WIDEN = 64;

const isWordAt = (text: string, i: number) => wordUnit(text.charCodeAt(i), text[i] as string);

/** The whole word around text[start, end) when the match starts or ends inside one ("Dr123-45-6789"). */
function wordAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  if (isWordAt(text, start)) while (s > 0 && start - s < MAX_WIDEN && isWordAt(text, s - 1)) s -= 1;
  let e = end;
  if (isWordAt(text, end - 1)) while (e < text.length && e - end < MAX_WIDEN && isWordAt(text, e)) e += 1;
  return [s, e];
}

/** Appends a candidate for every occurrence of a hit's exact text; `hits` are merged and sorted. */
export function propagateValues(text: string, hits: readonly Candidate[], out: Candidate[]): void {
  const values = new Map<string, Candidate>();
  for (const h of hits) {
    const v = text.slice(h.start, h.end);
    // A value longer than any single identifier is a merged run ("John Smith John Smith …"): its parts are
    // chased by word (propagate.ts), not as one long string.
    if (v.length >= 2 && v.length <= MAX_VALUE && !values.has(v)) values.set(v, h);
  }
  if (values.size === 0) return;
  const nodes = build(values);
  // Occurrences the detectors already found need no second candidate.
  const known = new Set<number>();
  for (const h of hits) known.add(h.start * 65_536 + (h.end - h.start));
  let at = 0;
  let next = 0; // index of the next hit: text inside hits is already redacted and is skipped
  for (let i = 0; i < text.length; i += 1) {
    const cover = hits[next];
    if (cover !== undefined && i >= cover.start) {
      i = cover.end - 1;
      next += 1;
      at = 0;
      continue;
    }
    const ch = text.charCodeAt(i);
    let to = (nodes[at] as Node).next.get(ch);
    while (to === undefined && at !== 0) {
      at = (nodes[at] as Node).fail;
      to = (nodes[at] as Node).next.get(ch);
    }
    at = to ?? 0;
    const node = nodes[at] as Node;
    if (node.out === 0 || node.source === undefined) continue;
    const start = i + 1 - node.out;
    const end = i + 1;
    const [s, e] = wordAround(text, start, end);
    if (node.out < SHORT && (s !== start || e !== end)) continue;
    if (known.has(s * 65_536 + (e - s))) continue;
    out.push({ kind: node.source.kind, start: s, end: e, priority: node.source.priority - 1 });
  }
}
