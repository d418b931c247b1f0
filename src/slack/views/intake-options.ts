// The choices of the intake modal's selects, radios and checkboxes: the option `value` the modal sends and the
// text it shows. Values are the engine's enum values wherever one exists, so the state reader needs no table
// to turn them back into facts (the driver, the M category and the numeric choices are the exceptions).
import {
  BRAIN_STATUSES,
  BURDENS,
  DRIVERS,
  EGFR_VARIANTS,
  HISTOLOGIES,
  ILD_STATUSES,
  LOCATIONS,
  M_CATEGORIES,
  METASTASIS_SITES,
  PANEL_GENES,
  PRIMARY_SITES,
  PROGRESSION_PATTERNS,
  REGIMENS,
  RESPONSES,
  SEROSAL_KINDS,
  STAGING_STATUSES,
  SYMPTOMS,
  THERAPY_STATUSES,
} from '../../engine/case-schema.js';

export interface Choice<V extends string = string> {
  /** Option `value` (≤ 75 chars). */
  readonly value: V;
  /** Option text (≤ 75 chars). */
  readonly text: string;
}

type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

function choices<const T extends readonly string[]>(
  values: T,
  labels: Labels<T>,
): readonly Choice<T[number]>[] {
  return values.map((value: T[number]) => ({ value, text: labels[value] }));
}

export const HISTOLOGY_CHOICES = choices(HISTOLOGIES, {
  adenocarcinoma: 'Adenocarcinoma',
  squamous: 'Squamous cell carcinoma',
  'large-cell': 'Large-cell carcinoma',
  'nsclc-nos': 'NSCLC, not otherwise specified',
  sclc: 'Small-cell lung cancer',
  other: 'Other',
});

export const M_CHOICES = choices(M_CATEGORIES, {
  M0: 'M0 / stage I–III',
  M1: 'M1, subcategory not stated',
  M1a: 'M1a: intrathoracic (pleura, pericardium, contralateral lung)',
  M1b: 'M1b: single extrathoracic metastasis',
  M1c: 'M1c: multiple extrathoracic metastases',
  M1c1: 'M1c1: multiple extrathoracic, one organ system (9th ed.)',
  M1c2: 'M1c2: multiple extrathoracic, several organ systems (9th ed.)',
});

/** T categories accepted by the case schema (its pattern is case-insensitive; these are the canonical spellings). */
export const T_CHOICES: readonly Choice[] = [
  'TX',
  'T0',
  'Tis',
  'T1mi',
  'T1',
  'T1a',
  'T1b',
  'T1c',
  'T2',
  'T2a',
  'T2b',
  'T3',
  'T4',
].map((t) => ({ value: t, text: t }));

/** N categories accepted by the case schema. */
export const N_CHOICES: readonly Choice[] = ['NX', 'N0', 'N1', 'N2', 'N2a', 'N2b', 'N3'].map((n) => ({
  value: n,
  text: n,
}));

export const EDITION_CHOICES: readonly Choice<'8' | '9'>[] = [
  { value: '8', text: 'TNM 8th edition' },
  { value: '9', text: 'TNM 9th edition' },
];

type DriverValue = (typeof DRIVERS)[number];
type EgfrVariant = (typeof EGFR_VARIANTS)[number];

const EGFR_VARIANT_TEXT: Labels<typeof EGFR_VARIANTS> = {
  ex19del: 'EGFR ex19del',
  L858R: 'EGFR L858R',
  exon20ins: 'EGFR exon 20 insertion',
  uncommon: 'EGFR uncommon',
};

const DRIVER_TEXT: Labels<typeof DRIVERS> = {
  EGFR: 'EGFR, variant not stated',
  ALK: 'ALK',
  ROS1: 'ROS1',
  RET: 'RET',
  MET: 'MET',
  BRAF: 'BRAF',
  NTRK: 'NTRK',
  HER2: 'HER2',
  KRAS: 'KRAS',
  none: 'None (driver-negative)',
};

/** The driver facts one driver option stands for. */
export interface DriverFacts {
  readonly driver: DriverValue;
  readonly egfrVariant?: EgfrVariant;
}

/** Option value of a driver (`EGFR:ex19del` for an EGFR variant, otherwise the driver itself). */
export function driverOptionValue(facts: DriverFacts): string {
  return facts.driver === 'EGFR' && facts.egfrVariant !== undefined
    ? `EGFR:${facts.egfrVariant}`
    : facts.driver;
}

/** Every EGFR variant as its own option, then EGFR without a variant, then the other drivers. */
export const DRIVER_CHOICES: readonly (Choice & { readonly facts: DriverFacts })[] = [
  ...EGFR_VARIANTS.map((egfrVariant) => {
    const facts: DriverFacts = { driver: 'EGFR', egfrVariant };
    return { value: driverOptionValue(facts), text: EGFR_VARIANT_TEXT[egfrVariant], facts };
  }),
  ...DRIVERS.map((driver) => {
    const facts: DriverFacts = { driver };
    return { value: driverOptionValue(facts), text: DRIVER_TEXT[driver], facts };
  }),
];

export const SITE_CHOICES = choices(METASTASIS_SITES, {
  bone: 'Bone',
  liver: 'Liver',
  adrenal: 'Adrenal',
  brain: 'Brain',
  'contralateral-lung': 'Contralateral lung',
  pleura: 'Pleura',
  'distant-nodes': 'Distant lymph nodes',
  other: 'Other',
});

export const BURDEN_CHOICES = choices(BURDENS, {
  oligo: 'Oligometastatic',
  poly: 'Polymetastatic / widespread',
});

const SEROSAL_VALUES = [...SEROSAL_KINDS, 'unspecified'] as const;
export const SEROSAL_CHOICES = choices(SEROSAL_VALUES, {
  'pleural-effusion': 'Malignant pleural effusion',
  'pericardial-effusion': 'Malignant pericardial effusion',
  leptomeningeal: 'Leptomeningeal disease',
  unspecified: 'Serosal disease, kind not stated',
});

export const BRAIN_CHOICES = choices(BRAIN_STATUSES, {
  none: 'No brain metastases',
  'treated-stable': 'Treated and stable',
  'untreated-asymptomatic': 'Untreated, asymptomatic',
  symptomatic: 'Symptomatic',
});

/** Karnofsky 100 down to 10 in steps of 10; the value is the number as a string. */
export const KARNOFSKY_CHOICES: readonly Choice[] = Array.from({ length: 10 }, (_, i) => {
  const k = String(100 - i * 10);
  return { value: k, text: `KPS ${k}` };
});

export const THERAPY_STATUS_CHOICES = choices(THERAPY_STATUSES, {
  naive: 'Treatment-naive',
  'on-treatment': 'On treatment',
  'off-treatment': 'Off treatment',
});

export const REGIMEN_CHOICES = choices(REGIMENS, {
  'egfr-tki': 'EGFR TKI',
  'other-tki': 'Other TKI (ALK, ROS1, RET, …)',
  chemo: 'Chemotherapy',
  'chemo-io': 'Chemo-immunotherapy',
  io: 'Immunotherapy',
});

export const RESPONSE_CHOICES = choices(RESPONSES, {
  CR: 'CR: complete response',
  PR: 'PR: partial response',
  SD: 'SD: stable disease',
  PD: 'PD: progressive disease',
});

export const PATTERN_CHOICES = choices(PROGRESSION_PATTERNS, {
  none: 'No progression',
  oligoprogression: 'Oligoprogression (≤ 5 progressing sites, rest controlled)',
  polyprogression: 'Polyprogression',
});

export const LOCATION_CHOICES = choices(LOCATIONS, {
  peripheral: 'Peripheral',
  central: 'Central (within 2 cm of the proximal bronchial tree)',
  ultracentral: 'Ultracentral (PTV abuts or overlaps the proximal bronchial tree)',
});

/** Lobes accepted by the case schema. */
export const LOBE_CHOICES: readonly Choice[] = [
  { value: 'RUL', text: 'Right upper lobe' },
  { value: 'RML', text: 'Right middle lobe' },
  { value: 'RLL', text: 'Right lower lobe' },
  { value: 'LUL', text: 'Left upper lobe' },
  { value: 'lingula', text: 'Lingula' },
  { value: 'LLL', text: 'Left lower lobe' },
];

export const SYMPTOM_CHOICES = choices(SYMPTOMS, {
  hemoptysis: 'Haemoptysis',
  'airway-obstruction': 'Airway obstruction',
  'chest-pain': 'Chest pain',
  'svc-syndrome': 'SVC syndrome',
  cough: 'Cough',
  dyspnea: 'Dyspnoea',
});

export const ILD_CHOICES = choices(ILD_STATUSES, {
  none: 'No ILD',
  ild: 'Interstitial lung disease',
  ipf: 'Idiopathic pulmonary fibrosis',
});

export const STAGING_CHOICES = choices(STAGING_STATUSES, {
  done: 'Done',
  'not-done': 'Not done',
});

/** The first option of every optional choice: the fact is not stated (read as absent, never as "no"). */
export const NOT_STATED = 'not-stated';
export const NOT_STATED_CHOICE: Choice = { value: NOT_STATED, text: 'Not stated' };

export const PRIMARY_SITE_CHOICES = choices(PRIMARY_SITES, {
  lung: 'Lung',
  'non-lung': 'Not lung (another primary)',
});

/** Genes of a driver panel, for "reported negative". */
export const PANEL_GENE_CHOICES: readonly Choice<(typeof PANEL_GENES)[number]>[] = PANEL_GENES.map((g) => ({
  value: g,
  text: g,
}));

export type Delivery = 'preview' | 'channel';
export const DELIVERY_CHOICES: readonly Choice<Delivery>[] = [
  { value: 'preview', text: 'Preview to me' },
  { value: 'channel', text: 'Post in channel' },
];

/** The single option of a yes/no checkbox; checked means the fact is true, unchecked means not stated. */
export const YES = 'yes';

export function findChoice<C extends Choice>(list: readonly C[], value: string | undefined): C | undefined {
  return value === undefined ? undefined : list.find((c) => c.value === value);
}
