// The answer to a consult. Preview: the compact card, ephemeral to the asker, with buttons. Shared: the compact
// card in the channel, followed by Details, which the caller posts once as replies in its thread.
import type { Output } from '../../engine/index.js';
import { BUTTONS_UNAVAILABLE, buildCard, type CardDecision, TOKEN_MAX, VERDICT_EMOJI } from './card.js';
import { buildDetailsMessages } from './details.js';
import { verdictSummary } from './parts.js';
import type { SlackMessage } from './types.js';

export { BUTTONS_UNAVAILABLE, VERDICT_EMOJI };

export interface AnswerOptions {
  /** preview = ephemeral to the asker, with buttons; shared = in channel, Details in the thread. */
  mode: 'preview' | 'shared';
  /** Opaque string (at most 1900 characters) put in every button's `value`. */
  caseToken: string;
  /** Identifier kinds removed from the user's text: shown as a privacy notice (never the identifiers). */
  identifiersRemoved?: string[];
  /** Questions about conflicting facts. */
  conflicts?: string[];
  /** How many text fragments were not used (the count only, never the fragments). */
  ignoredCount?: number;
  /** Shared: the Slack user who shared it. */
  sharedBy?: string | undefined;
  /** Shared: the stored consult, for the "Record board decision" button. */
  consultId?: string | undefined;
  /** Shared: the board decision, once recorded. */
  decision?: CardDecision | undefined;
}

export const MAX_CASE_TOKEN = TOKEN_MAX;

/** The plain fallback of an answer: verdict and summary, escaped. */
export function answerFallback(output: Output): string {
  return verdictSummary(output);
}

/**
 * Block Kit messages for an answer. Preview: one message, the card with its buttons. Shared: the card, then the
 * Details messages; post the first in the channel and every following one as a reply in its thread. A preview
 * whose `caseToken` is empty or longer than 1900 characters still shows the answer, with a note instead of the
 * buttons.
 */
export function buildAnswer(output: Output, opts: AnswerOptions): SlackMessage[] {
  const card = buildCard(output, opts);
  return opts.mode === 'shared' ? [card, ...buildDetailsMessages(output)] : [card];
}
