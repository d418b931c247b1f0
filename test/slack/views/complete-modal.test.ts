// "Complete the case": only the missing facts, prefilled, each clearable ("Not stated"); the kept case is
// patched, never lost (negativeFor, primarySite and stage group are not on the intake form but survive).
import type { InputBlock, StaticSelect } from '@slack/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../../src/engine/index.js';
import { checkView } from '../../../src/slack/blocks/check-message.js';
import { postToResponseUrl, ResponseUrlError } from '../../../src/slack/queue/transport.js';
import {
  buildCompletionModal,
  completionFields,
  readCompletion,
} from '../../../src/slack/views/complete-modal.js';
import { simulateState } from '../../../src/slack/views/initial-state.js';
import { INTAKE_IDS } from '../../../src/slack/views/intake-ids.js';

const META = { origin: 'action' as const, channelId: 'C0BOARD', userId: 'U0DOCTOR' };
const BASE: Case = {
  primarySite: 'lung',
  stage: { group: 'IV' },
  negativeFor: ['EGFR'],
  metastases: { count: 3 },
  ecog: 1,
};

function inputs(view: NonNullable<ReturnType<typeof buildCompletionModal>>): InputBlock[] {
  return view.blocks.filter((b): b is InputBlock => b.type === 'input');
}

describe('the completion modal', () => {
  it('asks only for the missing facts, within the view limits, every choice clearable', () => {
    const view = buildCompletionModal(BASE, ['driver'], META)!;
    expect(checkView(view)).toEqual([]);
    expect(inputs(view).map((b) => b.block_id)).toEqual([INTAKE_IDS.driver.blockId]);
    const select = inputs(view)[0]!.element as StaticSelect;
    expect(select.options![0]!.text.text).toBe('Not stated');
    expect(select.initial_option!.value).toBe('not-stated');
    // A gene reported negative is not offered.
    expect(select.options!.some((o) => (o.value ?? '').startsWith('EGFR'))).toBe(false);
    expect(completionFields(['metastases', 'progression'])).toEqual([
      'lesionCount',
      'organs',
      'burden',
      'progressionPattern',
      'progressingSites',
    ]);
  });

  it('prefills what was understood', () => {
    const view = buildCompletionModal(BASE, ['metastases'], META)!;
    const count = inputs(view).find((b) => b.block_id === INTAKE_IDS.lesionCount.blockId)!;
    expect((count.element as { initial_value?: string }).initial_value).toBe('3');
  });

  it('keeps every other fact and patches the shown ones', () => {
    const view = buildCompletionModal(BASE, ['driver'], META)!;
    const values = simulateState(view);
    values[INTAKE_IDS.driver.blockId]![INTAKE_IDS.driver.actionId] = {
      type: 'static_select',
      selected_option: { value: 'ALK' },
    };
    const read = readCompletion(values, view.private_metadata);
    expect(read).toEqual({ ok: true, case: { ...BASE, driver: 'ALK' }, meta: META });
  });

  it('"Not stated" leaves the fact unknown', () => {
    const view = buildCompletionModal(BASE, ['driver'], META)!;
    const read = readCompletion(simulateState(view), view.private_metadata);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.case.driver).toBeUndefined();
  });

  it('puts a schema error under the field that caused it, and reads tampered metadata as an error', () => {
    const view = buildCompletionModal({ ...BASE, metastases: {} }, ['metastases'], META)!;
    const values = simulateState(view);
    values[INTAKE_IDS.lesionCount.blockId]![INTAKE_IDS.lesionCount.actionId] = {
      type: 'number_input',
      value: '1',
    };
    values[INTAKE_IDS.organs.blockId]![INTAKE_IDS.organs.actionId] = { type: 'number_input', value: '4' };
    const read = readCompletion(values, view.private_metadata);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(Object.keys(read.errors)).toEqual([INTAKE_IDS.organs.blockId]);
    const broken = readCompletion(values, '{"meta":{}}');
    expect(broken.ok).toBe(false);
  });

  it('is not built when nothing is missing', () => {
    expect(buildCompletionModal(BASE, [], META)).toBeUndefined();
  });
});

// A completion replaces its preview through the queue's response_url transport.
describe('postToResponseUrl with replace_original', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('posts replace_original to the URL and throws a coded status when Slack refuses', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
      calls.push({ url, body: JSON.parse(init.body) });
      return new Response('ok', { status: calls.length === 1 ? 200 : 404 });
    });
    const m = { text: 'Recommended', blocks: [] };
    await postToResponseUrl('https://hooks.slack.com/actions/1', m, true);
    expect(calls[0]!.body).toEqual({
      response_type: 'ephemeral',
      replace_original: true,
      text: 'Recommended',
      blocks: [],
    });
    await expect(postToResponseUrl('https://hooks.slack.com/actions/1', m, true)).rejects.toBeInstanceOf(
      ResponseUrlError,
    );
    expect(calls).toHaveLength(2);
  });
});
