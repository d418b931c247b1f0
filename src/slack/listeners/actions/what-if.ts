// One-click what-if on a preview: the same case with one value set, answered again through src/consult and
// shown in place of the preview (replace_original), marked "What if", with a button back to the case as stated.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { consultCase } from '../../../consult/index.js';
import { buildCard } from '../../blocks/card.js';
import { applyWhatIf, readWhatIfValue } from '../../blocks/what-if.js';
import { decodeCaseToken, encodeCaseToken } from '../../case-token.js';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { channelOf, unreadableCaseNotice } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function whatIf(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    const channel = channelOf(body);
    try {
      const value = readWhatIfValue((body.actions[0] as ButtonAction | undefined)?.value);
      const base = value ? decodeCaseToken(value.token) : undefined;
      const changed = value && base?.ok ? applyWhatIf(base.case, value.key) : undefined;
      const result = changed ? await consultCase(changed, { now: deps.now() }) : undefined;
      const token = changed ? encodeCaseToken(changed) : undefined;
      if (!value || !result?.ok || !token) {
        await respondAll(respond, [unreadableCaseNotice()]);
        return;
      }
      const card = buildCard(result.output, {
        mode: 'what-if',
        caseToken: token,
        whatIf: { key: value.key, baseToken: value.token },
      });
      await respond({ replace_original: true, text: card.text, blocks: card.blocks });
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'what_if',
        respond,
        client,
        user: body.user.id,
        ...(channel ? { channel } : {}),
      });
    }
  };
}
