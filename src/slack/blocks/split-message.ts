// Packs content into as many Slack messages as it needs, within Slack's limits, instead of truncating it.
import type { ContextBlock, KnownBlock, SectionBlock, TextObject } from '@slack/types';
import { LIMITS, textLength } from './limits-table.js';
import type { SlackMessage } from './types.js';

/**
 * Splits text into pieces of at most `max` characters, preferring paragraph, then line, then sentence, then word
 * boundaries, and never cutting inside a `<link|label>`, an `&entity;` or a surrogate pair (unless a single such
 * atom is longer than `max`). Pieces are trimmed; whitespace-only pieces are dropped. Nothing else is lost.
 */
export function splitText(s: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  const inAtom = atomInteriors(s);
  const out: string[] = [];
  let start = 0;
  for (;;) {
    while (start < s.length && /\s/.test(s.charAt(start))) start++;
    if (s.length - start <= max) break;
    const cut = findCut(s, start, max, inAtom);
    const piece = s.slice(start, cut).trim();
    if (piece) out.push(piece);
    start = cut;
  }
  const last = s.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** inAtom[p] is true when cutting before s[p] would split a link, an entity or a surrogate pair. */
function atomInteriors(s: string): Uint8Array {
  const inAtom = new Uint8Array(s.length + 1);
  for (const m of s.matchAll(/<[^<>\n]*>|&(?:[a-z]+|#\d+);/gi)) {
    const from = m.index ?? 0;
    for (let p = from + 1; p < from + m[0].length; p++) inAtom[p] = 1;
  }
  for (let p = 1; p < s.length; p++) {
    const hi = s.charCodeAt(p - 1);
    const lo = s.charCodeAt(p);
    if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) inAtom[p] = 1;
  }
  return inAtom;
}

const BOUNDARIES: readonly ((s: string, p: number) => boolean)[] = [
  (s, p) => s.charAt(p - 1) === '\n' && s.charAt(p - 2) === '\n',
  (s, p) => s.charAt(p - 1) === '\n',
  (s, p) => /[.!?;]/.test(s.charAt(p - 2)) && /\s/.test(s.charAt(p - 1)),
  (s, p) => /\s/.test(s.charAt(p - 1)),
];

function findCut(s: string, start: number, max: number, inAtom: Uint8Array): number {
  const end = start + max;
  const min = start + Math.floor(max / 2);
  for (const isBoundary of BOUNDARIES) {
    for (let p = end; p > min; p--) if (!inAtom[p] && isBoundary(s, p)) return p;
  }
  for (let p = end; p > start; p--) if (!inAtom[p]) return p;
  // One atom longer than max: cut it, but keep surrogate pairs whole.
  const code = s.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff && end - 1 > start ? end - 1 : end;
}

/** A section whose text or fields break a limit, as several sections that each fit. */
function splitSection(b: SectionBlock): SectionBlock[] {
  const { text, fields, ...rest } = b;
  const out: SectionBlock[] = [];
  if (text !== undefined) {
    const pieces =
      text.text.length > LIMITS.sectionText ? splitText(text.text, LIMITS.sectionText) : [text.text];
    pieces.forEach((piece, i) => {
      const block: SectionBlock =
        i === 0 ? { ...rest, text: { ...text, text: piece } } : sectionLike(text, piece);
      out.push(block);
    });
  }
  if (fields !== undefined) {
    const all: TextObject[] = fields.flatMap((f) =>
      f.text.length > LIMITS.field ? splitText(f.text, LIMITS.field).map((t) => ({ ...f, text: t })) : [f],
    );
    let group: TextObject[] = [];
    let size = 0;
    const flush = () => {
      if (group.length === 0) return;
      out.push(out.length === 0 ? { ...rest, fields: group } : { type: 'section', fields: group });
      group = [];
      size = 0;
    };
    for (const f of all) {
      if (group.length >= LIMITS.sectionFields || size + f.text.length > LIMITS.messageTextBudget / 2)
        flush();
      group.push(f);
      size += f.text.length;
    }
    flush();
  }
  return out.length > 0 ? out : [b];
}

function sectionLike(text: TextObject, piece: string): SectionBlock {
  return { type: 'section', text: { ...text, text: piece } };
}

function splitContext(b: ContextBlock): ContextBlock[] {
  const elements = b.elements.flatMap((el) =>
    'text' in el && typeof el.text === 'string' && el.text.length > LIMITS.textObject
      ? splitText(el.text, LIMITS.textObject).map((t) => ({ ...el, text: t }))
      : [el],
  );
  const out: ContextBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.contextElements) {
    const chunk = elements.slice(i, i + LIMITS.contextElements);
    out.push(i === 0 ? { ...b, elements: chunk } : { type: 'context', elements: chunk });
  }
  return out.length > 0 ? out : [b];
}

function needsSplit(b: KnownBlock): boolean {
  if (b.type === 'section') {
    return (
      (b.text !== undefined && b.text.text.length > LIMITS.sectionText) ||
      (b.fields !== undefined &&
        (b.fields.length > LIMITS.sectionFields || b.fields.some((f) => f.text.length > LIMITS.field)))
    );
  }
  if (b.type === 'context') {
    return (
      b.elements.length > LIMITS.contextElements ||
      b.elements.some(
        (el) => 'text' in el && typeof el.text === 'string' && el.text.length > LIMITS.textObject,
      )
    );
  }
  return false;
}

function normalise(b: KnownBlock): KnownBlock[] {
  if (!needsSplit(b)) return [b];
  if (b.type === 'section') return splitSection(b);
  if (b.type === 'context') return splitContext(b);
  return [b];
}

const DEFAULT_FALLBACK = 'Thoracic RT Advisor';

/** The fallback cut to `max` characters without leaving half an entity or an unclosed `<link`. */
function clipFallback(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const hi = cut.charCodeAt(cut.length - 1);
  if (hi >= 0xd800 && hi <= 0xdbff) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z#0-9]*$/i, '').replace(/<[^>]*$/, '');
  return `${cut}…`;
}

/**
 * Packs blocks into as many messages as needed, each within the block count and the text budget. Over-long
 * sections (text or fields) and contexts are first split at line or sentence boundaries into several blocks;
 * nothing is truncated. A header or divider never ends a message when content follows: it moves to the next one.
 * Every message gets a `text` fallback (the given one, marked "continued" after the first); it must already be
 * escaped.
 */
export function splitIntoMessages(blocks: readonly KnownBlock[], fallbackText: string): SlackMessage[] {
  const base = fallbackText.trim() ? fallbackText.trim() : DEFAULT_FALLBACK;
  const pieces = blocks.flatMap(normalise);
  const groups: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let size = 0;
  for (const block of pieces) {
    const n = textLength(block);
    if (
      current.length > 0 &&
      (current.length >= LIMITS.messageBlocks || size + n > LIMITS.messageTextBudget)
    ) {
      const carried: KnownBlock[] = [];
      while (current.length > 1) {
        const last = current.at(-1);
        if (last?.type !== 'header' && last?.type !== 'divider') break;
        carried.unshift(current.pop() as KnownBlock);
      }
      groups.push(current);
      current = carried;
      size = textLength(carried);
    }
    current.push(block);
    size += n;
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  const total = groups.length;
  return groups.map((group, i) => {
    const suffix = i === 0 ? '' : ` (continued, part ${i + 1} of ${total})`;
    return { text: clipFallback(base, LIMITS.messageText - suffix.length) + suffix, blocks: group };
  });
}
