// Golden cases for every change of decision-spec §8 (ruleset 2026.1.0 → 2026.2.0): positive, negative and
// boundary, with the spec clause in the name and the deciding rules pinned through `decidedBy`.
import type { GoldenCase } from './golden-cases.js';
import type { CaseJson } from './support.js';

const BG: CaseJson = {
  primarySite: 'lung',
  histology: 'adenocarcinoma',
  stage: { t: 'T2a', n: 'N0', m: 'M1c', edition: 8 },
  brain: 'none',
  ecog: 1,
  primary: { location: 'peripheral', sizeCm: 3, endobronchial: false },
  symptoms: [],
  lung: { ild: 'none', priorThoracicRt: false },
  staging: { petCt: 'done', brainMri: 'done' },
};
const EGFR: CaseJson = {
  ...BG,
  driver: 'EGFR',
  egfrVariant: 'ex19del',
  metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] },
  therapy: { status: 'naive', regimen: 'egfr-tki', agent: 'osimertinib' },
};
const NONE: CaseJson = {
  ...BG,
  driver: 'none',
  metastases: { count: 2, organs: 2, sites: ['bone', 'liver'] },
  therapy: { status: 'naive', regimen: 'chemo-io' },
};
const { driver: _d, ...NO_DRIVER_STATED } = NONE;
/** Progression after induction chemo-immunotherapy (the oligoprogression cases). */
const PD_ON_CHEMO_IO: CaseJson['therapy'] = {
  status: 'on-treatment',
  regimen: 'chemo-io',
  cycles: 6,
  response: 'PD',
};
const R5 = { verdict: 'recommended', evidence: 'phase-3-rct' } as const;
const R8 = { verdict: 'consider', evidence: 'phase-2-rct' } as const;

const panel: GoldenCase[] = [
  {
    name: '§2 panel-incomplete (positive): EGFR/ALK/ROS1 negative → driver none, flagged, consider (rule 8)',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NO_DRIVER_STATED, negativeFor: ['EGFR', 'ALK', 'ROS1'] },
    expect: {
      ...R8,
      timing: 'after-induction',
      flags: ['panel-incomplete', 'trial-preferred'],
      notMissing: ['driver'],
      assumption: /EGFR negative; BRAF, KRAS, MET, RET, NTRK, HER2 not reported/,
    },
  },
  {
    name: '§2 panel-incomplete (positive): EGFR wt alone, polymetastatic → rule 9',
    rule: 9,
    decidedBy: ['polymetastatic'],
    input: { ...NO_DRIVER_STATED, negativeFor: ['EGFR'], metastases: { count: 9, organs: 4 } },
    expect: { verdict: 'not-recommended', flags: ['panel-incomplete'], notMissing: ['driver'] },
  },
  {
    name: '§2 panel-incomplete (negative): a global "driver negative" is a complete panel',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE },
    expect: { ...R8, notFlags: ['panel-incomplete'] },
  },
  {
    name: '§2 panel-incomplete (boundary): all nine standard genes negative → complete panel, no flag',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: {
      ...NO_DRIVER_STATED,
      negativeFor: ['EGFR', 'ALK', 'ROS1', 'BRAF', 'KRAS', 'MET', 'RET', 'NTRK', 'HER2'],
    },
    expect: { ...R8, notFlags: ['panel-incomplete'] },
  },
  {
    name: '§2 panel (negative): ALK negative alone leaves the driver missing; no what-if proposes ALK',
    rule: 2,
    decidedBy: ['critical-facts'],
    input: { ...NO_DRIVER_STATED, negativeFor: ['ALK'] },
    expect: {
      verdict: 'insufficient-information',
      missing: ['driver'],
      notFlags: ['panel-incomplete'],
      whatIfNot: /\bALK\b/,
      whatIf: [{ if: /EGFR/, verdict: 'recommended' }],
    },
  },
  {
    name: '§2 what-if (boundary): every other targetable gene negative → only EGFR and none are proposed',
    rule: 2,
    decidedBy: ['critical-facts'],
    input: { ...NO_DRIVER_STATED, negativeFor: ['ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2'] },
    expect: {
      verdict: 'insufficient-information',
      missing: ['driver'],
      whatIfNot: /another targetable/,
      whatIf: [
        { if: /EGFR/, verdict: 'recommended' },
        { if: /driver = none/, verdict: 'consider' },
      ],
    },
  },
];

const sharedBranches: GoldenCase[] = [
  {
    name: '§2 shared verdict (positive): driver missing at oligoprogression → consider, driver still missing',
    rule: 4,
    decidedBy: ['oligoprogression'],
    input: {
      ...NO_DRIVER_STATED,
      therapy: PD_ON_CHEMO_IO,
      progression: { pattern: 'oligoprogression', sites: 2, primaryProgressing: false },
    },
    expect: { verdict: 'consider', timing: 'at-oligoprogression', missing: ['driver'] },
  },
  {
    name: '§2 shared verdict (positive): driver missing at polyprogression → not recommended',
    rule: 3,
    decidedBy: ['polyprogression'],
    input: {
      ...NO_DRIVER_STATED,
      therapy: { status: 'on-treatment', regimen: 'io', agent: 'pembrolizumab', response: 'PD' },
      progression: { pattern: 'polyprogression' },
    },
    expect: { verdict: 'not-recommended', timing: 'none', missing: ['driver'] },
  },
  {
    name: '§2 shared verdict (negative): driver missing, oligometastatic → branches differ, insufficient',
    rule: 2,
    decidedBy: ['critical-facts'],
    input: { ...NO_DRIVER_STATED },
    expect: {
      verdict: 'insufficient-information',
      missing: ['driver'],
      whatIfVerdicts: ['recommended', 'consider'],
    },
  },
];

const progression: GoldenCase[] = [
  {
    name: '§4.2 progression decides without a burden (positive): widespread progression on pembrolizumab',
    rule: 3,
    decidedBy: ['polyprogression'],
    input: {
      histology: 'adenocarcinoma',
      driver: 'none',
      ecog: 1,
      therapy: { status: 'on-treatment', regimen: 'io', agent: 'pembrolizumab', response: 'PD' },
      progression: { pattern: 'polyprogression' },
    },
    expect: {
      verdict: 'not-recommended',
      notMissing: ['metastases'],
      notFlags: ['immunotherapy-pneumonitis'],
    },
  },
  {
    name: '§4.2 progression decides without a burden (positive): oligoprogression, burden not stated',
    rule: 4,
    decidedBy: ['oligoprogression'],
    input: {
      histology: 'adenocarcinoma',
      driver: 'none',
      ecog: 1,
      therapy: { status: 'on-treatment', regimen: 'chemo-io', response: 'PD' },
      progression: { pattern: 'oligoprogression', sites: 2 },
    },
    expect: { verdict: 'consider', timing: 'at-oligoprogression', notMissing: ['metastases', 'progression'] },
  },
  {
    name: '§4.2 stated progression never dropped (positive): 2 progressing sites, primary stable, response SD',
    rule: 4,
    decidedBy: ['oligoprogression'],
    input: {
      ...NONE,
      therapy: { status: 'on-treatment', regimen: 'chemo-io', cycles: 6, response: 'SD' },
      progression: { sites: 2, primaryProgressing: false },
    },
    expect: { verdict: 'consider', timing: 'at-oligoprogression' },
  },
  {
    name: '§4.2 progression (negative): PD without a pattern → the pattern is missing',
    rule: 2,
    decidedBy: ['critical-facts'],
    input: { ...NONE, therapy: { status: 'on-treatment', regimen: 'chemo-io', response: 'PD' } },
    expect: { verdict: 'insufficient-information', missing: ['progression'] },
  },
];

const egfrTiming: GoldenCase[] = [
  {
    name: '§4.5 EGFR timing (positive): TKI-naive → after-induction, upfront stated as the alternative',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR },
    expect: {
      ...R5,
      timing: 'after-induction',
      statement: [/Upfront is the other evidence-based option/, /6–12 weeks/],
      summary: /^Recommended: definitive thoracic RT after induction for EGFR-mutant oligometastatic NSCLC/,
    },
  },
  {
    name: '§4.5 EGFR timing (boundary): exactly 6 weeks on osimertinib → now-as-consolidation',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: {
      ...EGFR,
      therapy: { status: 'on-treatment', regimen: 'egfr-tki', agent: 'osimertinib', weeks: 6 },
    },
    expect: { ...R5, timing: 'now-as-consolidation', statementNot: [/Upfront is the other/] },
  },
  {
    name: '§4.5 TKI-generation statement (positive): both phase III trials used first-generation TKIs',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR },
    expect: { ...R5, statement: [/first-generation TKIs/, /NorthStar \(phase II, PFS only\)/] },
  },
];

const caps: GoldenCase[] = [
  {
    name: '§5 staging-cap (positive): brain MRI not done → consider, summary says why',
    rule: 5,
    decidedBy: ['egfr-oligo', 'staging-cap'],
    input: { ...EGFR, staging: { petCt: 'done', brainMri: 'not-done' } },
    expect: {
      ...R5,
      verdict: 'consider',
      flags: ['staging-incomplete'],
      summary: /lowered for staging not complete/,
    },
  },
  {
    name: '§5 staging-cap (negative): staging not stated → recommended, info flag, assumed complete',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR, staging: undefined },
    expect: {
      ...R5,
      flags: ['staging-incomplete'],
      severities: { 'staging-incomplete': 'info' },
      assumption: /staging assumed complete/,
    },
  },
  {
    name: '§5 brain-symptomatic-cap (negative): untreated asymptomatic brain metastases → still recommended',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR, brain: 'untreated-asymptomatic' },
    expect: { ...R5, flags: ['brain-mets-untreated'] },
  },
  {
    name: '§5 caps (boundary): symptomatic brain metastases and staging not done → consider, both caps listed once',
    rule: 5,
    decidedBy: ['egfr-oligo', 'staging-cap'],
    input: { ...EGFR, brain: 'symptomatic', staging: { petCt: 'not-done', brainMri: 'done' } },
    expect: { ...R5, verdict: 'consider' },
  },
  {
    name: '§5 caps only lower: no-driver consider with staging not done stays consider (cap not listed)',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE, staging: { petCt: 'not-done', brainMri: 'not-done' } },
    expect: { ...R8, flags: ['staging-incomplete'] },
  },
];

const psConflict: GoldenCase[] = [
  {
    name: '§5 ps-conflict (positive): ECOG 1 with KPS 60 → stated ECOG used, conflict flagged',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR, karnofsky: 60 },
    expect: { ...R5, flags: ['ps-conflict'], notFlags: ['ps-converted', 'ps-borderline'] },
  },
  {
    name: '§5 ps-conflict (negative): ECOG 1 with KPS 80 agree → no flag',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR, karnofsky: 80 },
    expect: { ...R5, notFlags: ['ps-conflict'] },
  },
  {
    name: '§5 ps-conflict (boundary): ECOG 2 with KPS 70 agree (Ma 2010) → no conflict, borderline applies',
    rule: 5,
    decidedBy: ['egfr-oligo', 'ps-borderline'],
    input: { ...EGFR, ecog: 2, karnofsky: 70 },
    expect: { ...R5, verdict: 'consider', flags: ['ps-borderline'], notFlags: ['ps-conflict'] },
  },
];

const onTable: GoldenCase[] = [
  {
    name: '§5 safety flags on the table (negative): EGFR with ECOG 3 → no TKI pneumonitis flag',
    rule: 5,
    decidedBy: ['egfr-oligo', 'ps-poor'],
    input: { ...EGFR, ecog: 3 },
    expect: { verdict: 'not-recommended', flags: ['ps-poor'], notFlags: ['tki-pneumonitis'] },
  },
  {
    name: '§5 safety flags on the table (positive): ECOG 3 with haemoptysis → palliative RT, TKI flag shown',
    rule: 5,
    decidedBy: ['egfr-oligo', 'ps-poor'],
    input: { ...EGFR, ecog: 3, symptoms: ['hemoptysis'] },
    expect: { verdict: 'not-recommended', flags: ['palliative-indication', 'tki-pneumonitis'] },
  },
  {
    name: '§5 safety flags on the table (negative): insufficient information → no IO flag',
    rule: 2,
    decidedBy: ['critical-facts'],
    input: { ...NONE, metastases: undefined },
    expect: { verdict: 'insufficient-information', notFlags: ['immunotherapy-pneumonitis'] },
  },
  {
    name: '§5 trial-preferred only on a final consider (negative): no driver, ECOG 3',
    rule: 8,
    decidedBy: ['no-driver-oligo', 'ps-poor'],
    input: { ...NONE, ecog: 3 },
    expect: { verdict: 'not-recommended', notFlags: ['trial-preferred'] },
  },
  {
    name: '§5 trial-preferred (positive): EGFR in 4 organs stays consider → trial preferred',
    rule: 6,
    decidedBy: ['egfr-beyond-oligo-organ'],
    input: { ...EGFR, metastases: { count: 4, organs: 4 } },
    expect: { verdict: 'consider', flags: ['trial-preferred'], summary: /more than 3 organs/ },
  },
  {
    name: '§5 osimertinib series (positive): osimertinib planned → 63.6% figure beside Jia 2021',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR },
    expect: { ...R5, flagText: { 'tki-pneumonitis': /63\.6%/ } },
  },
  {
    name: '§5 osimertinib series (negative): gefitinib → first-generation figure, no osimertinib series in the flag',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR, therapy: { status: 'naive', regimen: 'egfr-tki', agent: 'gefitinib' } },
    expect: { ...R5, flagText: { 'tki-pneumonitis': /^(?!.*63\.6).*44\.8%/ } },
  },
];

const scopeAndWording: GoldenCase[] = [
  {
    name: '§4.1 metachronous stage IV (positive): metastases now after chest chemoradiation → in scope, capped',
    rule: 5,
    decidedBy: ['egfr-oligo', 'prior-thoracic-rt-cap'],
    input: {
      driver: 'EGFR',
      egfrVariant: 'L858R',
      metastases: { count: 1, organs: 1, sites: ['liver'] },
      ecog: 1,
      therapy: { status: 'naive', regimen: 'egfr-tki', agent: 'osimertinib' },
      lung: { priorThoracicRt: true },
    },
    expect: {
      ...R5,
      verdict: 'consider',
      timing: 'after-induction',
      flags: ['prior-thoracic-rt', 'tki-pneumonitis'],
      statement: [/re-irradiation dose depends on the prior plan/],
    },
  },
  {
    name: '§4.1 scope (positive): a non-lung primary → not applicable',
    rule: 1,
    decidedBy: ['scope-non-lung'],
    input: { ...NONE, primarySite: 'non-lung', driver: 'KRAS' },
    expect: { verdict: 'not-applicable', summary: /non-lung primary/ },
  },
  {
    name: '§4.5 honest population (positive): 8 lesions in 2 organs is oligo-organ, not oligometastatic',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR, metastases: { count: 8, organs: 2 } },
    expect: {
      ...R5,
      summary: /oligo-organ \(≤3 organs\)/,
      statement: [/treated the primary and involved nodes \(60 Gy \/ 30\), not every metastasis/],
    },
  },
  {
    name: '§4.5 honest population (boundary): exactly 5 lesions in 3 organs is oligometastatic',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR, metastases: { count: 5, organs: 3 } },
    expect: { ...R5, summary: /oligometastatic/, statementNot: [/is oligo-organ, not oligometastatic/] },
  },
  {
    name: '§4.6 honest reason (positive): serosal disease is named, never "more than 3 organs"',
    rule: 6,
    decidedBy: ['egfr-beyond-oligo-organ'],
    input: { ...EGFR, serosalDisease: ['pleural-effusion'] },
    expect: {
      verdict: 'consider',
      evidence: 'retrospective',
      summary: /serosal disease/,
      statement: [/NROG-002's oligo-organ population ended at 3 metastatic organs/],
      statementNot: [/do not apply/],
    },
  },
];

const dose: GoldenCase[] = [
  {
    name: '§6 dose (positive): central 7 cm, no driver → no ≤5-fraction SBRT, 60 Gy / 30 with OAR limits',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE, primary: { location: 'central', sizeCm: 7, endobronchial: false } },
    expect: {
      ...R8,
      doseIncludes: [[60, 30]],
      doseExcludes: [
        [60, 5],
        [50, 5],
        [50, 4],
      ],
      statement: [/oesophagitis/, /pericarditis mean dose <26 Gy/, /^Only 60 Gy \/ 30 fx fits this case/],
    },
  },
  {
    name: '§6 dose (boundary): central 5 cm N0 → 50–60 Gy / 5 (RTOG 0813) offered',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE, primary: { location: 'central', sizeCm: 5, endobronchial: false } },
    expect: { ...R8, doseIncludes: [[60, 5]], doseExcludes: [[54, 3]] },
  },
  {
    name: '§6 dose (negative): node-positive ultracentral → no 60 Gy / 8',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: {
      ...NONE,
      stage: { n: 'N1', m: 'M1b' },
      primary: { location: 'ultracentral', sizeCm: 4, endobronchial: false },
    },
    expect: { ...R8, doseIncludes: [[60, 30]], doseExcludes: [[60, 8]] },
  },
  {
    name: '§6 dose (positive): ultracentral N0 4 cm without endobronchial invasion → 60 Gy / 8 (SUNSET)',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE, primary: { location: 'ultracentral', sizeCm: 4, endobronchial: false } },
    expect: {
      ...R8,
      doseIncludes: [
        [60, 8],
        [60, 30],
      ],
      flags: ['ultracentral'],
    },
  },
  {
    name: '§6 dose (boundary): ultracentral N0 6.5 cm → beyond SUNSET, 60 Gy / 30 only',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE, primary: { location: 'ultracentral', sizeCm: 6.5, endobronchial: false } },
    expect: { ...R8, doseIncludes: [[60, 30]], doseExcludes: [[60, 8]] },
  },
  {
    name: '§6 dose (negative): progressing endobronchial primary at oligoprogression → no 5-fraction SBRT',
    rule: 4,
    decidedBy: ['oligoprogression'],
    input: {
      ...NONE,
      primary: { location: 'central', sizeCm: 3, endobronchial: true },
      therapy: PD_ON_CHEMO_IO,
      progression: { pattern: 'oligoprogression', sites: 2, primaryProgressing: true },
    },
    expect: {
      verdict: 'consider',
      doseIncludes: [[60, 30]],
      doseExcludes: [
        [50, 5],
        [33, 3],
      ],
    },
  },
  {
    name: '§6 dose (negative): progressing central 5.1 cm primary at oligoprogression → no ≤5-fraction SBRT',
    rule: 4,
    decidedBy: ['oligoprogression'],
    input: {
      ...NONE,
      primary: { location: 'central', sizeCm: 5.1, endobronchial: false },
      therapy: PD_ON_CHEMO_IO,
      progression: { pattern: 'oligoprogression', sites: 2, primaryProgressing: true },
    },
    expect: {
      verdict: 'consider',
      doseIncludes: [[60, 30]],
      doseExcludes: [
        [50, 5],
        [33, 3],
      ],
    },
  },
  {
    name: '§6 dose (boundary): primary not stated as progressing or controlled, central 5.1 cm → SBRT to the progressing sites only with the assumption stated',
    rule: 4,
    decidedBy: ['oligoprogression'],
    input: {
      ...NONE,
      primary: { location: 'central', sizeCm: 5.1, endobronchial: false },
      therapy: PD_ON_CHEMO_IO,
      progression: { pattern: 'oligoprogression', sites: 2 },
    },
    expect: {
      verdict: 'consider',
      doseIncludes: [[50, 5]],
      assumption: /primary is not a progressing site outside SBRT’s location rules/,
    },
  },
  {
    name: '§6 dose (boundary): progressing central 5 cm primary → 5 fractions, not the peripheral 3-fraction schedule',
    rule: 4,
    decidedBy: ['oligoprogression'],
    input: {
      ...NONE,
      primary: { location: 'central', sizeCm: 5, endobronchial: false },
      therapy: PD_ON_CHEMO_IO,
      progression: { pattern: 'oligoprogression', sites: 2, primaryProgressing: true },
    },
    expect: { verdict: 'consider', doseIncludes: [[50, 5]], doseExcludes: [[33, 3]] },
  },
  {
    name: '§6 dose (positive): progressing peripheral 3 cm primary → SBRT to the progressing sites offered',
    rule: 4,
    decidedBy: ['oligoprogression'],
    input: {
      ...NONE,
      therapy: PD_ON_CHEMO_IO,
      progression: { pattern: 'oligoprogression', sites: 2, primaryProgressing: true },
    },
    expect: { verdict: 'consider', doseIncludes: [[50, 5]] },
  },
  {
    name: '§6 dose (negative): IPF → no SBRT of ≤8 fractions, 54 Gy / 3 never first',
    rule: 5,
    decidedBy: ['egfr-oligo', 'ild-cap'],
    input: { ...EGFR, lung: { ild: 'ipf', priorThoracicRt: false } },
    expect: {
      ...R5,
      verdict: 'consider',
      doseIncludes: [[60, 30]],
      doseExcludes: [
        [54, 3],
        [40, 5],
        [48, 4],
      ],
      statement: [/no SBRT of 8 fractions or fewer is offered by default/],
    },
  },
  {
    name: '§6 dose (negative): prior thoracic RT → no standard schedule, re-irradiation statement',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE, lung: { ild: 'none', priorThoracicRt: true } },
    expect: {
      ...R8,
      doseExcludes: [
        [60, 30],
        [54, 3],
      ],
      statement: [/re-irradiation/],
    },
  },
  {
    name: '§6 dose (positive): peripheral 3 cm N0 → the three peripheral SBRT schedules, never 60 Gy / 15',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE },
    expect: {
      ...R8,
      doseIncludes: [
        [54, 3],
        [48, 4],
        [50, 5],
      ],
      doseExcludes: [[60, 15]],
    },
  },
  {
    name: '§6 dose (unknown facts): nodal stage not stated → SBRT offered with "assumes node-negative"',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE, stage: { m: 'M1b' } },
    expect: { ...R8, doseIncludes: [[54, 3]], assumption: /54 Gy \/ 3 fx: assumes node-negative/ },
  },
  {
    name: '§6 dose (unknown facts): location not stated → no SBRT assumed, 60 Gy / 30 only',
    rule: 8,
    decidedBy: ['no-driver-oligo'],
    input: { ...NONE, primary: undefined },
    expect: {
      ...R8,
      doseIncludes: [[60, 30]],
      doseExcludes: [
        [54, 3],
        [50, 5],
      ],
    },
  },
  {
    name: '§6 dose (positive): EGFR central N2 → NROG-002 60 Gy / 30 first, SINDAS 25–40 Gy / 5 offered',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: {
      ...EGFR,
      stage: { n: 'N2', m: 'M1b' },
      primary: { location: 'central', sizeCm: 4, endobronchial: false },
    },
    expect: {
      ...R5,
      doseIncludes: [
        [60, 30],
        [40, 5],
      ],
      doseExcludes: [[60, 5]],
      firstDose: [60, 30],
    },
  },
];

const citationFixes: GoldenCase[] = [
  {
    name: '§2/§8 serosal exclusion cited to ASTRO/ESTRO 2023 only (positive): pleural effusion, the flag cites nothing else',
    rule: 9,
    input: { ...NONE, serosalDisease: ['pleural-effusion'] },
    expect: {
      verdict: 'not-recommended',
      flags: ['serosal-disease'],
      flagCitations: { 'serosal-disease': ['astro-estro-2023'] },
    },
  },
  {
    name: '§2/§8 serosal exclusion (negative): no serosal disease → no serosal flag',
    rule: 8,
    input: { ...NONE },
    expect: { ...R8, notFlags: ['serosal-disease'] },
  },
  {
    name: '§2/§8 serosal exclusion (boundary): kind not stated (true) → same flag, same single citation',
    rule: 9,
    input: { ...NONE, serosalDisease: true },
    expect: { verdict: 'not-recommended', flagCitations: { 'serosal-disease': ['astro-estro-2023'] } },
  },
  {
    name: '§5/§8 central flag (positive): its schedules cited to the trials that contain them (RTOG 0813, Chang 2014)',
    rule: 8,
    input: { ...NONE, primary: { location: 'central', sizeCm: 3, endobronchial: false } },
    expect: {
      ...R8,
      flags: ['central'],
      flagText: { central: /RTOG 0813.*Chang 2014/ },
      flagCitations: { central: ['rtog-0813', 'chang-2014'] },
    },
  },
  {
    name: '§5/§8 central flag (negative): peripheral primary → no central flag',
    rule: 8,
    input: { ...NONE },
    expect: { ...R8, notFlags: ['central', 'ultracentral'] },
  },
  {
    name: '§6/§8 NorthStar subgroup figures (positive): cited to the page that reports them, not the trial record',
    rule: 6,
    decidedBy: ['egfr-beyond-oligo-organ'],
    input: { ...EGFR, metastases: { count: 8, organs: 4 } },
    expect: {
      verdict: 'consider',
      flags: ['trial-preferred'],
      statementCitations: [
        [/NorthStar >3 lesions subgroup/, ['nrog-002', 'sindas', 'hsu-2021', 'northstar-subgroups']],
      ],
      flagCitations: { 'trial-preferred': ['hsu-2021', 'northstar-subgroups'] },
    },
  },
  {
    name: '§6/§8 IASLC 2026 wording (positive): the statement resting on the consensus says it is as described',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR },
    expect: { ...R5, statement: [/as the consensus is described in the commentary/] },
  },
];

const burdenWord: GoldenCase[] = [
  {
    name: '§2 counts win over a burden word (positive): 3 lesions in 2 organs called "widespread" → oligometastatic',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR, metastases: { count: 3, organs: 2, burden: 'poly' } },
    expect: { ...R5, assumption: /lesion counts and the burden word disagree; the counts were used/ },
  },
  {
    name: '§2 counts win over a burden word (boundary): 6 lesions called "oligo" → polymetastatic (rule 9)',
    rule: 9,
    decidedBy: ['polymetastatic'],
    input: { ...NONE, metastases: { count: 6, organs: 2, burden: 'oligo' } },
    expect: { verdict: 'not-recommended', assumption: /the counts were used/ },
  },
  {
    name: '§2 counts and burden word (negative): they agree → no disagreement assumed',
    rule: 8,
    input: { ...NONE, metastases: { count: 2, organs: 2, burden: 'oligo' } },
    expect: { ...R8, assumptionNot: /burden word disagree/ },
  },
];

const egfrVariant: GoldenCase[] = [
  {
    name: '§2 EGFR without a named variant (positive): treated as common, and the assumption says so',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...Object.fromEntries(Object.entries(EGFR).filter(([k]) => k !== 'egfrVariant')) },
    expect: { ...R5, assumption: /^EGFR variant not stated: treated as a common sensitising mutation$/ },
  },
  {
    name: '§2 EGFR with a named variant (negative): ex19del → no variant assumption',
    rule: 5,
    decidedBy: ['egfr-oligo'],
    input: { ...EGFR },
    expect: { ...R5, assumptionNot: /EGFR variant not stated/ },
  },
  {
    name: '§2 EGFR exon 20 insertion (boundary): other-targetable, no common-mutation assumption',
    rule: 7,
    input: { ...EGFR, egfrVariant: 'exon20ins' },
    expect: {
      verdict: 'consider',
      evidence: 'extrapolation',
      flags: ['uncommon-egfr'],
      assumptionNot: /EGFR variant/,
    },
  },
];

export const GOLDEN_2026_2: GoldenCase[] = [
  ...panel,
  ...citationFixes,
  ...burdenWord,
  ...egfrVariant,
  ...sharedBranches,
  ...progression,
  ...egfrTiming,
  ...caps,
  ...psConflict,
  ...onTable,
  ...scopeAndWording,
  ...dose,
];
