// Ages over 89 without the word "age" (the patient as subject, a sex letter, a number after a cued name), SSNs
// written with spaces or dots, and NHS numbers grouped other than 3-3-4; and the clinical numbers beside them.
import { describe, expect, it } from 'vitest';
import { guardIdentifiers } from '../../src/privacy/index.js';
import { expectKept as keeps, expectRemoved as removes } from './helpers.js';

describe('ages over 89 without the word "age"', () => {
  it.each([
    ['The patient is 96, lives alone', '96'],
    ['pt 91; ECOG 2', '91'],
    ['he was 94 at diagnosis', '94'],
    ['97 F, squamous RUL', '97'],
    ['M, 93 - adeno, 2 bone mets', '93'],
    ['Mr Okafor, 95, for palliative RT', '95'],
    ['Mrs Patel (101) for SBRT', '101'],
  ])('%s', (text, age) => removes(text, age, 'age-over-89'));

  it('keeps scores, vital signs, doses and weights', () => {
    keeps('KPS 90, ECOG 1');
    keeps('pt 95% on air');
    keeps('pt 92 kg, BMI 31');
    keeps('SpO2 94%, HR 92, BP 140/90');
    keeps('Pt 90 Gy to the primary?');
    keeps('F90 code in the notes');
    keeps('Mr to discuss, 90 Gy BED10');
  });
});

describe('SSNs with spaces or dots, NHS numbers grouped otherwise', () => {
  it.each([
    ['SS no on file 219 09 9999', '219 09 9999', 'ssn'],
    ['SSN: 123.45.6789', '123.45.6789', 'ssn'],
    ['insurance 078.05.1120 verified', '078.05.1120', 'ssn'],
    ['ref 943 4765 919 for SABR', '943 4765 919', 'mrn'],
    ['9434 765 919 - squamous', '9434 765 919', 'mrn'],
  ] as const)('%s', (text, secret, kind) => removes(text, secret, kind));

  it('keeps doses, counts and dates written in threes', () => {
    keeps('Dose 300 20 1000');
    keeps('scores 120 10 2024');
    keeps('stations 4R 7 10R sampled');
    keeps('10 x 3 Gy, then 30 Gy in 10');
  });
});

describe('ages over 89 after "turned" and "age:" in words', () => {
  it('removes them and keeps an angle', () => {
    expect(guardIdentifiers('She turned 91 last month').redacted).toBe('She turned [AGE>89] last month');
    expect(guardIdentifiers('age: ninety-six').redacted).not.toContain('ninety');
    keeps('gantry turned 90 degrees');
  });
});
