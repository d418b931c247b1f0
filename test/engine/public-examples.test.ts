// The public example cases of decision-spec §7, as the structured cases in examples/ (read from there, one copy).
// Facts the free text does not state are left absent (unknown), as the spec requires.
import { describe, expect, it } from 'vitest';
import { exampleInput, PUBLIC_EXAMPLES } from '../support/public-examples.js';
import { checkFlagsAgainstFacts, checkOutput } from './invariants.js';
import { type CaseJson, evaluateOk, flagCodes } from './support.js';

/** Extra checks on single examples, beyond verdict, timing, flags and missing facts. */
const SUMMARY: Record<string, RegExp> = { 'ex4-driver-negative-widespread-haemoptysis.json': /palliat/i };
const NOT_MISSING: Record<string, string[]> = {
  'ex1-egfr-oligo-naive.json': ['stage', 'driver', 'metastases'],
  'ex5-metastatic-driver-not-stated.json': ['stage', 'metastases'],
};

describe('decision-spec §7 public examples', () => {
  it.each(PUBLIC_EXAMPLES.map((e) => [e.file, e] as const))('%s', (file, example) => {
    const input = exampleInput(example) as CaseJson;
    const out = evaluateOk(input);
    checkOutput(out);
    checkFlagsAgainstFacts(input, out);

    expect(out.verdict).toBe(example.verdict);
    expect(out.timing).toBe(example.timing);
    const codes = flagCodes(out);
    for (const code of example.flags) expect(codes).toContain(code);
    for (const fact of example.missing) expect(out.missing).toContain(fact);
    for (const fact of NOT_MISSING[file] ?? []) expect(out.missing).not.toContain(fact);
    if (SUMMARY[file]) expect(out.summary).toMatch(SUMMARY[file]);
  });

  it('the insufficient example says what each driver would give', () => {
    const example = PUBLIC_EXAMPLES.find((e) => e.verdict === 'insufficient-information');
    const out = evaluateOk(example && exampleInput(example));
    expect(out.whatIf.some((w) => /\bEGFR\b/i.test(w.if))).toBe(true);
    expect(out.whatIf.length).toBeGreaterThanOrEqual(2);
    // 3 lesions in at most 3 organs is oligometastatic: EGFR → recommended, no driver → consider.
    expect(out.whatIf.map((w) => w.verdict)).toEqual(expect.arrayContaining(['recommended', 'consider']));
  });
});
