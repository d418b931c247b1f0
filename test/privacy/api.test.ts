// Shape of the result and edge cases of the guard.
import { describe, expect, it } from 'vitest';
import { guardIdentifiers, PLACEHOLDERS } from '../../src/privacy/index.js';
import { expectWellFormed } from './helpers.js';

describe('guardIdentifiers: result shape', () => {
  it('returns the input unchanged and no hits for empty or identifier-free text', () => {
    const empty = { hits: [], kinds: [], normalizedHits: [], truncated: false };
    expect(guardIdentifiers('')).toEqual({ redacted: '', normalized: '', ...empty });
    expect(guardIdentifiers('ECOG 1')).toEqual({ redacted: 'ECOG 1', normalized: 'ECOG 1', ...empty });
  });

  it('reports offsets into the input, sorted, with distinct sorted kinds', () => {
    const text = 'DOB 03/04/1961, Mr Smith, MRN 12345678, 92M, DOB 05/06/1940';
    const result = guardIdentifiers(text);
    expect(result.hits).toEqual([
      { kind: 'date', start: 4, end: 14 },
      { kind: 'name', start: 16, end: 24 },
      { kind: 'mrn', start: 30, end: 38 },
      { kind: 'age-over-89', start: 40, end: 43 },
      { kind: 'date', start: 49, end: 59 },
    ]);
    expect(result.kinds).toEqual(['age-over-89', 'date', 'mrn', 'name']);
    expect(result.redacted).toBe('DOB [DATE], [NAME], MRN [MRN], [AGE>89], DOB [DATE]');
  });

  it('uses one placeholder per kind', () => {
    expect(PLACEHOLDERS).toEqual({
      name: '[NAME]',
      mrn: '[MRN]',
      date: '[DATE]',
      phone: '[PHONE]',
      email: '[EMAIL]',
      ssn: '[SSN]',
      address: '[ADDRESS]',
      'age-over-89': '[AGE>89]',
      url: '[URL]',
      ip: '[IP]',
      zip: '[ZIP]',
    });
  });

  it('finds nothing more in its own output', () => {
    const text =
      'Mr John Smith, MRN 12345678, DOB 03/04/1961, tel 020 7946 0958, john@example.com, ' +
      'SSN 123-45-6789, 42 Elm Street, SW1A 1AA, https://x.org/a, 10.0.0.1, age 91, 92M';
    const once = guardIdentifiers(text);
    expect(once.kinds.length).toBeGreaterThanOrEqual(10);
    expect(guardIdentifiers(once.redacted).hits).toEqual([]);
  });
});

describe('guardIdentifiers: edge cases', () => {
  it.each([
    'Dr.',
    'Dr',
    'Dr. ',
    'd/w Dr.',
    'Discussed with Dr.',
    'Mr',
    'Mrs.',
    'pt:',
    'Name:',
    'MRN',
    'MRN:',
    'DOB',
    'age',
    '#',
    '@',
    'http://',
    'www.',
  ])('a cue with nothing name-like after it (%j) gives no hit', (text) => {
    const result = guardIdentifiers(text);
    expect(result.hits).toEqual([]);
    expect(result.redacted).toBe(text);
  });

  it('does not take capitalised clinical words after a cue as names', () => {
    for (const text of [
      'Dr. Osimertinib continues',
      'Mr PET negative',
      'patient Carboplatin naive',
      'pt MRI brain clear',
      'Dr IASLC consensus',
      'seen by Oncology',
      'discussed with Radiology',
      'Patient ECOG 1',
    ]) {
      expect(guardIdentifiers(text).hits, text).toEqual([]);
    }
  });

  it('treats a bare year and week or month notation as clinical', () => {
    for (const text of ['prior chest RT 2019', 'since 2015', '8/52', '3/12', 'x3mo', 'x3 mo', 'C4D1']) {
      expect(guardIdentifiers(text).hits, text).toEqual([]);
    }
  });

  it('treats ages of 89 and below as clinical', () => {
    for (const text of ['62F', '70M', 'age 75', '89 yo', '89-year-old', 'aged 89', 'KPS 90', 'PD-L1 95%']) {
      expect(guardIdentifiers(text).hits, text).toEqual([]);
    }
    expect(guardIdentifiers('age 90').kinds).toEqual(['age-over-89']);
  });

  it('redacts a repeated identifier wherever it recurs', () => {
    const text = 'MRN 12345678. Scans filed under 12345678 and 12345678-B.';
    const result = guardIdentifiers(text);
    expect(result.redacted).toBe('MRN [MRN]. Scans filed under [MRN] and [MRN]-B.');
    expectWellFormed(text, result);
  });

  it('merges overlapping detections into one hit', () => {
    const text = 'PACS http://192.168.1.10/study/2024-03-12 reviewed';
    const result = guardIdentifiers(text);
    expect(result.hits).toEqual([{ kind: 'url', start: 5, end: 41 }]);
  });

  it('prefers a labelled record number over a phone-like pattern', () => {
    expect(guardIdentifiers('NHS number: 943 476 5919').kinds).toEqual(['mrn']);
    // 943 476 5919 passes the NHS modulus-11 check, so it is a record number even unlabelled; 943 476 5918 does not.
    expect(guardIdentifiers('call 943 476 5919').kinds).toEqual(['mrn']);
    expect(guardIdentifiers('call 943 476 5918').kinds).toEqual(['phone']);
  });

  it('handles unicode around identifiers without splitting characters', () => {
    const text = '😀 Mr Émile Zola 😀, DOB 03/04/1961 — ECOG 1 ✓';
    const result = guardIdentifiers(text);
    expect(result.redacted).toBe('😀 [NAME] 😀, DOB [DATE] — ECOG 1 ✓');
    expectWellFormed(text, result);
  });

  it('does not throw on lone surrogates and control characters', () => {
    const text = '\ud800Mr Smith\udc00 \u0000 DOB 03/04/1961\u0007';
    expect(() => guardIdentifiers(text)).not.toThrow();
    expectWellFormed(text, guardIdentifiers(text));
  });
});
