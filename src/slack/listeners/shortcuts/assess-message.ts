// Message shortcut "Assess for thoracic RT": reads the case summary in a message and opens the intake modal
// prefilled with it; the answer goes to that message's thread.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { type ReadConflict, readText } from '../../../consult/index.js';
import { reportFailure } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { openIntake } from '../../open-intake.js';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/** Conflicting facts are left blank in the form; suspected ones ("possible ILD") are not stated, so also blank,
 * but named as what to confirm rather than as a contradiction. */
function askedNotes(asked: readonly ReadConflict[]): string[] {
  const notes: string[] = [];
  const conflicting = asked.filter((c) => c.kind === 'conflict');
  const suspected = asked.filter((c) => c.kind === 'suspected');
  if (conflicting.length > 0)
    notes.push(`Conflicting facts left blank: ${conflicting.map((c) => c.question).join(' ')}`);
  if (suspected.length > 0)
    notes.push(`Named only as possible, left blank: ${suspected.map((c) => c.question).join(' ')}`);
  return notes;
}

export function assessMessage(deps: SlackDeps) {
  return async ({ ack, shortcut, client, respond }: Args): Promise<void> => {
    await ack();
    try {
      const read = readText(shortcut.message.text ?? '', { now: deps.now() });
      const notes = ['Prefilled from the message: check every field before assessing.'];
      if (read.identifiersRemoved.length > 0)
        notes.push(`Identifiers were removed and not kept (${read.identifiersRemoved.join(', ')}).`);
      notes.push(...askedNotes(read.conflicts));
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
