// The references an answer may show: only those something in it cites, numbered in the engine's order, with a
// short label ("NROG-002", "Jia 2021") for the compact context line under the card.
import type { Citation, Output } from '../../engine/index.js';
import { citationLink, citationNumbers } from '../../present/citation-link.js';
import { clip, escapeMrkdwn, link } from '../mrkdwn.js';

/** The citations cited by a statement, flag or dose option of the answer, in the answer's order. */
export function citedCitations(output: Output): Citation[] {
  const ids = new Set<string>();
  for (const item of [...output.statements, ...output.flags, ...output.doseOptions]) {
    for (const id of item.citations) ids.add(id);
  }
  return output.citations.filter((c) => ids.has(c.id));
}

/** [n] for every cited reference: the same numbers on the card, in Details and in the shared thread. */
export function answerNumbers(output: Output): Map<string, number> {
  return citationNumbers(citedCitations(output));
}

// A trial or guideline acronym in the label's first parenthesis ("NROG-002, phase III" → "NROG-002").
const ACRONYM = /^[A-Z][A-Za-z0-9/-]*[A-Z0-9][A-Za-z0-9/-]*( [A-Z0-9][A-Za-z0-9-]*)?$/;

/** "NROG-002" when the label names a trial, else "Surname Year"; never longer than 24 characters. */
export function shortLabel(c: Citation): string {
  const paren = /\(([^()]*)\)/.exec(c.label)?.[1]?.split(',')[0]?.trim() ?? '';
  if (paren.length <= 20 && ACRONYM.test(paren)) return paren;
  const first = c.label.trim().split(/\s+/)[0] ?? c.label;
  const year = /\b(19|20)\d{2}\b/.exec(c.label)?.[0];
  return clip(year ? `${first} ${year}` : first, 24);
}

/** A reference's linked short label. An answer's citations are the ruleset's own frozen objects: each one's label
 * is worked out once (any other citation every time). */
const linkedLabels = new WeakMap<Citation, string>();

function linkedLabel(c: Citation): string {
  let s = linkedLabels.get(c);
  if (s === undefined) {
    const href = citationLink(c);
    const label = shortLabel(c);
    s = href ? link(href, label) : escapeMrkdwn(label);
    if (Object.isFrozen(c)) linkedLabels.set(c, s);
  }
  return s;
}

/** `[1] <doi|NROG-002> · [3] <pubmed|Jia 2021>`: the references of `ids`, in number order, each linked. */
export function referencesLine(
  ids: Iterable<string>,
  citations: readonly Citation[],
  numbers: Map<string, number>,
): string {
  const wanted = new Set(ids);
  return citations
    .filter((c) => wanted.has(c.id) && numbers.has(c.id))
    .map((c) => `[${numbers.get(c.id)}] ${linkedLabel(c)}`)
    .join(' · ');
}
