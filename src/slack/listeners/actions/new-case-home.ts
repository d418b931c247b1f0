// "New case" on App Home: a blank intake modal (no channel: the answer comes as a direct message).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { reportFailure } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { openIntake } from '../../open-intake.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function newCaseHome(deps: SlackDeps) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    try {
      await openIntake(client, body.trigger_id, { origin: 'global-shortcut', userId: body.user.id });
    } catch (err) {
      await reportFailure(deps, err, { surface: 'home_new_case', client, user: body.user.id });
    }
  };
}
