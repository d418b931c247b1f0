// One response_url message per answer: the messages after an answer's first (the privacy notice after a topic
// answer or an empty-case notice) are folded into it while the whole stays inside Slack's message budgets, so a
// send cut by a crash is resent as one message with replace_original and nothing after it can show twice (a
// later response_url message cannot be read back, and replace_original on it could replace the answer). A
// message that does not fit stays a message of its own, and so does everything after it (the order is kept).
import type { KnownBlock } from '@slack/types';
import { LIMITS, textLength } from '../blocks/limits-table.js';
import type { SlackMessage } from '../blocks/types.js';

const DIVIDER: KnownBlock = { type: 'divider' };

export function foldMessages(messages: readonly SlackMessage[]): SlackMessage[] {
  const [first, ...rest] = messages;
  if (!first) return [];
  let folded = first;
  let i = 0;
  for (; i < rest.length; i++) {
    const next = rest[i]!;
    const blocks = [...folded.blocks, DIVIDER, ...next.blocks];
    const text = `${folded.text}\n\n${next.text}`;
    if (!fits(blocks, text)) break;
    folded = { text, blocks };
  }
  return [folded, ...rest.slice(i)];
}

function fits(blocks: readonly KnownBlock[], text: string): boolean {
  return (
    blocks.length <= LIMITS.messageBlocks &&
    textLength(blocks) <= LIMITS.messageTextBudget &&
    text.length <= LIMITS.messageText
  );
}
