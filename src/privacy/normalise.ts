// Normalisation before detection: what a reader sees, not how it was typed. One left-to-right pass, so linear in
// the input; every output code unit records the span of the input it came from, so that hits found in the
// normalised text map back to the original.

/** Text beyond this many UTF-16 code units is never read (the API's own limit on free text is the same). */
export const MAX_GUARD_INPUT_LENGTH = 20_000;

export interface Normalised {
  /** NFKC text with format characters removed, space and dash variants folded, Slack markup decoded. */
  text: string;
  /** For each code unit of `text`: the start (inclusive) and end (exclusive) of its source in the input. */
  starts: Int32Array;
  ends: Int32Array;
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

class Builder {
  readonly units: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  constructor(private readonly cap: number) {}
  get full(): boolean {
    return this.units.length >= this.cap;
  }
  /** Appends `s` (already normalised), each code unit mapped to [start, end) of the input. */
  push(s: string, start: number, end: number): void {
    for (let k = 0; k < s.length && !this.full; k += 1) {
      this.units.push(s[k] as string);
      this.starts.push(start);
      this.ends.push(end);
    }
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

/** Pushes `s` through NFKC and folding, each produced unit mapped to [start, end). */
function pushNormalised(out: Builder, s: string, start: number, end: number): void {
  const n = s.normalize('NFKC');
  for (const ch of n) out.push(fold(ch), start, end);
}

/** Caps, decodes and normalises `input`; see {@link Normalised}. */
export function normaliseForGuard(input: string, cap = MAX_GUARD_INPUT_LENGTH): Normalised {
  let limit = Math.min(input.length, cap);
  const high = input.charCodeAt(limit - 1);
  if (limit < input.length && high >= 0xd800 && high <= 0xdbff) limit -= 1; // never split a surrogate pair
  const out = new Builder(cap);
  let i = 0;
  while (i < limit && !out.full) {
    const c = input.charCodeAt(i);
    if (c < 0x80 && c !== 0x3c && c !== 0x26 && c !== 0x09 && c !== 0x0b && c !== 0x0c) {
      out.push(input[i] as string, i, i + 1);
      i += 1;
      continue;
    }
    if (c === 0x3c) {
      MARKUP.lastIndex = i;
      const m = MARKUP.exec(input);
      if (m !== null && i + m[0].length <= limit) {
        pushNormalised(out, markupText(m[1] as string, m[2]), i, i + m[0].length);
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
    // A zero-width space between two letters stands for a word break ("Mr\u200bSmith"); elsewhere it is dropped.
    if (c === 0x200b && /\p{L}/u.test(input[i - 1] ?? '') && /\p{L}/u.test(input[i + 1] ?? '')) {
      out.push(' ', i, i + 1);
      i += 1;
      continue;
    }
    // A base character and the combining marks after it normalise together ("e" + U+0301 → "é").
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < limit ? 2 : 1);
    while (j < limit && MARK.test(input[j] as string)) j += 1;
    pushNormalised(out, input.slice(i, j), i, j);
    i = j;
  }
  return {
    text: out.units.join(''),
    starts: Int32Array.from(out.starts),
    ends: Int32Array.from(out.ends),
    truncated: i < input.length,
  };
}
