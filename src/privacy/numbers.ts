// Unlabelled numbers and dates that identify on their shape alone: NHS numbers (modulus-11 check digit),
// record-number-shaped tokens, accession and specimen numbers, compact and Roman-numeral dates, day/month dates,
// birth years implying an age over 89, ages over 89 in words, bed/ward/room numbers. Every pattern is bounded,
// each runs once over the text: linear.
import { MONTH_PATTERN } from './lexicon.js';
import type { Candidate, IdentifierKind } from './types.js';

const P = {
  nhs: 78,
  record: 72,
  compactDate: 57,
  birthYear: 58,
  dayMonth: 54,
  ageWords: 50,
  place: 60,
  digits: 42,
};

function push(out: Candidate[], kind: IdentifierKind, start: number, end: number, priority: number): void {
  if (end > start) out.push({ kind, start, end, priority });
}

/** NHS number check: weights 10..2 over the first nine digits, 11 − (sum mod 11) is the tenth (10 never valid). */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const NHS_RE = /(?<![\w.,/-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w]|[.,/-]\d)/g;
// The same ten digits grouped otherwise ("943 4765 919", "9434 765 919"): accepted on the check digit too.
const NHS_REGROUPED_RE = /(?<![\w.,/-])(\d{3,4})([ -])(\d{3,4})\2(\d{3,4})(?![\w]|[.,/-]\d)/g;
// Registry, literature and sequence-database prefixes whose numbers are public, not personal.
const PUBLIC_PREFIX =
  /^(?:NCT|ISRCTN|ACTRN|ChiCTR|EudraCT|CTRI|DRKS|JRCT|UMIN|PMID|PMC|rs|ENS[A-Z]*|NM|NP|GSE|COSM|HGNC|ORCID)$/i;
const RECORD_RE = /(?<![\w@&/.-])(#\s?)?([A-Za-z]{1,4})(-?)(\d{6,10})(?![\w]|[.,/]\d)/g;
const HASH_RE = /(?<![\w&#])#\s?([A-Za-z]{0,4}\d{5,12}[A-Za-z]?)(?![\w]|[.,]\d)/g;
const LONG_DIGITS_RE = /(?<![\w.,/+-])\d{7,12}(?![\w]|[.,/]\d)/g;
const PUBLIC_LABEL_BEFORE = /(?:PMID|PMCID|doi|NCT|ISRCTN|EudraCT|ISBN|ISSN|trial)[\s:#]*$/i;
const ACCESSION_RE =
  /(?<![\w/.-])(?:[A-Z]{1,3}[ -]?\d{2}[/.:-]\d{3,7}|\d{2}[-/][A-Z]{1,3}[-/]\d{3,7}|[A-Z]{1,3}-\d{2}-\d{3,7})(?:[ -][A-Z]\d{0,2})?(?![\w]|[.,/]\d)/g;

function detectRecords(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(NHS_RE)) {
    if (isNhsNumber(`${m[1]}${m[3]}${m[4]}`)) push(out, 'mrn', m.index, m.index + m[0].length, P.nhs);
  }
  for (const m of text.matchAll(NHS_REGROUPED_RE)) {
    const digits = `${m[1]}${m[3]}${m[4]}`;
    if (isNhsNumber(digits)) push(out, 'mrn', m.index, m.index + m[0].length, P.nhs);
  }
  for (const m of text.matchAll(RECORD_RE)) {
    if (PUBLIC_PREFIX.test(m[2] ?? '')) continue;
    push(out, 'mrn', m.index, m.index + m[0].length, P.record);
  }
  for (const m of text.matchAll(HASH_RE)) push(out, 'mrn', m.index, m.index + m[0].length, P.record);
  for (const m of text.matchAll(LONG_DIGITS_RE)) {
    if (PUBLIC_LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    push(out, 'mrn', m.index, m.index + m[0].length, P.digits);
  }
  for (const m of text.matchAll(ACCESSION_RE)) {
    // "MRI 03/2024", "CT 11/2025": a test and its month, not an accession number (the date detector takes it).
    if (MONTH_YEAR_TAIL_RE.test(m[0])) continue;
    push(out, 'mrn', m.index, m.index + m[0].length, P.record);
  }
}
const MONTH_YEAR_TAIL_RE = /^[A-Z]{1,3}[ -]?(?:0[1-9]|1[0-2])[/.-](?:19|20)\d\d$/;

// ---------------------------------------------------------------- dates without separators or with Roman months

const COMPACT_MONTH_RE = new RegExp(
  `(?<![\\w/.-])(\\d{1,2})[ -]?(${MONTH_PATTERN})[ -]?(\\d{4}|\\d{2})(?![\\w])`,
  'gi',
);
const EIGHT_DIGITS_RE = /(?<![\w.,/-])(\d{8})(?![\w]|[.,/-]\d)/g;
const ROMAN_MONTH = '(?:iii|ii|iv|ix|i|viii|vii|vi|v|xii|xi|x)';
const ROMAN_RE = new RegExp(
  `(?<![\\w/.])(\\d{1,2})([./ -])(${ROMAN_MONTH})\\2(\\d{4}|\\d{2})(?![\\w])`,
  'gi',
);

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1880 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function detectCompactDates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(COMPACT_MONTH_RE)) {
    const day = Number(m[1]);
    if (day >= 1 && day <= 31) push(out, 'date', m.index, m.index + m[0].length, P.compactDate);
  }
  for (const m of text.matchAll(EIGHT_DIGITS_RE)) {
    const s = m[1] ?? '';
    const ymd = validDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6)));
    const dmy = validDate(Number(s.slice(4)), Number(s.slice(2, 4)), Number(s.slice(0, 2)));
    if (ymd || dmy) push(out, 'date', m.index, m.index + s.length, P.compactDate);
  }
  for (const m of text.matchAll(ROMAN_RE)) {
    // "3 x 15 Gy" is a dose: with spaces, only an upper-case month other than X counts ("3 III 61").
    if (m[2] === ' ' && (m[3] !== (m[3] ?? '').toUpperCase() || m[3]?.toUpperCase() === 'X')) continue;
    const day = Number(m[1]);
    if (day >= 1 && day <= 31) push(out, 'date', m.index, m.index + m[0].length, P.compactDate);
  }
}

// ---------------------------------------------------------------- day/month alone ("14/2", "12/03")

const DAY_MONTH_NUMERIC_RE =
  /(?<![\w/.:-])(\d{1,2})\/(\d{1,2})(?![\w/%]|[.,:-]\d|\s?(?:c?Gy|mg|mcg|mm|cm|fx|fractions?|weeks?|wks?|months?|mo|days?|cycles?|lesions?|nodes?|sites?|mets?|of|ago|%)\b)/g;
/** Words after which "3/12" is a date, not "three months". */
const DATE_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:on|dated?|seen|clinic|from|since|until|till|by|dob|d\.o\.b\.?|born|ct|pet|pet-ct|mri|scan|mdt|review|reviewed|biopsy|bronchoscopy|ebus|admitted|discharged|started|commenced|stopped|completed|appointment|appt|letter|cxr|echo|bloods|surgery)[\s:,(]{1,3}$/iu;

// "CT on 22.10", "PET 3.10": a dotted day.month is a decimal unless a cue word comes right before it.
const DOTTED_DAY_MONTH_RE =
  /(?<![\w/.:,-])(\d{1,2})\.(\d{1,2})(?![\w/%]|[.,:-]?\d|\s?(?:c?Gy|mg|mm|cm|ml|kg|%)\b)/g;

function detectDayMonth(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(DOTTED_DAY_MONTH_RE)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    if (DATE_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)))
      push(out, 'date', m.index, m.index + m[0].length, P.dayMonth);
  }
  for (const m of text.matchAll(DAY_MONTH_NUMERIC_RE)) {
    const a = m[1] ?? '';
    const b = m[2] ?? '';
    const x = Number(a);
    const y = Number(b);
    const dm = x >= 1 && x <= 31 && y >= 1 && y <= 12;
    const md = x >= 1 && x <= 12 && y >= 1 && y <= 31;
    if (!dm && !md) continue;
    // "3/12", "8/10", "2/3": months, scores and fractions unless a word before says it is a date.
    const ambiguous = (a.length === 1 && b.length === 1) || (x <= y && (y === 7 || y === 10 || y === 12));
    if (ambiguous && !DATE_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    push(out, 'date', m.index, m.index + m[0].length, P.dayMonth);
  }
}

// ---------------------------------------------------------------- ages over 89: birth years and words

const BIRTH_YEAR_RE =
  /(?<![\w])(?:born(?:\s(?:in|on))?|b\.|YOB|year\sof\sbirth|birth\s?year|DOB|D\.O\.B\.?|d\.o\.b\.?)[\s:=(-]{0,3}((?:18|19|20)\d{2})(?![\w]|[/.-]\d)/gi;

const UNIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
const TEEN_WORDS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const AGE_WORD = `(?:ninety(?:[- ](?:${UNIT_WORDS}))?|(?:one|a)[- ]hundred(?:(?:[- ]and)?[- ](?:${TEEN_WORDS}|${UNIT_WORDS}))?)`;
const AGE_WORDS_RE = new RegExp(
  `(?<![\\w-])(?:(?:aged?:?|is|turned|turns|now)\\s)?${AGE_WORD}(?:(?:[- ](?:years?|yrs?)(?:[- ](?:old|of\\sage))?)|(?:[- ]year[- ]old))?(?![\\w-])`,
  'gi',
);
const AGE_WORD_CONTEXT = /^(?:aged?:?|is|turned|turns|now)\s|years?|yrs?/i;

function detectAgesAndBirthYears(text: string, referenceYear: number, out: Candidate[]): void {
  for (const m of text.matchAll(BIRTH_YEAR_RE)) {
    const year = Number(m[1]);
    const start = m.index + m[0].length - (m[1] ?? '').length;
    if (referenceYear - year >= 90) push(out, 'age-over-89', start, m.index + m[0].length, P.birthYear);
  }
  for (const m of text.matchAll(AGE_WORDS_RE)) {
    // "ninety percent" is not an age: a word before or after must say it is.
    if (AGE_WORD_CONTEXT.test(m[0]) || /\s(?:years?|yrs?)|year-old/i.test(m[0]))
      push(out, 'age-over-89', m.index, m.index + m[0].length, P.ageWords);
  }
}

// ---------------------------------------------------------------- bed, bay, ward, room
// A unit after the number makes it a value ("BED 100 Gy", "BED 72 Gy10", "14 days"); a "%" does not: no clinical phrase puts
// a percentage straight after one of these words, and "Bed 14 %0" once escaped the guard through a "%\b" test.

const PLACE_NUMBER = '(?:\\d{1,4}[A-Za-z]?|[A-Za-z]\\d{1,3}[A-Za-z]?)';
const BED_WARD_RE = new RegExp(
  `(?<![\\w])(?:side[ -]room|room|rm|bed|bay|ward|cubicle)(?:\\.?[ ](?:no\\.?|number|#)?|[ ]?#|\\.?[ ]?(?:no\\.?|number))[ :]{0,2}${PLACE_NUMBER}` +
    `(?:,?[ ](?:bed|bay|room)[ ]?${PLACE_NUMBER})?(?![\\w]|[.,]\\d|\\s?(?:days?|weeks?|c?Gy\\d{0,2}|mg|ml)\\b)`,
  'gi',
);

// "BED 151", "EQD2 70, BED 84", "54 Gy/3 gives bed 151": a biologically effective dose, never a bed. Upper-case
// "BED" before a bare number is the dose; so is a "bed" of 40 or more with a dose word in the 40 characters before
// it (bed numbers in a bay are small; "May 30 Gy. Bed 14" is still a bed).
const DOSE_BED_RE = /^BED[ :]{0,2}\d/;
const DOSE_WORD_BEFORE_RE = /(?:\bc?Gy|\bEQD2|\bBED|\bSABR|\bSBRT|\bfractions?|\bfx)\b/i;

function detectBedWard(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(BED_WARD_RE)) {
    if (/^bed/i.test(m[0])) {
      if (DOSE_BED_RE.test(m[0])) continue;
      const value = Number(/\d+/.exec(m[0])?.[0] ?? '0');
      if (value >= 40 && DOSE_WORD_BEFORE_RE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    }
    push(out, 'address', m.index, m.index + m[0].length, P.place);
  }
}

/** Runs every shape-based number and date detector. */
export function detectNumbers(text: string, referenceYear: number, out: Candidate[]): void {
  detectRecords(text, out);
  detectCompactDates(text, out);
  detectDayMonth(text, out);
  detectAgesAndBirthYears(text, referenceYear, out);
  detectBedWard(text, out);
}
