// The text being parsed: a lower-cased copy with the same offsets, its clauses, and the polarity test
// (asserted, negated or hedged) shared by every extractor. One tokenizer pass gives the tokens and, walking each
// token down a trie of the vocabulary's triggers (vocabulary.ts), the offsets where each pattern can match;
// matchAll then tries a pattern only there, so the work follows the trigger words, not the length of the text.
import type { Span } from './types.js';
import type { PatternName, VocabularyEntry } from './vocabulary.js';
import { T, VOCABULARY } from './vocabulary.js';

export interface Doc {
  /** The (possibly capped) input text. */
  readonly text: string;
  /** Lower-cased, dashes and exotic spaces folded; same length and offsets as `text`. */
  readonly lower: string;
  /** Comma/semicolon/sentence/bracket separated clauses, in order, covering the text. */
  readonly clauses: readonly Span[];
  /** Words ("osimertinib", "x3", "2.8"), and every other non-space character as its own token. */
  readonly tokens: readonly Token[];
  /** Offsets where vocabulary triggers start, grouped by pattern id and sorted within each group... */
  readonly hitPos: Int32Array;
  /** ...pattern `id`'s group is hitPos[hitStart[id]] up to hitPos[hitStart[id + 1]]. */
  readonly hitStart: Int32Array;
  /** Negation cues and scope breakers, found on first use. */
  cues: CueIndex | undefined;
}

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  /** Normalised form: lower case, dashes and quotes folded. */
  w: string;
  start: number;
  end: number;
  kind: TokenKind;
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

function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c);
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

/** A character that ends a clause (a "." only when it is not a decimal point: see C_DOT). */
function isClauseBreak(c: number): boolean {
  return (
    c === 44 ||
    c === 59 ||
    c === 10 ||
    c === 13 ||
    c === 40 ||
    c === 41 ||
    c === 91 ||
    c === 93 ||
    c === 124 ||
    c === 33 ||
    c === 0x2022
  );
}

// Character classes of the folded text, by code of the unfolded one: one table look-up per character instead
// of a chain of comparisons, and the tokenizer folds on the fly (FOLD_RE runs only when a text needs it).
const C_SPACE = 1;
const C_LETTER = 2;
const C_DIGIT = 4;
const C_BREAK = 8;
const C_DOT = 16;
/** FOLD_RE folds this character (its class is that of the character it folds to). */
const C_FOLD = 32;
const CLASS = buildClasses();

function buildClasses(): Uint8Array {
  const table = new Uint8Array(65536);
  const classOf = (f: number): number =>
    isSpace(f)
      ? C_SPACE
      : isLetter(f)
        ? C_LETTER
        : isDigit(f)
          ? C_DIGIT
          : isClauseBreak(f)
            ? C_BREAK
            : f === 46
              ? C_DOT
              : 0;
  for (let c = 0; c < 65536; c++) table[c] = classOf(c);
  // The characters FOLD_RE folds: one scan of a string holding every code unit.
  const codes = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) codes[c] = c;
  let all = '';
  for (let c = 0; c < 65536; c += 4096) all += String.fromCharCode(...codes.subarray(c, c + 4096));
  for (const m of all.matchAll(FOLD_RE)) table[m.index] = C_FOLD | classOf(fold(m[0]).charCodeAt(0));
  return table;
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

/**
 * The vocabulary's triggers as one trie, stored flat: state × symbol → entry (0: none). An entry is the next
 * state with two flags: F_PART when patterns' triggers end there (PART[PART_FROM[state]] up to
 * PART[PART_FROM[state + 1]]), F_WHOLE when whole-word triggers ("r$") end there (in WHOLE, likewise): the walk
 * looks up a pattern list only where one ends. Symbols are a-z, 0-9 and the punctuation the triggers use.
 */
const SYMBOLS = 48;
const SYM = new Uint8Array(65536);
const F_PART = 0x8000;
const F_WHOLE = 0x4000;
const STATE = 0x3fff;
const PATTERN_ID = new Map<readonly string[], number>();
const PATTERN_COUNT = Object.keys(VOCABULARY).length;
/** Patterns that take any digit run ("#"). */
const DIGIT_PATTERNS: number[] = [];
const { NEXT, PART, PART_FROM, WHOLE, WHOLE_FROM } = buildTrie();
/** "#" patterns none of whose other triggers starts with a digit: no hit of theirs can fall on a digit run, so
 * groupHits merges the runs into their groups (one note per run instead of one per pattern)... */
const RUN_IDS = Int32Array.from(DIGIT_PATTERNS.filter((id) => !startsWithDigit(id)));
/** ...and the others are noted per run, as any hit (one offset noted twice counts once). */
const RUN_HIT_IDS = Int32Array.from(DIGIT_PATTERNS.filter((id) => startsWithDigit(id)));

function startsWithDigit(id: number): boolean {
  const entry = Object.values(VOCABULARY)[id] as VocabularyEntry;
  return entry.triggers.some((t) => t !== '#' && isDigit(t.charCodeAt(0)));
}

interface Trie {
  NEXT: Uint16Array;
  PART: Int32Array;
  PART_FROM: Int32Array;
  WHOLE: Int32Array;
  WHOLE_FROM: Int32Array;
}

function buildTrie(): Trie {
  let symbols = 1;
  for (let c = 97; c <= 122; c++) SYM[c] = symbols++;
  for (let c = 48; c <= 57; c++) SYM[c] = symbols++;
  const next: number[] = [];
  const ids: (number[] | undefined)[] = [undefined];
  let states = 1;
  let id = 0;
  for (const entry of Object.values(VOCABULARY) as VocabularyEntry[]) {
    PATTERN_ID.set(entry.triggers, id);
    for (const t of entry.triggers) {
      if (t === '#') {
        DIGIT_PATTERNS.push(id);
        continue;
      }
      // "r$": the whole word is "r" (not "rul", "right").
      const whole = t.length > 1 && t.endsWith('$');
      const word = whole ? t.slice(0, -1) : t;
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        if (SYM[code] === 0) SYM[code] = symbols++;
        const slot = state * SYMBOLS + (SYM[code] as number);
        if (!next[slot]) {
          next[slot] = states;
          ids[states++] = undefined;
        }
        state = next[slot] as number;
      }
      const list = ids[state] ?? [];
      const mark = whole ? ~id : id;
      if (!list.includes(mark)) list.push(mark);
      ids[state] = list;
    }
    id++;
  }
  if (symbols > SYMBOLS) throw new Error('vocabulary: too many trigger characters');
  if (states > STATE) throw new Error('vocabulary: too many trigger states');
  const part = flatten(ids, states, (mark) => (mark >= 0 ? mark : undefined));
  const whole = flatten(ids, states, (mark) => (mark < 0 ? ~mark : undefined));
  const table = new Uint16Array(states * SYMBOLS);
  next.forEach((to, slot) => {
    const hasPart = (part.from[to + 1] as number) > (part.from[to] as number);
    const hasWhole = (whole.from[to + 1] as number) > (whole.from[to] as number);
    table[slot] = to | (hasPart ? F_PART : 0) | (hasWhole ? F_WHOLE : 0);
  });
  return { NEXT: table, PART: part.list, PART_FROM: part.from, WHOLE: whole.list, WHOLE_FROM: whole.from };
}

/** Per state, the pattern ids `pick` keeps of its marks, in order, as one flat list. */
function flatten(
  ids: (number[] | undefined)[],
  states: number,
  pick: (mark: number) => number | undefined,
): { list: Int32Array; from: Int32Array } {
  const from = new Int32Array(states + 1);
  const flat: number[] = [];
  for (let st = 0; st < states; st++) {
    from[st] = flat.length;
    for (const mark of ids[st] ?? []) {
      const id = pick(mark);
      if (id !== undefined) flat.push(id);
    }
  }
  from[states] = flat.length;
  return { list: Int32Array.from(flat), from };
}

/** Trigger hits as (pattern, offset) pairs in text order, in buffers reused between parses. */
let HIT_IDS: Int32Array = new Int32Array(1024);
let HIT_POS: Int32Array = new Int32Array(1024);
let HIT_N = 0;
/** The last offset noted per pattern (a token may start two triggers of one pattern). */
const HIT_LAST = new Int32Array(PATTERN_COUNT);
/** Where digit runs start, in text order. */
let RUN_POS: Int32Array = new Int32Array(256);
let RUN_N = 0;

function hit(id: number, pos: number): void {
  if (HIT_LAST[id] === pos) return;
  HIT_LAST[id] = pos;
  if (HIT_N === HIT_IDS.length) {
    HIT_IDS = grown(HIT_IDS);
    HIT_POS = grown(HIT_POS);
  }
  HIT_IDS[HIT_N] = id;
  HIT_POS[HIT_N++] = pos;
}

function grown(buf: Int32Array): Int32Array {
  const out = new Int32Array(buf.length * 2);
  out.set(buf);
  return out;
}

/** The patterns whose (prefix) triggers end at trie state `state`: they start at `pos`. */
function partHits(state: number, pos: number): void {
  const to = PART_FROM[state + 1] as number;
  for (let k = PART_FROM[state] as number; k < to; k++) hit(PART[k] as number, pos);
}

/** The patterns whose whole-word triggers end at `state`, the token's last character. */
function wholeHits(state: number, pos: number): void {
  const to = WHOLE_FROM[state + 1] as number;
  for (let k = WHOLE_FROM[state] as number; k < to; k++) hit(WHOLE[k] as number, pos);
}

/** A run of digits starts here, also inside a word ("c3", "x2"): the "#" trigger. */
function digitRunAt(pos: number): void {
  if (RUN_N === RUN_POS.length) RUN_POS = grown(RUN_POS);
  RUN_POS[RUN_N++] = pos;
  for (let k = 0; k < RUN_HIT_IDS.length; k++) hit(RUN_HIT_IDS[k] as number, pos);
}

const FILL = new Int32Array(PATTERN_COUNT);
// Reused by `makeDoc(text, true)`; a longer buffer than the hits is fine (hitStart bounds every group).
const POOLED_HIT_START = new Int32Array(PATTERN_COUNT + 1);
let POOLED_HIT_POS = new Int32Array(1024);

/** The pairs grouped by pattern (a stable counting sort keeps each group in text order), the digit runs merged
 * into the groups of RUN_IDS. */
function groupHits(pooled: boolean): { hitPos: Int32Array; hitStart: Int32Array } {
  const n = HIT_N;
  const ids = HIT_IDS;
  const pos = HIT_POS;
  const runs = RUN_N;
  const total = n + runs * RUN_IDS.length;
  let hitStart: Int32Array;
  let hitPos: Int32Array;
  if (pooled) {
    hitStart = POOLED_HIT_START;
    hitStart.fill(0);
    if (POOLED_HIT_POS.length < total)
      POOLED_HIT_POS = new Int32Array(Math.max(total, 2 * POOLED_HIT_POS.length));
    hitPos = POOLED_HIT_POS;
  } else {
    hitStart = new Int32Array(PATTERN_COUNT + 1);
    hitPos = new Int32Array(total);
  }
  for (let k = 0; k < n; k++) {
    const slot = (ids[k] as number) + 1;
    hitStart[slot] = (hitStart[slot] as number) + 1;
  }
  for (let r = 0; r < RUN_IDS.length; r++) {
    const slot = (RUN_IDS[r] as number) + 1;
    hitStart[slot] = (hitStart[slot] as number) + runs;
  }
  const fill = FILL;
  let sum = 0;
  for (let id = 0; id < PATTERN_COUNT; id++) {
    fill[id] = sum;
    sum += hitStart[id + 1] as number;
    hitStart[id + 1] = sum;
  }
  for (let k = 0; k < n; k++) {
    const id = ids[k] as number;
    const at = fill[id] as number;
    hitPos[at] = pos[k] as number;
    fill[id] = at + 1;
  }
  if (runs > 0)
    for (let r = 0; r < RUN_IDS.length; r++) mergeRuns(hitPos, hitStart, RUN_IDS[r] as number, runs);
  return { hitPos, hitStart };
}

/** Pattern `id`'s own hits fill the start of its group; the digit runs go in, in order, from the back. */
function mergeRuns(hitPos: Int32Array, hitStart: Int32Array, id: number, runs: number): void {
  const first = hitStart[id] as number;
  let w = (hitStart[id + 1] as number) - 1;
  let a = w - runs;
  let b = runs - 1;
  while (b >= 0) {
    const run = RUN_POS[b] as number;
    if (a >= first && (hitPos[a] as number) > run) hitPos[w--] = hitPos[a--] as number;
    else {
      hitPos[w--] = run;
      b--;
    }
  }
}

/** Token objects and the token list reused by `makeDoc(text, true)`: a parse allocates no token objects once
 * the pool is as long as its text (parsing is synchronous and nothing keeps a Doc past the parse). */
const TOKEN_POOL: Token[] = [];
const POOLED_TOKENS: Token[] = [];

/** After a pooled parse: the reused tokens drop their words, so no fragment of the text outlives its parse. */
export function releasePooledDoc(): void {
  for (let k = 0; k < POOLED_TOKENS.length; k++) (POOLED_TOKENS[k] as Token).w = '';
}

/** The (folded) text of the last scan: the tokenizer folds only when a character to fold occurs. */
let LOWER = '';
let TOKEN_COUNT = 0;

/** A token `[start, end)` of `src`, the `count`-th: a pooled one or a new one. */
function putToken(
  out: Token[],
  pooled: boolean,
  src: string,
  start: number,
  end: number,
  kind: TokenKind,
): void {
  const w = src.slice(start, end);
  const count = TOKEN_COUNT++;
  let tok = pooled ? TOKEN_POOL[count] : undefined;
  if (tok) {
    tok.w = w;
    tok.start = start;
    tok.end = end;
    tok.kind = kind;
  } else {
    tok = { w, start, end, kind };
    if (pooled) TOKEN_POOL.push(tok);
  }
  out[count] = tok;
}

/**
 * The one pass over the lower-cased text: folding, tokens (words are letters then digits then letters, "ex19del",
 * "t8"; numbers may carry a decimal and letters, "2.8", "3cm"; any other character but a space is a token of its
 * own, line breaks included), the trie walk of each token, and the clauses (comma, semicolon, sentence end,
 * bracket, bar, bullet; a "." between digits is a decimal point). Clause breaks are one-character tokens.
 */
function scan(lowered: string, pooled: boolean, clauses: Span[]): Token[] {
  const out: Token[] = pooled ? POOLED_TOKENS : [];
  TOKEN_COUNT = 0;
  let src = lowered;
  let clauseStart = 0;
  const n = src.length;
  let i = 0;
  while (i < n) {
    let c = src.charCodeAt(i);
    let cls = CLASS[c] as number;
    if ((cls & C_FOLD) !== 0) {
      // The first character to fold: fold the whole text once (same offsets) and read on from the folded copy.
      src = src.replace(FOLD_RE, fold);
      c = src.charCodeAt(i);
      cls = CLASS[c] as number;
    }
    if ((cls & C_SPACE) !== 0) {
      i++;
      continue;
    }
    if ((cls & (C_LETTER | C_DIGIT)) !== 0) {
      const j = (cls & C_LETTER) !== 0 ? scanWord(src, i, n) : scanNumber(src, i, n);
      putToken(out, pooled, src, i, j, (cls & C_LETTER) !== 0 ? 'word' : 'number');
      i = j;
      continue;
    }
    const e = NEXT[SYM[c] as number] as number;
    if ((e & F_PART) !== 0) partHits(e & STATE, i);
    if ((e & F_WHOLE) !== 0) wholeHits(e & STATE, i);
    if (
      (cls & C_BREAK) !== 0 ||
      ((cls & C_DOT) !== 0 && !(isDigit(src.charCodeAt(i - 1)) && isDigit(src.charCodeAt(i + 1))))
    ) {
      if (i > clauseStart) clauses.push({ start: clauseStart, end: i });
      clauseStart = i + 1;
    }
    putToken(out, pooled, src, i, i + 1, 'punct');
    i++;
  }
  if (n > clauseStart) clauses.push({ start: clauseStart, end: n });
  out.length = TOKEN_COUNT;
  LOWER = src;
  return out;
}

/** One trie step from entry `e` (0: the walk is over) by character `c`, noting the triggers that end there. */
function step(e: number, c: number, start: number): number {
  const next = NEXT[(e & STATE) * SYMBOLS + (SYM[c] as number)] as number;
  if ((next & F_PART) !== 0) partHits(next & STATE, start);
  return next;
}

/** The trie entry of the token being scanned (walkRun carries it on; 0: no trigger continues). */
let WALK = 0;

/** The end of the run of characters coded `lo`..`hi` from `j`, the trie walked on for the token at `start`. */
function walkRun(src: string, j: number, n: number, lo: number, hi: number, start: number): number {
  let e = WALK;
  while (j < n) {
    const c = src.charCodeAt(j);
    if (c < lo || c > hi) break;
    if (e !== 0) e = step(e, c, start);
    j++;
  }
  WALK = e;
  return j;
}

/** The end of the word at `i` (letters, then digits, then letters), walking the trie on the way. */
function scanWord(src: string, i: number, n: number): number {
  WALK = step(0, src.charCodeAt(i), i);
  let j = i + 1;
  j = walkRun(src, j, n, 97, 122, i);
  // A digit run inside the word: noted after the word's triggers, to keep each group sorted.
  const run = j;
  j = walkRun(src, j, n, 48, 57, i);
  const hasRun = j > run;
  j = walkRun(src, j, n, 97, 122, i);
  if ((WALK & F_WHOLE) !== 0) wholeHits(WALK & STATE, i);
  if (hasRun) digitRunAt(run);
  return j;
}

/** The end of the number at `i` (digits, a decimal part, then letters: "2.8", "3cm"), walking the trie. */
function scanNumber(src: string, i: number, n: number): number {
  WALK = step(0, src.charCodeAt(i), i);
  let j = i + 1;
  j = walkRun(src, j, n, 48, 57, i);
  let decimalRun = -1;
  if (src.charCodeAt(j) === 46 && isDigit(src.charCodeAt(j + 1))) {
    if (WALK !== 0) WALK = step(WALK, 46, i);
    decimalRun = j + 1;
    j++;
    j = walkRun(src, j, n, 48, 57, i);
  }
  j = walkRun(src, j, n, 97, 122, i);
  if ((WALK & F_WHOLE) !== 0) wholeHits(WALK & STATE, i);
  digitRunAt(i);
  if (decimalRun >= 0) digitRunAt(decimalRun);
  return j;
}

/**
 * The one pass over the text: folded lower case, clauses, tokens, and where every vocabulary trigger occurs.
 * `pooled`: the tokens and trigger index live in buffers reused by the next pooled call, so the Doc must not be
 * used after it (parseCase's own Doc; a caller holding several Docs leaves it false).
 */
export function makeDoc(text: string, pooled = false): Doc {
  HIT_N = 0;
  RUN_N = 0;
  HIT_LAST.fill(-1);
  const clauses: Span[] = [];
  const tokens = scan(lowerSameLength(text), pooled, clauses);
  const lower = LOWER;
  LOWER = '';
  const { hitPos, hitStart } = groupHits(pooled);
  return { text, lower, clauses, tokens, hitPos, hitStart, cues: undefined };
}

function startsTrigger(word: string, t: string): boolean {
  return t.length > 1 && t.endsWith('$') ? word === t.slice(0, -1) : word.startsWith(t);
}

/** Trigger offsets for a list that is not a vocabulary entry: a plain scan of the tokens. */
function scanTriggers(doc: Doc, triggers: readonly string[]): number[] {
  const out: number[] = [];
  const { lower } = doc;
  for (const tok of doc.tokens) {
    if (triggers.some((t) => t !== '#' && startsTrigger(tok.w, t))) out.push(tok.start);
    if (!triggers.includes('#') || tok.kind === 'punct') continue;
    for (let i = tok.start; i < tok.end; i++)
      if (isDigit(lower.charCodeAt(i)) && (i === tok.start || !isDigit(lower.charCodeAt(i - 1))))
        if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/**
 * Offsets where a word starting with one of the triggers begins, sorted: "#" stands for every digit run, a
 * punctuation trigger for that character, and "r$" for the word "r" alone. Empty when the text holds none of them (the extractor then does no work).
 */
export function triggerStarts(doc: Doc, triggers: readonly string[]): readonly number[] {
  const id = PATTERN_ID.get(triggers);
  if (id === undefined) return scanTriggers(doc, triggers);
  // A plain loop: Array.from of a subarray allocates the view and iterates it.
  const { hitPos, hitStart } = doc;
  const out: number[] = [];
  const to = hitStart[id + 1] as number;
  for (let k = hitStart[id] as number; k < to; k++) out.push(hitPos[k] as number);
  return out;
}

/** True when a word starting with one of the triggers occurs. */
export function hasTrigger(doc: Doc, triggers: readonly string[]): boolean {
  const id = PATTERN_ID.get(triggers);
  if (id === undefined) return scanTriggers(doc, triggers).length > 0;
  return (doc.hitStart[id + 1] as number) > (doc.hitStart[id] as number);
}

/** True when a trigger of any of the named patterns occurs: an extractor's gate. */
export function mentionsAny(doc: Doc, names: readonly PatternName[]): boolean {
  for (const name of names) if (hasTrigger(doc, VOCABULARY[name].triggers)) return true;
  return false;
}

/** Each pattern's sticky copy (tried at one offset) and the triggers it was read with. */
interface Compiled {
  sticky: RegExp;
  triggers: readonly string[];
  /** The vocabulary pattern id of the triggers, or -1 for an ad-hoc list. */
  id: number;
}
const compiled = new Map<RegExp, Compiled>();
function compiledOf(re: RegExp, triggers: readonly string[]): Compiled {
  let c = compiled.get(re);
  if (!c || c.triggers !== triggers) {
    const sticky = c?.sticky ?? new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
    c = { sticky, triggers, id: PATTERN_ID.get(triggers) ?? -1 };
    compiled.set(re, c);
  }
  return c;
}

let recording: Set<readonly string[]> | undefined;

/** The trigger lists of the patterns `run` reads (for the test that each extractor's gate lists its patterns). */
export function patternsReadBy(run: () => void): Set<readonly string[]> {
  const seen = new Set<readonly string[]>();
  recording = seen;
  try {
    run();
  } finally {
    recording = undefined;
  }
  return seen;
}

/** Every pattern read so far with its triggers (for the vocabulary coverage test). */
export function patternsSeen(): ReadonlyMap<RegExp, { readonly triggers: readonly string[] }> {
  return compiled;
}

/**
 * The matches of `re` over the text, in order and without overlap, exactly as a global scan finds them, when
 * every match starts at a trigger (the vocabulary's contract, checked by test/parse/vocabulary.test.ts): the
 * pattern is tried only where a trigger word starts, so the cost follows the trigger words, not the text length.
 */
const NO_MATCHES: readonly RegExpExecArray[] = [];
/** matchAll's scratch list (no pattern is run while another's matches are collected). */
const FOUND: (RegExpExecArray | undefined)[] = [];

export function matchAll(doc: Doc, re: RegExp, triggers: readonly string[]): readonly RegExpExecArray[] {
  const c = compiledOf(re, triggers);
  if (recording !== undefined) recording.add(triggers);
  const id = c.id;
  if (id < 0) {
    const starts = scanTriggers(doc, triggers);
    return matchesAt(doc.lower, c.sticky, starts, 0, starts.length);
  }
  const first = doc.hitStart[id] as number;
  const last = doc.hitStart[id + 1] as number;
  return first === last ? NO_MATCHES : matchesAt(doc.lower, c.sticky, doc.hitPos, first, last);
}

/** The sticky pattern's matches at starts[first..last), without overlap. */
function matchesAt(
  lower: string,
  sticky: RegExp,
  starts: ArrayLike<number>,
  first: number,
  last: number,
): readonly RegExpExecArray[] {
  const found = FOUND;
  let n = 0;
  let from = 0;
  for (let k = first; k < last; k++) {
    const p = starts[k] as number;
    if (p < from) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(lower);
    if (m === null) continue;
    found[n++] = m;
    from = m.index + Math.max(1, m[0].length);
  }
  if (n === 0) return NO_MATCHES;
  // An array of exactly n (a pushed-to array grows to 17 slots at its first push).
  const out = found.slice(0, n) as RegExpExecArray[];
  found.fill(undefined, 0, n);
  return out;
}

/** `text.split(/[<separators>]/)` without a regex (a regex split tries the pattern at every character). */
export function splitAt(text: string, separators: string): string[] {
  const parts: string[] = [];
  const m = separators.length;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    // A code comparison per separator: no one-character string and no includes() per character.
    const c = text.charCodeAt(i);
    let k = 0;
    while (k < m && separators.charCodeAt(k) !== c) k++;
    if (k < m) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** False when none of the needles occurs in the text (a substring test; the vocabulary's triggers are cheaper). */
export function mentions(doc: Doc, needles: readonly string[]): boolean {
  for (const needle of needles) if (doc.lower.includes(needle)) return true;
  return false;
}

/** The clause holding offset `pos` (a zero-width span between clauses if `pos` is a separator). */
export function clauseAt(doc: Doc, pos: number): Span {
  const k = clauseIndex(doc, pos);
  return k >= 0 ? (doc.clauses[k] as Span) : { start: pos, end: pos };
}

/** Where the sentence part holding `pos` starts (after ".", ";" or a line break), looking back `max` characters at
 * most: `pos - max` when none is found by then. */
export function sentenceStartBefore(lower: string, pos: number, max: number): number {
  const from = Math.max(0, pos - max);
  for (let k = pos - 1; k >= from; k--) {
    const c = lower.charCodeAt(k);
    if (c === 46 || c === 59 || c === 10 || c === 13) return k + 1;
  }
  return from;
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
  /\b(?:but|however|although|though|whereas|except|besides|other\s+than|apart\s+from|aside\s+from|and|with|plus|yet|because|bc|b\/c|due\s+to|owing\s+to|given)\b|\+/g;
const CUE_RE =
  /\b(?:(no(?!\s+longer\b)|not|nil|without|denies|denied|negative\s+for|neg\s+for|absence\s+of|absent|free\s+of|never|ruled\s+out|excluded|rather\s+than|instead\s+of)|(possible|possibly|poss|probable|probably|prob|maybe|perhaps|query|queried|suspect|suspected|suspicious\s+(?:for|of)|suspicion\s+of|equivocal|indeterminate|questionable|cannot\s+(?:exclude|rule\s+out)|can'?t\s+(?:exclude|rule\s+out)|rule\s+out|to\s+exclude|concern\s+for|concerning\s+for|likely|presumed|presumptive|(?<!\d\s?)(?:vs|versus)(?!\.?\s*\d)|if|unless|whether|assuming|(?<=\bin\s)\bcase\s+of|(?<=\bin\s+the\s)\bevent\s+of|reserved?\s+for(?=\s+(?:oligo\w*|progression|pd|later|the\s+future|future|if|when))|once(?=\s+(?:(?:we|he|she|they|there)\s+(?:is|are|has|have|know|see|confirm\w*|respond\w*|progress\w*)|responding|response|progress\w*|confirmed|stable))|ddx|differential(?:\s+(?:diagnosis|includes?))?))\b|\b(w\/o|r\/o)|(\?|\+\/-|±)/g;
/** Every match of POST_NEG_RE or POST_HEDGE_RE starts, after white space, with one of these (checked by a test). */
export const POST_CUE_STARTS = ':=-?abcdefhilmnopqrstuv';

/** JavaScript's \s, by code. */
export function isRegexSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0x1680 || c === 0x2028 || c === 0x2029 || isSpace(c);
}

/** POST_CUE_STARTS by character code. */
const POST_CUE_START = new Uint8Array(128);
for (let k = 0; k < POST_CUE_STARTS.length; k++) POST_CUE_START[POST_CUE_STARTS.charCodeAt(k)] = 1;

/** Whether a cue after a fragment is possible: the first non-space character can start one. */
function mayFollow(lower: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isRegexSpace(lower.charCodeAt(i))) i++;
  if (i >= to) return false;
  const c = lower.charCodeAt(i);
  return c < 128 && POST_CUE_START[c] === 1;
}

// "excluded: …", "excluded on biopsy: …": the colon opens what was found instead.
const COLON_AFTER_CUE_RE = /^(?:\s+(?:on|by|at)\s+[a-z]+(?:\s+[a-z]+)?)?\s*:/;
const POST_STYLE_CUE_RE = /^(?:excluded|ruled\s+out|absent)$/;
const BRACKET_NEG_AFTER_RE =
  /^\s*(?:(?:mets?|metastas[a-z]*|lesions?|disease|effusions?)\s*)?\(\s*(?:-|−|neg|negative|no|nil|none|absent|-ve)\s*\)/;
// "two new nodules in the LUL, indeterminate": a comma phrase that only calls the finding before it uncertain.
const HEDGE_PHRASE_RE =
  /^,\s*(?:(?:likely|probably|possibly)\s+)?(?:indeterminate|equivocal|non[\s-]?specific|of\s+(?:uncertain|unclear|indeterminate)\s+(?:significance|nature)|too\s+small\s+to\s+characteri[sz]e|(?:further\s+)?characteri[sz]ation\s+(?:pending|awaited|to\s+follow)(?:\s+on\s+[a-z]+(?:\s+[a-z]+)?)?|(?:yet\s+)?to\s+be\s+characteri[sz]ed)\s*(?:[,;.)\n]|$)/;
export const POST_NEG_RE =
  /^\s*(?:[:=-]\s*)?(?:negative|neg\b|absent|not\s+(?:seen|detected|present|identified)|excluded|ruled\s+out|-ve\b)|^\s*(?:[:=-]\s*)?(?:none|nil)\b|^\s*(?:(?:mets?|metastases|lesions?|disease)\s+)?(?:[:=-]\s*)?no\s*(?=$|[,;.)\n])/;
export const POST_HEDGE_RE =
  /^\s*(?:(?:(?:pattern|appearances?|changes?|features?|lesions?|nodules?|mass|focus|foci|mets?|metastas[a-z]*|on|hr|hrct|ct|pet|mri|imaging|the|scan)\s*[:=-]?\s*){0,4}(?:\?|[:=-]?\s*(?:pending|awaited|to\s+be\s+confirmed|tbc|tbd|suspected|possible|query|not\s+excluded|cannot\s+be\s+(?:excluded|ruled\s+out)|can'?t\s+be\s+(?:excluded|ruled\s+out)|under\s+investigation|being\s+investigated|to\s+follow|unknown|unclear|uncertain|equivocal|indeterminate|vs\b|versus|not\s+(?:yet\s+)?(?:known|tested|assessed|available)|of\s+(?:uncertain|unclear|indeterminate|undetermined)\s+(?:significance|a?etiology|nature)|(?:may|might|could)\s+(?:represent|be|reflect)|not\s+typical\s+(?:of|for)|atypical\s+for|non[\s-]?specific)))/;

export interface CueIndex {
  cueStart: number[];
  cueEnd: number[];
  cueNeg: boolean[];
  breakStart: number[];
  breakEnd: number[];
}

/** Negation/hedge cues and scope breakers of the whole text, found once per text. */
function cueIndex(doc: Doc): CueIndex {
  let index = doc.cues;
  if (index) return index;
  index = { cueStart: [], cueEnd: [], cueNeg: [], breakStart: [], breakEnd: [] };
  for (const m of matchAll(doc, CUE_RE, T.negationCue)) {
    index.cueStart.push(m.index);
    index.cueEnd.push(m.index + m[0].length);
    index.cueNeg.push(m[1] !== undefined || m[3] === 'w/o');
  }
  for (const m of matchAll(doc, BREAKER_RE, T.scopeBreaker)) {
    index.breakStart.push(m.index);
    index.breakEnd.push(m.index + m[0].length);
  }
  doc.cues = index;
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
  // The clause as its index and bounds (a zero-width span at a separator), not a new Span.
  const at = clauseIndex(doc, start);
  const clause = at >= 0 ? (doc.clauses[at] as Span) : undefined;
  const clauseStart = clause ? clause.start : start;
  const clauseEnd = clause ? clause.end : start;
  const lower = doc.lower;
  // "?ILD" / "? ILD": the question mark may sit just before the clause start ("RUL primary? ECOG 1": one glued
  // to the word before it ends that sentence instead).
  if (
    lower.charCodeAt(start - 1) === 63 ||
    (lower.charCodeAt(start - 2) === 63 &&
      isSpace(lower.charCodeAt(start - 1)) &&
      !isWordChar(lower.charCodeAt(start - 3)) &&
      !isQuestionMark(doc, start - 2))
  )
    return 'hedge';
  const from = Math.max(clauseStart, start - 80);
  const index = cueIndex(doc);
  // The last cue that ends before the fragment, inside the window; no breaker between them.
  const i = lastAtOrBefore(index.cueEnd, start);
  if (i >= 0 && (index.cueStart[i] as number) >= from) {
    const cueEnd = index.cueEnd[i] as number;
    const j = firstAtOrAfter(index.breakStart, cueEnd);
    const broken = j >= 0 && (index.breakEnd[j] as number) <= start;
    const cueAt = index.cueStart[i] as number;
    // "RUL primary? ECOG 1": a "?" glued to the word before it and followed by a space queries that word (or
    // ends a question), not what comes after it.
    const endsSentence =
      lower.charCodeAt(cueAt) === 63 &&
      isWordChar(lower.charCodeAt(cueAt - 1)) &&
      isSpace(lower.charCodeAt(cueAt + 1));
    // "Pseudoprogression excluded: true progression …": a negative written after its term, then a colon.
    const postCue =
      index.cueNeg[i] &&
      POST_STYLE_CUE_RE.test(lower.slice(cueAt, cueEnd)) &&
      COLON_AFTER_CUE_RE.test(lower.slice(cueEnd, cueEnd + 20));
    const asked = endsSentence || postCue || (!index.cueNeg[i] && isQuestionMark(doc, cueAt));
    if (!broken && !asked) return index.cueNeg[i] ? 'neg' : 'hedge';
  }
  // "ILD (-)", "brain mets (neg)": a negative mark in a bracket right after the term.
  if (
    lower.charCodeAt(clauseEnd) === 40 &&
    clauseEnd - end < 16 &&
    BRACKET_NEG_AFTER_RE.test(lower.slice(end, end + 30))
  )
    return 'neg';
  const postEnd = Math.min(clauseEnd + 1, end + 40);
  if (mayFollow(lower, end, postEnd)) {
    const post = lower.slice(end, postEnd);
    if (POST_NEG_RE.test(post)) return 'neg';
    if (POST_HEDGE_RE.test(post) && !isQuestionMark(doc, end + post.indexOf('?'))) return 'hedge';
  }
  if (lower.charCodeAt(clauseEnd) === 44 && HEDGE_PHRASE_RE.test(lower.slice(clauseEnd, clauseEnd + 60)))
    return 'hedge';
  return carriedPolarity(doc, clauseStart, at);
}

const CONDITIONAL_BEFORE_RE =
  /\b(?:if|assuming|unless|in\s+case\s+of|in\s+the\s+event\s+of|(?:in\s+)?reserved?\s+for)\b[^,;.:!?]*$/;

/** "assuming the PET confirms…", "if oligometastatic": the fragment at `start` is a condition, not a finding. */
export function conditionalAt(doc: Doc, start: number): boolean {
  const at = clauseIndex(doc, start);
  const from = Math.max(at >= 0 ? (doc.clauses[at] as Span).start : start, start - 60);
  return CONDITIONAL_BEFORE_RE.test(doc.lower.slice(from, start));
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
  /^\s*(?:(?:he|she|they|pt|patient|the\s+patient)\s+)?(?:(no|nil|without|negative\s+for|absence\s+of|free\s+of)|(denies|denied|denying)|(possible|probable|query|suspected|\?))\b/;
const CONTRAST_START_RE = /^\s*(?:but|however|although|though|yet|except|whereas|apart|besides)\b/;
const LIST_END_RE = /\b(?:or|nor)\b/;
const LIST_ITEM_MAX = 48;

/** A clause short enough and without a count to be an item of a comma list. */
function listItem(doc: Doc, i: number): boolean {
  const c = doc.clauses[i] as Span;
  return c.end - c.start <= LIST_ITEM_MAX && !countInItem(doc.lower, c.start, c.end);
}

/** /(?:^|\s)\d/.test(lower.slice(start, end)) without the slice: a digit at the start or after a space. */
function countInItem(lower: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++)
    if (isDigit(lower.charCodeAt(i)) && (i === start || isRegexSpace(lower.charCodeAt(i - 1)))) return true;
  return false;
}

/**
 * A cue at the head of a comma list holds for every item of it: "no ILD, brain mets or effusion",
 * "denies haemoptysis, chest pain or dyspnoea". The list must be closed by "or"/"nor" and every item short and
 * without a count, so "no ILD, haemoptysis" and "no ILD, 2 liver mets" keep their second item asserted.
 */
function carriedPolarity(doc: Doc, clauseStart: number, at: number): Polarity {
  const { lower, clauses } = doc;
  // `at`: the index of the clause starting at clauseStart (-1 for a zero-width one, which carries nothing).
  if (lower.charCodeAt(clauseStart - 1) !== 44) return 'pos';
  if (at <= 0) return 'pos';
  if (!listItem(doc, at)) return 'pos';
  // "denies chest pain, but has haemoptysis": a clause that opens with a contrast is no item of the list.
  const own = clauses[at] as Span;
  if (CONTRAST_START_RE.test(lower.slice(own.start, Math.min(own.end, own.start + 12)))) return 'pos';
  let head: RegExpExecArray | null = null;
  for (let i = at - 1; i >= 0 && i >= at - 8 && !head; i--) {
    const c = clauses[i] as Span;
    head = LIST_HEAD_RE.exec(lower.slice(c.start, c.end));
    if (!head && (!listItem(doc, i) || (i > 0 && lower.charCodeAt(c.start - 1) !== 44))) return 'pos';
  }
  if (!head) return 'pos';
  // "denies cough, haemoptysis": a verb takes the whole list; after "no" the list must be closed by "or".
  if (head[2] !== undefined) return 'neg';
  if (!listClosed(doc, at)) return 'pos';
  return head[1] !== undefined ? 'neg' : 'hedge';
}

/** This clause or a later comma-joined short one holds "or"/"nor". */
function listClosed(doc: Doc, at: number): boolean {
  const { lower, clauses } = doc;
  for (let i = at; i < clauses.length && i < at + 8 && listItem(doc, i); i++) {
    const c = clauses[i] as Span;
    if (LIST_END_RE.test(lower.slice(c.start, c.end))) return true;
    if (lower.charCodeAt(c.end) !== 44) break;
  }
  return false;
}

/**
 * The `lastIndex` to start a global regex scan from: 0, or the end of the text (the scan then finds nothing)
 * when none of the needles occurs. Each needle list must hold a substring of every possible match.
 */
export function scanFrom(doc: Doc, needles: readonly string[]): number {
  return mentions(doc, needles) ? 0 : doc.lower.length;
}
