// The compact answer card: what a tumour board reads in ten seconds. Verdict header, the one-line summary with
// the markers of its basis, timing, the dose options that fit this case, the critical and warning flags, the
// missing facts, and one context line linking exactly the references those lines cite. Everything else is in
// Details (buildDetails). Budget: ≤ 12 blocks and ≤ 1,500 characters of text (shared: ≤ 8 blocks).
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { Citation, Output, Statement } from '../../engine/index.js';
import { citationNumbers, markers } from '../../present/citation-link.js';
import {
  CARD_DISCLAIMER,
  EVIDENCE_LABEL,
  labelIn,
  MISSING_LABEL,
  TIMING_LABEL,
} from '../../present/labels.js';
import { bold, clip, escapeMrkdwn, italic } from '../mrkdwn.js';
import {
  ANSWER_ACTIONS_BLOCK_ID,
  COMPLETE_CASE,
  DECISION_ACTIONS_BLOCK_ID,
  EDIT_CASE,
  RECORD_DECISION,
  SHARE_IN_CHANNEL,
  SHOW_EVIDENCE,
  WHAT_IF,
  WHAT_IF_ACTIONS_BLOCK_ID,
  WHAT_IF_BACK,
} from './action-ids.js';
import { citedCitations, referencesLine } from './card-references.js';
import { context, header, identifierKinds, SEVERITY_MARK, section, verdictSummary } from './parts.js';
import { type WhatIfKey, whatIfChoices, whatIfValue, whatIfWords } from './what-if.js';

export const CARD_MAX_BLOCKS = 12;
export const SHARED_CARD_MAX_BLOCKS = 8;
export const CARD_MAX_CHARS = 1500;
/** Dose options shown on the card; the rest are in Details. */
export const CARD_DOSE_OPTIONS = 3;

export const VERDICT_EMOJI: Record<Output['verdict'], string> = {
  recommended: ':white_check_mark:',
  consider: ':large_yellow_circle:',
  'not-recommended': ':no_entry:',
  'insufficient-information': ':grey_question:',
  'not-applicable': ':heavy_minus_sign:',
};

const HEADLINE: Record<Output['verdict'], string> = {
  recommended: 'Recommended',
  consider: 'Consider',
  'not-recommended': 'Not recommended',
  'insufficient-information': 'Insufficient information',
  'not-applicable': 'Not applicable',
};

/**
 * The characters a reader sees in a message's blocks: every text string, with a link `<url|label>` (and a
 * `<!date^…|fallback>`) counted as its label. Button values are not text. This is what the budget measures.
 */
export function visibleTextLength(blocks: unknown): number {
  let n = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string')
          n += value.replace(/<[^<>|]*\|([^<>]*)>/g, '$1').length;
        else walk(value);
      }
    }
  };
  walk(blocks);
  return n;
}

/** A lined-up card: its blocks and the citation ids its lines show (for the references line). */
interface Lines {
  text: string;
  cites: string[];
}

function cited(text: string, ids: readonly string[], numbers: Map<string, number>): Lines {
  const m = markers(
    ids.filter((id) => numbers.has(id)),
    numbers,
  );
  return { text: m ? `${text} ${m}` : text, cites: [...ids] };
}

const first = (output: Output, topic: Statement['topic']) => output.statements.find((s) => s.topic === topic);

/** Summary (with the markers of the verdict's basis), then timing and evidence. */
export function summaryLines(output: Output, numbers: Map<string, number>, tight = false): Lines {
  const basis = first(output, 'candidacy');
  const summary = cited(escapeMrkdwn(output.summary), basis?.citations ?? [], numbers);
  const parts = [summary.text];
  const cites = [...summary.cites];
  const definitive = output.verdict !== 'not-applicable' && output.verdict !== 'insufficient-information';
  const meta: string[] = [];
  if (definitive && output.timing !== 'none') {
    const timing = cited(
      `${bold('Timing:')} ${escapeMrkdwn(TIMING_LABEL[output.timing])}`,
      first(output, 'timing')?.citations ?? [],
      numbers,
    );
    meta.push(timing.text);
    cites.push(...timing.cites);
  }
  if (output.evidence && !tight)
    meta.push(`${bold('Evidence:')} ${escapeMrkdwn(EVIDENCE_LABEL[output.evidence])}`);
  if (meta.length > 0) parts.push(meta.join('\n'));
  return { text: parts.join('\n'), cites };
}

function doseLinesFor(output: Output, numbers: Map<string, number>, fit: Fit): Lines | undefined {
  const shown = output.doseOptions.slice(0, fit.doses);
  if (shown.length === 0) return undefined;
  const lines = [bold('Dose options for this case')];
  const cites: string[] = [];
  const assumed = shown.map((d) =>
    fit.tight ? [] : (d.assumes ?? []).map((a) => a.replace(/^assumes /, '')),
  );
  // What every shown option assumes is said once, under them; each line keeps only its own extra assumptions.
  const common =
    shown.length > 1 ? (assumed[0] ?? []).filter((a) => assumed.every((x) => x.includes(a))) : [];
  shown.forEach((d, i) => {
    const line = cited(`• ${bold(d.schedule)} — ${escapeMrkdwn(d.setting)}`, d.citations, numbers);
    const own = (assumed[i] ?? []).filter((a) => !common.includes(a));
    lines.push(own.length > 0 ? `${line.text} ${italic(`assumes ${own.join(', ')}`)}` : line.text);
    cites.push(...line.cites);
  });
  const notes: string[] = [];
  if (common.length > 0)
    notes.push(`${shown.length === output.doseOptions.length ? 'All' : 'These'} assume ${common.join(', ')}`);
  const more = output.doseOptions.length - shown.length;
  if (more > 0) notes.push(`+${more} more in Details`);
  if (notes.length > 0) lines.push(italic(notes.join('. ')));
  return { text: lines.join('\n'), cites };
}

function flagLinesFor(output: Output, numbers: Map<string, number>, maxWarnings: number): Lines | undefined {
  // Critical flags always; then as many warnings as fit; info flags (and warnings that did not fit) are counted.
  const warnings = output.flags.filter((f) => f.severity === 'warning');
  const shown = [...output.flags.filter((f) => f.severity === 'critical'), ...warnings.slice(0, maxWarnings)];
  const hiddenWarnings = warnings.length - Math.min(warnings.length, maxWarnings);
  const notes = output.flags.length - shown.length - hiddenWarnings;
  if (output.flags.length === 0) return undefined;
  const lines: string[] = [];
  const cites: string[] = [];
  for (const f of shown) {
    const line = cited(`${SEVERITY_MARK[f.severity].emoji} ${escapeMrkdwn(f.text)}`, f.citations, numbers);
    lines.push(line.text);
    cites.push(...line.cites);
  }
  const more: string[] = [];
  if (hiddenWarnings > 0)
    more.push(`:warning: +${hiddenWarnings} ${hiddenWarnings === 1 ? 'warning' : 'warnings'}`);
  if (notes > 0) more.push(`+${notes} ${notes === 1 ? 'note' : 'notes'}`);
  if (more.length > 0) lines.push(italic(`${more.join(', ')} in Details`));
  return { text: lines.join('\n'), cites };
}

function missingText(output: Output): string | undefined {
  if (output.missing.length === 0) return undefined;
  const words = output.missing.map((m) => escapeMrkdwn(labelIn(MISSING_LABEL, m) ?? clip(m, 80)));
  return `${bold('Missing:')} ${words.join('; ')}`;
}

export interface CardOptions {
  /** preview: ephemeral with buttons; shared: in channel; what-if: the preview answering a changed case. */
  mode: 'preview' | 'shared' | 'what-if';
  /** The case, for the buttons' values; empty when it could not be kept. */
  caseToken: string;
  identifiersRemoved?: string[] | undefined;
  conflicts?: string[] | undefined;
  ignoredCount?: number | undefined;
  /** Shared: who shared it (a Slack user id). */
  sharedBy?: string | undefined;
  /** Shared: the stored consult the board decision links to. */
  consultId?: string | undefined;
  /** Shared: the board's decision, once recorded. */
  decision?: CardDecision | undefined;
  /** What-if: which value was set, and the case as stated (for "Back"). */
  whatIf?: { key: WhatIfKey; baseToken: string } | undefined;
}

export interface CardDecision {
  outcome: string;
  reason: string;
  userId: string;
  at: Date;
}

/** The content blocks of a card, before its buttons: header, summary, body, notices. */
/** How much the card shows: dose options, whether assumptions and evidence level go to Details, warnings. */
interface Fit {
  doses: number;
  tight: boolean;
  warnings: number;
}

function contentBlocks(output: Output, opts: CardOptions, numbers: Map<string, number>, fit: Fit) {
  const blocks: KnownBlock[] = [];
  const verdict = `${VERDICT_EMOJI[output.verdict]} ${HEADLINE[output.verdict]}`;
  blocks.push(
    header(
      opts.whatIf
        ? `What if ${whatIfWords(opts.whatIf.key)}? ${verdict}`
        : `${verdict} · definitive thoracic RT`,
    ),
  );
  if (opts.whatIf) {
    blocks.push(
      context([
        `:twisted_rightwards_arrows: ${bold('What if')}: this answers the case with ${bold(whatIfWords(opts.whatIf.key))} set. It is not the case as stated.`,
      ]),
    );
  }
  const summary = summaryLines(output, numbers, fit.tight);
  blocks.push(section(summary.text));
  const cites = [...summary.cites];
  const body = [doseLinesFor(output, numbers, fit), flagLinesFor(output, numbers, fit.warnings)].filter(
    (l): l is Lines => l !== undefined,
  );
  for (const l of body) cites.push(...l.cites);
  const texts = body.map((l) => l.text);
  const missing = missingText(output);
  if (missing) texts.push(missing);
  if (texts.length > 0) blocks.push(section(texts.join('\n\n')));
  return { blocks, cites };
}

function askerNotices(opts: CardOptions): KnownBlock[] {
  if (opts.mode === 'shared') return [];
  const out: KnownBlock[] = [];
  const kinds = identifierKinds(opts.identifiersRemoved ?? []);
  const lines: string[] = [];
  if (kinds) {
    lines.push(`:lock: ${bold('Privacy:')} ${kinds} removed before reading; please leave identifiers out.`);
  }
  const conflicts = (opts.conflicts ?? [])
    .slice(0, 3)
    .map((q) => clip(q, 120))
    .filter((q) => q !== '');
  if (conflicts.length > 0) {
    lines.push(`:warning: ${bold('Please check:')} ${conflicts.map((q) => escapeMrkdwn(q)).join(' · ')}`);
  }
  if (lines.length > 0) out.push(section(lines.join('\n')));
  const ignored = opts.ignoredCount;
  if (ignored !== undefined && Number.isInteger(ignored) && ignored > 0) {
    out.push(
      context([
        `:information_source: ${ignored} text ${ignored === 1 ? 'fragment' : 'fragments'} not used (*Edit case* to check).`,
      ]),
    );
  }
  return out;
}

/** `<!date^…>`: the reader's own time zone and format; the fallback is UTC. */
export function slackDate(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}

function footerText(output: Output, opts: CardOptions): string {
  const parts = [`Ruleset ${escapeMrkdwn(output.rulesetVersion)}`];
  if (opts.mode === 'shared' && opts.sharedBy) parts.unshift(`Shared by <@${escapeMrkdwn(opts.sharedBy)}>`);
  return `${parts.join(' · ')} · ${escapeMrkdwn(CARD_DISCLAIMER)}`;
}

/** Blocks and fallback text of the card (buttons included), for chat.postMessage, respond or chat.update. */
export function buildCard(output: Output, opts: CardOptions): { text: string; blocks: KnownBlock[] } {
  // As much as fits the character budget, in this order of giving way: dose options beyond the first, the
  // options' assumptions and the evidence level, then warnings (counted, never critical flags). All are in Details.
  // The references and their numbers are the same whatever fits: worked out once.
  const refs: Refs = { cited: citedCitations(output), numbers: new Map() };
  refs.numbers = citationNumbers(refs.cited);
  let card = cardWith(output, opts, FITS[0]!, refs);
  for (const fit of FITS.slice(1)) {
    if (visibleTextLength(card.blocks) <= CARD_MAX_CHARS) break;
    card = cardWith(output, opts, fit, refs);
  }
  return card;
}

const ALL = Number.POSITIVE_INFINITY;
const FITS: readonly Fit[] = [
  { doses: 3, tight: false, warnings: ALL },
  { doses: 2, tight: false, warnings: ALL },
  { doses: 1, tight: false, warnings: ALL },
  { doses: 1, tight: true, warnings: ALL },
  { doses: 1, tight: true, warnings: 2 },
  { doses: 1, tight: true, warnings: 1 },
  { doses: 1, tight: true, warnings: 0 },
];

interface Refs {
  cited: Citation[];
  numbers: Map<string, number>;
}

function cardWith(
  output: Output,
  opts: CardOptions,
  fit: Fit,
  { cited, numbers }: Refs,
): { text: string; blocks: KnownBlock[] } {
  const { blocks, cites } = contentBlocks(output, opts, numbers, fit);
  blocks.push(...askerNotices(opts));
  if (opts.decision) blocks.push(decisionSection(opts.decision));
  const refs = referencesLine(cites, cited, numbers);
  blocks.push(context(refs ? [refs, footerText(output, opts)] : [footerText(output, opts)]));
  blocks.push(...buttons(output, opts));
  return { text: fallback(output, opts), blocks };
}

function fallback(output: Output, opts: CardOptions): string {
  const base = verdictSummary(output);
  return opts.whatIf ? `What if ${whatIfWords(opts.whatIf.key)}? ${base}` : base;
}

function decisionSection(d: CardDecision): KnownBlock {
  return section(
    `:ballot_box_with_check: ${bold('Board decision:')} ${bold(d.outcome)} (${escapeMrkdwn(d.reason)}) · ` +
      `recorded by <@${escapeMrkdwn(d.userId)}> · ${slackDate(d.at)}`,
  );
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

export const TOKEN_MAX = 1900;
const usable = (token: string) => token.length > 0 && token.length <= TOKEN_MAX;

export const BUTTONS_UNAVAILABLE =
  ':information_source: Sharing and editing are not available for this answer (the case could not be kept). ' +
  'Run `/thoracic-rt form` to enter it again.';

function buttons(output: Output, opts: CardOptions): KnownBlock[] {
  if (opts.mode === 'shared') return sharedButtons(opts);
  if (!usable(opts.caseToken)) return [context([BUTTONS_UNAVAILABLE])];
  const out: KnownBlock[] = [];
  if (opts.mode === 'preview') {
    const choices = whatIfChoices(output);
    if (choices.length > 0) {
      out.push({
        type: 'actions',
        block_id: WHAT_IF_ACTIONS_BLOCK_ID,
        elements: choices.map((c) =>
          button(c.label, `${WHAT_IF}:${c.key}`, whatIfValue(c.key, opts.caseToken)),
        ),
      });
    }
  }
  out.push(previewActions(output, opts));
  return out;
}

function previewActions(output: Output, opts: CardOptions): ActionsBlock {
  const elements: Button[] = [];
  if (opts.whatIf) {
    if (usable(opts.whatIf.baseToken)) {
      elements.push(button('↩ Back to the case as stated', WHAT_IF_BACK, opts.whatIf.baseToken, 'primary'));
    }
    elements.push(button('Details', SHOW_EVIDENCE, opts.caseToken));
    return { type: 'actions', block_id: ANSWER_ACTIONS_BLOCK_ID, elements };
  }
  if (output.verdict === 'insufficient-information' || output.missing.length > 0) {
    elements.push(button('Complete the case', COMPLETE_CASE, opts.caseToken, 'primary'));
  }
  elements.push(
    button('Details', SHOW_EVIDENCE, opts.caseToken),
    button('Share in channel', SHARE_IN_CHANNEL, opts.caseToken),
    button('Edit case', EDIT_CASE, opts.caseToken),
  );
  return { type: 'actions', block_id: ANSWER_ACTIONS_BLOCK_ID, elements };
}

function sharedButtons(opts: CardOptions): KnownBlock[] {
  const elements: Button[] = [];
  if (opts.consultId) {
    const label = opts.decision ? 'Change board decision' : 'Record board decision';
    elements.push(button(label, RECORD_DECISION, opts.consultId));
  }
  if (usable(opts.caseToken)) elements.push(button('Details', SHOW_EVIDENCE, opts.caseToken));
  return elements.length > 0 ? [{ type: 'actions', block_id: DECISION_ACTIONS_BLOCK_ID, elements }] : [];
}
