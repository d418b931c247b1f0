// Shared helpers for the engine tests. The case vocabulary below is transcribed from
// decision-spec §2 (not imported from the implementation), so that the tests state the contract
// independently of the code under test.
import { evaluate, type Output } from '../../src/engine/index.js';

/** A fixed clock: the engine is pure, `now` only feeds date-dependent facts. */
export const NOW = new Date('2026-03-02T09:00:00.000Z');

export const HISTOLOGY_VALUES = [
  'adenocarcinoma',
  'squamous',
  'large-cell',
  'nsclc-nos',
  'sclc',
  'other',
] as const;
export const M1_VALUES = ['M1', 'M1a', 'M1b', 'M1c', 'M1c1', 'M1c2'] as const;
export const M_VALUES = ['M0', ...M1_VALUES] as const;
export const STAGE_GROUP_VALUES = ['I', 'II', 'III', 'IV', 'IVA', 'IVB'] as const;
export const TARGETABLE_DRIVERS = ['EGFR', 'ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2'] as const;
export const OTHER_TARGETABLE_DRIVERS = ['ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2'] as const;
export const DRIVER_VALUES = [...TARGETABLE_DRIVERS, 'KRAS', 'none'] as const;
export const EGFR_VARIANT_VALUES = ['ex19del', 'L858R', 'exon20ins', 'uncommon'] as const;
export const SITE_VALUES = [
  'bone',
  'liver',
  'adrenal',
  'brain',
  'contralateral-lung',
  'pleura',
  'distant-nodes',
  'other',
] as const;
export const SEROSAL_VALUES = ['pleural-effusion', 'pericardial-effusion', 'leptomeningeal'] as const;
export const BRAIN_VALUES = ['none', 'treated-stable', 'untreated-asymptomatic', 'symptomatic'] as const;
export const THERAPY_STATUS_VALUES = ['naive', 'on-treatment', 'off-treatment'] as const;
export const REGIMEN_VALUES = ['egfr-tki', 'other-tki', 'chemo', 'chemo-io', 'io'] as const;
export const RESPONSE_VALUES = ['CR', 'PR', 'SD', 'PD'] as const;
export const PATTERN_VALUES = ['none', 'oligoprogression', 'polyprogression'] as const;
export const LOCATION_VALUES = ['peripheral', 'central', 'ultracentral'] as const;
export const LOBE_VALUES = ['RUL', 'RML', 'RLL', 'LUL', 'LLL', 'lingula'] as const;
export const SYMPTOM_VALUES = [
  'hemoptysis',
  'airway-obstruction',
  'chest-pain',
  'svc-syndrome',
  'cough',
  'dyspnea',
] as const;
export const PALLIATIVE_SYMPTOMS = [
  'hemoptysis',
  'airway-obstruction',
  'chest-pain',
  'svc-syndrome',
] as const;
export const ILD_VALUES = ['none', 'ild', 'ipf'] as const;
export const STAGING_VALUES = ['done', 'not-done'] as const;

type Of<T extends readonly unknown[]> = T[number];

/** The structured case as JSON (decision-spec §2; field names of the public input). */
export interface CaseJson {
  primarySite?: 'lung' | 'non-lung';
  histology?: Of<typeof HISTOLOGY_VALUES>;
  stage?: {
    t?: string;
    n?: string;
    m?: Of<typeof M_VALUES>;
    edition?: 8 | 9;
    group?: Of<typeof STAGE_GROUP_VALUES>;
  };
  driver?: Of<typeof DRIVER_VALUES>;
  egfrVariant?: Of<typeof EGFR_VARIANT_VALUES>;
  /** Genes reported negative (decision-spec §2): EGFR, ALK, ROS1, BRAF, KRAS, MET, RET, NTRK, HER2. */
  negativeFor?: string[];
  pdl1?: number;
  metastases?: {
    count?: number;
    organs?: number;
    sites?: Of<typeof SITE_VALUES>[];
    burden?: 'oligo' | 'poly';
  };
  serosalDisease?: boolean | Of<typeof SEROSAL_VALUES> | Of<typeof SEROSAL_VALUES>[];
  brain?: Of<typeof BRAIN_VALUES>;
  ecog?: number;
  karnofsky?: number;
  therapy?: {
    status?: Of<typeof THERAPY_STATUS_VALUES>;
    regimen?: Of<typeof REGIMEN_VALUES>;
    agent?: string;
    months?: number;
    weeks?: number;
    cycles?: number;
    response?: Of<typeof RESPONSE_VALUES>;
  };
  progression?: { pattern?: Of<typeof PATTERN_VALUES>; primaryProgressing?: boolean; sites?: number };
  primary?: {
    location?: Of<typeof LOCATION_VALUES>;
    sizeCm?: number;
    endobronchial?: boolean;
    lobe?: Of<typeof LOBE_VALUES>;
  };
  symptoms?: Of<typeof SYMPTOM_VALUES>[];
  lung?: { ild?: Of<typeof ILD_VALUES>; priorThoracicRt?: boolean; poorFunction?: boolean };
  staging?: { petCt?: Of<typeof STAGING_VALUES>; brainMri?: Of<typeof STAGING_VALUES> };
  lifeExpectancyMonths?: number;
}

/** A copy of `c` without the given top-level facts (absent = unknown). */
export function omit<K extends keyof CaseJson>(c: CaseJson, ...keys: K[]): CaseJson {
  const copy: CaseJson = { ...c };
  for (const k of keys) delete copy[k];
  return copy;
}

/** Evaluates a case that must be valid, and returns its output (fails the test with the issues otherwise). */
export function evaluateOk(input: unknown): Output {
  const result = evaluate(input, { now: NOW });
  if (!result.ok) {
    throw new Error(`expected a valid case, got issues: ${JSON.stringify(result.issues)}`);
  }
  return result.output;
}

export function flagCodes(out: Output): string[] {
  return out.flags.map((f) => f.code);
}

export function hasDose(out: Output, totalGy: number, fractions: number): boolean {
  return out.doseOptions.some((d) => d.totalGy === totalGy && d.fractions === fractions);
}

/** Palliative thoracic schedules of decision-spec §6 (ASTRO 2011). */
export const PALLIATIVE_SCHEDULES: readonly [number, number][] = [
  [30, 10],
  [20, 5],
  [17, 2],
  [10, 1],
];

/** Karnofsky → ECOG by the empirical mapping of Ma 2010 (decision-spec §2). */
export function kpsToEcog(kps: number): number | undefined {
  if (kps === 100) return 0;
  if (kps >= 80) return 1;
  if (kps >= 60) return 2;
  if (kps >= 40) return 3;
  if (kps >= 10) return 4;
  return undefined;
}

export function effectiveEcog(c: CaseJson): number | undefined {
  if (c.ecog !== undefined) return c.ecog;
  if (c.karnofsky !== undefined) return kpsToEcog(c.karnofsky);
  return undefined;
}

export function serosalPresent(c: CaseJson): boolean {
  const s = c.serosalDisease;
  if (s === undefined || s === false) return false;
  if (s === true || typeof s === 'string') return true;
  return s.length > 0;
}

export function isEgfrCommon(c: CaseJson): boolean {
  return (
    c.driver === 'EGFR' &&
    (c.egfrVariant === undefined || c.egfrVariant === 'ex19del' || c.egfrVariant === 'L858R')
  );
}

export function isTargetable(c: CaseJson): boolean {
  return c.driver !== undefined && (TARGETABLE_DRIVERS as readonly string[]).includes(c.driver);
}

export function nodePositive(c: CaseJson): boolean {
  return /^N[123]/i.test(c.stage?.n ?? '');
}

/** Out of scope by rule 1 (decision-spec §4), as the lead fixed it. */
export function outOfScope(c: CaseJson): boolean {
  if (c.histology === 'sclc' || c.primarySite === 'non-lung') return true;
  const g = c.stage?.group;
  return c.stage?.m === 'M0' || g === 'I' || g === 'II' || g === 'III';
}

/** Ladder of definitive-RT support; a modifier may only move a verdict down it. */
export const VERDICT_RANK = { recommended: 3, consider: 2, 'not-recommended': 1 } as const;
