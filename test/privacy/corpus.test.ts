// The guard against its corpus (test/privacy/corpus/*.jsonl): the same scoring as `npm run eval:guard`.
import { describe, expect, it } from 'vitest';
import { guardIdentifiers } from '../../src/privacy/index.js';
import { loadCorpus, score, survives } from './corpus/score.js';

describe('identifier guard corpus', () => {
  const corpus = loadCorpus();

  it('has at least 300 identifier cases across the classes and 300 clinical texts', () => {
    expect(corpus.identifiers.length).toBeGreaterThanOrEqual(300);
    expect(corpus.clinical.length).toBeGreaterThanOrEqual(300);
    const classes = new Set(corpus.identifiers.flatMap((c) => c.identifiers.map((i) => i.class)));
    for (const cls of [
      'name-no-cue',
      'name-surname-comma',
      'name-caps',
      'name-beside-age',
      'name-beside-identifier',
      'initials-dob',
      'nhs-number',
      'mrn',
      'accession',
      'date-day-month',
      'date-compact',
      'date-roman',
      'birth-year-over-89',
      'age-over-89-words',
      'bed-ward-room',
      'unicode-zero-width',
      'unicode-fullwidth',
      'unicode-nbsp',
      'unicode-nb-hyphen',
      'unicode-soft-hyphen',
      'unicode-title-tab-newline',
    ]) {
      expect(classes, cls).toContain(cls);
    }
  });

  it('every listed identifier string occurs in its text', () => {
    for (const c of corpus.identifiers) for (const id of c.identifiers) expect(c.text).toContain(id.value);
  });

  it('removes at least 99 % of identifier strings and alters at most 1 % of clinical texts', () => {
    const s = score(guardIdentifiers);
    const misses = s.leaks.map((l) => `${l.cls}: ${l.value}`);
    expect(s.removed / s.identifierStrings, misses.join('\n')).toBeGreaterThanOrEqual(0.99);
    const altered = s.altered.map((a) => a.text);
    expect(s.altered.length / s.clinicalTexts, altered.join('\n')).toBeLessThanOrEqual(0.01);
  });

  it('the scorer counts disguised or partial leaks as leaks, and placeholders as removal', () => {
    const c = {
      text: 'NHS 943 476 5919, 2 mets',
      identifiers: [{ class: 'nhs-number', value: '943 476 5919' }],
    };
    expect(survives(c, '943 476 5919', 'NHS ９４３ 476 5919, 2 mets')).toBe(true);
    expect(survives(c, '943 476 5919', 'NHS 943 [PHONE], 2 mets')).toBe(true);
    expect(survives(c, '943 476 5919', 'NHS [MRN], 2 mets')).toBe(false);
  });
});
