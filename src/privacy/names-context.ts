// Personal names without a title or label, recognised from their shape and their neighbours: a given name from
// the name lexicon followed by a surname ("John Smith"), "Smith, John", "SMITH John", capitalised words right
// before an age/sex token ("Kowalczyk 74F") or next to a detected identifier ("Entwistle (NHS …)"), and initials
// beside a date of birth. One pass over the words, one over the age/sex tokens and one over the hits: linear.
import { isNotNameWord } from './lexicon.js';
import { isEnglishWord, isGivenName, isSurname } from './name-lexicon.js';
import type { Candidate } from './types.js';

interface Token {
  start: number;
  end: number;
  word: string;
  cap: boolean;
  upper: boolean;
  initial: boolean;
  nameish: boolean;
}

// Whole words only (the "M" of "92M" or "M1b" is not a word, nor the "RO" of "ROS1": no backing off into a word), and only those the rules can use: words that
// start upper-case, and the few lower-case labels and articles that may stand between a name and its neighbour.
const WORD_RE =
  /(?<![\p{L}\p{N}\p{M}])(?:\p{Lu}|(?:mrn|nhs|dob|d|o|b|born|hosp|hospital|no|number|id|ref|unit|record|tel|chi|ur|urn|pid|an?)(?![\p{L}\p{M}'’-]))[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*){0,3}(?![\p{L}\p{M}\p{N}'’])/gu;
const CAP_RE = /^(?:\p{Lu}['’])?\p{Lu}\p{Ll}/u;
const UPPER_RE = /^[\p{Lu}'’-]+$/u;
const VOWEL_RE = /[AEIOUYaeiouy]/;
const PRIORITY = 34;
const MAX_NAME_WORDS = 4;

/** Given names that are also everyday words: they need a surname-like neighbour to count. */
export const AMBIGUOUS_GIVEN: ReadonlySet<string> = new Set(
  `mark grace hope faith will may june april august rose iris ruby dawn summer pat bill sue art don ray gene jean
  penny chase carol joy sunny amber crystal destiny sky autumn miles guy norman frank victor laura aura alex grant
  lance pierce wade drew jack skip spike chuck nick rob stew buck foster blaze blossom peg marshal mack job major
  duke king prince rich rusty sterling price sandy lily daisy heather holly ivy jade pearl violet angel honey
  shelby kendall marion max min bell austin`.split(/\s+/),
);

function stopWord(word: string): boolean {
  if (isNotNameWord(word)) return true;
  return word.includes('-') && word.split('-').some((part) => isNotNameWord(part));
}

/** Label words that may stand between a name and its identifier ("Smith MRN 123", "JS DOB 12/03/61"). */
const LABEL =
  /^(?:mrn|nhs|dob|d|o|b|born|hosp|hospital|no|number|id|ref|unit|record|tel|dob:|chi|ur|urn|pid)$/i;

type Shape = Pick<Token, 'cap' | 'upper' | 'initial' | 'nameish'>;

function shapeOf(word: string): Shape {
  const cap = CAP_RE.test(word);
  const upper = !cap && word.length >= 2 && UPPER_RE.test(word);
  const initial = word.length === 1 && /\p{Lu}/u.test(word);
  return { cap, upper, initial, nameish: (cap || upper) && !stopWord(word) };
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const shapes = new Map<string, Shape>(); // repeated words are classified once
  for (const m of text.matchAll(WORD_RE)) {
    const word = m[0];
    let shape = shapes.get(word);
    if (shape === undefined) {
      shape = shapeOf(word);
      shapes.set(word, shape);
    }
    const { cap, upper, initial, nameish } = shape;
    tokens.push({ start: m.index, end: m.index + word.length, word, cap, upper, initial, nameish });
  }
  return tokens;
}

/** The characters between two positions, or a marker when there are too many to be a separator (keeps it linear). */
function between(text: string, from: number, to: number): string {
  return to - from > 6 ? '\u0000far' : text.slice(from, to);
}
const gap = (text: string, a: Token, b: Token) => between(text, a.end, b.start);
const SPACES = /^ {1,2}$/;
const COMMA = /^, {0,2}$/;

function firstPart(word: string): string {
  const dash = word.indexOf('-');
  return dash < 0 ? word : word.slice(0, dash);
}

function given(t: Token): boolean {
  return t.nameish && isGivenName(firstPart(t.word));
}

/** A given name that the stop list holds for a trial or a sign ("Laura", "Alex", "Destiny"): a name only when a
 * name word follows it ("Laura Smith, 64F"). */
function stopListedGiven(t: Token): boolean {
  if (!t.cap || t.nameish || isEnglishWord(t.word)) return false;
  return isGivenName(t.word) || AMBIGUOUS_GIVEN.has(t.word.toLowerCase());
}

/** A word that can follow a given name as its surname. */
function surnameAfter(first: Token, t: Token | undefined): boolean {
  if (t === undefined || !t.nameish) return false;
  if (!AMBIGUOUS_GIVEN.has(first.word.toLowerCase())) return true;
  return isSurname(t.word) || (!isEnglishWord(t.word) && !isGivenName(t.word));
}

/** "UPPER" words need a vowel and three letters to be a surname rather than an acronym, unless the lexicon knows them. */
function upperSurname(t: Token): boolean {
  return t.upper && t.nameish && (isSurname(t.word) || (t.word.length >= 3 && VOWEL_RE.test(t.word)));
}

// Clinical word shapes: procedures and tests ("Lobectomy", "Echocardiogram", "Pleurodesis"), smoking status
// ("Ex-smoker"); past-tense and -ing verbs ("Progressed", "Unchanged", "Staging") when English or long, so that
// "Reed", "Javed", "Fleming" beside an age are still surnames.
const PROCEDURE_SHAPE =
  /(?:ectomy|otomy|ostomy|oscopy|plasty|pexy|gram|graphy|osis|esis|lysis)$|^(?:ex|non|never)-?smok/i;

function clinicalShape(word: string): boolean {
  if (PROCEDURE_SHAPE.test(word)) return true;
  if (/[^e]ed$/i.test(word)) return isEnglishWord(word) || word.length >= 7;
  return /ing$/i.test(word) && isEnglishWord(word);
}

/** A single capitalised word beside a date or an age/sex token is a surname unless it is clinical in shape
 * ("Kowalczyk 74F", "Brown 72F"; not "Lobectomy 03/2019", "CT 03/2024 Increased", "Retired 70M"). Runs of two
 * or more words are taken as they are. */
function plausibleRun(tokens: Token[], from: number, to: number): boolean {
  if (from !== to) return true;
  const t = tokens[from];
  if (t === undefined || t.initial || t.upper) return true;
  const word = t.word.replace(/['’]s$/, '');
  if (isGivenName(firstPart(word)) || isSurname(firstPart(word))) return true;
  return !clinicalShape(word);
}

function emitBeside(out: Candidate[], tokens: Token[], from: number, to: number): void {
  if (plausibleRun(tokens, from, to)) emit(out, tokens, from, to);
}

function emit(out: Candidate[], tokens: Token[], from: number, to: number): void {
  const a = tokens[from];
  const b = tokens[to];
  if (a && b) out.push({ kind: 'name', start: a.start, end: b.end, priority: PRIORITY });
}

/** Extends a name forward over further name words or initials separated by single spaces. */
function extend(text: string, tokens: Token[], j: number): number {
  let end = j;
  while (end - j < MAX_NAME_WORDS - 1) {
    const next = tokens[end + 1];
    const cur = tokens[end];
    if (!next || !cur || !(next.nameish || next.initial) || !/^\.? {1,2}$|^\.$/.test(gap(text, cur, next)))
      break;
    if (next.initial && !tokens[end + 2]?.nameish) break;
    end += 1;
  }
  return end;
}

function pairRules(text: string, tokens: Token[], out: Candidate[]): void {
  for (let i = 0; i < tokens.length - 1; i += 1) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1] as Token;
    const g = gap(text, a, b);
    if (SPACES.test(g)) {
      const fullName = (given(a) && a.cap && surnameAfter(a, b)) || (given(a) && a.upper && upperSurname(b));
      const upperFirst = upperSurname(a) && b.cap && (isGivenName(firstPart(b.word)) || isSurname(a.word));
      const lexSurname =
        a.nameish &&
        a.cap &&
        b.nameish &&
        b.cap &&
        !isEnglishWord(a.word) &&
        (isSurname(b.word) || (isGivenName(b.word) && !AMBIGUOUS_GIVEN.has(b.word.toLowerCase())));
      const stopGiven =
        stopListedGiven(a) && b.nameish && b.cap && isSurname(b.word) && !isEnglishWord(b.word);
      if (fullName || upperFirst || lexSurname || stopGiven) {
        emit(out, tokens, i, extend(text, tokens, i + 1));
        continue;
      }
    }
    if (COMMA.test(g) && a.nameish && (a.cap || a.upper)) {
      const givenAfter = (b.cap || b.upper) && given(b);
      const initialAfter = b.initial && /^\.?(?![\p{L}])/u.test(text.slice(b.end, b.end + 1));
      if (givenAfter || initialAfter || (isSurname(a.word) && b.nameish && b.cap)) {
        emit(out, tokens, i, b.initial ? i + 1 : extend(text, tokens, i + 1));
      }
    }
  }
}

// Age/sex tokens: "62M", "71 F", "66yo", "74 y/o", "(67, F)", "59-year-old", "66, F", "aged 70".
const AGE_SEX_RE =
  /(?<![\w.])(?:\(\s?\d{1,3},?\s?[MFmf]\s?\)|\d{1,3}\s?(?:[MF]|y\.?o\.?|y\/o|yrs?|years?(?:[- ]old)?)(?:\s?[MF])?|\d{1,3}-year-old|\d{1,3},\s?(?:[MF]|male|female|man|woman)|aged?\s\d{1,3})(?![\w])/g;

/** Index of the last token ending at or before `pos` (tokens are sorted; `hint` is where to resume). */
function lastTokenBefore(tokens: Token[], pos: number, hint: number): number {
  let i = hint;
  while (i + 1 < tokens.length && (tokens[i + 1] as Token).end <= pos) i += 1;
  return i < tokens.length && (tokens[i] as Token).end <= pos ? i : -1;
}

/** Walks back from token `i` over up to four name words (and "Surname, Given"); returns the first index or -1. */
function nameRunBack(text: string, tokens: Token[], i: number, allowInitials: boolean): number {
  let first = -1;
  for (let k = i; k >= 0 && i - k < MAX_NAME_WORDS; k -= 1) {
    const t = tokens[k] as Token;
    const ok =
      t.nameish ||
      (k < i && stopListedGiven(t) && (tokens[k + 1] as Token).nameish) ||
      (allowInitials && (t.initial || (t.upper && t.word.length <= 3 && !stopWord(t.word))));
    if (!ok) break;
    first = k;
    const prev = tokens[k - 1];
    if (!prev || !/^(?:\.? {1,2}|, ?|\.)$/.test(gap(text, prev, t))) break;
  }
  return first;
}

function besideAgeSex(text: string, tokens: Token[], out: Candidate[]): void {
  let hint = 0;
  for (const m of text.matchAll(AGE_SEX_RE)) {
    let i = lastTokenBefore(tokens, m.index, hint);
    if (i < 0) continue;
    hint = i;
    // "Olusegun MacLeod (a 63-year-old woman)": step over the article.
    if (/^an?$/.test((tokens[i] as Token).word) && i > 0) i -= 1;
    const t = tokens[i] as Token;
    if (
      !/^[ ,(:-]{1,3}$/.test(
        between(
          text,
          t.end,
          tokens[i + 1] &&
            /^an?$/.test((tokens[i + 1] as Token).word) &&
            (tokens[i + 1] as Token).end <= m.index
            ? (tokens[i + 1] as Token).start
            : m.index,
        ),
      )
    )
      continue;
    // "Smith J, 62M": initials may be part of the run, but a name word must be too.
    const first = nameRunBack(text, tokens, i, true);
    if (first >= 0 && hasNameWord(tokens, first, i)) emitBeside(out, tokens, first, i);
  }
}

function hasNameWord(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k += 1) if ((tokens[k] as Token).nameish) return true;
  return false;
}

/** An upper-case word the surname lexicon knows is a name even alone ("For discussion - WILLIAMS: ECOG 1"). */
function knownUpperSurnames(tokens: Token[], out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.upper && t.nameish && t.word.length >= 4 && isSurname(t.word) && !isEnglishWord(t.word))
      emit(out, tokens, i, i);
  }
}

/** Identifiers whose neighbouring capitalised words are taken as the patient's name. */
const NEIGHBOUR_KINDS = new Set(['mrn', 'date', 'phone', 'email', 'ssn', 'age-over-89']);

function besideIdentifiers(
  text: string,
  tokens: Token[],
  hits: readonly Candidate[],
  out: Candidate[],
): void {
  let hint = 0;
  let fwd = 0;
  for (const h of hits) {
    if (!NEIGHBOUR_KINDS.has(h.kind)) continue;
    // Backwards: skip label words, then take a run of name words or initials.
    let i = lastTokenBefore(tokens, h.start, hint);
    if (i >= 0) hint = i;
    let pos = h.start;
    for (let skipped = 0; skipped < 3 && i >= 0; skipped += 1) {
      const t = tokens[i] as Token;
      if (!LABEL.test(t.word) || !/^[\s.:#(]{0,3}$/.test(between(text, t.end, pos))) break;
      pos = t.start;
      i -= 1;
    }
    if (i >= 0 && /^\.?[ ,(:#-]{1,4}$/.test(between(text, (tokens[i] as Token).end, pos))) {
      const first = nameRunBack(text, tokens, i, h.kind === 'date' || pos !== h.start);
      // A lone initial ("K MRN 123") is too weak; two letters ("JS", "J.S.") or a name word are not.
      const a = tokens[first];
      const lone = first === i && a !== undefined && a.initial;
      if (first >= 0 && !lone) emitBeside(out, tokens, first, i);
    }
    // Forwards: "MRN 1234567 Smith", "#A123456 - Smith -".
    while (fwd < tokens.length && (tokens[fwd] as Token).start < h.end) fwd += 1;
    let next = tokens[fwd];
    if (next && LABEL.test(next.word)) next = undefined;
    if (next?.nameish && /^[ ,):-]{1,4}$/.test(between(text, h.end, next.start)))
      emitBeside(out, tokens, fwd, extend(text, tokens, fwd));
  }
}

/** Appends name candidates found from shape and neighbours; `hits` are the other detectors' merged results. */
export function detectContextNames(text: string, hits: readonly Candidate[], out: Candidate[]): void {
  const tokens = tokenise(text);
  pairRules(text, tokens, out);
  knownUpperSurnames(tokens, out);
  besideAgeSex(text, tokens, out);
  besideIdentifiers(text, tokens, hits, out);
}
