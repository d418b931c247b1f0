// The therapy reader's phrasing classes found by independent probes: drugs only considered or kept for later,
// full drug names at a switch, an earlier line's figures, ended courses and naive words, durations and counts
// written in shorthand, and the clinically standard drug abbreviations. Texts go through readText, as every front
// end does.
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/consult/read-text.js';
import { CaseSchema } from '../../src/engine/case-schema.js';
import { get } from './support.js';

interface Row {
  text: string;
  facts?: Record<string, unknown>;
  absent?: string[];
  conflicts?: string[];
  /** Facts that must not be asked (neither a conflict nor a suspicion). */
  notAsked?: string[];
}

function check(row: Row): void {
  const r = readText(row.text);
  expect(CaseSchema.safeParse(r.case).success).toBe(true);
  for (const [path, value] of Object.entries(row.facts ?? {})) expect(get(r.case, path), path).toEqual(value);
  for (const path of row.absent ?? []) expect(get(r.case, path), `${path} absent`).toBeUndefined();
  const asked = r.conflicts.map((c) => c.fact);
  for (const fact of row.conflicts ?? []) expect(asked, `conflict on ${fact}`).toContain(fact);
  for (const fact of row.notAsked ?? []) expect(asked, `${fact} not asked`).not.toContain(fact);
  for (const u of r.understood) expect(r.redacted.slice(u.span.start, u.span.end)).toBe(u.text);
}

const CLASSES: Record<string, Row[]> = {
  'standard drug abbreviations': [
    {
      text: 'ALK+, on alec 7 months, PR',
      facts: { 'therapy.agent': 'alectinib', 'therapy.regimen': 'other-tki', 'therapy.months': 7 },
    },
    { text: 'ALK fusion, lorla since March', facts: { 'therapy.agent': 'lorlatinib' } },
    { text: 'brig 5 months, SD', facts: { 'therapy.agent': 'brigatinib', 'therapy.months': 5 } },
    {
      text: 'BRAF V600E on dab/tram, PR',
      facts: { 'therapy.agent': 'dabrafenib + trametinib', 'therapy.regimen': 'other-tki' },
    },
    { text: 'ROS1, crizo 9 months', facts: { 'therapy.agent': 'crizotinib', 'therapy.months': 9 } },
    { text: 'EGFR L858R, erlo 11 months, SD', facts: { 'therapy.agent': 'erlotinib' } },
    // Alone, the short forms of dabrafenib and trametinib are ordinary words or too short to be read.
    { text: 'came in by tram, ECOG 1', absent: ['therapy.agent'] },
  ],
};

describe('therapy phrasings', () => {
  for (const [name, rows] of Object.entries(CLASSES))
    describe(name, () => {
      for (const row of rows) it(row.text, () => check(row));
    });
});
