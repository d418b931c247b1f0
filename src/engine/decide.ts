// Verdict rules (decision-spec §4, first match decides) and modifiers (§5, in the stated order).
import type { Case } from './case-schema.js';
import type { Derived } from './derive.js';
import type { RuleId } from './knowledge/rules.js';
import type { EvidenceLevel, Timing, TraceEntry, Verdict } from './output-schema.js';

export type MissingFact = 'stage' | 'driver' | 'metastases' | 'progression';

export interface Decision {
  /** The §4 rule that decided the base verdict. */
  rule: RuleId;
  baseVerdict: Verdict;
  verdict: Verdict;
  evidence: EvidenceLevel | null;
  timing: Timing;
  missing: MissingFact[];
  assumptions: string[];
  /** Modifiers that changed the verdict, in the order applied. */
  applied: RuleId[];
  outOfScopeReason: string | undefined;
}

const RANK: Record<Verdict, number> = {
  recommended: 3,
  consider: 2,
  'not-recommended': 1,
  'insufficient-information': 0,
  'not-applicable': 0,
};

function rank(v: Verdict): number {
  return RANK[v];
}

export function decide(c: Case, d: Derived, trace: TraceEntry[]): Decision {
  const base = baseRule(c, d, trace);
  return applyModifiers(c, d, base, trace);
}

type Base = Omit<Decision, 'verdict' | 'applied'>;

function note(trace: TraceEntry[], rule: RuleId, result: boolean, facts: Record<string, unknown>): void {
  trace.push({ rule, result, facts });
}

function outcome(
  assumptions: string[],
  rule: RuleId,
  verdict: Verdict,
  evidence: EvidenceLevel | null,
  timing: Timing,
  missing: MissingFact[] = [],
  outOfScopeReason: string | undefined = undefined,
): Base {
  // One fixed object shape for every outcome keeps this hot path monomorphic.
  return { rule, baseVerdict: verdict, evidence, timing, missing, assumptions, outOfScopeReason };
}

function baseRule(c: Case, d: Derived, trace: TraceEntry[]): Base {
  const assumptions: string[] = [];
  // 1. Scope
  const outOfScopeReason =
    c.histology === 'sclc'
      ? 'small-cell lung cancer'
      : c.primarySite === 'non-lung'
        ? 'a non-lung primary'
        : d.stage === 'out'
          ? 'stage I–III disease'
          : undefined;
  note(trace, 'scope', outOfScopeReason !== undefined, {
    histology: c.histology ?? null,
    primarySite: c.primarySite ?? null,
    stage: d.stage,
  });
  if (outOfScopeReason)
    return outcome(assumptions, 'scope', 'not-applicable', null, 'none', [], outOfScopeReason);

  // 2. Critical facts
  const missing: MissingFact[] = [];
  if (d.stage !== 'iv') missing.push('stage');
  if (d.driverGroup === undefined) missing.push('driver');
  const egfrOligoOrgan = d.driverGroup === 'egfr-common' && d.oligoOrgan === true;
  if (d.oligometastatic === undefined && !egfrOligoOrgan) missing.push('metastases');
  if (c.therapy?.response === 'PD' && d.progression === undefined) missing.push('progression');
  note(trace, 'critical-facts', missing.length > 0, { missing });
  if (missing.length > 0)
    return outcome(assumptions, 'critical-facts', 'insufficient-information', null, 'none', missing);

  if (d.burdenConflict)
    assumptions.push(
      'lesion counts and the burden word disagree; the more conservative (polymetastatic) was used',
    );

  // 3. Polyprogression
  const poly = d.progression === 'polyprogression';
  note(trace, 'polyprogression', poly, { progression: d.progression ?? null });
  if (poly) return outcome(assumptions, 'polyprogression', 'not-recommended', 'consensus', 'none');

  // 4. Oligoprogression
  const oligoProg = d.progression === 'oligoprogression';
  note(trace, 'oligoprogression', oligoProg, {
    progression: d.progression ?? null,
    primaryProgressing: c.progression?.primaryProgressing ?? null,
  });
  if (oligoProg)
    return outcome(assumptions, 'oligoprogression', 'consider', 'phase-2-rct', 'at-oligoprogression');

  // 5. EGFR common, oligometastatic or oligo-organ
  const egfr = d.driverGroup === 'egfr-common';
  const rule5 = egfr && (d.oligometastatic === true || d.oligoOrgan === true);
  note(trace, 'egfr-oligo', rule5, {
    driverGroup: d.driverGroup ?? null,
    oligometastatic: d.oligometastatic ?? 'unknown',
    oligoOrgan: d.oligoOrgan ?? 'unknown',
  });
  if (rule5) {
    return outcome(
      assumptions,
      'egfr-oligo',
      'recommended',
      'phase-3-rct',
      egfrTiming(c, d, therapyStateWithAssumption(d, assumptions), 'upfront', assumptions),
    );
  }

  // 6. EGFR common beyond oligo-organ
  note(trace, 'egfr-beyond-oligo-organ', egfr, {
    driverGroup: d.driverGroup ?? null,
    oligoOrgan: d.oligoOrgan ?? 'unknown',
  });
  if (egfr) {
    if (d.oligoOrgan === undefined)
      assumptions.push('number of metastatic organs not stated: oligo-organ disease (≤3 organs) not assumed');
    return outcome(
      assumptions,
      'egfr-beyond-oligo-organ',
      'consider',
      'retrospective',
      egfrTiming(c, d, therapyStateWithAssumption(d, assumptions), 'after-induction', assumptions),
    );
  }

  // 7. Other targetable driver, oligometastatic
  const rule7 = d.driverGroup === 'other-targetable' && d.oligometastatic === true;
  note(trace, 'other-driver-oligo', rule7, {
    driverGroup: d.driverGroup ?? null,
    oligometastatic: d.oligometastatic ?? 'unknown',
  });
  if (rule7) {
    const timing: Timing =
      therapyStateWithAssumption(d, assumptions) === 'on-treatment'
        ? 'now-as-consolidation'
        : 'after-induction';
    return outcome(assumptions, 'other-driver-oligo', 'consider', 'extrapolation', timing);
  }

  // 8. No targetable driver, oligometastatic
  const rule8 = d.driverGroup === 'no-targetable' && d.oligometastatic === true;
  note(trace, 'no-driver-oligo', rule8, {
    driverGroup: d.driverGroup ?? null,
    oligometastatic: d.oligometastatic ?? 'unknown',
  });
  if (rule8)
    return outcome(
      assumptions,
      'no-driver-oligo',
      'consider',
      'phase-2-rct',
      chemoTiming(c, therapyStateWithAssumption(d, assumptions), assumptions),
    );

  // 9. Polymetastatic without EGFR-common
  note(trace, 'polymetastatic', true, {
    driverGroup: d.driverGroup ?? null,
    oligometastatic: d.oligometastatic ?? null,
  });
  return outcome(assumptions, 'polymetastatic', 'not-recommended', 'consensus', 'none');
}

function therapyStateWithAssumption(d: Derived, assumptions: string[]) {
  if (d.therapyState !== undefined) return d.therapyState;
  assumptions.push('systemic therapy status not stated: assumed treatment-naive');
  return 'naive' as const;
}

/** Rules 5 and 6: 6 weeks on therapy separates upfront (or induction) from consolidation (NorthStar). */
function egfrTiming(
  c: Case,
  d: Derived,
  state: 'naive' | 'on-treatment' | 'off-treatment',
  early: Timing,
  assumptions: string[],
): Timing {
  if (state === 'naive') return early;
  if (state === 'off-treatment') {
    assumptions.push('off systemic therapy: timing given as for a restart of first-line therapy');
    return early;
  }
  if (d.therapyWeeks !== undefined) return d.therapyWeeks >= 6 ? 'now-as-consolidation' : early;
  if (c.therapy?.response && c.therapy.response !== 'PD') return 'now-as-consolidation';
  assumptions.push('time on therapy and response not stated: assumed under 6 weeks');
  return early;
}

/** Rule 8: consolidation after ≥3 cycles or ≥2 months without progression. */
function chemoTiming(
  c: Case,
  state: 'naive' | 'on-treatment' | 'off-treatment',
  assumptions: string[],
): Timing {
  if (state !== 'on-treatment') {
    if (state === 'off-treatment')
      assumptions.push('off systemic therapy: timing given as for a restart of systemic therapy');
    return 'after-induction';
  }
  const t = c.therapy ?? {};
  const months = t.months ?? (t.weeks !== undefined ? (t.weeks * 12) / 52 : undefined);
  if ((t.cycles !== undefined && t.cycles >= 3) || (months !== undefined && months >= 2))
    return 'now-as-consolidation';
  if (t.cycles !== undefined || months !== undefined) return 'after-induction';
  if (t.response && t.response !== 'PD') {
    assumptions.push('duration of induction not stated: a stated response was taken as completed induction');
    return 'now-as-consolidation';
  }
  assumptions.push('duration of induction and response not stated: assumed induction not yet complete');
  return 'after-induction';
}

interface ModifierState {
  verdict: Verdict;
  applied: RuleId[];
}

/** Lowers the verdict to `to` when the modifier applies; never raises it. */
function lower(
  st: ModifierState,
  trace: TraceEntry[],
  rule: RuleId,
  to: Verdict,
  when: boolean,
  fact: string,
  value: unknown,
): void {
  const changes = when && (rank(to) < rank(st.verdict) || st.verdict === 'insufficient-information');
  const facts: Record<string, unknown> = { from: st.verdict, to: changes ? to : st.verdict };
  facts[fact] = value;
  trace.push({ rule, result: changes, facts });
  if (!changes) return;
  st.verdict = to;
  st.applied.push(rule);
}

function applyModifiers(c: Case, d: Derived, base: Base, trace: TraceEntry[]): Decision {
  const st: ModifierState = { verdict: base.baseVerdict, applied: [] };
  if (st.verdict === 'not-applicable') return finish(base, st, base.evidence, base.timing);
  let evidence = base.evidence;
  let timing = base.timing;

  // Hard stops: once stage IV is established, nothing a missing fact could be would allow definitive RT.
  const stageKnown = d.stage === 'iv';
  lower(
    st,
    trace,
    'ps-poor',
    'not-recommended',
    stageKnown && d.ecog !== undefined && d.ecog >= 3,
    'ecog',
    d.ecog ?? null,
  );
  lower(
    st,
    trace,
    'limited-life-expectancy',
    'not-recommended',
    stageKnown && c.lifeExpectancyMonths !== undefined && c.lifeExpectancyMonths < 6,
    'lifeExpectancyMonths',
    c.lifeExpectancyMonths ?? null,
  );
  if (st.applied.length > 0) {
    evidence = 'consensus';
    timing = 'none';
  }

  // Caps and the one-step downgrade only act on the definitive ladder.
  const ladder = st.verdict === 'recommended' || st.verdict === 'consider';
  const ild = c.lung?.ild === 'ild' || c.lung?.ild === 'ipf';
  lower(st, trace, 'ild-cap', 'consider', ladder && ild, 'ild', c.lung?.ild ?? null);
  const priorRt = c.lung?.priorThoracicRt;
  lower(
    st,
    trace,
    'prior-thoracic-rt-cap',
    'consider',
    ladder && priorRt === true,
    'priorThoracicRt',
    priorRt ?? null,
  );
  lower(st, trace, 'ps-borderline', 'consider', ladder && d.ecog === 2, 'ecog', d.ecog ?? null);

  return finish(base, st, evidence, timing);
}

function finish(base: Base, st: ModifierState, evidence: EvidenceLevel | null, timing: Timing): Decision {
  return {
    rule: base.rule,
    baseVerdict: base.baseVerdict,
    verdict: st.verdict,
    evidence,
    timing,
    missing: base.missing,
    assumptions: base.assumptions,
    applied: st.applied,
    outOfScopeReason: base.outOfScopeReason,
  };
}
