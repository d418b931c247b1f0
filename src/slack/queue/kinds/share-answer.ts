// "Share in channel", queued: the shared answer (with its board-decision button) in the channel, the full
// evidence in its thread, then "shared" to the clicker through the button's response_url. Audited once per
// preview; a share that failed frees its key, so the next click tries again.
import { z } from 'zod';
import { CaseSchema } from '../../../engine/index.js';
import { buildNotice } from '../../blocks/notice.js';
import { encodeCaseToken } from '../../case-token.js';
import { sharedAnswerMessages } from '../../deliver.js';
import { defineKind, type Part } from '../registry.js';
import { evaluateQueuedCase } from './evaluate-case.js';

export const SHARE_ANSWER = 'share-answer';

export const SharePayloadSchema = z.object({ case: CaseSchema });
export type SharePayload = z.infer<typeof SharePayloadSchema>;

export const shareAnswer = defineKind<SharePayload>({
  name: SHARE_ANSWER,
  payload: SharePayloadSchema,
  retryableByUser: true,
  async plan(p, { deps, createdAt, target, jobId }) {
    const output = await evaluateQueuedCase(p.case, createdAt);
    const channel = target.channel ?? '';
    const messages = sharedAnswerMessages(output, {
      caseToken: encodeCaseToken(output.case) ?? '',
      consultId: deps.store ? jobId : undefined,
    });
    const parts: Part[] = messages.map((message, i) => ({
      via: 'post',
      channel,
      threadTs: i === 0 ? undefined : 'first',
      message,
    }));
    if (target.responseUrl) parts.push({ via: 'response_url', message: buildNotice('shared') });
    return {
      parts,
      audit: {
        surface: 'slack-action',
        teamId: target.team,
        channelId: channel,
        userId: target.user,
        output,
      },
      rememberThread: true,
      log: { surface: 'share_in_channel', channel, verdict: output.verdict },
    };
  },
});
