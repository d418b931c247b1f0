// "Complete the case" submitted: the kept case with the missing facts filled is answered again and replaces the
// preview in place (its response_url); without one, a new preview is sent where the modal came from. Queued
// before the ack like every answer, so it is delivered and audited once.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { consultCase } from '../../../consult/index.js';
import type { SlackDeps } from '../../deps.js';
import { enqueueJob } from '../../queue/enqueue.js';
import { MODAL_ANSWER } from '../../queue/kinds/index.js';
import { readCompletion } from '../../views/complete-modal.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

export function completeSubmit(deps: SlackDeps) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const read = readCompletion(view.state.values, view.private_metadata);
    if (!read.ok) {
      await ack({ response_action: 'errors', errors: read.errors });
      return;
    }
    const user = body.user.id;
    const channel = read.meta.channelId;
    // Checked here so a case the engine cannot take is refused while the modal is open.
    const checked = await consultCase(read.case, { now: deps.now() });
    if (!checked.ok) {
      await ack();
      deps.log.error('completed case failed evaluation', { code: 'E_MODAL_CASE' });
      return;
    }
    const url = read.meta.responseUrl;
    const job = await enqueueJob(
      deps,
      {
        kind: MODAL_ANSWER,
        idempotencyKey: `view:${view.id}:${view.hash}`,
        payload: { case: checked.output.case, delivery: 'replace', identifiersRemoved: [] },
        target: {
          user,
          ...(channel ? { channel } : {}),
          ...(url?.startsWith('https://') ? { responseUrl: url } : {}),
          ...(body.team?.id ? { team: body.team.id } : {}),
        },
      },
      { client },
    );
    await ack();
    await job.afterAck();
  };
}
