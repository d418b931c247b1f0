// "@Thoracic RT <question>", queued: the reply goes in the mention's thread (help, a topic answer, nothing
// usable, or the shared case answer with its board-decision button, audited); the privacy notice goes to the
// author alone.
import { renderEvidenceLookup } from '../../blocks/evidence-lookup.js';
import { buildHelp } from '../../blocks/help.js';
import { buildNotice } from '../../blocks/notice.js';
import { buildTopicAnswer } from '../../blocks/topic-answer.js';
import type { SlackMessage } from '../../blocks/types.js';
import { encodeCaseToken } from '../../case-token.js';
import { sharedAnswerMessages } from '../../deliver.js';
import { defineKind, type Part } from '../registry.js';
import { evaluateQueuedCase } from './evaluate-case.js';
import { type ReadingPayload, ReadingPayloadSchema } from './reading-payload.js';

export const MENTION_REPLY = 'mention-reply';

export const mentionReply = defineKind<ReadingPayload>({
  name: MENTION_REPLY,
  payload: ReadingPayloadSchema,
  reportInThread: true,
  async plan(p, { deps, createdAt, target, jobId }) {
    const channel = target.channel ?? '';
    const threadTs = target.threadTs;
    const parts: Part[] = [];
    if (p.identifiersRemoved.length > 0 && target.user) {
      const message = buildNotice('privacy-channel', p.identifiersRemoved.join(', '));
      parts.push({ via: 'ephemeral', channel, user: target.user, threadTs, message });
    }
    const post = (message: SlackMessage): Part => ({ via: 'post', channel, threadTs, message });
    if (p.route === 'help')
      return { parts: [...parts, post(buildHelp([...deps.intents], deps.ruleset.version))] };
    if (p.route === 'evidence')
      return { parts: [post(renderEvidenceLookup(p.evidence ?? { kind: 'usage' }, deps.ruleset))] };
    if (p.route === 'topic' && p.topic)
      return { parts: [...parts, post(buildTopicAnswer(p.topic, deps.ruleset, p.case))] };
    if (p.route !== 'answer' || !p.case) return { parts: [...parts, post(buildNotice('empty-case'))] };
    const output = await evaluateQueuedCase(p.case, createdAt);
    const messages = sharedAnswerMessages(output, {
      consultId: deps.store ? jobId : undefined,
      sharedBy: target.user,
      caseToken: encodeCaseToken(output.case) ?? '',
      identifiersRemoved: p.identifiersRemoved,
      conflicts: p.conflicts,
      ignoredCount: p.ignoredCount,
    });
    return {
      parts: [...parts, ...messages.map(post)],
      audit: {
        surface: 'slack-mention',
        teamId: target.team,
        channelId: channel,
        userId: target.user,
        output,
      },
      rememberThread: true,
      log: { surface: 'mention', channel, verdict: output.verdict },
    };
  },
});
