// Numeric scores: ECOG/WHO PS, Karnofsky, PD-L1 TPS and life expectancy.
import type { Doc } from './doc.js';
import { matchAll, polarity } from './doc.js';
import { hypotheticalAt } from './extract-driver.js';
import { justBelow, NUMBER_WORD_VALUES, wordValue } from './number-words.js';
import type { Sink } from './sink.js';
import { T } from './vocabulary.js';

const DIGIT_WORDS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4 };

// The verbs of a performance status told as a change, shared by ECOG and Karnofsky: "deteriorated to 3",
// "KPS 90, declined to 70" (TREND_TO) and "went from 1 to 3" (TREND_FROM).
const TREND_TO = String.raw`(?:deteriorat\w*|declin\w*|worsen\w*|dropp\w*|fell|fallen|improv\w*|increas\w*|decreas\w*|down|up|went|gone|moving|progress\w*)`;
const TREND_FROM =
  '(?:went|gone|changed|deteriorated|declined|worsened|dropped|fallen|fell|improved|increased|decreased|moved|progressed)';

const ECOG_RE =
  /\b(?:(?:ecog|ecgo|eocg|ecig)(?:\s+performance\s+status|[\s-]?ps)?|who[\s-]?ps|who\s+performance\s+status|(?:performance|perfomance|preformance|perf\.?)\s+status|performance\s+score|zubrod|ps)\s*(?:\(\s*(?:ecog|who|zubrod|ps)\s*\)\s*)?(?:score\s*)?(?:[:=-]|of|is|was|now|(?:has\s+)?(?:deteriorated|declined|worsened|dropped|fallen|improved)\s+to)?\s*([0-4]|zero|one|two|three|four)(?:(?:\s*\([a-z .]{1,24}\))?(?:\s?[-/]\s?|\s+(?:to|or)\s+|\s*(?:vs\.?|versus)\s*)([0-4]|zero|one|two|three|four)(?!\s*(?:x\s*)?(?:bone|liver|brain|adrenal|lung|pleural|nodal|nodes?|mets?\b|metastas|lesions?|deposits?|sites?|cm|mm|cycles?|months?|weeks?)))?(?!\d|\.\d|\s*%)/g;
// "WHO 1", "WHO 2-3" only in capitals: "who" is a pronoun.
const WHO_RE = /\bWHO\s*[:=]?\s*([0-4])(?:(?:\s?[-/]\s?|\s+(?:to|or)\s+)([0-4])(?![\d.]|\s*%))?(?!\d|\.\d)/g;
// "KPS seventy", "Karnofsky one hundred": a score in words (a multiple of ten; "sixty-five" is none).
const KPS_VALUE = String.raw`(\d{2,3}|(?:(?:one|a)\s+)?hundred\b|(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b(?![\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b))`;
const KPS_WORD_VALUES: Readonly<Record<string, number>> = {
  ten: 10,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const KPS_RE = new RegExp(
  String.raw`\b(?:kps|k[ae]rn[a-z]{4,6}(?:\s+performance\s+(?:status|score)|\s+ps|\s+score)?)(?:[\s-]+index)?\s*(?:[:=]|of|is|was|now|currently|today)?\s*${KPS_VALUE}\s*(?:%|percent\b)?`,
  'g',
);
// "KPS 90 -> 70", "KPS 90, now 70", "KPS 90, declined to 70": today's value is the last one.
const KPS_TREND_AFTER_RE = new RegExp(
  String.raw`^\s*(?:→|->|=>|⇒|➡|,?\s*(?:but\s+)?(?:now|currently|today)|,?\s*(?:now\s+)?${TREND_TO}\s+to)\s*(?:kps\s*)?${KPS_VALUE}(?!\d|\s*(?:days?|d\b|weeks?|wks?|months?|mg|years?|yrs?|cm|mm|kg))\s*%?`,
);
// "KPS declined from 90 to 70".
const KPS_FROM_TO_RE = new RegExp(
  String.raw`\b(?:kps|k[ae]rn[a-z]{4,6})\s+(?:has\s+|had\s+)?(?:${TREND_FROM}\s+)?from\s+${KPS_VALUE}\s*%?\s+to\s+${KPS_VALUE}\s*%?`,
  'g',
);
// "PD-L1", "PDL1", "PDL-1" (a common slip), "TPS".
const PDL1_RE = /\b(?:pd[\s-]?l[\s-]?1|tps)\b/g;
// Bounds: "<1%" is negative (0); "<5%", "below 50%" are no score; "≥50%", ">50%" read as the bound.
const PDL1_BOUND = String.raw`(<=?|>=?|≤|≥|less\s+than|lower\s+than|below|under|greater\s+than|higher\s+than|more\s+than|above|over)`;
// "sixty percent", "seventy-five percent": a figure in words (read only with "%"/"percent" after it).
const PERCENT_WORDS = String.raw`(?:one|a)\s+hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero|one|two|three|four|five|six|seven|eight|nine`;
const PDL1_VALUE_RE = new RegExp(
  String.raw`^(?:\s*\(?\s*(?:22c3|sp263|sp142|28-8)\s*\)?)?(?:\s*(?:expression|tps|score|status|level|ihc|staining|result))*\s*(?:[:=]|of|is|was|at)?(?:\s*(?:high|low|positive|pos\b|\+ve\b|\+|strongly|strong|weakly|weak)){0,3}\s*\(?\s*(?:${PDL1_BOUND}\s*)?(?:(?:~|approx\.?|approximately|about|around|ca\.?|c\.)\s*)?(\d{1,3}(?:\.\d+)?|(?:${PERCENT_WORDS})\b)(?![\d.]|[a-z]\d)(?:\s*(?:[-–]|to)\s*(\d{1,3})(?![\d.]))?\s*(%|percent)?`,
);
const PDL1_NEG_RE =
  /^(?:\s*\(?\s*(?:22c3|sp263|sp142|28-8)\s*\)?)?(?:\s*(?:expression|tps|status|ihc))?\s*[:=]?\s*(?:negative|neg\b|-ve\b|not\s+expressed)/;
// "80% PD-L1", "<5% PD-L1": the figure written before.
const PDL1_BEFORE_RE = new RegExp(String.raw`(?:${PDL1_BOUND}\s*)?(\d{1,3})\s*%\s*$`);
const WORD_PARTS_RE = /[\s-]+/;
const LIFE_RE =
  /\b(?:life\s+expectancy|life\s+exp\.?|le(?:\s|[:=])|prognosis|expected\s+survival|estimated\s+survival|survival\s+estimate)\s*(?:\(\s*(?:estimated|est\.?|approx\.?|approximate)\s*\)\s*)?(?:[:=]|of|is|was|estimated(?:\s+at)?)?\s*(?:(?:likely|probably|estimated(?:\s+at)?|(?:thought|felt|believed|judged|considered|expected|estimated)\s+to\s+be)\s+)?\(?\s*(?:(<|>|≤|≥|<=|>=|~|less\s+than|more\s+than|greater\s+than|under|over|about|approximately|approx\.?|around|only|at\s+least|at\s+most|up\s+to)\s*)?(?:(\d{1,3}(?:\.\d)?)\s*(?:-\s*\d{1,3}\s*)?|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)(months?|mo|mths?|m\b|years?|yrs?|y\b|weeks?|wks?|\/\s?12\b|\/\s?52\b)|\b(?:life\s+expectancy|prognosis)\s*(?:[:=]|of|is|was|estimated\s+at)?\s*(?:(?:likely|probably|(?:thought|felt|believed|judged|considered|expected|estimated)\s+to\s+be|only|short|limited)\s*)?(?:\(\s*)?((?:a\s+few\s+|few\s+)?weeks(?:\s+(?:to|or)\s+(?:a\s+few\s+|few\s+)?months)?|(?:a\s+)?few\s+months)\b/g;

// "unlikely to survive beyond 3 months", "expected to live about 6 months", "3 months to live".
const LIFE_TO_LIVE_RE =
  /\b(?:(?:unlikely|not\s+expected)\s+to\s+(?:survive|live)\s+(?:beyond|past|more\s+than|longer\s+than|over)|(?:expected|likely)\s+to\s+(?:survive|live)(?:\s+(?:for|about|approximately|around))*)\s+(\d{1,2}|one|two|three|four|five|six|nine|twelve)\s+(months?|weeks?|years?)\b|\b(\d{1,2}|one|two|three|four|five|six|nine|twelve)\s+(months?|weeks?|years?)\s+to\s+live\b/g;

const UNTREATED_NEAR_RE = /\b(?:without\s+(?:any\s+)?(?:treatment|therapy)|if\s+untreated|untreated)\b/;

// "previously ECOG 0, now 1", "ECOG 0 at diagnosis": a past performance status is not today's.
const PAST_BEFORE_RE =
  /\b(?:previously|initially|formerly|originally|baseline|(?:at|on)\s+(?:diagnosis|presentation|baseline|admission|referral))\s*:?\s*$/;
const PAST_AFTER_RE =
  /^\s*(?:\((?![^)]*\d)\s*)?(?:(?:at|on|before|prior\s+to)\s+(?:diagnosis|baseline|presentation|admission|referral)|previously|initially|pre[\s-]?(?:treatment|diagnosis|morbid)|(?:at\s+)?last\s+(?:week|month|year|clinic|visit|review|appointment)|(?:a|one|two|three|\d{1,2})\s+(?:weeks?|months?)\s+ago)\b/;
const NOW_AFTER_RE =
  /^[\s,;)]*(?:but\s+|and\s+)?(?:(?:now|currently|today)\s*(?:(?:improved|deteriorated|declined|worsened|down|up|back)\s+to\s+)?|(?:has\s+)?(?:improved|deteriorated|declined|worsened|dropped|fallen)\s+to\s+)(?:(?:ecog|who|ps)\s*)?[:=]?\s*([0-4])(?!\d|\.\d|\s*%)/;

/** True when the ECOG at [start, end) is a past one; today's value right after it ("…, now 1") is read instead. */
function pastEcog(doc: Doc, sink: Sink, start: number, end: number): boolean {
  const { lower } = doc;
  const past =
    PAST_BEFORE_RE.test(lower.slice(Math.max(0, start - 20), start)) ||
    PAST_AFTER_RE.test(lower.slice(end, end + 24));
  if (!past) return false;
  sink.see(start, end);
  const tail = lower.slice(end, end + 48).replace(PAST_AFTER_RE, '');
  const now = NOW_AFTER_RE.exec(tail);
  if (now && !PS_WORD_RE.test(now[0])) {
    const at = end + (lower.slice(end, end + 48).length - tail.length) + now[0].length;
    sink.add('ecog', Number(now[1]), at - 1, at);
    sink.consume(at - 1, at);
  }
  return true;
}

// "ECOG 1 → 2", "ECOG 1, deteriorated to 2": a trajectory; today's value is the last one.
const TREND_AFTER_RE = new RegExp(
  String.raw`^\s*(?:→|->|=>|⇒|➡|,?\s*(?:now\s+)?${TREND_TO}\s+to)\s*(?:(?:ecog|who|ps)\s*)?([0-4])(?!\d|\.\d|\s*%)`,
);
// "ECOG went from 1 to 3", "PS deteriorated from 0 to 2".
const FROM_TO_RE = new RegExp(
  String.raw`\b(?:ecog|ps|who[\s-]?ps|performance\s+status)\s+(?:has\s+|had\s+)?(?:${TREND_FROM}\s+)?from\s+([0-4])\s+to\s+([0-4])(?![\d.%])`,
  'g',
);

/** Today's value of a trajectory told after the ECOG at `end`; true when one was read. */
function trendAfter(doc: Doc, sink: Sink, start: number, end: number): boolean {
  const tail = doc.lower.slice(end, end + 40);
  const trend = TREND_AFTER_RE.exec(tail);
  if (!trend) return false;
  const at = end + trend[0].length;
  sink.see(start, end);
  sink.consume(end, at);
  sink.add('ecog', Number(trend[1]), at - 1, at);
  return true;
}

function fromTo(doc: Doc, sink: Sink): void {
  for (const m of matchAll(doc, FROM_TO_RE, T.ecog)) {
    const end = m.index + m[0].length;
    if (sink.isConsumed(m.index, end) || polarity(doc, m.index, end) === 'hedge') continue;
    sink.consume(m.index, end);
    sink.add('ecog', Number(m[2]), end - 1, end);
  }
}

const VS_BEFORE_RE = /\b(?:vs\.?|versus)\s*$/;
const VS_AFTER_RE = /^\s*(?:vs\.?|versus)\s+(?:ecog|ps|who)\b/i;
const PS_WORD_RE = /\b(?:ecog|who|ps)\b/;
const DRUG_CLASS_AFTER_RE = /^\s*(?:inhibitors?|blockade|antibod|directed|targeted)/;
const BELOW_RE = /^(?:<|≤|less|lower|below|under)/;

/** ECOG/WHO values; `src` is the text the matches were read in. */
function ecogAt(doc: Doc, sink: Sink, src: string, matches: Iterable<RegExpExecArray>): void {
  for (const m of matches) {
    const start = m.index;
    const end = start + m[0].length;
    if (sink.isConsumed(start, end)) continue;
    // "had she been PS 3", "what if she had ECOG 2": supposed, not today's value.
    if (hypotheticalAt(doc, start)) {
      sink.see(start, end);
      continue;
    }
    // "ECOG 2 vs ECOG 1": two values offered, a conflict to ask, not a hedge to drop.
    const alternative =
      VS_BEFORE_RE.test(src.slice(Math.max(0, start - 9), start)) ||
      VS_AFTER_RE.test(src.slice(end, end + 16));
    if (polarity(doc, start, end) === 'hedge' && !alternative) {
      sink.see(start, end);
      continue;
    }
    sink.consume(start, end);
    if (pastEcog(doc, sink, start, end)) continue;
    if (m[2] === undefined && trendAfter(doc, sink, start, end)) continue;
    const a = DIGIT_WORDS[m[1] as string] ?? Number(m[1]);
    sink.add('ecog', a, start, end);
    // "ECOG 1-2": two values, so the text asks a question rather than picking one.
    const b = m[2] === undefined ? a : (DIGIT_WORDS[m[2]] ?? Number(m[2]));
    if (b !== a) sink.add('ecog', b, start, end);
  }
}

export function extractScores(doc: Doc, sink: Sink): void {
  const { lower, text } = doc;
  fromTo(doc, sink);
  ecogAt(doc, sink, lower, matchAll(doc, ECOG_RE, T.ecog));
  // "WHO 1" is read in capitals ("who" is a pronoun), so on the original text.
  if (text.includes('WHO')) ecogAt(doc, sink, text, text.matchAll(WHO_RE));
  extractKarnofsky(doc, sink);
  extractPdl1(doc, sink);
  extractLifeExpectancy(doc, sink);
}

/** A Karnofsky value as written: digits or a word ("seventy", "one hundred"). */
function kpsNumber(w: string): number {
  if (w.endsWith('hundred')) return 100;
  return KPS_WORD_VALUES[w] ?? Number(w);
}

function isKarnofsky(k: number): boolean {
  return k >= 10 && k <= 100 && k % 10 === 0;
}

function extractKarnofsky(doc: Doc, sink: Sink): void {
  for (const m of matchAll(doc, KPS_FROM_TO_RE, T.karnofsky)) {
    const end = m.index + m[0].length;
    const k = kpsNumber(m[2] as string);
    sink.consume(m.index, end);
    if (isKarnofsky(k) && polarity(doc, m.index, end) !== 'hedge') sink.add('karnofsky', k, m.index, end);
  }
  for (const m of matchAll(doc, KPS_RE, T.karnofsky)) {
    const start = m.index;
    let end = start + m[0].length;
    if (sink.isConsumed(start, end)) continue;
    if (hypotheticalAt(doc, start)) {
      sink.see(start, end);
      continue;
    }
    const trend = KPS_TREND_AFTER_RE.exec(doc.lower.slice(end, end + 40));
    const k = kpsNumber((trend ? trend[1] : m[1]) as string);
    if (trend) end += trend[0].length;
    sink.consume(start, end);
    if (!isKarnofsky(k)) continue; // not a Karnofsky score: left for "ignored"
    sink.add('karnofsky', k, start, end);
  }
}

/** A stated TPS, or undefined for a bound below that is not "<1%" (a negative). */
function pdl1Value(bound: string | undefined, n: number): number | undefined {
  if (bound && BELOW_RE.test(bound)) return n <= 1 ? 0 : undefined;
  return n;
}

function isDigitStart(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** A percentage in words ("sixty", "seventy-five", "one hundred"); NaN when it is not one. */
function percentWord(words: string): number {
  if (words.endsWith('hundred')) return 100;
  if (words === 'zero') return 0;
  let total = 0;
  for (const part of words.split(WORD_PARTS_RE)) total += KPS_WORD_VALUES[part] ?? wordValue(part);
  return total;
}

function extractPdl1(doc: Doc, sink: Sink): void {
  const { lower } = doc;
  for (const m of matchAll(doc, PDL1_RE, T.pdl1)) {
    const start = m.index;
    let end = start + m[0].length;
    const tail = lower.slice(end, end + 48);
    if (sink.isConsumed(start, end)) continue;
    // "PD-L1 inhibitor" is a drug class, not a score.
    if (DRUG_CLASS_AFTER_RE.test(tail)) continue;
    const v = PDL1_VALUE_RE.exec(tail);
    let value: number | undefined;
    if (v) {
      const word = !isDigitStart(v[2] as string);
      end += v[0].length;
      value = pdl1Value(v[1], word ? percentWord(v[2] as string) : Number(v[2]));
      if (!v[4] && (word || (!v[1] && Number(v[2]) > 100))) value = undefined;
      // "TPS 30-40%": a range is not a score; read as a whole so that it is not taken for "3".
      if (v[3] !== undefined) value = undefined;
    } else if (PDL1_NEG_RE.test(tail)) {
      value = 0;
      end += (PDL1_NEG_RE.exec(tail) as RegExpExecArray)[0].length;
    } else {
      const before = PDL1_BEFORE_RE.exec(lower.slice(Math.max(0, start - 24), start));
      if (before) value = pdl1Value(before[1], Number(before[2]));
    }
    if (value === undefined || value > 100) {
      sink.see(start, end);
      continue;
    }
    if (polarity(doc, start, end) === 'hedge') {
      sink.see(start, end);
      continue;
    }
    sink.consume(start, end);
    sink.add('pdl1', value, start, end);
  }
}

// "life expectancy of weeks", "weeks to months", "a few months": clearly under the 6-month threshold of §5; read as
// the lower figure the words allow (a few weeks ≈ 1 month, up to a few months ≈ 3).
function wordMonths(words: string): number {
  return words.includes('month') && !words.startsWith('weeks') ? 3 : words.includes('month') ? 2 : 1;
}

/** "< 6 months" is under 6: read just below the bound, so a "< 6 months" threshold holds. */
function boundMonths(bound: string | undefined, months: number): number {
  if (bound === undefined) return months;
  const below = bound === '<' || bound.startsWith('less') || bound === 'under';
  return below ? justBelow(months) : months;
}

function toMonths(n: number, unit: string): number {
  if (unit.startsWith('y')) return n * 12;
  return unit.startsWith('w') || unit.endsWith('52') ? Math.round((n / 4.345) * 10) / 10 : n;
}

function extractLifeToLive(doc: Doc, sink: Sink): void {
  for (const m of matchAll(doc, LIFE_TO_LIVE_RE, T.lifeToLive)) {
    const start = m.index;
    const end = start + m[0].length;
    if (sink.isConsumed(start, end) || polarity(doc, start, end) === 'hedge') continue;
    // "unlikely to survive beyond 3 months without treatment": survival untreated, not the life expectancy.
    if (UNTREATED_NEAR_RE.test(doc.lower.slice(Math.max(0, start - 16), end + 24))) continue;
    const word = (m[1] ?? m[3]) as string;
    const n = NUMBER_WORD_VALUES[word] ?? Number(word);
    sink.consume(start, end);
    sink.add('lifeExpectancyMonths', toMonths(n, (m[2] ?? m[4]) as string), start, end);
  }
}

function extractLifeExpectancy(doc: Doc, sink: Sink): void {
  extractLifeToLive(doc, sink);
  for (const m of matchAll(doc, LIFE_RE, T.lifeExpectancy)) {
    const start = m.index;
    const end = start + m[0].length;
    // "LE" only in capitals (the abbreviation, not a word of another language).
    if (doc.lower.startsWith('le', start) && doc.text.slice(start, start + 2) !== 'LE') continue;
    if (sink.isConsumed(start, end)) continue;
    sink.consume(start, end);
    if (m[5] !== undefined) {
      sink.add('lifeExpectancyMonths', wordMonths(m[5]), start, end);
      continue;
    }
    const word = m[3];
    const n =
      word === undefined
        ? Number(m[2])
        : word === 'a' || word === 'an'
          ? 1
          : (NUMBER_WORD_VALUES[word] ?? Number.NaN);
    const months = toMonths(n, m[4] as string);
    if (!(months <= 600)) continue;
    sink.add('lifeExpectancyMonths', boundMonths(m[1], months), start, end);
  }
}
