// Intake modal submitted: field errors go back under their inputs; a valid case is answered where the user
// chose: a preview only they see (default) or the channel, in the thread it came from.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { consultCase } from '../../../consult/index.js';
import { consultContext, rememberThread } from '../../audit.js';
import { buildAnswer } from '../../blocks/answer.js';
import { encodeCaseToken } from '../../case-token.js';
import { postSharedAnswer, reportFailure } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { sendViaResponseUrl } from '../../response-url.js';
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
    const consult = await consultCase(
      state.case,
      consultContext(deps, {
        surface: 'slack-modal',
        idempotencyKey: `view:${view.id}:${view.hash}`,
        teamId: body.team?.id,
        channelId: channel,
        userId: user,
      }),
    );
    if (!consult.ok) {
      // readIntakeState validated with the same schema; an issue here is our defect, shown on the form.
      await ack({
        response_action: 'errors',
        errors: { [INTAKE_IDS.delivery.blockId]: 'Internal error E_MODAL_CASE; please try again.' },
      });
      deps.log.error('modal case failed evaluation', { code: 'E_MODAL_CASE' });
      return;
    }
    await ack();
    const { output, consultId } = consult;
    const caseToken = encodeCaseToken(output.case) ?? '';
    const identifiersRemoved = consult.identifiersRemoved;
    deps.log.info('consult', { surface: 'modal', team: body.team?.id, channel, verdict: output.verdict });
    try {
      // From a message shortcut the answer is a visible reply in that message's thread, like a shared answer.
      const visible = state.delivery === 'channel' || (meta.ok && meta.value.origin === 'message-shortcut');
      if (visible && channel) {
        const ts = await postSharedAnswer(client, { channel, ...(threadTs ? { threadTs } : {}) }, output, {
          caseToken,
          consultId,
          sharedBy: body.user.id,
          identifiersRemoved,
        });
        await rememberThread(deps, consultId, channel, threadTs ?? ts);
        return;
      }
      // Preview: through the command's response_url when there is one, else ephemeral in the channel, else a
      // direct message from the app.
      const url = meta.ok ? meta.value.responseUrl : undefined;
      for (const m of buildAnswer(output, { mode: 'preview', caseToken, identifiersRemoved })) {
        if (url && (await sendViaResponseUrl(url, m, { replaceOriginal: false }))) continue;
        if (channel) {
          await client.chat.postEphemeral({
            channel,
            user,
            text: m.text,
            blocks: m.blocks,
            ...(threadTs ? { thread_ts: threadTs } : {}),
          });
        } else {
          await client.chat.postMessage({ channel: user, text: m.text, blocks: m.blocks });
        }
      }
    } catch (err) {
      await reportFailure(deps, err, { surface: 'modal', client, user, ...(channel ? { channel } : {}) });
    }
  };
}
