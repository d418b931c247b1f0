// Personal names, found only where a cue marks them: a title ("Mr", "Dr."), a role word ("patient",
// "pt:", "wife") or a label ("Name:", "Next of kin:"). The hit spans the cue and the name, so that
// "Dr Li" never makes every later "Li…" a redaction target.
import { isNotNameWord, NAME_PARTICLES } from './lexicon.js';
import { isEnglishWord, isGivenName, isSurname } from './name-lexicon.js';
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

// "Mx" (management) and "Rev" (review) are left out: in clinical notes they are rarely titles.
const TITLES = 'Mrs|Mr|Ms|Miss|Dr|Professor|Prof|Sister|Sr|Revd|Sir|Dame';

const ROLES = [
  '[Pp]atient|[Pp]t|[Cc]lient',
  'wife|husband|partner|son|daughter|mother|father|brother|sister|niece|nephew|grandson|granddaughter',
  'grandmother|grandfather|aunt|uncle|cousin|carer|friend|neighbou?r',
  `[Rr]eferred${SP}by|[Ss]een${SP}by|[Dd]iscussed${SP}with|[Dd]/w|[Cc]are${SP}of`,
].join('|');

const CUE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_'’./-])(?:(${LABELS})${SP}{0,3}[:–-]|(${TITLES})(?![\\p{L}\\p{N}])|(${ROLES})(?![\\p{L}\\p{N}]))`,
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
  /(?:\p{Lu}['’])?\p{Lu}\p{Ll}{1,24}(?:\p{Lu}\p{Ll}{1,24})?(?:-(?:\p{Lu}['’])?\p{Lu}\p{Ll}{1,24}){0,2}(?![\p{L}\p{N}])/uy;
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

/** Reads the name after a cue; returns its end offset, or -1 when nothing name-like follows. */
function readName(text: string, at: number, cue: CueKind): number {
  let pos = at;
  let end = -1;
  let words = 0;
  let tokens = 0;
  let lastUpper = false;
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
    const word = capitalised ?? upper;

    if (initial !== null) {
      if (tokenStart !== pos) break; // a particle is never followed by an initial
      pos = tokenStart + initial.length;
      tokens += 1;
      lastUpper = false;
    } else if (word !== null) {
      if (isNotNameWord(word)) break;
      if (cue === 'role' && tokens === 0 && !roleNameStart(word, upper !== null)) break;
      pos = tokenStart + word.length;
      end = pos;
      words += 1;
      tokens += 1;
      lastUpper = upper !== null;
    } else {
      break;
    }
    const commaGap = lastUpper && words === 1 ? stickyMatch(COMMA_GAP, text, pos) : null;
    const gap = commaGap ?? stickyMatch(GAP, text, pos);
    if (initial !== null && gap === null) continue; // "J.Smith"
    if (gap === null) break;
    pos += gap.length;
  }
  return words > 0 ? end : -1;
}

export function detectNames(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(CUE_RE)) {
    const cue: CueKind = m[1] !== undefined ? 'label' : m[2] !== undefined ? 'title' : 'role';
    const afterCue = m.index + m[0].length;
    const sepRe = cue === 'label' ? LABEL_SEP : cue === 'title' ? TITLE_SEP : ROLE_SEP;
    const sep = stickyMatch(sepRe, text, afterCue);
    if (sep === null) continue;
    const end = readName(text, afterCue + sep.length, cue);
    if (end > 0) out.push({ kind: 'name', start: m.index, end, priority: 35 });
  }
}
