// tokens_revoked: Slack lists the revoked bot tokens (by bot user id) and user tokens (by user id). A revoked bot
// token ends the installation; a revoked user token removes only that user's token.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { removeInstallation } from './remove-installation.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'tokens_revoked'>;

export function tokensRevoked(deps: SlackDeps) {
  return async ({ event, context }: Args): Promise<void> => {
    if ((event.tokens.bot ?? []).length > 0) {
      await removeInstallation(deps, context, 'tokens_revoked');
      return;
    }
    for (const userId of event.tokens.oauth ?? [])
      await removeInstallation(deps, context, 'tokens_revoked', userId);
  };
}
