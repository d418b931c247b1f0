// "Show evidence" (now Details) as messages: kept for callers that post the evidence rather than open a modal.
import type { Output } from '../../engine/index.js';
import { buildDetailsMessages } from './details.js';
import type { SlackMessage } from './types.js';

/** The Details messages for an answer, split across as many messages as Slack's limits need. */
export function buildEvidence(output: Output): SlackMessage[] {
  return buildDetailsMessages(output);
}
