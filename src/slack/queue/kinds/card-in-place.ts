// "What if …" and "Back to the case as stated", queued: the case's card again, in place of the preview it was
// clicked on (replace_original through the button's response_url): the what-if card with its way back, or
// the preview of the case as stated. Nothing is audited (the preview's own answer was); a replacement sent
// twice (a double click, a resume) is the same message again.
import { z } from 'zod';
import { CaseSchema } from '../../../engine/index.js';
import { buildCard } from '../../blocks/card.js';
import { WHAT_IF_KEYS } from '../../blocks/what-if.js';
import { encodeCaseToken } from '../../case-token.js';
import { defineKind } from '../registry.js';
import { evaluateQueuedCase } from './evaluate-case.js';

export const CARD_IN_PLACE = 'card-in-place';

export const CardPayloadSchema = z.object({
  case: CaseSchema,
  /** Set for a what-if: the value it set and the case as stated (for the way back). */
  whatIf: z.object({ key: z.enum(WHAT_IF_KEYS), base: CaseSchema }).optional(),
});
export type CardPayload = z.infer<typeof CardPayloadSchema>;

export const cardInPlace = defineKind<CardPayload>({
  name: CARD_IN_PLACE,
  payload: CardPayloadSchema,
  async plan(p, { createdAt }) {
    const output = await evaluateQueuedCase(p.case, createdAt);
    const caseToken = encodeCaseToken(p.case) ?? '';
    const card = p.whatIf
      ? buildCard(output, {
          mode: 'what-if',
          caseToken,
          whatIf: { key: p.whatIf.key, baseToken: encodeCaseToken(p.whatIf.base) ?? '' },
        })
      : buildCard(output, { mode: 'preview', caseToken });
    return {
      parts: [{ via: 'response_url', message: card, replaceOriginal: true }],
      log: { surface: p.whatIf ? 'what_if' : 'what_if_back', verdict: output.verdict },
    };
  },
});
