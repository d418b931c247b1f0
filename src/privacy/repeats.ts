// Every other occurrence of a detected identifier's exact text ("123-45-6789" glued to "Dr", a date repeated in
// an unlabelled place) is redacted too. Aho–Corasick over the hit values: one pass over the text, whatever the
// number of values, so linear (the old indexOf per value was quadratic). A short value (under four characters)
// counts only as a whole word; a longer one inside a word takes the whole word, as the guard always has.
import type { Candidate } from './types.js';

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Length of the longest value ending at this node (directly or through failure links), 0 if none. */
  out: number;
  source: Candidate | undefined;
}

const SHORT = 4;

function build(values: Map<string, Candidate>): Node[] {
  const nodes: Node[] = [{ next: new Map(), fail: 0, out: 0, source: undefined }];
  for (const [value, source] of values) {
    let at = 0;
    for (const ch of value) {
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

/** Appends a candidate for every occurrence of a hit's exact text; `hits` are merged and sorted. */
export function propagateValues(text: string, hits: readonly Candidate[], out: Candidate[]): void {
  const values = new Map<string, Candidate>();
  for (const h of hits) {
    const v = text.slice(h.start, h.end);
    if (v.length >= 2 && !values.has(v)) values.set(v, h);
  }
  if (values.size === 0) return;
  const nodes = build(values);
  // Word bounds per position, computed once, so that extending a match to its word costs O(1).
  const isWord = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) isWord[i] = WORD.test(text[i] as string) ? 1 : 0;
  const wordStart = new Int32Array(text.length);
  for (let i = 0; i < text.length; i += 1)
    wordStart[i] = isWord[i] && i > 0 && isWord[i - 1] ? (wordStart[i - 1] as number) : i;
  const wordEnd = new Int32Array(text.length);
  for (let i = text.length - 1; i >= 0; i -= 1)
    wordEnd[i] = isWord[i] && i + 1 < text.length && isWord[i + 1] ? (wordEnd[i + 1] as number) : i + 1;

  let at = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    while (at !== 0 && !(nodes[at] as Node).next.has(ch)) at = (nodes[at] as Node).fail;
    at = (nodes[at] as Node).next.get(ch) ?? 0;
    const node = nodes[at] as Node;
    if (node.out === 0 || node.source === undefined) continue;
    const start = i + 1 - node.out;
    const end = i + 1;
    const s = isWord[start] ? (wordStart[start] as number) : start;
    const e = isWord[end - 1] ? (wordEnd[end - 1] as number) : end;
    if (node.out < SHORT && (s !== start || e !== end)) continue;
    out.push({ kind: node.source.kind, start: s, end: e, priority: node.source.priority - 1 });
  }
}
