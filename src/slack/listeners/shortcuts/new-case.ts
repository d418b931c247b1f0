// Global shortcut: a blank intake modal (no channel: the answer comes as a direct message).
import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { reportFailure } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { openIntake } from '../../open-intake.js';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<GlobalShortcut>;

export function newCase(deps: SlackDeps) {
  return async ({ ack, shortcut, client }: Args): Promise<void> => {
    await ack();
    try {
      await openIntake(client, shortcut.trigger_id, { origin: 'global-shortcut', userId: shortcut.user.id });
    } catch (err) {
      await reportFailure(deps, err, { surface: 'global_shortcut', client, user: shortcut.user.id });
    }
  };
}
