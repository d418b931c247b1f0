// guardFacts skips the guard for the case schema's enum values, which the guard leaves unchanged: the facts it
// returns must be exactly those of guarding every string, and a word the guard would change is never skipped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardFacts } from '../../src/consult/guard-facts.js';
import { readText } from '../../src/consult/index.js';
import { CASE_VOCABULARY } from '../../src/engine/index.js';
import { guardFields, unchangedByGuard } from '../../src/privacy/index.js';
import { arbAnyCase } from '../engine/arbitraries.js';
import { PUBLIC_EXAMPLE_TEXTS } from '../support/public-examples.js';

const NOW = new Date('2026-11-27T07:00:00Z');

function guardedEveryString(facts: unknown) {
  const g = guardFields(facts, { referenceYear: NOW.getUTCFullYear() });
  return { facts: g.value, identifiersRemoved: g.kinds };
}

describe('guardFacts', () => {
  it('knows the enum values of the case schema', () => {
    expect(CASE_VOCABULARY.has('adenocarcinoma')).toBe(true);
    expect(CASE_VOCABULARY.has('oligoprogression')).toBe(true);
  });

  it('gives what guarding every string gives, for generated cases and the public examples', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        expect(guardFacts(c, NOW)).toEqual(guardedEveryString(c));
      }),
      { numRuns: 200 },
    );
    for (const text of PUBLIC_EXAMPLE_TEXTS) {
      const facts = readText(text, { now: NOW }).case;
      expect(guardFacts(facts, NOW)).toEqual(guardedEveryString(facts));
    }
  });

  it('still guards free text in the facts', () => {
    const g = guardFacts({ histology: 'adenocarcinoma', therapy: { agent: 'Dr John Smith' } }, NOW);
    expect(g.facts).toEqual({ histology: 'adenocarcinoma', therapy: { agent: '[NAME]' } });
    expect(g.identifiersRemoved).toEqual(['name']);
  });

  it('keeps out of the skipped words any word the guard would change', () => {
    const words = unchangedByGuard(['bone', 'MRN 12345678', 'John Smith', 'born 1930'], {
      referenceYear: 2026,
    });
    expect([...words]).toEqual(['bone']);
  });
});
