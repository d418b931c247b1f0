// The ack seam of the what-if buttons: the card to show in place is queued before the ack (keyed by the
// click's trigger id, so a replay or a retry of the same click adds nothing) and sent by a worker.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { enqueueJob } from '../../queue/enqueue.js';
import { CARD_IN_PLACE, type CardPayload, CardPayloadSchema } from '../../queue/kinds/index.js';
import { channelOf, unreadableCaseNotice } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/** Queues `payload` (undefined: the case could not be read) and acks; `surface` names the log lines. */
export async function queueCardInPlace(
  deps: SlackDeps,
  { ack, body, client, respond }: Args,
  payload: CardPayload | undefined,
  surface: string,
): Promise<void> {
  const channel = channelOf(body);
  const valid = payload ? CardPayloadSchema.safeParse(payload) : undefined;
  try {
    if (!valid?.success) {
      await ack();
      await respondAll(respond, [unreadableCaseNotice()]);
      return;
    }
    const responseUrl = (body as { response_url?: string }).response_url;
    const job = await enqueueJob(
      deps,
      {
        kind: CARD_IN_PLACE,
        idempotencyKey: `card:${body.trigger_id}`,
        payload: valid.data,
        target: {
          user: body.user.id,
          ...(channel ? { channel } : {}),
          ...(body.team?.id ? { team: body.team.id } : {}),
          ...(responseUrl ? { responseUrl } : {}),
        },
      },
      { respond, client },
    );
    await ack();
    await job.afterAck();
  } catch (err) {
    await ack().catch(() => undefined);
    await reportFailure(deps, err, {
      surface,
      respond,
      client,
      user: body.user.id,
      ...(channel ? { channel } : {}),
    });
  }
}
