// The output contract of decision-spec §3, as a zod schema so that every surface (CLI, HTTP, Slack,
// tests) can check an answer against the same definition.
import { z } from 'zod';

export const VERDICTS = [
  'recommended',
  'consider',
  'not-recommended',
  'insufficient-information',
  'not-applicable',
] as const;
export const EVIDENCE_LEVELS = [
  'phase-3-rct',
  'phase-2-rct',
  'retrospective',
  'extrapolation',
  'consensus',
] as const;
export const TIMINGS = [
  'upfront',
  'after-induction',
  'now-as-consolidation',
  'at-oligoprogression',
  'none',
] as const;
export const TOPICS = ['candidacy', 'timing', 'dose', 'target-volume', 'safety', 'selection'] as const;
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export const FLAG_CODES = [
  'ps-poor',
  'limited-life-expectancy',
  'ps-borderline',
  'ild',
  'prior-thoracic-rt',
  'serosal-disease',
  'brain-mets-untreated',
  'staging-incomplete',
  'panel-incomplete',
  'ps-conflict',
  'tki-pneumonitis',
  'immunotherapy-pneumonitis',
  'central',
  'ultracentral',
  'palliative-indication',
  'uncommon-egfr',
  'trial-preferred',
  'ps-unknown',
  'ps-converted',
] as const;

export type Verdict = (typeof VERDICTS)[number];
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];
export type Timing = (typeof TIMINGS)[number];
export type Topic = (typeof TOPICS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type FlagCode = (typeof FLAG_CODES)[number];

const citationIds = z.array(z.string().min(1)).min(1);

export const FlagSchema = z.object({
  code: z.enum(FLAG_CODES),
  severity: z.enum(SEVERITIES),
  text: z.string().min(1),
  citations: citationIds,
});

export const StatementSchema = z.object({
  topic: z.enum(TOPICS),
  text: z.string().min(1),
  citations: citationIds,
});

export const DoseOptionSchema = z.object({
  id: z.string().min(1),
  schedule: z.string().min(1),
  totalGy: z.number().positive(),
  fractions: z.number().int().positive(),
  setting: z.string().min(1),
  /** What the option assumes about facts not stated ("assumes node-negative"); absent when nothing. */
  assumes: z.array(z.string().min(1)).optional(),
  citations: citationIds,
});

export const CitationSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  title: z.string().optional(),
  pmid: z
    .string()
    .regex(/^\d{6,9}$/)
    .optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/)
    .optional(),
  url: z.url().optional(),
  note: z.string().optional(),
});

export const TraceEntrySchema = z.object({
  rule: z.string().min(1),
  result: z.boolean(),
  facts: z.record(z.string(), z.unknown()),
});

export const WhatIfSchema = z.object({ if: z.string().min(1), verdict: z.enum(VERDICTS) });

export const OutputSchema = z
  .object({
    rulesetVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    verdict: z.enum(VERDICTS),
    /** The verdict rule that decided the base verdict, then every modifier that changed it, in order. */
    decidedBy: z.array(z.string().min(1)).min(1),
    evidence: z.enum(EVIDENCE_LEVELS).nullable(),
    timing: z.enum(TIMINGS),
    summary: z.string().min(1).max(140),
    missing: z.array(z.string()),
    assumptions: z.array(z.string()),
    whatIf: z.array(WhatIfSchema),
    flags: z.array(FlagSchema),
    statements: z.array(StatementSchema),
    doseOptions: z.array(DoseOptionSchema),
    citations: z.array(CitationSchema),
    case: z.record(z.string(), z.unknown()),
    trace: z.array(TraceEntrySchema),
  })
  .strict()
  .superRefine((out, ctx) => {
    const known = new Set(out.citations.map((c) => c.id));
    const check = (ids: string[], path: (string | number)[]) => {
      for (const id of ids) {
        if (!known.has(id))
          ctx.addIssue({ code: 'custom', path, message: `citation ${id} does not resolve` });
      }
    };
    out.flags.forEach((f, i) => {
      check(f.citations, ['flags', i, 'citations']);
    });
    out.statements.forEach((s, i) => {
      check(s.citations, ['statements', i, 'citations']);
    });
    out.doseOptions.forEach((d, i) => {
      check(d.citations, ['doseOptions', i, 'citations']);
    });
  });

export type Flag = z.infer<typeof FlagSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type DoseOption = z.infer<typeof DoseOptionSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type TraceEntry = z.infer<typeof TraceEntrySchema>;
export type WhatIf = z.infer<typeof WhatIfSchema>;
export type Output = z.infer<typeof OutputSchema>;

/** A validation problem in a case, with the dotted path of the field and what is allowed. */
export interface CaseIssue {
  path: string;
  message: string;
}

export type EvaluateResult = { ok: true; output: Output } | { ok: false; issues: CaseIssue[] };
