// The one fact catalogue (decision-spec §2): every fact a rule, modifier, flag or dose-option condition may
// name, with its case path, label, whether it is a list, whether it is critical (its absence gives
// `insufficient-information`), and how free text refines it. The loader rejects a condition that names a fact
// not listed here; derive.ts fills exactly these keys.

export type FactSource = 'case' | 'derived' | 'decision';

export interface FactDef {
  /** The name conditions use. */
  readonly name: string;
  readonly label: string;
  /** Where it comes from: a case path (dotted), a derivation over the case, or the decision itself. */
  readonly source: FactSource;
  readonly path: string;
  readonly list: boolean;
  readonly critical: boolean;
  /** Free-text forms the parser reads for it (documentation; the parser owns the patterns). */
  readonly freeText?: string;
}

export const FACTS = [
  {
    name: 'stage',
    label: 'stage IV',
    source: 'derived',
    path: 'stage',
    list: false,
    critical: true,
    freeText: '"cT2bN2M1c", "stage IVB", "metastatic"; a stage given as history is not today\'s stage',
  },
  {
    name: 'histology',
    label: 'histology',
    source: 'case',
    path: 'histology',
    list: false,
    critical: false,
    freeText: '"adeno", "SqCC", "small cell"',
  },
  {
    name: 'primarySite',
    label: 'primary site',
    source: 'case',
    path: 'primarySite',
    list: false,
    critical: false,
    freeText: '"colon cancer primary", "RCC"',
  },
  {
    name: 'driverGroup',
    label: 'driver',
    source: 'derived',
    path: 'driver',
    list: false,
    critical: true,
    freeText: '"EGFR ex19del", "driver negative", "EGFR/ALK/ROS1 negative"',
  },
  { name: 'driver', label: 'driver gene', source: 'case', path: 'driver', list: false, critical: false },
  {
    name: 'panelIncomplete',
    label: 'driver from a partial panel',
    source: 'derived',
    path: 'negativeFor',
    list: false,
    critical: false,
  },
  {
    name: 'oligometastatic',
    label: 'oligometastatic (≤5 lesions in ≤3 organs)',
    source: 'derived',
    path: 'metastases',
    list: false,
    critical: true,
    freeText: '"3 bone mets and 1 adrenal", "oligometastatic", "widespread"',
  },
  {
    name: 'oligoOrgan',
    label: 'oligo-organ (≤3 organs)',
    source: 'derived',
    path: 'metastases.organs',
    list: false,
    critical: false,
  },
  {
    name: 'lesions',
    label: 'metastatic lesions',
    source: 'case',
    path: 'metastases.count',
    list: false,
    critical: false,
  },
  {
    name: 'organs',
    label: 'metastatic organs',
    source: 'derived',
    path: 'metastases.organs',
    list: false,
    critical: false,
  },
  {
    name: 'serosal',
    label: 'serosal disease',
    source: 'derived',
    path: 'serosalDisease',
    list: true,
    critical: false,
    freeText: '"malignant pleural effusion"',
  },
  {
    name: 'progression',
    label: 'progression pattern',
    source: 'derived',
    path: 'progression',
    list: false,
    critical: false,
    freeText: '"oligoprogression in the primary only", "widespread progression"',
  },
  {
    name: 'primaryProgressing',
    label: 'primary progressing',
    source: 'case',
    path: 'progression.primaryProgressing',
    list: false,
    critical: false,
  },
  {
    name: 'criticalMissing',
    label: 'a critical fact is missing',
    source: 'derived',
    path: '',
    list: false,
    critical: false,
  },
  {
    name: 'ecog',
    label: 'ECOG',
    source: 'derived',
    path: 'ecog',
    list: false,
    critical: false,
    freeText: '"ECOG 1", "PS 2", "KPS 70"',
  },
  {
    name: 'psConflict',
    label: 'ECOG and Karnofsky disagree',
    source: 'derived',
    path: 'karnofsky',
    list: false,
    critical: false,
  },
  {
    name: 'ecogFromKarnofsky',
    label: 'ECOG converted from Karnofsky',
    source: 'derived',
    path: 'karnofsky',
    list: false,
    critical: false,
  },
  {
    name: 'lifeExpectancyMonths',
    label: 'life expectancy (months)',
    source: 'case',
    path: 'lifeExpectancyMonths',
    list: false,
    critical: false,
  },
  { name: 'ild', label: 'ILD/IPF', source: 'case', path: 'lung.ild', list: false, critical: false },
  {
    name: 'priorThoracicRt',
    label: 'prior thoracic RT',
    source: 'case',
    path: 'lung.priorThoracicRt',
    list: false,
    critical: false,
    freeText: '"prior chest RT 2019", "s/p concurrent chemoRT", "PORT"',
  },
  {
    name: 'staging',
    label: 'staging (PET-CT and brain MRI)',
    source: 'derived',
    path: 'staging',
    list: false,
    critical: false,
  },
  { name: 'brain', label: 'brain metastases', source: 'case', path: 'brain', list: false, critical: false },
  {
    name: 'therapyState',
    label: 'systemic therapy status',
    source: 'derived',
    path: 'therapy.status',
    list: false,
    critical: false,
  },
  {
    name: 'tkiPlanned',
    label: 'concurrent or planned TKI',
    source: 'derived',
    path: 'therapy.regimen',
    list: false,
    critical: false,
  },
  {
    name: 'osimertinib',
    label: 'osimertinib',
    source: 'derived',
    path: 'therapy.agent',
    list: false,
    critical: false,
  },
  {
    name: 'ioPlanned',
    label: 'concurrent or planned checkpoint inhibitor',
    source: 'derived',
    path: 'therapy.regimen',
    list: false,
    critical: false,
  },
  {
    name: 'location',
    label: 'primary location',
    source: 'case',
    path: 'primary.location',
    list: false,
    critical: false,
  },
  {
    name: 'sizeCm',
    label: 'primary size (cm)',
    source: 'case',
    path: 'primary.sizeCm',
    list: false,
    critical: false,
  },
  {
    name: 'nodePositive',
    label: 'node-positive (N1–N3)',
    source: 'derived',
    path: 'stage.n',
    list: false,
    critical: false,
  },
  {
    name: 'endobronchial',
    label: 'endobronchial invasion',
    source: 'case',
    path: 'primary.endobronchial',
    list: false,
    critical: false,
  },
  {
    name: 'palliativeIndication',
    label: 'thoracic symptoms (palliative indication)',
    source: 'derived',
    path: 'symptoms',
    list: true,
    critical: false,
  },
  {
    name: 'palliativeFit',
    label: 'fit for a longer palliative course',
    source: 'derived',
    path: 'ecog',
    list: false,
    critical: false,
  },
  {
    name: 'egfrVariant',
    label: 'EGFR variant',
    source: 'case',
    path: 'egfrVariant',
    list: false,
    critical: false,
  },
  { name: 'inScope', label: 'in scope', source: 'decision', path: '', list: false, critical: false },
  {
    name: 'rule',
    label: 'deciding verdict rule',
    source: 'decision',
    path: '',
    list: false,
    critical: false,
  },
  { name: 'verdict', label: 'final verdict', source: 'decision', path: '', list: false, critical: false },
  {
    name: 'onTable',
    label: 'thoracic RT on the table',
    source: 'decision',
    path: '',
    list: false,
    critical: false,
  },
  { name: 'timing', label: 'timing', source: 'decision', path: '', list: false, critical: false },
  { name: 'setting', label: 'RT setting', source: 'decision', path: '', list: false, critical: false },
] as const satisfies readonly FactDef[];

export type FactName = (typeof FACTS)[number]['name'];
export type FactValue = string | number | boolean | undefined;
/** The facts a condition reads; `undefined` is unknown. */
export type Facts = Record<FactName, FactValue>;

export const FACT_NAMES: ReadonlySet<string> = new Set(FACTS.map((f) => f.name));
export const FACT_BY_NAME: ReadonlyMap<string, FactDef> = new Map(FACTS.map((f) => [f.name, f]));
/** The case facts whose absence gives `insufficient-information` (decision-spec §4.2). */
export const CRITICAL_FACTS = FACTS.filter((f) => f.critical).map((f) => f.name);

/** Facts in catalogue order, the form compiled conditions read. */
export type FactVector = readonly FactValue[];

const FACT_LIST: readonly FactName[] = FACTS.map((f) => f.name);
export const FACT_INDEX: ReadonlyMap<string, number> = new Map(FACT_LIST.map((n, i) => [n, i]));

/** derive.ts builds the facts object with its keys in catalogue order (a test checks it), so the vector is
 * the object's values: the engine's fast path. Any other object is read key by key. */
export function toVector(f: Facts): FactValue[] {
  const v = Object.values(f) as FactValue[];
  if (v.length === FACT_LIST.length) return v;
  return FACT_LIST.map((name) => f[name]);
}

export function factKeysInOrder(f: Facts): boolean {
  const keys = Object.keys(f);
  return keys.length === FACT_LIST.length && keys.every((k, i) => k === FACT_LIST[i]);
}

/** The case's own fields (decision-spec §2), by dotted path: what the parser may fill, routing counts and the
 * presenters name. A test checks these paths against the zod case schema (through its JSON Schema), so
 * nothing else needs to walk the schema to find them. */
export interface CaseFieldDef {
  readonly path: string;
  readonly label: string;
  readonly list: boolean;
  /** A fact that makes a free text a case rather than a general question (routing). */
  readonly core: boolean;
  /** For a critical fact the engine can report missing (decision-spec §4.2): what to ask for. */
  readonly missingQuestion?: string;
}

const field = (path: string, label: string, more: Partial<CaseFieldDef> = {}): CaseFieldDef => ({
  path,
  label,
  list: false,
  core: false,
  ...more,
});

export const CASE_FIELDS: readonly CaseFieldDef[] = [
  field('primarySite', 'primary site'),
  field('histology', 'histology', { core: true }),
  field('stage', 'stage', {
    core: true,
    missingQuestion: 'stage (is it stage IV? the M category or stage group)',
  }),
  field('stage.t', 'T category'),
  field('stage.n', 'N category'),
  field('stage.m', 'M category'),
  field('stage.edition', 'TNM edition'),
  field('stage.group', 'stage group'),
  field('driver', 'driver', {
    core: true,
    missingQuestion: 'driver mutation status (EGFR, ALK, … or none)',
  }),
  field('egfrVariant', 'EGFR variant', { core: true }),
  field('negativeFor', 'genes reported negative', { list: true }),
  field('pdl1', 'PD-L1 TPS'),
  field('metastases', 'metastases', {
    core: true,
    missingQuestion: 'metastatic burden (number of lesions and organs)',
  }),
  field('metastases.count', 'metastatic lesions'),
  field('metastases.organs', 'metastatic organs'),
  field('metastases.sites', 'metastatic sites', { list: true }),
  field('metastases.burden', 'metastatic burden'),
  field('serosalDisease', 'serosal disease', { list: true, core: true }),
  field('brain', 'brain metastases'),
  field('ecog', 'ECOG'),
  field('karnofsky', 'Karnofsky'),
  field('therapy', 'systemic therapy'),
  field('therapy.status', 'systemic therapy status'),
  field('therapy.regimen', 'regimen'),
  field('therapy.agent', 'agent'),
  field('therapy.months', 'months on therapy'),
  field('therapy.weeks', 'weeks on therapy'),
  field('therapy.cycles', 'cycles'),
  field('therapy.response', 'response'),
  field('progression', 'progression', {
    core: true,
    missingQuestion: 'progression pattern (oligo- or polyprogression)',
  }),
  field('progression.pattern', 'progression pattern'),
  field('progression.primaryProgressing', 'primary progressing'),
  field('progression.sites', 'progressing sites'),
  field('primary', 'primary tumour'),
  field('primary.location', 'primary location'),
  field('primary.sizeCm', 'primary size (cm)'),
  field('primary.endobronchial', 'endobronchial invasion'),
  field('primary.lobe', 'lobe'),
  field('symptoms', 'thoracic symptoms', { list: true }),
  field('lung', 'lung'),
  field('lung.ild', 'ILD/IPF'),
  field('lung.priorThoracicRt', 'prior thoracic RT'),
  field('lung.poorFunction', 'poor lung function'),
  field('staging', 'staging'),
  field('staging.petCt', 'PET-CT'),
  field('staging.brainMri', 'brain MRI'),
  field('lifeExpectancyMonths', 'life expectancy (months)'),
];

export const CASE_FIELD_BY_PATH: ReadonlyMap<string, CaseFieldDef> = new Map(
  CASE_FIELDS.map((f) => [f.path, f]),
);
/** Top-level fields that make a text a case (routing). */
export const CORE_CASE_FIELDS: ReadonlySet<string> = new Set(
  CASE_FIELDS.filter((f) => f.core).map((f) => f.path),
);
/** What to ask for each critical fact the engine can report missing, keyed by `Output.missing` values. */
export const MISSING_QUESTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  CASE_FIELDS.flatMap((f) => (f.missingQuestion ? [[f.path, f.missingQuestion]] : [])),
);
