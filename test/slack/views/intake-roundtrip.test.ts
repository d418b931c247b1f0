// Round trip: build the modal from a case, submit it untouched, read it back; the facts the form carries
// must come back unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../../src/engine/case-schema.js';
import { blockIdOf, INTAKE_IDS } from '../../../src/slack/views/intake-ids.js';
import { buildIntakeModal } from '../../../src/slack/views/intake-modal.js';
import { readIntakeState } from '../../../src/slack/views/intake-state.js';
import { arbCase, carriedFacts, expectedCriticalErrors, setField, simulateState } from './helpers.js';

const EXAMPLES_DIR = join(import.meta.dirname, '../../../examples');
const EXAMPLES: [string, unknown][] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8'))]);

function roundTrip(expanded: boolean, initial: unknown) {
  return readIntakeState(simulateState(buildIntakeModal({ initial, metadata: '', expanded })));
}

/** Either the carried facts come back, or exactly the critical-fact errors the form must give. */
function expectRoundTrip(expanded: boolean, initial: unknown): void {
  const expected = carriedFacts(initial);
  const missing = expectedCriticalErrors(expected);
  const result = roundTrip(expanded, initial);
  if (missing.length === 0) {
    expect(result).toEqual({ ok: true, case: expected, delivery: 'preview' });
  } else {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(missing.map(blockIdOf).sort());
  }
}

// Collapsed (core fields and every field holding a value) and expanded ("More facts") alike.
describe.each([false, true])('intake modal round trip (expanded: %s)', (expanded) => {
  it('has nine public examples', () => {
    expect(EXAMPLES).toHaveLength(9);
  });

  it.each(EXAMPLES)('%s comes back unchanged, or with its missing critical facts', (_name, example) => {
    expectRoundTrip(expanded, example);
  });

  it.each(EXAMPLES)('%s comes back exactly as stated once the stage is chosen', (name, example) => {
    const withStage = { ...(example as object), stage: { m: 'M1' } };
    const result = roundTrip(expanded, withStage);
    // The form has no field for a partial panel (negativeFor, ruleset 2026.2.0), so ex7 is asked its driver like
    // ex5; nor for a non-lung primary, so ex9 comes back with the facts the form carries.
    if (name.startsWith('ex5') || name.startsWith('ex7')) expect(result.ok).toBe(false);
    else if (name.startsWith('ex9'))
      expect(result).toEqual({ ok: true, case: carriedFacts(withStage), delivery: 'preview' });
    else expect(result).toEqual({ ok: true, case: CaseSchema.parse(withStage), delivery: 'preview' });
  });

  it('returns ex1 (stage M1c stated) exactly as stated', () => {
    const ex1 = EXAMPLES.find(([name]) => name.startsWith('ex1'))?.[1];
    expect(roundTrip(expanded, ex1)).toEqual({ ok: true, case: CaseSchema.parse(ex1), delivery: 'preview' });
  });

  it('asks only for the driver of ex5 (3 lesions: organs cannot exceed 3, so the burden is known)', () => {
    const ex5 = EXAMPLES.find(([name]) => name.startsWith('ex5'))?.[1];
    const result = roundTrip(expanded, { ...(ex5 as object), stage: { m: 'M1' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([INTAKE_IDS.driver.blockId]);
  });

  it('returns complete generated cases unchanged', () => {
    fc.assert(
      fc.property(arbCase({ complete: true }), (c) => {
        const result = roundTrip(expanded, c);
        expect(result).toEqual({ ok: true, case: carriedFacts(c), delivery: 'preview' });
      }),
      { numRuns: 500 },
    );
    // 500 round trips of the whole form: seconds on a loaded 2-core machine, not a performance assertion.
  }, 30_000);

  it('returns any generated case unchanged or names exactly its missing critical facts', () => {
    fc.assert(
      fc.property(arbCase({ complete: false }), (c) => {
        expectRoundTrip(expanded, c);
      }),
      { numRuns: 500 },
    );
  });

  it('carries the delivery choice', () => {
    const values = simulateState(buildIntakeModal({ initial: EXAMPLES[0]?.[1], metadata: '' }));
    setField(values, 'delivery', {
      type: 'radio_buttons',
      selected_option: { text: { type: 'plain_text', text: 'Post in channel' }, value: 'channel' },
    });
    const result = readIntakeState(values);
    expect(result.ok && result.delivery).toBe('channel');
  });
});
