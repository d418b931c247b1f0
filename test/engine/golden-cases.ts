// Golden clinical cases of the recommendation engine, written from decision-spec §2–§7 and the lead's
// decisions on the points the spec leaves open — not from the implementation.
// `expect.flags` / `expect.missing` list codes that MUST appear (others may too); `notFlags` / `notMissing`
// list codes that must NOT appear. Every output is also checked by ./invariants.ts.
import type { EvidenceLevel, FlagCode, Severity, Timing, Verdict } from '../../src/engine/index.js';
import { type CaseJson, omit } from './support.js';

export interface GoldenExpect {
  verdict: Verdict;
  timing?: Timing;
  evidence?: EvidenceLevel | null;
  flags?: FlagCode[];
  notFlags?: FlagCode[];
  severities?: Partial<Record<FlagCode, Severity>>;
  missing?: string[];
  notMissing?: string[];
  /** whatIf must contain an entry with each of these verdicts. */
  whatIfVerdicts?: Verdict[];
  /** whatIf must contain an entry whose `if` matches and whose verdict is as given. */
  whatIf?: { if: RegExp; verdict: Verdict }[];
  /** At least one assumption must be listed. */
  assumes?: boolean;
  doseIncludes?: [number, number][];
  doseExcludes?: [number, number][];
  summary?: RegExp;
  /** Each pattern must match some statement text / no statement text. */
  statement?: RegExp[];
  statementNot?: RegExp[];
  /** An assumption must match. */
  assumption?: RegExp;
  /** No what-if entry may match (a value the text ruled out). */
  whatIfNot?: RegExp;
  /** The text of a flag must match. */
  flagText?: Partial<Record<FlagCode, RegExp>>;
  /** The first dose option offered. */
  firstDose?: [number, number];
  /** No assumption may match. */
  assumptionNot?: RegExp;
  /** Exact citations of a raised flag (the §8 citation fixes). */
  flagCitations?: Partial<Record<FlagCode, string[]>>;
  /** Exact citations of the statement whose text matches. */
  statementCitations?: [RegExp, string[]][];
}

export interface GoldenCase {
  name: string;
  /** The base rule of decision-spec §4 expected to decide (before modifiers). */
  rule: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** The exact `decidedBy` (verdict rule id, then every modifier that changed the verdict), when asserted. */
  decidedBy?: string[];
  input: CaseJson;
  expect: GoldenExpect;
}

// ---------------------------------------------------------------------------------------------------------
// Building blocks: fully staged, stage IV, peripheral 3 cm primary, ECOG 1, no lung disease, no symptoms.
// ---------------------------------------------------------------------------------------------------------
const BG: CaseJson = {
  primarySite: 'lung',
  histology: 'adenocarcinoma',
  stage: { t: 'T2a', n: 'N0', m: 'M1c', edition: 8 },
  brain: 'none',
  ecog: 1,
  primary: { location: 'peripheral', sizeCm: 3, endobronchial: false, lobe: 'RUL' },
  symptoms: [],
  lung: { ild: 'none', priorThoracicRt: false },
  staging: { petCt: 'done', brainMri: 'done' },
};

/** Rule 5 reference: EGFR ex19del, 3 lesions in 2 organs, starting osimertinib. */
const EGFR_OLIGO: CaseJson = {
  ...BG,
  driver: 'EGFR',
  egfrVariant: 'ex19del',
  metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] },
  therapy: { status: 'naive', regimen: 'egfr-tki', agent: 'osimertinib' },
};

const onOsimertinib = (extra: NonNullable<CaseJson['therapy']>): CaseJson['therapy'] => ({
  status: 'on-treatment',
  regimen: 'egfr-tki',
  agent: 'osimertinib',
  ...extra,
});

/** Rule 6 reference: EGFR ex19del, 4 lesions in 4 organs. */
const EGFR_4_ORGANS: CaseJson = {
  ...EGFR_OLIGO,
  metastases: { count: 4, organs: 4, sites: ['bone', 'liver', 'adrenal', 'distant-nodes'] },
};

/** Rule 7 reference: ALK, 2 lesions in 2 organs, starting alectinib. */
const ALK_OLIGO: CaseJson = {
  ...BG,
  driver: 'ALK',
  metastases: { count: 2, organs: 2, sites: ['bone', 'liver'] },
  therapy: { status: 'naive', regimen: 'other-tki', agent: 'alectinib' },
};

/** Rule 8 reference: squamous, no driver, 2 liver lesions, treatment-naive, regimen not chosen yet. */
const NONE_OLIGO: CaseJson = {
  ...BG,
  histology: 'squamous',
  driver: 'none',
  pdl1: 10,
  metastases: { count: 2, organs: 1, sites: ['liver'] },
  therapy: { status: 'naive' },
};

const onChemoIo = (extra: NonNullable<CaseJson['therapy']>): CaseJson['therapy'] => ({
  status: 'on-treatment',
  regimen: 'chemo-io',
  agent: 'carboplatin/pemetrexed/pembrolizumab',
  ...extra,
});

/** Rule 9 reference: no driver, 12 lesions in 4 organs. */
const NONE_POLY: CaseJson = {
  ...BG,
  driver: 'none',
  metastases: { count: 12, organs: 4, sites: ['bone', 'liver', 'adrenal', 'contralateral-lung'] },
  therapy: { status: 'naive' },
};

const R5 = { verdict: 'recommended', evidence: 'phase-3-rct' } as const;
const R6 = { verdict: 'consider', evidence: 'retrospective' } as const;
const R7 = { verdict: 'consider', evidence: 'extrapolation' } as const;
const R8 = { verdict: 'consider', evidence: 'phase-2-rct' } as const;
const R9 = { verdict: 'not-recommended', timing: 'none', evidence: 'consensus' } as const;
const NA = { verdict: 'not-applicable', timing: 'none', evidence: null } as const;
const FORCED_NO = { verdict: 'not-recommended', timing: 'none', evidence: 'consensus' } as const;
const INSUFFICIENT = { verdict: 'insufficient-information', timing: 'none', evidence: null } as const;

/** whatIf entries for a missing driver (the `if` text is free; it must name the value). */
const IF_EGFR = /\bEGFR\b/i;
const IF_NO_DRIVER = /\bnone\b|negative|no[ -](actionable|targetable|driver)|wild/i;

export const GOLDEN_CASES: GoldenCase[] = [
  // ======================================= Rule 1: scope ==================================================
  {
    name: 'scope: SCLC with an otherwise EGFR oligometastatic picture',
    rule: 1,
    input: { ...EGFR_OLIGO, histology: 'sclc' },
    expect: { ...NA },
  },
  {
    name: 'scope: cT2aN2M0 (stage III) is out of scope',
    rule: 1,
    input: { ...omit(EGFR_OLIGO, 'metastases'), stage: { t: 'T2a', n: 'N2', m: 'M0', edition: 8 } },
    expect: { ...NA },
  },
  {
    name: 'scope: stage group III stated in words',
    rule: 1,
    input: { ...omit(NONE_OLIGO, 'metastases'), stage: { group: 'III' } },
    expect: { ...NA },
  },
  {
    name: 'scope: stage group I',
    rule: 1,
    input: { ...omit(NONE_OLIGO, 'metastases'), stage: { group: 'I' } },
    expect: { ...NA },
  },
  {
    name: 'scope: stage II with haemoptysis stays not-applicable',
    rule: 1,
    input: { ...omit(NONE_OLIGO, 'metastases'), stage: { group: 'II' }, symptoms: ['hemoptysis'] },
    expect: { ...NA },
  },
  {
    name: 'scope: non-lung primary',
    rule: 1,
    input: { ...EGFR_OLIGO, primarySite: 'non-lung' },
    expect: { ...NA },
  },
  {
    name: 'scope: SCLC with ECOG 3 stays not-applicable (no modifier changes it)',
    rule: 1,
    input: { ...EGFR_OLIGO, histology: 'sclc', ecog: 3 },
    expect: { ...NA },
  },
  {
    name: 'scope: M0 with ILD, prior RT and 3 months life expectancy stays not-applicable',
    rule: 1,
    input: {
      ...omit(EGFR_OLIGO, 'metastases'),
      stage: { t: 'T3', n: 'N1', m: 'M0' },
      lung: { ild: 'ipf', priorThoracicRt: true },
      lifeExpectancyMonths: 3,
    },
    expect: { ...NA },
  },
  {
    name: 'scope: SCLC with the driver not stated is not-applicable, not insufficient (rule 1 before rule 2)',
    rule: 1,
    input: { ...omit(EGFR_OLIGO, 'driver', 'egfrVariant', 'therapy'), histology: 'sclc' },
    expect: { ...NA },
  },
  {
    name: 'scope (negative): large-cell histology is in scope',
    rule: 7,
    input: { ...ALK_OLIGO, histology: 'large-cell' },
    expect: { ...R7, timing: 'after-induction' },
  },
  {
    name: 'scope (negative): NSCLC-NOS is in scope',
    rule: 8,
    input: { ...NONE_OLIGO, histology: 'nsclc-nos' },
    expect: { ...R8, timing: 'after-induction' },
  },
  {
    name: 'scope (negative): histology not stated is not a critical fact',
    rule: 5,
    input: omit(EGFR_OLIGO, 'histology'),
    expect: { ...R5, timing: 'after-induction', notMissing: ['stage', 'driver', 'metastases'] },
  },
  {
    name: 'stage IV from stage group IVA alone',
    rule: 5,
    input: { ...EGFR_OLIGO, stage: { group: 'IVA' } },
    expect: { ...R5, timing: 'after-induction', notMissing: ['stage'] },
  },
  {
    name: 'stage IV from stage group IVB alone',
    rule: 8,
    input: { ...NONE_OLIGO, stage: { group: 'IVB' } },
    expect: { ...R8, timing: 'after-induction', notMissing: ['stage'] },
  },
  {
    name: 'stage IV from M1 without subcategory',
    rule: 5,
    input: { ...EGFR_OLIGO, stage: { t: 'T2b', n: 'N0', m: 'M1' } },
    expect: { ...R5, timing: 'after-induction', notMissing: ['stage'] },
  },
  {
    name: 'stage IV from stated metastases alone (no stage object)',
    rule: 5,
    input: omit(EGFR_OLIGO, 'stage'),
    expect: { ...R5, timing: 'after-induction', notMissing: ['stage'] },
  },
  {
    name: 'stage IV: 9th edition M1c2',
    rule: 5,
    input: { ...EGFR_OLIGO, stage: { t: 'T1c', n: 'N0', m: 'M1c2', edition: 9 } },
    expect: { ...R5, timing: 'after-induction' },
  },
  {
    name: 'stage IV: M1a single contralateral lung nodule, no driver',
    rule: 8,
    input: {
      ...NONE_OLIGO,
      stage: { t: 'T2a', n: 'N1', m: 'M1a' },
      metastases: { count: 1, organs: 1, sites: ['contralateral-lung'] },
    },
    expect: { ...R8, timing: 'after-induction' },
  },

  // ======================================= Rule 2: critical facts =========================================
  {
    name: 'missing driver, oligometastatic, ECOG 1: whatIf EGFR → recommended, none → consider',
    rule: 2,
    input: { ...omit(EGFR_OLIGO, 'driver', 'egfrVariant'), therapy: { status: 'naive' } },
    expect: {
      ...INSUFFICIENT,
      missing: ['driver'],
      notMissing: ['stage', 'metastases'],
      whatIf: [
        { if: IF_EGFR, verdict: 'recommended' },
        { if: IF_NO_DRIVER, verdict: 'consider' },
      ],
      whatIfVerdicts: ['recommended', 'consider'],
    },
  },
  {
    name: 'missing driver, polymetastatic: whatIf EGFR → consider, none → not-recommended',
    rule: 2,
    input: omit(NONE_POLY, 'driver'),
    expect: {
      ...INSUFFICIENT,
      missing: ['driver'],
      whatIf: [
        { if: IF_EGFR, verdict: 'consider' },
        { if: IF_NO_DRIVER, verdict: 'not-recommended' },
      ],
    },
  },
  {
    name: 'missing stage: no M, no stage group, no metastases stated',
    rule: 2,
    input: omit(EGFR_OLIGO, 'stage', 'metastases'),
    expect: { ...INSUFFICIENT, missing: ['stage'], whatIfVerdicts: ['not-applicable'] },
  },
  {
    name: 'missing stage: T and N only',
    rule: 2,
    input: { ...omit(EGFR_OLIGO, 'metastases'), stage: { t: 'T3', n: 'N2' } },
    expect: { ...INSUFFICIENT, missing: ['stage'] },
  },
  {
    name: 'missing burden: M1c with no count, organs or burden word',
    rule: 2,
    input: omit(EGFR_OLIGO, 'metastases'),
    expect: {
      ...INSUFFICIENT,
      missing: ['metastases'],
      notMissing: ['stage', 'driver'],
      whatIfVerdicts: ['recommended', 'consider'],
    },
  },
  {
    name: 'missing burden: EGFR, 4 lesions, organs unknown',
    rule: 2,
    input: { ...EGFR_OLIGO, metastases: { count: 4 } },
    expect: { ...INSUFFICIENT, missing: ['metastases'], whatIfVerdicts: ['recommended', 'consider'] },
  },
  {
    name: 'missing burden: no driver, exactly 5 lesions, organs unknown',
    rule: 2,
    input: { ...NONE_OLIGO, metastases: { count: 5 } },
    expect: { ...INSUFFICIENT, missing: ['metastases'], whatIfVerdicts: ['consider', 'not-recommended'] },
  },
  {
    name: 'burden known: 3 lesions, organs unknown (organs cannot exceed 3)',
    rule: 8,
    input: { ...NONE_OLIGO, metastases: { count: 3 } },
    expect: { ...R8, timing: 'after-induction', notMissing: ['metastases'] },
  },
  {
    name: 'burden known: EGFR, single lesion, organs unknown',
    rule: 5,
    input: { ...EGFR_OLIGO, metastases: { count: 1 } },
    expect: { ...R5, timing: 'after-induction', notMissing: ['metastases'] },
  },
  {
    name: 'burden known: no driver, 6 lesions, organs unknown → polymetastatic',
    rule: 9,
    input: { ...NONE_OLIGO, metastases: { count: 6 } },
    expect: { ...R9, notMissing: ['metastases'] },
  },
  {
    name: 'organs derived from sites: 4 lesions in bone and liver → oligometastatic',
    rule: 8,
    input: { ...NONE_OLIGO, metastases: { count: 4, sites: ['bone', 'liver'] } },
    expect: { ...R8, timing: 'after-induction', notMissing: ['metastases'] },
  },
  {
    name: 'organs derived from sites: 5 lesions in 4 distinct sites → polymetastatic',
    rule: 9,
    input: { ...NONE_OLIGO, metastases: { count: 5, sites: ['bone', 'liver', 'adrenal', 'distant-nodes'] } },
    expect: { ...R9, notMissing: ['metastases'] },
  },
  {
    name: 'organs derived from sites: EGFR, 4 lesions in 4 distinct sites → beyond oligo-organ',
    rule: 6,
    input: { ...EGFR_OLIGO, metastases: { count: 4, sites: ['bone', 'liver', 'adrenal', 'distant-nodes'] } },
    expect: { ...R6, timing: 'after-induction', flags: ['trial-preferred'] },
  },
  {
    name: 'burden word "oligo" alone, no driver',
    rule: 8,
    input: { ...NONE_OLIGO, metastases: { burden: 'oligo' } },
    expect: { ...R8, timing: 'after-induction', notMissing: ['metastases'] },
  },
  {
    name: 'burden word "poly" alone, no driver',
    rule: 9,
    input: { ...NONE_OLIGO, metastases: { burden: 'poly', sites: ['bone', 'liver'] } },
    expect: { ...R9, notMissing: ['metastases'] },
  },
  {
    name: 'burden word "oligo" alone, EGFR',
    rule: 5,
    input: { ...EGFR_OLIGO, metastases: { burden: 'oligo' } },
    expect: { ...R5, timing: 'after-induction' },
  },
  {
    name: 'burden word "poly", EGFR, organs unknown → rule 6 with an assumption',
    rule: 6,
    input: { ...EGFR_OLIGO, metastases: { burden: 'poly' } },
    expect: { ...R6, timing: 'after-induction', flags: ['trial-preferred'], assumes: true },
  },
  {
    name: 'response PD without a progression pattern → missing progression',
    rule: 2,
    input: { ...EGFR_OLIGO, therapy: onOsimertinib({ months: 10, response: 'PD' }) },
    expect: {
      ...INSUFFICIENT,
      missing: ['progression'],
      notMissing: ['driver', 'metastases'],
      whatIfVerdicts: ['consider', 'not-recommended'],
    },
  },
  {
    name: 'driver and burden both missing',
    rule: 2,
    input: { ...omit(EGFR_OLIGO, 'driver', 'egfrVariant', 'metastases'), therapy: { status: 'naive' } },
    expect: { ...INSUFFICIENT, missing: ['driver', 'metastases'] },
  },
  {
    name: 'ECOG not stated is not critical: assumed 0–1, flagged',
    rule: 5,
    input: omit(EGFR_OLIGO, 'ecog'),
    expect: {
      ...R5,
      timing: 'after-induction',
      flags: ['ps-unknown'],
      severities: { 'ps-unknown': 'info' },
      assumes: true,
    },
  },
  {
    name: 'ECOG 3 with the driver missing → not-recommended, missing still lists driver',
    rule: 2,
    input: { ...omit(EGFR_OLIGO, 'driver', 'egfrVariant'), therapy: { status: 'naive' }, ecog: 3 },
    expect: { ...FORCED_NO, missing: ['driver'], flags: ['ps-poor'] },
  },
  {
    name: 'life expectancy 4 months with the burden missing → not-recommended, missing lists metastases',
    rule: 2,
    input: { ...omit(EGFR_OLIGO, 'metastases'), lifeExpectancyMonths: 4 },
    expect: { ...FORCED_NO, missing: ['metastases'], flags: ['limited-life-expectancy'] },
  },
  {
    name: 'ECOG 4 with response PD and no pattern → not-recommended, missing lists progression',
    rule: 2,
    input: { ...NONE_OLIGO, therapy: onChemoIo({ cycles: 4, response: 'PD' }), ecog: 4 },
    expect: { ...FORCED_NO, missing: ['progression'], flags: ['ps-poor'] },
  },

  // ======================================= Rule 3: polyprogression ========================================
  {
    name: 'polyprogression on osimertinib (EGFR) → change systemic therapy',
    rule: 3,
    input: {
      ...EGFR_OLIGO,
      therapy: onOsimertinib({ months: 14, response: 'PD' }),
      progression: { pattern: 'polyprogression', primaryProgressing: true, sites: 9 },
    },
    // §5 (2026.2.0): safety flags only when thoracic RT is on the table.
    expect: { ...FORCED_NO, notFlags: ['tki-pneumonitis'] },
  },
  {
    name: 'polyprogression on chemo-immunotherapy, no driver',
    rule: 3,
    input: {
      ...NONE_OLIGO,
      therapy: onChemoIo({ cycles: 6, response: 'PD' }),
      progression: { pattern: 'polyprogression' },
    },
    expect: { ...FORCED_NO, notFlags: ['immunotherapy-pneumonitis'] },
  },
  {
    name: 'polyprogression without a stated response',
    rule: 3,
    input: {
      ...ALK_OLIGO,
      therapy: { status: 'on-treatment', regimen: 'other-tki', months: 12 },
      progression: { pattern: 'polyprogression' },
    },
    expect: { ...FORCED_NO },
  },
  {
    name: 'polyprogression with ILD stays not-recommended',
    rule: 3,
    input: {
      ...EGFR_OLIGO,
      therapy: onOsimertinib({ months: 20, response: 'PD' }),
      progression: { pattern: 'polyprogression' },
      lung: { ild: 'ild', priorThoracicRt: false },
    },
    expect: { ...FORCED_NO, flags: ['ild'] },
  },

  // ======================================= Rule 4: oligoprogression =======================================
  {
    name: 'oligoprogression on osimertinib including the primary',
    rule: 4,
    input: {
      ...EGFR_OLIGO,
      therapy: onOsimertinib({ months: 14, response: 'PD' }),
      progression: { pattern: 'oligoprogression', primaryProgressing: true, sites: 2 },
    },
    expect: {
      verdict: 'consider',
      evidence: 'phase-2-rct',
      timing: 'at-oligoprogression',
      flags: ['tki-pneumonitis'],
    },
  },
  {
    name: 'oligoprogression on chemo-IO, primary not progressing, no driver',
    rule: 4,
    input: {
      ...NONE_OLIGO,
      therapy: onChemoIo({ cycles: 8, response: 'PD' }),
      progression: { pattern: 'oligoprogression', primaryProgressing: false, sites: 1 },
    },
    expect: {
      verdict: 'consider',
      evidence: 'phase-2-rct',
      timing: 'at-oligoprogression',
      flags: ['immunotherapy-pneumonitis'],
    },
  },
  {
    name: 'oligoprogression on alectinib (ALK)',
    rule: 4,
    input: {
      ...ALK_OLIGO,
      therapy: {
        status: 'on-treatment',
        regimen: 'other-tki',
        agent: 'alectinib',
        months: 22,
        response: 'PD',
      },
      progression: { pattern: 'oligoprogression', sites: 3 },
    },
    expect: { verdict: 'consider', evidence: 'phase-2-rct', timing: 'at-oligoprogression' },
  },
  {
    name: 'oligoprogression in a case polymetastatic at diagnosis (rule 4 precedes rule 9)',
    rule: 4,
    input: {
      ...NONE_POLY,
      therapy: onChemoIo({ cycles: 10, response: 'PD' }),
      progression: { pattern: 'oligoprogression', primaryProgressing: true, sites: 2 },
    },
    expect: { verdict: 'consider', evidence: 'phase-2-rct', timing: 'at-oligoprogression' },
  },
  {
    name: 'oligoprogression with exactly 5 progressing sites',
    rule: 4,
    input: {
      ...EGFR_OLIGO,
      therapy: onOsimertinib({ months: 18, response: 'PD' }),
      progression: { pattern: 'oligoprogression', sites: 5 },
    },
    expect: { verdict: 'consider', evidence: 'phase-2-rct', timing: 'at-oligoprogression' },
  },
  {
    name: 'oligoprogression with ECOG 3 → not-recommended',
    rule: 4,
    input: {
      ...EGFR_OLIGO,
      ecog: 3,
      therapy: onOsimertinib({ months: 14, response: 'PD' }),
      progression: { pattern: 'oligoprogression', sites: 1 },
    },
    expect: { ...FORCED_NO, flags: ['ps-poor'] },
  },
  {
    name: 'oligoprogression with IPF: consider stays consider',
    rule: 4,
    input: {
      ...NONE_OLIGO,
      therapy: onChemoIo({ cycles: 8, response: 'PD' }),
      progression: { pattern: 'oligoprogression', sites: 1 },
      lung: { ild: 'ipf', priorThoracicRt: false },
    },
    expect: {
      verdict: 'consider',
      timing: 'at-oligoprogression',
      flags: ['ild'],
      severities: { ild: 'critical' },
    },
  },
  {
    name: 'oligoprogression with ECOG 2: consider stays consider',
    rule: 4,
    input: {
      ...EGFR_OLIGO,
      ecog: 2,
      therapy: onOsimertinib({ months: 14, response: 'PD' }),
      progression: { pattern: 'oligoprogression', sites: 2 },
    },
    expect: { verdict: 'consider', timing: 'at-oligoprogression', flags: ['ps-borderline'] },
  },
  {
    name: 'oligoprogression with 5 months life expectancy → not-recommended',
    rule: 4,
    input: {
      ...EGFR_OLIGO,
      lifeExpectancyMonths: 5,
      therapy: onOsimertinib({ months: 14, response: 'PD' }),
      progression: { pattern: 'oligoprogression', sites: 2 },
    },
    expect: { ...FORCED_NO, flags: ['limited-life-expectancy'] },
  },
  {
    name: 'progression pattern "none" with SD: rule 5 decides',
    rule: 5,
    input: {
      ...EGFR_OLIGO,
      therapy: onOsimertinib({ months: 4, response: 'SD' }),
      progression: { pattern: 'none' },
    },
    expect: { ...R5, timing: 'now-as-consolidation' },
  },

  // ======================================= Rule 5: EGFR common, oligo =====================================
  {
    name: 'EGFR ex19del, 3 lesions / 2 organs, starting osimertinib',
    rule: 5,
    input: EGFR_OLIGO,
    expect: {
      ...R5,
      timing: 'after-induction',
      flags: ['tki-pneumonitis'],
      severities: { 'tki-pneumonitis': 'warning' },
      notFlags: [
        'uncommon-egfr',
        'trial-preferred',
        'ps-borderline',
        'ps-poor',
        'staging-incomplete',
        'central',
        'ultracentral',
        'ps-unknown',
        'ps-converted',
        'palliative-indication',
        'ild',
        'prior-thoracic-rt',
        'serosal-disease',
        'brain-mets-untreated',
        'immunotherapy-pneumonitis',
        'limited-life-expectancy',
      ],
      notMissing: ['stage', 'driver', 'metastases', 'progression'],
    },
  },
  {
    name: 'EGFR L858R, oligometastatic, TKI-naive',
    rule: 5,
    input: { ...EGFR_OLIGO, egfrVariant: 'L858R' },
    expect: { ...R5, timing: 'after-induction', notFlags: ['uncommon-egfr'] },
  },
  {
    name: 'EGFR without a named variant counts as common',
    rule: 5,
    input: omit(EGFR_OLIGO, 'egfrVariant'),
    expect: { ...R5, timing: 'after-induction', notFlags: ['uncommon-egfr'] },
  },
  {
    name: 'EGFR on osimertinib for 5 weeks → after induction (§4.5: 6 weeks)',
    rule: 5,
    input: { ...EGFR_OLIGO, therapy: onOsimertinib({ weeks: 5, response: 'PR' }) },
    expect: { ...R5, timing: 'after-induction' },
  },
  {
    name: 'EGFR on osimertinib for 6 weeks → now-as-consolidation',
    rule: 5,
    input: { ...EGFR_OLIGO, therapy: onOsimertinib({ weeks: 6, response: 'PR' }) },
    expect: { ...R5, timing: 'now-as-consolidation' },
  },
  {
    name: 'EGFR on osimertinib for 1 month (≈4.3 weeks) → after induction (§4.5: 6 weeks)',
    rule: 5,
    input: { ...EGFR_OLIGO, therapy: onOsimertinib({ months: 1 }) },
    expect: { ...R5, timing: 'after-induction' },
  },
  {
    name: 'EGFR on osimertinib for 2 months (≈8.7 weeks) → now-as-consolidation',
    rule: 5,
    input: { ...EGFR_OLIGO, therapy: onOsimertinib({ months: 2 }) },
    expect: { ...R5, timing: 'now-as-consolidation' },
  },
  {
    name: 'EGFR on osimertinib, duration unknown, PR → now-as-consolidation',
    rule: 5,
    input: { ...EGFR_OLIGO, therapy: onOsimertinib({ response: 'PR' }) },
    expect: { ...R5, timing: 'now-as-consolidation' },
  },
  {
    name: 'EGFR on osimertinib, duration unknown, SD → now-as-consolidation',
    rule: 5,
    input: { ...EGFR_OLIGO, therapy: onOsimertinib({ response: 'SD' }) },
    expect: { ...R5, timing: 'now-as-consolidation' },
  },
  {
    name: 'EGFR on osimertinib, neither duration nor response → after induction with an assumption (§4.5)',
    rule: 5,
    input: { ...EGFR_OLIGO, therapy: onOsimertinib({}) },
    expect: { ...R5, timing: 'after-induction', assumes: true },
  },
  {
    name: 'EGFR with therapy not stated → treated as naive (assumption), planned TKI flagged',
    rule: 5,
    input: omit(EGFR_OLIGO, 'therapy'),
    expect: { ...R5, timing: 'after-induction', assumes: true, flags: ['tki-pneumonitis'] },
  },
  {
    name: 'EGFR, CR after 4 months of osimertinib',
    rule: 5,
    input: { ...EGFR_OLIGO, therapy: onOsimertinib({ months: 4, response: 'CR' }) },
    expect: { ...R5, timing: 'now-as-consolidation' },
  },
  {
    name: 'EGFR boundary: exactly 5 lesions in 3 organs → oligometastatic',
    rule: 5,
    input: { ...EGFR_OLIGO, metastases: { count: 5, organs: 3, sites: ['bone', 'liver', 'adrenal'] } },
    expect: { ...R5, timing: 'after-induction', notFlags: ['trial-preferred'] },
  },
  {
    name: 'EGFR oligo-organ: 8 lesions in 2 organs → recommended (NROG-002 population)',
    rule: 5,
    input: { ...EGFR_OLIGO, metastases: { count: 8, organs: 2, sites: ['bone', 'liver'] } },
    expect: { ...R5, timing: 'after-induction', notFlags: ['trial-preferred'] },
  },
  {
    name: 'EGFR oligo-organ: 20 lesions in 3 organs → recommended',
    rule: 5,
    input: { ...EGFR_OLIGO, metastases: { count: 20, organs: 3 } },
    expect: { ...R5, timing: 'after-induction' },
  },
  {
    name: 'EGFR, N2 and central 5.5 cm primary: 60 Gy / 30 fx offered',
    rule: 5,
    input: {
      ...EGFR_OLIGO,
      stage: { t: 'T3', n: 'N2', m: 'M1c' },
      primary: { location: 'central', sizeCm: 5.5, endobronchial: false },
    },
    expect: { ...R5, timing: 'after-induction', flags: ['central'], doseIncludes: [[60, 30]] },
  },
  {
    name: 'EGFR, N1 peripheral primary: 60 Gy / 30 fx offered',
    rule: 5,
    input: {
      ...EGFR_OLIGO,
      stage: { t: 'T2a', n: 'N1', m: 'M1b' },
      metastases: { count: 1, organs: 1, sites: ['adrenal'] },
    },
    expect: { ...R5, timing: 'after-induction', doseIncludes: [[60, 30]] },
  },
  {
    name: 'EGFR, N0 peripheral 6.5 cm primary (large): 60 Gy / 30 fx offered',
    rule: 5,
    input: { ...EGFR_OLIGO, primary: { location: 'peripheral', sizeCm: 6.5, endobronchial: false } },
    expect: {
      ...R5,
      timing: 'after-induction',
      notFlags: ['central', 'ultracentral'],
      doseIncludes: [[60, 30]],
    },
  },
  {
    name: 'EGFR off TKI: no tki-pneumonitis flag',
    rule: 5,
    input: {
      ...EGFR_OLIGO,
      therapy: {
        status: 'off-treatment',
        regimen: 'egfr-tki',
        agent: 'osimertinib',
        months: 6,
        response: 'PR',
      },
    },
    expect: { verdict: 'recommended', notFlags: ['tki-pneumonitis'] },
  },
  {
    name: 'EGFR with untreated asymptomatic brain metastases: verdict unchanged, CNS flagged',
    rule: 5,
    input: {
      ...EGFR_OLIGO,
      brain: 'untreated-asymptomatic',
      metastases: { count: 3, organs: 2, sites: ['bone', 'brain'] },
    },
    expect: {
      ...R5,
      timing: 'after-induction',
      flags: ['brain-mets-untreated'],
      severities: { 'brain-mets-untreated': 'warning' },
    },
  },
  {
    name: '§5 brain-symptomatic-cap (positive): EGFR with symptomatic brain metastases capped at consider',
    rule: 5,
    decidedBy: ['egfr-oligo', 'brain-symptomatic-cap'],
    input: {
      ...EGFR_OLIGO,
      brain: 'symptomatic',
      metastases: { count: 2, organs: 2, sites: ['bone', 'brain'] },
    },
    expect: {
      ...R5,
      verdict: 'consider',
      flags: ['brain-mets-untreated'],
      severities: { 'brain-mets-untreated': 'critical' },
      summary: /lowered for symptomatic brain metastases/,
    },
  },
  {
    name: 'EGFR with treated, stable brain metastases: no CNS flag',
    rule: 5,
    input: {
      ...EGFR_OLIGO,
      brain: 'treated-stable',
      metastases: { count: 2, organs: 2, sites: ['bone', 'brain'] },
    },
    expect: { ...R5, notFlags: ['brain-mets-untreated'] },
  },
  {
    name: 'EGFR with haemoptysis: recommended, palliative indication noted',
    rule: 5,
    input: { ...EGFR_OLIGO, symptoms: ['hemoptysis'] },
    expect: {
      ...R5,
      timing: 'after-induction',
      flags: ['palliative-indication'],
      severities: { 'palliative-indication': 'info' },
    },
  },

  // ======================================= Rule 6: EGFR common, beyond oligo-organ ========================
  {
    name: 'EGFR, 4 lesions in 4 organs, TKI-naive → consider after induction, trial preferred',
    rule: 6,
    input: EGFR_4_ORGANS,
    expect: {
      ...R6,
      timing: 'after-induction',
      flags: ['trial-preferred', 'tki-pneumonitis'],
      severities: { 'trial-preferred': 'info' },
    },
  },
  {
    name: 'EGFR, 4 organs, on osimertinib 3 weeks → after-induction',
    rule: 6,
    input: { ...EGFR_4_ORGANS, therapy: onOsimertinib({ weeks: 3 }) },
    expect: { ...R6, timing: 'after-induction', flags: ['trial-preferred'] },
  },
  {
    name: 'EGFR, 4 organs, on osimertinib 8 weeks → now-as-consolidation',
    rule: 6,
    input: { ...EGFR_4_ORGANS, therapy: onOsimertinib({ weeks: 8, response: 'PR' }) },
    expect: { ...R6, timing: 'now-as-consolidation', flags: ['trial-preferred'] },
  },
  {
    name: 'EGFR, 4 organs, on osimertinib 3 months → now-as-consolidation',
    rule: 6,
    input: { ...EGFR_4_ORGANS, therapy: onOsimertinib({ months: 3 }) },
    expect: { ...R6, timing: 'now-as-consolidation' },
  },
  {
    name: 'EGFR, 4 organs, duration unknown with PR → now-as-consolidation',
    rule: 6,
    input: { ...EGFR_4_ORGANS, therapy: onOsimertinib({ response: 'PR' }) },
    expect: { ...R6, timing: 'now-as-consolidation' },
  },
  {
    name: 'EGFR with malignant pleural effusion (serosal) → beyond oligo-organ',
    rule: 6,
    input: {
      ...EGFR_OLIGO,
      stage: { t: 'T2a', n: 'N0', m: 'M1a' },
      metastases: { count: 2, organs: 1, sites: ['bone'] },
      serosalDisease: ['pleural-effusion'],
    },
    expect: {
      ...R6,
      timing: 'after-induction',
      flags: ['serosal-disease', 'trial-preferred'],
      severities: { 'serosal-disease': 'warning' },
    },
  },
  {
    name: 'EGFR with serosal disease stated as true (kind unknown)',
    rule: 6,
    input: { ...EGFR_OLIGO, serosalDisease: true },
    expect: { ...R6, flags: ['serosal-disease', 'trial-preferred'] },
  },
  {
    name: 'EGFR, 1 lesion plus malignant pericardial effusion',
    rule: 6,
    input: {
      ...EGFR_OLIGO,
      metastases: { count: 1, organs: 1, sites: ['bone'] },
      serosalDisease: ['pericardial-effusion'],
    },
    expect: { ...R6, flags: ['serosal-disease'] },
  },
  {
    name: 'EGFR oligo-organ (8 lesions / 2 organs) but serosal disease → rule 6',
    rule: 6,
    input: {
      ...EGFR_OLIGO,
      metastases: { count: 8, organs: 2, sites: ['bone', 'liver'] },
      serosalDisease: ['pleural-effusion'],
    },
    expect: { ...R6, flags: ['serosal-disease', 'trial-preferred'] },
  },
  {
    name: 'EGFR, 4 organs with ECOG 2: consider stays consider',
    rule: 6,
    input: { ...EGFR_4_ORGANS, ecog: 2 },
    expect: { verdict: 'consider', flags: ['ps-borderline', 'trial-preferred'] },
  },
  {
    name: 'EGFR, 4 organs with ILD: consider stays consider',
    rule: 6,
    input: { ...EGFR_4_ORGANS, lung: { ild: 'ild', priorThoracicRt: false } },
    expect: { verdict: 'consider', flags: ['ild', 'trial-preferred'] },
  },

  // ======================================= Rule 7: other targetable, oligo ================================
  {
    name: 'ALK, oligometastatic, starting alectinib → consider after induction (extrapolation)',
    rule: 7,
    input: ALK_OLIGO,
    expect: {
      ...R7,
      timing: 'after-induction',
      flags: ['tki-pneumonitis'],
      notFlags: ['trial-preferred', 'uncommon-egfr'],
    },
  },
  {
    name: 'ALK, PR after 3 months of alectinib → now-as-consolidation',
    rule: 7,
    input: {
      ...ALK_OLIGO,
      therapy: {
        status: 'on-treatment',
        regimen: 'other-tki',
        agent: 'alectinib',
        months: 3,
        response: 'PR',
      },
    },
    expect: { ...R7, timing: 'now-as-consolidation', flags: ['tki-pneumonitis'] },
  },
  {
    name: '§4.7 3 months of TKI (negative): ALK on alectinib for 2 weeks → after-induction',
    rule: 7,
    input: {
      ...ALK_OLIGO,
      therapy: { status: 'on-treatment', regimen: 'other-tki', agent: 'alectinib', weeks: 2 },
    },
    expect: { ...R7, timing: 'after-induction' },
  },
  {
    name: '§4.7 3 months of TKI (boundary): ALK on alectinib for exactly 3 months → now-as-consolidation',
    rule: 7,
    input: {
      ...ALK_OLIGO,
      therapy: { status: 'on-treatment', regimen: 'other-tki', agent: 'alectinib', months: 3 },
    },
    expect: { ...R7, timing: 'now-as-consolidation' },
  },
  {
    name: '§4.7 3 months of TKI (boundary): ALK on alectinib for 12 weeks (<3 months) → after-induction',
    rule: 7,
    input: {
      ...ALK_OLIGO,
      therapy: { status: 'on-treatment', regimen: 'other-tki', agent: 'alectinib', weeks: 12 },
    },
    expect: { ...R7, timing: 'after-induction' },
  },
  {
    name: 'ALK boundary: exactly 5 lesions in 3 organs',
    rule: 7,
    input: { ...ALK_OLIGO, metastases: { count: 5, organs: 3, sites: ['bone', 'liver', 'adrenal'] } },
    expect: { ...R7, timing: 'after-induction' },
  },
  {
    name: 'ROS1, oligometastatic, starting a TKI',
    rule: 7,
    input: {
      ...ALK_OLIGO,
      driver: 'ROS1',
      therapy: { status: 'naive', regimen: 'other-tki', agent: 'repotrectinib' },
    },
    expect: { ...R7, timing: 'after-induction', flags: ['tki-pneumonitis'] },
  },
  {
    name: 'RET, oligometastatic, naive, regimen not stated (planned TKI assumed)',
    rule: 7,
    input: { ...ALK_OLIGO, driver: 'RET', therapy: { status: 'naive' } },
    expect: { ...R7, timing: 'after-induction', flags: ['tki-pneumonitis'] },
  },
  {
    name: 'MET, oligometastatic, naive',
    rule: 7,
    input: { ...ALK_OLIGO, driver: 'MET', therapy: { status: 'naive', regimen: 'other-tki' } },
    expect: { ...R7, timing: 'after-induction' },
  },
  {
    name: 'BRAF, oligometastatic, on dabrafenib/trametinib 4 months SD',
    rule: 7,
    input: {
      ...ALK_OLIGO,
      driver: 'BRAF',
      therapy: {
        status: 'on-treatment',
        regimen: 'other-tki',
        agent: 'dabrafenib/trametinib',
        months: 4,
        response: 'SD',
      },
    },
    expect: { ...R7, timing: 'now-as-consolidation' },
  },
  {
    name: 'NTRK, oligometastatic, naive',
    rule: 7,
    input: {
      ...ALK_OLIGO,
      driver: 'NTRK',
      therapy: { status: 'naive', regimen: 'other-tki', agent: 'larotrectinib' },
    },
    expect: { ...R7, timing: 'after-induction' },
  },
  {
    name: 'HER2, oligometastatic, naive',
    rule: 7,
    input: { ...ALK_OLIGO, driver: 'HER2', therapy: { status: 'naive' } },
    expect: { ...R7, timing: 'after-induction' },
  },
  {
    name: 'EGFR exon20ins, oligometastatic → other-targetable, consider (extrapolation), uncommon-egfr',
    rule: 7,
    input: { ...EGFR_OLIGO, egfrVariant: 'exon20ins', therapy: { status: 'naive' } },
    expect: {
      ...R7,
      timing: 'after-induction',
      flags: ['uncommon-egfr'],
      severities: { 'uncommon-egfr': 'info' },
    },
  },
  {
    name: 'EGFR uncommon variant (G719X), oligometastatic',
    rule: 7,
    input: {
      ...EGFR_OLIGO,
      egfrVariant: 'uncommon',
      therapy: { status: 'naive', regimen: 'egfr-tki', agent: 'afatinib' },
    },
    expect: { ...R7, timing: 'after-induction', flags: ['uncommon-egfr', 'tki-pneumonitis'] },
  },
  {
    name: 'EGFR exon20ins with 8 lesions in 2 organs → not oligometastatic (oligo-organ is for common EGFR only)',
    rule: 9,
    input: {
      ...EGFR_OLIGO,
      egfrVariant: 'exon20ins',
      metastases: { count: 8, organs: 2, sites: ['bone', 'liver'] },
    },
    expect: { ...R9, flags: ['uncommon-egfr'] },
  },

  // ======================================= Rule 8: no targetable driver, oligo ============================
  {
    name: 'no driver, 2 liver lesions, treatment-naive → consider after induction, trial preferred',
    rule: 8,
    input: NONE_OLIGO,
    expect: {
      ...R8,
      timing: 'after-induction',
      flags: ['trial-preferred', 'immunotherapy-pneumonitis'],
      notFlags: ['tki-pneumonitis', 'uncommon-egfr'],
    },
  },
  {
    name: 'KRAS G12C counts as no targetable driver (oligo → rule 8)',
    rule: 8,
    input: { ...NONE_OLIGO, histology: 'adenocarcinoma', driver: 'KRAS' },
    expect: { ...R8, timing: 'after-induction', flags: ['trial-preferred'], notFlags: ['tki-pneumonitis'] },
  },
  {
    name: 'no driver, after 2 cycles of chemotherapy → after-induction',
    rule: 8,
    input: {
      ...NONE_OLIGO,
      therapy: { status: 'on-treatment', regimen: 'chemo', cycles: 2, response: 'PR' },
    },
    expect: { ...R8, timing: 'after-induction' },
  },
  {
    name: '§4.8 4 cycles (boundary): no driver, after 3 cycles of chemotherapy, SD → after-induction',
    rule: 8,
    input: {
      ...NONE_OLIGO,
      therapy: { status: 'on-treatment', regimen: 'chemo', cycles: 3, response: 'SD' },
    },
    expect: { ...R8, timing: 'after-induction', notFlags: ['immunotherapy-pneumonitis'] },
  },
  {
    name: 'no driver, after 4 cycles of chemo-IO, SD → now-as-consolidation',
    rule: 8,
    input: { ...NONE_OLIGO, therapy: onChemoIo({ cycles: 4, response: 'SD' }) },
    expect: {
      ...R8,
      timing: 'now-as-consolidation',
      flags: ['immunotherapy-pneumonitis', 'trial-preferred'],
    },
  },
  {
    name: 'no driver, 1.5 months of chemo-IO → after-induction',
    rule: 8,
    input: { ...NONE_OLIGO, therapy: onChemoIo({ months: 1.5 }) },
    expect: { ...R8, timing: 'after-induction' },
  },
  {
    name: '§4.8 3 months (negative): no driver, 2 months of chemo-IO → after-induction',
    rule: 8,
    input: { ...NONE_OLIGO, therapy: onChemoIo({ months: 2 }) },
    expect: { ...R8, timing: 'after-induction' },
  },
  {
    name: '§4.8 3 months (boundary): no driver, exactly 3 months of chemo-IO → now-as-consolidation',
    rule: 8,
    input: { ...NONE_OLIGO, therapy: onChemoIo({ months: 3 }) },
    expect: { ...R8, timing: 'now-as-consolidation' },
  },
  {
    name: 'no driver, 8 weeks of chemo-IO (< 3 months) → after-induction',
    rule: 8,
    input: { ...NONE_OLIGO, therapy: onChemoIo({ weeks: 8 }) },
    expect: { ...R8, timing: 'after-induction' },
  },
  {
    name: '§4.8 3 months (negative): no driver, 9 weeks of chemo-IO → after-induction',
    rule: 8,
    input: { ...NONE_OLIGO, therapy: onChemoIo({ weeks: 9 }) },
    expect: { ...R8, timing: 'after-induction' },
  },
  {
    name: '§4.8 3 months (positive): no driver, 13 weeks of chemo-IO → now-as-consolidation',
    rule: 8,
    input: { ...NONE_OLIGO, therapy: onChemoIo({ weeks: 13 }) },
    expect: { ...R8, timing: 'now-as-consolidation' },
  },
  {
    name: 'no driver, chemotherapy of unknown duration with PR → now-as-consolidation',
    rule: 8,
    input: { ...NONE_OLIGO, therapy: { status: 'on-treatment', regimen: 'chemo', response: 'PR' } },
    expect: { ...R8, timing: 'now-as-consolidation' },
  },
  {
    name: 'no driver, PD-L1 80 %, pembrolizumab planned → immunotherapy-pneumonitis',
    rule: 8,
    input: { ...NONE_OLIGO, pdl1: 80, therapy: { status: 'naive', regimen: 'io', agent: 'pembrolizumab' } },
    expect: {
      ...R8,
      timing: 'after-induction',
      flags: ['immunotherapy-pneumonitis'],
      severities: { 'immunotherapy-pneumonitis': 'warning' },
    },
  },
  {
    name: 'no driver, off chemo-IO after 4 cycles: no immunotherapy-pneumonitis flag',
    rule: 8,
    input: {
      ...NONE_OLIGO,
      therapy: { status: 'off-treatment', regimen: 'chemo-io', cycles: 4, response: 'PR' },
    },
    expect: { verdict: 'consider', notFlags: ['immunotherapy-pneumonitis'] },
  },
  {
    name: 'no driver boundary: exactly 5 lesions in 3 organs → oligometastatic',
    rule: 8,
    input: { ...NONE_OLIGO, metastases: { count: 5, organs: 3, sites: ['bone', 'liver', 'adrenal'] } },
    expect: { ...R8, timing: 'after-induction' },
  },

  // ======================================= Rule 9: non-EGFR-common, polymetastatic ========================
  {
    name: 'no driver, 12 lesions in 4 organs → not-recommended',
    rule: 9,
    input: NONE_POLY,
    expect: { ...R9, notFlags: ['palliative-indication', 'trial-preferred'] },
  },
  {
    name: 'no driver boundary: 6 lesions in 2 organs → polymetastatic',
    rule: 9,
    input: { ...NONE_OLIGO, metastases: { count: 6, organs: 2, sites: ['bone', 'liver'] } },
    expect: { ...R9 },
  },
  {
    name: 'no driver boundary: 4 lesions in 4 organs → polymetastatic',
    rule: 9,
    input: { ...NONE_OLIGO, metastases: { count: 4, organs: 4 } },
    expect: { ...R9 },
  },
  {
    name: 'no driver, single bone lesion plus malignant pleural effusion → polymetastatic',
    rule: 9,
    input: {
      ...NONE_OLIGO,
      metastases: { count: 1, organs: 1, sites: ['bone'] },
      serosalDisease: ['pleural-effusion'],
    },
    expect: { ...R9, flags: ['serosal-disease'] },
  },
  {
    name: 'no driver, 2 lesions plus leptomeningeal disease → polymetastatic',
    rule: 9,
    input: { ...NONE_OLIGO, serosalDisease: ['leptomeningeal'] },
    expect: { ...R9, flags: ['serosal-disease'] },
  },
  {
    name: 'KRAS, 7 lesions in 3 organs → polymetastatic',
    rule: 9,
    input: { ...NONE_OLIGO, driver: 'KRAS', metastases: { count: 7, organs: 3 } },
    expect: { ...R9 },
  },
  {
    name: 'ALK, 6 lesions in 2 organs → not-recommended (no oligo-organ rule outside common EGFR)',
    rule: 9,
    input: { ...ALK_OLIGO, metastases: { count: 6, organs: 2, sites: ['bone', 'liver'] } },
    expect: { ...R9, notFlags: ['tki-pneumonitis'] },
  },
  {
    name: 'ALK, 4 lesions in 4 organs → not-recommended',
    rule: 9,
    input: { ...ALK_OLIGO, metastases: { count: 4, organs: 4 } },
    expect: { ...R9 },
  },
  {
    name: 'ALK with malignant pleural effusion → not-recommended',
    rule: 9,
    input: { ...ALK_OLIGO, serosalDisease: 'pleural-effusion' },
    expect: { ...R9, flags: ['serosal-disease'] },
  },
  {
    name: 'polymetastatic with haemoptysis → not-recommended, palliative RT offered',
    rule: 9,
    input: { ...NONE_POLY, symptoms: ['hemoptysis'] },
    expect: { ...R9, flags: ['palliative-indication'], summary: /palliat/i },
  },
  {
    name: 'polymetastatic with SVC syndrome → palliative indication',
    rule: 9,
    input: { ...NONE_POLY, symptoms: ['svc-syndrome'] },
    expect: { ...R9, flags: ['palliative-indication'], summary: /palliat/i },
  },
  {
    name: 'polymetastatic with airway obstruction → palliative indication',
    rule: 9,
    input: { ...NONE_POLY, symptoms: ['airway-obstruction', 'dyspnea'] },
    expect: { ...R9, flags: ['palliative-indication'], summary: /palliat/i },
  },
  {
    name: 'polymetastatic with chest pain → palliative indication',
    rule: 9,
    input: { ...NONE_POLY, symptoms: ['chest-pain'] },
    expect: { ...R9, flags: ['palliative-indication'] },
  },
  {
    name: 'polymetastatic with cough and dyspnoea only → no palliative indication, no dose',
    rule: 9,
    input: { ...NONE_POLY, symptoms: ['cough', 'dyspnea'] },
    expect: { ...R9, notFlags: ['palliative-indication'] },
  },
  {
    name: 'polymetastatic with ILD stays not-recommended',
    rule: 9,
    input: { ...NONE_POLY, lung: { ild: 'ild' } },
    expect: { ...R9, flags: ['ild'] },
  },
  {
    name: 'polymetastatic with ECOG 2 stays not-recommended',
    rule: 9,
    input: { ...NONE_POLY, ecog: 2 },
    expect: { ...R9, flags: ['ps-borderline'] },
  },
  {
    name: 'polymetastatic with prior thoracic RT stays not-recommended',
    rule: 9,
    input: { ...NONE_POLY, lung: { ild: 'none', priorThoracicRt: true } },
    expect: { ...R9, flags: ['prior-thoracic-rt'] },
  },

  // ======================================= Modifiers: performance status =================================
  {
    name: 'EGFR oligo, ECOG 3 → not-recommended (ps-poor)',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 3 },
    expect: {
      ...FORCED_NO,
      flags: ['ps-poor'],
      severities: { 'ps-poor': 'critical' },
      notFlags: ['ps-borderline'],
    },
  },
  {
    name: 'EGFR oligo, ECOG 4 → not-recommended',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 4 },
    expect: { ...FORCED_NO, flags: ['ps-poor'] },
  },
  {
    name: 'EGFR oligo, ECOG 2 → consider (one-step downgrade), timing kept',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 2 },
    expect: {
      verdict: 'consider',
      timing: 'after-induction',
      flags: ['ps-borderline'],
      severities: { 'ps-borderline': 'warning' },
      notFlags: ['ps-poor'],
    },
  },
  {
    name: 'EGFR oligo, ECOG 2, on osimertinib 8 weeks → consider now-as-consolidation',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 2, therapy: onOsimertinib({ weeks: 8, response: 'PR' }) },
    expect: { verdict: 'consider', timing: 'now-as-consolidation', flags: ['ps-borderline'] },
  },
  {
    name: 'EGFR oligo, ECOG 0 → recommended',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 0 },
    expect: { ...R5, timing: 'after-induction', notFlags: ['ps-borderline', 'ps-poor', 'ps-unknown'] },
  },
  {
    name: 'no driver oligo, ECOG 2: consider stays consider',
    rule: 8,
    input: { ...NONE_OLIGO, ecog: 2 },
    expect: { verdict: 'consider', timing: 'after-induction', flags: ['ps-borderline', 'trial-preferred'] },
  },
  {
    name: 'no driver oligo, ECOG 3 → not-recommended',
    rule: 8,
    input: { ...NONE_OLIGO, ecog: 3 },
    expect: { ...FORCED_NO, flags: ['ps-poor'] },
  },
  {
    name: 'ALK oligo, ECOG 3 → not-recommended',
    rule: 7,
    input: { ...ALK_OLIGO, ecog: 3 },
    expect: { ...FORCED_NO, flags: ['ps-poor'] },
  },

  // ======================================= Modifiers: Karnofsky conversion ================================
  {
    name: 'KPS 100 → ECOG 0 (converted)',
    rule: 5,
    input: { ...omit(EGFR_OLIGO, 'ecog'), karnofsky: 100 },
    expect: {
      ...R5,
      flags: ['ps-converted'],
      severities: { 'ps-converted': 'info' },
      notFlags: ['ps-unknown'],
    },
  },
  {
    name: 'KPS 90 → ECOG 1',
    rule: 5,
    input: { ...omit(EGFR_OLIGO, 'ecog'), karnofsky: 90 },
    expect: { ...R5, flags: ['ps-converted'], notFlags: ['ps-borderline'] },
  },
  {
    name: 'KPS 80 → ECOG 1',
    rule: 5,
    input: { ...omit(EGFR_OLIGO, 'ecog'), karnofsky: 80 },
    expect: { ...R5, flags: ['ps-converted'], notFlags: ['ps-borderline'] },
  },
  {
    name: 'KPS 70 → ECOG 2: ps-borderline, recommended → consider',
    rule: 5,
    input: { ...omit(EGFR_OLIGO, 'ecog'), karnofsky: 70 },
    expect: {
      verdict: 'consider',
      timing: 'after-induction',
      flags: ['ps-converted', 'ps-borderline'],
      notFlags: ['ps-poor'],
    },
  },
  {
    name: 'KPS 60 → ECOG 2',
    rule: 5,
    input: { ...omit(EGFR_OLIGO, 'ecog'), karnofsky: 60 },
    expect: { verdict: 'consider', flags: ['ps-converted', 'ps-borderline'] },
  },
  {
    name: 'KPS 50 → ECOG 3: ps-poor',
    rule: 5,
    input: { ...omit(EGFR_OLIGO, 'ecog'), karnofsky: 50 },
    expect: { ...FORCED_NO, flags: ['ps-converted', 'ps-poor'] },
  },
  {
    name: 'KPS 40 → ECOG 3: ps-poor, not-recommended',
    rule: 5,
    input: { ...omit(EGFR_OLIGO, 'ecog'), karnofsky: 40 },
    expect: { ...FORCED_NO, flags: ['ps-converted', 'ps-poor'], notFlags: ['ps-borderline'] },
  },
  {
    name: 'KPS 30 → ECOG 4',
    rule: 8,
    input: { ...omit(NONE_OLIGO, 'ecog'), karnofsky: 30 },
    expect: { ...FORCED_NO, flags: ['ps-converted', 'ps-poor'] },
  },
  {
    name: 'ECOG stated: neither ps-unknown nor ps-converted',
    rule: 8,
    input: NONE_OLIGO,
    expect: { verdict: 'consider', notFlags: ['ps-unknown', 'ps-converted'] },
  },
  {
    name: 'no ECOG, no KPS: ps-unknown, assumed 0–1 (no downgrade)',
    rule: 8,
    input: omit(NONE_OLIGO, 'ecog'),
    expect: {
      ...R8,
      timing: 'after-induction',
      flags: ['ps-unknown'],
      notFlags: ['ps-converted'],
      assumes: true,
    },
  },

  // ======================================= Modifiers: life expectancy =====================================
  {
    name: 'EGFR oligo, life expectancy 5 months → not-recommended',
    rule: 5,
    input: { ...EGFR_OLIGO, lifeExpectancyMonths: 5 },
    expect: {
      ...FORCED_NO,
      flags: ['limited-life-expectancy'],
      severities: { 'limited-life-expectancy': 'critical' },
    },
  },
  {
    name: 'EGFR oligo, life expectancy 5.9 months → not-recommended',
    rule: 5,
    input: { ...EGFR_OLIGO, lifeExpectancyMonths: 5.9 },
    expect: { ...FORCED_NO, flags: ['limited-life-expectancy'] },
  },
  {
    name: 'EGFR oligo, life expectancy exactly 6 months → recommended',
    rule: 5,
    input: { ...EGFR_OLIGO, lifeExpectancyMonths: 6 },
    expect: { ...R5, timing: 'after-induction', notFlags: ['limited-life-expectancy'] },
  },
  {
    name: 'EGFR oligo, life expectancy 24 months → recommended',
    rule: 5,
    input: { ...EGFR_OLIGO, lifeExpectancyMonths: 24 },
    expect: { ...R5, notFlags: ['limited-life-expectancy'] },
  },
  {
    name: 'no driver oligo, life expectancy 3 months with haemoptysis → not-recommended, palliative RT',
    rule: 8,
    input: { ...NONE_OLIGO, lifeExpectancyMonths: 3, symptoms: ['hemoptysis'] },
    expect: {
      ...FORCED_NO,
      flags: ['limited-life-expectancy', 'palliative-indication'],
      summary: /palliat/i,
    },
  },

  // ======================================= Modifiers: ILD / IPF cap =======================================
  {
    name: 'EGFR oligo with ILD → capped at consider, timing kept',
    rule: 5,
    input: { ...EGFR_OLIGO, lung: { ild: 'ild', priorThoracicRt: false } },
    expect: {
      verdict: 'consider',
      timing: 'after-induction',
      flags: ['ild'],
      severities: { ild: 'critical' },
    },
  },
  {
    name: 'EGFR oligo with IPF → capped at consider',
    rule: 5,
    input: { ...EGFR_OLIGO, lung: { ild: 'ipf', priorThoracicRt: false } },
    expect: { verdict: 'consider', timing: 'after-induction', flags: ['ild'] },
  },
  {
    name: 'no driver oligo with ILD: consider stays consider',
    rule: 8,
    input: { ...NONE_OLIGO, lung: { ild: 'ild' } },
    expect: { verdict: 'consider', timing: 'after-induction', flags: ['ild', 'trial-preferred'] },
  },
  {
    name: 'ALK oligo with IPF: consider stays consider',
    rule: 7,
    input: { ...ALK_OLIGO, lung: { ild: 'ipf' } },
    expect: { verdict: 'consider', timing: 'after-induction', flags: ['ild'] },
  },
  {
    name: 'lung.ild "none": no ILD flag',
    rule: 5,
    input: { ...EGFR_OLIGO, lung: { ild: 'none', priorThoracicRt: false, poorFunction: false } },
    expect: { ...R5, notFlags: ['ild'] },
  },

  // ======================================= Modifiers: prior thoracic RT cap ===============================
  {
    name: 'EGFR oligo with prior thoracic RT → capped at consider',
    rule: 5,
    input: { ...EGFR_OLIGO, lung: { ild: 'none', priorThoracicRt: true } },
    expect: {
      verdict: 'consider',
      timing: 'after-induction',
      flags: ['prior-thoracic-rt'],
      severities: { 'prior-thoracic-rt': 'warning' },
    },
  },
  {
    name: 'no driver oligo with prior thoracic RT: consider stays consider',
    rule: 8,
    input: { ...NONE_OLIGO, lung: { priorThoracicRt: true } },
    expect: { verdict: 'consider', flags: ['prior-thoracic-rt'] },
  },
  {
    name: 'priorThoracicRt false: no flag',
    rule: 5,
    input: EGFR_OLIGO,
    expect: { ...R5, notFlags: ['prior-thoracic-rt'] },
  },

  // ======================================= Modifier combinations ==========================================
  {
    name: 'EGFR oligo, ECOG 2 + ILD → consider (caps and downgrade do not stack below consider)',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 2, lung: { ild: 'ild', priorThoracicRt: false } },
    expect: { verdict: 'consider', timing: 'after-induction', flags: ['ps-borderline', 'ild'] },
  },
  {
    name: 'EGFR oligo, ECOG 2 + IPF + prior thoracic RT → consider',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 2, lung: { ild: 'ipf', priorThoracicRt: true } },
    expect: { verdict: 'consider', flags: ['ps-borderline', 'ild', 'prior-thoracic-rt'] },
  },
  {
    name: 'EGFR oligo, ECOG 3 + ILD → not-recommended',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 3, lung: { ild: 'ild', priorThoracicRt: false } },
    expect: { ...FORCED_NO, flags: ['ps-poor', 'ild'] },
  },
  {
    name: 'EGFR oligo, ECOG 2 + life expectancy 4 months → not-recommended',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 2, lifeExpectancyMonths: 4 },
    expect: { ...FORCED_NO, flags: ['ps-borderline', 'limited-life-expectancy'] },
  },
  {
    name: 'EGFR oligo, ILD + 3 months + haemoptysis → not-recommended, palliative RT',
    rule: 5,
    input: {
      ...EGFR_OLIGO,
      lung: { ild: 'ild' },
      lifeExpectancyMonths: 3,
      symptoms: ['hemoptysis', 'cough'],
    },
    expect: {
      ...FORCED_NO,
      flags: ['ild', 'limited-life-expectancy', 'palliative-indication'],
      summary: /palliat/i,
    },
  },
  {
    name: 'EGFR 8 lesions / 2 organs with ECOG 2 → consider',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 2, metastases: { count: 8, organs: 2, sites: ['bone', 'liver'] } },
    expect: { verdict: 'consider', flags: ['ps-borderline'] },
  },

  // ======================================= Staging completeness ===========================================
  {
    name: '§5 staging-cap (positive): PET-CT not done → staging-incomplete warning, capped at consider',
    rule: 5,
    decidedBy: ['egfr-oligo', 'staging-cap'],
    input: { ...EGFR_OLIGO, staging: { petCt: 'not-done', brainMri: 'done' } },
    expect: {
      ...R5,
      verdict: 'consider',
      timing: 'after-induction',
      flags: ['staging-incomplete'],
      severities: { 'staging-incomplete': 'warning' },
    },
  },
  {
    name: 'brain MRI not done, no driver → warning',
    rule: 8,
    input: { ...NONE_OLIGO, staging: { petCt: 'done', brainMri: 'not-done' } },
    expect: { ...R8, flags: ['staging-incomplete'], severities: { 'staging-incomplete': 'warning' } },
  },
  {
    name: 'brain MRI not stated → staging-incomplete info',
    rule: 5,
    input: { ...EGFR_OLIGO, staging: { petCt: 'done' } },
    expect: { ...R5, flags: ['staging-incomplete'], severities: { 'staging-incomplete': 'info' } },
  },
  {
    name: 'staging not stated at all → info',
    rule: 5,
    input: omit(EGFR_OLIGO, 'staging'),
    expect: { ...R5, flags: ['staging-incomplete'], severities: { 'staging-incomplete': 'info' } },
  },
  {
    name: 'PET-CT not done and brain MRI not stated → warning',
    rule: 8,
    input: { ...NONE_OLIGO, staging: { petCt: 'not-done' } },
    expect: { ...R8, flags: ['staging-incomplete'], severities: { 'staging-incomplete': 'warning' } },
  },
  {
    name: 'PET-CT and brain MRI done → no staging flag',
    rule: 8,
    input: NONE_OLIGO,
    expect: { ...R8, notFlags: ['staging-incomplete'] },
  },

  // ======================================= Brain, pneumonitis, symptoms (other drivers) ====================
  {
    name: 'no driver oligo with untreated asymptomatic brain metastasis',
    rule: 8,
    input: {
      ...NONE_OLIGO,
      brain: 'untreated-asymptomatic',
      metastases: { count: 2, organs: 2, sites: ['liver', 'brain'] },
    },
    expect: { ...R8, flags: ['brain-mets-untreated'], severities: { 'brain-mets-untreated': 'warning' } },
  },
  {
    name: 'ALK with therapy not stated → planned TKI assumed (tki-pneumonitis)',
    rule: 7,
    input: omit(ALK_OLIGO, 'therapy'),
    expect: { ...R7, timing: 'after-induction', flags: ['tki-pneumonitis'] },
  },
  {
    name: 'ALK with a TKI regimen but no status → tki-pneumonitis',
    rule: 7,
    input: { ...ALK_OLIGO, therapy: { regimen: 'other-tki', agent: 'lorlatinib' } },
    expect: { ...R7, flags: ['tki-pneumonitis'] },
  },
  {
    name: 'KRAS, naive, no regimen: planned checkpoint inhibitor flagged, no TKI flag',
    rule: 8,
    input: { ...NONE_OLIGO, driver: 'KRAS' },
    expect: { ...R8, flags: ['immunotherapy-pneumonitis'], notFlags: ['tki-pneumonitis'] },
  },
  {
    name: 'no driver on chemotherapy alone: no immunotherapy flag',
    rule: 8,
    input: { ...NONE_OLIGO, therapy: { status: 'on-treatment', regimen: 'chemo', cycles: 1 } },
    expect: { ...R8, timing: 'after-induction', notFlags: ['immunotherapy-pneumonitis', 'tki-pneumonitis'] },
  },
  {
    name: 'no driver oligo with airway obstruction: consider, palliative indication noted',
    rule: 8,
    input: { ...NONE_OLIGO, symptoms: ['airway-obstruction'] },
    expect: { ...R8, flags: ['palliative-indication'] },
  },
  {
    name: 'EGFR oligo with cough only: no palliative indication',
    rule: 5,
    input: { ...EGFR_OLIGO, symptoms: ['cough'] },
    expect: { ...R5, notFlags: ['palliative-indication'] },
  },

  // ======================================= Location and dose ==============================================
  {
    name: 'EGFR oligo, central primary → central flag, 60 Gy / 30 fx offered',
    rule: 5,
    input: { ...EGFR_OLIGO, primary: { location: 'central', sizeCm: 4, endobronchial: false } },
    expect: {
      ...R5,
      flags: ['central'],
      severities: { central: 'info' },
      notFlags: ['ultracentral'],
      doseIncludes: [[60, 30]],
    },
  },
  {
    name: 'EGFR oligo, ultracentral primary without endobronchial invasion → no 7 Gy × 8',
    rule: 5,
    input: { ...EGFR_OLIGO, primary: { location: 'ultracentral', sizeCm: 3.5, endobronchial: false } },
    expect: {
      ...R5,
      flags: ['ultracentral'],
      severities: { ultracentral: 'warning' },
      doseExcludes: [[56, 8]],
      doseIncludes: [[60, 30]],
    },
  },
  {
    name: 'EGFR oligo, ultracentral + endobronchial → no 7 Gy × 8 and no 60 Gy / 8 fx',
    rule: 5,
    input: { ...EGFR_OLIGO, primary: { location: 'ultracentral', sizeCm: 4, endobronchial: true } },
    expect: {
      ...R5,
      flags: ['ultracentral'],
      doseExcludes: [
        [56, 8],
        [60, 8],
      ],
    },
  },
  {
    name: 'endobronchial invasion with location "peripheral" → ultracentral',
    rule: 8,
    input: { ...NONE_OLIGO, primary: { location: 'peripheral', sizeCm: 2.5, endobronchial: true } },
    expect: {
      ...R8,
      flags: ['ultracentral'],
      doseExcludes: [
        [56, 8],
        [60, 8],
      ],
    },
  },
  {
    name: 'no driver oligo, central primary → central flag',
    rule: 8,
    input: { ...NONE_OLIGO, primary: { location: 'central', sizeCm: 4.5 } },
    expect: { ...R8, flags: ['central'], notFlags: ['ultracentral'] },
  },
  {
    name: 'peripheral primary: neither central nor ultracentral',
    rule: 5,
    input: EGFR_OLIGO,
    expect: { ...R5, notFlags: ['central', 'ultracentral'] },
  },
  {
    name: 'primary not described: no location flags',
    rule: 5,
    input: omit(EGFR_OLIGO, 'primary'),
    expect: { ...R5, notFlags: ['central', 'ultracentral'] },
  },
  {
    name: 'ECOG 2 + ultracentral + endobronchial (EGFR) → consider, safe fractionation only',
    rule: 5,
    input: { ...EGFR_OLIGO, ecog: 2, primary: { location: 'ultracentral', sizeCm: 5, endobronchial: true } },
    expect: {
      verdict: 'consider',
      flags: ['ps-borderline', 'ultracentral'],
      doseExcludes: [
        [56, 8],
        [60, 8],
      ],
    },
  },
  // Lead's later decisions (progressing-site count, planned checkpoint inhibitor, hard stops need stage IV).
  {
    name: 'oligoprogression word but 7 progressing sites → treated as polyprogression',
    rule: 3,
    input: {
      ...EGFR_OLIGO,
      therapy: onOsimertinib({ months: 14, response: 'PD' }),
      progression: { pattern: 'oligoprogression', sites: 7 },
    },
    expect: { verdict: 'not-recommended', timing: 'none' },
  },
  {
    name: 'progressing-site count alone (2 sites, PD) → oligoprogression',
    rule: 4,
    input: {
      ...EGFR_OLIGO,
      therapy: onOsimertinib({ months: 14, response: 'PD' }),
      progression: { sites: 2 },
    },
    expect: { verdict: 'consider', timing: 'at-oligoprogression', notMissing: ['progression'] },
  },
  {
    name: 'driver-negative, therapy not stated → planned checkpoint inhibitor flagged',
    rule: 8,
    input: omit(NONE_OLIGO, 'therapy'),
    expect: { verdict: 'consider', flags: ['immunotherapy-pneumonitis'], assumes: true },
  },
  {
    name: 'driver-negative on chemotherapy alone → no immunotherapy flag',
    rule: 8,
    input: {
      ...NONE_OLIGO,
      therapy: { status: 'on-treatment', regimen: 'chemo', cycles: 4, response: 'PR' },
    },
    expect: { verdict: 'consider', timing: 'now-as-consolidation', notFlags: ['immunotherapy-pneumonitis'] },
  },
  {
    name: 'ECOG 3 but stage not established → still insufficient (could be out of scope)',
    rule: 2,
    input: { histology: 'adenocarcinoma', driver: 'EGFR', egfrVariant: 'ex19del', ecog: 3 },
    expect: { verdict: 'insufficient-information', missing: ['stage'] },
  },
];
