// `/thoracic-rt evidence <trial or topic>`: the references and statements of the ruleset that match a query.
// The query is user text: it is matched against the ruleset and never shown back (a guard can miss an
// identifier; an echo would post it), so answers name what matched, not what was asked.

import type { KnownBlock } from '@slack/types';
import type { Ruleset } from '../../engine/index.js';
import { citationNumbers } from '../../present/citation-link.js';
import { TOPIC_LABEL } from '../../present/labels.js';
import { clip, escapeMrkdwn } from '../mrkdwn.js';
import { checkMessage } from './check-message.js';
import {
  bullet,
  context,
  footer,
  header,
  listSections,
  referenceLines,
  section,
  withMarkers,
} from './parts.js';
import type { SlackMessage } from './types.js';

type RulesetCitation = Ruleset['citations'][number];
type RulesetStatement = Ruleset['statements'][number];

/** Suggestions for an empty or unmatched query; each of them matches the 2026.1.0 ruleset. */
export const LOOKUP_SUGGESTIONS = [
  'NROG-002',
  'SINDAS',
  'CURB',
  'NorthStar',
  'HILUS',
  'SUNSET',
  'PACIFIC',
  'pneumonitis',
  'ultracentral',
] as const;

/** Most items (references plus statements) listed; the rest is counted. */
export const MAX_LOOKUP_ITEMS = 10;
const MAX_QUERY = 100;

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function compact(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A matcher: the whole query ignoring case, accents, spaces and punctuation ("nrog 002" finds "NROG-002"). */
function matcher(query: string): ((haystack: string) => boolean) | undefined {
  const whole = compact(query);
  if (!whole) return undefined;
  return (haystack) => compact(haystack).includes(whole);
}

/** Fallback when the whole query matches nothing: every word of it, in any order. */
function wordsMatcher(query: string): ((haystack: string) => boolean) | undefined {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  if (words.length < 2) return undefined;
  return (haystack) => {
    const h = compact(haystack);
    return words.every((w) => h.includes(w));
  };
}

function citationText(c: RulesetCitation): string {
  return [c.id, c.label, c.title ?? '', c.note ?? ''].join(' \n ');
}

interface Matches {
  citations: RulesetCitation[];
  statements: RulesetStatement[];
}

function find(ruleset: Ruleset, test: (haystack: string) => boolean): Matches {
  const citations = ruleset.citations.filter((c) => test(citationText(c)));
  const ids = new Set(citations.map((c) => c.id));
  const statements = ruleset.statements.filter((s) => test(s.text) || s.citations.some((id) => ids.has(id)));
  return { citations, statements };
}

/** What a lookup found, by ruleset id: the query itself is never kept (a queued lookup stores this). */
export type EvidenceMatch =
  | { kind: 'usage' }
  | { kind: 'none' }
  | { kind: 'found'; citations: string[]; statements: string[] };

/** Matches the query against the ruleset: the whole query first, else every word of it. */
export function matchEvidence(query: string, ruleset: Ruleset): EvidenceMatch {
  const whole = matcher(clip(query, MAX_QUERY));
  if (!whole) return { kind: 'usage' };
  let matches = find(ruleset, whole);
  if (matches.citations.length === 0 && matches.statements.length === 0) {
    const words = wordsMatcher(clip(query, MAX_QUERY));
    if (words) matches = find(ruleset, words);
  }
  if (matches.citations.length === 0 && matches.statements.length === 0) return { kind: 'none' };
  return {
    kind: 'found',
    citations: matches.citations.map((c) => c.id),
    statements: matches.statements.map((st) => st.id),
  };
}

/** The answer to an evidence lookup: one message within Slack's limits. */
export function buildEvidenceLookup(query: string, ruleset: Ruleset): SlackMessage {
  return renderEvidenceLookup(matchEvidence(query, ruleset), ruleset);
}

/** The answer for a match (ids of another ruleset version that this one lacks are left out). */
export function renderEvidenceLookup(match: EvidenceMatch, ruleset: Ruleset): SlackMessage {
  if (match.kind === 'usage') return usage(ruleset.version);
  const citationIds = new Set(match.kind === 'found' ? match.citations : []);
  const statementIds = new Set(match.kind === 'found' ? match.statements : []);
  const matches: Matches = {
    citations: ruleset.citations.filter((c) => citationIds.has(c.id)),
    statements: ruleset.statements.filter((st) => statementIds.has(st.id)),
  };
  if (matches.citations.length === 0 && matches.statements.length === 0) return noMatch(ruleset.version);

  // Up to MAX_LOOKUP_ITEMS items, references first but leaving room for statements; fewer if the text budget
  // of one message would be exceeded.
  const refCap = Math.min(
    matches.citations.length,
    matches.statements.length > 0 ? Math.ceil(MAX_LOOKUP_ITEMS / 2) : MAX_LOOKUP_ITEMS,
  );
  let stmtCap = Math.min(matches.statements.length, MAX_LOOKUP_ITEMS - refCap);
  for (;;) {
    const message = render(ruleset, matches, refCap, stmtCap);
    if (stmtCap === 0 || checkMessage(message).length === 0) return message;
    stmtCap -= 1;
  }
}

function render(ruleset: Ruleset, matches: Matches, refCap: number, stmtCap: number): SlackMessage {
  const byId = new Map(ruleset.citations.map((c) => [c.id, c]));
  const refs = matches.citations.slice(0, refCap);
  const statements = matches.statements.slice(0, stmtCap);
  // The reference list: the matching references, then any other reference the listed statements cite.
  const listed = [...refs];
  const seen = new Set(listed.map((c) => c.id));
  for (const s of statements) {
    for (const id of s.citations) {
      const c = byId.get(id);
      if (c && !seen.has(id)) {
        seen.add(id);
        listed.push(c);
      }
    }
  }
  const numbers = citationNumbers(listed);
  const refWord = (n: number) => `${n} ${n === 1 ? 'reference' : 'references'}`;
  const stmtWord = (n: number) => `${n} ${n === 1 ? 'statement' : 'statements'}`;

  const blocks: KnownBlock[] = [
    header('Evidence lookup'),
    section(`Matches: ${refWord(matches.citations.length)}, ${stmtWord(matches.statements.length)}.`),
  ];
  const lines = referenceLines(listed, { full: true });
  blocks.push(...listSections('*Matching references*', lines.slice(0, refs.length)));
  blocks.push(
    ...listSections(
      '*Statements*',
      statements.map((s) =>
        bullet(`_${TOPIC_LABEL[s.topic]}:_ ${withMarkers(s.text, s.citations, numbers)}`),
      ),
    ),
  );
  blocks.push(...listSections('*Also cited by these statements*', lines.slice(refs.length)));

  const moreRefs = matches.citations.length - refs.length;
  const moreStmts = matches.statements.length - statements.length;
  if (moreRefs > 0 || moreStmts > 0) {
    const parts: string[] = [];
    if (moreRefs > 0) parts.push(refWord(moreRefs));
    if (moreStmts > 0) parts.push(stmtWord(moreStmts));
    blocks.push(context([`…and ${parts.join(' and ')} more. Narrow the search, e.g. a trial name.`]));
  }
  blocks.push(footer(ruleset.version));
  return {
    text: `Evidence lookup: ${refWord(matches.citations.length)}, ${stmtWord(matches.statements.length)}`,
    blocks,
  };
}

function suggestions(): string {
  return LOOKUP_SUGGESTIONS.join(', ');
}

function noMatch(version: string): SlackMessage {
  return {
    text: 'No evidence matches that query.',
    blocks: [
      section(
        `:mag: Nothing in ruleset ${escapeMrkdwn(version)} matches that query. ` +
          `Try a trial or topic: ${suggestions()}.\nExample: \`/thoracic-rt evidence NROG-002\``,
      ),
      footer(version),
    ],
  };
}

function usage(version: string): SlackMessage {
  return {
    text: 'Evidence lookup: type a trial or topic after the command.',
    blocks: [
      section(
        'Type a trial or topic after the command, e.g. `/thoracic-rt evidence NROG-002`. ' +
          `You can try: ${suggestions()}.`,
      ),
      footer(version),
    ],
  };
}
