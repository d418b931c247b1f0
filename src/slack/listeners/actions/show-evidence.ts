// "Details" (action id show_evidence, kept for older messages): the answer's details in a modal, to whoever
// clicked, on a preview or on a shared card.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildDetailsModal } from '../../blocks/details.js';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { caseFromAction, channelOf, unreadableCaseNotice } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function showEvidence(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    const channel = channelOf(body);
    try {
      const found = await caseFromAction(body, deps.now());
      if (!found.ok) {
        await respondAll(respond, [unreadableCaseNotice()]);
        return;
      }
      await client.views.open({ trigger_id: body.trigger_id, view: buildDetailsModal(found.output) });
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'show_evidence',
        respond,
        client,
        user: body.user.id,
        ...(channel ? { channel } : {}),
      });
    }
  };
}
