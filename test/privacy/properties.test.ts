// Property tests: arbitrary input never breaks the guard's invariants, and matching stays linear.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardIdentifiers } from '../../src/privacy/index.js';
import { expectWellFormed, kindCovering } from './helpers.js';

const MAX = 10_000;
const TIME_LIMIT_MS = 1000;

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Cue words, name-like words and number shapes, glued together in any order. */
const TOKENS = [
  'Dr',
  'Dr.',
  'Mr',
  'Mrs.',
  'pt:',
  'patient',
  'wife',
  'Name:',
  'Name -',
  'NOK:',
  'Smith',
  'SMITH',
  "O'Neill",
  'J.',
  'van',
  'Jane',
  'PET',
  'Osimertinib',
  'MRN',
  'NHS',
  'ID',
  '#',
  'DOB',
  'age',
  'aged',
  '91',
  '92M',
  '89',
  '12',
  '03',
  '2024',
  '1961',
  'March',
  'May',
  '1st',
  'Street',
  'St',
  'Dr',
  'Leeds',
  'lives in',
  'CA',
  '94110',
  'SW1A',
  '1AA',
  'tel',
  '020',
  '7946',
  '0958',
  '555',
  '123-4567',
  '+44',
  'SSN',
  '123-45-6789',
  'www.',
  'http://',
  'x.org',
  '@',
  'a.b',
  '10.0.0.1',
  '::',
  'fe80',
  'yo',
  'y/o',
  '-year-old',
  ',',
  '.',
  '/',
  '-',
  ':',
  '(',
  ')',
];
const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom('', ' ', '  ', ', ', '-', '/', '.', '\n')), {
    maxLength: 60,
  })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

const anyString = fc.oneof(
  tokenSoup,
  fc.string({ unit: 'binary', maxLength: MAX, size: 'medium' }),
  fc.string({ unit: 'grapheme', maxLength: MAX }),
  fc.string({ unit: codeUnit, maxLength: MAX }),
  fc.string({ unit: fc.constantFrom(...'0123456789 -./:@#+()MrDFyoAZaz\n'), maxLength: MAX }),
);

/** Identifier fragments whose detection needs no further context; `id` must end up covered. */
const IDENTIFIERS = [
  { text: 'Mr Smith', id: 'Mr Smith' },
  { text: 'Dr Jane Doe', id: 'Dr Jane Doe' },
  { text: 'patient John Smith', id: 'John Smith' },
  { text: 'MRN 12345678', id: '12345678' },
  { text: 'hosp no 1234567', id: '1234567' },
  { text: 'DOB 03/04/1961', id: '03/04/1961' },
  { text: '12 March 2024', id: '12 March 2024' },
  { text: '2024-03-12', id: '2024-03-12' },
  { text: 'tel 020 7946 0958', id: '020 7946 0958' },
  { text: '(555) 123-4567', id: '(555) 123-4567' },
  { text: 'john.smith@example.com', id: 'john.smith@example.com' },
  { text: 'SSN 123-45-6789', id: '123-45-6789' },
  { text: '42 Elm Street', id: '42 Elm Street' },
  { text: 'SW1A 1AA', id: 'SW1A 1AA' },
  { text: 'https://portal.hospital.org/pt/1', id: 'https://portal.hospital.org/pt/1' },
  { text: '192.168.1.10', id: '192.168.1.10' },
  { text: '92M', id: '92M' },
  { text: 'age 91', id: 'age 91' },
];

const CLINICAL = [
  'ECOG 1',
  'PS 2',
  'KPS 70',
  'T2N1M1b',
  'cT2bN2M1c',
  'stage IVB',
  'EGFR ex19del',
  'L858R',
  'PD-L1 80%',
  '60 Gy/30 fx',
  '54 Gy / 3',
  '12 Gy x 5',
  'V20 < 30%',
  '4.2 cm',
  '28 mm',
  'x3 mo',
  'C4D1',
  '8/52',
  'RUL',
  'SRS',
  'Osimertinib',
  'NRG-LU002',
  'RTOG 0813',
  'prior chest RT 2019',
  '62F',
];

type Piece = { text: string; id?: string };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.constantFrom<Piece>(...IDENTIFIERS),
  fc.constantFrom<Piece>(...CLINICAL.map((text) => ({ text }))),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map((text) => ({ text })),
);
const separator = fc.constantFrom(' ', ', ', '; ', '\n', ' | ', ' (', ') ');
const note = fc.array(fc.tuple(piece, separator), { maxLength: 40 });

function assemble(parts: [Piece, string][]): { text: string; ids: [number, number][] } {
  let text = '';
  const ids: [number, number][] = [];
  for (const [p, sep] of parts) {
    if (p.id !== undefined) {
      const at = text.length + p.text.indexOf(p.id);
      ids.push([at, at + p.id.length]);
    }
    text += p.text + sep;
  }
  return { text, ids };
}

describe('guardIdentifiers: properties', () => {
  it('never throws; hits are in bounds, sorted, non-overlapping; redacted hides every hit', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const result = guardIdentifiers(text);
        expectWellFormed(text, result);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('finds every identifier in mixed tumour-board text and keeps the invariants', () => {
    fc.assert(
      fc.property(note, (parts) => {
        const { text, ids } = assemble(parts);
        const result = guardIdentifiers(text);
        expectWellFormed(text, result);
        for (const [start, end] of ids) {
          expect(kindCovering(result, start, end), text.slice(start, end)).toBeDefined();
        }
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('completes a 10 kB arbitrary input well under a second', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', minLength: MAX, maxLength: MAX }),
          fc.string({ unit: fc.constantFrom(...'0123456789 -./:@#+MrDyoA'), minLength: MAX, maxLength: MAX }),
          note.map((parts) => assemble(parts).text.repeat(50).slice(0, MAX)),
        ),
        (text) => {
          const started = performance.now();
          guardIdentifiers(text);
          expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it.each([
    ['digits', '1234567890'],
    ['grouped digits', '12 '],
    ['dashes', '1-'],
    ['dots', '1.'],
    ['colons', 'a1:'],
    ['at signs', 'a.b@c.'],
    ['plus groups', '+22 '],
    ['www', 'www.'],
    ['titles', 'Mr Ab '],
    ['initials', 'pt J. '],
    ['street words', '12 Ab Cd Ef '],
    ['months', '12 March '],
    ['ages', '92M '],
    ['labels', 'MRN a-'],
    ['places', 'lives in Ab, '],
    ['ipv6', '1::'],
    ['domains', 'a-'],
    ['postcodes', 'AB1 '],
    ['identifiers', 'Mr Smith 12/03/2024 john@x.com 555-123-4567 '],
  ])('stays linear on a 10 kB run of %s', (_label, unit) => {
    const text = unit.repeat(Math.ceil(MAX / unit.length)).slice(0, MAX);
    const started = performance.now();
    const result = guardIdentifiers(text);
    expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
    expectWellFormed(text, result);
  });
});
