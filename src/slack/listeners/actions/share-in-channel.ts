// "Share in channel": posts the answer where the preview was shown, with the evidence in its thread.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../blocks/notice.js';
import { encodeCaseToken } from '../../case-token.js';
import { postSharedAnswer, reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { yieldToAcks } from '../../yield-to-acks.js';
import { caseFromAction, channelOf } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function shareInChannel(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    await yieldToAcks();
    const channel = channelOf(body);
    const where = {
      surface: 'share_in_channel',
      respond,
      client,
      user: body.user.id,
      ...(channel ? { channel } : {}),
    };
    try {
      const found = caseFromAction(body, deps.now());
      if (!found.ok || !channel) {
        deps.log.warn('share without a usable case', { reason: found.ok ? 'no channel' : found.reason });
        await respondAll(respond, [
          buildNotice('error', 'I could not read that case again (E_CASE_TOKEN). Run the command again.'),
        ]);
        return;
      }
      await postSharedAnswer(client, { channel }, found.output, {
        caseToken: encodeCaseToken(found.case) ?? '',
      });
      deps.log.info('consult shared', {
        surface: 'share_in_channel',
        channel,
        verdict: found.output.verdict,
      });
      await respondAll(respond, [buildNotice('shared')]);
    } catch (err) {
      await reportFailure(deps, err, where);
    }
  };
}
