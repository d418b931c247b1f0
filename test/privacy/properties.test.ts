// Property tests: arbitrary input never breaks the guard's invariants. Speed is measured by `npm run bench:guard`,
// not asserted here (timings on a shared machine are not a behaviour).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardIdentifiers } from '../../src/privacy/index.js';
import { expectWellFormed, kindCovering } from './helpers.js';

const MAX = 10_000;

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
  { text: 'John Smith 62M', id: 'John Smith' },
  { text: 'SMITH, John', id: 'SMITH, John' },
  { text: 'NHS 943 476 5919', id: '943 476 5919' },
  { text: 'ref 4010232137', id: '4010232137' },
  { text: '#A123456', id: '#A123456' },
  { text: 'histology H24/12345', id: 'H24/12345' },
  { text: 'DOB 12MAR1961', id: '12MAR1961' },
  { text: 'born 1930', id: '1930' },
  { text: 'aged ninety-two', id: 'aged ninety-two' },
  { text: 'Bed 14', id: 'Bed 14' },
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
  '6 Minute Walk Test',
  'May 30 Gy',
  'Pt Asymptomatic',
  'SBRT 54 Gy/3',
  '4 cycles',
  '3 months',
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
    ['slack markup', '<@U1|Jo> <https://a|b> &amp; '],
    ['zero-width', '9\u200b'],
    ['full-width', '\uff19\uff14 '],
    ['combining marks', 'e\u0301\u0301'],
  ])('keeps its invariants on a 20 kB run of %s', (_label, unit) => {
    const text = unit.repeat(Math.ceil((2 * MAX) / unit.length)).slice(0, 2 * MAX);
    expectWellFormed(text, guardIdentifiers(text));
  });

  it('removes identifiers behind Unicode disguises (zero-width, full-width, no-break spaces and hyphens)', () => {
    const disguise = fc.constantFrom(
      (s: string) => s.replace(/(\d)(?=\d)/g, '$1\u200b'),
      (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
      (s: string) => s.replace(/ /g, '\u00a0'),
      (s: string) => s.replace(/ /g, '\u202f'),
      (s: string) => s.replace(/-/g, '\u2011'),
      (s: string) => s.replace(/([a-z])([a-z])/, '$1\u00ad$2'),
    );
    const disguised = fc.tuple(fc.constantFrom(...IDENTIFIERS), disguise).map(([p, f]) => {
      const at = p.text.indexOf(p.id);
      const id = f(p.id);
      return { text: f(p.text.slice(0, at)) + id + f(p.text.slice(at + p.id.length)), id };
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(disguised, piece), separator), { maxLength: 20 }), (parts) => {
        const { text, ids } = assemble(parts);
        const result = guardIdentifiers(text);
        expectWellFormed(text, result);
        for (const [start, end] of ids) {
          expect(kindCovering(result, start, end), JSON.stringify(text.slice(start, end))).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('finds nothing more in its own output for generated notes', () => {
    fc.assert(
      fc.property(note, (parts) => {
        const once = guardIdentifiers(assemble(parts).text);
        expect(guardIdentifiers(once.redacted).redacted).toBe(once.redacted);
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('removes every generated NHS number that passes the check digit, spaced or not', () => {
    const nhs = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
      .map((d) => {
        const check = 11 - (d.reduce((sum, x, i) => sum + x * (10 - i), 0) % 11);
        return check === 10 ? null : [...d, check === 11 ? 0 : check].join('');
      })
      .filter((n): n is string => n !== null);
    fc.assert(
      fc.property(nhs, fc.constantFrom('', ' ', '-'), (n, sep) => {
        const shown = sep === '' ? n : `${n.slice(0, 3)}${sep}${n.slice(3, 6)}${sep}${n.slice(6)}`;
        const result = guardIdentifiers(`squamous, ${shown}, ECOG 1`);
        expect(result.redacted).not.toContain(shown);
      }),
      { numRuns: 500 },
    );
  });
});
