// Invalid structured cases: the engine answers with issues (never throws), each naming the field.
import { describe, expect, it } from 'vitest';
import { type CaseIssue, evaluate } from '../../src/engine/index.js';
import { type CaseJson, evaluateOk, flagCodes, NOW, omit } from './support.js';

const VALID: CaseJson = {
  histology: 'adenocarcinoma',
  stage: { t: 'T2a', n: 'N0', m: 'M1c', edition: 8 },
  driver: 'EGFR',
  egfrVariant: 'ex19del',
  metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] },
  ecog: 1,
  therapy: { status: 'naive', regimen: 'egfr-tki', agent: 'osimertinib' },
  primary: { location: 'peripheral', sizeCm: 3 },
  staging: { petCt: 'done', brainMri: 'done' },
};

const VALID_NO_DRIVER = omit(VALID, 'driver', 'egfrVariant');

function issuesOf(input: unknown): CaseIssue[] {
  let result: ReturnType<typeof evaluate> | undefined;
  expect(() => {
    result = evaluate(input, { now: NOW });
  }).not.toThrow();
  if (!result) throw new Error('no result');
  expect(result.ok, 'the case must be rejected').toBe(false);
  const issues = result.ok ? [] : result.issues;
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.message.trim().length, 'every issue says what is wrong').toBeGreaterThan(0);
  }
  return issues;
}

const paths = (issues: CaseIssue[]) => issues.map((i) => i.path);

/** Invalid value → the dotted path that must be reported. */
const INVALID_FIELDS: { name: string; input: Record<string, unknown>; path: string }[] = [
  { name: 'ECOG 7', input: { ...VALID, ecog: 7 }, path: 'ecog' },
  { name: 'ECOG -1', input: { ...VALID, ecog: -1 }, path: 'ecog' },
  { name: 'ECOG 1.5', input: { ...VALID, ecog: 1.5 }, path: 'ecog' },
  { name: 'ECOG as a word', input: { ...VALID, ecog: 'good' }, path: 'ecog' },
  { name: 'Karnofsky 75 (not a step of 10)', input: { ...VALID, karnofsky: 75 }, path: 'karnofsky' },
  { name: 'Karnofsky 110', input: { ...VALID, karnofsky: 110 }, path: 'karnofsky' },
  {
    name: '6 organs with 2 lesions',
    input: { ...VALID, metastases: { count: 2, organs: 6 } },
    path: 'metastases.organs',
  },
  {
    name: '0 organs with 3 lesions',
    input: { ...VALID, metastases: { count: 3, organs: 0 } },
    path: 'metastases.organs',
  },
  { name: 'negative lesion count', input: { ...VALID, metastases: { count: -1 } }, path: 'metastases.count' },
  {
    name: 'fractional lesion count',
    input: { ...VALID, metastases: { count: 2.5 } },
    path: 'metastases.count',
  },
  {
    name: 'burden word "some"',
    input: { ...VALID, metastases: { burden: 'some' } },
    path: 'metastases.burden',
  },
  { name: 'primary size -1 cm', input: { ...VALID, primary: { sizeCm: -1 } }, path: 'primary.sizeCm' },
  { name: 'primary size 0 cm', input: { ...VALID, primary: { sizeCm: 0 } }, path: 'primary.sizeCm' },
  { name: 'primary size 45 cm', input: { ...VALID, primary: { sizeCm: 45 } }, path: 'primary.sizeCm' },
  {
    name: 'primary location "hilar"',
    input: { ...VALID, primary: { location: 'hilar' } },
    path: 'primary.location',
  },
  { name: 'driver "EGFX"', input: { ...VALID_NO_DRIVER, driver: 'EGFX' }, path: 'driver' },
  { name: 'driver as a number', input: { ...VALID_NO_DRIVER, driver: 42 }, path: 'driver' },
  { name: 'egfrVariant "T790M"', input: { ...VALID, egfrVariant: 'T790M' }, path: 'egfrVariant' },
  {
    name: 'egfrVariant with driver ALK',
    input: { ...VALID, driver: 'ALK', egfrVariant: 'L858R' },
    path: 'egfrVariant',
  },
  { name: 'histology "carcinoid"', input: { ...VALID, histology: 'carcinoid' }, path: 'histology' },
  { name: 'stage M2', input: { ...VALID, stage: { m: 'M2' } }, path: 'stage.m' },
  { name: 'stage T9', input: { ...VALID, stage: { t: 'T9', m: 'M1c' } }, path: 'stage.t' },
  { name: 'stage N5', input: { ...VALID, stage: { n: 'N5', m: 'M1c' } }, path: 'stage.n' },
  { name: 'TNM edition 7', input: { ...VALID, stage: { m: 'M1c', edition: 7 } }, path: 'stage.edition' },
  { name: 'stage group V', input: { ...VALID, stage: { group: 'V' } }, path: 'stage.group' },
  { name: 'PD-L1 120 %', input: { ...VALID, pdl1: 120 }, path: 'pdl1' },
  {
    name: 'life expectancy -2 months',
    input: { ...VALID, lifeExpectancyMonths: -2 },
    path: 'lifeExpectancyMonths',
  },
  { name: 'brain "many"', input: { ...VALID, brain: 'many' }, path: 'brain' },
  {
    name: 'therapy status "planned"',
    input: { ...VALID, therapy: { status: 'planned' } },
    path: 'therapy.status',
  },
  {
    name: 'therapy regimen "radiation"',
    input: { ...VALID, therapy: { regimen: 'radiation' } },
    path: 'therapy.regimen',
  },
  {
    name: 'therapy response "great"',
    input: { ...VALID, therapy: { response: 'great' } },
    path: 'therapy.response',
  },
  {
    name: 'therapy cycles 2.5',
    input: { ...VALID, therapy: { status: 'on-treatment', cycles: 2.5 } },
    path: 'therapy.cycles',
  },
  {
    name: 'therapy months -3',
    input: { ...VALID, therapy: { status: 'on-treatment', months: -3 } },
    path: 'therapy.months',
  },
  {
    name: 'progression pattern "mixed"',
    input: { ...VALID, progression: { pattern: 'mixed' } },
    path: 'progression.pattern',
  },
  { name: 'lung.ild "copd"', input: { ...VALID, lung: { ild: 'copd' } }, path: 'lung.ild' },
  {
    name: 'lung.priorThoracicRt "2019"',
    input: { ...VALID, lung: { priorThoracicRt: '2019' } },
    path: 'lung.priorThoracicRt',
  },
  { name: 'staging.petCt "maybe"', input: { ...VALID, staging: { petCt: 'maybe' } }, path: 'staging.petCt' },
  { name: 'primarySite "breast"', input: { ...VALID, primarySite: 'breast' }, path: 'primarySite' },
];

describe('invalid values are reported at their field', () => {
  it.each(INVALID_FIELDS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(paths(issuesOf(c.input))).toContain(c.path);
  });

  it('an unknown symptom is reported under symptoms', () => {
    const issues = issuesOf({ ...VALID, symptoms: ['hemoptysis', 'sneezing'] });
    expect(paths(issues).some((p) => p.startsWith('symptoms'))).toBe(true);
  });

  it('an unknown metastasis site is reported under metastases.sites', () => {
    const issues = issuesOf({ ...VALID, metastases: { count: 1, sites: ['spleen'] } });
    expect(paths(issues).some((p) => p.startsWith('metastases.sites'))).toBe(true);
  });

  it('an unknown serosal kind is reported under serosalDisease', () => {
    const issues = issuesOf({ ...VALID, serosalDisease: ['ascites'] });
    expect(paths(issues).some((p) => p.startsWith('serosalDisease'))).toBe(true);
  });

  it('reports every invalid field, not only the first', () => {
    const issues = issuesOf({ ...VALID_NO_DRIVER, ecog: 7, primary: { sizeCm: -1 }, driver: 'EGFX' });
    expect(paths(issues)).toEqual(expect.arrayContaining(['ecog', 'primary.sizeCm', 'driver']));
  });
});

describe('unknown fields are named', () => {
  const names = (issues: CaseIssue[], field: string) =>
    issues.some((i) => i.path.includes(field) || i.message.includes(field));

  it('an unknown top-level field', () => {
    expect(names(issuesOf({ ...VALID, smoker: true }), 'smoker')).toBe(true);
  });

  it('a misspelt fact (ecgo)', () => {
    expect(names(issuesOf({ ...VALID, ecgo: 1 }), 'ecgo')).toBe(true);
  });

  it('an unknown nested field', () => {
    const issues = issuesOf({ ...VALID, primary: { sizeCm: 3, colour: 'grey' } });
    expect(names(issues, 'colour')).toBe(true);
    expect(issues.some((i) => i.path.startsWith('primary'))).toBe(true);
  });
});

describe('inputs that are not a case object', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'EGFR ex19del, 3 mets, ECOG 1'],
    ['an array', [VALID]],
    ['a boolean', true],
    ['undefined', undefined],
  ] as const)('%s → issues with a non-empty path and message', (_name, input) => {
    for (const issue of issuesOf(input)) {
      expect(issue.path.length).toBeGreaterThan(0);
    }
  });
});

describe('loosely written but valid values are accepted', () => {
  it('case-insensitive enums and spaces for hyphens', () => {
    const out = evaluateOk({
      ...VALID,
      driver: 'egfr',
      egfrVariant: 'EX19DEL',
      brain: 'Untreated asymptomatic',
      histology: 'Adenocarcinoma',
    });
    expect(out.verdict).toBe('recommended');
    expect(flagCodes(out)).toContain('brain-mets-untreated');
  });

  it('driver given as { gene, variant }', () => {
    const out = evaluateOk({ ...VALID_NO_DRIVER, driver: { gene: 'EGFR', variant: 'L858R' } });
    expect(out.verdict).toBe('recommended');
  });

  it('serosal disease given as true', () => {
    const out = evaluateOk({ ...VALID, serosalDisease: true });
    expect(flagCodes(out)).toContain('serosal-disease');
    expect(out.verdict).toBe('consider');
  });

  it('serosal disease given as false means none', () => {
    const out = evaluateOk({ ...VALID, serosalDisease: false });
    expect(flagCodes(out)).not.toContain('serosal-disease');
    expect(out.verdict).toBe('recommended');
  });

  it('progression given as a bare pattern string', () => {
    const out = evaluateOk({
      ...VALID,
      therapy: { status: 'on-treatment', regimen: 'egfr-tki', months: 14, response: 'PD' },
      progression: 'oligoprogression',
    });
    expect(out.verdict).toBe('consider');
    expect(out.timing).toBe('at-oligoprogression');
  });

  it('an empty symptoms list means no symptoms', () => {
    const out = evaluateOk({ ...VALID, symptoms: [] });
    expect(flagCodes(out)).not.toContain('palliative-indication');
  });
});

describe('Karnofsky 0 (death) is never a candidate', () => {
  it('is rejected, or answered without support for definitive RT', () => {
    const result = evaluate({ ...omit(VALID, 'ecog'), karnofsky: 0 }, { now: NOW });
    if (result.ok) {
      expect(['recommended', 'consider']).not.toContain(result.output.verdict);
    } else {
      expect(paths(result.issues)).toContain('karnofsky');
    }
  });
});
