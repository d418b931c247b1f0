// "Back to the case as stated" on a what-if: the original case's card again, in place.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildCard } from '../../blocks/card.js';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { caseFromAction, channelOf, unreadableCaseNotice } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function whatIfBack(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    const channel = channelOf(body);
    try {
      const found = await caseFromAction(body, deps.now());
      if (!found.ok) {
        await respondAll(respond, [unreadableCaseNotice()]);
        return;
      }
      const token = (body.actions[0] as ButtonAction | undefined)?.value ?? '';
      const card = buildCard(found.output, { mode: 'preview', caseToken: token });
      await respond({ replace_original: true, text: card.text, blocks: card.blocks });
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'what_if_back',
        respond,
        client,
        user: body.user.id,
        ...(channel ? { channel } : {}),
      });
    }
  };
}
