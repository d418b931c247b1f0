// Pattern detectors for the non-name identifiers. Every pattern is bounded (no unbounded quantifier
// nested inside another, every repetition capped), so matching stays linear in the input length.
import { isMonthToken, isNotNameWord, MONTH_PATTERN, STREET_TYPES, US_STATES } from './lexicon.js';
import type { Candidate, IdentifierKind } from './types.js';

/** Priorities: a labelled number beats an unlabelled pattern over the same characters. */
const PRIORITY = {
  email: 90,
  url: 85,
  labelled: 80,
  ssn: 70,
  ip: 65,
  address: 60,
  date: 55,
  age: 50,
  phone: 45,
  zip: 40,
} as const;

type Sink = Candidate[];

function push(out: Sink, kind: IdentifierKind, start: number, end: number, priority: number): void {
  if (end > start) out.push({ kind, start, end, priority });
}

/** Start and end of capture group `g` (regexes here carry the `d` flag). */
function group(m: RegExpExecArray, g: number): [number, number] | null {
  const span = m.indices?.[g];
  return span ? [span[0], span[1]] : null;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n += 1;
  }
  return n;
}

const SP = '[ \\t\\u00a0]';

// ---------------------------------------------------------------- e-mail, URL, IP

const EMAIL_RE =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?![A-Za-z0-9-])/g;
const TLD_AT_END = /\.[A-Za-z]{2,24}$/;

function detectEmails(text: string, out: Sink): void {
  for (const m of text.matchAll(EMAIL_RE)) {
    let value = m[0];
    while (value.length > 0 && !TLD_AT_END.test(value) && value.includes('.', value.indexOf('@'))) {
      value = value.slice(0, value.lastIndexOf('.'));
    }
    if (TLD_AT_END.test(value)) push(out, 'email', m.index, m.index + value.length, PRIORITY.email);
  }
}

const URL_CHARS = '[^\\s<>"\'`\\[\\]{}|\\\\^]';
// One greedy character class (no nesting), so an unbounded run is still linear and is taken whole.
const URL_RE = new RegExp(`(?<![\\w.+-])(?:(?:https?|ftp)://|www\\.)${URL_CHARS}+`, 'gi');
const BARE_DOMAIN_RE = new RegExp(
  '(?<![\\w@.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,6}' +
    '(?:com|org|net|edu|gov|mil|info|io|health|uk|eu|us|ca|au|de|fr|nl|ie|nz)' +
    `(?![\\w-]|\\.[A-Za-z0-9])(?:/${URL_CHARS}*)?`,
  'gi',
);
const URL_TRAILING = /[.,;:!?)'"]+$/;

function detectUrls(text: string, out: Sink): void {
  for (const re of [URL_RE, BARE_DOMAIN_RE]) {
    for (const m of text.matchAll(re)) {
      const value = m[0].replace(URL_TRAILING, '');
      if (/^(?:(?:https?|ftp):\/\/|www\.)?$/i.test(value)) continue;
      push(out, 'url', m.index, m.index + value.length, PRIORITY.url);
    }
  }
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`(?<![\\d.])(?:${OCTET}\\.){3}${OCTET}(?!\\d|\\.\\d)`, 'g');
const IPV6_RE = /(?<![\w:.])[0-9A-Fa-f:]{3,39}(?![\w:])/g;

function isIpv6(s: string): boolean {
  if (!/\d/.test(s) || s.split(':').length < 3) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length >= 2 && groups.length <= 7 : groups.length === 8;
}

function detectIps(text: string, out: Sink): void {
  for (const m of text.matchAll(IPV4_RE)) push(out, 'ip', m.index, m.index + m[0].length, PRIORITY.ip);
  if (!text.includes('::') && text.split(':', 8).length < 8) return; // IPv6 needs "::" or seven colons
  for (const m of text.matchAll(IPV6_RE)) {
    if (m[0].includes(':') && isIpv6(m[0])) push(out, 'ip', m.index, m.index + m[0].length, PRIORITY.ip);
  }
}

// ---------------------------------------------------------------- SSN, phone

const SSN_RE = /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-]|\.\d)/g;
const SSN_LABELLED_RE = new RegExp(
  `(?<![\\w])(?:SSN|SS#|SS${SP}?No\\.?|social${SP}security(?:${SP}(?:no\\.?|number|#))?)` +
    `${SP}{0,3}[:#-]?${SP}{0,3}(\\d{3}[-. ]?\\d{2}[-. ]?\\d{4})(?![\\w-])`,
  'gid',
);

// "123 45 6789", "123.45.6789" unlabelled: the 3-2-4 grouping with one separator, and an issuable number (no area
// 000, 666 or 9xx, no group 00, no serial 0000) whose serial is neither round ("300 20 1000") nor a year
// ("120 10 2024"), so that doses, counts and dates written in threes rarely qualify.
const SSN_SEPARATED_RE = /(?<![\w.,/-])(\d{3})([ .])(\d{2})\2(\d{4})(?![\w]|[.,/-]\d)/g;

function issuableSsn(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

function detectSsns(text: string, out: Sink): void {
  for (const m of text.matchAll(SSN_RE)) push(out, 'ssn', m.index, m.index + m[0].length, PRIORITY.ssn);
  for (const m of text.matchAll(SSN_SEPARATED_RE)) {
    const serial = m[4] ?? '';
    if (issuableSsn(m[1] ?? '', m[3] ?? '', serial) && !/00$|^(?:19|20)\d\d$/.test(serial))
      push(out, 'ssn', m.index, m.index + m[0].length, PRIORITY.ssn);
  }
  for (const m of text.matchAll(SSN_LABELLED_RE)) {
    const g = group(m, 1);
    if (g) push(out, 'ssn', g[0], g[1], PRIORITY.labelled);
  }
}

const NANP = '(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\)[ .-]?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}';
const UK =
  '(?:\\+44 ?(?:\\(0\\) ?)?|\\(?0)' +
  '(?:\\d{2}\\)? ?\\d{4} ?\\d{4}|\\d{3}\\)? ?\\d{3} ?\\d{4}|\\d{4}\\)? ?\\d{3} ?\\d{3}|\\d{4}\\)? ?\\d{5,6})';
const INTL =
  '\\+[2-9]\\d{0,2}(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{1,4})(?:[ .-]\\d{1,8}){1,5}|\\+[2-9]\\d{7,14}';
const PHONE_TAIL = '(?!\\w|[.-]\\d)';
const PHONE_RE = new RegExp(`(?<![\\w+./-])(?:${NANP}|${UK}|${INTL})${PHONE_TAIL}`, 'g');
const PHONE_LABELLED_RE = new RegExp(
  `(?<![\\w])(?:tel(?:ephone)?|phone|ph|mob(?:ile)?|cell(?:phone)?|fax|pager|contact${SP}(?:no\\.?|number|#))` +
    `\\.?${SP}{0,3}(?:no\\.?|number|#)?${SP}{0,3}[:#=-]?${SP}{0,3}` +
    `(${NANP}|${UK}|${INTL}|(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{3,5}(?:[ .-]?\\d{3,5}){1,3})${PHONE_TAIL}`,
  'gid',
);

function detectPhones(text: string, out: Sink): void {
  for (const m of text.matchAll(PHONE_RE)) {
    const digits = countDigits(m[0]);
    if (digits >= 10 && digits <= 15) push(out, 'phone', m.index, m.index + m[0].length, PRIORITY.phone);
  }
  for (const m of text.matchAll(PHONE_LABELLED_RE)) {
    const g = group(m, 1);
    if (!g) continue;
    const digits = countDigits(text.slice(g[0], g[1]));
    if (digits >= 7 && digits <= 15) push(out, 'phone', g[0], g[1], PRIORITY.labelled);
  }
}

// ---------------------------------------------------------------- record and other identifying numbers

const NUM = `(?:no\\.?|num(?:ber)?|#)`;
const MRN_LABELS = [
  `MRN|MR${SP}?#|MR${SP}?${NUM}|med(?:ical)?\\.?${SP}?rec(?:ord)?s?\\.?(?:${SP}?${NUM})?`,
  `rec(?:ord)?\\.?${SP}?${NUM}|hosp(?:ital)?\\.?${SP}?(?:${NUM}|id)|unit${SP}?${NUM}`,
  `URN|UR${SP}?${NUM}|CHI(?:${SP}?${NUM})?|NHS(?:${SP}?${NUM})?|(?:pt|patient)\\.?${SP}?(?:id|${NUM})|PID|ID`,
  `acc(?:oun)?t\\.?|member${SP}?(?:id|${NUM})|policy${SP}?${NUM}`,
  `(?:insurance|health${SP}?plan|beneficiary)${SP}?(?:id|${NUM})|medicare(?:${SP}?(?:id|${NUM}))?`,
  `medicaid(?:${SP}?(?:id|${NUM}))?|case${SP}?(?:id|${NUM})|encounter${SP}?(?:id|${NUM})`,
  `accession(?:${SP}?${NUM})?|EMPI|CRN|chart${SP}?${NUM}|licen[cs]e${SP}?${NUM}|serial${SP}?${NUM}`,
  `device${SP}?(?:id|serial)|(?:licen[cs]e${SP})?plate(?:${SP}?${NUM})?|VIN|DEA(?:${SP}?${NUM})?|NPI`,
].join('|');
const MRN_CODE =
  '(\\d{2,5}(?: \\d{3,5}){1,3}|[A-Za-z0-9]{1,20}(?:[-/][A-Za-z0-9]{1,20}){0,4})(?![\\w]|[.,]\\d)';
const MRN_RE = new RegExp(
  `(?<![\\w])(?:${MRN_LABELS})(?:${SP}{0,2}${NUM})?${SP}{0,3}[:#=.-]{0,2}${SP}{0,3}(?:#${SP}?)?${MRN_CODE}`,
  'gid',
);
const HASH_NUMBER_RE = /(?<![\w#&])#[ ]?(\d{6,12})(?![\w]|[.,]\d)/dg;
const REGISTRY_ID = /^(?:NCT|ISRCTN|ACTRN|ChiCTR|EudraCT|CTRI|DRKS|JRCT|UMIN)/i;

function detectRecordNumbers(text: string, out: Sink): void {
  for (const m of text.matchAll(MRN_RE)) {
    const g = group(m, 1);
    if (!g) continue;
    const code = text.slice(g[0], g[1]);
    if (code.length < 5 || countDigits(code) < 4 || REGISTRY_ID.test(code)) continue;
    push(out, 'mrn', g[0], g[1], PRIORITY.labelled);
  }
  for (const m of text.matchAll(HASH_NUMBER_RE)) {
    const g = group(m, 1);
    if (g) push(out, 'mrn', g[0], g[1], PRIORITY.labelled);
  }
}

// ---------------------------------------------------------------- dates

const DATE_TAIL = '(?![\\w/]|[.:-]\\d)';
/** A number list followed by a unit ("8-10-12 Gy") is a dose or a schedule, not a date. */
const NOT_UNIT = `(?!${SP}?(?:c?Gy|mg|mcg|mm|cm|fx|fractions?|weeks?|wks?|months?|mo|days?|cycles?|%)(?![\\w]))`;
const NUMERIC_DMY_RE = new RegExp(
  `(?<![\\w/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})${DATE_TAIL}${NOT_UNIT}`,
  'g',
);
// Dotted ISO dates need two-digit month and day, so that versions such as "2026.1.1" stay untouched.
// A four-digit year makes it a date even before "%" ("2024-03-12 %"): no dose or schedule list starts with one.
const NOT_UNIT_NO_PERCENT = `(?!${SP}?(?:c?Gy|mg|mcg|mm|cm|fx|fractions?|weeks?|wks?|months?|mo|days?|cycles?)(?![\\w]))`;
const ISO_RE = new RegExp(
  '(?<![\\w/.-])((?:19|20)\\d{2})(?:([-/])(\\d{1,2})\\2(\\d{1,2})|\\.(\\d{2})\\.(\\d{2}))' +
    '(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?' +
    `(?![\\w/]|[.:-]\\d)${NOT_UNIT_NO_PERCENT}`,
  'g',
);
const NUMERIC_MY_RE = new RegExp(`(?<![\\w/.-])(?:0?[1-9]|1[0-2])[/-](?:19|20)\\d{2}${DATE_TAIL}`, 'g');
const ISO_YM_RE = new RegExp(`(?<![\\w/.-])(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])${DATE_TAIL}`, 'g');
const YEAR = "((?:19|20)\\d{2}|'\\d{2}|\\d{2})";
const DAY_MONTH_RE = new RegExp(
  `(?<![\\w])(\\d{1,2})(st|nd|rd|th)?(?:${SP}?-${SP}?|${SP}{1,2}(?:of${SP}{1,2})?)(${MONTH_PATTERN})\\.?` +
    `(?:(?:,?${SP}{1,2}|[-/])${YEAR}(?![\\w]|[.:-]\\d))?(?![\\w])`,
  'gi',
);
const MONTH_DAY_RE = new RegExp(
  `(?<![\\w])(${MONTH_PATTERN})\\.?${SP}{1,2}(\\d{1,2})(st|nd|rd|th)?(?:,?${SP}{1,2}((?:19|20)\\d{2}))?` +
    `(?![\\w]|[.,:]\\d)${NOT_UNIT}`,
  'gi',
);
const MONTH_YEAR_RE = new RegExp(
  `(?<![\\w])(${MONTH_PATTERN})\\.?(?:,?${SP}{1,2}|-|/)${YEAR}(?![\\w]|[.:/-]\\d)${NOT_UNIT}`,
  'gi',
);
const DOB_RE = new RegExp(
  `(?<![\\w])(?:DOB|D\\.O\\.B\\.?|DOD|date${SP}of${SP}(?:birth|death)|birth${SP}?date|born(?:${SP}on)?)` +
    `${SP}{0,3}[:=-]?${SP}{0,3}(\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{8}|\\d{6})(?![\\w]|[/.-]\\d)`,
  'gid',
);

function validDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function detectDates(text: string, out: Sink): void {
  for (const m of text.matchAll(NUMERIC_DMY_RE)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = m[4] ?? '';
    if (y.length === 4 && !/^(?:19|20)/.test(y)) continue;
    if (validDayMonth(a, b) || validDayMonth(b, a))
      push(out, 'date', m.index, m.index + m[0].length, PRIORITY.date);
  }
  for (const m of text.matchAll(ISO_RE)) {
    if (validDayMonth(Number(m[4] ?? m[6]), Number(m[3] ?? m[5])))
      push(out, 'date', m.index, m.index + m[0].length, PRIORITY.date);
  }
  for (const re of [NUMERIC_MY_RE, ISO_YM_RE]) {
    for (const m of text.matchAll(re)) push(out, 'date', m.index, m.index + m[0].length, PRIORITY.date);
  }
  for (const m of text.matchAll(DAY_MONTH_RE)) {
    const month = m[3] ?? '';
    const day = Number(m[1]);
    if (!isMonthToken(month) || day < 1 || day > 31) continue;
    // "1 May" alone is too often an ordinary word: require a year or an ordinal ("1st May").
    if (month.toLowerCase() === 'may' && m[4] === undefined && m[2] === undefined) continue;
    push(out, 'date', m.index, m.index + m[0].length, PRIORITY.date);
  }
  for (const m of text.matchAll(MONTH_DAY_RE)) {
    const month = m[1] ?? '';
    const day = Number(m[2]);
    if (!isMonthToken(month) || day < 1 || day > 31) continue;
    if (month.toLowerCase() === 'may' && m[4] === undefined && m[3] === undefined) continue;
    push(out, 'date', m.index, m.index + m[0].length, PRIORITY.date);
  }
  for (const m of text.matchAll(MONTH_YEAR_RE)) {
    // "May 30 Gy", "may 12": "may" needs a four-digit or apostrophe year to be a month.
    if ((m[1] ?? '').toLowerCase() === 'may' && (m[2] ?? '').length === 2) continue;
    if (isMonthToken(m[1] ?? '')) push(out, 'date', m.index, m.index + m[0].length, PRIORITY.date);
  }
  for (const m of text.matchAll(DOB_RE)) {
    const g = group(m, 1);
    if (g) push(out, 'date', g[0], g[1], PRIORITY.labelled);
  }
}

// ---------------------------------------------------------------- ages over 89

const AGE_NUMBER = '(?:9\\d|1[01]\\d)';
const AGE_SUFFIX_RE = new RegExp(
  `(?<![\\w.,/])${AGE_NUMBER}(?:${SP}?-?${SP}?(?:[Yy]ears?|[Yy]rs?|YEARS?|YRS?)(?:${SP}?-${SP}?|${SP})(?:old|OLD)` +
    `|${SP}?(?:[Yy]/[Oo]|[Yy]\\.[Oo]\\.?|[Yy][Oo](?:[MFmf])?)|y|[MF]|${SP}(?:[MF]|male|female)` +
    `|${SP}?(?:[Yy]ears?|[Yy]rs?)${SP}of${SP}age|${SP}?(?:[Yy]ears?|[Yy]rs?|YRS?)(?:${SP}old)?)(?![\\w])`,
  'g',
);
const AGE_PREFIX_RE = new RegExp(
  `(?<![\\w])(?:[Aa]ged?|AGED?|[Aa]ge${SP}of)${SP}{0,2}[:=]?${SP}{0,2}${AGE_NUMBER}(?![\\w]|[.,]\\d)`,
  'g',
);
const AGE_WORDS_RE = new RegExp(
  `(?<![\\w])(?:in${SP}(?:his|her|their)${SP}(?:(?:early|mid|late)[ -]?)?(?:90'?s|nineties)|nonagenarian|centenarian)(?![\\w])`,
  'gi',
);

// An age without the word "age": after the patient as subject ("Patient is 92", "pt 93, PS 2", "she was 95 at
// diagnosis") or after a sex letter ("F 92 adeno"). The number must end the phrase (a comma, a stop, a sex word, a
// preposition), so that "pt 95% on air" or "pt 92 kg" stays; only the number is replaced.
const AGE_END = `(?=${SP}?[,;)]|${SP}?\\.(?!\\d)|${SP}*$|${SP}(?:[MF]|male|female|man|woman|and|with|for|but|who|at|in|on|lives|living)(?![\\w]))`;
const AGE_SUBJECT_RE = new RegExp(
  `(?<![\\w])(?:(?:[Pp]atient|[Pp]t|[Hh]e|[Ss]he)(?:${SP}(?:is|was|now|turned|turns))?,?|[Tt]urned|[Tt]urns)${SP}{1,2}(${AGE_NUMBER})(?:${AGE_END}|(?=${SP}(?:last|this|in|on)${SP}))`,
  'gm',
);
const AGE_AFTER_SEX_RE = new RegExp(
  `(?<![\\w.,/-])[MF],?${SP}{1,2}(${AGE_NUMBER})(?![\\w%]|[.,]\\d|${SP}?(?:%|kg|mg|mm|cm|bpm|c?Gy|mmHg|ml)(?![\\w]))`,
  'g',
);

function detectAges(text: string, out: Sink): void {
  for (const re of [AGE_SUFFIX_RE, AGE_PREFIX_RE, AGE_WORDS_RE]) {
    for (const m of text.matchAll(re)) push(out, 'age-over-89', m.index, m.index + m[0].length, PRIORITY.age);
  }
  for (const re of [AGE_SUBJECT_RE, AGE_AFTER_SEX_RE]) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      push(out, 'age-over-89', end - (m[1] ?? '').length, end, PRIORITY.age);
    }
  }
}

// ---------------------------------------------------------------- addresses and postcodes

const UK_POSTCODE = '[A-Z]{1,2}\\d[A-Z\\d]?[ ]?\\d[ABD-HJLNP-UW-Z]{2}';
const ZIP = '\\d{5}(?:-\\d{4})?';
const CAP_WORD = "\\p{Lu}\\p{Ll}[\\p{L}'’-]{0,23}";
const STREET_RE = new RegExp(
  `(?<![\\p{L}\\p{N}./-])(?:(?:Flat|Apt\\.?|Apartment|Unit|Suite)${SP}?#?\\d{1,5}[A-Za-z]?,?${SP}{1,2})?` +
    `\\d{1,6}[A-Za-z]?(?:[-–]\\d{1,6})?,?${SP}{1,2}(?:(?:[NSEW]|North|South|East|West)\\.?${SP}{1,2})?` +
    `(?:\\p{Lu}[\\p{L}'’.-]{0,24}|\\d{1,3}(?:st|nd|rd|th))(?:${SP}{1,2}\\p{Lu}[\\p{L}'’-]{0,24}){0,3}` +
    `${SP}{1,2}(?:${STREET_TYPES})\\.?(?:${SP}(?:NW|NE|SW|SE|[NSEW])\\.?)?(?![\\p{L}\\p{N}])` +
    `(?:,${SP}{0,2}${CAP_WORD}(?:${SP}${CAP_WORD}){0,2}(?:,?${SP}{1,2}(?:(?:${US_STATES})(?:${SP}{1,2}${ZIP})?|${ZIP}|${UK_POSTCODE})(?![\\p{L}\\p{N}])))?`,
  'gu',
);
const PO_BOX_RE = new RegExp(`(?<![\\w])P\\.?${SP}?O\\.?${SP}?Box${SP}{1,2}\\d{1,6}(?![\\w])`, 'gi');
const PLACE_LABEL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[Aa]ddress|ADDRESS|[Aa]ddr\\.?|[Ll]ives${SP}(?:in|at|near)|[Rr]esides${SP}(?:in|at)` +
    `|[Rr]esident${SP}of|[Hh]ome${SP}?town)${SP}{0,3}:?${SP}{0,3}` +
    `((?:\\d{1,6}[A-Za-z]?,?${SP}{1,2})?${CAP_WORD}(?:,?${SP}{1,2}${CAP_WORD}){0,5})`,
  'gdu',
);
const UK_POSTCODE_RE = new RegExp(`(?<![\\w])${UK_POSTCODE}(?![\\w])`, 'g');
const ZIP4_RE = /(?<![\w-])\d{5}-\d{4}(?![\w-]|\.\d)/g;
const STATE_ZIP_RE = new RegExp(`(?<![\\w])(?:${US_STATES})${SP}{1,2}(${ZIP})(?![\\w-]|\\.\\d)`, 'gd');
const ZIP_LABEL_RE = new RegExp(
  `(?<![\\w])(?:zip(?:${SP}?code)?|post${SP}?code|postal${SP}?code)${SP}{0,3}[:#-]?${SP}{0,3}(${ZIP}|${UK_POSTCODE})(?![\\w])`,
  'gid',
);

/** The labelled place, cut before its first clinical or common word ("lives in Leeds With wife"). */
function placeEnd(text: string, start: number, end: number): number {
  const re = /[\p{L}'’-]+/gu;
  const value = text.slice(start, end);
  let last = start;
  for (const w of value.matchAll(re)) {
    if (isNotNameWord(w[0])) break;
    last = start + w.index + w[0].length;
  }
  return last;
}

const STREET_TYPE_RE = new RegExp(`^(?:${STREET_TYPES})$`);

function streetNameIsClinical(match: string): boolean {
  const words = match.split(',')[0]?.match(/\p{Lu}[\p{L}'’-]*/gu) ?? [];
  return words.some(
    (w) => !STREET_TYPE_RE.test(w) && isNotNameWord(w) && !/^(?:North|South|East|West|[NSEW])$/.test(w),
  );
}

/** Length of the shortest prefix of a street match that ends at a street type and passes, or 0. */
function shortestStreet(match: string): number {
  for (const w of match.matchAll(/\p{Lu}[\p{L}'’-]*/gu)) {
    if (w.index === 0 || !STREET_TYPE_RE.test(w[0])) continue;
    const prefix = match.slice(0, w.index + w[0].length);
    if (!streetNameIsClinical(prefix)) return prefix.length;
    return 0;
  }
  return 0;
}

function detectAddresses(text: string, out: Sink): void {
  for (const m of text.matchAll(STREET_RE)) {
    // "6 Minute Walk Test": a street name is never a clinical or common word. The match is greedy, so
    // "42 Elm Street Pt Asymptomatic Dr …" runs on to the "Dr" of a title: then the address is the shortest
    // prefix that ends at a street type and names no clinical word.
    const len = streetNameIsClinical(m[0]) ? shortestStreet(m[0]) : m[0].length;
    if (len > 0) push(out, 'address', m.index, m.index + len, PRIORITY.address);
  }
  for (const m of text.matchAll(PO_BOX_RE))
    push(out, 'address', m.index, m.index + m[0].length, PRIORITY.address);
  for (const m of text.matchAll(PLACE_LABEL_RE)) {
    const g = group(m, 1);
    if (!g) continue;
    const end = placeEnd(text, g[0], g[1]);
    if (end > g[0]) push(out, 'address', g[0], end, PRIORITY.address);
  }
  for (const re of [UK_POSTCODE_RE, ZIP4_RE]) {
    for (const m of text.matchAll(re)) push(out, 'zip', m.index, m.index + m[0].length, PRIORITY.zip);
  }
  for (const re of [STATE_ZIP_RE, ZIP_LABEL_RE]) {
    for (const m of text.matchAll(re)) {
      const g = group(m, 1);
      if (g) push(out, 'zip', g[0], g[1], PRIORITY.zip);
    }
  }
}

/** Runs every non-name detector and appends its candidates to `out`. */
export function detectPatterns(text: string, out: Sink): void {
  // Cheap pre-checks: no "@" means no e-mail address, no "." or ":" no URL or IP address.
  if (text.includes('@')) detectEmails(text, out);
  const dot = text.includes('.');
  if (dot || text.includes(':')) {
    detectUrls(text, out);
    detectIps(text, out);
  }
  detectSsns(text, out);
  detectPhones(text, out);
  detectRecordNumbers(text, out);
  detectDates(text, out);
  detectAges(text, out);
  detectAddresses(text, out);
}
