// "@Thoracic RT <question>": answers in the thread, by route (a case, dose, timing, safety, evidence, help).
// The mention is already visible in the channel; the reply never repeats its text, and the privacy notice goes
// to the author alone.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type Route, route } from '../../../consult/index.js';
import { leaseOnce } from '../../audit.js';
import { buildEvidenceLookup } from '../../blocks/evidence-lookup.js';
import { buildHelp } from '../../blocks/help.js';
import { buildNotice } from '../../blocks/notice.js';
import { buildTopicAnswer } from '../../blocks/topic-answer.js';
import type { SlackMessage } from '../../blocks/types.js';
import type { SlackDeps } from '../../deps.js';
import { enqueueJob } from '../../queue/enqueue.js';
import { MENTION_REPLY, readingPayload } from '../../queue/kinds/index.js';
import { explainSlackError } from '../../slack-errors.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

/** Slack retries an event for a few minutes; an answered event's lease is kept this long. */
const RETRY_WINDOW_MS = 60 * 60 * 1000;

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
    const reply = async (m: SlackMessage) =>
      client.chat.postMessage({
        channel: event.channel,
        thread_ts,
        text: m.text,
        blocks: m.blocks,
        unfurl_links: false,
      });
    try {
      const routed = route(stripMentions(event.text ?? ''), deps.intents, deps.now());
      const payload =
        routed.kind === 'form' ? readingPayload({ ...routed, kind: 'help' }) : readingPayload(routed);
      if (payload) {
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
        return job.afterAck();
      }
      // An evidence lookup: its query is user text, so it is answered at once rather than queued, under a
      // lease on the event id (a retry while it runs, or after it answered, is skipped; a crash frees it).
      const general = generalReply(routed, deps);
      if (!general) return;
      const lease = eventId ? await leaseOnce(deps, `event:${eventId}`) : undefined;
      if (eventId && !lease) return deps.log.info('duplicate event skipped', { kind: 'evidence' });
      try {
        await reply(general);
        await lease?.keep(RETRY_WINDOW_MS);
      } catch (err) {
        await lease?.release();
        throw err;
      }
    } catch (err) {
      const explained = explainSlackError(err);
      deps.log.warn('listener failed', { surface: 'mention', code: explained.code });
      try {
        await reply(buildNotice('error', `${explained.message} (${explained.code})`));
      } catch {
        // Nowhere left to tell the user (e.g. not_in_channel); the log line above has the code.
      }
    }
  };
}

/** The reply to a mention that is not a case (help, evidence, a topic question, nothing usable). */
function generalReply(routed: Route, deps: SlackDeps): SlackMessage | undefined {
  switch (routed.kind) {
    // A mention cannot open a form (no trigger id): it explains how to ask instead.
    case 'help':
    case 'form':
      return buildHelp([...deps.intents], deps.ruleset.version);
    case 'evidence':
      return buildEvidenceLookup(routed.query, deps.ruleset);
    case 'topic':
      return buildTopicAnswer(routed.topic, deps.ruleset);
    case 'empty':
      return buildNotice('empty-case');
    case 'answer':
      return undefined;
  }
}
