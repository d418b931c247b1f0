// `/thoracic-rt help`: how to ask, what can be asked (from the intents), and privacy advice.
import type { KnownBlock } from '@slack/types';
import { clip, escapeMrkdwn } from '../mrkdwn.js';
import { LIMITS, textLength } from './limits-table.js';
import { APP_NAME, context, divider, footer, header, section } from './parts.js';
import type { SlackMessage } from './types.js';

export interface HelpIntent {
  id: string;
  description: string;
  subcommands: string[];
  examples: string[];
}

export const COMMAND = '/thoracic-rt';
export const MESSAGE_SHORTCUT_NAME = 'Assess for thoracic RT';
export const BOT_MENTION = '@Thoracic RT';

/** Inline code with escaped content; a backtick inside would end the span, so it becomes a prime. */
export function code(s: string): string {
  const t = clip(s, 300).replace(/`/g, 'ʹ');
  return t ? `\`${escapeMrkdwn(t)}\`` : '';
}

export const HOW_TO_ASK = [
  `• ${code(`${COMMAND} <case in free text>`)}: assess a case, e.g. ${code(`${COMMAND} adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive`)}`,
  `• ${code(`${COMMAND} form`)}: enter the case in a structured form`,
  `• ${code(`${COMMAND} evidence <trial or topic>`)}: look up a trial or topic, e.g. ${code(`${COMMAND} evidence NROG-002`)}`,
  `• ${code(`${COMMAND} help`)}: this message`,
  `• Mention ${escapeMrkdwn(BOT_MENTION)} with a case in a channel I am in: I answer in the thread`,
  `• On a message with a case: ⋮ menu → *${escapeMrkdwn(MESSAGE_SHORTCUT_NAME)}*`,
].join('\n');

export const PRIVACY_ADVICE =
  ':lock: *Privacy:* do not type names, MRNs, dates of birth, addresses or other identifiers. Describe the case ' +
  'with clinical facts only. Identifiers I detect are removed before the case is read, and I tell you which kinds.';

function intentText(intent: HelpIntent): string {
  const lines = [`*${escapeMrkdwn(clip(intent.description, 300)) || escapeMrkdwn(clip(intent.id, 80))}*`];
  const subs = intent.subcommands.map((s) => code(`${COMMAND} ${s}`)).filter((s) => s !== '');
  if (subs.length > 0) lines.push(`Commands: ${subs.slice(0, 5).join(', ')}`);
  const examples = intent.examples
    .slice(0, 2)
    .map(code)
    .filter((s) => s !== '');
  if (examples.length > 0)
    lines.push(`${examples.length === 1 ? 'Example' : 'Examples'}: ${examples.join(' · ')}`);
  return lines.join('\n');
}

/** The help message; intents that do not fit in one message are counted, not dropped silently. */
export function buildHelp(intents: readonly HelpIntent[], rulesetVersion: string): SlackMessage {
  const head: KnownBlock[] = [
    header(`${APP_NAME}: help`),
    section(
      'Decision support for tumour boards: should a patient with stage IV NSCLC get definitive thoracic ' +
        'radiotherapy to the primary tumour, and if so when, how much dose, to what volume and at what risk? ' +
        'Every statement carries numbered, linked references.',
    ),
    section(`*How to ask*\n${HOW_TO_ASK}`),
    section(PRIVACY_ADVICE),
  ];
  const tail: KnownBlock[] = [footer(rulesetVersion)];
  const blocks = [...head];
  if (intents.length > 0) {
    blocks.push(divider(), section('*What you can ask*'));
    const reserve = textLength(tail) + 200;
    let used = textLength(blocks);
    let shown = 0;
    for (const intent of intents) {
      const block = section(intentText(intent));
      const n = textLength(block);
      if (blocks.length + 3 > LIMITS.messageBlocks || used + n + reserve > LIMITS.messageTextBudget) break;
      blocks.push(block);
      used += n;
      shown++;
    }
    const more = intents.length - shown;
    if (more > 0) blocks.push(context([`…and ${more} more. See the app's Home tab.`]));
  }
  blocks.push(...tail);
  return { text: `${APP_NAME}: how to use ${COMMAND}`, blocks };
}
