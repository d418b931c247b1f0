// A mixed set of structured cases for the engine benchmark: every rule, modifiers, missing facts.
import type { CaseInput } from '../src/engine/index.js';

export const BENCH_CASES: CaseInput[] = [
  {
    histology: 'adenocarcinoma',
    driver: 'EGFR',
    egfrVariant: 'ex19del',
    metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] },
    ecog: 1,
    therapy: { status: 'naive' },
    staging: { petCt: 'done', brainMri: 'done' },
    primary: { location: 'peripheral', sizeCm: 3 },
  },
  {
    driver: 'EGFR',
    egfrVariant: 'L858R',
    metastases: { burden: 'oligo' },
    therapy: { status: 'on-treatment', regimen: 'egfr-tki', agent: 'osimertinib', months: 3, response: 'PR' },
    ecog: 2,
  },
  {
    histology: 'squamous',
    driver: 'none',
    metastases: { count: 2, organs: 1, sites: ['liver'] },
    therapy: { status: 'on-treatment', regimen: 'chemo-io', cycles: 4, response: 'SD' },
    ecog: 0,
  },
  {
    histology: 'adenocarcinoma',
    driver: 'none',
    metastases: { burden: 'poly', sites: ['bone', 'liver'] },
    ecog: 1,
    symptoms: ['hemoptysis'],
  },
  { stage: { group: 'IV' }, histology: 'nsclc-nos', metastases: { count: 3 }, ecog: 1 },
  { driver: 'EGFR', egfrVariant: 'ex19del', metastases: { burden: 'oligo' }, ecog: 3 },
  { stage: { m: 'M1c' }, metastases: { count: 4 } },
  { histology: 'sclc', stage: { m: 'M1b' } },
  {
    driver: 'ALK',
    metastases: { count: 2, organs: 2 },
    therapy: { status: 'on-treatment', regimen: 'other-tki', months: 4, response: 'PR' },
    primary: { location: 'ultracentral', endobronchial: true },
    lung: { ild: 'ipf' },
  },
  {
    driver: 'KRAS',
    metastases: { count: 5, organs: 3 },
    progression: { pattern: 'oligoprogression', primaryProgressing: true },
    therapy: { status: 'on-treatment', regimen: 'io', response: 'PD' },
    primary: { location: 'central' },
    karnofsky: 70,
  },
  {
    driver: 'EGFR',
    metastases: { count: 9, organs: 5 },
    therapy: { status: 'on-treatment', regimen: 'egfr-tki', weeks: 8 },
    serosalDisease: ['pleural-effusion'],
    brain: 'symptomatic',
  },
  {
    driver: 'ROS1',
    metastases: { count: 7, organs: 2 },
    progression: 'polyprogression',
    lifeExpectancyMonths: 4,
    lung: { priorThoracicRt: true },
  },
];
