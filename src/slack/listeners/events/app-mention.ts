// "@Thoracic RT <question>": answers in the thread, by intent (a case, dose, timing, safety, evidence, help).
// The mention is already visible in the channel; the reply never repeats its text.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Topic } from '../../../engine/index.js';
import { classifyIntent } from '../../../intents/classify.js';
import { firstTime, recordConsult, rememberThread } from '../../audit.js';
import { buildEvidenceLookup } from '../../blocks/evidence-lookup.js';
import { buildHelp } from '../../blocks/help.js';
import { buildNotice } from '../../blocks/notice.js';
import type { SlackMessage } from '../../blocks/types.js';
import { encodeCaseToken } from '../../case-token.js';
import { consultRead, readCaseText } from '../../consult-text.js';
import { postSharedAnswer } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { explainSlackError } from '../../slack-errors.js';
import { buildTopicAnswer } from '../../topic-answer.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

const TOPICS: Record<string, Topic> = {
  dose: 'dose',
  timing: 'timing',
  'target-volume': 'target-volume',
  safety: 'safety',
};

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
      const question = stripMentions(event.text ?? '');
      const read = readCaseText(question);
      const intent = classifyIntent(read.redacted, deps.intents, { parse: () => read.parsed });
      if (intent.intent === 'help' || intent.intent === 'form' || !question) {
        await reply(buildHelp([...deps.intents], deps.ruleset.version));
        return;
      }
      if (intent.intent === 'evidence') {
        await reply(buildEvidenceLookup(intent.rest, deps.ruleset));
        return;
      }
      const consult = consultRead(read, deps.now());
      if (consult.identifiers.length > 0)
        await reply(buildNotice('privacy-channel', consult.identifiers.join(', ')));
      const topic = TOPICS[intent.intent];
      if (consult.kind === 'empty' || (topic && consult.coreFactCount === 0)) {
        await reply(topic ? buildTopicAnswer(topic, deps.ruleset) : buildNotice('empty-case'));
        return;
      }
      deps.log.info('consult', {
        surface: 'mention',
        channel: event.channel,
        verdict: consult.output.verdict,
      });
      const consultId = await recordConsult(deps, consult.output, {
        surface: 'slack-mention',
        idempotencyKey: eventId ? `event:${eventId}` : undefined,
        teamId: (body as { team_id?: string }).team_id,
        channelId: event.channel,
        userId: event.user,
      });
      await rememberThread(deps, consultId, event.channel, thread_ts);
      await postSharedAnswer(client, { channel: event.channel, threadTs: thread_ts }, consult.output, {
        consultId,
        caseToken: encodeCaseToken(consult.output.case) ?? '',
        identifiersRemoved: consult.identifiers,
        conflicts: consult.conflicts,
        ignoredCount: consult.ignoredCount,
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
