// Intake modal submitted: field errors go back under their inputs; a valid case is answered where the user
// chose: a preview only they see (default) or the channel, in the thread it came from. The answer is queued
// before the ack and delivered by a worker.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { consultCase } from '../../../consult/index.js';
import type { SlackDeps } from '../../deps.js';
import { enqueueJob } from '../../queue/enqueue.js';
import { MODAL_ANSWER } from '../../queue/kinds/index.js';
import { placeErrors } from '../../views/intake-errors.js';
import { INTAKE_IDS } from '../../views/intake-ids.js';
import { readIntakeState } from '../../views/intake-state.js';
import { decodeMetadata } from '../../views/modal-metadata.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

export function intakeSubmit(deps: SlackDeps) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const state = readIntakeState(view.state.values, deps.now());
    if (!state.ok) {
      // Errors may only name blocks the view shows (the form may be collapsed).
      await ack({ response_action: 'errors', errors: placeErrors(state.errors, view.blocks) });
      return;
    }
    const meta = decodeMetadata(view.private_metadata);
    const user = body.user.id;
    const channel = meta.ok ? meta.value.channelId : undefined;
    const threadTs = meta.ok ? meta.value.threadTs : undefined;
    const origin = meta.ok ? meta.value.origin : undefined;
    const responseUrl = meta.ok ? meta.value.responseUrl : undefined;
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
          // From a message shortcut the answer is a visible reply in that message's thread, like a shared answer.
          delivery: state.delivery === 'channel' || origin === 'message-shortcut' ? 'channel' : 'preview',
          identifiersRemoved: checked.identifiersRemoved,
        },
        target: {
          user,
          // A form opened by the command answers through its response_url (works in private channels and DMs
          // the bot is not in, where chat.postEphemeral fails); only Slack's own https links are used.
          ...(responseUrl?.startsWith('https://') ? { responseUrl } : {}),
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
