// "More facts" / "Fewer facts" on the intake form: the form is rebuilt in place (views.update) expanded or
// collapsed. Every answer already given is carried over as the new view's initial values (Slack keeps input
// state across views.update only for unchanged block and action ids), and a collapsed form still shows every
// extra field that holds an answer, so nothing entered is hidden or lost.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { explainSlackError } from '../../slack-errors.js';
import { INTAKE_MORE_FACTS } from '../../views/intake-ids.js';
import { buildIntakeModal } from '../../views/intake-modal.js';
import { readIntakeDraft } from '../../views/intake-state.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function toggleFacts(deps: SlackDeps) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const view = body.view;
    if (!view) return;
    const expanded = 'action_id' in action && action.action_id === INTAKE_MORE_FACTS;
    const read = readIntakeDraft(view.state?.values);
    try {
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: buildIntakeModal({
          metadata: view.private_metadata ?? '',
          initial: read.draft,
          expanded,
          keep: read.filled,
          ...(read.delivery ? { delivery: read.delivery } : {}),
        }),
      });
    } catch (err) {
      deps.log.warn('intake form not expanded or collapsed', { code: explainSlackError(err).code });
    }
  };
}
