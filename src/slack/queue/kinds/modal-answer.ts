// The intake form's case, queued: shared in the channel (thread) it came from, or a preview only the user
// sees (ephemeral in the channel, else a direct message from the app). Audited either way.
import { z } from 'zod';
import { CaseSchema } from '../../../engine/index.js';
import { buildAnswer } from '../../blocks/answer.js';
import { encodeCaseToken } from '../../case-token.js';
import { sharedAnswerMessages } from '../../deliver.js';
import { defineKind, type Part } from '../registry.js';
import { evaluateQueuedCase } from './evaluate-case.js';
import { IdentifierKindsSchema } from './reading-payload.js';

export const MODAL_ANSWER = 'modal-answer';

export const ModalPayloadSchema = z.object({
  case: CaseSchema,
  delivery: z.enum(['channel', 'preview']),
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
    const preview = buildAnswer(output, {
      mode: 'preview',
      caseToken,
      identifiersRemoved: p.identifiersRemoved,
    });
    const parts: Part[] = preview.map((message) =>
      channel && user
        ? { via: 'ephemeral', channel, user, threadTs, message }
        : { via: 'post', channel: user ?? '', message },
    );
    return { parts, audit, log };
  },
});
