// `view.state.values` as Slack builds it for a view_submission of an untouched modal: from its initial values.
// The completion modal fills the facts it does not show this way; the playground and the tests use it too.
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';

export type Obj = Record<string, unknown>;
export type StateValues = Record<string, Record<string, Obj>>;

export function inputBlocks(view: Pick<ModalView, 'blocks'>): InputBlock[] {
  return (view.blocks as KnownBlock[]).filter((b): b is InputBlock => b.type === 'input');
}

function optionState(o: PlainTextOption | undefined) {
  return o ? { text: o.text, value: o.value } : null;
}

/** The `view.state.values` Slack would send if the user submitted the modal without touching it. */
export function simulateState(view: Pick<ModalView, 'blocks'>): StateValues {
  const values: StateValues = {};
  for (const block of inputBlocks(view)) {
    const el = block.element;
    const actionId = el.action_id ?? '';
    let state: Obj;
    switch (el.type) {
      case 'static_select':
        state = { type: el.type, selected_option: optionState(el.initial_option) };
        break;
      case 'radio_buttons':
        state = {
          type: el.type,
          selected_option: optionState(el.initial_option as PlainTextOption | undefined),
        };
        break;
      case 'multi_static_select':
        state = { type: el.type, selected_options: (el.initial_options ?? []).map(optionState) };
        break;
      case 'checkboxes':
        state = {
          type: el.type,
          selected_options: (el.initial_options ?? []).map((o) => optionState(o as PlainTextOption)),
        };
        break;
      case 'number_input':
      case 'plain_text_input':
      case 'email_text_input':
      case 'url_text_input':
        state = { type: el.type, value: el.initial_value ?? null };
        break;
      default:
        throw new Error(`unexpected element ${el.type}`);
    }
    values[block.block_id ?? ''] = { [actionId]: state };
  }
  return values;
}
