// "Show evidence": every statement by topic, dose options, flags and the full reference list, to the asker.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildEvidence } from '../../blocks/evidence.js';
import { buildNotice } from '../../blocks/notice.js';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { yieldToAcks } from '../../yield-to-acks.js';
import { caseFromAction, channelOf } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function showEvidence(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    await yieldToAcks();
    const channel = channelOf(body);
    try {
      const found = await caseFromAction(body, deps.now());
      if (!found.ok) {
        await respondAll(respond, [
          buildNotice('error', 'I could not read that case again (E_CASE_TOKEN). Run the command again.'),
        ]);
        return;
      }
      await respondAll(respond, buildEvidence(found.output));
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
