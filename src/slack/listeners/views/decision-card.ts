// After a board decision: the shared card is rebuilt from its stored consult and updated in place with the
// outcome, who recorded it and when. The note is never shown (it stays in the audit trail).
import type { WebClient } from '@slack/web-api';
import { consultCase } from '../../../consult/index.js';
import { DECISION_REASON_INFO, type DecisionOutcome, type DecisionReason } from '../../../store/index.js';
import { buildCard } from '../../blocks/card.js';
import { encodeCaseToken } from '../../case-token.js';
import type { SlackDeps } from '../../deps.js';
import { outcomeLabel } from '../../views/decision-modal.js';

export interface DecidedCard {
  consultId: string;
  channelId: string;
  messageTs: string;
  outcome: DecisionOutcome;
  reason: DecisionReason;
  userId: string;
  at: Date;
}

/** True when the card was updated; false when its consult could not be answered again. */
export async function updateDecidedCard(
  deps: SlackDeps,
  client: WebClient,
  d: DecidedCard,
): Promise<boolean> {
  const consult = deps.store ? await deps.store.getConsult(d.consultId) : undefined;
  if (!consult) return false;
  const result = await consultCase(consult.case, { now: deps.now() });
  if (!result.ok) return false;
  const card = buildCard(result.output, {
    mode: 'shared',
    caseToken: encodeCaseToken(result.output.case) ?? '',
    consultId: d.consultId,
    sharedBy: consult.userId ?? undefined,
    decision: {
      outcome: outcomeLabel(d.outcome),
      reason: DECISION_REASON_INFO[d.reason].label,
      userId: d.userId,
      at: d.at,
    },
  });
  await client.chat.update({ channel: d.channelId, ts: d.messageTs, text: card.text, blocks: card.blocks });
  return true;
}
