// One-click what-if on a preview: the same case with one value set, answered again through src/consult and
// shown in place of the preview (replace_original), marked "What if", with a button back to the case as stated.
// Queued before the ack (src/slack/queue/kinds/card-in-place.ts).
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { applyWhatIf, readWhatIfValue } from '../../blocks/what-if.js';
import { decodeCaseToken, encodeCaseToken } from '../../case-token.js';
import type { SlackDeps } from '../../deps.js';
import { CARD_IN_PLACE, CardPayloadSchema } from '../../queue/kinds/index.js';
import { queueClick } from './queue-click.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function whatIf(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const value = readWhatIfValue((args.body.actions[0] as ButtonAction | undefined)?.value);
    const base = value ? decodeCaseToken(value.token) : undefined;
    const changed = value && base?.ok ? applyWhatIf(base.case, value.key) : undefined;
    // The card carries the changed case in its buttons: one too long for a button cannot be shown.
    const payload =
      value && base?.ok && changed && encodeCaseToken(changed)
        ? { case: changed, whatIf: { key: value.key, base: base.case } }
        : undefined;
    await queueClick(deps, args, {
      kind: CARD_IN_PLACE,
      schema: CardPayloadSchema,
      payload,
      surface: 'what_if',
    });
  };
}
