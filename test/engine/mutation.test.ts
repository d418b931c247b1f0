// Mutation test (issue 11): the golden cases must notice when a rule row's outcome (verdict, evidence) or a
// dose option's eligibility condition is changed. Each mutant is a changed copy of the embedded rows, loaded
// into the same engine; the test passes only if some golden cases then fail.
import { describe, expect, it } from 'vitest';
import { createEvaluator, embeddedRuleset, loadRuleset, type Ruleset } from '../../src/engine/index.js';
import { GOLDEN_CASES as GOLDEN_2026_1, type GoldenCase } from './golden-cases.js';
import { GOLDEN_2026_2 } from './golden-cases-2026-2.js';
import { checkDecidedBy, checkExpectations } from './golden-check.js';
import { checkFlagsAgainstFacts, checkOutput } from './invariants.js';
import { NOW } from './support.js';

const GOLDEN: GoldenCase[] = [...GOLDEN_2026_1, ...GOLDEN_2026_2];

/** The names of the golden cases that fail against the engine built from `rs`. */
function failingGoldens(rs: Ruleset): string[] {
  const evaluate = createEvaluator(loadRuleset(rs));
  const failed: string[] = [];
  for (const g of GOLDEN) {
    try {
      const r = evaluate(g.input, { now: NOW });
      if (!r.ok) throw new Error('invalid');
      checkOutput(r.output);
      checkFlagsAgainstFacts(g.input, r.output);
      checkExpectations(r.output, g.expect);
      checkDecidedBy(r.output, g);
    } catch {
      failed.push(g.name);
    }
  }
  return failed;
}

function mutant(change: (rs: Ruleset) => void): Ruleset {
  const rs = embeddedRuleset();
  change(rs);
  return rs;
}

function verdictRule(rs: Ruleset, id: string) {
  const r = rs.rules.find((x) => x.id === id);
  if (r?.kind !== 'verdict') throw new Error(`no verdict rule ${id}`);
  return r as { outcome: { verdict: string; evidence: string | null; timing: string } };
}

function doseOption(rs: Ruleset, id: string) {
  const d = rs.doseOptions.find((x) => x.id === id);
  if (!d) throw new Error(`no dose option ${id}`);
  return d as unknown as { when: unknown; assumes: Record<string, string> };
}

// Hundreds of full evaluations per test: on 2 shared cores under load they can pass 5 s (no timing is asserted).
describe('mutation test: changing a row makes golden cases fail', { timeout: 60_000 }, () => {
  it('the unchanged rows pass every golden case (the baseline)', () => {
    expect(failingGoldens(embeddedRuleset())).toEqual([]);
  });

  it("egfr-oligo's verdict recommended → consider", () => {
    const failed = failingGoldens(
      mutant((rs) => {
        verdictRule(rs, 'egfr-oligo').outcome.verdict = 'consider';
      }),
    );
    expect(failed.length).toBeGreaterThan(10);
    expect(failed).toContain(
      '§4.5 EGFR timing (positive): TKI-naive → after-induction, upfront stated as the alternative',
    );
  });

  it("no-driver-oligo's evidence phase-2-rct → retrospective", () => {
    const failed = failingGoldens(
      mutant((rs) => {
        verdictRule(rs, 'no-driver-oligo').outcome.evidence = 'retrospective';
      }),
    );
    expect(failed.length).toBeGreaterThan(5);
  });

  it("a modifier's outcome: ild-cap caps at not-recommended instead of consider", () => {
    const failed = failingGoldens(
      mutant((rs) => {
        const m = rs.rules.find((x) => x.id === 'ild-cap') as { outcome: unknown };
        m.outcome = { cap: 'not-recommended' };
      }),
    );
    expect(failed.length).toBeGreaterThan(0);
  });

  it("ultracentral 60 Gy / 8's condition loses node-negative and size (any ultracentral primary)", () => {
    const failed = failingGoldens(
      mutant((rs) => {
        const d = doseOption(rs, 'ultracentral-60-8');
        d.when = { eq: ['location', 'ultracentral'] };
        d.assumes = {};
      }),
    );
    expect(failed).toContain('§6 dose (negative): node-positive ultracentral → no 60 Gy / 8');
    expect(failed).toContain('§6 dose (boundary): ultracentral N0 6.5 cm → beyond SUNSET, 60 Gy / 30 only');
  });

  it("peripheral 54 Gy / 3's condition loses the ILD exclusion", () => {
    const failed = failingGoldens(
      mutant((rs) => {
        const d = doseOption(rs, 'sbrt-54-3') as {
          when: { all: { eq?: [string, unknown] }[] };
          assumes: Record<string, string>;
        };
        d.when.all = d.when.all.filter((c) => c.eq?.[0] !== 'ild');
        delete d.assumes.ild;
      }),
    );
    expect(failed.some((n) => /ILD|IPF/.test(n))).toBe(true);
  });
});
