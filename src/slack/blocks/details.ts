// Details behind the card: why, timing, every dose option with its assumptions, target volume, every flag, the
// case as understood, what was assumed, and the references the answer cites (and only those). A caveat about a
// source (an expression of concern, figures from news reports) is shown once, beside the first statement that
// cites it, never as a note on every reference. Shown as a modal (views.open) or posted once in a shared thread.
import type { KnownBlock, ModalView } from '@slack/types';
import type { Case, Citation, Output, Topic } from '../../engine/index.js';
import { caseLines } from '../../present/case-lines.js';
import { TOPIC_LABEL, VERDICT_LABEL } from '../../present/labels.js';
import { escapeMrkdwn, italic } from '../mrkdwn.js';
import { answerNumbers, citedCitations, shortLabel } from './card-references.js';
import { LIMITS } from './limits-table.js';
import {
  bullet,
  divider,
  doseLines,
  flagLines,
  footer,
  header,
  listSections,
  missingLine,
  referenceLines,
  statementLines,
  verdictSummary,
  whatIfLines,
} from './parts.js';
import { splitIntoMessages } from './split-message.js';
import type { SlackMessage } from './types.js';

const TOPIC_ORDER: readonly Topic[] = ['candidacy', 'timing', 'dose', 'target-volume', 'safety', 'selection'];

/** Caveats beside the lines that cite them: each source's note once, after the first line citing it. */
function withCaveats(
  lines: string[],
  cites: readonly (readonly string[])[],
  byId: Map<string, Citation>,
  shown: Set<string>,
): string[] {
  return lines.map((line, i) => {
    const notes: string[] = [];
    for (const id of cites[i] ?? []) {
      const c = byId.get(id);
      if (!c?.note || shown.has(id)) continue;
      shown.add(id);
      notes.push(`      ${italic(`Source caveat (${shortLabel(c)}): ${c.note}`)}`);
    }
    return notes.length > 0 ? `${line}\n${notes.join('\n')}` : line;
  });
}

interface Ctx {
  numbers: Map<string, number>;
  byId: Map<string, Citation>;
  shown: Set<string>;
}

function topicBlocks(output: Output, ctx: Ctx): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const topic of TOPIC_ORDER) {
    const statements = output.statements.filter((s) => s.topic === topic);
    const lines = statementLines(statements, ctx.numbers);
    const cites = statements.map((s) => s.citations);
    blocks.push(...listSections(`*${TOPIC_LABEL[topic]}*`, withCaveats(lines, cites, ctx.byId, ctx.shown)));
    if (topic === 'dose') blocks.push(...doseBlocks(output, ctx));
  }
  return blocks;
}

function doseBlocks(output: Output, ctx: Ctx): KnownBlock[] {
  const doses = output.doseOptions.map((d) => {
    const line = doseLines([d], ctx.numbers)[0] ?? '';
    return d.assumes?.length ? `${line} ${italic(d.assumes.join(', '))}` : line;
  });
  const cites = output.doseOptions.map((d) => d.citations);
  return listSections(
    '*Dose options for this case* (choose by location and constraints)',
    withCaveats(doses, cites, ctx.byId, ctx.shown),
  );
}

function caseBlocks(output: Output): KnownBlock[] {
  const facts = caseLines(output.case as Case);
  return [
    ...listSections(
      '*Case as understood*',
      facts.length > 0 ? facts.map((l) => bullet(escapeMrkdwn(l))) : [bullet('_no case facts recognised_')],
    ),
    ...listSections(
      '*Assumed*',
      output.assumptions.map((a) => bullet(escapeMrkdwn(a))),
    ),
  ];
}

/** The content of Details, in reading order. */
export function detailsBlocks(output: Output): KnownBlock[] {
  const refs = citedCitations(output);
  const ctx: Ctx = {
    numbers: answerNumbers(output),
    byId: new Map(refs.map((c) => [c.id, c])),
    shown: new Set(),
  };
  const flags = withCaveats(
    flagLines(output.flags, ctx.numbers),
    output.flags.map((f) => f.citations),
    ctx.byId,
    ctx.shown,
  );
  const blocks: KnownBlock[] = [
    header(`Details · ${VERDICT_LABEL[output.verdict]}`),
    ...topicBlocks(output, ctx),
    ...listSections('*Flags*', flags),
    ...listSections('*Missing information*', missingLine(output.missing)),
    ...listSections('*What if*', whatIfLines(output.whatIf)),
    divider(),
    ...caseBlocks(output),
  ];
  if (refs.length > 0) {
    blocks.push(divider());
    blocks.push(...listSections('*References*', referenceLines(refs, { full: true, notes: false })));
  }
  blocks.push(footer(output.rulesetVersion));
  return blocks;
}

/** Details as thread messages (a shared answer's thread), split across messages as Slack's limits need. */
export function buildDetailsMessages(output: Output): SlackMessage[] {
  return splitIntoMessages(detailsBlocks(output), `Details and references. ${verdictSummary(output)}`);
}

export const DETAILS_CALLBACK_ID = 'answer_details';

/** Details as a modal: the same blocks, split like messages (no over-long section), within the view's limits. */
export function buildDetailsModal(output: Output): ModalView {
  const blocks = buildDetailsMessages(output).flatMap((m) => m.blocks);
  const kept = blocks.slice(0, LIMITS.viewBlocks);
  return {
    type: 'modal',
    callback_id: DETAILS_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Answer details' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: kept,
  };
}
