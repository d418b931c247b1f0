// The ack seam of the answer buttons that show something to the clicker (What if, Back, Details): the job is
// queued before the ack, keyed by the click's trigger id (a replay or a retry of the same click adds nothing),
// and a worker sends it.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { z } from 'zod';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { enqueueJob } from '../../queue/enqueue.js';
import { channelOf, unreadableCaseNotice } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export interface ClickJob<P> {
  kind: string;
  schema: z.ZodType<P>;
  /** undefined: the case could not be read (the clicker is told at once). */
  payload: P | undefined;
  /** Names the log lines. */
  surface: string;
}

export async function queueClick<P>(deps: SlackDeps, args: Args, job: ClickJob<P>): Promise<void> {
  const { ack, body, client, respond } = args;
  const channel = channelOf(body);
  const valid = job.payload === undefined ? undefined : job.schema.safeParse(job.payload);
  try {
    if (!valid?.success) {
      await ack();
      await respondAll(respond, [unreadableCaseNotice()]);
      return;
    }
    const responseUrl = (body as { response_url?: string }).response_url;
    const queued = await enqueueJob(
      deps,
      {
        kind: job.kind,
        idempotencyKey: `click:${body.trigger_id}`,
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
    await queued.afterAck();
  } catch (err) {
    await ack().catch(() => undefined);
    await reportFailure(deps, err, {
      surface: job.surface,
      respond,
      client,
      user: body.user.id,
      ...(channel ? { channel } : {}),
    });
  }
}
