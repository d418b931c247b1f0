// Assembles the knowledge base into one versioned ruleset, validates it at start-up and compiles it for the
// engine. The loader rejects: a condition naming a fact not in the fact catalogue, a statement, flag or
// citation id that does not resolve, a citation without PMID/DOI/URL, SINDAS cited alone, a statement resting
// on the (unread) IASLC 2026 paper that does not say so in its text, and a verdict-rule list whose last row is
// not unconditional. GET /api/v1/ruleset publishes exactly the rows the engine runs.
import { z } from 'zod';
import { type CompiledKnowledge, compileKnowledge } from './compiled.js';
import { FACT_NAMES } from './facts.js';
import { CITATIONS } from './knowledge/citations.js';
import { type Cond, factsOf } from './knowledge/conditions.js';
import { DOSE_OPTIONS, DOSE_SETTINGS, type DoseOptionDef } from './knowledge/dose-options.js';
import { FLAGS, type FlagDef } from './knowledge/flags.js';
import {
  DERIVATIONS,
  type DerivationRow,
  MODIFIERS,
  type ModifierRow,
  type RuleRow,
  type StatementSel,
  TIMING_POLICIES,
  VERDICT_RULES,
  type VerdictRow,
} from './knowledge/rules.js';
import { STATEMENTS, type StatementDef } from './knowledge/statements.js';
import {
  type Citation,
  CitationSchema,
  EVIDENCE_LEVELS,
  FLAG_CODES,
  SEVERITIES,
  TIMINGS,
  TOPICS,
  VERDICTS,
} from './output-schema.js';

export const RULESET_VERSION = '2026.2.0';

/** The text a statement citing the unread IASLC paper must carry (decision-spec §6). */
export const IASLC_WORDING = 'as the consensus is described in the commentary';

export interface Ruleset {
  version: string;
  citations: Citation[];
  rules: RuleRow[];
  statements: StatementDef[];
  flags: FlagDef[];
  doseOptions: DoseOptionDef[];
}

const sources = z.array(z.string().min(1)).min(1, 'needs at least one citation');
const id = z.string().regex(/^[a-z0-9-]+$/);
const cond = z.custom<Cond>((v) => typeof v === 'object' && v !== null, 'a condition object');
const sel = z.object({ when: cond.optional(), ids: z.array(z.string().min(1)).min(1) });
const wording = z.object({ when: cond.optional(), text: z.string().min(1) });

const RuleSchema = z.discriminatedUnion('kind', [
  z.object({
    id,
    kind: z.literal('derivation'),
    spec: z.string(),
    description: z.string().min(1),
    citations: sources,
  }),
  z.object({
    id,
    kind: z.literal('verdict'),
    spec: z.string(),
    description: z.string().min(1),
    when: cond,
    outcome: z.object({
      verdict: z.enum(VERDICTS),
      evidence: z.enum(EVIDENCE_LEVELS).nullable(),
      timing: z.enum(TIMING_POLICIES),
    }),
    words: z.array(wording),
    statements: z.array(sel),
    citations: sources,
  }),
  z.object({
    id,
    kind: z.literal('modifier'),
    spec: z.string(),
    description: z.string().min(1),
    when: cond,
    outcome: z.union([
      z.object({ stop: z.enum(VERDICTS), evidence: z.enum(EVIDENCE_LEVELS), timing: z.enum(TIMINGS) }),
      z.object({ cap: z.enum(VERDICTS) }),
      z.object({ downgrade: z.literal(1) }),
    ]),
    reason: z.string().min(1),
    statements: z.array(sel),
    citations: sources,
  }),
]);

const RulesetSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  citations: z.array(
    CitationSchema.refine((c) => c.pmid || c.doi || c.url, 'a citation needs a PMID, DOI or URL'),
  ),
  rules: z.array(RuleSchema),
  statements: z.array(
    z.object({ id: z.string().min(1), topic: z.enum(TOPICS), text: z.string().min(1), citations: sources }),
  ),
  flags: z.array(
    z.object({
      code: z.enum(FLAG_CODES),
      variant: z.string().min(1),
      severity: z.enum(SEVERITIES),
      text: z.string().min(1).max(300),
      citations: sources,
      when: cond,
      assumption: z.string().min(1).optional(),
      statements: z.array(sel).optional(),
    }),
  ),
  doseOptions: z.array(
    z.object({
      id: z.string().min(1),
      schedule: z.string().min(1),
      totalGy: z.number().positive(),
      fractions: z.number().int().positive(),
      setting: z.string().min(1),
      settings: z.array(z.enum(DOSE_SETTINGS)).min(1),
      target: z.enum(['primary', 'all-sites', 'progressing-sites', 'thorax']),
      when: cond,
      prefer: cond.optional(),
      assumes: z.record(z.string(), z.string().optional()),
      requires: z.string().min(1),
      statements: z.array(sel),
      citations: sources,
    }),
  ),
});

type Issue = (path: (string | number)[], message: string) => void;

/** A condition's shape and the facts it names (the language of knowledge/conditions.ts). */
function checkCond(c: unknown, path: (string | number)[], issue: Issue): void {
  if (typeof c !== 'object' || c === null) {
    issue(path, 'a condition must be an object');
    return;
  }
  const keys = Object.keys(c);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) {
    issue(path, 'a condition has exactly one operator');
    return;
  }
  const arg = (c as Record<string, unknown>)[op];
  const fact = (name: unknown) => {
    if (typeof name !== 'string' || !FACT_NAMES.has(name))
      issue([...path, op], `condition names unknown fact "${String(name)}"`);
  };
  if (['eq', 'in', 'lt', 'lte', 'gt', 'gte'].includes(op)) {
    if (Array.isArray(arg) && arg.length === 2) fact(arg[0]);
    else issue([...path, op], 'expects [fact, value]');
  } else if (op === 'known') {
    fact(arg);
  } else if (op === 'all' || op === 'any') {
    if (Array.isArray(arg)) for (const [i, p] of arg.entries()) checkCond(p, [...path, op, i], issue);
    else issue([...path, op], 'expects a list of conditions');
  } else if (op === 'not') {
    checkCond(arg, [...path, op], issue);
  } else if (op !== 'always') {
    issue([...path, op], `unknown operator "${op}"`);
  }
}

/** A condition on the deciding rule (`rule`) must name verdict rules that exist. */
function checkRuleValues(
  c: Cond,
  verdictIds: ReadonlySet<string>,
  path: (string | number)[],
  issue: Issue,
): void {
  const named: unknown[] = [];
  if ('eq' in c && c.eq[0] === 'rule') named.push(c.eq[1]);
  if ('in' in c && c.in[0] === 'rule') named.push(...c.in[1]);
  for (const v of named)
    if (!verdictIds.has(String(v))) issue(path, `condition names unknown verdict rule "${String(v)}"`);
  const parts: readonly Cond[] = 'all' in c ? c.all : 'any' in c ? c.any : 'not' in c ? [c.not] : [];
  for (const p of parts) checkRuleValues(p, verdictIds, path, issue);
}

function checkUniqueIds(rs: Ruleset, issue: Issue): void {
  const unique = (ids: string[], path: string) => {
    const seen = new Set<string>();
    ids.forEach((x, i) => {
      if (seen.has(x)) issue([path, i], `duplicate id ${x}`);
      seen.add(x);
    });
  };
  unique(
    rs.citations.map((c) => c.id),
    'citations',
  );
  unique(
    rs.rules.map((r) => r.id),
    'rules',
  );
  unique(
    rs.statements.map((s) => s.id),
    'statements',
  );
  unique(
    rs.doseOptions.map((d) => d.id),
    'doseOptions',
  );
  unique(
    rs.flags.map((f) => `${f.code}:${f.variant}`),
    'flags',
  );
  for (const code of FLAG_CODES)
    if (!rs.flags.some((f) => f.code === code)) issue(['flags'], `flag code ${code} has no definition`);
}

interface RefCheckers {
  cites: (ids: readonly string[], path: (string | number)[]) => void;
  selects: (xs: readonly StatementSel[] | undefined, path: (string | number)[]) => void;
}

function refCheckers(rs: Ruleset, issue: Issue): RefCheckers {
  const citationIds = new Set(rs.citations.map((c) => c.id));
  const statementIds = new Set(rs.statements.map((s) => s.id));
  return {
    cites: (ids, path) => {
      for (const x of ids)
        if (!citationIds.has(x)) issue([...path, 'citations'], `citation ${x} does not resolve`);
      if (ids.includes('sindas') && ids.length < 2)
        issue([...path, 'citations'], 'SINDAS carries an expression of concern and is never cited alone');
    },
    selects: (xs, path) => {
      (xs ?? []).forEach((s, i) => {
        if (s.when) checkCond(s.when, [...path, 'statements', i, 'when'], issue);
        for (const x of s.ids)
          if (!statementIds.has(x)) issue([...path, 'statements', i], `statement ${x} does not resolve`);
      });
    },
  };
}

function checkRuleRows(rs: Ruleset, ref: RefCheckers, issue: Issue): void {
  rs.rules.forEach((r, i) => {
    ref.cites(r.citations, ['rules', i]);
    if (r.kind === 'derivation') return;
    checkCond(r.when, ['rules', i, 'when'], issue);
    ref.selects(r.statements, ['rules', i]);
    if (r.kind === 'verdict')
      for (const w of r.words) if (w.when) checkCond(w.when, ['rules', i, 'words'], issue);
  });
  const last = rs.rules.filter((r): r is VerdictRow => r.kind === 'verdict').at(-1);
  if (!last || !('always' in last.when))
    issue(['rules'], 'the last verdict rule must have the condition { always: true }');
  rs.statements.forEach((s, i) => {
    ref.cites(s.citations, ['statements', i]);
    if (s.citations.includes('iaslc-2026') && !s.text.includes(IASLC_WORDING))
      issue(['statements', i, 'text'], `cites IASLC 2026 but does not say "${IASLC_WORDING}"`);
  });
}

function checkFlagAndDoseRows(rs: Ruleset, ref: RefCheckers, issue: Issue): void {
  const verdictIds = new Set(rs.rules.filter((r) => r.kind === 'verdict').map((r) => r.id));
  rs.flags.forEach((f, i) => {
    ref.cites(f.citations, ['flags', i]);
    checkCond(f.when, ['flags', i, 'when'], issue);
    checkRuleValues(f.when, verdictIds, ['flags', i, 'when'], issue);
    ref.selects(f.statements, ['flags', i]);
  });
  rs.doseOptions.forEach((d, i) => {
    ref.cites(d.citations, ['doseOptions', i]);
    checkCond(d.when, ['doseOptions', i, 'when'], issue);
    if (d.prefer) checkCond(d.prefer, ['doseOptions', i, 'prefer'], issue);
    ref.selects(d.statements, ['doseOptions', i]);
    const named = factsOf(d.when);
    for (const fact of Object.keys(d.assumes))
      if (!named.has(fact as never))
        issue(['doseOptions', i, 'assumes'], `assumes ${fact}, which its condition does not name`);
  });
}

function checkRefs(rs: Ruleset, issue: Issue): void {
  checkUniqueIds(rs, issue);
  const ref = refCheckers(rs, issue);
  checkRuleRows(rs, ref, issue);
  checkFlagAndDoseRows(rs, ref, issue);
}

export type RulesetCheck = { ok: true; ruleset: Ruleset } | { ok: false; issues: string[] };

/** Validates a ruleset; used at start-up for the embedded one and by tests for broken ones. */
export function checkRuleset(candidate: unknown): RulesetCheck {
  const parsed = RulesetSchema.safeParse(candidate);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  const issues: string[] = [];
  const rs = candidate as Ruleset;
  checkRefs(rs, (path, message) => {
    issues.push(`${path.join('.') || '(root)'}: ${message}`);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, ruleset: rs };
}

/** Thrown once, at module load, if the embedded knowledge base is inconsistent: a build defect. */
export class RulesetError extends Error {
  readonly code = 'RULESET_INVALID';
  constructor(readonly issues: string[]) {
    super(`ruleset is invalid: ${issues.join('; ')}`);
    this.name = 'RulesetError';
  }
}

/** The rows as one ruleset object (a fresh copy each call, so a test may change it). */
export function embeddedRuleset(): Ruleset {
  return structuredClone({
    version: RULESET_VERSION,
    citations: [...CITATIONS],
    rules: [...DERIVATIONS, ...VERDICT_RULES, ...MODIFIERS] as RuleRow[],
    statements: [...STATEMENTS],
    flags: [...FLAGS],
    doseOptions: [...DOSE_OPTIONS],
  });
}

/** Validates and compiles a ruleset for the engine; throws RulesetError when it is invalid. */
export function loadRuleset(rs: Ruleset): CompiledKnowledge {
  const checked = checkRuleset(rs);
  if (!checked.ok) throw new RulesetError(checked.issues);
  const r = checked.ruleset;
  return compileKnowledge({
    version: r.version,
    verdictRules: r.rules.filter((x): x is VerdictRow => x.kind === 'verdict'),
    modifiers: r.rules.filter((x): x is ModifierRow => x.kind === 'modifier'),
    flags: r.flags,
    doseOptions: r.doseOptions,
    statements: r.statements,
    citations: r.citations,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const EMBEDDED = embeddedRuleset();

/** The engine's compiled copy of the embedded rows. */
export const KNOWLEDGE: CompiledKnowledge = loadRuleset(EMBEDDED);

/** The ruleset for everyone else (API, Slack, tests): the rows the engine runs, deep-frozen. */
export const RULESET: Ruleset = deepFreeze(structuredClone(EMBEDDED));

export type { DerivationRow };
