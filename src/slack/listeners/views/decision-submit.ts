// Board decision submitted: stored with the consult (note through the identifier guard) and announced in the
// answer's thread. The announcement carries the outcome and reason, never the note's text.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { guardText } from '../../../consult/index.js';
import { errorFields } from '../../../errors/index.js';
import { DECISION_REASON_INFO, type DecisionOutcome, type DecisionReason } from '../../../store/index.js';
import { buildNotice } from '../../blocks/notice.js';
import { reportFailure } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import {
  DECISION_IDS,
  DecisionMetadataSchema,
  outcomeLabel,
  readDecisionState,
} from '../../views/decision-modal.js';
import { updateDecidedCard } from './decision-card.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

export function decisionSubmit(deps: SlackDeps) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const state = readDecisionState(view.state.values);
    if (!state.ok) {
      await ack({ response_action: 'errors', errors: state.errors });
      return;
    }
    let meta: unknown;
    try {
      meta = JSON.parse(view.private_metadata);
    } catch {
      meta = undefined;
    }
    const parsedMeta = DecisionMetadataSchema.safeParse(meta);
    if (!parsedMeta.success || !deps.store) {
      await ack({
        response_action: 'errors',
        errors: {
          [DECISION_IDS.outcome.blockId]:
            'This decision cannot be linked to its answer (E_DECISION_META). Reopen it from the answer.',
        },
      });
      return;
    }
    const guard = state.note ? guardText(state.note) : undefined;
    const user = body.user.id;
    try {
      await deps.store.recordDecision({
        consultId: parsedMeta.data.consultId,
        at: deps.now(),
        userId: user,
        outcome: state.outcome,
        reason: state.reason,
        note: guard?.text,
      });
    } catch (err) {
      deps.log.error('decision record failed', errorFields(err, 'E_DECISION'));
      await ack({
        response_action: 'errors',
        errors: {
          [DECISION_IDS.outcome.blockId]: 'The decision could not be saved (E_DECISION). Please try again.',
        },
      });
      return;
    }
    await ack();
    deps.log.info('board decision', {
      outcome: state.outcome,
      reason: state.reason,
      identifiersRemoved: guard?.identifiersRemoved.length ?? 0,
    });
    const { channelId, threadTs, messageTs, consultId } = parsedMeta.data;
    if (!channelId) return;
    try {
      const at = deps.now();
      const decided = {
        consultId,
        channelId,
        outcome: state.outcome,
        reason: state.reason,
        userId: user,
        at,
      };
      const updated = messageTs ? await updateDecidedCard(deps, client, { ...decided, messageTs }) : false;
      if (!updated) await announceInThread(client, channelId, threadTs, user, state);
      if (guard && guard.identifiersRemoved.length > 0) {
        const notice = buildNotice('privacy', guard.identifiersRemoved.join(', '));
        await client.chat.postEphemeral({
          channel: channelId,
          user,
          text: notice.text,
          blocks: notice.blocks,
        });
      }
    } catch (err) {
      await reportFailure(deps, err, { surface: 'decision_submit', client, channel: channelId, user });
    }
  };
}

/** A card posted before decisions updated it (no message ts): the decision is announced in its thread. */
async function announceInThread(
  client: WebClient,
  channelId: string,
  threadTs: string | undefined,
  user: string,
  state: { outcome: DecisionOutcome; reason: DecisionReason; note: string | undefined },
): Promise<void> {
  const text = `Board decision recorded by <@${escapeMrkdwn(user)}>: *${outcomeLabel(state.outcome)}* (reason: ${escapeMrkdwn(DECISION_REASON_INFO[state.reason].label)})${state.note ? '; a note was kept in the audit trail' : ''}.`;
  await client.chat.postMessage({
    channel: channelId,
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
}
