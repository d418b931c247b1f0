// The intake form collapsed (core fields) and expanded ("More facts"): what each shows, that the ids do not
// change, that no answer is lost or hidden across expand/collapse, and that both stay within Slack's limits.
import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_FIELDS } from '../../../src/engine/facts.js';
import { checkView } from '../../../src/slack/blocks/check-message.js';
import { placeErrors } from '../../../src/slack/views/intake-errors.js';
import {
  CORE_INTAKE_FIELDS,
  fieldOfBlock,
  INTAKE_FEWER_FACTS,
  INTAKE_FIELDS,
  INTAKE_IDS,
  INTAKE_MORE_FACTS,
  INTAKE_TOGGLE_BLOCK_ID,
} from '../../../src/slack/views/intake-ids.js';
import {
  buildIntakeModal,
  type IntakeModalOptions,
  isExpandedIntake,
} from '../../../src/slack/views/intake-modal.js';
import { overlayFacts, readIntakeDraft, readIntakeState } from '../../../src/slack/views/intake-state.js';
import { arbCase, inputBlocks, setNumber, setOption, simulateState } from './helpers.js';

const collapsed = (o: Partial<IntakeModalOptions> = {}) => buildIntakeModal({ metadata: '', ...o });
const expanded = (o: Partial<IntakeModalOptions> = {}) =>
  buildIntakeModal({ metadata: '', ...o, expanded: true });

function fields(view: ModalView): string[] {
  return inputBlocks(view).map((b) => fieldOfBlock(b.block_id) ?? `?${b.block_id}`);
}

function toggle(view: ModalView): string | undefined {
  const block = (view.blocks as KnownBlock[]).find((b) => b.block_id === INTAKE_TOGGLE_BLOCK_ID);
  return block?.type === 'actions' ? (block.elements[0] as { action_id?: string }).action_id : undefined;
}

/** One press of "More facts" (expand) or "Fewer facts": what the listener builds from the submitted state. */
function press(view: ModalView, values: ReturnType<typeof simulateState>, expand: boolean): ModalView {
  const d = readIntakeDraft(values);
  return buildIntakeModal({
    metadata: view.private_metadata ?? '',
    initial: d.draft,
    expanded: expand,
    keep: d.filled,
    ...(d.delivery ? { delivery: d.delivery } : {}),
  });
}

describe('intake form: core fields, then "More facts"', () => {
  it('collapsed, shows the summary, then at most 12 inputs (the core facts and the delivery choice)', () => {
    const view = collapsed();
    const shown = fields(view);
    expect(shown[0]).toBe('summary');
    expect(shown.length - 1).toBeLessThanOrEqual(12);
    expect(new Set(shown)).toEqual(CORE_INTAKE_FIELDS);
    // The critical facts (decision-spec §4.2) are all among them.
    for (const f of ['stageM', 'driver', 'lesionCount', 'organs', 'progressionPattern'])
      expect(shown).toContain(f);
    expect(toggle(view)).toBe(INTAKE_MORE_FACTS);
    expect(isExpandedIntake(view.blocks)).toBe(false);
  });

  it('expanded, shows every field in the declared order, with "Fewer facts"', () => {
    const view = expanded();
    expect(fields(view)).toEqual([...INTAKE_FIELDS]);
    expect(toggle(view)).toBe(INTAKE_FEWER_FACTS);
    expect(isExpandedIntake(view.blocks)).toBe(true);
  });

  it('keeps block and action ids, and the order of the core fields, the same in both', () => {
    for (const view of [collapsed(), expanded()]) {
      for (const b of inputBlocks(view)) {
        const field = fieldOfBlock(b.block_id);
        expect(field).toBeDefined();
        expect(b.element.action_id).toBe(INTAKE_IDS[field!].actionId);
      }
    }
    expect(fields(expanded()).filter((f) => CORE_INTAKE_FIELDS.has(f as never))).toEqual(fields(collapsed()));
  });

  it('labels every fact field with the fact catalogue’s label', () => {
    const labels = new Set(CASE_FIELDS.map((f) => f.label.charAt(0).toUpperCase() + f.label.slice(1)));
    for (const b of inputBlocks(expanded())) {
      const field = fieldOfBlock(b.block_id);
      if (field === 'summary' || field === 'delivery') continue;
      expect(labels, `label of ${field}`).toContain(b.label.text);
    }
  });

  it('collapsed, still shows every extra field that holds a value, so no fact is hidden or dropped', () => {
    fc.assert(
      fc.property(fc.oneof(arbCase({ complete: true }), arbCase({ complete: false })), (c) => {
        const small = collapsed({ initial: c });
        const big = expanded({ initial: c });
        expect(readIntakeState(simulateState(small))).toEqual(readIntakeState(simulateState(big)));
        expect(checkView(small)).toEqual([]);
        expect(checkView(big)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every answer across More facts and Fewer facts (carried as initial values)', () => {
    fc.assert(
      fc.property(arbCase({ complete: false }), fc.boolean(), (c, channel) => {
        const start = collapsed({ initial: c, delivery: channel ? 'channel' : 'preview' });
        const first = simulateState(start);
        const open = press(start, first, true);
        expect(fields(open)).toEqual([...INTAKE_FIELDS]);
        const second = simulateState(open);
        const shut = press(open, second, false);
        const third = simulateState(shut);
        const before = readIntakeState(first);
        expect(readIntakeState(second)).toEqual(before);
        expect(readIntakeState(third)).toEqual(before);
        expect(readIntakeDraft(third).delivery).toBe(channel ? 'channel' : 'preview');
      }),
      { numRuns: 200 },
    );
  });

  it('collapsing keeps an extra field whose answer the facts cannot carry (e.g. a size of 0 cm)', () => {
    const open = expanded({ initial: { stage: 'IV', driver: 'none' } });
    const values = simulateState(open);
    setNumber(values, 'sizeCm', '0');
    setOption(values, 'lobe', 'RUL');
    const shut = press(open, values, false);
    expect(fields(shut)).toContain('sizeCm');
    expect(fields(shut)).toContain('lobe');
    expect(fields(shut)).not.toContain('stageT');
    expect(toggle(shut)).toBe(INTAKE_MORE_FACTS);
  });

  it('"Not stated" is an empty field: collapsing hides it', () => {
    const open = expanded({ initial: { stage: 'IV', driver: 'none', primary: { lobe: 'RUL' } } });
    const values = simulateState(open);
    setOption(values, 'lobe', 'not-stated');
    expect(fields(press(open, values, false))).not.toContain('lobe');
  });
});

describe('intake form: errors about fields the view does not show', () => {
  it('moves them onto the delivery choice, naming the field; shown fields keep theirs', () => {
    const view = collapsed();
    const placed = placeErrors(
      {
        [INTAKE_IDS.ecog.blockId]: 'ECOG must be a whole number from 0 to 4.',
        [INTAKE_IDS.location.blockId]: 'Choose one of the listed options.',
      },
      view.blocks,
    );
    expect(placed[INTAKE_IDS.ecog.blockId]).toMatch(/ECOG/);
    expect(placed[INTAKE_IDS.location.blockId]).toBeUndefined();
    expect(placed[INTAKE_IDS.delivery.blockId]).toMatch(/^Location \(More facts\): Choose/);
    const shown = new Set(inputBlocks(view).map((b: InputBlock) => b.block_id));
    for (const id of Object.keys(placed)) expect(shown).toContain(id);
  });

  it('leaves errors alone when every field is shown', () => {
    const errors = { [INTAKE_IDS.location.blockId]: 'Choose one of the listed options.' };
    expect(placeErrors(errors, expanded().blocks)).toEqual(errors);
  });
});

describe('intake form: errors when the view’s blocks are not known', () => {
  it('leaves them where they are', () => {
    const errors = { [INTAKE_IDS.location.blockId]: 'Choose one of the listed options.' };
    expect(placeErrors(errors, undefined)).toEqual(errors);
  });
});

describe('intake form: "Read it" over answers already given', () => {
  it('lets a fact the summary states win and keeps the rest, one level deep', () => {
    const base = { ecog: 2, metastases: { organs: 2, burden: 'oligo' }, brain: 'none', driver: 'ALK' };
    expect(
      overlayFacts(base, { ecog: 1, metastases: { count: 3 }, driver: 'EGFR', pdl1: undefined }),
    ).toEqual({
      ecog: 1,
      metastases: { organs: 2, burden: 'oligo', count: 3 },
      brain: 'none',
      driver: 'EGFR',
    });
  });

  it('keeps an answered extra field visible in a collapsed form', () => {
    const open = expanded({ initial: { stage: 'IV', driver: 'none' } });
    const values = simulateState(open);
    setOption(values, 'lobe', 'RUL');
    const d = readIntakeDraft(values);
    const view = collapsed({ initial: overlayFacts(d.draft, { ecog: 1 }), keep: d.filled });
    expect(fields(view)).toContain('lobe');
    expect(readIntakeDraft(simulateState(view)).draft).toMatchObject({ ecog: 1, primary: { lobe: 'RUL' } });
  });
});
