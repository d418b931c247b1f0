// The answer card's budget: the first message of every case answer ≤ 12 blocks and ≤ 1,500 characters of text
// a reader sees (links counted by their label); the shared card ≤ 8 blocks. Measured on the nine public examples
// and on any case the engine can answer, in every mode and with every notice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Output } from '../../../src/engine/index.js';
import { buildAnswer } from '../../../src/slack/blocks/answer.js';
import {
  buildCard,
  CARD_MAX_BLOCKS,
  CARD_MAX_CHARS,
  SHARED_CARD_MAX_BLOCKS,
  visibleTextLength,
} from '../../../src/slack/blocks/card.js';
import { checkMessage, checkView } from '../../../src/slack/blocks/check-message.js';
import { buildDetailsModal } from '../../../src/slack/blocks/details.js';
import { WHAT_IF_KEYS } from '../../../src/slack/blocks/what-if.js';
import { encodeCaseToken } from '../../../src/slack/case-token.js';
import { arbAnyCase } from '../../engine/arbitraries.js';
import { exampleInput, PUBLIC_EXAMPLES } from '../../support/public-examples.js';

const NOW = new Date('2026-03-01T00:00:00Z');

function answer(input: unknown): Output | undefined {
  const r = evaluate(input, { now: NOW });
  return r.ok ? r.output : undefined;
}

function expectWithinBudget(output: Output): void {
  const token = encodeCaseToken(output.case) ?? '';
  const preview = buildAnswer(output, {
    mode: 'preview',
    caseToken: token,
    identifiersRemoved: ['name', 'mrn', 'date'],
    conflicts: ['ECOG 1 or ECOG 2?'],
    ignoredCount: 2,
  })[0]!;
  const shared = buildAnswer(output, {
    mode: 'shared',
    caseToken: token,
    consultId: 'c-1',
    sharedBy: 'U1',
  })[0]!;
  const decided = buildCard(output, {
    mode: 'shared',
    caseToken: token,
    consultId: 'c-1',
    sharedBy: 'U1',
    decision: { outcome: 'Accepted', reason: 'Followed the recommendation', userId: 'U2', at: NOW },
  });
  const whatIf = buildCard(output, {
    mode: 'what-if',
    caseToken: token,
    whatIf: { key: 'ecog-2', baseToken: token },
  });
  for (const m of [preview, shared, decided, whatIf]) {
    expect(checkMessage(m)).toEqual([]);
    expect(m.blocks.length).toBeLessThanOrEqual(CARD_MAX_BLOCKS);
    expect(visibleTextLength(m.blocks)).toBeLessThanOrEqual(CARD_MAX_CHARS);
  }
  expect(shared.blocks.length).toBeLessThanOrEqual(SHARED_CARD_MAX_BLOCKS);
  expect(decided.blocks.length).toBeLessThanOrEqual(SHARED_CARD_MAX_BLOCKS);
  expect(checkView(buildDetailsModal(output))).toEqual([]);
}

describe('the answer card budget', () => {
  it.each(PUBLIC_EXAMPLES.map((e) => [e.file, e] as const))(
    '%s fits the budget in every mode',
    (_f, example) => {
      const output = answer(exampleInput(example));
      expect(output).toBeDefined();
      expectWithinBudget(output!);
    },
  );

  it('any case the engine answers fits the budget', () => {
    fc.assert(
      fc.property(arbAnyCase(), (c) => {
        const output = answer(c);
        if (output) expectWithinBudget(output);
      }),
      { numRuns: 150 },
    );
  });

  it('counts a link by its label, not its address', () => {
    const blocks = [
      { type: 'context', elements: [{ type: 'mrkdwn', text: '[1] <https://doi.org/10.1/x|Jia 2021>' }] },
    ];
    expect(visibleTextLength(blocks)).toBe('[1] Jia 2021'.length);
  });

  it('has a what-if key for each value a button can propose', () => {
    expect(new Set(WHAT_IF_KEYS).size).toBe(WHAT_IF_KEYS.length);
  });
});
