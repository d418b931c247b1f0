// The public example cases of decision-spec §7 in their free-text form: reading the text gives the facts of the
// example's file in examples/ (except those the text does not state), and the same answer as the file.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import { parseCase } from '../../src/parse/index.js';
import { exampleInput, factsInText, PUBLIC_EXAMPLES } from '../support/public-examples.js';
import { check, type Row } from './support.js';

/** What the reader adds or must leave out, beyond the file's facts. */
const READER: Record<string, Pick<Row, 'expect' | 'absent'>> = {
  'ex1-egfr-oligo-naive.json': { expect: {}, absent: ['brain', 'progression', 'therapy.response'] },
  'ex2-egfr-oligo-osimertinib-ecog2.json': { expect: {}, absent: ['progression'] },
  'ex4-driver-negative-widespread-haemoptysis.json': {
    expect: { metastases: { organs: 2 } },
    absent: ['metastases.count'],
  },
  'ex5-metastatic-driver-not-stated.json': {
    expect: { primarySite: 'lung' },
    absent: ['driver', 'histology'],
  },
};

const NOW = new Date('2026-03-02T09:00:00.000Z');

describe('decision-spec §7 public examples in free text', () => {
  it.each(PUBLIC_EXAMPLES.map((e) => [e.text, e] as const))('%s', (text, example) => {
    const extra = READER[example.file];
    const result = check({ text, expect: factsInText(example), absent: extra?.absent ?? [] });
    expect(result.case).toMatchObject(extra?.expect ?? {});
    // Every fragment of these summaries is used, except the spec's own aside "(driver not stated)".
    if (example.missing.length === 0 && result.ignored.length > 0) {
      throw new Error(`ignored: ${result.ignored.map((s) => text.slice(s.start, s.end)).join(' | ')}`);
    }
  });

  it.each(PUBLIC_EXAMPLES.map((e) => [e.file, e] as const))(
    '%s: the text answers as the file does',
    (_f, e) => {
      const fromText = evaluate(parseCase(e.text).case, { now: NOW });
      const fromFile = evaluate(exampleInput(e), { now: NOW });
      expect(fromText.ok && fromFile.ok).toBe(true);
      if (!fromText.ok || !fromFile.ok) return;
      expect(fromText.output.verdict).toBe(fromFile.output.verdict);
      expect(fromText.output.timing).toBe(fromFile.output.timing);
      expect(fromText.output.flags.map((f) => f.code).sort()).toEqual(
        fromFile.output.flags.map((f) => f.code).sort(),
      );
    },
  );
});
