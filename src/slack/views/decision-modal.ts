// "Record board decision": outcome, a reason from a fixed list (modelled on CDS Hooks override reasons) and a
// free note that passes the identifier guard before it is stored.
import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { VERDICT_LABEL } from '../../present/labels.js';
import {
  DECISION_OUTCOMES,
  DECISION_REASON_INFO,
  DECISION_REASONS,
  type DecisionOutcome,
  type DecisionReason,
  NOTE_MAX_CHARS,
} from '../../store/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';

export const DECISION_CALLBACK_ID = 'decision_submit';
export const DECISION_IDS = {
  outcome: { blockId: 'decision_outcome', actionId: 'decision_outcome_input' },
  reason: { blockId: 'decision_reason', actionId: 'decision_reason_input' },
  note: { blockId: 'decision_note', actionId: 'decision_note_input' },
} as const;

const OUTCOME_LABEL: Record<DecisionOutcome, string> = {
  accepted: 'Accepted',
  modified: 'Modified',
  declined: 'Declined',
  deferred: 'Deferred',
};

export function outcomeLabel(o: DecisionOutcome): string {
  return OUTCOME_LABEL[o];
}

export const DecisionMetadataSchema = z.object({
  consultId: z.string().min(1).max(100),
  channelId: z.string().min(1).max(40).optional(),
  threadTs: z.string().min(1).max(40).optional(),
  /** The shared card the decision was recorded from: updated in place with the decision. */
  messageTs: z.string().min(1).max(40).optional(),
});
export type DecisionMetadata = z.infer<typeof DecisionMetadataSchema>;

export function buildDecisionModal(
  meta: DecisionMetadata,
  consult?: { verdict: string; summary?: string },
): ModalView {
  const opt = (text: string, value: string) => ({ text: { type: 'plain_text' as const, text }, value });
  const blocks: KnownBlock[] = [];
  if (consult) {
    const label = (VERDICT_LABEL as Record<string, string>)[consult.verdict] ?? consult.verdict;
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Answer being decided: *${escapeMrkdwn(label)}*` }],
    });
  }
  blocks.push(
    {
      type: 'input',
      block_id: DECISION_IDS.outcome.blockId,
      label: { type: 'plain_text', text: 'Board decision' },
      element: {
        type: 'radio_buttons',
        action_id: DECISION_IDS.outcome.actionId,
        options: DECISION_OUTCOMES.map((o) => opt(OUTCOME_LABEL[o], o)),
      },
    },
    {
      type: 'input',
      block_id: DECISION_IDS.reason.blockId,
      label: { type: 'plain_text', text: 'Reason' },
      element: {
        type: 'static_select',
        action_id: DECISION_IDS.reason.actionId,
        placeholder: { type: 'plain_text', text: 'Choose a reason' },
        options: DECISION_REASONS.map((r) => opt(DECISION_REASON_INFO[r].label, r)),
      },
    },
    {
      type: 'input',
      block_id: DECISION_IDS.note.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Note (no names, record numbers or dates)' },
      element: {
        type: 'plain_text_input',
        action_id: DECISION_IDS.note.actionId,
        multiline: true,
        max_length: NOTE_MAX_CHARS,
      },
    },
  );
  return {
    type: 'modal',
    callback_id: DECISION_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Board decision' },
    submit: { type: 'plain_text', text: 'Record' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}

const Selected = z.object({ value: z.string() }).nullable().optional();
const StateSchema = z.object({
  [DECISION_IDS.outcome.blockId]: z.object({
    [DECISION_IDS.outcome.actionId]: z.object({ selected_option: Selected }),
  }),
  [DECISION_IDS.reason.blockId]: z.object({
    [DECISION_IDS.reason.actionId]: z.object({ selected_option: Selected }),
  }),
  [DECISION_IDS.note.blockId]: z
    .object({ [DECISION_IDS.note.actionId]: z.object({ value: z.string().nullable().optional() }) })
    .optional(),
});

export type DecisionState =
  | { ok: true; outcome: DecisionOutcome; reason: DecisionReason; note: string | undefined }
  | { ok: false; errors: Record<string, string> };

export function readDecisionState(values: unknown): DecisionState {
  const parsed = StateSchema.safeParse(values);
  if (!parsed.success)
    return {
      ok: false,
      errors: { [DECISION_IDS.outcome.blockId]: 'The form was incomplete; please choose again.' },
    };
  const v = parsed.data;
  const outcome = v[DECISION_IDS.outcome.blockId]?.[DECISION_IDS.outcome.actionId]?.selected_option?.value;
  const reason = v[DECISION_IDS.reason.blockId]?.[DECISION_IDS.reason.actionId]?.selected_option?.value;
  const note = v[DECISION_IDS.note.blockId]?.[DECISION_IDS.note.actionId]?.value ?? undefined;
  const errors: Record<string, string> = {};
  if (!DECISION_OUTCOMES.includes(outcome as DecisionOutcome))
    errors[DECISION_IDS.outcome.blockId] = 'Choose accepted, modified, declined or deferred.';
  if (!DECISION_REASONS.includes(reason as DecisionReason))
    errors[DECISION_IDS.reason.blockId] = 'Choose a reason from the list.';
  const contradiction = contradicts(outcome, reason);
  if (contradiction) errors[DECISION_IDS.reason.blockId] = contradiction;
  if (note !== undefined && note.length > NOTE_MAX_CHARS)
    errors[DECISION_IDS.note.blockId] = `Keep the note under ${NOTE_MAX_CHARS} characters.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    outcome: outcome as DecisionOutcome,
    reason: reason as DecisionReason,
    note: note?.trim() ? note.trim() : undefined,
  };
}

// Reasons that explain not following the answer contradict "Accepted"; "Followed the recommendation" contradicts
// every outcome but "Accepted".
const NOT_WITH_ACCEPTED: ReadonlySet<string> = new Set([
  'contraindicated',
  'not-feasible',
  'already-treated',
]);

/** The field error for a reason that contradicts its outcome, or undefined. */
export function contradicts(outcome: string | undefined, reason: string | undefined): string | undefined {
  if (!outcome || !reason) return undefined;
  if (reason === 'as-recommended' && outcome !== 'accepted') {
    return `"${DECISION_REASON_INFO['as-recommended'].label}" contradicts "${OUTCOME_LABEL[outcome as DecisionOutcome] ?? outcome}": choose the reason the board did not follow it.`;
  }
  if (outcome === 'accepted' && NOT_WITH_ACCEPTED.has(reason)) {
    const label = DECISION_REASON_INFO[reason as DecisionReason].label;
    return `"${label}" is a reason not to follow the answer, but the outcome is "Accepted".`;
  }
  return undefined;
}
