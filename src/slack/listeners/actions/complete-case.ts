// "Complete the case": the small modal with only the missing facts, prefilled; the full intake form when the
// case has nothing the small modal can ask (or does not fit in it).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { openIntake } from '../../open-intake.js';
import { buildCompletionModal } from '../../views/complete-modal.js';
import type { ModalMetadata } from '../../views/modal-metadata.js';
import { caseFromAction, channelOf, unreadableCaseNotice } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export const FULL_FORM_NOTICE =
  'Fill in what is missing (marked as required or named in the answer), then assess.';

export function completeCase(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    const channel = channelOf(body);
    try {
      const found = await caseFromAction(body, deps.now());
      if (!found.ok) {
        await respondAll(respond, [unreadableCaseNotice()]);
        return;
      }
      // The preview's response_url lets the answer replace the preview in place.
      const meta: ModalMetadata = {
        origin: 'action',
        userId: body.user.id,
        ...(channel ? { channelId: channel } : {}),
        ...(body.response_url?.startsWith('https://') ? { responseUrl: body.response_url } : {}),
      };
      const view = buildCompletionModal(found.case, found.output.missing, meta);
      if (view) await client.views.open({ trigger_id: body.trigger_id, view });
      else await openIntake(client, body.trigger_id, meta, found.case, FULL_FORM_NOTICE);
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'complete_case',
        respond,
        client,
        user: body.user.id,
        ...(channel ? { channel } : {}),
      });
    }
  };
}
