// Personal names, found only where a cue marks them: a title ("Mr", "Dr."), a role word ("patient",
// "pt:", "wife") or a label ("Name:", "Next of kin:"). The hit spans the cue and the name, so that
// "Dr Li" never makes every later "Li…" a redaction target.
import { isNotNameAfterTitle, isNotNameWord, NAME_PARTICLES } from './lexicon.js';
import { isEnglishWord, isGivenName, isSurname } from './name-lexicon.js';
import { AMBIGUOUS_GIVEN } from './names-context.js';
import type { Candidate } from './types.js';

type CueKind = 'label' | 'title' | 'role';

const SP = '[ \\t\\u00a0]';

const LABELS = [
  '(?:[Pp]atient|PATIENT|[Pp]t|PT|[Ff]ull|[Ff]irst|[Ll]ast|[Gg]iven|[Ff]amily|[Mm]aiden|[Pp]referred)?' +
    `${SP}?(?:[Nn]ame|NAME)[Ss]?`,
  '[Ss]urname|SURNAME|[Ff]orenames?|FORENAMES?',
  `[Nn]ext${SP}of${SP}[Kk]in|NOK|[Ss]igned|[Dd]ictated${SP}by|[Aa]uthor|[Rr]eferrer`,
  `[Rr]eferring${SP}(?:clinician|physician|doctor|consultant)|GP|[Cc]onsultant`,
  `[Cc]ontact${SP}person|[Ee]mergency${SP}contact|[Ss]pouse`,
].join('|');

// "Mx" (management) and "Rev" (review) are left out: in clinical notes they are rarely titles. French, German,
// Spanish, Italian and Dutch titles follow the English ones. Upper-case ("MR OKONKWO") and lower-case ("mr hartley")
// forms are cues too, with stricter rules for the word after them ("MR" and "MS" are also abbreviations).
const TITLES = [
  'Mrs|Mr|Ms|Miss|Dr|Professor|Prof|Sister|Srta|Sra|Sr|Revd|Sir|Dame',
  'Mme|Mlle|Herr|Frau|Dra|Sig\\.ra|Dott\\.ssa|Dott|Mevr|Dhr',
  'MRS|MR|MS|MISS|DR|PROF|MME|HERR|FRAU|SRA',
  'mrs|mr|ms|miss|dr|prof',
].join('|');

const ROLES = [
  '[Pp]atient|[Pp]t|[Cc]lient',
  'wife|husband|partner|son|daughter|mother|father|brother|sister|niece|nephew|grandson|granddaughter',
  'grandmother|grandfather|aunt|uncle|cousin|carer|friend|neighbou?r',
  `[Rr]eferred${SP}by|[Ss]een${SP}by|[Dd]iscussed${SP}with|[Dd]/w|[Cc]are${SP}of`,
].join('|');

const CUE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}'’./-])(?<![\\p{L}\\p{N}]_)(?:(${LABELS})${SP}{0,3}[:–-]|(${TITLES})(?![\\p{L}\\p{N}])|(${ROLES})(?![\\p{L}\\p{N}]))`,
  'gu',
);

// Sticky token patterns, tried at the current position.
// A title or label may be followed by a line break ("Mr\nSmith" pasted from a form); a role word may be followed
// by "is", "was", "named" ("pt is Robert Brown").
const TITLE_SEP = new RegExp(`\\.?${SP}{0,2}\\n${SP}{0,2}|\\.?${SP}{1,2}|\\.`, 'y');
const ROLE_SEP = new RegExp(
  `\\.?${SP}{1,2}(?:is|was|named|called|of)${SP}{1,2}|\\.?${SP}{0,2}[:,–-](?:${SP}|\\n){0,2}|\\.?${SP}{1,2}`,
  'y',
);
const LABEL_SEP = new RegExp(`(?:${SP}|\\n){0,3}`, 'y');
const INITIAL = new RegExp(`\\p{Lu}\\.|\\p{Lu}(?=${SP}{1,2}\\p{Lu})`, 'uy');
const WORD_CAPITALISED =
  /(?:\p{Lu}['’]|[dl]['’])?\p{Lu}\p{Ll}{1,24}(?:\p{Lu}\p{Ll}{1,24})?(?:-(?:\p{Lu}['’])?\p{Lu}\p{Ll}{1,24}){0,2}(?![\p{L}\p{N}])/uy;
const WORD_UPPER = /(?:\p{Lu}['’])?\p{Lu}{2,25}(?:-\p{Lu}{2,25})?(?![\p{L}\p{N}])/uy;
const PARTICLE = new RegExp(`\\p{Ll}{2,5}${SP}{1,2}(?=\\p{L})`, 'uy');
const GAP = new RegExp(`${SP}{1,2}`, 'y');
const COMMA_GAP = new RegExp(`,${SP}{1,2}`, 'y');

const MAX_TOKENS = 6;

function stickyMatch(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : null;
}

const ADJECTIVE_ENDING = /(?:atic|otic|itic|ptic|ive|ous|ing|ally|ised|ized|ated|able|ible|ful|less)$/i;

/** After a role word ("patient", "pt") the first word is often clinical ("Pt Asymptomatic", "pt ECOG 1"): take it
 * only when the name lexicon knows it, or it is neither an English word nor an acronym-like upper-case word. */
function roleNameStart(word: string, upper: boolean): boolean {
  if (isGivenName(word) || isSurname(word)) return true;
  if (isEnglishWord(word) || ADJECTIVE_ENDING.test(word)) return false;
  return !upper || (word.length >= 4 && /[AEIOUY]/.test(word));
}

type Style = 'mixed' | 'upper' | 'lower';

interface Cue {
  kind: CueKind;
  /** The case of a title ("Mr", "MR", "mr"); labels and roles count as mixed. */
  style: Style;
  /** "MR", "MS", "ms", "miss" are also abbreviations or verbs: the word after them must look like a name. */
  strict: boolean;
}

const WORD_LOWER = /\p{Ll}[\p{Ll}'’]{1,24}(?:-\p{Ll}{2,24})?(?![\p{L}\p{N}])/uy;
const VOWEL = /[aeiouyà-ÿ]/i;

/** A lexicon name that is no everyday word ("smith", "john"; not "will", "grace"). */
function lexiconName(word: string): boolean {
  return (isGivenName(word) || isSurname(word)) && !isEnglishWord(word) && !AMBIGUOUS_GIVEN.has(word);
}

/** A lower-case word after a cue ("pt smith", "mr hartley", "Name: okafor"): a lexicon name, or after a title or a
 * label any non-English, non-clinical word of four letters or more. */
function lowerName(word: string, cue: Cue): boolean {
  if (isNotNameWord(word) || isEnglishWord(word) || ADJECTIVE_ENDING.test(word)) return false;
  if (lexiconName(word)) return true;
  if (cue.kind === 'role' || cue.strict) return false;
  return word.length >= 4 && VOWEL.test(word);
}

/** Whether `word` (capitalised or upper-case) continues a name; `first` is true for the word right after the cue. */
function capitalisedName(word: string, upper: boolean, cue: Cue, first: boolean): boolean {
  if (cue.kind === 'title' && cue.style === 'mixed' && !upper) {
    // After a title the clinical stop list does not veto: "Mr Bell", "Dr Ward", "Mrs Laura Smith", "Mr Ivor Lewis".
    if (isNotNameAfterTitle(word)) return false;
    return first || !isNotNameWord(word) || ((isSurname(word) || isGivenName(word)) && !isEnglishWord(word));
  }
  if (isNotNameWord(word)) return false;
  if (!first) return true;
  if (cue.kind === 'role') return roleNameStart(word, upper);
  if (cue.kind === 'title' && (cue.style !== 'mixed' || cue.strict)) {
    const lexicon = isGivenName(word) || isSurname(word);
    return lexicon || (!isEnglishWord(word) && word.length >= 3 && /[AEIOUYaeiouy]/.test(word));
  }
  return true;
}

/** Reads the name after a cue; returns its end offset, or -1 when nothing name-like follows. */
function readName(text: string, at: number, cue: Cue): number {
  let pos = at;
  let end = -1;
  let words = 0;
  let tokens = 0;
  let lastUpper = false;
  let lowerRun = true; // lower-case words continue a name only when every word before was lower-case
  let initialsEnd = -1;
  while (tokens < MAX_TOKENS) {
    let tokenStart = pos;
    for (let i = 0; i < 2; i += 1) {
      const particle = stickyMatch(PARTICLE, text, tokenStart);
      if (particle === null || !NAME_PARTICLES.has(particle.trim())) break;
      tokenStart += particle.length;
    }

    const initial = stickyMatch(INITIAL, text, tokenStart);
    const capitalised = initial === null ? stickyMatch(WORD_CAPITALISED, text, tokenStart) : null;
    const upper = initial === null && capitalised === null ? stickyMatch(WORD_UPPER, text, tokenStart) : null;
    const lower: string | null =
      initial === null && capitalised === null && upper === null && lowerRun
        ? stickyMatch(WORD_LOWER, text, tokenStart)
        : null;
    const word = capitalised ?? upper;

    if (initial !== null) {
      if (tokenStart !== pos) break; // a particle is never followed by an initial
      pos = tokenStart + initial.length;
      initialsEnd = pos;
      tokens += 1;
      lastUpper = false;
      lowerRun = false;
    } else if (word !== null || lower !== null) {
      const ok =
        word !== null
          ? capitalisedName(word, upper !== null, cue, tokens === 0)
          : lowerName(lower as string, cue);
      if (!ok) break;
      pos = tokenStart + (word ?? (lower as string)).length;
      end = pos;
      words += 1;
      tokens += 1;
      lastUpper = upper !== null;
      lowerRun = lower !== null;
    } else {
      break;
    }
    const commaGap = lastUpper && words === 1 ? stickyMatch(COMMA_GAP, text, pos) : null;
    const gap = commaGap ?? stickyMatch(GAP, text, pos);
    if (initial !== null && gap === null) continue; // "J.Smith"
    if (gap === null) break;
    pos += gap.length;
  }
  // "Mr J.S.", "Dr A.": initials alone after a title are the name.
  if (words === 0 && cue.kind === 'title' && cue.style === 'mixed') return initialsEnd;
  return words > 0 ? end : -1;
}

const STRICT_TITLES = new Set(['MR', 'MS', 'ms', 'miss']);

const LABEL_CUE: Cue = { kind: 'label', style: 'mixed', strict: false };
const ROLE_CUE: Cue = { kind: 'role', style: 'mixed', strict: true };
const TITLE_CUES = new Map<string, Cue>(); // one object per title spelling, built on first use

function cueOf(m: RegExpMatchArray): Cue {
  if (m[1] !== undefined) return LABEL_CUE;
  const title = m[2];
  if (title === undefined) return ROLE_CUE;
  let cue = TITLE_CUES.get(title);
  if (cue === undefined) {
    const style: Style =
      title.length > 1 && title === title.toUpperCase()
        ? 'upper'
        : title === title.toLowerCase()
          ? 'lower'
          : 'mixed';
    cue = { kind: 'title', style, strict: STRICT_TITLES.has(title) };
    TITLE_CUES.set(title, cue);
  }
  return cue;
}

// "Mrs Jones, 94, for SBRT", "Mr Smith (93)": a bare number over 89 right after a cued name is the patient's age.
const AGE_AFTER_NAME = new RegExp(
  `(?:,${SP}{0,2}|${SP}?\\(${SP}?)(9\\d|1[01]\\d)(?=${SP}?[,;)]|${SP}*$|${SP}(?:[MF]|y\\/?o|yrs?|years?)(?![\\p{L}]))`,
  'uy',
);

function ageAfterName(text: string, end: number, out: Candidate[]): void {
  AGE_AFTER_NAME.lastIndex = end;
  const m = AGE_AFTER_NAME.exec(text);
  if (m === null) return;
  const stop = end + m[0].length;
  out.push({ kind: 'age-over-89', start: stop - (m[1] ?? '').length, end: stop, priority: 50 });
}

export function detectNames(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(CUE_RE)) {
    const cue = cueOf(m);
    const afterCue = m.index + m[0].length;
    const sepRe = cue.kind === 'label' ? LABEL_SEP : cue.kind === 'title' ? TITLE_SEP : ROLE_SEP;
    const sep = stickyMatch(sepRe, text, afterCue);
    if (sep === null) continue;
    const end = readName(text, afterCue + sep.length, cue);
    if (end <= 0) continue;
    out.push({ kind: 'name', start: m.index, end, priority: 35 });
    ageAfterName(text, end, out);
  }
}
