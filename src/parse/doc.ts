// The text being parsed: a lower-cased copy with the same offsets, its clauses, and the polarity test
// (asserted, negated or hedged) shared by every extractor.
import type { Span } from './types.js';

export interface Doc {
  /** The (possibly capped) input text. */
  readonly text: string;
  /** Lower-cased, dashes and exotic spaces folded; same length and offsets as `text`. */
  readonly lower: string;
  /** Comma/semicolon/sentence/bracket separated clauses, in order, covering the text. */
  readonly clauses: readonly Span[];
  /** Words ("osimertinib", "x3", "2.8"), and every other non-space character as its own token. */
  readonly tokens: readonly Token[];
  /** Which letter pairs ("ec", "co", "og") occur: a cheap test that a word cannot be in the text. */
  readonly bigrams: Uint8Array;
}

export interface Token {
  w: string;
  start: number;
  end: number;
}

export type Polarity = 'pos' | 'neg' | 'hedge';

const FOLD_RE = /[\u2010-\u2015\u2212\u00a0\u2000-\u200b\u2018\u2019\u201c\u201d]/g;

function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x2018 || code === 0x2019) return "'";
  if (code === 0x201c || code === 0x201d) return '"';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return '-';
  return ' ';
}

/** Lower-case without changing any offset (a character whose lower case is longer is kept as is). */
function lowerSameLength(text: string): string {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const low = ch.toLowerCase();
    out += low.length === 1 ? low : ch;
  }
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function splitClauses(lower: string): Span[] {
  const clauses: Span[] = [];
  let start = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    let boundary = false;
    switch (code) {
      case 44: // ,
      case 59: // ;
      case 10: // \n
      case 13: // \r
      case 40: // (
      case 41: // )
      case 91: // [
      case 93: // ]
      case 124: // |
      case 33: // !
      case 0x2022: // bullet
        boundary = true;
        break;
      case 46: // . but not a decimal point
        boundary = !(isDigit(lower.charCodeAt(i - 1)) && isDigit(lower.charCodeAt(i + 1)));
        break;
      default:
        break;
    }
    if (boundary) {
      if (i > start) clauses.push({ start, end: i });
      start = i + 1;
    }
  }
  if (lower.length > start) clauses.push({ start, end: lower.length });
  return clauses;
}

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Words are letters then digits then letters ("ex19del", "t8"), numbers may carry a decimal and letters
 * ("2.8", "3cm"); any other character but a space is a token of its own (line breaks included). */
function tokenize(lower: string): Token[] {
  const out: Token[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (isLetter(c)) {
      while (j < n && isLetter(lower.charCodeAt(j))) j++;
      while (j < n && isDigit(lower.charCodeAt(j))) j++;
      while (j < n && isLetter(lower.charCodeAt(j))) j++;
    } else if (isDigit(c)) {
      while (j < n && isDigit(lower.charCodeAt(j))) j++;
      if (lower.charCodeAt(j) === 46 && isDigit(lower.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && isDigit(lower.charCodeAt(j))) j++;
      }
      while (j < n && isLetter(lower.charCodeAt(j))) j++;
    }
    out.push({ w: lower.slice(i, j), start: i, end: j });
    i = j;
  }
  return out;
}

/**
 * A zeroed byte buffer of at least `size` bytes from a pool that is reused between parses (allocating typed
 * arrays costs more than the parse of a short case). Parsing is synchronous, so one slot per use is enough.
 */
const pool = new Map<string, Uint8Array>();
export function scratchBytes(slot: string, size: number): Uint8Array {
  let buf = pool.get(slot);
  if (!buf || buf.length < size) {
    buf = new Uint8Array(Math.max(size, 1024));
    pool.set(slot, buf);
  } else buf.fill(0, 0, size);
  return buf;
}

function letterPairs(lower: string): Uint8Array {
  const seen = new Uint8Array(26 * 26);
  let prev = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) {
      if (prev >= 0) seen[prev * 26 + c] = 1;
      prev = c;
    } else prev = -1;
  }
  return seen;
}

export function makeDoc(text: string): Doc {
  const lower = lowerSameLength(text).replace(FOLD_RE, fold);
  return { text, lower, clauses: splitClauses(lower), tokens: tokenize(lower), bigrams: letterPairs(lower) };
}

/**
 * False when none of the needles occurs in the text: a cheap gate (letter pairs first, then a substring
 * search) before scanning the whole text with a regex.
 */
export function mentions(doc: Doc, needles: readonly string[]): boolean {
  const seen = doc.bigrams;
  for (const needle of needles) {
    let possible = true;
    for (let i = 1; i < needle.length && possible; i++) {
      const a = needle.charCodeAt(i - 1) - 97;
      const b = needle.charCodeAt(i) - 97;
      if (a >= 0 && a < 26 && b >= 0 && b < 26) {
        if (seen[a * 26 + b] === 0) possible = false;
      }
    }
    // The pairs only rule a needle out cheaply; a possible one is looked up, so a gate is never a false alarm.
    if (possible && doc.lower.includes(needle)) return true;
  }
  return false;
}

/** The clause holding offset `pos` (a zero-width span between clauses if `pos` is a separator). */
export function clauseAt(doc: Doc, pos: number): Span {
  const { clauses } = doc;
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid] as Span;
    if (pos < c.start) hi = mid - 1;
    else if (pos >= c.end) lo = mid + 1;
    else return c;
  }
  return { start: pos, end: pos };
}

/** Index of the clause holding `pos`, or -1. */
export function clauseIndex(doc: Doc, pos: number): number {
  const { clauses } = doc;
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid] as Span;
    if (pos < c.start) hi = mid - 1;
    else if (pos >= c.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The clause around [start, end), cut to `radius` characters on each side: clause-level cues stay local, and a
 * 10 kB text without punctuation costs linear time, not quadratic.
 */
export function clauseWindow(doc: Doc, start: number, end: number, radius = 160): Span {
  const c = clauseAt(doc, start);
  return { start: Math.max(c.start, start - radius), end: Math.min(Math.max(c.end, end), end + radius) };
}

// A negation or hedge before a term holds until one of these words ("no ILD but haemoptysis").
const BREAKER_RE =
  /\b(?:but|however|although|though|whereas|except|besides|other\s+than|apart\s+from|aside\s+from|and|with|plus|yet)\b|\+/g;
const CUE_RE =
  /\b(?:(no|not|nil|without|denies|denied|negative\s+for|neg\s+for|absence\s+of|free\s+of|never|ruled\s+out|excluded)|(possible|possibly|probable|probably|query|queried|suspect|suspected|suspicious\s+(?:for|of)|suspicion\s+of|equivocal|indeterminate|questionable|cannot\s+(?:exclude|rule\s+out)|can'?t\s+(?:exclude|rule\s+out)|rule\s+out|to\s+exclude|concern\s+for|concerning\s+for|likely|presumed|presumptive|vs|versus|if|unless|whether|ddx|differential(?:\s+(?:diagnosis|includes?))?))\b|(w\/o|r\/o)|(\?)/g;
const POST_NEG_RE =
  /^\s*(?:[:=-]\s*)?(?:negative|neg\b|absent|not\s+(?:seen|detected|present|identified)|excluded|ruled\s+out|-ve\b)|^\s*[:=]\s*(?:no|none|nil)\b/;
const POST_HEDGE_RE =
  /^\s*(?:(?:(?:pattern|appearances?|changes?|features?|lesions?|nodules?|mass|focus|foci|mets?|metastas[a-z]*|on|hr|hrct|ct|pet|mri|imaging|the|scan)\s*[:=-]?\s*){0,4}(?:\?|[:=-]?\s*(?:pending|awaited|to\s+be\s+confirmed|tbc|tbd|suspected|possible|query|not\s+excluded|cannot\s+be\s+excluded|under\s+investigation|being\s+investigated|to\s+follow|unknown|unclear|uncertain|equivocal|indeterminate|vs\b|versus|not\s+(?:yet\s+)?(?:known|tested|assessed|available)|of\s+(?:uncertain|unclear|indeterminate|undetermined)\s+(?:significance|a?etiology|nature)|(?:may|might|could)\s+(?:represent|be|reflect)|not\s+typical\s+(?:of|for)|atypical\s+for|non[\s-]?specific)))/;

interface CueIndex {
  cueStart: number[];
  cueEnd: number[];
  cueNeg: boolean[];
  breakStart: number[];
  breakEnd: number[];
}

const cueIndexes = new WeakMap<Doc, CueIndex>();

/** Negation/hedge cues and scope breakers of the whole text, found once per text. */
function cueIndex(doc: Doc): CueIndex {
  let index = cueIndexes.get(doc);
  if (index) return index;
  index = { cueStart: [], cueEnd: [], cueNeg: [], breakStart: [], breakEnd: [] };
  const { lower } = doc;
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(lower); m !== null; m = CUE_RE.exec(lower)) {
    index.cueStart.push(m.index);
    index.cueEnd.push(m.index + m[0].length);
    index.cueNeg.push(m[1] !== undefined || m[3] === 'w/o');
  }
  BREAKER_RE.lastIndex = 0;
  for (let m = BREAKER_RE.exec(lower); m !== null; m = BREAKER_RE.exec(lower)) {
    index.breakStart.push(m.index);
    index.breakEnd.push(m.index + m[0].length);
  }
  cueIndexes.set(doc, index);
  return index;
}

/** Index of the last sorted value ≤ x, or -1. */
function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first sorted value ≥ x, or -1. */
function firstAtOrAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) >= x) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/**
 * Whether the fragment [start, end) is asserted, negated ("no ILD", "EGFR negative") or hedged
 * ("?ILD", "possible ILD", "r/o ILD", "ILD pending"). The scope is the clause, cut at "but", "and", "with".
 */
export function polarity(doc: Doc, start: number, end: number): Polarity {
  const clause = clauseAt(doc, start);
  const lower = doc.lower;
  // "?ILD" / "? ILD": the question mark may sit just before the clause start.
  if (
    lower.charCodeAt(start - 1) === 63 ||
    (lower.charCodeAt(start - 2) === 63 &&
      isSpace(lower.charCodeAt(start - 1)) &&
      !isQuestionMark(doc, start - 2))
  )
    return 'hedge';
  const from = Math.max(clause.start, start - 80);
  const index = cueIndex(doc);
  // The last cue that ends before the fragment, inside the window; no breaker between them.
  const i = lastAtOrBefore(index.cueEnd, start);
  if (i >= 0 && (index.cueStart[i] as number) >= from) {
    const cueEnd = index.cueEnd[i] as number;
    const j = firstAtOrAfter(index.breakStart, cueEnd);
    const broken = j >= 0 && (index.breakEnd[j] as number) <= start;
    const asked = !index.cueNeg[i] && isQuestionMark(doc, index.cueStart[i] as number);
    if (!broken && !asked) return index.cueNeg[i] ? 'neg' : 'hedge';
  }
  const post = lower.slice(end, Math.min(clause.end + 1, end + 40));
  if (POST_NEG_RE.test(post)) return 'neg';
  if (POST_HEDGE_RE.test(post) && !isQuestionMark(doc, end + post.indexOf('?'))) return 'hedge';
  return carriedPolarity(doc, clause);
}

// A sentence that asks the board something ("would you treat…", "is SBRT safe with ILD?"): its question mark
// ends the question; it does not hedge the finding before it ("UIP pattern on CT?", "adrenal met?").
const ASKING_RE =
  /\b(?:safe|safely|safety|tox|toxicity|toxicities|risks?|risky|role|indicated|indication|offer|treat|treating|candidate|benefit|worth|reasonable|recommend\w*|advise|advice|thoughts|opinion|options?|dose|doses|dosing|fractionation|fractions|schedule|timing|when|rt|radiotherapy|radiation|sbrt|sabr|consider|consolidat\w*|irradiat\w*|re-?irradiat\w*|proceed|approach|manage|management|how|what|which|should|would)\b/;

/** Whether the "?" at `pos` closes an asking sentence (and is not glued to the word after it, as "?ILD" is). */
export function isQuestionMark(doc: Doc, pos: number): boolean {
  const { lower } = doc;
  if (pos < 0 || lower.charCodeAt(pos) !== 63 || isLetter(lower.charCodeAt(pos + 1))) return false;
  let from = pos - 1;
  while (from >= 0 && pos - from < 300) {
    const c = lower.charCodeAt(from);
    if (c === 46 || c === 33 || c === 63 || c === 10 || c === 13) break;
    from--;
  }
  return ASKING_RE.test(lower.slice(from + 1, pos));
}

const LIST_HEAD_RE =
  /^\s*(?:(no|nil|without|denies|denied|negative\s+for|absence\s+of|free\s+of)|(possible|probable|query|suspected|\?))\b/;
const LIST_END_RE = /\b(?:or|nor)\b/;
const LIST_ITEM_MAX = 48;

/**
 * A cue at the head of a comma list holds for every item of it: "no ILD, brain mets or effusion",
 * "denies haemoptysis, chest pain or dyspnoea". The list must be closed by "or"/"nor" and every item short and
 * without a count, so "no ILD, haemoptysis" and "no ILD, 2 liver mets" keep their second item asserted.
 */
function carriedPolarity(doc: Doc, clause: Span): Polarity {
  const { lower, clauses } = doc;
  const at = clauseIndex(doc, clause.start);
  if (at <= 0 || lower.charCodeAt(clause.start - 1) !== 44) return 'pos';
  const item = (i: number) => {
    const c = clauses[i] as Span;
    return c.end - c.start <= LIST_ITEM_MAX && !/(?:^|\s)\d/.test(lower.slice(c.start, c.end));
  };
  if (!item(at)) return 'pos';
  // The list's end: this clause or a later comma-joined short one holds "or"/"nor".
  let closed = false;
  for (let i = at; i < clauses.length && i < at + 8 && item(i); i++) {
    const c = clauses[i] as Span;
    if (LIST_END_RE.test(lower.slice(c.start, c.end))) {
      closed = true;
      break;
    }
    if (lower.charCodeAt(c.end) !== 44) break;
  }
  if (!closed) return 'pos';
  for (let i = at - 1; i >= 0 && i >= at - 8; i--) {
    const c = clauses[i] as Span;
    const head = LIST_HEAD_RE.exec(lower.slice(c.start, c.end));
    if (head) return head[1] !== undefined ? 'neg' : 'hedge';
    if (!item(i) || (i > 0 && lower.charCodeAt(c.start - 1) !== 44)) return 'pos';
  }
  return 'pos';
}

/**
 * The `lastIndex` to start a global regex scan from: 0, or the end of the text (the scan then finds nothing)
 * when none of the needles occurs. Each needle list must hold a substring of every possible match.
 */
export function scanFrom(doc: Doc, needles: readonly string[]): number {
  return mentions(doc, needles) ? 0 : doc.lower.length;
}
