// A capitalised clinical word right before or after a date, or before an age/sex token, is no surname: procedures,
// tests, verbs of the course, smoking status, ethnicity and drug brand names stay; single surnames there do not.
import { describe, expect, it } from 'vitest';
import { guardIdentifiers } from '../../src/privacy/index.js';

describe('clinical words beside a date or an age', () => {
  it.each([
    ['Pneumonectomy 11/2018, now contralateral nodule', 'Pneumonectomy'],
    ['Mediastinoscopy 02/2023 N2 negative', 'Mediastinoscopy'],
    ['Relapsed 06/2024 in the adrenal', 'Relapsed'],
    ['PET 05/2024 Worsened uptake at the primary', 'Worsened'],
    ['Angiogram 01/03/2024 normal', 'Angiogram'],
    ['Imfinzi 12 months completed 04/2024', 'Imfinzi'],
    ['Never-smoker 49F, EGFR ex19del', 'Never-smoker'],
    ['Retired 81M, PS 1', 'Retired'],
    ['Hispanic 60F, KRAS G12C', 'Hispanic'],
  ])('keeps %s', (text, word) => {
    const r = guardIdentifiers(text);
    expect(r.redacted).toContain(word);
    expect(r.kinds).not.toContain('name');
  });

  it.each([
    ['Nowak 74F, adeno', 'Nowak'],
    ['Brown 68M squamous', 'Brown'],
    ['Reed, 70M, SCLC', 'Reed'],
    ['Fleming DOB 02/03/1950', 'Fleming'],
  ])('still removes the surname in %s', (text, surname) => {
    expect(guardIdentifiers(text).redacted).not.toContain(surname);
  });
});

describe('the date beside a clinical word is still removed, the word kept', () => {
  it.each([
    ['Lobectomy 03/2019. Lobectomy margins clear', 'Lobectomy [DATE]. Lobectomy margins clear'],
    ['CT 03/2024 Increased nodal disease', 'CT [DATE] Increased nodal disease'],
    ['SBRT 03/2024 Tolerated well', 'SBRT [DATE] Tolerated well'],
    ['Echocardiogram 12/03/2024 EF 55%', 'Echocardiogram [DATE] EF 55%'],
  ])('%s', (text, expected) => {
    expect(guardIdentifiers(text).redacted).toBe(expected);
  });
});
