// Properties over arbitrary input: parseCase never throws, always returns a CaseSchema-valid case with spans
// inside the text, and finishes fast on 10 kB inputs (a guard against catastrophic regex backtracking, not a
// benchmark: the bound is deliberately generous).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../src/engine/case-schema.js';
import { MAX_INPUT_CHARS, type ParseResult, parseCase } from '../../src/parse/index.js';

const CATASTROPHIC_MS = 1000;

function timedParse(text: string): { result: ParseResult; ms: number } {
  const t0 = performance.now();
  const result = parseCase(text);
  return { result, ms: performance.now() - t0 };
}

function assertSound(text: string): void {
  const { result, ms } = timedParse(text);
  const checked = CaseSchema.safeParse(result.case);
  expect(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues)).toBe(true);
  const limit = Math.min(text.length, MAX_INPUT_CHARS);
  for (const u of result.understood) {
    expect(u.span.start).toBeGreaterThanOrEqual(0);
    expect(u.span.end).toBeLessThanOrEqual(limit);
    expect(u.span.start).toBeLessThanOrEqual(u.span.end);
  }
  for (const c of result.conflicts) {
    expect(c.values.length).toBeGreaterThan(1);
    expect(c.question.length).toBeGreaterThan(0);
  }
  for (const s of result.ignored) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
  }
  expect(ms).toBeLessThan(CATASTROPHIC_MS);
}

const CLINICAL_TOKENS = [
  'adeno',
  'SqCC',
  'NSCLC',
  'small cell',
  'non-small',
  'EGFR',
  'ex19del',
  'L858R',
  'exon 20 insertion',
  'ALK+',
  'ALK-',
  'wt',
  'KRAS G12C',
  'MET',
  'met',
  'mets',
  'metastases',
  'no',
  'not',
  '?',
  'r/o',
  'possible',
  'ECOG',
  'PS',
  'WHO',
  'KPS',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '12',
  '70',
  '100',
  '999',
  '1-2',
  'x3',
  '×2',
  '(2)',
  'cm',
  'mm',
  '2.8',
  '28',
  'PD-L1',
  'TPS',
  '<1%',
  '80%',
  'bone',
  'liver',
  'adrenal',
  'brain',
  'R',
  'L',
  'bilateral',
  'contralateral',
  'lung',
  'nodule',
  'pleural',
  'effusion',
  'malignant',
  'mediastinal',
  'hilar',
  'nodes',
  'axillary',
  'distant',
  'oligometastatic',
  'oligo',
  'widespread',
  'multiple',
  'innumerable',
  'osimertinib',
  'osimertinb',
  'carbo/pem/pembro',
  'pembrolizumab',
  'alectinib',
  'T-DXd',
  'chemo-IO',
  'TKI-naive',
  'treatment-naive',
  'starting',
  'on',
  'stopped',
  'after',
  'months',
  'weeks',
  'cycles',
  'C4',
  '3/12',
  '6/52',
  'PR',
  'SD',
  'PD',
  'CR',
  'responding',
  'stable',
  'progressing',
  'progression',
  'oligoprogression',
  'primary',
  'only',
  'rest stable',
  'peripheral',
  'central',
  'ultracentral',
  'abutting',
  'main bronchus',
  'trachea',
  'endobronchial',
  'RUL',
  'LLL',
  'right upper lobe',
  'haemoptysis',
  'hemoptysis',
  'SVCO',
  'stridor',
  'cough',
  'SOB',
  'asymptomatic',
  'ILD',
  'UIP/IPF',
  'prior chest RT 2019',
  'no prior RT',
  'PET-CT',
  'MRI brain',
  'pending',
  'done',
  'neg',
  'negative',
  'positive',
  'life expectancy',
  '< 3 months',
  'stage IVB',
  'stage IV',
  'metastatic',
  'cT2bN2M1c',
  'T3 N1 M1b',
  'M1c1',
  'N2a',
  'TNM 9',
  '8th edition',
  'T4 vertebra',
  's/p SRS',
  'untreated',
  'symptomatic',
  'seizures',
  'leptomeningeal',
  'constructor',
  '__proto__',
  'toString',
  'İ',
  'ß',
  '😀',
  '\u0000',
  '\ud800',
];
const SEPARATORS = [' ', ', ', '; ', '. ', '\n', ' + ', '/', '-', '(', ')', ':', '', '  ', '\t'];

const clinicalSoup = fc
  .array(fc.tuple(fc.constantFrom(...CLINICAL_TOKENS), fc.constantFrom(...SEPARATORS)), { maxLength: 1600 })
  .map((parts) =>
    parts
      .map(([t, s]) => t + s)
      .join('')
      .slice(0, 10_000),
  );

describe('parseCase properties', () => {
  it('never throws and returns a valid case for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10_000 }), (text) => {
        assertSound(text);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws and returns a valid case for arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 10_000 }), (text) => {
        assertSound(text);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws and returns a valid case for concatenations of clinical tokens', () => {
    fc.assert(
      fc.property(clinicalSoup, (text) => {
        assertSound(text);
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast and sound on adversarial 10 kB inputs', () => {
    const unit = (s: string) => s.repeat(Math.ceil(10_000 / s.length)).slice(0, 10_000);
    const inputs = [
      unit('a'),
      unit('1'),
      unit(' '),
      unit('\n'),
      unit(','),
      unit('('),
      unit('no '),
      unit('ECOG '),
      unit('ECOG 1 '),
      unit('metastases '),
      unit('3 bone mets + '),
      unit('bone, '),
      unit('x1'),
      unit('t1n1m1'),
      unit('EGFR/'),
      unit('PD-L1 '),
      unit('1.1.1.1 '),
      unit('progression in '),
      unit('multiple '),
      unit('?'),
      unit('-'),
      unit('osimertinib '),
      unit('abutting the '),
      unit('within 2 cm of '),
      unit('4.2 x '),
      unit('life expectancy '),
      unit('stage '),
      unit('😀'),
      unit('subcarinal node '),
      unit('station 4R '),
      unit('no ILD, '),
      unit('brain mets or '),
      unit('&amp; '),
      unit('<@U123> '),
      unit('EGFR, ALK and '),
      unit('60 Gy with concurrent '),
      unit('9'.repeat(40)),
      unit('ＥＧＦＲ\u200b'),
    ];
    for (const text of inputs) assertSound(text);
  });

  it('caps inputs beyond MAX_INPUT_CHARS', () => {
    const text = 'adeno, '.repeat(20_000);
    const { result, ms } = timedParse(text);
    expect(result.case.histology).toBe('adenocarcinoma');
    expect(ms).toBeLessThan(CATASTROPHIC_MS);
    expect(result.ignored.at(-1)).toEqual({ start: MAX_INPUT_CHARS, end: text.length });
  });
});
