// Small Block Kit pieces shared by the builders: text blocks, bullet lists packed into sections, and the lines for
// statements, dose options, flags and references. Every line here is escaped mrkdwn.
import type { ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { Citation, DoseOption, Flag, Output, Severity, Statement, WhatIf } from '../../engine/index.js';
import { citationIdentifiers, citationLink, markers } from '../../present/citation-link.js';
import { DISCLAIMER, IDENTIFIER_LABEL, labelIn, MISSING_LABEL, VERDICT_LABEL } from '../../present/labels.js';
import { bold, clip, escapeMrkdwn, italic, link } from '../mrkdwn.js';
import { LIMITS } from './limits-table.js';

export const APP_NAME = 'Thoracic RT Advisor';

export const SEVERITY_MARK: Record<Severity, { emoji: string; label: string }> = {
  critical: { emoji: ':red_circle:', label: 'Critical' },
  warning: { emoji: ':warning:', label: 'Warning' },
  info: { emoji: ':information_source:', label: 'Info' },
};

/** Human words for identifier kinds ("names, dates"), escaped; unknown kinds are cleaned and clipped. */
export function identifierKinds(kinds: readonly string[]): string {
  const words = kinds
    .map((k) => escapeMrkdwn(labelIn(IDENTIFIER_LABEL, k) ?? clip(k, 40)))
    .filter((w) => w !== '');
  return [...new Set(words)].join(', ');
}

/** Verdict and summary as one plain sentence, escaped; the verdict word is not repeated when the summary has it. */
export function verdictSummary(output: Output): string {
  const label = VERDICT_LABEL[output.verdict];
  const summary = output.summary.trim();
  const text = summary.toLowerCase().startsWith(label.toLowerCase()) ? summary : `${label}: ${summary}`;
  return escapeMrkdwn(text);
}

/** Header text is plain_text: cut to the header limit with a visible ellipsis. */
export function header(text: string, blockId?: string): HeaderBlock {
  const block: HeaderBlock = {
    type: 'header',
    text: { type: 'plain_text', text: clip(text, LIMITS.header), emoji: true },
  };
  if (blockId) block.block_id = blockId;
  return block;
}

/** A mrkdwn section; the text must already be escaped. Longer texts are split later by splitIntoMessages. */
export function section(text: string, blockId?: string): SectionBlock {
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text } };
  if (blockId) block.block_id = blockId;
  return block;
}

/** A context block of mrkdwn texts (already escaped), at most ten of them. */
export function context(texts: readonly string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text })),
  };
}

export const divider = (): DividerBlock => ({ type: 'divider' });

/** A titled list packed into as few sections as fit (each within the section limit); no block when empty. */
export function listSections(
  title: string,
  lines: readonly string[],
  budget = LIMITS.sectionText,
): SectionBlock[] {
  if (lines.length === 0) return [];
  const out: SectionBlock[] = [];
  let current = title;
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > budget && current !== '' && current !== title) {
      out.push(section(current));
      current = line;
    } else {
      current = next;
    }
  }
  if (current) out.push(section(current));
  return out;
}

export function bullet(text: string): string {
  return `• ${text}`;
}

/** `text [1][3]`: the text escaped, then the markers of its citations in reference-list order. */
export function withMarkers(text: string, ids: readonly string[], numbers: Map<string, number>): string {
  const m = markers(ids, numbers);
  return m ? `${escapeMrkdwn(text)} ${m}` : escapeMrkdwn(text);
}

/** Statements of an answer or of the ruleset itself (a topic answer): text and citations are all they need. */
export function statementLines(
  statements: readonly (Pick<Statement, 'text'> & { citations: readonly string[] })[],
  numbers: Map<string, number>,
): string[] {
  return statements.map((s) => bullet(withMarkers(s.text, s.citations, numbers)));
}

export function doseLines(
  options: readonly (Pick<DoseOption, 'schedule' | 'setting'> & { citations: readonly string[] })[],
  numbers: Map<string, number>,
): string[] {
  return options.map((d) => bullet(`${bold(d.schedule)}: ${withMarkers(d.setting, d.citations, numbers)}`));
}

export function flagLines(flags: readonly Flag[], numbers: Map<string, number>): string[] {
  return flags.map((f) => {
    const mark = SEVERITY_MARK[f.severity];
    return `${mark.emoji} ${bold(mark.label)}: ${withMarkers(f.text, f.citations, numbers)}`;
  });
}

export function missingLine(missing: readonly string[]): string[] {
  return missing.map((m) => bullet(escapeMrkdwn(labelIn(MISSING_LABEL, m) ?? clip(m, 80))));
}

export function whatIfLines(whatIf: readonly WhatIf[]): string[] {
  return whatIf.map((w) => bullet(`If ${escapeMrkdwn(w.if)} → ${bold(VERDICT_LABEL[w.verdict])}`));
}

/**
 * `*[n]* <link|label> · PMID … · DOI …`, then the title and the caveat note in italics when `full`. Numbered by
 * the position in `citations`, which is the order the markers use.
 */
export function referenceLines(
  citations: readonly Citation[],
  opts: { full?: boolean; start?: number; notes?: boolean } = {},
): string[] {
  const start = opts.start ?? 1;
  return citations.map((c, i) => {
    const href = citationLink(c);
    const label = href ? link(href, c.label) : escapeMrkdwn(c.label);
    const ids = citationIdentifiers(c);
    let line = `*[${start + i}]* ${label}${ids ? ` · ${escapeMrkdwn(ids)}` : ''}`;
    if (opts.full && c.title) line += `\n      ${italic(c.title)}`;
    if (c.note && opts.notes !== false) line += `\n      ${italic(c.note)}`;
    return line;
  });
}

/** The closing context line: ruleset version and the decision-support disclaimer. */
export function footer(rulesetVersion: string): ContextBlock {
  return context([`${APP_NAME} · Ruleset ${escapeMrkdwn(rulesetVersion)} · ${escapeMrkdwn(DISCLAIMER)}`]);
}

export type Blocks = KnownBlock[];
