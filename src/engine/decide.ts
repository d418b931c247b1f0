// The interpreter of the rule rows (knowledge/rules.ts): the first verdict rule whose condition is true
// decides the base verdict, evidence and timing policy; then every modifier, in order, may stop, cap or
// downgrade it (never raise it). Nothing clinical is written here: verdicts, evidence and conditions live in
// the rows; this file holds only the named timing policies the rows refer to.
import type { Case } from './case-schema.js';
import type { CompiledKnowledge, CompiledModifier, CompiledVerdictRule } from './compiled.js';
import type { Derived, MissingFact } from './derive.js';
import { type FactVector, toVector } from './facts.js';
import type { TimingPolicy } from './knowledge/rules.js';
import type { EvidenceLevel, Timing, TraceEntry, Verdict } from './output-schema.js';

export type { MissingFact } from './derive.js';

export interface Decision {
  /** The verdict rule that decided the base verdict. */
  rule: string;
  baseVerdict: Verdict;
  verdict: Verdict;
  evidence: EvidenceLevel | null;
  timing: Timing;
  missing: MissingFact[];
  assumptions: string[];
  /** Modifiers that changed the verdict, in the order applied. */
  applied: string[];
}

const RANK: Record<Verdict, number> = {
  recommended: 3,
  consider: 2,
  'not-recommended': 1,
  'insufficient-information': 0,
  'not-applicable': 0,
};

/** `v` may be given when the caller already holds the facts as a vector (the what-if branches). */
export function decide(
  k: CompiledKnowledge,
  c: Case,
  d: Derived,
  trace: TraceEntry[] | null,
  v: FactVector = toVector(d.facts),
): Decision {
  const assumptions: string[] = [];
  let base: CompiledVerdictRule | undefined;
  for (const r of k.verdictRules) {
    const hit = r.when(v) === true;
    if (trace) trace.push({ rule: r.row.id, result: hit, facts: factValues(r, v) });
    if (hit) {
      base = r;
      break;
    }
  }
  // The last verdict rule has no condition (the loader checks it), so `base` is always set.
  const row = (base as CompiledVerdictRule).row;
  const then = row.outcome;
  const inLadder = then.verdict !== 'not-applicable' && then.verdict !== 'insufficient-information';
  if (inLadder && d.burdenConflict)
    assumptions.push('lesion counts and the burden word disagree; the counts were used');
  const decision: Decision = {
    rule: row.id,
    baseVerdict: then.verdict,
    verdict: then.verdict,
    evidence: then.evidence,
    timing: TIMING_POLICY[then.timing](c, d, assumptions),
    missing: then.verdict === 'insufficient-information' ? [...d.missing] : [],
    assumptions,
    applied: [],
  };
  if (decision.verdict !== 'not-applicable')
    for (const m of k.modifiers) applyModifier(m, decision, v, trace);
  return decision;
}

/** The facts a row names, for the trace (read by index from the vector: the hot path stays monomorphic).
 * The entry starts as a copy of the row's template, so every store is to a field that already exists. */
function factValues(
  r: CompiledVerdictRule | CompiledModifier,
  v: FactVector,
  out: Record<string, unknown> = { ...r.traceTemplate },
): Record<string, unknown> {
  const names = r.facts;
  const slots = r.slots;
  for (let i = 0; i < names.length; i++) out[names[i] as string] = v[slots[i] as number] ?? 'unknown';
  return out;
}

/** Lowers the verdict when the modifier holds and its effect applies; never raises it. */
function applyModifier(m: CompiledModifier, dec: Decision, v: FactVector, trace: TraceEntry[] | null): void {
  const from = dec.verdict;
  const e = m.row.outcome;
  let to: Verdict = from;
  if (m.when(v) === true) {
    if ('stop' in e) {
      if (from === 'recommended' || from === 'consider' || from === 'insufficient-information') to = e.stop;
    } else if ('cap' in e) {
      if ((from === 'recommended' || from === 'consider') && RANK[from] > RANK[e.cap]) to = e.cap;
    } else if (from === 'recommended') {
      to = 'consider';
    }
  }
  const changes = to !== from;
  if (trace) trace.push({ rule: m.row.id, result: changes, facts: traceOfModifier(m, v, from, to) });
  if (!changes) return;
  dec.verdict = to;
  dec.applied.push(m.row.id);
  if ('stop' in e) {
    dec.evidence = e.evidence;
    dec.timing = e.timing;
  }
}

function traceOfModifier(m: CompiledModifier, v: FactVector, from: Verdict, to: Verdict) {
  const out: Record<string, unknown> = { ...m.traceTemplate };
  out.from = from;
  out.to = to;
  return factValues(m, v, out);
}

type Policy = (c: Case, d: Derived, assumptions: string[]) => Timing;

function therapyState(d: Derived, assumptions: string[]) {
  if (d.therapyState !== undefined) return d.therapyState;
  assumptions.push('systemic therapy status not stated: assumed treatment-naive');
  return 'naive' as const;
}

/** Shared shape of the consolidation policies: naive/off → after induction; on therapy → by the threshold. */
function consolidationPolicy(
  reached: (c: Case, d: Derived) => boolean | undefined,
  unstated: string,
  responseTaken: string,
): Policy {
  return (c, d, assumptions) => {
    const state = therapyState(d, assumptions);
    if (state === 'naive') return 'after-induction';
    if (state === 'off-treatment') {
      assumptions.push('off systemic therapy: timing given as for a restart of systemic therapy');
      return 'after-induction';
    }
    const r = reached(c, d);
    if (r !== undefined) return r ? 'now-as-consolidation' : 'after-induction';
    if (c.therapy?.response && c.therapy.response !== 'PD') {
      assumptions.push(responseTaken);
      return 'now-as-consolidation';
    }
    assumptions.push(unstated);
    return 'after-induction';
  };
}

function monthsFromTime(c: Case): number | undefined {
  const t = c.therapy;
  if (t?.months !== undefined) return t.months;
  return t?.weeks !== undefined ? (t.weeks * 12) / 52 : undefined;
}

export const TIMING_POLICY: Record<TimingPolicy, Policy> = {
  none: () => 'none',
  'at-oligoprogression': () => 'at-oligoprogression',
  // §4.5: 6 weeks of TKI (NorthStar's 6–12-week induction) separates induction from consolidation; a stated
  // response with an unstated time is consolidation, as the spec says.
  'egfr-tki-6-weeks': consolidationPolicy(
    (_c, d) => (d.therapyWeeks === undefined ? undefined : d.therapyWeeks >= 6),
    'time on TKI and response not stated: assumed under 6 weeks',
    'time on TKI not stated: a stated response was taken as completed induction',
  ),
  // §4.7: Gomez allowed driver-positive patients after ≥3 months of TKI.
  'other-driver-tki-3-months': consolidationPolicy(
    (_c, d) => (d.therapyMonths === undefined ? undefined : d.therapyMonths >= 3),
    'time on TKI and response not stated: assumed under 3 months',
    'time on TKI not stated: a stated response was taken as 3 months of TKI',
  ),
  // §4.8: Gomez ≥4 cycles of a platinum doublet, NRG-LU002 ≥4 cycles; 3 months when only time is given.
  'no-driver-induction-4-cycles': consolidationPolicy(
    (c) => {
      const cycles = c.therapy?.cycles;
      const months = monthsFromTime(c);
      if (cycles === undefined && months === undefined) return undefined;
      return (cycles !== undefined && cycles >= 4) || (months !== undefined && months >= 3);
    },
    'duration of induction and response not stated: assumed induction not yet complete',
    'duration of induction not stated: a stated response was taken as completed induction',
  ),
};
