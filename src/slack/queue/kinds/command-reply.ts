// /thoracic-rt text, queued: help, a topic answer, "nothing usable", or the case answer (audited), sent
// through the command's response_url as one ephemeral message (its privacy notice folded in).
import { buildAnswer } from '../../blocks/answer.js';
import { renderEvidenceLookup } from '../../blocks/evidence-lookup.js';
import { buildHelp } from '../../blocks/help.js';
import { buildNotice } from '../../blocks/notice.js';
import { buildTopicAnswer } from '../../blocks/topic-answer.js';
import type { SlackMessage } from '../../blocks/types.js';
import { encodeCaseToken } from '../../case-token.js';
import { foldMessages } from '../fold-messages.js';
import { defineKind, type Plan } from '../registry.js';
import { evaluateQueuedCase } from './evaluate-case.js';
import { type ReadingPayload, ReadingPayloadSchema } from './reading-payload.js';

export const COMMAND_REPLY = 'command-reply';

// One response_url message per answer (the privacy notice folded in), so the message resent after a crash cut
// its send, with replace_original, is the whole answer and replaces its own earlier copy (if Slack had it).
const viaUrl = (messages: SlackMessage[]): Plan['parts'] =>
  foldMessages(messages).map((message, i) => ({
    via: 'response_url' as const,
    message,
    replaceOnResend: i === 0,
  }));

export const commandReply = defineKind<ReadingPayload>({
  name: COMMAND_REPLY,
  payload: ReadingPayloadSchema,
  commandResponseUrl: true,
  async plan(p, { deps, createdAt, target }) {
    const privacy = p.identifiersRemoved.length
      ? [buildNotice('privacy', p.identifiersRemoved.join(', '))]
      : [];
    if (p.route === 'help') return { parts: viaUrl([buildHelp([...deps.intents], deps.ruleset.version)]) };
    if (p.route === 'evidence')
      return { parts: viaUrl([renderEvidenceLookup(p.evidence ?? { kind: 'usage' }, deps.ruleset)]) };
    if (p.route === 'topic' && p.topic)
      return { parts: viaUrl([buildTopicAnswer(p.topic, deps.ruleset, p.case), ...privacy]) };
    if (p.route !== 'answer' || !p.case) return { parts: viaUrl([buildNotice('empty-case'), ...privacy]) };
    const output = await evaluateQueuedCase(p.case, createdAt);
    const messages = buildAnswer(output, {
      mode: 'preview',
      caseToken: encodeCaseToken(output.case) ?? '',
      identifiersRemoved: p.identifiersRemoved,
      conflicts: p.conflicts,
      ignoredCount: p.ignoredCount,
    });
    return {
      parts: viaUrl(messages),
      audit: {
        surface: 'slack-command',
        teamId: target.team,
        channelId: target.channel,
        userId: target.user,
        output,
      },
      log: {
        surface: 'command',
        team: target.team,
        channel: target.channel,
        verdict: output.verdict,
        identifiersRemoved: p.identifiersRemoved.length,
      },
    };
  },
});
