// The full evidence behind an answer: every statement by topic, dose options, flags, assumptions and the complete
// numbered reference list. Posted in the thread of a shared answer, or shown on "Show evidence".

import type { KnownBlock } from '@slack/types';
import { type Output, TOPICS } from '../../engine/index.js';
import { citationNumbers } from '../../present/citation-link.js';
import { TOPIC_LABEL, VERDICT_LABEL } from '../../present/labels.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import {
  bullet,
  divider,
  doseLines,
  flagLines,
  footer,
  header,
  listSections,
  referenceLines,
  statementLines,
  verdictSummary,
} from './parts.js';
import { splitIntoMessages } from './split-message.js';
import type { SlackMessage } from './types.js';

/** The evidence messages for an answer, split across as many messages as Slack's limits need. */
export function buildEvidence(output: Output): SlackMessage[] {
  const numbers = citationNumbers(output.citations);
  const label = VERDICT_LABEL[output.verdict];
  const blocks: KnownBlock[] = [header(`Evidence · ${label}`)];
  for (const topic of TOPICS) {
    const statements = output.statements.filter((s) => s.topic === topic);
    blocks.push(...listSections(`*${TOPIC_LABEL[topic]}*`, statementLines(statements, numbers)));
  }
  blocks.push(
    ...listSections(
      '*Dose options* (choose by location and constraints)',
      doseLines(output.doseOptions, numbers),
    ),
  );
  blocks.push(...listSections('*Safety flags*', flagLines(output.flags, numbers)));
  blocks.push(
    ...listSections(
      '*Assumed*',
      output.assumptions.map((a) => bullet(escapeMrkdwn(a))),
    ),
  );
  if (output.citations.length > 0) {
    blocks.push(divider());
    blocks.push(...listSections('*References*', referenceLines(output.citations, { full: true })));
  }
  blocks.push(footer(output.rulesetVersion));
  return splitIntoMessages(blocks, `Evidence and references. ${verdictSummary(output)}`);
}
