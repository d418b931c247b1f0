// The answer to a consult. Preview: ephemeral to the asker, with buttons. Shared: the same answer in the channel
// without buttons, followed by the full evidence, which the caller posts as thread replies.
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { Case, Output, Verdict } from '../../engine/index.js';
import { caseLines } from '../../present/case-lines.js';
import { citationNumbers } from '../../present/citation-link.js';
import { EVIDENCE_LABEL, TIMING_LABEL, VERDICT_LABEL } from '../../present/labels.js';
import { clip, escapeMrkdwn } from '../mrkdwn.js';
import {
  ANSWER_ACTIONS_BLOCK_ID,
  COMPLETE_CASE,
  EDIT_CASE,
  SHARE_IN_CHANNEL,
  SHOW_EVIDENCE,
} from './action-ids.js';
import { buildEvidence } from './evidence.js';
import {
  bullet,
  context,
  divider,
  doseLines,
  flagLines,
  footer,
  header,
  identifierKinds,
  listSections,
  missingLine,
  referenceLines,
  section,
  statementLines,
  verdictSummary,
  whatIfLines,
} from './parts.js';
import { splitIntoMessages } from './split-message.js';
import type { SlackMessage } from './types.js';

export interface AnswerOptions {
  /** preview = ephemeral to the asker, with buttons; shared = in channel, no buttons, evidence in the thread. */
  mode: 'preview' | 'shared';
  /** Opaque string (at most 1900 characters) put in every button's `value`. */
  caseToken: string;
  /** Identifier kinds removed from the user's text: shown as a privacy notice (never the identifiers). */
  identifiersRemoved?: string[];
  /** Questions about conflicting facts. */
  conflicts?: string[];
  /** How many text fragments were not used (the count only, never the fragments). */
  ignoredCount?: number;
}

export const MAX_CASE_TOKEN = 1900;

export const VERDICT_EMOJI: Record<Verdict, string> = {
  recommended: ':white_check_mark:',
  consider: ':large_yellow_circle:',
  'not-recommended': ':no_entry:',
  'insufficient-information': ':grey_question:',
  'not-applicable': ':heavy_minus_sign:',
};

/** The plain fallback of an answer: verdict and summary, escaped. */
export function answerFallback(output: Output): string {
  return verdictSummary(output);
}

/**
 * Block Kit messages for an answer. Preview: one message (more if the content exceeds Slack's limits) ending with
 * the buttons. Shared: the answer without buttons, then the evidence messages; post the first message in the
 * channel and every following one as a reply in its thread. A preview whose `caseToken` is empty or longer than
 * 1900 characters (the case could not be kept) still shows the answer, with a note instead of the buttons.
 */
export function buildAnswer(output: Output, opts: AnswerOptions): SlackMessage[] {
  const blocks = answerBlocks(output, opts);
  if (opts.mode === 'preview') {
    const token = opts.caseToken;
    if (token.length > 0 && token.length <= MAX_CASE_TOKEN) blocks.push(actions(output, token));
    else blocks.push(context([BUTTONS_UNAVAILABLE]));
  }
  const answer = splitIntoMessages(blocks, answerFallback(output));
  return opts.mode === 'shared' ? [...answer, ...buildEvidence(output)] : answer;
}

export const BUTTONS_UNAVAILABLE =
  ':information_source: Sharing and editing are not available for this answer (the case could not be kept). ' +
  'Run `/thoracic-rt form` to enter it again.';

function answerBlocks(output: Output, opts: AnswerOptions): KnownBlock[] {
  const numbers = citationNumbers(output.citations);
  const label = VERDICT_LABEL[output.verdict];
  const blocks: KnownBlock[] = [
    header(`${VERDICT_EMOJI[output.verdict]} ${label} · definitive thoracic RT`),
    section(escapeMrkdwn(output.summary)),
  ];

  const fields: string[] = [];
  if (output.evidence) fields.push(`*Evidence*\n${escapeMrkdwn(EVIDENCE_LABEL[output.evidence])}`);
  if (output.verdict !== 'not-applicable' && output.verdict !== 'insufficient-information') {
    fields.push(`*Timing*\n${escapeMrkdwn(TIMING_LABEL[output.timing])}`);
  }
  if (fields.length > 0) {
    blocks.push({ type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) });
  }

  const facts = caseLines(output.case as Case);
  blocks.push(
    ...listSections(
      '*Case as understood*',
      facts.length > 0
        ? facts.map((line) => bullet(escapeMrkdwn(line)))
        : [bullet('_no case facts recognised_')],
    ),
  );
  blocks.push(
    ...listSections(
      '*Assumed*',
      output.assumptions.map((a) => bullet(escapeMrkdwn(a))),
    ),
  );
  blocks.push(...notices(opts));

  const byTopic = (topic: string) => output.statements.filter((s) => s.topic === topic);
  blocks.push(divider());
  blocks.push(...listSections('*Why*', statementLines(byTopic('candidacy'), numbers)));
  blocks.push(...listSections('*When*', statementLines(byTopic('timing'), numbers)));
  blocks.push(
    ...listSections(
      '*Dose options* (choose by location and constraints)',
      doseLines(output.doseOptions, numbers),
    ),
  );
  blocks.push(...listSections('*Target volume*', statementLines(byTopic('target-volume'), numbers)));
  blocks.push(...listSections('*Safety flags*', flagLines(output.flags, numbers)));
  blocks.push(...listSections('*Missing information*', missingLine(output.missing)));
  blocks.push(...listSections('*What if*', whatIfLines(output.whatIf)));

  if (output.citations.length > 0) {
    blocks.push(divider());
    blocks.push(...listSections('*References*', referenceLines(output.citations)));
  }
  blocks.push(footer(output.rulesetVersion));
  return blocks;
}

function notices(opts: AnswerOptions): KnownBlock[] {
  const out: KnownBlock[] = [];
  const kinds = identifierKinds(opts.identifiersRemoved ?? []);
  if (kinds) {
    out.push(
      section(
        `:lock: *Privacy:* ${kinds} were removed from the case text before ` +
          'it was read. Please describe cases without names, MRNs, dates of birth or other identifiers.',
      ),
    );
  }
  const conflicts = (opts.conflicts ?? []).map((q) => clip(q, 500)).filter((q) => q !== '');
  if (conflicts.length > 0) {
    out.push(
      ...listSections(
        ':warning: *Please check: conflicting facts*',
        conflicts.map((q) => bullet(escapeMrkdwn(q))),
      ),
    );
  }
  const ignored = opts.ignoredCount;
  if (ignored !== undefined && Number.isInteger(ignored) && ignored > 0) {
    out.push(
      context([
        `:information_source: ${ignored} text ${ignored === 1 ? 'fragment was' : 'fragments were'} not used.` +
          (opts.mode === 'preview' ? ' Use *Edit case* to check the facts.' : ''),
      ]),
    );
  }
  return out;
}

function button(text: string, actionId: string, value: string, style?: 'primary'): Button {
  const b: Button = {
    type: 'button',
    text: { type: 'plain_text', text, emoji: true },
    action_id: actionId,
    value,
  };
  if (style) b.style = style;
  return b;
}

function actions(output: Output, caseToken: string): ActionsBlock {
  const elements: Button[] = [];
  if (output.verdict === 'insufficient-information') {
    elements.push(button('Complete the case', COMPLETE_CASE, caseToken, 'primary'));
  }
  elements.push(
    button('Share in channel', SHARE_IN_CHANNEL, caseToken),
    button('Edit case', EDIT_CASE, caseToken),
    button('Show evidence', SHOW_EVIDENCE, caseToken),
  );
  return { type: 'actions', block_id: ANSWER_ACTIONS_BLOCK_ID, elements };
}
