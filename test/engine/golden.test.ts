import { describe, expect, it } from 'vitest';
import { CaseSchema, FLAG_CODES } from '../../src/engine/index.js';
import { GOLDEN_CASES as GOLDEN_2026_1 } from './golden-cases.js';
import { GOLDEN_2026_2 } from './golden-cases-2026-2.js';
import { checkDecidedBy, checkExpectations } from './golden-check.js';
import { checkFlagsAgainstFacts, checkOutput } from './invariants.js';
import { evaluateOk } from './support.js';

const GOLDEN_CASES = [...GOLDEN_2026_1, ...GOLDEN_2026_2];

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
