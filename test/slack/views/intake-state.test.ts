import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../../src/engine/case-schema.js';
import { INTAKE_FIELDS, INTAKE_IDS, type IntakeField } from '../../../src/slack/views/intake-ids.js';
import { buildIntakeModal } from '../../../src/slack/views/intake-modal.js';
import { DRIVER_CHOICES } from '../../../src/slack/views/intake-options.js';
import {
  fieldForPath,
  type IntakeReadResult,
  readIntakeState,
} from '../../../src/slack/views/intake-state.js';
import { type Obj, setField, setNumber, setOption, simulateState } from './helpers.js';

const BASE = {
  histology: 'adenocarcinoma',
  stage: { m: 'M1c' },
  driver: 'EGFR',
  egfrVariant: 'ex19del',
  metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] },
  ecog: 1,
  therapy: { status: 'naive' },
  staging: { petCt: 'done', brainMri: 'done' },
  primary: { location: 'peripheral', sizeCm: 3 },
};

const INPUT_BLOCK_IDS = new Set(INTAKE_FIELDS.map((f) => INTAKE_IDS[f].blockId));

function baseValues(initial: unknown = BASE) {
  return simulateState(buildIntakeModal({ initial, metadata: '' }));
}

function errorsOf(result: IntakeReadResult): Record<string, string> {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.case)}`);
  return result.errors;
}

function errorOn(result: IntakeReadResult, field: IntakeField): string | undefined {
  return errorsOf(result)[INTAKE_IDS[field].blockId];
}

function wellFormed(result: IntakeReadResult): void {
  if (result.ok) {
    expect(CaseSchema.safeParse(result.case).success).toBe(true);
    expect(['preview', 'channel']).toContain(result.delivery);
    return;
  }
  const entries = Object.entries(result.errors);
  expect(entries.length).toBeGreaterThan(0);
  for (const [blockId, message] of entries) {
    expect(INPUT_BLOCK_IDS.has(blockId)).toBe(true);
    expect(message.length).toBeGreaterThan(0);
    expect(message.length).toBeLessThanOrEqual(150);
  }
}

function checkboxes(field: IntakeField, values: string[]): Obj {
  void field;
  return {
    type: 'checkboxes',
    selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value }, value })),
  };
}

describe('readIntakeState: conversion', () => {
  it('reads the base case back', () => {
    expect(readIntakeState(baseValues())).toEqual({
      ok: true,
      case: CaseSchema.parse(BASE),
      delivery: 'preview',
    });
  });

  it('turns each driver option into driver and EGFR variant', () => {
    const expected: Record<string, object> = {
      'EGFR ex19del': { driver: 'EGFR', egfrVariant: 'ex19del' },
      'EGFR L858R': { driver: 'EGFR', egfrVariant: 'L858R' },
      'EGFR exon 20 insertion': { driver: 'EGFR', egfrVariant: 'exon20ins' },
      'EGFR uncommon': { driver: 'EGFR', egfrVariant: 'uncommon' },
      'EGFR, variant not stated': { driver: 'EGFR' },
      ALK: { driver: 'ALK' },
      KRAS: { driver: 'KRAS' },
      'None (driver-negative)': { driver: 'none' },
    };
    for (const choice of DRIVER_CHOICES) {
      const values = baseValues();
      setOption(values, 'driver', choice.value);
      const result = readIntakeState(values);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const want = expected[choice.text];
      if (want) {
        expect({ driver: result.case.driver, egfrVariant: result.case.egfrVariant }).toEqual({
          egfrVariant: undefined,
          ...want,
        });
      }
    }
  });

  it('reads "M0 / stage I–III" as M0 and needs no burden then', () => {
    const values = baseValues({ driver: 'none' });
    setOption(values, 'stageM', 'M0');
    const result = readIntakeState(values);
    expect(result).toEqual({ ok: true, case: { stage: { m: 'M0' }, driver: 'none' }, delivery: 'preview' });
  });

  it('turns checkboxes into lists and ticked boxes into true; empty means not stated', () => {
    const values = baseValues();
    setField(values, 'symptoms', checkboxes('symptoms', ['hemoptysis', 'dyspnea']));
    setField(values, 'serosal', checkboxes('serosal', ['pleural-effusion']));
    setField(values, 'endobronchial', checkboxes('endobronchial', ['yes']));
    setField(values, 'priorThoracicRt', checkboxes('priorThoracicRt', []));
    const result = readIntakeState(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.case.symptoms).toEqual(['hemoptysis', 'dyspnea']);
    expect(result.case.serosalDisease).toEqual(['pleural-effusion']);
    expect(result.case.primary?.endobronchial).toBe(true);
    expect(result.case.lung).toBeUndefined();
  });

  it('parses numbers from strings, trimming blanks; a blank number is not stated', () => {
    const values = baseValues();
    setNumber(values, 'sizeCm', ' 4.25 ');
    setNumber(values, 'pdl1', '.5');
    setNumber(values, 'ecog', '   ');
    setNumber(values, 'therapyMonths', null);
    const result = readIntakeState(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.case.primary?.sizeCm).toBe(4.25);
    expect(result.case.pdl1).toBe(0.5);
    expect(result.case.ecog).toBeUndefined();
    expect(result.case.therapy?.months).toBeUndefined();
  });

  it('reads Karnofsky and the edition as numbers', () => {
    const values = baseValues();
    setOption(values, 'karnofsky', '70');
    setField(values, 'edition', {
      type: 'radio_buttons',
      selected_option: { text: { type: 'plain_text', text: 'TNM 9th edition' }, value: '9' },
    });
    const result = readIntakeState(values);
    expect(result.ok && [result.case.karnofsky, result.case.stage?.edition]).toEqual([70, 9]);
  });
});

describe('readIntakeState: validation errors under the right block', () => {
  it('ECOG 7', () => {
    const values = baseValues();
    setNumber(values, 'ecog', '7');
    const result = readIntakeState(values);
    expect(errorsOf(result)).toEqual({
      [INTAKE_IDS.ecog.blockId]: 'ECOG must be a whole number from 0 to 4.',
    });
  });

  it('ECOG 1.5 and ECOG -1', () => {
    for (const v of ['1.5', '-1']) {
      const values = baseValues();
      setNumber(values, 'ecog', v);
      expect(errorOn(readIntakeState(values), 'ecog')).toBe('ECOG must be a whole number from 0 to 4.');
    }
  });

  it('a negative or oversized primary size', () => {
    const values = baseValues();
    setNumber(values, 'sizeCm', '-2');
    expect(errorsOf(readIntakeState(values))).toEqual({
      [INTAKE_IDS.sizeCm.blockId]: 'Size must be greater than 0 cm.',
    });
    setNumber(values, 'sizeCm', '45');
    expect(errorOn(readIntakeState(values), 'sizeCm')).toMatch(/30/);
  });

  it('more organs than lesions', () => {
    const values = baseValues();
    setNumber(values, 'lesionCount', '2');
    setNumber(values, 'organs', '6');
    const errors = errorsOf(readIntakeState(values));
    expect(Object.keys(errors)).toEqual([INTAKE_IDS.organs.blockId]);
    expect(errors[INTAKE_IDS.organs.blockId]).toMatch(
      /organs \(6\) cannot exceed the number of lesions \(2\)/i,
    );
    expect(errors[INTAKE_IDS.organs.blockId]).toMatch(/Correct/);
  });

  it('lesions without an organ', () => {
    const values = baseValues();
    setNumber(values, 'organs', '0');
    expect(errorOn(readIntakeState(values), 'organs')).toMatch(/at least one organ/);
  });

  it('a non-numeric lesion count', () => {
    const values = baseValues();
    setNumber(values, 'lesionCount', 'three');
    const errors = errorsOf(readIntakeState(values));
    expect(errors).toEqual({
      [INTAKE_IDS.lesionCount.blockId]: 'Lesion count must be a number such as 3.',
    });
  });

  it('other non-numbers, with the text clipped', () => {
    for (const [field, text] of [
      ['ecog', 'one'],
      ['pdl1', '50%'],
      ['sizeCm', '1e3'],
      ['therapyMonths', '3 months'],
      ['lifeExpectancy', 'x'.repeat(500)],
    ] as const) {
      const values = baseValues();
      setNumber(values, field, text);
      const message = errorOn(readIntakeState(values), field);
      expect(message).toMatch(/must be a number such as/);
      expect(message?.length).toBeLessThanOrEqual(150);
    }
  });

  it('a whole-number field given a decimal', () => {
    const values = baseValues();
    setNumber(values, 'lesionCount', '2.5');
    expect(errorOn(readIntakeState(values), 'lesionCount')).toMatch(/whole number/);
  });

  it('PD without a progression pattern, and PD with "no progression"', () => {
    const values = baseValues({ ...BASE, therapy: { status: 'on-treatment', response: 'PD' } });
    const errors = errorsOf(readIntakeState(values));
    expect(Object.keys(errors)).toEqual([INTAKE_IDS.progressionPattern.blockId]);
    expect(errors[INTAKE_IDS.progressionPattern.blockId]).toMatch(/PD.*choose the progression pattern/);

    const none = baseValues({ ...BASE, therapy: { response: 'PD' }, progression: { pattern: 'none' } });
    expect(errorOn(readIntakeState(none), 'progressionPattern')).toMatch(/PD.*no progression/);

    const ok = baseValues({
      ...BASE,
      therapy: { response: 'PD' },
      progression: { pattern: 'polyprogression' },
    });
    expect(readIntakeState(ok).ok).toBe(true);
  });

  it('missing metastatic burden, saying what to fill', () => {
    // Driver-negative: the lesion count matters (for EGFR, ≤3 organs alone would be enough).
    const noBurden = baseValues({
      ...BASE,
      driver: 'none',
      egfrVariant: undefined,
      metastases: { sites: ['bone'] },
    });
    expect(errorsOf(readIntakeState(noBurden))).toEqual({
      [INTAKE_IDS.lesionCount.blockId]:
        'Metastatic burden is needed: enter the lesion count and number of organs, or choose oligo/poly under Metastatic burden (More facts).',
    });
    const countOnly = baseValues({ ...BASE, metastases: { count: 4 } });
    expect(errorOn(readIntakeState(countOnly), 'lesionCount')).toMatch(/number of organs/);
    const organsOnly = baseValues({
      ...BASE,
      driver: 'none',
      egfrVariant: undefined,
      metastases: { organs: 1 },
    });
    expect(errorOn(readIntakeState(organsOnly), 'lesionCount')).toMatch(/lesion count/);
    const burdenOnly = baseValues({ ...BASE, metastases: { burden: 'poly' } });
    expect(readIntakeState(burdenOnly).ok).toBe(true);
    const sclc = baseValues({ ...BASE, histology: 'sclc', metastases: undefined });
    expect(readIntakeState(sclc).ok).toBe(true);
  });

  it('does not ask for the burden twice when a count could not be read', () => {
    const values = baseValues({ ...BASE, metastases: {} });
    setNumber(values, 'organs', 'two');
    const errors = errorsOf(readIntakeState(values));
    expect(Object.keys(errors)).toEqual([INTAKE_IDS.organs.blockId]);
  });

  it('missing stage and driver, when a payload skips the client-side check', () => {
    const values = baseValues();
    setOption(values, 'stageM', null);
    setOption(values, 'driver', null);
    const errors = errorsOf(readIntakeState(values));
    expect(Object.keys(errors).sort()).toEqual([INTAKE_IDS.driver.blockId, INTAKE_IDS.stageM.blockId].sort());
    expect(errors[INTAKE_IDS.driver.blockId]).toMatch(/None \(driver-negative\)/);
  });

  it('an option that the modal does not offer', () => {
    for (const [field, value] of [
      ['histology', 'mesothelioma'],
      ['karnofsky', '55'],
      ['driver', 'EGFR:T790M'],
      ['stageM', 'M2'],
    ] as const) {
      const values = baseValues();
      setOption(values, field, value);
      expect(Object.keys(errorsOf(readIntakeState(values)))).toContain(INTAKE_IDS[field].blockId);
    }
    const values = baseValues();
    setField(values, 'sites', {
      type: 'multi_static_select',
      selected_options: [{ value: 'bone' }, { value: 'spleen' }],
    });
    expect(errorOn(readIntakeState(values), 'sites')).toBeDefined();
    const flag = baseValues();
    setField(flag, 'endobronchial', checkboxes('endobronchial', ['no']));
    expect(errorOn(readIntakeState(flag), 'endobronchial')).toBeDefined();
  });

  it('an agent longer than 80 characters', () => {
    const values = baseValues();
    setField(values, 'agent', { type: 'plain_text_input', value: 'a'.repeat(81) });
    expect(errorOn(readIntakeState(values), 'agent')).toBe('Agent must be at most 80 characters.');
  });

  it('an unknown delivery', () => {
    const values = baseValues();
    setField(values, 'delivery', { type: 'radio_buttons', selected_option: { value: 'email' } });
    expect(errorOn(readIntakeState(values), 'delivery')).toBeDefined();
  });

  it('reports several errors at once, each under its own block and at most 150 characters', () => {
    const values = baseValues();
    setNumber(values, 'ecog', '9');
    setNumber(values, 'sizeCm', '0');
    setNumber(values, 'pdl1', '120');
    setNumber(values, 'lifeExpectancy', '-3');
    setOption(values, 'karnofsky', null);
    const result = readIntakeState(values);
    wellFormed(result);
    expect(Object.keys(errorsOf(result)).sort()).toEqual(
      [INTAKE_IDS.ecog, INTAKE_IDS.sizeCm, INTAKE_IDS.pdl1, INTAKE_IDS.lifeExpectancy]
        .map((i) => i.blockId)
        .sort(),
    );
  });

  it('maps every engine field path to a modal block', () => {
    expect(fieldForPath(['metastases', 'organs'])).toBe('organs');
    expect(fieldForPath(['primary', 'sizeCm'])).toBe('sizeCm');
    expect(fieldForPath(['symptoms', 3])).toBe('symptoms');
    expect(fieldForPath(['egfrVariant'])).toBe('driver');
    expect(fieldForPath(['stage', 'group'])).toBe('stageM');
    expect(fieldForPath([])).toBe('histology');
  });
});

describe('readIntakeState: malformed payloads', () => {
  it('a value that is not a state object gives one error on the first input', () => {
    for (const values of [null, undefined, 42, 'state', [], [{}], true]) {
      const result = readIntakeState(values);
      expect(result.ok).toBe(false);
      expect(Object.keys(errorsOf(result))).toEqual([INTAKE_IDS.histology.blockId]);
    }
  });

  it('an empty state asks for the critical facts', () => {
    const errors = errorsOf(readIntakeState({}));
    expect(Object.keys(errors).sort()).toEqual(
      [INTAKE_IDS.stageM, INTAKE_IDS.driver, INTAKE_IDS.lesionCount].map((i) => i.blockId).sort(),
    );
  });

  it('missing blocks of optional facts are not stated', () => {
    const values = baseValues();
    delete values[INTAKE_IDS.ecog.blockId];
    delete values[INTAKE_IDS.delivery.blockId];
    const result = readIntakeState(values);
    expect(result.ok && [result.case.ecog, result.delivery]).toEqual([undefined, 'preview']);
  });

  it('wrong types under a block give an error on that block', () => {
    const cases: [IntakeField, unknown][] = [
      ['ecog', 5],
      ['ecog', { [INTAKE_IDS.ecog.actionId]: { type: 'number_input', value: 5 } }],
      ['ecog', { [INTAKE_IDS.ecog.actionId]: { value: '1' } }],
      [
        'histology',
        { [INTAKE_IDS.histology.actionId]: { type: 'static_select', selected_option: 'adenocarcinoma' } },
      ],
      ['sites', { [INTAKE_IDS.sites.actionId]: { type: 'multi_static_select', selected_options: 'bone' } }],
      ['symptoms', { [INTAKE_IDS.symptoms.actionId]: { type: 'checkboxes', selected_options: [null] } }],
      ['agent', { [INTAKE_IDS.agent.actionId]: [] }],
    ];
    for (const [field, block] of cases) {
      const values: Record<string, unknown> = baseValues();
      values[INTAKE_IDS[field].blockId] = block;
      const result = readIntakeState(values);
      wellFormed(result);
      expect(Object.keys(errorsOf(result))).toEqual([INTAKE_IDS[field].blockId]);
      expect(errorOn(result, field)).toMatch(/could not be read/);
    }
  });

  it('ignores blocks it does not know and survives prototype keys', () => {
    const values: Record<string, unknown> = baseValues();
    values.some_other_block = { x: 1 };
    expect(readIntakeState(values).ok).toBe(true);
    const proto = JSON.parse(
      `{"__proto__": {"intake_ecog": {"intake_ecog_input": {"type": "number_input", "value": "9"}}}, ${JSON.stringify(baseValues()).slice(1)}`,
    );
    const result = readIntakeState(proto);
    expect(result.ok && result.case.ecog).toBe(1);
    expect(readIntakeState({ constructor: {}, toString: 1 }).ok).toBe(false);
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (values) => {
        wellFormed(readIntakeState(values));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on payloads shaped like a submission with arbitrary contents', () => {
    const blockIds = INTAKE_FIELDS.map((f) => INTAKE_IDS[f].blockId);
    const actionIds = INTAKE_FIELDS.map((f) => INTAKE_IDS[f].actionId);
    const arbElement = fc.oneof(
      fc.anything(),
      fc.record(
        {
          type: fc.oneof(fc.string(), fc.anything()),
          value: fc.oneof(fc.string(), fc.constantFrom('1', '0', '-1', '7', '2.5', '1e9', ''), fc.anything()),
          selected_option: fc.oneof(fc.constant(null), fc.record({ value: fc.string() }), fc.anything()),
          selected_options: fc.oneof(fc.array(fc.record({ value: fc.string() })), fc.anything()),
        },
        { requiredKeys: [] },
      ),
    );
    const arbValues = fc.dictionary(
      fc.oneof(fc.constantFrom(...blockIds), fc.string()),
      fc.oneof(
        fc.dictionary(fc.oneof(fc.constantFrom(...actionIds), fc.string()), arbElement),
        fc.anything(),
      ),
    );
    fc.assert(
      fc.property(arbValues, (values) => {
        wellFormed(readIntakeState(values));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws when real option values are mixed with garbage numbers', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'ecog',
            'lesionCount',
            'organs',
            'sizeCm',
            'pdl1',
            'therapyMonths',
            'lifeExpectancy',
          ),
          fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String)),
        ),
        (numbers) => {
          const values = baseValues();
          for (const [field, text] of Object.entries(numbers)) setNumber(values, field as IntakeField, text);
          wellFormed(readIntakeState(values));
        },
      ),
      { numRuns: 500 },
    );
  });
});
