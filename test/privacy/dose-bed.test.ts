// A biologically effective dose ("BED 151") is a radiotherapy value and must survive the bed/ward rule.
import { describe, expect, it } from 'vitest';
import { guardIdentifiers } from '../../src/privacy/index.js';

describe('BED as a dose, not a bed', () => {
  it.each([
    'SBRT 60 Gy/8 gives BED 105',
    'BED 132, EQD2 99',
    'EQD2 66, BED 79',
    'BED 150?',
    '48 Gy in 4 fractions, bed 106',
  ])('keeps %s', (text) => {
    expect(guardIdentifiers(text).redacted).toBe(text);
  });

  it.each(['Bed 14, ward 5', 'BED no. 12', 'Bed #7 side room', 'moved to bed 22'])(
    'still removes %s',
    (text) => {
      const r = guardIdentifiers(text);
      expect(r.kinds).toContain('address');
      expect(r.redacted).not.toMatch(/\d/);
    },
  );
});
