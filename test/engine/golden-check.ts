// Checks a golden case's expectations against an engine output; shared by the golden and mutation tests.
import { expect } from 'vitest';
import type { Output } from '../../src/engine/index.js';
import { IASLC_WORDING } from '../../src/engine/ruleset.js';
import type { GoldenCase, GoldenExpect } from './golden-cases.js';
import { flagCodes, hasDose } from './support.js';

export function checkExpectations(out: Output, exp: GoldenExpect): void {
  const codes = flagCodes(out);
  const context = `verdict ${out.verdict}, timing ${out.timing}, evidence ${out.evidence}, flags [${codes.join(', ')}], missing [${out.missing.join(', ')}]`;

  expect(out.verdict, context).toBe(exp.verdict);
  if (exp.timing !== undefined) expect(out.timing, context).toBe(exp.timing);
  if (exp.evidence !== undefined) expect(out.evidence, context).toBe(exp.evidence);
  for (const code of exp.flags ?? []) expect(codes, `flag ${code} expected; ${context}`).toContain(code);
  for (const code of exp.notFlags ?? [])
    expect(codes, `flag ${code} not expected; ${context}`).not.toContain(code);
  for (const [code, severity] of Object.entries(exp.severities ?? {})) {
    expect(out.flags.find((f) => f.code === code)?.severity, `severity of ${code}`).toBe(severity);
  }
  for (const fact of exp.missing ?? []) expect(out.missing, `missing ${fact}; ${context}`).toContain(fact);
  for (const fact of exp.notMissing ?? []) expect(out.missing, `not missing ${fact}`).not.toContain(fact);
  const whatIfVerdicts = out.whatIf.map((w) => w.verdict);
  for (const v of exp.whatIfVerdicts ?? []) {
    expect(whatIfVerdicts, `whatIf ${JSON.stringify(out.whatIf)}`).toContain(v);
  }
  for (const w of exp.whatIf ?? []) {
    expect(
      out.whatIf.some((entry) => w.if.test(entry.if) && entry.verdict === w.verdict),
      `whatIf entry ${w.if} → ${w.verdict} in ${JSON.stringify(out.whatIf)}`,
    ).toBe(true);
  }
  if (exp.assumes) expect(out.assumptions.length, 'at least one assumption').toBeGreaterThan(0);
  for (const [gy, fx] of exp.doseIncludes ?? []) {
    expect(hasDose(out, gy, fx), `${gy} Gy / ${fx} fx expected in ${JSON.stringify(out.doseOptions)}`).toBe(
      true,
    );
  }
  for (const [gy, fx] of exp.doseExcludes ?? []) {
    expect(hasDose(out, gy, fx), `${gy} Gy / ${fx} fx must not be offered`).toBe(false);
  }
  if (exp.summary) expect(out.summary).toMatch(exp.summary);
  const texts = out.statements.map((st) => st.text);
  for (const re of exp.statement ?? [])
    expect(
      texts.some((t) => re.test(t)),
      `statement ${re}`,
    ).toBe(true);
  for (const re of exp.statementNot ?? [])
    expect(
      texts.some((t) => re.test(t)),
      `no statement ${re}`,
    ).toBe(false);
  if (exp.assumption)
    expect(
      out.assumptions.some((a) => exp.assumption?.test(a)),
      `assumption ${exp.assumption} in ${out.assumptions}`,
    ).toBe(true);
  if (exp.whatIfNot)
    expect(
      out.whatIf.filter((w) => exp.whatIfNot?.test(w.if)),
      'what-if of a ruled-out value',
    ).toEqual([]);
  for (const [code, re] of Object.entries(exp.flagText ?? {}))
    expect(out.flags.find((f) => f.code === code)?.text ?? '', `text of ${code}`).toMatch(re);
  if (exp.assumptionNot)
    expect(
      out.assumptions.filter((a) => exp.assumptionNot?.test(a)),
      'assumptions',
    ).toEqual([]);
  checkCitations(out, exp);
  if (exp.firstDose) {
    const first = out.doseOptions[0];
    expect([first?.totalGy, first?.fractions], 'first dose option').toEqual(exp.firstDose);
  }
}

function checkCitations(out: Output, exp: GoldenExpect): void {
  for (const [code, ids] of Object.entries(exp.flagCitations ?? {}))
    expect(out.flags.find((f) => f.code === code)?.citations, `citations of ${code}`).toEqual(ids);
  for (const [re, ids] of exp.statementCitations ?? [])
    expect(out.statements.find((st) => re.test(st.text))?.citations, `citations of statement ${re}`).toEqual(
      ids,
    );
  // §6: a statement resting on IASLC 2026 says so in its text.
  for (const st of out.statements)
    if (st.citations.includes('iaslc-2026')) expect(st.text).toContain(IASLC_WORDING);
}

/** The verdict-rule ids of decision-spec §4, by rule number (rule 1 has one row per out-of-scope reason). */
export const RULE_IDS: Record<GoldenCase['rule'], readonly string[]> = {
  1: ['scope-sclc', 'scope-non-lung', 'scope-stage'],
  2: ['critical-facts'],
  3: ['polyprogression'],
  4: ['oligoprogression'],
  5: ['egfr-oligo'],
  6: ['egfr-beyond-oligo-organ'],
  7: ['other-driver-oligo'],
  8: ['no-driver-oligo'],
  9: ['polymetastatic'],
};

/** Every golden case asserts the deciding rule against `decidedBy`; a case may pin the whole list. */
export function checkDecidedBy(out: Output, golden: GoldenCase): void {
  const context = `decidedBy [${out.decidedBy.join(', ')}]`;
  expect(RULE_IDS[golden.rule], context).toContain(out.decidedBy[0]);
  if (golden.decidedBy) expect(out.decidedBy, context).toEqual(golden.decidedBy);
}
