// The case facts of decision-spec §2. Every fact is optional: absent means "unknown",
// which is never the same as "no" (an empty symptoms list means "no symptoms").
import { z } from 'zod';

const vocabulary = new Set<string>();

/** Every enum value a case can hold (histologies, sites, statuses…): a closed vocabulary, never user text. */
export const CASE_VOCABULARY: ReadonlySet<string> = vocabulary;

/** Accept enum values case-insensitively and with spaces/underscores for hyphens, so that
 * "Untreated asymptomatic" or "EGFR" from a form or a script reaches the canonical value. */
function looseEnum<const T extends readonly [string, ...string[]]>(values: T) {
  for (const v of values) vocabulary.add(v);
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

export const HISTOLOGIES = [
  'adenocarcinoma',
  'squamous',
  'large-cell',
  'nsclc-nos',
  'sclc',
  'other',
] as const;
export const M_CATEGORIES = ['M0', 'M1', 'M1a', 'M1b', 'M1c', 'M1c1', 'M1c2'] as const;
export const STAGE_GROUPS = ['I', 'II', 'III', 'IV', 'IVA', 'IVB'] as const;
export const DRIVERS = ['EGFR', 'ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2', 'KRAS', 'none'] as const;
/** The standard genes of a driver panel (decision-spec §2); `negativeFor` lists those reported negative. */
export const PANEL_GENES = ['EGFR', 'ALK', 'ROS1', 'BRAF', 'KRAS', 'MET', 'RET', 'NTRK', 'HER2'] as const;
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

function serosalShorthand(input: unknown): unknown {
  if (input === false) return [];
  if (input === true) return ['unspecified'];
  if (typeof input === 'string') return [input];
  return input;
}

function progressionShorthand(input: unknown): unknown {
  return typeof input === 'string' ? { pattern: input } : input;
}

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

type En = typeof looseEnum | typeof strictEnum;

function stageSchema(en: En) {
  const tnmT = z
    .string()
    .trim()
    .regex(/^(T(X|0|is|1mi|1a|1b|1c|1|2a|2b|2|3|4))$/i, 'use a T category such as T1a, T2b, T3 or T4');
  const tnmN = z
    .string()
    .trim()
    .regex(/^(N(X|0|1|2a|2b|2|3))$/i, 'use an N category such as N0, N1, N2, N2a, N2b or N3');
  return z
    .object({
      t: tnmT.optional(),
      n: tnmN.optional(),
      m: en(M_CATEGORIES).optional(),
      edition: z.union([z.literal(8), z.literal(9)]).optional(),
      /** Stage group when stated in words ("stage IVB", "metastatic" = IV). */
      group: en(STAGE_GROUPS).optional(),
    })
    .strict();
}

function metastasesSchema(en: En) {
  return z
    .object({
      count: z
        .number()
        .int('lesion count must be a whole number')
        .min(0, 'lesion count cannot be negative')
        .max(1000)
        .optional(),
      organs: z
        .number()
        .int('organ count must be a whole number')
        .min(0, 'organ count cannot be negative')
        .max(20, 'organ count must be 20 or fewer')
        .optional(),
      sites: z.array(en(METASTASIS_SITES)).max(20).optional(),
      burden: en(BURDENS).optional(),
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
}

/** Serosal disease: a list of kinds; `true`/`false` are accepted for "present, kind not stated" / "none". */
function serosalSchema(en: En, loose: boolean) {
  const list = z.array(en([...SEROSAL_KINDS, 'unspecified'] as const)).max(4);
  return loose ? z.preprocess(serosalShorthand, list) : list;
}

function therapySchema(en: En) {
  return z
    .object({
      status: en(THERAPY_STATUSES).optional(),
      regimen: en(REGIMENS).optional(),
      agent: z.string().trim().min(1).max(80).optional(),
      months: z.number().min(0).max(240).optional(),
      weeks: z.number().min(0).max(1000).optional(),
      cycles: z.number().int().min(0).max(100).optional(),
      response: en(RESPONSES).optional(),
    })
    .strict();
}

function progressionSchema(en: En, loose: boolean) {
  const object = z
    .object({
      pattern: en(PROGRESSION_PATTERNS).optional(),
      primaryProgressing: z.boolean().optional(),
      sites: z.number().int().min(0).max(1000).optional(),
    })
    .strict();
  return loose ? z.preprocess(progressionShorthand, object) : object;
}

function primarySchema(en: En) {
  return z
    .object({
      location: en(LOCATIONS).optional(),
      sizeCm: z
        .number()
        .gt(0, 'size must be greater than 0 cm')
        .max(30, 'size is in cm and must be 30 or less')
        .optional(),
      endobronchial: z.boolean().optional(),
      lobe: en(['RUL', 'RML', 'RLL', 'LUL', 'LLL', 'lingula'] as const).optional(),
    })
    .strict();
}

function lungSchema(en: En) {
  return z
    .object({
      ild: en(ILD_STATUSES).optional(),
      priorThoracicRt: z.boolean().optional(),
      poorFunction: z.boolean().optional(),
    })
    .strict();
}

function stagingSchema(en: En) {
  return z
    .object({
      petCt: en(STAGING_STATUSES).optional(),
      brainMri: en(STAGING_STATUSES).optional(),
    })
    .strict();
}

const ECOG_MESSAGE = 'ECOG must be a whole number from 0 to 4';
const KARNOFSKY_MESSAGE = 'Karnofsky must be 10, 20, … 100';
const PDL1_MESSAGE = 'PD-L1 TPS is a percentage from 0 to 100';

/** The scalar performance and prognosis facts. */
function scoreFields() {
  return {
    pdl1: z.number().min(0, PDL1_MESSAGE).max(100, PDL1_MESSAGE).optional(),
    ecog: z.number().int(ECOG_MESSAGE).min(0, ECOG_MESSAGE).max(4, ECOG_MESSAGE).optional(),
    karnofsky: z
      .number()
      .int(KARNOFSKY_MESSAGE)
      .min(10, KARNOFSKY_MESSAGE)
      .max(100, KARNOFSKY_MESSAGE)
      .refine((k) => k % 10 === 0, KARNOFSKY_MESSAGE)
      .optional(),
    lifeExpectancyMonths: z
      .number()
      .min(0, 'life expectancy cannot be negative')
      .max(600, 'life expectancy is in months (0–600)')
      .optional(),
  };
}

/** Facts that contradict each other within one case. */
function checkDriverFacts(
  c: { driver?: string; egfrVariant?: string; negativeFor?: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  if (c.egfrVariant !== undefined && c.driver !== undefined && c.driver !== 'EGFR') {
    ctx.addIssue({
      code: 'custom',
      path: ['egfrVariant'],
      message: `egfrVariant is only meaningful with driver EGFR (driver is ${c.driver})`,
    });
  }
  if (c.driver !== undefined && c.driver !== 'none' && c.negativeFor?.includes(c.driver)) {
    ctx.addIssue({
      code: 'custom',
      path: ['negativeFor'],
      message: `${c.driver} cannot be both the driver and reported negative`,
    });
  }
}

/** Builds the case schema. The loose variant accepts shorthands (case-insensitive enums, `progression: 'oligoprogression'`,
 * `serosalDisease: true`, `driver: { gene, variant }`); the canonical variant is the same contract without them and
 * is several times faster, so evaluate() tries it first. */
function buildCaseSchema(loose: boolean) {
  const en: En = loose ? looseEnum : strictEnum;
  const { pdl1, ecog, karnofsky, lifeExpectancyMonths } = scoreFields();
  const CaseObject = z
    .object({
      primarySite: en(PRIMARY_SITES).optional(),
      histology: en(HISTOLOGIES).optional(),
      stage: stageSchema(en).optional(),
      driver: en(DRIVERS).optional(),
      egfrVariant: en(EGFR_VARIANTS).optional(),
      negativeFor: z.array(en(PANEL_GENES)).max(9).optional(),
      pdl1,
      metastases: metastasesSchema(en).optional(),
      serosalDisease: serosalSchema(en, loose).optional(),
      brain: en(BRAIN_STATUSES).optional(),
      ecog,
      karnofsky,
      therapy: therapySchema(en).optional(),
      progression: progressionSchema(en, loose).optional(),
      primary: primarySchema(en).optional(),
      symptoms: z.array(en(SYMPTOMS)).max(12).optional(),
      lung: lungSchema(en).optional(),
      staging: stagingSchema(en).optional(),
      lifeExpectancyMonths,
    })
    .strict()
    .superRefine(checkDriverFacts);
  return loose ? z.preprocess(flattenDriver, CaseObject) : CaseObject;
}

function strictEnum<const T extends readonly [string, ...string[]]>(values: T) {
  for (const v of values) vocabulary.add(v);
  return z.enum(values);
}

export const CaseSchema = buildCaseSchema(true);
export const CanonicalCaseSchema = buildCaseSchema(false);

export type Case = z.output<typeof CaseSchema>;
/** Anything the forgiving schema accepts (shorthands included); validated facts have type `Case`. */
export type CaseInput = z.input<typeof CaseSchema>;
export type Histology = (typeof HISTOLOGIES)[number];
export type Driver = (typeof DRIVERS)[number];
export type MetastasisSite = (typeof METASTASIS_SITES)[number];
export type Symptom = (typeof SYMPTOMS)[number];
export type Regimen = (typeof REGIMENS)[number];
export type PanelGene = (typeof PANEL_GENES)[number];
