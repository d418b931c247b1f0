// Intake modal submitted: field errors go back under their inputs; a valid case is answered where the user
// chose: a preview only they see (default) or the channel, in the thread it came from. The answer is queued
// before the ack and delivered by a worker.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { consultCase } from '../../../consult/index.js';
import type { SlackDeps } from '../../deps.js';
import { enqueueJob } from '../../queue/enqueue.js';
import { MODAL_ANSWER } from '../../queue/kinds/index.js';
import { INTAKE_IDS } from '../../views/intake-ids.js';
import { readIntakeState } from '../../views/intake-state.js';
import { decodeMetadata } from '../../views/modal-metadata.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

export function intakeSubmit(deps: SlackDeps) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const state = readIntakeState(view.state.values, deps.now());
    if (!state.ok) {
      await ack({ response_action: 'errors', errors: state.errors });
      return;
    }
    const meta = decodeMetadata(view.private_metadata);
    const user = body.user.id;
    const channel = meta.ok ? meta.value.channelId : undefined;
    const threadTs = meta.ok ? meta.value.threadTs : undefined;
    // Evaluated once here to refuse a case the engine cannot take while the form is still open; the worker
    // evaluates the same guarded facts again for the answer it delivers and records.
    const checked = await consultCase(state.case, { now: deps.now() });
    if (!checked.ok) {
      // readIntakeState validated with the same schema; an issue here is our defect, shown on the form.
      await ack({
        response_action: 'errors',
        errors: { [INTAKE_IDS.delivery.blockId]: 'Internal error E_MODAL_CASE; please try again.' },
      });
      deps.log.error('modal case failed evaluation', { code: 'E_MODAL_CASE' });
      return;
    }
    const job = await enqueueJob(
      deps,
      {
        kind: MODAL_ANSWER,
        // A double submit of the same form (same view hash) is one job.
        idempotencyKey: `view:${view.id}:${view.hash}`,
        payload: {
          case: checked.output.case,
          delivery: state.delivery === 'channel' ? 'channel' : 'preview',
          identifiersRemoved: checked.identifiersRemoved,
        },
        target: {
          user,
          ...(channel ? { channel } : {}),
          ...(threadTs ? { threadTs } : {}),
          ...(body.team?.id ? { team: body.team.id } : {}),
        },
      },
      { client },
    );
    await ack();
    await job.afterAck();
  };
}
