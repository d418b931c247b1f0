// "Share in channel": posts the answer where the preview was shown, with the evidence in its thread. The share
// is queued before the ack (one job per preview, so a double click shares once, across replicas) and posted by
// a worker.
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../blocks/notice.js';
import { encodeCaseToken } from '../../case-token.js';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { enqueueJob } from '../../queue/enqueue.js';
import { SHARE_ANSWER } from '../../queue/kinds/index.js';
import { caseFromAction, channelOf, unreadableCaseNotice } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function shareInChannel(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
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
        await ack();
        deps.log.warn('share without a usable case', { reason: found.ok ? 'no channel' : found.reason });
        await respondAll(respond, [unreadableCaseNotice()]);
        return;
      }
      const container = body.container as { message_ts?: string } | undefined;
      const token = encodeCaseToken(found.case) ?? '';
      const responseUrl = (body as { response_url?: string }).response_url;
      const job = await enqueueJob(
        deps,
        {
          kind: SHARE_ANSWER,
          idempotencyKey: `share:${channel}:${container?.message_ts ?? body.trigger_id}:${sha256(token)}`,
          payload: { case: found.case },
          target: {
            channel,
            user: body.user.id,
            ...(body.team?.id ? { team: body.team.id } : {}),
            ...(responseUrl ? { responseUrl } : {}),
          },
        },
        { respond, client },
      );
      await ack();
      if (job.status === 'duplicate') await respondAll(respond, [buildNotice('already-shared')]);
      await job.afterAck();
    } catch (err) {
      await ack().catch(() => undefined);
      await reportFailure(deps, err, where);
    }
  };
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}
