// "Back to the case as stated" on a what-if: the original case's card again, in place. Queued before the ack
// (src/slack/queue/kinds/card-in-place.ts).
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeCaseToken } from '../../case-token.js';
import type { SlackDeps } from '../../deps.js';
import { CARD_IN_PLACE, CardPayloadSchema } from '../../queue/kinds/index.js';
import { queueClick } from './queue-click.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function whatIfBack(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const decoded = decodeCaseToken((args.body.actions[0] as ButtonAction | undefined)?.value);
    const payload = decoded.ok ? { case: decoded.case } : undefined;
    await queueClick(deps, args, {
      kind: CARD_IN_PLACE,
      schema: CardPayloadSchema,
      payload,
      surface: 'what_if_back',
    });
  };
}
