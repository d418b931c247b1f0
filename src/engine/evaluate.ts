// evaluate(case, { now }) → the output contract of decision-spec §3. Pure and deterministic: the same
// input always gives the same output; an invalid case is returned as issues, never thrown.
import { CanonicalCaseSchema, type Case, CaseSchema } from './case-schema.js';
import { type Decision, decide, type MissingFact } from './decide.js';
import { type Derived, derive } from './derive.js';
import { selectDoseOptions } from './dose-selection.js';
import { selectFlags } from './flags.js';
import type {
  CaseIssue,
  Citation,
  DoseOption,
  EvaluateResult,
  Flag,
  Output,
  Statement,
  TraceEntry,
  WhatIf,
} from './output-schema.js';
import { KNOWLEDGE } from './ruleset.js';
import { selectStatements } from './statement-selection.js';
import { summarise } from './summary.js';

export interface EvaluateOptions {
  /** The evaluation time, passed in so the engine never reads a clock. No 2026.1.0 rule depends on it. */
  now: Date;
}

const statementById = new Map(KNOWLEDGE.statements.map((s) => [s.id, s]));
const flagByKey = new Map(KNOWLEDGE.flags.map((f) => [`${f.code}:${f.variant}`, f]));
const doseById = new Map(KNOWLEDGE.doseOptions.map((d) => [d.id, d]));
const citationById = new Map(KNOWLEDGE.citations.map((c) => [c.id, c]));

export function evaluate(input: unknown, _options: EvaluateOptions): EvaluateResult {
  // Canonical input takes the fast schema; shorthands and errors go through the forgiving one.
  const fast = CanonicalCaseSchema.safeParse(input);
  if (fast.success) return { ok: true, output: evaluateCase(fast.data as Case) };
  const parsed = CaseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error.issues) };
  return { ok: true, output: evaluateCase(parsed.data) };
}

function evaluateCase(c: Case): Output {
  const trace: TraceEntry[] = [];
  const derived = derive(c, trace);
  const decision = decide(c, derived, trace);
  const flagSel = selectFlags(c, derived, decision);
  const doseSel = selectDoseOptions(c, derived, decision);

  const flags: Flag[] = flagSel.keys.map((key) => {
    const f = flagByKey.get(key)!;
    return { code: f.code, severity: f.severity, text: f.text, citations: [...f.citations] };
  });
  const statements: Statement[] = selectStatements(c, decision, flagSel.keys).map((id) => {
    const s = statementById.get(id)!;
    return { topic: s.topic, text: s.text, citations: [...s.citations] };
  });
  const doseOptions: DoseOption[] = doseSel.ids.map((id) => {
    const d = doseById.get(id)!;
    return {
      id: d.id,
      schedule: d.schedule,
      totalGy: d.totalGy,
      fractions: d.fractions,
      setting: d.setting,
      citations: [...d.citations],
    };
  });

  const palliative = flagSel.keys.includes('palliative-indication:default');
  return {
    rulesetVersion: KNOWLEDGE.version,
    verdict: decision.verdict,
    evidence: decision.evidence,
    timing: decision.timing,
    summary: summarise(decision, palliative),
    missing: [...decision.missing],
    assumptions: [...new Set([...decision.assumptions, ...flagSel.assumptions, ...doseSel.assumptions])],
    whatIf: whatIf(c, derived, decision),
    flags,
    statements,
    doseOptions,
    citations: collectCitations([statements, doseOptions, flags]),
    case: c as Record<string, unknown>,
    trace,
  };
}

function collectCitations(groups: { citations: string[] }[][]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const group of groups) {
    for (const item of group) {
      for (const id of item.citations) {
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(copyCitation(citationById.get(id)!));
      }
    }
  }
  return out;
}

function copyCitation(c: Citation): Citation {
  const out: Citation = { id: c.id, label: c.label };
  if (c.title !== undefined) out.title = c.title;
  if (c.pmid !== undefined) out.pmid = c.pmid;
  if (c.doi !== undefined) out.doi = c.doi;
  if (c.url !== undefined) out.url = c.url;
  if (c.note !== undefined) out.note = c.note;
  return out;
}

/** A plausible value of a missing fact, applied to the derived facts (the only thing the rules read for it). */
type Patch = { label: string; apply: (d: Derived) => Derived };

const PATCHES: Record<MissingFact, Patch[]> = {
  // Stage I–III is not crossed with the other facts: it is out of scope whatever they are (one entry, below).
  stage: [{ label: 'stage IV (M1)', apply: (d) => ({ ...d, stage: 'iv' }) }],
  driver: [
    { label: 'driver = EGFR (ex19del/L858R)', apply: (d) => ({ ...d, driverGroup: 'egfr-common' }) },
    {
      label: 'driver = ALK or another targetable driver',
      apply: (d) => ({ ...d, driverGroup: 'other-targetable' }),
    },
    { label: 'driver = none', apply: (d) => ({ ...d, driverGroup: 'no-targetable' }) },
  ],
  metastases: [
    {
      label: 'oligometastatic (≤5 lesions in ≤3 organs)',
      apply: (d) => ({ ...d, oligometastatic: true, oligoOrgan: true }),
    },
    {
      label: 'polymetastatic (>3 organs)',
      apply: (d) => ({ ...d, oligometastatic: false, oligoOrgan: false }),
    },
  ],
  progression: [
    {
      label: 'oligoprogression (≤5 progressing sites)',
      apply: (d) => ({ ...d, progression: 'oligoprogression', progressing: true }),
    },
    { label: 'polyprogression', apply: (d) => ({ ...d, progression: 'polyprogression', progressing: true }) },
  ],
};

/** The verdict each plausible value of the missing facts would give (cross product, at most 24). */
function whatIf(c: Case, d: Derived, decision: Decision): WhatIf[] {
  if (decision.missing.length > 0) {
    let variants: { labels: string[]; d: Derived }[] = [{ labels: [], d }];
    for (const fact of decision.missing) {
      variants = variants.flatMap((v) =>
        PATCHES[fact].map((p) => ({ labels: [...v.labels, p.label], d: p.apply(v.d) })),
      );
    }
    const out = variants.map((v) => ({ if: v.labels.join(' and '), verdict: verdictOf(c, v.d) }));
    if (decision.missing.includes('stage')) out.push({ if: 'stage I–III', verdict: 'not-applicable' });
    return out;
  }
  if (decision.rule === 'egfr-beyond-oligo-organ' && d.oligoOrgan === undefined) {
    return [{ if: 'metastatic organs ≤ 3 (oligo-organ)', verdict: verdictOf(c, { ...d, oligoOrgan: true }) }];
  }
  return [];
}

function verdictOf(c: Case, d: Derived): Output['verdict'] {
  return decide(c, d, []).verdict;
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
