// "@Thoracic RT <question>": answers in the thread, by route (a case, dose, timing, safety, evidence, help).
// The mention is already visible in the channel; the reply never repeats its text, and the privacy notice goes
// to the author alone.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { route } from '../../../consult/index.js';
import { buildNotice } from '../../blocks/notice.js';
import type { SlackDeps } from '../../deps.js';
import { enqueueJob } from '../../queue/enqueue.js';
import { MENTION_REPLY, readingPayload } from '../../queue/kinds/index.js';
import { explainSlackError } from '../../slack-errors.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

/** Removes user/bot mentions such as <@U123> so only the question remains. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function appMention(deps: SlackDeps) {
  return async ({ event, body, client }: Args): Promise<void> => {
    // Slack retries a slow or failed event with the same event id: the queue keeps one job per id, so a retry
    // (on this replica or another, before or after a crash) never answers twice, and never skips the answer.
    const eventId = (body as { event_id?: string }).event_id;
    const thread_ts = event.thread_ts ?? event.ts;
    try {
      const routed = route(stripMentions(event.text ?? ''), deps.intents, deps.now());
      // A mention cannot open a form (no trigger id): it explains how to ask instead.
      const payload = readingPayload(
        routed.kind === 'form' ? { ...routed, kind: 'help' } : routed,
        deps.ruleset,
      );
      if (!payload) return;
      const teamId = (body as { team_id?: string }).team_id;
      const job = await enqueueJob(
        deps,
        {
          kind: MENTION_REPLY,
          idempotencyKey: `event:${eventId ?? `${event.channel}:${event.ts}`}`,
          payload,
          target: {
            channel: event.channel,
            threadTs: thread_ts,
            ...(event.user ? { user: event.user } : {}),
            ...(teamId ? { team: teamId } : {}),
          },
        },
        { client },
      );
      await job.afterAck();
    } catch (err) {
      const explained = explainSlackError(err);
      deps.log.warn('listener failed', { surface: 'mention', code: explained.code });
      const m = buildNotice('error', `${explained.message} (${explained.code})`);
      try {
        await client.chat.postMessage({
          channel: event.channel,
          thread_ts,
          text: m.text,
          blocks: m.blocks,
          unfurl_links: false,
        });
      } catch {
        // Nowhere left to tell the user (e.g. not_in_channel); the log line above has the code.
      }
    }
  };
}
