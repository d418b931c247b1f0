// Message shortcut "Assess for thoracic RT": reads the case summary in a message and opens the intake modal
// prefilled with it; the answer goes to that message's thread.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { readText } from '../../../consult/index.js';
import { reportFailure } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { openIntake } from '../../open-intake.js';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

export function assessMessage(deps: SlackDeps) {
  return async ({ ack, shortcut, client, respond }: Args): Promise<void> => {
    await ack();
    try {
      const read = readText(shortcut.message.text ?? '', { now: deps.now() });
      const notes = ['Prefilled from the message: check every field before assessing.'];
      if (read.identifiersRemoved.length > 0)
        notes.push(`Identifiers were removed and not kept (${read.identifiersRemoved.join(', ')}).`);
      if (read.conflicts.length > 0)
        notes.push(`Conflicting facts left blank: ${read.conflicts.map((c) => c.question).join(' ')}`);
      await openIntake(
        client,
        shortcut.trigger_id,
        {
          origin: 'message-shortcut',
          channelId: shortcut.channel.id,
          threadTs: shortcut.message.thread_ts ?? shortcut.message.ts,
          userId: shortcut.user.id,
          responseUrl: shortcut.response_url,
        },
        read.case,
        notes.join(' '),
      );
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'message_shortcut',
        respond,
        client,
        channel: shortcut.channel.id,
        user: shortcut.user.id,
      });
    }
  };
}
