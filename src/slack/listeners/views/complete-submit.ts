// "Complete the case" submitted: the kept case with the missing facts filled is answered again and replaces the
// preview in place (its response_url); without one, a new preview is sent where the modal came from.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { consultCase } from '../../../consult/index.js';
import { consultContext } from '../../audit.js';
import { buildCard } from '../../blocks/card.js';
import { encodeCaseToken } from '../../case-token.js';
import { reportFailure } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { replaceViaResponseUrl } from '../../response-url.js';
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
    const consult = await consultCase(
      read.case,
      consultContext(deps, {
        surface: 'slack-modal',
        idempotencyKey: `view:${view.id}:${view.hash}`,
        teamId: body.team?.id,
        channelId: channel,
        userId: user,
      }),
    );
    await ack();
    if (!consult.ok) {
      deps.log.error('completed case failed evaluation', { code: 'E_MODAL_CASE' });
      return;
    }
    const card = buildCard(consult.output, {
      mode: 'preview',
      caseToken: encodeCaseToken(consult.output.case) ?? '',
    });
    try {
      const url = read.meta.responseUrl;
      if (url && (await replaceViaResponseUrl(url, card))) return;
      if (channel) await client.chat.postEphemeral({ channel, user, text: card.text, blocks: card.blocks });
      else await client.chat.postMessage({ channel: user, text: card.text, blocks: card.blocks });
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'complete_submit',
        client,
        user,
        ...(channel ? { channel } : {}),
      });
    }
  };
}
