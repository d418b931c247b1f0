// The intake form's case, queued: shared in the channel (thread) it came from, or a preview only the user
// sees (through the command's response_url, else ephemeral in the channel, else a direct message from the
// app). Audited either way.
import { z } from 'zod';
import { CaseSchema } from '../../../engine/index.js';
import { buildAnswer } from '../../blocks/answer.js';
import { buildCard } from '../../blocks/card.js';
import { encodeCaseToken } from '../../case-token.js';
import { sharedAnswerMessages } from '../../deliver.js';
import { defineKind, type Part } from '../registry.js';
import { evaluateQueuedCase } from './evaluate-case.js';
import { IdentifierKindsSchema } from './reading-payload.js';

export const MODAL_ANSWER = 'modal-answer';

export const ModalPayloadSchema = z.object({
  case: CaseSchema,
  /** `replace`: a completed case replaces the preview it came from (through that preview's response_url). */
  delivery: z.enum(['channel', 'preview', 'replace']),
  identifiersRemoved: IdentifierKindsSchema,
});
export type ModalPayload = z.infer<typeof ModalPayloadSchema>;

export const modalAnswer = defineKind<ModalPayload>({
  name: MODAL_ANSWER,
  payload: ModalPayloadSchema,
  async plan(p, { deps, createdAt, target, jobId }) {
    const output = await evaluateQueuedCase(p.case, createdAt);
    const caseToken = encodeCaseToken(output.case) ?? '';
    const { channel, user, threadTs } = target;
    const audit = {
      surface: 'slack-modal' as const,
      teamId: target.team,
      channelId: channel,
      userId: user,
      output,
    };
    const log = { surface: 'modal', team: target.team, channel, verdict: output.verdict };
    if (p.delivery === 'channel' && channel) {
      const messages = sharedAnswerMessages(output, {
        caseToken,
        consultId: deps.store ? jobId : undefined,
        sharedBy: user,
        identifiersRemoved: p.identifiersRemoved,
      });
      const parts: Part[] = messages.map((message, i) => ({
        via: 'post',
        channel,
        threadTs: i === 0 ? threadTs : (threadTs ?? 'first'),
        message,
      }));
      return { parts, audit, rememberThread: true, log };
    }
    if (p.delivery === 'replace' && target.responseUrl) {
      const card = buildCard(output, { mode: 'preview', caseToken });
      return { parts: [{ via: 'response_url', message: card, replaceOriginal: true }], audit, log };
    }
    const preview = buildAnswer(output, {
      mode: 'preview',
      caseToken,
      identifiersRemoved: p.identifiersRemoved,
    });
    // Through the command's response_url when the form came from the command, else ephemeral in the channel,
    // else a direct message from the app.
    const parts: Part[] = preview.map((message) =>
      target.responseUrl
        ? { via: 'response_url', message }
        : channel && user
          ? { via: 'ephemeral', channel, user, threadTs, message }
          : { via: 'post', channel: user ?? '', message },
    );
    return { parts, audit, log };
  },
});
