// Posting helpers shared by listeners: answers in a channel with the evidence in its thread, ephemeral
// previews, and the user-facing explanation when Slack refuses.
import type { RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Output } from '../engine/index.js';
import { ACTION_IDS, DECISION_ACTIONS_BLOCK_ID } from './blocks/action-ids.js';
import { type AnswerOptions, buildAnswer } from './blocks/answer.js';
import { LIMITS } from './blocks/limits-table.js';
import { buildNotice } from './blocks/notice.js';
import type { SlackMessage } from './blocks/types.js';
import type { SlackDeps } from './deps.js';
import { explainSlackError } from './slack-errors.js';

/** The shared answer's messages: the answer (with the board-decision button when it is audited), then its
 * continuation (the full evidence), which goes in the answer's thread. */
export function sharedAnswerMessages(
  output: Output,
  opts: Omit<AnswerOptions, 'mode'> & { consultId?: string | undefined },
): SlackMessage[] {
  const { consultId, ...answerOpts } = opts;
  const [built, ...rest] = buildAnswer(output, { ...answerOpts, mode: 'shared' });
  if (!built) return [];
  // The board records its decision on the shared answer, linked to the stored consult.
  const decision = consultId ? withDecisionButton(built, consultId) : { main: built };
  return [decision.main, ...(decision.extra ? [decision.extra] : []), ...rest];
}

/** Posts the shared answer in the channel (or thread) and its continuation (the full evidence) in its thread. */
export async function postSharedAnswer(
  client: WebClient,
  target: { channel: string; threadTs?: string },
  output: Output,
  opts: Omit<AnswerOptions, 'mode'> & { consultId?: string | undefined },
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
  // Shared answers carry their own continuation: the full evidence, posted as replies in the thread.
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

const decisionBlock = (consultId: string): KnownBlock => ({
  type: 'actions',
  block_id: DECISION_ACTIONS_BLOCK_ID,
  elements: [
    {
      type: 'button',
      action_id: ACTION_IDS.recordDecision,
      text: { type: 'plain_text', text: 'Record board decision' },
      value: consultId,
    },
  ],
});

/** The button goes under the answer; if the answer is already at Slack's block limit, into the thread. */
function withDecisionButton(
  m: SlackMessage,
  consultId: string,
): { main: SlackMessage; extra?: SlackMessage } {
  if (m.blocks.length < LIMITS.messageBlocks)
    return { main: { text: m.text, blocks: [...m.blocks, decisionBlock(consultId)] } };
  return {
    main: m,
    extra: { text: 'Record the board decision for this answer', blocks: [decisionBlock(consultId)] },
  };
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
