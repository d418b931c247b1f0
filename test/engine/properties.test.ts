// Property-based tests of the engine over the whole fact space (decision-spec §2–§5, lead's decisions).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema, evaluate, OutputSchema, RULESET, type Verdict } from '../../src/engine/index.js';
import { arbAnyCase, arbCase, arbPolymetastatic } from './arbitraries.js';
import { checkFlagsAgainstFacts, checkOutput } from './invariants.js';
import {
  type CaseJson,
  effectiveEcog,
  evaluateOk,
  isEgfrCommon,
  NOW,
  OTHER_TARGETABLE_DRIVERS,
  outOfScope,
  serosalPresent,
  VERDICT_RANK,
} from './support.js';

const RUNS = { numRuns: 300 };

/** Whether a modified verdict is no higher than the base one (modifiers never raise a verdict). */
/** `best` is the best verdict any what-if branch of an insufficient base gave: a modifier may make every
 * branch agree (decision-spec §2: a verdict shared by every branch is the answer), never better than that. */
function notRaised(base: Verdict, modified: Verdict, best: Verdict = 'not-recommended'): boolean {
  if (base === 'not-applicable') return modified === 'not-applicable';
  if (base === 'insufficient-information') {
    if (modified === 'insufficient-information' || modified === 'not-recommended') return true;
    const rank = VERDICT_RANK as Record<string, number>;
    return (rank[modified] ?? 99) <= (rank[best] ?? 0);
  }
  if (modified === 'insufficient-information' || modified === 'not-applicable') return false;
  return VERDICT_RANK[modified] <= VERDICT_RANK[base];
}

type Modifier =
  | { kind: 'ild'; value: 'ild' | 'ipf' }
  | { kind: 'priorThoracicRt' }
  | { kind: 'ecog'; value: 2 | 3 | 4 }
  | { kind: 'lifeExpectancy'; value: number };

const arbModifier: fc.Arbitrary<Modifier> = fc.oneof(
  fc.record({ kind: fc.constant('ild' as const), value: fc.constantFrom<'ild' | 'ipf'>('ild', 'ipf') }),
  fc.record({ kind: fc.constant('priorThoracicRt' as const) }),
  fc.record({ kind: fc.constant('ecog' as const), value: fc.constantFrom<2 | 3 | 4>(2, 3, 4) }),
  fc.record({
    kind: fc.constant('lifeExpectancy' as const),
    value: fc.integer({ min: 0, max: 59 }).map((x) => x / 10),
  }),
);

/** Adds a modifier to a case without ever improving the fact it touches. */
function applyModifier(c: CaseJson, m: Modifier): CaseJson {
  switch (m.kind) {
    case 'ild':
      return { ...c, lung: { ...c.lung, ild: m.value } };
    case 'priorThoracicRt':
      return { ...c, lung: { ...c.lung, priorThoracicRt: true } };
    case 'ecog':
      return { ...c, ecog: Math.max(c.ecog ?? 0, m.value) };
    case 'lifeExpectancy':
      return {
        ...c,
        lifeExpectancyMonths: Math.min(c.lifeExpectancyMonths ?? Number.POSITIVE_INFINITY, m.value),
      };
  }
}

/** The case without Karnofsky, so that adding an ECOG cannot replace a worse converted one. */
function withoutKps(c: CaseJson): CaseJson {
  const copy = { ...c };
  delete copy.karnofsky;
  return copy;
}

describe('generator sanity', () => {
  it('generates only schema-valid cases', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        const parsed = CaseSchema.safeParse(c);
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

// Hundreds of full evaluations per test: on 2 shared cores under load they can pass 5 s (no timing is asserted).
describe('engine properties', { timeout: 60_000 }, () => {
  it('answers every valid case with an output valid against OutputSchema and the invariants', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        const out = evaluateOk(c);
        checkOutput(out);
        checkFlagsAgainstFacts(c, out);
      }),
      RUNS,
    );
  });

  it('is never recommended with ECOG ≥ 3 or life expectancy < 6 months', () => {
    const arb = fc
      .tuple(arbAnyCase(), fc.boolean(), fc.integer({ min: 3, max: 4 }), fc.integer({ min: 0, max: 59 }))
      .map(
        ([c, byEcog, ecog, le10]): CaseJson =>
          byEcog ? { ...withoutKps(c), ecog } : { ...c, lifeExpectancyMonths: le10 / 10 },
      );
    fc.assert(
      fc.property(arb, (c) => {
        const out = evaluateOk(c);
        expect(out.verdict).not.toBe('recommended');
        expect(out.verdict).not.toBe('consider');
      }),
      RUNS,
    );
  });

  it('in stage IV NSCLC, ECOG ≥ 3 or life expectancy < 6 months always gives not-recommended', () => {
    const arb = fc
      .tuple(arbCase('iv'), fc.boolean(), fc.integer({ min: 3, max: 4 }), fc.integer({ min: 0, max: 59 }))
      .filter(([c]) => c.histology !== 'sclc' && c.primarySite !== 'non-lung')
      .map(
        ([c, byEcog, ecog, le10]): CaseJson =>
          byEcog ? { ...withoutKps(c), ecog } : { ...c, lifeExpectancyMonths: le10 / 10 },
      );
    fc.assert(
      fc.property(arb, (c) => {
        const out = evaluateOk(c);
        expect(out.verdict).toBe('not-recommended');
        expect(out.timing).toBe('none');
      }),
      RUNS,
    );
  });

  it('polymetastatic disease without a targetable driver is never recommended', () => {
    const arb = fc
      .tuple(arbPolymetastatic(), fc.constantFrom<'none' | 'KRAS'>('none', 'KRAS'))
      .map(([c, driver]): CaseJson => {
        const copy: CaseJson = { ...c, driver };
        delete copy.egfrVariant;
        delete copy.negativeFor;
        return copy;
      });
    fc.assert(
      fc.property(arb, (c) => {
        const out = evaluateOk(c);
        expect(out.verdict).not.toBe('recommended');
        const pattern = c.progression?.pattern;
        const oligoprogression = pattern === 'oligoprogression';
        if (!oligoprogression) expect(out.verdict).not.toBe('consider');
      }),
      RUNS,
    );
  });

  it('polymetastatic disease with a non-EGFR-common driver is never recommended', () => {
    const arb = fc
      .tuple(
        arbPolymetastatic(),
        fc.oneof(
          fc.constantFrom(...OTHER_TARGETABLE_DRIVERS).map((driver): Partial<CaseJson> => ({ driver })),
          fc
            .constantFrom<'exon20ins' | 'uncommon'>('exon20ins', 'uncommon')
            .map((egfrVariant): Partial<CaseJson> => ({ driver: 'EGFR', egfrVariant })),
        ),
      )
      .map(([c, d]): CaseJson => {
        const copy: CaseJson = { ...c, ...d };
        if (d.egfrVariant === undefined) delete copy.egfrVariant;
        delete copy.negativeFor;
        return copy;
      });
    fc.assert(
      fc.property(arb, (c) => {
        expect(evaluateOk(c).verdict).not.toBe('recommended');
      }),
      RUNS,
    );
  });

  it('is recommended only for common-EGFR, fit, unprogressed cases without caps', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        const out = evaluateOk(c);
        if (out.verdict !== 'recommended') return;
        const ecog = effectiveEcog(c);
        expect(isEgfrCommon(c)).toBe(true);
        expect(outOfScope(c)).toBe(false);
        expect(ecog === undefined || ecog <= 1).toBe(true);
        expect(c.lifeExpectancyMonths === undefined || c.lifeExpectancyMonths >= 6).toBe(true);
        expect(c.lung?.ild === 'ild' || c.lung?.ild === 'ipf').toBe(false);
        expect(c.lung?.priorThoracicRt === true).toBe(false);
        expect(serosalPresent(c)).toBe(false);
        expect(
          c.progression?.pattern === 'oligoprogression' || c.progression?.pattern === 'polyprogression',
        ).toBe(false);
        expect(c.therapy?.response).not.toBe('PD');
        expect(out.evidence).toBe('phase-3-rct');
      }),
      { numRuns: 500 },
    );
  });

  it('gives not-applicable for SCLC, non-lung primaries and stage I–III, whatever else', () => {
    const arb = fc.oneof(
      arbCase('non-iv'),
      arbCase().map((c): CaseJson => ({ ...c, histology: 'sclc' })),
      arbCase().map((c): CaseJson => ({ ...c, primarySite: 'non-lung' })),
    );
    fc.assert(
      fc.property(arb, (c) => {
        const out = evaluateOk(c);
        expect(out.verdict).toBe('not-applicable');
        expect(out.evidence).toBeNull();
        expect(out.timing).toBe('none');
      }),
      RUNS,
    );
  });

  it('never raises a verdict when ILD, prior thoracic RT, ECOG 2–4 or a short life expectancy is added', () => {
    fc.assert(
      fc.property(arbAnyCase(), fc.array(arbModifier, { minLength: 1, maxLength: 3 }), (c0, modifiers) => {
        const base = withoutKps(c0);
        const modified = modifiers.reduce(applyModifier, base);
        const baseOut = evaluateOk(base);
        const before = baseOut.verdict;
        const after = evaluateOk(modified).verdict;
        const best = baseOut.whatIf.reduce<Verdict>((b, w) => {
          const rank = VERDICT_RANK as Record<string, number>;
          return (rank[w.verdict] ?? -1) > (rank[b] ?? -1) ? w.verdict : b;
        }, 'not-recommended');
        expect(
          notRaised(before, after, best),
          `${before} → ${after} after ${JSON.stringify(modifiers)}`,
        ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('lists missing facts and what-ifs whenever information is insufficient', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        const out = evaluateOk(c);
        if (out.verdict !== 'insufficient-information') return;
        expect(out.missing.length).toBeGreaterThan(0);
        for (const fact of out.missing)
          expect(['stage', 'driver', 'metastases', 'progression']).toContain(fact);
        expect(out.whatIf.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('resolves every citation id it uses, and every citation is checkable', () => {
    const ruleset = new Map(RULESET.citations.map((c) => [c.id, c]));
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        const out = evaluateOk(c);
        const known = new Set(out.citations.map((x) => x.id));
        const used = [
          ...out.flags.flatMap((f) => f.citations),
          ...out.statements.flatMap((s) => s.citations),
          ...out.doseOptions.flatMap((d) => d.citations),
        ];
        for (const id of used) expect(known).toContain(id);
        for (const cit of out.citations) {
          expect(Boolean(cit.pmid || cit.doi || cit.url)).toBe(true);
          expect(ruleset.has(cit.id), `${cit.id} is in RULESET.citations`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic: identical and structurally cloned inputs give deeply identical outputs', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        const snapshot = structuredClone(c);
        const first = evaluateOk(c);
        const second = evaluateOk(c);
        const cloned = evaluateOk(structuredClone(c));
        expect(second).toStrictEqual(first);
        expect(cloned).toStrictEqual(first);
        expect(c, 'the input is not mutated').toStrictEqual(snapshot);
      }),
      RUNS,
    );
  });

  it('keeps the summary within 140 characters', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        expect(evaluateOk(c).summary.length).toBeLessThanOrEqual(140);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary JSON-ish input, and answers with a valid output or located issues', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.object()), (input) => {
        const result = evaluate(input, { now: NOW });
        if (result.ok) {
          const parsed = OutputSchema.safeParse(result.output);
          expect(parsed.success).toBe(true);
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(typeof issue.path).toBe('string');
            expect(issue.path.length).toBeGreaterThan(0);
            expect(typeof issue.message).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when one fact of a valid case is replaced by an arbitrary value', () => {
    const keys = [
      'histology',
      'stage',
      'driver',
      'egfrVariant',
      'metastases',
      'serosalDisease',
      'brain',
      'ecog',
      'karnofsky',
      'therapy',
      'progression',
      'primary',
      'symptoms',
      'lung',
      'staging',
      'lifeExpectancyMonths',
    ] as const;
    fc.assert(
      fc.property(arbCase(), fc.constantFrom(...keys), fc.jsonValue(), (c, key, value) => {
        const result = evaluate({ ...c, [key]: value }, { now: NOW });
        if (result.ok) checkOutput(result.output);
        else for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

describe('invalid values are reported at their field', () => {
  const pathsOf = (input: unknown): string[] => {
    const result = evaluate(input, { now: NOW });
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.issues.map((i) => i.path);
  };

  it('ECOG outside 0–4 or not an integer → path "ecog"', () => {
    const badEcog = fc.oneof(
      fc.integer({ min: 5, max: 1000 }),
      fc.integer({ min: -1000, max: -1 }),
      fc.integer({ min: 0, max: 39 }).map((x) => x / 10 + 0.05),
    );
    fc.assert(
      fc.property(arbCase(), badEcog, (c, ecog) => {
        expect(pathsOf({ ...c, ecog })).toContain('ecog');
      }),
      RUNS,
    );
  });

  it('a primary size of 0 cm or less → path "primary.sizeCm"', () => {
    const badSize = fc.oneof(
      fc.constant(0),
      fc.integer({ min: -300, max: -1 }).map((x) => x / 10),
    );
    fc.assert(
      fc.property(arbCase(), badSize, (c, sizeCm) => {
        expect(pathsOf({ ...c, primary: { ...c.primary, sizeCm } })).toContain('primary.sizeCm');
      }),
      RUNS,
    );
  });

  it('more organs than lesions → path "metastases.organs"', () => {
    const arb = fc
      .integer({ min: 1, max: 15 })
      .chain((count) => fc.tuple(fc.constant(count), fc.integer({ min: count + 1, max: 20 })));
    fc.assert(
      fc.property(arbCase('iv'), arb, (c, [count, organs]) => {
        expect(pathsOf({ ...c, metastases: { count, organs } })).toContain('metastases.organs');
      }),
      RUNS,
    );
  });
});

// Issue 11: invariants added with ruleset 2026.2.0 (the dose eligibility ones run inside checkFlagsAgainstFacts
// on every arbitrary case above; these are the what-if ones).
// Hundreds of full evaluations per test: on 2 shared cores under load they can pass 5 s (no timing is asserted).
describe('engine properties (2026.2.0)', { timeout: 60_000 }, () => {
  const OTHER_TARGETABLE = ['ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2'];
  it('never proposes in a what-if a value the text ruled out', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        const out = evaluateOk(c);
        const negative = c.negativeFor ?? [];
        for (const w of out.whatIf) {
          if (negative.includes('EGFR')) expect(w.if).not.toMatch(/driver = EGFR/);
          if (OTHER_TARGETABLE.every((g) => negative.includes(g)))
            expect(w.if).not.toMatch(/another targetable driver/);
          for (const g of negative) expect(w.if).not.toMatch(new RegExp(`driver = ${g}\\b`));
          const organs = c.metastases?.organs;
          if (organs !== undefined && organs <= 3) expect(w.if).not.toMatch(/>3 organs/);
        }
      }),
      RUNS,
    );
  });

  it('answers with the shared verdict, not insufficient information, when every what-if agrees', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        const out = evaluateOk(c);
        if (out.verdict !== 'insufficient-information' || out.missing.includes('stage')) return;
        const verdicts = new Set(out.whatIf.map((w) => w.verdict));
        expect(verdicts.size, JSON.stringify(out.whatIf)).toBeGreaterThan(1);
      }),
      RUNS,
    );
  });
});
