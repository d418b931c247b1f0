// "Read it" under the intake form's pasted summary: the summary is read by the same parser as a slash command
// (through src/consult, identifiers removed first) and the form is updated in place (views.update) with the facts
// it understood, for the user to check. The summary itself is neither kept in the form nor logged.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { readText } from '../../../consult/index.js';
import type { SlackDeps } from '../../deps.js';
import { explainSlackError } from '../../slack-errors.js';
import { INTAKE_IDS } from '../../views/intake-ids.js';
import { buildIntakeModal, isExpandedIntake } from '../../views/intake-modal.js';
import { overlayFacts, readIntakeDraft } from '../../views/intake-state.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

function pasted(body: BlockAction): string {
  const values = body.view?.state?.values as
    | Record<string, Record<string, { value?: string | null }>>
    | undefined;
  const { blockId, actionId } = INTAKE_IDS.summary;
  const value = values?.[blockId]?.[actionId]?.value;
  return typeof value === 'string' ? value : '';
}

/** What the form says above its fields after reading: counts and kinds only, never the text. */
function notice(read: ReturnType<typeof readText>): string {
  const n = read.understood.length;
  const parts = [
    n === 0
      ? 'Nothing in the summary was recognised as a case fact; fill in the fields below.'
      : `Read from the summary: ${n} ${n === 1 ? 'fact' : 'facts'}. Check every field before assessing.`,
  ];
  if (read.identifiersRemoved.length > 0)
    parts.push(
      `Identifiers were removed and not kept (${[...new Set(read.identifiersRemoved)].join(', ')}).`,
    );
  const conflicting = read.conflicts.filter((c) => c.kind === 'conflict').length;
  const suspected = read.conflicts.length - conflicting;
  if (conflicting > 0)
    parts.push(`${conflicting} conflicting ${conflicting === 1 ? 'fact was' : 'facts were'} left blank.`);
  if (suspected > 0)
    parts.push(
      `${suspected} ${suspected === 1 ? 'fact' : 'facts'} named only as possible ${suspected === 1 ? 'was' : 'were'} left blank; confirm ${suspected === 1 ? 'it' : 'them'}.`,
    );
  return parts.join(' ');
}

export function readSummary(deps: SlackDeps) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    const view = body.view;
    if (!view) return;
    try {
      const read = readText(pasted(body), { now: deps.now() });
      // What the form already says is kept where the summary says nothing, and no answered field is hidden.
      const form = readIntakeDraft(view.state?.values);
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: buildIntakeModal({
          metadata: view.private_metadata ?? '',
          initial: overlayFacts(form.draft, read.case),
          notice: notice(read),
          // Read facts land in their fields; a collapsed form also shows the extra fields they fill.
          expanded: isExpandedIntake(view.blocks),
          keep: form.filled,
          ...(form.delivery ? { delivery: form.delivery } : {}),
        }),
      });
    } catch (err) {
      deps.log.warn('intake summary not read', { code: explainSlackError(err).code });
    }
  };
}
