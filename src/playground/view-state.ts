// `view.state.values` as Slack builds it for a view_submission: from a modal's initial values (a submission of an
// untouched form) or from what the user entered. Shared by the playground and the tests.
import type { ModalView } from '@slack/types';
import { inputBlocks, simulateState } from '../slack/views/initial-state.js';

export type { Obj, StateValues } from '../slack/views/initial-state.js';

import type { Obj, StateValues } from '../slack/views/initial-state.js';

// The initial state lives with the Slack views: the completion modal reads an untouched form the same way.
export { inputBlocks, simulateState } from '../slack/views/initial-state.js';

/** What a person entered in one input: the text of a text or number input, or the chosen option values. */
export type Entry = { value: string | null } | { selected: string[] };

interface OptionLike {
  text: unknown;
  value?: string;
}

function optionsOf(el: Obj): OptionLike[] {
  const direct = Array.isArray(el.options) ? (el.options as OptionLike[]) : [];
  const groups = Array.isArray(el.option_groups)
    ? (el.option_groups as { options?: OptionLike[] }[]).flatMap((g) => g.options ?? [])
    : [];
  return [...direct, ...groups];
}

/**
 * `view.state.values` from what the user entered, keyed by block_id. Inputs without an entry keep their initial
 * value (as in Slack); chosen values that are not options of the element are dropped, as Slack's client
 * cannot send them. Elements the playground does not know keep `{ type }` only.
 */
export function stateFromEntries(
  view: Pick<ModalView, 'blocks'>,
  entries: Record<string, Entry>,
): StateValues {
  const initial = simulateKnown(view);
  const values: StateValues = {};
  for (const block of inputBlocks(view)) {
    const blockId = block.block_id ?? '';
    const el = block.element as unknown as Obj;
    const type = String(el.type);
    const actionId = String(el.action_id ?? '');
    const entry = entries[blockId];
    let state: Obj = initial[blockId]?.[actionId] ?? { type };
    if (entry !== undefined) {
      const options = optionsOf(el);
      const pick = (v: string) => {
        const o = options.find((x) => x.value === v);
        return o ? { text: o.text, value: o.value } : undefined;
      };
      const chosen = 'selected' in entry ? entry.selected : entry.value === null ? [] : [entry.value];
      const text = 'value' in entry ? entry.value : (entry.selected[0] ?? null);
      switch (type) {
        case 'static_select':
        case 'radio_buttons':
          state = { type, selected_option: chosen[0] === undefined ? null : (pick(chosen[0]) ?? null) };
          break;
        case 'multi_static_select':
        case 'checkboxes':
          state = { type, selected_options: chosen.map(pick).filter((o) => o !== undefined) };
          break;
        case 'number_input':
        case 'plain_text_input':
        case 'email_text_input':
        case 'url_text_input':
          state = { type, value: text === '' ? null : text };
          break;
        case 'datepicker':
          state = { type, selected_date: text || null };
          break;
        case 'timepicker':
          state = { type, selected_time: text || null };
          break;
        default:
          state = { type };
      }
    }
    values[blockId] = { [actionId]: state };
  }
  return values;
}

/** simulateState for the elements it knows; others are left out instead of throwing. */
function simulateKnown(view: Pick<ModalView, 'blocks'>): StateValues {
  const out: StateValues = {};
  for (const block of inputBlocks(view)) {
    try {
      Object.assign(out, simulateState({ blocks: [block] }));
    } catch {
      // An element type simulateState does not model: no initial state.
    }
  }
  return out;
}
