// "Share in channel": posts the answer where the preview was shown, with the evidence in its thread.
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { auditPort, firstTime, releaseClaim, rememberThread } from '../../audit.js';
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
      const found = await caseFromAction(body, deps.now());
      if (!found.ok || !channel) {
        deps.log.warn('share without a usable case', { reason: found.ok ? 'no channel' : found.reason });
        await respondAll(respond, [
          buildNotice('error', 'I could not read that case again (E_CASE_TOKEN). Run the command again.'),
        ]);
        return;
      }
      // A double click (or a second click on the same preview) shares once, across replicas.
      const container = body.container as { message_ts?: string } | undefined;
      const token = encodeCaseToken(found.case) ?? '';
      const key = `share:${channel}:${container?.message_ts ?? body.trigger_id}:${sha256(token)}`;
      if (!(await firstTime(deps, key))) {
        await respondAll(respond, [buildNotice('already-shared')]);
        return;
      }
      // The answer was already evaluated from the button's case; sharing records it once under the share key.
      const consultId = await auditPort(deps).record(found.output, {
        surface: 'slack-action',
        idempotencyKey: key,
        teamId: body.team?.id,
        channelId: channel,
        userId: body.user.id,
      });
      let ts: string | undefined;
      try {
        ts = await postSharedAnswer(client, { channel }, found.output, {
          caseToken: token,
          consultId,
          sharedBy: body.user.id,
        });
      } catch (err) {
        // Not posted: let the next click try again (the consult row is keyed the same, so it is not doubled).
        await releaseClaim(deps, key);
        throw err;
      }
      await rememberThread(deps, consultId, channel, ts);
      deps.log.info('consult shared', {
        surface: 'share_in_channel',
        channel,
        verdict: found.output.verdict,
      });
      // The preview is replaced by the notice, so its buttons cannot share or decide twice.
      const notice = buildNotice('shared', channel);
      await respond({ replace_original: true, text: notice.text, blocks: notice.blocks });
    } catch (err) {
      await reportFailure(deps, err, where);
    }
  };
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}
