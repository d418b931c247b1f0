// Where a reader can check a citation: DOI first (the publisher's record), then PubMed, then the URL
// where the facts were read.
import type { Citation } from '../engine/index.js';

export function citationLink(c: Citation): string | undefined {
  if (c.doi) return `https://doi.org/${c.doi}`;
  if (c.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${c.pmid}/`;
  return c.url;
}

/** "PMID 123 · DOI 10.x/y" — the identifiers a clinician can look up. */
export function citationIdentifiers(c: Citation): string {
  const parts: string[] = [];
  if (c.pmid) parts.push(`PMID ${c.pmid}`);
  if (c.doi) parts.push(`DOI ${c.doi}`);
  return parts.join(' · ');
}

/** Numbers each citation by its position in the answer's reference list: [1], [2], … */
export function citationNumbers(citations: readonly Citation[]): Map<string, number> {
  return new Map(citations.map((c, i) => [c.id, i + 1]));
}

export function markers(ids: readonly string[], numbers: Map<string, number>): string {
  return ids.map((id) => `[${numbers.get(id) ?? '?'}]`).join('');
}
