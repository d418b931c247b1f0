// "Record board decision" on a shared answer: opens the decision modal for that stored consult.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../blocks/notice.js';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { buildDecisionModal } from '../../views/decision-modal.js';
import { channelOf } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function recordDecision(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    const channel = channelOf(body);
    const consultId = (body.actions[0] as ButtonAction | undefined)?.value ?? '';
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const threadTs = message?.thread_ts ?? message?.ts;
    try {
      const consult = deps.store ? await deps.store.getConsult(consultId) : undefined;
      if (!consult) {
        await respondAll(respond, [
          buildNotice(
            'error',
            'This answer is not in the audit trail, so a decision cannot be linked to it (E_NO_CONSULT).',
          ),
        ]);
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildDecisionModal(
          {
            consultId,
            ...(channel ? { channelId: channel } : {}),
            ...(threadTs ? { threadTs } : {}),
            ...(message?.ts ? { messageTs: message.ts } : {}),
          },
          { verdict: consult.verdict },
        ),
      });
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'record_decision',
        respond,
        client,
        user: body.user.id,
        ...(channel ? { channel } : {}),
      });
    }
  };
}
