import { describe, expect, it } from 'vitest';
import { CaseSchema, FLAG_CODES, type Output } from '../../src/engine/index.js';
import { GOLDEN_CASES as GOLDEN_2026_1, type GoldenCase, type GoldenExpect } from './golden-cases.js';
import { GOLDEN_2026_2 } from './golden-cases-2026-2.js';

const GOLDEN_CASES = [...GOLDEN_2026_1, ...GOLDEN_2026_2];

import { checkFlagsAgainstFacts, checkOutput } from './invariants.js';
import { evaluateOk, flagCodes, hasDose } from './support.js';

function checkExpectations(out: Output, exp: GoldenExpect): void {
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
  if (exp.firstDose) {
    const first = out.doseOptions[0];
    expect([first?.totalGy, first?.fractions], 'first dose option').toEqual(exp.firstDose);
  }
}

/** The verdict-rule ids of decision-spec §4, by rule number (rule 1 has one row per out-of-scope reason). */
const RULE_IDS: Record<GoldenCase['rule'], readonly string[]> = {
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
function checkDecidedBy(out: Output, golden: GoldenCase): void {
  const context = `decidedBy [${out.decidedBy.join(', ')}]`;
  expect(RULE_IDS[golden.rule], context).toContain(out.decidedBy[0]);
  if (golden.decidedBy) expect(out.decidedBy, context).toEqual(golden.decidedBy);
}

describe('golden clinical cases', () => {
  it.each(GOLDEN_CASES.map((c) => [c.name, c] as const))('%s', (_name, golden) => {
    const out = evaluateOk(golden.input);
    checkOutput(out);
    checkFlagsAgainstFacts(golden.input, out);
    checkExpectations(out, golden.expect);
    checkDecidedBy(out, golden);
  });
});

describe('the golden table itself', () => {
  it('has 80+ cases with unique names', () => {
    expect(GOLDEN_CASES.length).toBeGreaterThanOrEqual(80);
    const names = GOLDEN_CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers every rule of decision-spec §4', () => {
    const rules = new Set(GOLDEN_CASES.map((c) => c.rule));
    for (const r of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const) expect(rules, `rule ${r}`).toContain(r);
  });

  it('covers every verdict, and every flag of §5 both present and absent', () => {
    const verdicts = new Set(GOLDEN_CASES.map((c) => c.expect.verdict));
    for (const v of [
      'recommended',
      'consider',
      'not-recommended',
      'insufficient-information',
      'not-applicable',
    ]) {
      expect(verdicts).toContain(v);
    }
    const positive = new Set(GOLDEN_CASES.flatMap((c) => c.expect.flags ?? []));
    const negative = new Set(GOLDEN_CASES.flatMap((c) => c.expect.notFlags ?? []));
    for (const code of FLAG_CODES) {
      expect(positive, `a case must require ${code}`).toContain(code);
      expect(negative, `a case must exclude ${code}`).toContain(code);
    }
  });

  it('uses only inputs that are valid under the case schema', () => {
    for (const c of GOLDEN_CASES) {
      const parsed = CaseSchema.safeParse(c.input);
      expect(parsed.success, `${c.name}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`).toBe(
        true,
      );
    }
  });
});

// Points the spec and the lead's decisions leave open: only the bounds that any reading must respect.
describe('open points (loose bounds)', () => {
  const BASE = {
    histology: 'adenocarcinoma',
    stage: { m: 'M1c' },
    ecog: 1,
    staging: { petCt: 'done', brainMri: 'done' },
  } as const;
  const EGFR = {
    ...BASE,
    driver: 'EGFR',
    egfrVariant: 'L858R',
    therapy: { status: 'naive', regimen: 'egfr-tki' },
  } as const;
  const NO_DRIVER = { ...BASE, driver: 'none', therapy: { status: 'naive' } } as const;

  it('EGFR with 8 lesions and organs unknown is never recommended (oligo-organ cannot be shown)', () => {
    const out = evaluateOk({ ...EGFR, metastases: { count: 8 } });
    checkOutput(out);
    expect(['consider', 'insufficient-information']).toContain(out.verdict);
  });

  it('no driver, 4 organs with the lesion count unknown is never recommended or consider', () => {
    const out = evaluateOk({ ...NO_DRIVER, metastases: { organs: 4 } });
    checkOutput(out);
    expect(['not-recommended', 'insufficient-information']).toContain(out.verdict);
  });

  it('no driver, serosal disease with the lesion count unknown is never recommended or consider', () => {
    const out = evaluateOk({ ...NO_DRIVER, serosalDisease: ['pleural-effusion'] });
    checkOutput(out);
    expect(['not-recommended', 'insufficient-information']).toContain(out.verdict);
  });
});
