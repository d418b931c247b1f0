// "Edit case" and "Complete the case": the intake modal, prefilled with what was understood.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { openIntake } from '../../open-intake.js';
import { caseFromAction, channelOf, unreadableCaseNotice } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function editCase(deps: SlackDeps, notice?: string) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    const channel = channelOf(body);
    try {
      const found = await caseFromAction(body, deps.now());
      if (!found.ok) {
        await respondAll(respond, [unreadableCaseNotice()]);
        return;
      }
      await openIntake(
        client,
        body.trigger_id,
        { origin: 'action', userId: body.user.id, ...(channel ? { channelId: channel } : {}) },
        found.case,
        notice,
      );
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'edit_case',
        respond,
        client,
        user: body.user.id,
        ...(channel ? { channel } : {}),
      });
    }
  };
}
