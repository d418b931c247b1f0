// Posting helpers shared by listeners: answers in a channel with the evidence in its thread, ephemeral
// previews, and the user-facing explanation when Slack refuses.
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Output } from '../engine/index.js';
import { type AnswerOptions, buildAnswer } from './blocks/answer.js';
import { buildNotice } from './blocks/notice.js';
import type { SlackMessage } from './blocks/types.js';
import type { SlackDeps } from './deps.js';
import { explainSlackError } from './slack-errors.js';

/** The shared answer's messages: the card (with the board-decision button when it is audited), then Details,
 * which goes once in the card's thread. */
export function sharedAnswerMessages(output: Output, opts: Omit<AnswerOptions, 'mode'>): SlackMessage[] {
  return buildAnswer(output, { ...opts, mode: 'shared' });
}

/** Posts the shared card in the channel (or thread) and Details once in its thread; returns the card's ts. */
export async function postSharedAnswer(
  client: WebClient,
  target: { channel: string; threadTs?: string },
  output: Output,
  opts: Omit<AnswerOptions, 'mode'>,
): Promise<string | undefined> {
  const [first, ...rest] = sharedAnswerMessages(output, opts);
  if (!first) return undefined;
  const posted = await client.chat.postMessage({
    channel: target.channel,
    text: first.text,
    blocks: first.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
  });
  const threadTs = target.threadTs ?? posted.ts;
  for (const m of rest) {
    await client.chat.postMessage({
      channel: target.channel,
      text: m.text,
      blocks: m.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  }
  return posted.ts;
}

/** Sends messages through response_url, in order (Slack allows a few uses per URL). */
export async function respondAll(respond: RespondFn, messages: SlackMessage[]): Promise<void> {
  for (const m of messages) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
  }
}

/**
 * Reports a failure to the user once and logs its code (never message text). Tries response_url first, then
 * an ephemeral message, so an expired link still gets an explanation where possible.
 */
export async function reportFailure(
  deps: SlackDeps,
  err: unknown,
  where: { surface: string; respond?: RespondFn; client?: WebClient; channel?: string; user?: string },
): Promise<void> {
  const explained = explainSlackError(err);
  deps.log.warn('listener failed', { surface: where.surface, code: explained.code });
  const notice = buildNotice('error', `${explained.message} (${explained.code})`);
  try {
    if (where.respond && explained.code !== 'E_RESPONSE_URL') {
      await where.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: notice.text,
        blocks: notice.blocks,
      });
      return;
    }
    if (where.client && where.channel && where.user) {
      await where.client.chat.postEphemeral({
        channel: where.channel,
        user: where.user,
        text: notice.text,
        blocks: notice.blocks,
      });
    } else if (where.client && where.user) {
      // No channel (global shortcut, App Home): the app's direct message with the user.
      await where.client.chat.postMessage({ channel: where.user, text: notice.text, blocks: notice.blocks });
    }
  } catch (second) {
    deps.log.error('could not report failure to user', {
      surface: where.surface,
      code: explained.code,
      secondCode: explainSlackError(second).code,
    });
  }
}
