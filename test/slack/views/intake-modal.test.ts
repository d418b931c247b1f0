import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../../src/engine/case-schema.js';
import { INTAKE_CALLBACK_ID, INTAKE_FIELDS, INTAKE_IDS } from '../../../src/slack/views/intake-ids.js';
import {
  buildIntakeModal,
  formatNumber,
  type IntakeModalOptions,
  prefillFacts,
} from '../../../src/slack/views/intake-modal.js';
import { DRIVER_CHOICES, N_CHOICES, T_CHOICES } from '../../../src/slack/views/intake-options.js';
import { readIntakeState } from '../../../src/slack/views/intake-state.js';
import { arbCase, inputBlocks, simulateState } from './helpers.js';

const EXAMPLES_DIR = join(import.meta.dirname, '../../../examples');
const EXAMPLES: [string, unknown][] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8'))]);

const REQUIRED_BLOCKS = new Set([INTAKE_IDS.stageM.blockId, INTAKE_IDS.driver.blockId]);

type AnyElement = InputBlock['element'];

function optionsOf(el: AnyElement): PlainTextOption[] {
  return 'options' in el && Array.isArray(el.options) ? (el.options as PlainTextOption[]) : [];
}

function initialOptionsOf(el: AnyElement): PlainTextOption[] {
  const out: PlainTextOption[] = [];
  if ('initial_option' in el && el.initial_option) out.push(el.initial_option as PlainTextOption);
  if ('initial_options' in el && Array.isArray(el.initial_options))
    out.push(...(el.initial_options as PlainTextOption[]));
  return out;
}

/** Slack's documented limits (slack-facts §4) and this modal's own contract; returns the violations. */
function structuralProblems(view: ModalView, all = true): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, msg: string) => {
    if (!ok) problems.push(msg);
  };
  check(view.type === 'modal', 'type');
  check(view.callback_id === INTAKE_CALLBACK_ID, 'callback_id');
  for (const [name, t] of [
    ['title', view.title],
    ['submit', view.submit],
    ['close', view.close],
  ] as const) {
    check(!!t && t.type === 'plain_text' && t.text.length >= 1 && t.text.length <= 24, `${name} ≤ 24`);
  }
  check(view.blocks.length <= 100, `blocks ${view.blocks.length} > 100`);
  check((view.private_metadata ?? '').length <= 3000, 'private_metadata ≤ 3000');
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  for (const block of view.blocks as KnownBlock[]) {
    if (block.type === 'header') check(block.text.text.length <= 150, 'header ≤ 150');
    if (block.type === 'context') {
      check(block.elements.length <= 10, 'context ≤ 10 elements');
      for (const e of block.elements) {
        if ('text' in e && typeof e.text === 'string')
          check(e.text.length >= 1 && e.text.length <= 3000, 'context text 1..3000');
      }
    }
    if (block.type !== 'input') continue;
    const el = block.element;
    const id = block.block_id ?? '';
    check(id.length > 0 && id.length <= 255, `block_id of ${id}`);
    check(!blockIds.has(id), `duplicate block_id ${id}`);
    blockIds.add(id);
    const actionId = el.action_id ?? '';
    check(actionId.length > 0 && actionId.length <= 255, `action_id of ${id}`);
    check(!actionIds.has(actionId), `duplicate action_id ${actionId}`);
    actionIds.add(actionId);
    check(block.label.text.length >= 1 && block.label.text.length <= 2000, `label of ${id}`);
    if (block.hint) check(block.hint.text.length <= 2000, `hint of ${id}`);
    check((block.optional !== true) === REQUIRED_BLOCKS.has(id), `required flag of ${id}`);
    const options = optionsOf(el);
    const max = el.type === 'radio_buttons' || el.type === 'checkboxes' ? 10 : 100;
    if (['static_select', 'multi_static_select', 'radio_buttons', 'checkboxes'].includes(el.type)) {
      check(options.length >= 1 && options.length <= max, `${options.length} options in ${id}`);
    }
    const values = new Set<string>();
    for (const o of options) {
      check(o.text.text.length >= 1 && o.text.text.length <= 75, `option text "${o.text.text}" in ${id}`);
      check(o.value !== undefined && o.value.length >= 1 && o.value.length <= 75, `option value in ${id}`);
      check(!values.has(o.value ?? ''), `duplicate option ${o.value} in ${id}`);
      values.add(o.value ?? '');
    }
    for (const o of initialOptionsOf(el)) {
      check(
        options.some((x) => JSON.stringify(x) === JSON.stringify(o)),
        `initial option ${o.value} of ${id} is not one of its options`,
      );
    }
    if (el.type === 'number_input' && el.initial_value !== undefined) {
      const n = Number(el.initial_value);
      check(/^-?\d+(\.\d+)?$/.test(el.initial_value), `number format ${el.initial_value} in ${id}`);
      check(el.is_decimal_allowed || Number.isInteger(n), `decimal in integer input ${id}`);
      if (el.min_value !== undefined) check(n >= Number(el.min_value), `below min in ${id}`);
      if (el.max_value !== undefined) check(n <= Number(el.max_value), `above max in ${id}`);
    }
    if (el.type === 'plain_text_input' && el.initial_value !== undefined && el.max_length !== undefined) {
      check(el.initial_value.length <= el.max_length, `text too long in ${id}`);
    }
  }
  if (all)
    check(
      blockIds.size === INTAKE_FIELDS.length,
      `${blockIds.size} inputs, expected ${INTAKE_FIELDS.length}`,
    );
  return problems;
}

/** The expanded form ("More facts"): every field. */
function full(opts: IntakeModalOptions): ModalView {
  return buildIntakeModal({ ...opts, expanded: true });
}

function element(view: ModalView, blockId: string): AnyElement {
  const block = inputBlocks(view).find((b) => b.block_id === blockId);
  if (!block) throw new Error(`no block ${blockId}`);
  return block.element;
}

function initialValue(view: ModalView, field: keyof typeof INTAKE_IDS): string | string[] | undefined {
  const el = element(view, INTAKE_IDS[field].blockId);
  if ('initial_value' in el) return el.initial_value as string | undefined;
  if ('initial_options' in el && el.initial_options)
    return (el.initial_options as PlainTextOption[]).map((o) => o.value ?? '');
  if ('initial_option' in el) {
    // "Not stated" is how an optional choice shows an absent fact.
    const value = (el.initial_option as PlainTextOption | undefined)?.value;
    return value === 'not-stated' ? undefined : value;
  }
  return undefined;
}

describe('buildIntakeModal: structure', () => {
  it('an empty modal respects every limit', () => {
    const view = full({ metadata: '{"origin":"command"}' });
    expect(structuralProblems(view)).toEqual([]);
    expect(view.title.text).toBe('Thoracic RT case');
    expect(view.submit?.text).toBe('Assess');
    expect(view.close?.text).toBe('Cancel');
    expect(view.private_metadata).toBe('{"origin":"command"}');
  });

  it.each(EXAMPLES)('prefilled with %s respects every limit', (_name, example) => {
    const view = full({
      initial: example,
      metadata: '',
      notice: 'Prefilled from the message; check every field',
    });
    expect(structuralProblems(view)).toEqual([]);
  });

  it('respects every limit for generated cases', () => {
    fc.assert(
      fc.property(fc.oneof(arbCase({ complete: true }), arbCase({ complete: false })), (c) => {
        expect(structuralProblems(full({ initial: c, metadata: 'x' }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('respects every limit whatever the initial value', () => {
    fc.assert(
      fc.property(fc.anything(), (initial) => {
        expect(structuralProblems(full({ initial, metadata: '' }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('groups inputs under headers with dividers and shows the notice first', () => {
    const view = full({ metadata: '', notice: 'Prefilled from the message; check every field' });
    const blocks = view.blocks as KnownBlock[];
    expect(blocks[0]).toMatchObject({
      type: 'context',
      elements: [{ text: 'Prefilled from the message; check every field' }],
    });
    const headers = blocks.flatMap((b) => (b.type === 'header' ? [b.text.text] : []));
    expect(headers).toEqual([
      'Disease',
      'Driver',
      'Metastases',
      'Performance',
      'Systemic therapy',
      'Progression',
      'Primary tumour',
      'Symptoms',
      'Lung',
      'Staging',
      'Delivery',
    ]);
    // One more divider above "More facts" / "Fewer facts".
    expect(blocks.filter((b) => b.type === 'divider')).toHaveLength(headers.length + 1);
  });

  it('leaves out a blank notice and rejects metadata over 3000 characters', () => {
    const view = full({ metadata: '', notice: '   ' });
    expect((view.blocks as KnownBlock[]).filter((b) => b.type === 'context')).toHaveLength(3);
    expect(() => full({ metadata: 'x'.repeat(3001) })).toThrow(RangeError);
    expect(() => full({ metadata: 'x'.repeat(3000) })).not.toThrow();
  });

  it('lists every EGFR variant as its own driver option', () => {
    const view = full({ metadata: '' });
    const texts = optionsOf(element(view, INTAKE_IDS.driver.blockId)).map((o) => o.text.text);
    expect(texts).toEqual([
      'EGFR ex19del',
      'EGFR L858R',
      'EGFR exon 20 insertion',
      'EGFR uncommon',
      'EGFR, variant not stated',
      'ALK',
      'ROS1',
      'RET',
      'MET',
      'BRAF',
      'NTRK',
      'HER2',
      'KRAS',
      'None (driver-negative)',
    ]);
    expect(DRIVER_CHOICES).toHaveLength(texts.length);
  });

  it('offers M0 / stage I–III and every M1 category for the stage', () => {
    const view = full({ metadata: '' });
    const options = optionsOf(element(view, INTAKE_IDS.stageM.blockId));
    expect(options.map((o) => o.value)).toEqual(['M0', 'M1', 'M1a', 'M1b', 'M1c', 'M1c1', 'M1c2']);
    expect(options[0]?.text.text).toBe('M0 / stage I–III');
  });

  it('offers only T and N categories that the case schema accepts', () => {
    for (const t of T_CHOICES) expect(CaseSchema.safeParse({ stage: { t: t.value } }).success).toBe(true);
    for (const n of N_CHOICES) expect(CaseSchema.safeParse({ stage: { n: n.value } }).success).toBe(true);
  });

  it('configures number inputs: ECOG without bounds, decimals only where they make sense', () => {
    const view = full({ metadata: '' });
    const num = (field: keyof typeof INTAKE_IDS) => {
      const el = element(view, INTAKE_IDS[field].blockId);
      if (el.type !== 'number_input') throw new Error(`${field} is ${el.type}`);
      return el;
    };
    expect(num('ecog').min_value).toBeUndefined();
    expect(num('ecog').max_value).toBeUndefined();
    expect(num('ecog').is_decimal_allowed).toBe(false);
    for (const f of ['lesionCount', 'organs', 'therapyCycles', 'progressingSites'] as const)
      expect(num(f).is_decimal_allowed).toBe(false);
    for (const f of ['pdl1', 'sizeCm', 'therapyMonths', 'lifeExpectancy'] as const)
      expect(num(f).is_decimal_allowed).toBe(true);
    expect([num('pdl1').min_value, num('pdl1').max_value]).toEqual(['0', '100']);
  });

  it('defaults delivery to "Preview to me"', () => {
    const view = full({ metadata: '' });
    const el = element(view, INTAKE_IDS.delivery.blockId);
    expect(optionsOf(el).map((o) => o.text.text)).toEqual(['Preview to me', 'Post in channel']);
    expect(initialValue(view, 'delivery')).toBe('preview');
  });
});

describe('buildIntakeModal: prefill', () => {
  it('maps each fact of a case to its option or value', () => {
    const view = full({
      metadata: '',
      initial: {
        histology: 'adenocarcinoma',
        stage: { m: 'M1c', t: 't2b', n: 'N2', edition: 9 },
        driver: 'EGFR',
        egfrVariant: 'ex19del',
        pdl1: 0.5,
        metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] },
        serosalDisease: true,
        ecog: 1,
        karnofsky: 80,
        therapy: { status: 'on-treatment', agent: 'osimertinib', months: 2.5, response: 'PR' },
        progression: 'oligoprogression',
        primary: { sizeCm: 4.2, endobronchial: true, lobe: 'RUL' },
        symptoms: ['hemoptysis', 'cough'],
        lung: { priorThoracicRt: false, poorFunction: true },
      },
    });
    expect(initialValue(view, 'histology')).toBe('adenocarcinoma');
    expect(initialValue(view, 'stageM')).toBe('M1c');
    expect(initialValue(view, 'stageT')).toBe('T2b');
    expect(initialValue(view, 'edition')).toBe('9');
    expect(initialValue(view, 'driver')).toBe('EGFR:ex19del');
    expect(initialValue(view, 'pdl1')).toBe('0.5');
    expect(initialValue(view, 'sites')).toEqual(['bone', 'adrenal']);
    expect(initialValue(view, 'serosal')).toEqual(['unspecified']);
    expect(initialValue(view, 'karnofsky')).toBe('80');
    expect(initialValue(view, 'therapyMonths')).toBe('2.5');
    expect(initialValue(view, 'agent')).toBe('osimertinib');
    expect(initialValue(view, 'progressionPattern')).toBe('oligoprogression');
    expect(initialValue(view, 'endobronchial')).toEqual(['yes']);
    expect(initialValue(view, 'priorThoracicRt')).toBeUndefined();
    expect(initialValue(view, 'poorLungFunction')).toEqual(['yes']);
    expect(initialValue(view, 'symptoms')).toEqual(['hemoptysis', 'cough']);
    expect(initialValue(view, 'brain')).toBeUndefined();
  });

  it('preselects the M category a stated stage group implies', () => {
    const m = (group: string) =>
      initialValue(full({ metadata: '', initial: { stage: { group } } }), 'stageM');
    expect(m('IV')).toBe('M1');
    expect(m('IVA')).toBe('M1');
    expect(m('IVB')).toBe('M1c');
    expect(m('III')).toBe('M0');
    expect(
      initialValue(full({ metadata: '', initial: { stage: { group: 'IV', m: 'M1b' } } }), 'stageM'),
    ).toBe('M1b');
  });

  it('keeps the valid facts of an invalid case and leaves the invalid ones empty', () => {
    const initial = {
      driver: 'EGFR',
      egfrVariant: 'L858R',
      ecog: 7,
      stage: { m: 'M1b', t: 'T9' },
      metastases: { count: 2, organs: 6 },
      primary: { sizeCm: -1, location: 'central' },
      bogus: true,
    };
    expect(CaseSchema.safeParse(initial).success).toBe(false);
    const view = full({ metadata: '', initial });
    expect(initialValue(view, 'driver')).toBe('EGFR:L858R');
    expect(initialValue(view, 'ecog')).toBeUndefined();
    expect(initialValue(view, 'stageM')).toBe('M1b');
    expect(initialValue(view, 'stageT')).toBeUndefined();
    // Each count is valid on its own; the conflict is reported when the form is submitted.
    expect(initialValue(view, 'lesionCount')).toBe('2');
    expect(initialValue(view, 'organs')).toBe('6');
    expect(initialValue(view, 'sizeCm')).toBeUndefined();
    expect(initialValue(view, 'location')).toBe('central');
  });

  it('shows the driver, not a conflicting EGFR variant, and an EGFR variant alone as EGFR', () => {
    expect(prefillFacts({ driver: 'ALK', egfrVariant: 'ex19del' })).toMatchObject({ driver: 'ALK' });
    expect(
      initialValue(full({ metadata: '', initial: { driver: 'ALK', egfrVariant: 'ex19del' } }), 'driver'),
    ).toBe('ALK');
    expect(initialValue(full({ metadata: '', initial: { egfrVariant: 'uncommon' } }), 'driver')).toBe(
      'EGFR:uncommon',
    );
    expect(
      initialValue(full({ metadata: '', initial: { driver: { gene: 'EGFR', variant: 'L858R' } } }), 'driver'),
    ).toBe('EGFR:L858R');
  });

  it('prefills nothing from a value that is not a case', () => {
    for (const initial of [null, 42, 'EGFR', [], { stage: 'M1c' }]) {
      const view = full({ metadata: '', initial });
      for (const field of INTAKE_FIELDS) {
        if (field !== 'delivery') expect(initialValue(view, field)).toBeUndefined();
      }
    }
  });

  it('formats numbers without exponents', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(Number(formatNumber(1e-7))).toBe(1e-7);
  });
});

describe('buildIntakeModal: every choice can be "Not stated"', () => {
  const view = full({ metadata: '{"origin":"command"}' });
  const facts = view.blocks.filter(
    (b): b is InputBlock => b.type === 'input' && b.block_id !== INTAKE_IDS.delivery.blockId,
  );

  it('has no radio group for a fact (Slack cannot clear a radio); optional selects start at "Not stated"', () => {
    for (const b of facts) {
      expect(b.element.type).not.toBe('radio_buttons');
      if (b.element.type === 'static_select' && b.optional) {
        expect(b.element.options?.[0]?.value).toBe('not-stated');
        expect(b.element.initial_option?.value).toBe('not-stated');
      }
    }
  });

  it('reads "Not stated" as an absent fact, and carries genes reported negative and a non-lung primary', () => {
    const prefilled = full({
      metadata: '{"origin":"command"}',
      initial: {
        primarySite: 'non-lung',
        stage: { m: 'M1b' },
        driver: 'none',
        negativeFor: ['EGFR', 'ALK'],
        metastases: { burden: 'oligo' },
      },
    });
    const values = simulateState(prefilled);
    const read = readIntakeState(values);
    expect(read.ok && read.case).toMatchObject({ primarySite: 'non-lung', negativeFor: ['EGFR', 'ALK'] });
    values[INTAKE_IDS.primarySite.blockId]![INTAKE_IDS.primarySite.actionId] = {
      type: 'static_select',
      selected_option: { value: 'not-stated' },
    };
    const cleared = readIntakeState(values);
    expect(cleared.ok && cleared.case.primarySite).toBeUndefined();
  });
});
