// Assembles the knowledge base into one versioned ruleset and validates it at start-up: every citation id
// resolves to a reference with a PMID, DOI or URL, ids are unique, every item has a source, and SINDAS is
// never cited alone.
import { z } from 'zod';
import { CITATIONS } from './knowledge/citations.js';
import { DOSE_OPTIONS } from './knowledge/dose-options.js';
import { FLAGS } from './knowledge/flags.js';
import { RULES } from './knowledge/rules.js';
import { STATEMENTS } from './knowledge/statements.js';
import {
  CitationSchema,
  EVIDENCE_LEVELS,
  FLAG_CODES,
  SEVERITIES,
  TOPICS,
  VERDICTS,
} from './output-schema.js';

export const RULESET_VERSION = '2026.1.0';

const sources = z.array(z.string().min(1)).min(1, 'needs at least one citation');

const RulesetSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    citations: z.array(
      CitationSchema.refine((c) => c.pmid || c.doi || c.url, 'a citation needs a PMID, DOI or URL'),
    ),
    rules: z.array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        kind: z.enum(['derivation', 'verdict', 'modifier']),
        spec: z.string(),
        description: z.string().min(1),
        verdict: z.enum(VERDICTS).optional(),
        evidence: z.enum(EVIDENCE_LEVELS).nullable().optional(),
        citations: sources,
      }),
    ),
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
      }),
    ),
    doseOptions: z.array(
      z.object({
        id: z.string().min(1),
        schedule: z.string().min(1),
        totalGy: z.number().positive(),
        fractions: z.number().int().positive(),
        setting: z.string().min(1),
        citations: sources,
      }),
    ),
  })
  .superRefine((rs, ctx) => {
    const citationIds = new Set<string>();
    rs.citations.forEach((c, i) => {
      if (citationIds.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['citations', i, 'id'], message: `duplicate id ${c.id}` });
      citationIds.add(c.id);
    });
    const unique = (key: 'rules' | 'statements' | 'doseOptions') => {
      const seen = new Set<string>();
      rs[key].forEach((item, i) => {
        if (seen.has(item.id))
          ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id ${item.id}` });
        seen.add(item.id);
      });
    };
    unique('rules');
    unique('statements');
    unique('doseOptions');
    const flagKeys = new Set<string>();
    rs.flags.forEach((f, i) => {
      const key = `${f.code}:${f.variant}`;
      if (flagKeys.has(key))
        ctx.addIssue({ code: 'custom', path: ['flags', i], message: `duplicate flag ${key}` });
      flagKeys.add(key);
    });
    for (const code of FLAG_CODES) {
      if (!rs.flags.some((f) => f.code === code))
        ctx.addIssue({ code: 'custom', path: ['flags'], message: `flag code ${code} has no definition` });
    }
    const checkSources = (key: 'rules' | 'statements' | 'flags' | 'doseOptions') => {
      rs[key].forEach((item, i) => {
        for (const id of item.citations) {
          if (!citationIds.has(id))
            ctx.addIssue({
              code: 'custom',
              path: [key, i, 'citations'],
              message: `citation ${id} does not resolve`,
            });
        }
        if (item.citations.includes('sindas') && item.citations.length < 2)
          ctx.addIssue({
            code: 'custom',
            path: [key, i, 'citations'],
            message: 'SINDAS carries an expression of concern and is never cited alone',
          });
      });
    };
    checkSources('rules');
    checkSources('statements');
    checkSources('flags');
    checkSources('doseOptions');
  });

export type Ruleset = z.infer<typeof RulesetSchema>;

export type RulesetCheck = { ok: true; ruleset: Ruleset } | { ok: false; issues: string[] };

/** Validates a ruleset; used at start-up for the embedded one and by tests for broken ones. */
export function checkRuleset(candidate: unknown): RulesetCheck {
  const parsed = RulesetSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, ruleset: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}

/** Thrown once, at module load, if the embedded knowledge base is inconsistent: a build defect. */
export class RulesetError extends Error {
  readonly code = 'RULESET_INVALID';
  constructor(readonly issues: string[]) {
    super(`ruleset ${RULESET_VERSION} is invalid: ${issues.join('; ')}`);
    this.name = 'RulesetError';
  }
}

function loadEmbeddedRuleset(): Ruleset {
  const checked = checkRuleset({
    version: RULESET_VERSION,
    citations: CITATIONS,
    rules: RULES,
    statements: STATEMENTS,
    flags: FLAGS,
    doseOptions: DOSE_OPTIONS,
  });
  if (!checked.ok) throw new RulesetError(checked.issues);
  return checked.ruleset;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The engine's own copy. Not frozen: V8 reads and copies frozen objects on slow paths. Never exported
 * outside src/engine. */
export const KNOWLEDGE: Ruleset = loadEmbeddedRuleset();

/** The ruleset for everyone else (API, Slack, tests): a deep-frozen copy nobody can change at run time. */
export const RULESET: Ruleset = deepFreeze(structuredClone(KNOWLEDGE));
