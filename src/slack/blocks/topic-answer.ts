// A general answer to a topic question without case facts ("what dose for an ultracentral primary?"). Narrowed
// to what was asked: the rows written for the facts the question states (the ultracentral options and their
// cautions) come first, with a button to the whole topic (buildTopicDetails, a modal). Without such facts, the
// topic's statements, and for dose the schedules by name, with the same button.
import type { KnownBlock, ModalView } from '@slack/types';
import type { Case, Citation, Ruleset, Topic } from '../../engine/index.js';
import { citationNumbers } from '../../present/citation-link.js';
import { TOPIC_LABEL } from '../../present/labels.js';
import { bold, escapeMrkdwn } from '../mrkdwn.js';
import { TOPIC_DETAILS } from './action-ids.js';
import { referencesLine } from './card-references.js';
import {
  context,
  doseLines,
  footer,
  header,
  listSections,
  referenceLines,
  SEVERITY_MARK,
  statementLines,
  withMarkers,
} from './parts.js';
import { type Focus, focusedRows, focusOf } from './topic-focus.js';
import type { SlackMessage } from './types.js';

type Row = { citations: readonly string[] };

function citationsOf(ruleset: Ruleset, rows: readonly Row[]): Citation[] {
  const cited = [...new Set(rows.flatMap((r) => r.citations))];
  const byId = new Map(ruleset.citations.map((c) => [c.id, c]));
  return cited.flatMap((id) => byId.get(id) ?? []);
}

const HINT =
  'Give case facts for a case-specific answer, e.g. `/thoracic-rt EGFR ex19del, 3 bone mets, ECOG 1`.';

function allButton(topic: Topic): KnownBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: TOPIC_DETAILS,
        value: topic,
        text: { type: 'plain_text', text: `All on ${TOPIC_LABEL[topic].toLowerCase()}`, emoji: true },
      },
    ],
  };
}

function focusedAnswer(topic: Topic, ruleset: Ruleset, focus: Focus): SlackMessage | undefined {
  const rows = focusedRows(topic, ruleset, focus);
  if (rows.doses.length + rows.flags.length + rows.statements.length === 0) return undefined;
  const citations = citationsOf(ruleset, [...rows.doses, ...rows.flags, ...rows.statements]);
  const numbers = citationNumbers(citations);
  const title = `${TOPIC_LABEL[topic]} for ${focus.words.join(', ')}`;
  const cautions = rows.flags.map(
    (f) => `${SEVERITY_MARK[f.severity].emoji} ${withMarkers(f.text, f.citations, numbers)}`,
  );
  const blocks: KnownBlock[] = [
    header(title),
    ...listSections(bold('Options for this'), doseLines(rows.doses, numbers)),
    ...listSections(bold('Cautions'), cautions),
    ...listSections('', statementLines(rows.statements, numbers)),
    context([
      referencesLine(
        citations.map((c) => c.id),
        citations,
        numbers,
      ),
    ]),
    context([`The rest of ${escapeMrkdwn(TOPIC_LABEL[topic].toLowerCase())} is under the button. ${HINT}`]),
    allButton(topic),
    footer(ruleset.version),
  ];
  return { text: title, blocks };
}

/** Statements a general topic answer shows before "the rest is under the button". */
export const GENERAL_STATEMENTS = 3;

function generalAnswer(topic: Topic, ruleset: Ruleset): SlackMessage {
  const all = ruleset.statements.filter((s) => s.topic === topic);
  const statements = all.slice(0, GENERAL_STATEMENTS);
  const citations = citationsOf(ruleset, statements);
  const numbers = citationNumbers(citations);
  const title = `${TOPIC_LABEL[topic]}: what the evidence says`;
  const schedules = topic === 'dose' ? ruleset.doseOptions.map((d) => d.schedule) : [];
  const blocks: KnownBlock[] = [header(title), ...listSections('', statementLines(statements, numbers))];
  if (schedules.length > 0) {
    blocks.push(
      context([
        `${bold('Schedules')} (which fit depends on location, nodes, size and lung): ${escapeMrkdwn([...new Set(schedules)].join(' · '))}`,
      ]),
    );
  }
  const more = all.length - statements.length;
  const rest = more > 0 ? `${more} more ${more === 1 ? 'statement' : 'statements'} under the button. ` : '';
  const refs = referencesLine(
    citations.map((c) => c.id),
    citations,
    numbers,
  );
  if (refs) blocks.push(context([refs]));
  blocks.push(context([`${rest}${HINT}`]), allButton(topic), footer(ruleset.version));
  return { text: title, blocks };
}

/** The topic answer, narrowed to the facts the question states (`asked`: its reading's case). */
export function buildTopicAnswer(topic: Topic, ruleset: Ruleset, asked: Case = {}): SlackMessage {
  return focusedAnswer(topic, ruleset, focusOf(asked)) ?? generalAnswer(topic, ruleset);
}

/** Everything on a topic (its statements and, for dose, every schedule with its setting) as a modal. */
export function buildTopicDetails(topic: Topic, ruleset: Ruleset): ModalView {
  const statements = ruleset.statements.filter((s) => s.topic === topic);
  const doses = topic === 'dose' ? ruleset.doseOptions : [];
  const citations = citationsOf(ruleset, [...statements, ...doses]);
  const numbers = citationNumbers(citations);
  const blocks: KnownBlock[] = [
    header(TOPIC_LABEL[topic]),
    ...listSections('', statementLines(statements, numbers)),
    ...listSections(bold('Dose options'), doseLines(doses, numbers)),
    ...listSections('*References*', referenceLines(citations)),
    footer(ruleset.version),
  ];
  return {
    type: 'modal',
    title: { type: 'plain_text', text: TOPIC_LABEL[topic].slice(0, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: blocks.slice(0, 100),
  };
}
