// A mixed set of structured cases for the engine benchmark: the public examples (read from examples/), every
// rule, modifiers, missing facts.
import type { CaseInput } from '../src/engine/index.js';
import { exampleFiles, readExample } from '../src/main/examples.js';

export const BENCH_CASES: CaseInput[] = [
  ...exampleFiles().map((f) => readExample(f) as CaseInput),
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
