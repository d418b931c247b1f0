// Block Kit limits (slack-facts §4) and an offline guard: Slack has no validator, and `invalid_blocks` rarely says
// which block is wrong. checkMessage/checkView walk every block, element and text object and list what breaks a
// limit; splitIntoMessages packs content into as many messages as it needs instead of truncating it.
import type { AnyBlock, ContextBlock, KnownBlock, SectionBlock, TextObject, View } from '@slack/types';
import type { SlackMessage } from './blocks/types.js';

export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or Home tab. */
  viewBlocks: 100,
  /** Section `text`, and any text object unless a smaller limit applies. */
  sectionText: 3000,
  textObject: 3000,
  /** One section field; at most `sectionFields` of them. */
  field: 2000,
  sectionFields: 10,
  header: 150,
  /** Modal title, submit and close texts. */
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  accessibilityLabel: 75,
  optionText: 75,
  optionValue: 75,
  optionDescription: 75,
  optionGroupLabel: 75,
  selectOptions: 100,
  overflowOptions: 5,
  checkboxOptions: 10,
  placeholder: 150,
  contextElements: 10,
  actionsElements: 25,
  /** block_id, action_id, callback_id and external_id. */
  id: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  imageAltText: 2000,
  imageTitle: 2000,
  markdownBlock: 12_000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** Keep the fallback `text` short: Slack truncates very long texts (the figure is not documented). */
  messageText: 4000,
  /**
   * Characters of text across all blocks of one message. Slack rejects a message with `msg_blocks_too_long` at
   * about 13 k characters even when each block is within its own limit (undocumented), so budget below it.
   */
  messageTextBudget: 12_000,
  /** views.open/update/push reject a view above 250 kB (`view_too_large`). */
  viewBytes: 250_000,
} as const;

export type ViolationRule =
  | 'too-long'
  | 'too-short'
  | 'too-many'
  | 'too-few'
  | 'required'
  | 'wrong-type'
  | 'duplicate-id'
  | 'text-budget';

/** One broken limit: where (`blocks[3].text.text`), which rule, and a sentence for logs and test failures. */
export interface Violation {
  path: string;
  rule: ViolationRule;
  message: string;
}

/** Characters of text in a block (every `text` string it contains), as counted against the message budget. */
export function textLength(node: unknown): number {
  if (Array.isArray(node)) {
    let n = 0;
    for (const item of node) n += textLength(item);
    return n;
  }
  if (node === null || typeof node !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text' && typeof value === 'string') n += value.length;
    else if (value !== null && typeof value === 'object') n += textLength(value);
  }
  return n;
}

/** Every limit a chat.postMessage / respond payload must meet. An empty list means the message is valid. */
export function checkMessage(message: {
  text: string;
  blocks?: readonly (KnownBlock | AnyBlock)[];
}): Violation[] {
  const c = new Checker();
  if (typeof message.text !== 'string' || message.text.trim() === '') {
    c.add('text', 'required', 'every message needs a non-empty plain `text` fallback');
  } else if (message.text.length > LIMITS.messageText) {
    c.add(
      'text',
      'too-long',
      `fallback text is ${message.text.length} characters (keep ≤ ${LIMITS.messageText})`,
    );
  }
  const blocks = message.blocks ?? [];
  c.blocks('blocks', blocks, LIMITS.messageBlocks);
  const total = textLength(blocks);
  if (total > LIMITS.messageTextBudget) {
    c.add(
      'blocks',
      'text-budget',
      `blocks hold ${total} characters of text (budget ${LIMITS.messageTextBudget}; Slack fails near 13 k)`,
    );
  }
  return c.violations;
}

/** Every limit a modal or Home tab must meet. */
export function checkView(view: View): Violation[] {
  const c = new Checker();
  c.blocks('blocks', view.blocks, LIMITS.viewBlocks);
  if (view.private_metadata !== undefined)
    c.str('private_metadata', view.private_metadata, LIMITS.privateMetadata);
  if (view.callback_id !== undefined) c.str('callback_id', view.callback_id, LIMITS.id);
  if (view.external_id !== undefined) c.str('external_id', view.external_id, LIMITS.id);
  if (view.type === 'modal') {
    c.text('title', view.title, LIMITS.modalTitle, { plainOnly: true });
    if (view.submit !== undefined) c.text('submit', view.submit, LIMITS.modalSubmit, { plainOnly: true });
    if (view.close !== undefined) c.text('close', view.close, LIMITS.modalClose, { plainOnly: true });
    if (view.submit === undefined && view.blocks.some((b) => b.type === 'input')) {
      c.add('submit', 'required', 'a modal with an input block needs a submit button');
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(view), 'utf8');
  if (bytes > LIMITS.viewBytes) c.add('', 'too-long', `view is ${bytes} bytes (max ${LIMITS.viewBytes})`);
  return c.violations;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

class Checker {
  readonly violations: Violation[] = [];
  private readonly blockIds = new Set<string>();

  add(path: string, rule: ViolationRule, message: string): void {
    this.violations.push({ path, rule, message });
  }

  str(path: string, value: unknown, max: number): void {
    if (typeof value !== 'string') {
      this.add(path, 'wrong-type', 'must be a string');
      return;
    }
    if (value.length > max) this.add(path, 'too-long', `${value.length} characters (max ${max})`);
  }

  count(path: string, items: unknown, min: number, max: number): items is unknown[] {
    if (!Array.isArray(items)) {
      if (min > 0) this.add(path, 'required', `needs ${min}–${max} items`);
      return false;
    }
    if (items.length < min) this.add(path, 'too-few', `${items.length} items (min ${min})`);
    if (items.length > max) this.add(path, 'too-many', `${items.length} items (max ${max})`);
    return true;
  }

  text(path: string, obj: unknown, max: number, opts: { plainOnly?: boolean } = {}): void {
    if (!isObj(obj)) {
      this.add(path, 'required', 'needs a text object');
      return;
    }
    if (obj.type !== 'plain_text' && obj.type !== 'mrkdwn') {
      this.add(`${path}.type`, 'wrong-type', 'text object type must be plain_text or mrkdwn');
      return;
    }
    if (opts.plainOnly && obj.type !== 'plain_text') {
      this.add(`${path}.type`, 'wrong-type', 'must be plain_text');
    }
    const t = obj.text;
    if (typeof t !== 'string') {
      this.add(`${path}.text`, 'wrong-type', 'text must be a string');
      return;
    }
    if (t.trim().length === 0) this.add(`${path}.text`, 'too-short', 'text must not be empty');
    if (t.length > max) this.add(`${path}.text`, 'too-long', `${t.length} characters (max ${max})`);
  }

  blocks(path: string, blocks: unknown, max: number): void {
    if (!this.count(path, blocks, 0, max)) return;
    blocks.forEach((b, i) => {
      this.block(`${path}[${i}]`, b);
    });
  }

  private block(path: string, b: unknown): void {
    if (!isObj(b) || typeof b.type !== 'string') {
      this.add(path, 'wrong-type', 'a block needs a type');
      return;
    }
    if (b.block_id !== undefined) {
      this.str(`${path}.block_id`, b.block_id, LIMITS.id);
      if (typeof b.block_id === 'string') {
        if (this.blockIds.has(b.block_id)) {
          this.add(`${path}.block_id`, 'duplicate-id', `block_id ${b.block_id} is used twice`);
        }
        this.blockIds.add(b.block_id);
      }
    }
    switch (b.type) {
      case 'section':
        this.section(path, b);
        return;
      case 'header':
        this.text(`${path}.text`, b.text, LIMITS.header, { plainOnly: true });
        return;
      case 'context':
        this.context(path, b);
        return;
      case 'actions':
        this.actions(path, b);
        return;
      case 'input':
        this.text(`${path}.label`, b.label, LIMITS.inputLabel, { plainOnly: true });
        if (b.hint !== undefined) this.text(`${path}.hint`, b.hint, LIMITS.inputHint, { plainOnly: true });
        this.element(`${path}.element`, b.element);
        return;
      case 'image':
        this.str(`${path}.alt_text`, b.alt_text, LIMITS.imageAltText);
        if (b.title !== undefined)
          this.text(`${path}.title`, b.title, LIMITS.imageTitle, { plainOnly: true });
        return;
      case 'markdown':
        if (typeof b.text !== 'string' || b.text.trim() === '') {
          this.add(`${path}.text`, 'required', 'markdown block needs text');
          return;
        }
        this.str(`${path}.text`, b.text, LIMITS.markdownBlock);
        return;
      case 'rich_text':
        this.count(`${path}.elements`, b.elements, 1, Number.POSITIVE_INFINITY);
        return;
      default:
        return;
    }
  }

  private section(path: string, b: Obj): void {
    if (b.text === undefined && b.fields === undefined) {
      this.add(path, 'required', 'a section needs text or fields');
    }
    if (b.text !== undefined) this.text(`${path}.text`, b.text, LIMITS.sectionText);
    if (b.fields !== undefined && this.count(`${path}.fields`, b.fields, 1, LIMITS.sectionFields)) {
      b.fields.forEach((f, i) => {
        this.text(`${path}.fields[${i}]`, f, LIMITS.field);
      });
    }
    if (b.accessory !== undefined) this.element(`${path}.accessory`, b.accessory);
  }

  private context(path: string, b: Obj): void {
    if (!this.count(`${path}.elements`, b.elements, 1, LIMITS.contextElements)) return;
    b.elements.forEach((el, i) => {
      const p = `${path}.elements[${i}]`;
      if (isObj(el) && el.type === 'image') this.str(`${p}.alt_text`, el.alt_text, LIMITS.imageAltText);
      else this.text(p, el, LIMITS.textObject);
    });
  }

  private actions(path: string, b: Obj): void {
    if (!this.count(`${path}.elements`, b.elements, 1, LIMITS.actionsElements)) return;
    const actionIds = new Set<string>();
    b.elements.forEach((el, i) => {
      const p = `${path}.elements[${i}]`;
      this.element(p, el);
      if (isObj(el) && typeof el.action_id === 'string') {
        if (actionIds.has(el.action_id)) {
          this.add(`${p}.action_id`, 'duplicate-id', `action_id ${el.action_id} is used twice in this block`);
        }
        actionIds.add(el.action_id);
      }
    });
  }

  private element(path: string, el: unknown): void {
    if (!isObj(el) || typeof el.type !== 'string') {
      this.add(path, 'wrong-type', 'an element needs a type');
      return;
    }
    if (el.action_id !== undefined) this.str(`${path}.action_id`, el.action_id, LIMITS.id);
    if (el.placeholder !== undefined) {
      this.text(`${path}.placeholder`, el.placeholder, LIMITS.placeholder, { plainOnly: true });
    }
    if (el.confirm !== undefined) this.confirm(`${path}.confirm`, el.confirm);
    switch (el.type) {
      case 'button':
        this.text(`${path}.text`, el.text, LIMITS.buttonText, { plainOnly: true });
        if (el.value !== undefined) this.str(`${path}.value`, el.value, LIMITS.buttonValue);
        if (el.url !== undefined) this.str(`${path}.url`, el.url, LIMITS.buttonUrl);
        if (el.accessibility_label !== undefined) {
          this.str(`${path}.accessibility_label`, el.accessibility_label, LIMITS.accessibilityLabel);
        }
        return;
      case 'image':
        this.str(`${path}.alt_text`, el.alt_text, LIMITS.imageAltText);
        return;
      case 'overflow':
        this.options(`${path}.options`, el.options, 1, LIMITS.overflowOptions);
        return;
      case 'checkboxes':
      case 'radio_buttons':
        this.options(`${path}.options`, el.options, 1, LIMITS.checkboxOptions);
        return;
      case 'plain_text_input':
        for (const key of ['min_length', 'max_length'] as const) {
          const v = el[key];
          if (typeof v === 'number' && v > LIMITS.textObject) {
            this.add(`${path}.${key}`, 'too-long', `${key} ${v} (max ${LIMITS.textObject})`);
          }
        }
        return;
      default:
        if (el.options !== undefined) this.options(`${path}.options`, el.options, 0, LIMITS.selectOptions);
        if (el.option_groups !== undefined && this.count(`${path}.option_groups`, el.option_groups, 1, 100)) {
          for (const [i, g] of el.option_groups.entries()) {
            const gp = `${path}.option_groups[${i}]`;
            if (!isObj(g)) {
              this.add(gp, 'wrong-type', 'option group must be an object');
              continue;
            }
            this.text(`${gp}.label`, g.label, LIMITS.optionGroupLabel, { plainOnly: true });
            this.options(`${gp}.options`, g.options, 1, LIMITS.selectOptions);
          }
        }
        return;
    }
  }

  private options(path: string, options: unknown, min: number, max: number): void {
    if (!this.count(path, options, min, max)) return;
    for (const [i, o] of options.entries()) {
      const p = `${path}[${i}]`;
      if (!isObj(o)) {
        this.add(p, 'wrong-type', 'option must be an object');
        continue;
      }
      this.text(`${p}.text`, o.text, LIMITS.optionText);
      if (o.value !== undefined) this.str(`${p}.value`, o.value, LIMITS.optionValue);
      if (o.description !== undefined) {
        this.text(`${p}.description`, o.description, LIMITS.optionDescription, { plainOnly: true });
      }
      if (o.url !== undefined) this.str(`${p}.url`, o.url, LIMITS.buttonUrl);
    }
  }

  private confirm(path: string, c: unknown): void {
    if (!isObj(c)) {
      this.add(path, 'wrong-type', 'confirm must be an object');
      return;
    }
    if (c.title !== undefined) this.text(`${path}.title`, c.title, LIMITS.confirmTitle, { plainOnly: true });
    this.text(`${path}.text`, c.text, LIMITS.confirmText);
    if (c.confirm !== undefined)
      this.text(`${path}.confirm`, c.confirm, LIMITS.confirmButton, { plainOnly: true });
    if (c.deny !== undefined) this.text(`${path}.deny`, c.deny, LIMITS.confirmButton, { plainOnly: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting

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
