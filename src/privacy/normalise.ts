// Normalisation before detection: what a reader sees, not how it was typed. One left-to-right pass, so linear in
// the input; every output code unit records the span of the input it came from, so that hits found in the
// normalised text map back to the original.

/** Text beyond this many UTF-16 code units is never read (the API's own limit on free text is the same). */
export const MAX_GUARD_INPUT_LENGTH = 20_000;

export interface Normalised {
  /** NFKC text with format characters removed, space and dash variants folded, Slack markup decoded. */
  text: string;
  /** Maps a span [start, end) of `text` to the span of the input it came from. */
  toOriginal(start: number, end: number): [number, number];
  /** True when the input was longer than the cap and the rest was not read. */
  truncated: boolean;
}

// Zero-width and other invisible format characters: soft hyphen, ZWSP/ZWNJ/ZWJ, LRM/RLM, bidi embeddings and
// isolates, word joiner and invisible operators, BOM, Mongolian vowel separator, combining grapheme joiner.
function codePoints(...ranges: (number | [number, number])[]): ReadonlySet<number> {
  const set = new Set<number>();
  for (const r of ranges) {
    if (typeof r === 'number') set.add(r);
    else for (let c = r[0]; c <= r[1]; c += 1) set.add(c);
  }
  return set;
}
const INVISIBLE = codePoints(
  0xad,
  0x34f,
  0x61c,
  0x115f,
  0x1160,
  0x17b4,
  0x17b5,
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  0xfeff,
);
// Space variants (tab, vertical tab, form feed, NBSP, en/em/figure/thin spaces, narrow NBSP, ideographic space).
const SPACE = codePoints(0x09, 0x0b, 0x0c, 0xa0, 0x1680, [0x2000, 0x200a], 0x202f, 0x205f, 0x3000);
// Hyphen and dash variants that stand in for "-" (non-breaking hyphen, figure and en dash, minus signs).
const DASH = codePoints([0x2010, 0x2013], 0x2043, 0x2212, 0x2796, 0xfe58, 0xfe63, 0xff0d);
const LINE = /[\u0085\u2028\u2029]/;
const MARK = /\p{M}/u;
/** Zero digits of decimal-digit blocks that NFKC leaves alone (Arabic-Indic, Persian, Devanagari, Bengali, …). */
const DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0,
];

// Slack markup: <@U123>, <@U123|name>, <#C123|general>, <!here>, <https://x|label>, <mailto:a@b|a@b>.
const MARKUP = /<([@#!][^<>|\s]{1,80}|(?:https?|ftp|mailto|tel):[^<>|\s]{1,2048})(?:\|([^<>]{0,2048}))?>/y;
const ENTITY = /&(amp|lt|gt|quot|#39|#x27);/y;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#x27': "'",
};

/** The output and a segment map: a plain segment is copied unit for unit, any other maps as a whole. */
class Builder {
  readonly parts: string[] = [];
  length = 0;
  private readonly segText: number[] = [];
  private readonly segFrom: number[] = [];
  /** -1 for a plain (copied) segment, else the end of its source in the input. */
  private readonly segTo: number[] = [];
  constructor(private readonly cap: number) {}
  get full(): boolean {
    return this.length >= this.cap;
  }
  private add(s: string, from: number, to: number): void {
    const room = this.cap - this.length;
    if (s.length === 0 || room <= 0) return;
    const kept = s.length > room ? s.slice(0, room) : s;
    this.segText.push(this.length);
    this.segFrom.push(from);
    this.segTo.push(to);
    this.parts.push(kept);
    this.length += kept.length;
  }
  /** Copies input[from, to) unchanged. */
  copy(input: string, from: number, to: number): void {
    const last = this.segTo.length - 1;
    const contiguous =
      last >= 0 &&
      this.segTo[last] === -1 &&
      (this.segFrom[last] as number) + this.length - (this.segText[last] as number) === from;
    if (!contiguous) {
      this.add(input.slice(from, to), from, -1);
      return;
    }
    const kept = input.slice(from, Math.min(to, from + this.cap - this.length));
    this.parts.push(kept);
    this.length += kept.length;
  }
  /** Appends `s` (already normalised), the whole of it mapped to input[start, end). A one-for-one replacement
   * right after a copied run extends that run ("９４３" → "943" stays one segment). */
  push(s: string, start: number, end: number): void {
    const last = this.segTo.length - 1;
    if (s.length === end - start && last >= 0 && this.segTo[last] === -1 && this.length < this.cap) {
      const runEnd = (this.segFrom[last] as number) + this.length - (this.segText[last] as number);
      if (runEnd === start) {
        const kept = s.length > this.cap - this.length ? s.slice(0, this.cap - this.length) : s;
        this.parts.push(kept);
        this.length += kept.length;
        return;
      }
    }
    this.add(s, start, end);
  }
  private segmentOf(k: number): number {
    let lo = 0;
    let hi = this.segText.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.segText[mid] as number) <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  toOriginal(start: number, end: number): [number, number] {
    const a = this.segmentOf(start);
    const b = this.segmentOf(end - 1);
    const from =
      (this.segTo[a] as number) < 0
        ? (this.segFrom[a] as number) + start - (this.segText[a] as number)
        : (this.segFrom[a] as number);
    const to =
      (this.segTo[b] as number) < 0
        ? (this.segFrom[b] as number) + end - (this.segText[b] as number)
        : (this.segTo[b] as number);
    return [from, to];
  }
}

/** Folds one already-NFKC code point; returns '' for invisible characters. */
function fold(ch: string): string {
  if (ch.length === 1) {
    const cp = ch.charCodeAt(0);
    if (INVISIBLE.has(cp)) return '';
    if (SPACE.has(cp)) return ' ';
    if (DASH.has(cp)) return '-';
    if (LINE.test(ch)) return '\n';
    for (const zero of DIGIT_ZEROS) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
  }
  return ch;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_m, name: string) => ENTITIES[name] ?? '');
}

/** The readable text of a markup token: the label when there is one, else the target. */
function markupText(target: string, label: string | undefined): string {
  if (label !== undefined && label.trim() !== '') return decodeEntities(label);
  if (target.startsWith('!')) return `@${target.slice(1)}`;
  if (target.startsWith('mailto:')) return decodeEntities(target.slice(7));
  if (target.startsWith('tel:')) return decodeEntities(target.slice(4));
  return decodeEntities(target);
}

/** NFKC then folding; `memo` caches single code points, which is what most non-ASCII input is. */
function normaliseUnit(s: string, memo: Map<string, string>): string {
  const cached = memo.get(s);
  if (cached !== undefined) return cached;
  let folded = '';
  for (const ch of s.normalize('NFKC')) folded += fold(ch);
  if (s.length <= 2) memo.set(s, folded);
  return folded;
}

/** Pushes `s` through NFKC and folding, the produced units mapped to [start, end). */
function pushNormalised(
  out: Builder,
  s: string,
  start: number,
  end: number,
  memo: Map<string, string>,
): void {
  out.push(normaliseUnit(s, memo), start, end);
}

/** Per-code-unit memo of the \p{M} test (0 unknown, 1 mark, 2 not): a pure cache, filled on first use. */
const MARK_MEMO = new Uint8Array(0x10000);

/** No combining mark lies below U+0300, so most characters need no property lookup. */
function isMark(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x300 || Number.isNaN(c)) return false;
  let m = MARK_MEMO[c] as number;
  if (m === 0) {
    m = MARK.test(ch) ? 1 : 2;
    MARK_MEMO[c] = m;
  }
  return m === 1;
}

/** ASCII that needs no work: everything but "<", "&", tab, vertical tab, form feed and carriage return. */
function isPlain(c: number): boolean {
  return c < 0x80 && c !== 0x3c && c !== 0x26 && c !== 0x09 && c !== 0x0b && c !== 0x0c && c !== 0x0d;
}

/** Caps, decodes and normalises `input`; see {@link Normalised}. */
export function normaliseForGuard(input: string, cap = MAX_GUARD_INPUT_LENGTH): Normalised {
  let limit = Math.min(input.length, cap);
  const high = input.charCodeAt(limit - 1);
  if (limit < input.length && high >= 0xd800 && high <= 0xdbff) limit -= 1; // never split a surrogate pair
  const out = new Builder(cap);
  const memo = new Map<string, string>();
  let i = 0;
  while (i < limit && !out.full) {
    const c = input.charCodeAt(i);
    if (isPlain(c)) {
      let j = i + 1;
      while (j < limit && isPlain(input.charCodeAt(j))) j += 1;
      // A combining mark after the run belongs with the run's last character ("e" + U+0308 → "ë").
      if (j < limit && isMark(input[j] as string)) j -= 1;
      if (j > i) {
        out.copy(input, i, j);
        i = j;
        continue;
      }
    }
    if (c === 0x3c) {
      MARKUP.lastIndex = i;
      const m = MARKUP.exec(input);
      if (m !== null && i + m[0].length <= limit) {
        out.push(normaliseUnit(markupText(m[1] as string, m[2]), memo), i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    } else if (c === 0x26) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(input);
      if (m !== null && i + m[0].length <= limit) {
        out.push(ENTITIES[m[1] as string] ?? '', i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (c === 0x0d) {
      // CRLF and a lone CR are line breaks like LF ("Mr\r\nSmith" from a form).
      if (input.charCodeAt(i + 1) !== 0x0a) out.push('\n', i, i + 1);
      i += 1;
      continue;
    }
    if (INVISIBLE.has(c)) {
      // An invisible character between a lower-case and an upper-case letter stands for a word break
      // ("Mr\u200bSmith", "Dr\u2060Jones"); inside a word ("Jo\u200bhn", "Sm\u00adith") it is dropped.
      if (/\p{Ll}/u.test(input[i - 1] ?? '') && /\p{Lu}/u.test(input[i + 1] ?? '')) {
        out.push(' ', i, i + 1);
      }
      i += 1;
      continue;
    }
    // A base character and the combining marks after it normalise together ("e" + U+0301 → "é").
    const low = i + 1 < limit ? input.charCodeAt(i + 1) : 0;
    let j = i + (c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1);
    while (j < limit && isMark(input[j] as string)) j += 1;
    pushNormalised(out, input.slice(i, j), i, j, memo);
    i = j;
  }
  return {
    text: out.parts.join(''),
    toOriginal: (start, end) => out.toOriginal(start, end),
    truncated: i < input.length,
  };
}
