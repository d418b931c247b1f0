// The case facts of decision-spec §2. Every fact is optional: absent means "unknown",
// which is never the same as "no" (an empty symptoms list means "no symptoms").
import { z } from 'zod';

/** Accept enum values case-insensitively and with spaces/underscores for hyphens, so that
 * "Untreated asymptomatic" or "EGFR" from a form or a script reaches the canonical value. */
function looseEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const lookup = new Map<string, T[number]>();
  for (const v of values) lookup.set(normaliseToken(v), v);
  return z.preprocess((input) => {
    if (typeof input !== 'string') return input;
    return lookup.get(normaliseToken(input)) ?? input;
  }, z.enum(values));
}

function normaliseToken(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

export const HISTOLOGIES = ['adenocarcinoma', 'squamous', 'large-cell', 'nsclc-nos', 'sclc', 'other'] as const;
export const M_CATEGORIES = ['M0', 'M1', 'M1a', 'M1b', 'M1c', 'M1c1', 'M1c2'] as const;
export const STAGE_GROUPS = ['I', 'II', 'III', 'IV', 'IVA', 'IVB'] as const;
export const DRIVERS = ['EGFR', 'ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2', 'KRAS', 'none'] as const;
export const EGFR_VARIANTS = ['ex19del', 'L858R', 'exon20ins', 'uncommon'] as const;
export const METASTASIS_SITES = [
  'bone',
  'liver',
  'adrenal',
  'brain',
  'contralateral-lung',
  'pleura',
  'distant-nodes',
  'other',
] as const;
export const BURDENS = ['oligo', 'poly'] as const;
export const SEROSAL_KINDS = ['pleural-effusion', 'pericardial-effusion', 'leptomeningeal'] as const;
export const BRAIN_STATUSES = ['none', 'treated-stable', 'untreated-asymptomatic', 'symptomatic'] as const;
export const THERAPY_STATUSES = ['naive', 'on-treatment', 'off-treatment'] as const;
export const REGIMENS = ['egfr-tki', 'other-tki', 'chemo', 'chemo-io', 'io'] as const;
export const RESPONSES = ['CR', 'PR', 'SD', 'PD'] as const;
export const PROGRESSION_PATTERNS = ['none', 'oligoprogression', 'polyprogression'] as const;
export const LOCATIONS = ['peripheral', 'central', 'ultracentral'] as const;
export const SYMPTOMS = [
  'hemoptysis',
  'airway-obstruction',
  'chest-pain',
  'svc-syndrome',
  'cough',
  'dyspnea',
] as const;
export const ILD_STATUSES = ['none', 'ild', 'ipf'] as const;
export const STAGING_STATUSES = ['done', 'not-done'] as const;
export const PRIMARY_SITES = ['lung', 'non-lung'] as const;

const tnmT = z
  .string()
  .trim()
  .regex(/^(T(X|0|is|1mi|1a|1b|1c|1|2a|2b|2|3|4))$/i, 'use a T category such as T1a, T2b, T3 or T4');
const tnmN = z
  .string()
  .trim()
  .regex(/^(N(X|0|1|2a|2b|2|3))$/i, 'use an N category such as N0, N1, N2, N2a, N2b or N3');

export const StageSchema = z
  .object({
    t: tnmT.optional(),
    n: tnmN.optional(),
    m: looseEnum(M_CATEGORIES).optional(),
    edition: z.union([z.literal(8), z.literal(9)]).optional(),
    /** Stage group when stated in words ("stage IVB", "metastatic" = IV). */
    group: looseEnum(STAGE_GROUPS).optional(),
  })
  .strict();

export const MetastasesSchema = z
  .object({
    count: z.number().int().min(0).max(1000).optional(),
    organs: z.number().int().min(0).max(20).optional(),
    sites: z.array(looseEnum(METASTASIS_SITES)).max(20).optional(),
    burden: looseEnum(BURDENS).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.count !== undefined && m.organs !== undefined && m.organs > m.count) {
      ctx.addIssue({
        code: 'custom',
        path: ['organs'],
        message: `organs (${m.organs}) cannot exceed the number of lesions (${m.count})`,
      });
    }
    if (m.count !== undefined && m.count > 0 && m.organs === 0) {
      ctx.addIssue({ code: 'custom', path: ['organs'], message: 'lesions need at least one organ' });
    }
  });

/** Serosal disease: a list of kinds; `true`/`false` are accepted for "present, kind not stated" / "none". */
export const SerosalSchema = z.preprocess(
  (input) => {
    if (input === false) return [];
    if (input === true) return ['unspecified'];
    if (typeof input === 'string') return [input];
    return input;
  },
  z.array(looseEnum([...SEROSAL_KINDS, 'unspecified'] as const)).max(4),
);

export const TherapySchema = z
  .object({
    status: looseEnum(THERAPY_STATUSES).optional(),
    regimen: looseEnum(REGIMENS).optional(),
    agent: z.string().trim().min(1).max(80).optional(),
    months: z.number().min(0).max(240).optional(),
    weeks: z.number().min(0).max(1000).optional(),
    cycles: z.number().int().min(0).max(100).optional(),
    response: looseEnum(RESPONSES).optional(),
  })
  .strict();

export const ProgressionSchema = z.preprocess(
  (input) => (typeof input === 'string' ? { pattern: input } : input),
  z
    .object({
      pattern: looseEnum(PROGRESSION_PATTERNS).optional(),
      primaryProgressing: z.boolean().optional(),
      sites: z.number().int().min(0).max(1000).optional(),
    })
    .strict(),
);

export const PrimarySchema = z
  .object({
    location: looseEnum(LOCATIONS).optional(),
    sizeCm: z.number().gt(0, 'size must be greater than 0 cm').max(30).optional(),
    endobronchial: z.boolean().optional(),
    lobe: looseEnum(['RUL', 'RML', 'RLL', 'LUL', 'LLL', 'lingula'] as const).optional(),
  })
  .strict();

export const LungSchema = z
  .object({
    ild: looseEnum(ILD_STATUSES).optional(),
    priorThoracicRt: z.boolean().optional(),
    poorFunction: z.boolean().optional(),
  })
  .strict();

export const StagingSchema = z
  .object({
    petCt: looseEnum(STAGING_STATUSES).optional(),
    brainMri: looseEnum(STAGING_STATUSES).optional(),
  })
  .strict();

/** A driver may also be given as `{ gene, variant }`; it is flattened to `driver` + `egfrVariant`. */
function flattenDriver(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const raw = input as Record<string, unknown>;
  const d = raw.driver;
  if (d && typeof d === 'object' && !Array.isArray(d)) {
    const { gene, variant, egfrVariant, ...rest } = d as Record<string, unknown>;
    if (Object.keys(rest).length === 0) {
      return { ...raw, driver: gene, egfrVariant: raw.egfrVariant ?? egfrVariant ?? variant };
    }
  }
  return input;
}

export const CaseSchema = z.preprocess(
  flattenDriver,
  z
    .object({
      primarySite: looseEnum(PRIMARY_SITES).optional(),
      histology: looseEnum(HISTOLOGIES).optional(),
      stage: StageSchema.optional(),
      driver: looseEnum(DRIVERS).optional(),
      egfrVariant: looseEnum(EGFR_VARIANTS).optional(),
      pdl1: z.number().min(0).max(100).optional(),
      metastases: MetastasesSchema.optional(),
      serosalDisease: SerosalSchema.optional(),
      brain: looseEnum(BRAIN_STATUSES).optional(),
      ecog: z.number().int().min(0).max(4).optional(),
      karnofsky: z
        .number()
        .int()
        .min(0)
        .max(100)
        .refine((k) => k % 10 === 0, 'Karnofsky is scored in steps of 10')
        .optional(),
      therapy: TherapySchema.optional(),
      progression: ProgressionSchema.optional(),
      primary: PrimarySchema.optional(),
      symptoms: z.array(looseEnum(SYMPTOMS)).max(12).optional(),
      lung: LungSchema.optional(),
      staging: StagingSchema.optional(),
      lifeExpectancyMonths: z.number().min(0).max(600).optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      if (c.egfrVariant !== undefined && c.driver !== undefined && c.driver !== 'EGFR') {
        ctx.addIssue({
          code: 'custom',
          path: ['egfrVariant'],
          message: `egfrVariant is only meaningful with driver EGFR (driver is ${c.driver})`,
        });
      }
    }),
);

export type Case = z.output<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
export type Histology = (typeof HISTOLOGIES)[number];
export type Driver = (typeof DRIVERS)[number];
export type MetastasisSite = (typeof METASTASIS_SITES)[number];
export type Symptom = (typeof SYMPTOMS)[number];
export type Regimen = (typeof REGIMENS)[number];
