// evaluate(case, { now }) → the output contract of decision-spec §3. Pure and deterministic: the same
// input always gives the same output; an invalid case is returned as issues, never thrown.
import { CanonicalCaseSchema, type Case, CaseSchema } from './case-schema.js';
import type { CompiledFlag, CompiledKnowledge, CompiledSel } from './compiled.js';
import { type Decision, decide } from './decide.js';
import { criticalMissing, type Derived, derive, type MissingFact } from './derive.js';
import { type DoseSelection, type OfferedDose, selectDoseOptions } from './dose-selection.js';
import { FACT_INDEX, type FactValue, type FactVector, toVector } from './facts.js';
import { type FlagSelection, selectFlags } from './flags.js';
import type { DoseOptionDef as DoseOptionRow } from './knowledge/dose-options.js';
import type {
  CaseIssue,
  Citation,
  DoseOption,
  EvaluateResult,
  Flag,
  Output,
  Statement,
  TraceEntry,
  Verdict,
  WhatIf,
} from './output-schema.js';
import { markEngineOutput } from './provenance.js';
import { KNOWLEDGE } from './ruleset.js';
import { collectStatements } from './statement-selection.js';
import { summarise } from './summary.js';

export interface EvaluateOptions {
  /** The evaluation time, passed in so the engine never reads a clock. No 2026.2.0 rule depends on it. */
  now: Date;
}

export type Evaluate = (input: unknown, options: EvaluateOptions) => EvaluateResult;

/** An engine over compiled knowledge: the embedded ruleset, or a changed one in a test. */
export function createEvaluator(k: CompiledKnowledge): Evaluate {
  return (input) => {
    // Canonical input takes the fast schema; shorthands and errors go through the forgiving one.
    const fast = CanonicalCaseSchema.safeParse(input);
    if (fast.success) return { ok: true, output: markEngineOutput(evaluateCase(k, fast.data as Case)) };
    const parsed = CaseSchema.safeParse(input);
    if (!parsed.success) return { ok: false, issues: toIssues(parsed.error.issues) };
    return { ok: true, output: markEngineOutput(evaluateCase(k, parsed.data)) };
  };
}

export const evaluate: Evaluate = createEvaluator(KNOWLEDGE);

const DEFINITIVE = new Set<Verdict>(['recommended', 'consider']);
const SLOT = (name: string) => FACT_INDEX.get(name) as number;

function evaluateCase(k: CompiledKnowledge, c: Case): Output {
  const trace: TraceEntry[] = [];
  const d = derive(c, trace);
  // One vector per evaluation: decide reads it, the what-if branches copy it, then the decision facts are
  // written into it for the flags, dose options and statements.
  const v = toVector(d.facts);
  let decision = decide(k, c, d, trace, v);
  const branches = decision.missing.length > 0 ? whatIfBranches(k, c, d, v) : [];
  if (decision.verdict === 'insufficient-information') decision = resolveShared(decision, branches, trace);
  const whatIfs = whatIf(k, c, d, decision, branches, v);
  const palliative = d.facts.palliativeIndication === true;
  const inScope = setDecisionFacts(v, decision, palliative);

  const flagSel = selectFlags(k, v);
  const doseSel = selectDoseOptions(k, v);
  const flags = flagSel.flags.map(toFlag);
  const doseOptions = doseSel.offered.map(toDoseOption);
  const statements = selectStatements(k, decision, flagSel, doseSel, v);
  return {
    rulesetVersion: k.version,
    verdict: decision.verdict,
    decidedBy: [decision.rule, ...decision.applied],
    evidence: decision.evidence,
    timing: decision.timing,
    summary: summarise(k, decision, v, palliative),
    missing: [...decision.missing],
    assumptions: collectAssumptions(decision, inScope ? d.assumptions : NO_STRINGS, flagSel, doseSel),
    whatIf: whatIfs,
    flags,
    statements,
    doseOptions,
    citations: collectCitations(k, [statements, doseOptions, flags]),
    case: c as Record<string, unknown>,
    trace,
  };
}

const NO_STRINGS: readonly string[] = [];

const DECISION_SLOTS = {
  inScope: SLOT('inScope'),
  rule: SLOT('rule'),
  verdict: SLOT('verdict'),
  timing: SLOT('timing'),
  onTable: SLOT('onTable'),
  setting: SLOT('setting'),
};

/** Writes the decision facts (§5, §6 read them) into the vector; returns whether the case is in scope. */
function setDecisionFacts(v: FactValue[], decision: Decision, palliative: boolean): boolean {
  const definitive = DEFINITIVE.has(decision.verdict);
  const palliativeOnly = decision.verdict === 'not-recommended' && palliative;
  const inScope = decision.baseVerdict !== 'not-applicable';
  v[DECISION_SLOTS.inScope] = inScope;
  v[DECISION_SLOTS.rule] = decision.rule;
  v[DECISION_SLOTS.verdict] = decision.verdict;
  v[DECISION_SLOTS.timing] = decision.timing;
  v[DECISION_SLOTS.onTable] = definitive || palliativeOnly;
  v[DECISION_SLOTS.setting] = definitive
    ? decision.rule === 'oligoprogression'
      ? 'oligoprogression'
      : 'definitive'
    : palliativeOnly
      ? 'palliative'
      : undefined;
  return inScope;
}

function toFlag(flag: CompiledFlag): Flag {
  return flag.output;
}

function toDoseOption({ dose, assumes }: OfferedDose): DoseOption {
  return assumes.length > 0 ? { ...dose.output, assumes } : dose.output;
}

/** §6: the statements of the applied modifiers, the deciding rule, the raised flags and the offered options. */
function selectStatements(
  k: CompiledKnowledge,
  decision: Decision,
  flagSel: FlagSelection,
  doseSel: DoseSelection,
  v: FactVector,
): Statement[] {
  const groups: (readonly CompiledSel[])[] = [];
  for (const id of decision.applied) groups.push(k.ruleById.get(id)?.statements ?? []);
  groups.push(k.ruleById.get(decision.rule)?.statements ?? []);
  for (const flag of flagSel.flags) groups.push(flag.statements);
  for (const o of doseSel.offered) groups.push(o.dose.statements);
  const statements: Statement[] = collectStatements(groups, v).map((id) => k.statementOutputById.get(id)!);
  const onlyOne = onlyOptionStatement(k, doseSel, v[DECISION_SLOTS.setting]);
  if (onlyOne) statements.push(onlyOne);
  return statements;
}

/** The decision's, the derivations' (in scope only), the flags' and the options' assumptions, each once. */
function collectAssumptions(
  decision: Decision,
  derived: readonly string[],
  flagSel: FlagSelection,
  doseSel: DoseSelection,
): string[] {
  const out: string[] = [];
  const add = (a: string) => {
    if (!out.includes(a)) out.push(a);
  };
  for (const a of decision.assumptions) add(a);
  for (const a of derived) add(a);
  for (const a of flagSel.assumptions) add(a);
  for (const o of doseSel.offered) for (const a of o.assumes) add(`${o.dose.row.schedule}: ${a}`);
  return out;
}

/** Per compiled knowledge (a changed ruleset in a test must not see another's texts). */
const onlyOptionCaches = new WeakMap<CompiledKnowledge, Map<string, Statement>>();

/** §6: when only one option is eligible, say why the others are not (their own population words). */
function onlyOptionStatement(
  k: CompiledKnowledge,
  sel: DoseSelection,
  setting: unknown,
): Statement | undefined {
  if (setting === 'palliative' || sel.offered.length !== 1 || sel.ineligible.length === 0) return undefined;
  const only = sel.offered[0]!.dose.row;
  // Few combinations exist (one per offered option and set of ineligible rows): build each once, frozen.
  let cache = onlyOptionCaches.get(k);
  if (!cache) {
    cache = new Map();
    onlyOptionCaches.set(k, cache);
  }
  let key = only.id;
  for (const x of sel.ineligible) key += `|${x.row.id}`;
  let hit = cache.get(key);
  if (!hit) {
    const parts = onlyOptionParts(sel, only);
    hit = Object.freeze({
      topic: 'dose',
      text: parts.text,
      citations: Object.freeze(parts.citations) as string[],
    });
    if (cache.size < 1000) cache.set(key, hit);
  }
  return hit;
}

function onlyOptionParts(sel: DoseSelection, only: DoseOptionRow): { text: string; citations: string[] } {
  const why = [...new Set(sel.ineligible.map((x) => x.row.requires))];
  const citations = [...new Set([...only.citations, ...sel.ineligible.flatMap((x) => x.row.citations)])];
  return { text: `Only ${only.schedule} fits this case: ${why.join('; ')}.`, citations };
}

function collectCitations(k: CompiledKnowledge, groups: { citations: string[] }[][]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const group of groups) {
    for (const item of group) {
      for (const id of item.citations) {
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(k.citationById.get(id)!);
      }
    }
  }
  return out;
}

/** A plausible value of a missing fact, applied to the derived facts (the only thing the rules read). */
interface Patch {
  label: string;
  apply: (d: Derived) => Derived;
}

const OTHER_TARGETABLE = ['ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2'] as const;

/** A branch changes only derived fields; its fact vector is built once per branch (branchVector). */
function withFacts(d: Derived, patch: Partial<Derived>): Derived {
  // A copy, then stores to existing fields: `{ ...d, ...patch }` over patches of varying shape is much slower.
  const x = { ...d };
  return Object.assign(x, patch);
}

const BRANCH_SLOTS = {
  stage: SLOT('stage'),
  driverGroup: SLOT('driverGroup'),
  oligometastatic: SLOT('oligometastatic'),
  oligoOrgan: SLOT('oligoOrgan'),
  progression: SLOT('progression'),
  criticalMissing: SLOT('criticalMissing'),
};

function branchVector(base: FactVector, x: Derived): FactValue[] {
  const v = base.slice();
  v[BRANCH_SLOTS.stage] = x.stage === 'unknown' ? undefined : x.stage;
  v[BRANCH_SLOTS.driverGroup] = x.driverGroup;
  v[BRANCH_SLOTS.oligometastatic] = x.oligometastatic;
  v[BRANCH_SLOTS.oligoOrgan] = x.oligoOrgan;
  v[BRANCH_SLOTS.progression] = x.progression;
  v[BRANCH_SLOTS.criticalMissing] = x.missing.length > 0;
  return v;
}

/** §2, §4.2: the plausible values of a missing fact, never one the text ruled out. */
function patchesFor(fact: MissingFact, d: Derived): Patch[] {
  switch (fact) {
    case 'stage':
      return [{ label: 'stage IV (M1)', apply: (x) => withFacts(x, { stage: 'iv' }) }];
    case 'driver': {
      const out: Patch[] = [];
      if (!d.negativeFor.includes('EGFR'))
        out.push({
          label: 'driver = EGFR (ex19del/L858R)',
          apply: (x) => withFacts(x, { driverGroup: 'egfr-common' }),
        });
      const others = OTHER_TARGETABLE.filter((g) => !d.negativeFor.includes(g));
      if (others.length > 0)
        out.push({
          label: `driver = ${others[0]} or another targetable driver`,
          apply: (x) => withFacts(x, { driverGroup: 'other-targetable' }),
        });
      out.push({ label: 'driver = none', apply: (x) => withFacts(x, { driverGroup: 'no-targetable' }) });
      return out;
    }
    case 'metastases': {
      // Stated organs ≤3 rule out ">3 organs": the polymetastatic branch is then more than 5 lesions.
      const fewOrgans = d.organs !== undefined && d.organs <= 3 && !d.serosal;
      return [
        {
          label: 'oligometastatic (≤5 lesions in ≤3 organs)',
          apply: (x) => withFacts(x, { oligometastatic: true, oligoOrgan: true }),
        },
        {
          label: fewOrgans ? 'polymetastatic (>5 lesions)' : 'polymetastatic (>3 organs)',
          apply: (x) => withFacts(x, { oligometastatic: false, oligoOrgan: fewOrgans }),
        },
      ];
    }
    case 'progression':
      return [
        {
          label: 'oligoprogression (≤5 progressing sites)',
          apply: (x) => withFacts(x, { progression: 'oligoprogression', progressing: true }),
        },
        {
          label: 'polyprogression',
          apply: (x) => withFacts(x, { progression: 'polyprogression', progressing: true }),
        },
      ];
  }
}

interface Branch {
  label: string;
  decision: Decision;
}

/** The decision each plausible value of the missing facts would give (cross product, at most 24). */
function whatIfBranches(k: CompiledKnowledge, c: Case, d: Derived, base: FactVector): Branch[] {
  let variants: { labels: string[]; d: Derived }[] = [{ labels: [], d }];
  for (const fact of d.missing) {
    const patches = patchesFor(fact, d);
    variants = variants.flatMap((v) =>
      patches.map((p) => ({ labels: [...v.labels, p.label], d: p.apply(v.d) })),
    );
  }
  return variants.map((v) => {
    const x = v.d;
    x.missing = criticalMissing(
      x.stage,
      x.driverGroup,
      x.oligometastatic,
      x.oligoOrgan,
      x.progression,
      c.therapy?.response,
    );

    return { label: v.labels.join(' and '), decision: decide(k, c, x, null, branchVector(base, x)) };
  });
}

/** §2: when every remaining branch of the missing facts gives one verdict, that verdict is the answer (the
 * facts stay listed in `missing`). Stage I–III is always a branch of a missing stage, so that never resolves. */
function resolveShared(decision: Decision, branches: Branch[], trace: TraceEntry[]): Decision {
  if (branches.length === 0 || decision.missing.includes('stage')) return decision;
  const first = branches[0]!.decision;
  if (first.verdict === 'insufficient-information') return decision;
  if (!branches.every((b) => b.decision.verdict === first.verdict)) return decision;
  const same = branches.every(
    (b) =>
      b.decision.rule === first.rule &&
      b.decision.evidence === first.evidence &&
      b.decision.timing === first.timing &&
      b.decision.applied.join() === first.applied.join(),
  );
  trace.push({
    rule: 'critical-facts',
    result: true,
    facts: { resolved: first.verdict, branches: branches.length, sameRule: same },
  });
  const assumptions = [
    ...new Set([...decision.assumptions, ...branches.flatMap((b) => b.decision.assumptions)]),
  ];
  if (same) return { ...first, missing: decision.missing, assumptions };
  return {
    ...decision,
    verdict: first.verdict,
    evidence: weakestEvidence(branches.map((b) => b.decision.evidence)),
    // Timings that differ between branches: the later, more conservative start (after induction).
    timing: branches.every((b) => b.decision.timing === first.timing) ? first.timing : 'after-induction',
    assumptions,
  };
}

const EVIDENCE_ORDER = ['consensus', 'extrapolation', 'retrospective', 'phase-2-rct', 'phase-3-rct'] as const;

/** Branches that agree on the verdict but not on its basis are answered with the weakest evidence among them. */
function weakestEvidence(levels: Decision['evidence'][]): Decision['evidence'] {
  let weakest: Decision['evidence'] = null;
  for (const e of levels) {
    if (e === null) continue;
    if (weakest === null || EVIDENCE_ORDER.indexOf(e) < EVIDENCE_ORDER.indexOf(weakest)) weakest = e;
  }
  return weakest;
}

function whatIf(
  k: CompiledKnowledge,
  c: Case,
  d: Derived,
  decision: Decision,
  branches: Branch[],
  base: FactVector,
): WhatIf[] {
  if (decision.missing.length > 0) {
    const out: WhatIf[] = branches.map((b) => ({ if: b.label, verdict: b.decision.verdict }));
    if (decision.missing.includes('stage')) out.push({ if: 'stage I–III', verdict: 'not-applicable' });
    return out;
  }
  if (decision.rule === 'egfr-beyond-oligo-organ' && d.oligoOrgan === undefined) {
    const x = withFacts(d, { oligoOrgan: true });
    const v = branchVector(base, x);
    return [{ if: 'metastatic organs ≤ 3 (oligo-organ)', verdict: decide(k, c, x, null, v).verdict }];
  }
  return [];
}

interface RawIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
}

function toIssues(issues: readonly RawIssue[]): CaseIssue[] {
  return issues.flatMap((i) => {
    const path = (extra: string[] = []) => [...i.path.map(String), ...extra].join('.') || '(case)';
    if (i.code === 'unrecognized_keys' && i.keys)
      return i.keys.map((k) => ({
        path: path([k]),
        message: `unknown fact "${k}"; check the spelling of the field name`,
      }));
    return [{ path: path(), message: i.message }];
  });
}
