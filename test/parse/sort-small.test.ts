import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSmall } from '../../src/parse/sort-small.js';

describe('sortSmall', () => {
  it('orders like the built-in stable sort, short lists and long ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: fc.integer({ min: 0, max: 5 }), id: fc.nat() }), { maxLength: 90 }),
        (items) => {
          const byKey = (a: { k: number }, b: { k: number }) => a.k - b.k;
          const expected = [...items].sort(byKey);
          const copy = [...items];
          expect(sortSmall(copy, byKey)).toEqual(expected);
          expect(copy).toEqual(expected);
        },
      ),
    );
  });
});
