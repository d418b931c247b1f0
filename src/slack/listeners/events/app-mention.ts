// "@Thoracic RT <question>": answers in the thread, by route (a case, dose, timing, safety, evidence, help).
// The mention is already visible in the channel; the reply never repeats its text, and the privacy notice goes
// to the author alone.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { consultText, type Route, route } from '../../../consult/index.js';
import { consultContext, firstTime, rememberThread } from '../../audit.js';
import { buildEvidenceLookup } from '../../blocks/evidence-lookup.js';
import { buildHelp } from '../../blocks/help.js';
import { buildNotice } from '../../blocks/notice.js';
import { buildTopicAnswer } from '../../blocks/topic-answer.js';
import type { SlackMessage } from '../../blocks/types.js';
import { encodeCaseToken } from '../../case-token.js';
import { postSharedAnswer } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
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
  return async ({ event, body, client, context }: Args): Promise<void> => {
    // Events are acked by Bolt before this runs; Slack retries a slow one. The event id is claimed in the
    // database, so a retry (on this replica or another) never answers twice.
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await firstTime(deps, `event:${eventId}`))) {
      deps.log.info('duplicate event skipped', { retryNum: context.retryNum, reason: context.retryReason });
      return;
    }
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
      const kinds = routed.reading.identifiersRemoved;
      if (kinds.length > 0 && event.user) {
        const notice = buildNotice('privacy-channel', kinds.join(', '));
        await client.chat.postEphemeral({
          channel: event.channel,
          user: event.user,
          thread_ts,
          text: notice.text,
          blocks: notice.blocks,
        });
      }
      const general = generalReply(routed, deps);
      if (general) {
        await reply(general);
        return;
      }
      const consult = await consultText(
        routed.reading,
        consultContext(deps, {
          surface: 'slack-mention',
          idempotencyKey: eventId ? `event:${eventId}` : undefined,
          teamId: (body as { team_id?: string }).team_id,
          channelId: event.channel,
          userId: event.user,
        }),
      );
      if (consult.kind === 'empty') {
        await reply(buildNotice('empty-case'));
        return;
      }
      deps.log.info('consult', {
        surface: 'mention',
        channel: event.channel,
        verdict: consult.output.verdict,
      });
      await rememberThread(deps, consult.consultId, event.channel, thread_ts);
      await postSharedAnswer(client, { channel: event.channel, threadTs: thread_ts }, consult.output, {
        consultId: consult.consultId,
        sharedBy: event.user,
        caseToken: encodeCaseToken(consult.output.case) ?? '',
        identifiersRemoved: consult.reading.identifiersRemoved,
        conflicts: consult.reading.conflicts.map((c) => c.question),
        ignoredCount: consult.reading.ignored.length,
      });
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
      return buildTopicAnswer(routed.topic, deps.ruleset, routed.reading.case);
    case 'empty':
      return buildNotice('empty-case');
    case 'answer':
      return undefined;
  }
}
