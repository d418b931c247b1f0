// A general answer to a topic question without case facts ("what dose for an ultracentral primary?"): the
// knowledge base's statements on that topic (and, for dose, its dose options), with numbered references.
import type { Ruleset, Topic } from '../../engine/index.js';
import { citationNumbers } from '../../present/citation-link.js';
import { TOPIC_LABEL } from '../../present/labels.js';
import { context, doseLines, footer, header, listSections, referenceLines, statementLines } from './parts.js';
import type { SlackMessage } from './types.js';

export function buildTopicAnswer(topic: Topic, ruleset: Ruleset): SlackMessage {
  const statements = ruleset.statements.filter((s) => s.topic === topic);
  const doses = topic === 'dose' ? ruleset.doseOptions : [];
  // Only the references these lines cite, numbered in the order they are first cited.
  const cited = [...new Set([...statements, ...doses].flatMap((item) => item.citations))];
  const byId = new Map(ruleset.citations.map((c) => [c.id, c]));
  const citations = cited.flatMap((id) => byId.get(id) ?? []);
  const numbers = citationNumbers(citations);
  const title = `${TOPIC_LABEL[topic]}: what the evidence says`;
  return {
    text: title,
    blocks: [
      header(title),
      ...listSections('', statementLines(statements, numbers)),
      ...listSections('', doseLines(doses, numbers)),
      ...listSections('*References*', referenceLines(citations)),
      context([
        'Give case facts for a case-specific answer, e.g. `/thoracic-rt EGFR ex19del, 3 bone mets, ECOG 1`.',
      ]),
      footer(ruleset.version),
    ],
  };
}
