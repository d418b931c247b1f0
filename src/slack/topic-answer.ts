// A general answer for a topic question without case facts ("what dose for an ultracentral primary?"):
// the knowledge base's statements on that topic, with numbered references.
import type { KnownBlock } from '@slack/types';
import type { Citation, Ruleset, Topic } from '../engine/index.js';
import { citationLink } from '../present/citation-link.js';
import { DISCLAIMER } from '../present/labels.js';
import type { SlackMessage } from './blocks/types.js';
import { escapeMrkdwn, link } from './mrkdwn.js';

const TITLES: Record<Topic, string> = {
  candidacy: 'Who is a candidate',
  timing: 'Timing',
  dose: 'Dose and fractionation',
  'target-volume': 'Target volume',
  safety: 'Safety',
  selection: 'Selection',
};

export function buildTopicAnswer(topic: Topic, ruleset: Ruleset): SlackMessage {
  const statements = ruleset.statements.filter((s) => s.topic === topic);
  const used: string[] = [];
  const number = (id: string) => {
    if (!used.includes(id)) used.push(id);
    return used.indexOf(id) + 1;
  };
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${TITLES[topic]}: what the evidence says` } },
  ];
  for (const s of statements) {
    const markers = s.citations.map((id) => `[${number(id)}]`).join('');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `• ${escapeMrkdwn(s.text)} ${markers}` } });
  }
  if (topic === 'dose') {
    const lines = ruleset.doseOptions.map(
      (d) =>
        `• *${escapeMrkdwn(d.schedule)}*: ${escapeMrkdwn(d.setting)} ${d.citations.map((id) => `[${number(id)}]`).join('')}`,
    );
    blocks.push(...sections(lines));
  }
  const byId = new Map(ruleset.citations.map((c) => [c.id, c]));
  const refs = used.map((id, i) => reference(i + 1, byId.get(id)));
  blocks.push(...sections(['*References*', ...refs]));
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Give case facts for a case-specific answer, e.g. \`/thoracic-rt EGFR ex19del, 3 bone mets, ECOG 1\`. Ruleset ${escapeMrkdwn(ruleset.version)}. ${escapeMrkdwn(DISCLAIMER)}`,
      },
    ],
  });
  return { text: `${TITLES[topic]}: what the evidence says`, blocks };
}

/** Packs lines into section blocks under Slack's 3000-character limit, never cutting a line. */
function sections(lines: string[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + line.length + 1 > 2900) {
      out.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
  return out;
}

function reference(n: number, c: Citation | undefined): string {
  if (!c) return `[${n}] (unknown reference)`;
  const url = citationLink(c);
  return `[${n}] ${url ? link(url, c.label) : escapeMrkdwn(c.label)}`;
}
