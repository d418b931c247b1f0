// Progression pattern: oligo- vs polyprogression, which sites progress, and whether the primary does.
// "≤5 progressing sites with the rest controlled" is oligoprogression (decision-spec §2); when the text does not
// say the rest is controlled, the pattern stays unknown and the engine asks.
import type { Doc } from './doc.js';
import { clauseWindow, conditionalAt, matchAll, mentionsAny, polarity } from './doc.js';
import type { MetItem, MetsResult } from './extract-mets.js';
import { NUMBER_WORD_VALUES } from './number-words.js';
import type { Sink } from './sink.js';
import { sortSmall } from './sort-small.js';
import type { Span } from './types.js';
import { EXTRACTOR_PATTERNS, T } from './vocabulary.js';

const PD_RE =
  /\b(?:progressive\s+disease|no\s+longer\s+(?:responding|responsive)|stopped\s+responding|progres{1,2}(?:ing|ion|ed|ive)|growing|enlarging|grown|growth\s+(?:of|in)|increas(?:ed|ing)\s+in\s+size|interval\s+(?:enlargement|growth|increase)|enlargement\s+of|enlarged\s+(?:from|since|to|compared)|grew|(?:slightly|marginally|now|got|getting)\s+(?:bigger|larger)(?!\s+than)|new\s+(?:[a-z]+\s+){0,3}?(?:lesions?|mets?|metastas[a-z]*|deposits?|nodules?)|new\s+(?:malignant\s+)?(?:pleural|pericardial)\s+effusion|new\s+(?:leptomeningeal|pleural|peritoneal)\s+(?:disease|enhancement|deposits|nodularity|thickening))\b/g;
const OLIGO_RE = /\boligo[\s-]?(?:progress[a-z]*|pd)\b|\bopd\b|\blimited\s+progression\b/g;
const POLY_RE =
  /\bpoly[\s-]?(?:progress[a-z]*|pd)\b|\b(?:widespread|diffuse|multi[\s-]?(?:site|focal|organ)|multiple[\s-]sites?|systemic|extensive|generali[sz]ed|multiple)\s+(?:disease\s+)?progr?ess?ion\b|\bprogress(?:ion|ing|ed)\s+(?:at|in)\s+(?:multiple|many|numerous|several|(?:more\s+than|over|>)\s*(?:[5-9]|[1-9]\d))\s+(?:sites|organs|places|lesions)\b|\b(?:widespread|diffuse|multifocal|extensive)\s+pd\b|\bpd\s+(?:at|in)\s+(?:multiple|many|numerous|several)\s+(?:sites|organs|places|lesions)\b|\b(?:progress(?:ion|ing)|pd)\s+everywhere\b|\ball\s+(?:sites|lesions|disease\s+sites)\s+(?:are\s+|have\s+)?progress\w*|\bprogress\w*\s+(?:at|in)\s+all\s+(?:sites|lesions)\b/g;
const NONE_RE =
  /\b(?:no|without|nil)\s+(?:evidence\s+of\s+|signs?\s+of\s+|radiological\s+|radiologic\s+|disease\s+|further\s+)?(?:progression|progressive\s+disease|pd)\b|\bnot\s+progressing\b|\bno\s+new\s+(?:lesions?|mets?|metastas[a-z]*|disease|sites?)\b|\bprogression[\s-]?free\b(?!\s+(?:survival|interval))|\b(?:progression(?:\s+of\s+disease)?|progressive\s+disease|pd)\s*[:=-]\s*(?:no|none|nil|negative|absent|0(?:\s+sites?)?)\b/g;
const NO_NEW_RE = /^no\s+new\b/;
// Progression that has not happened: "RT at progression?", "progression-free survival".
const HYPOTHETICAL_BEFORE_RE =
  /\b(?:until|at|upon|before|after|following|if|risk\s+of|time\s+to|prevent(?:s|ing)?|delay(?:s|ed|ing)?|in\s+case\s+of|await(?:ing)?|pseudo|at\s+(?:t790m|c797s|first|initial|radiological|the\s+time\s+of))\s*$/;
const TREATED_BEFORE_RE =
  /\b(?:after|following|s\/p|post)\s+(?:sbrt|sabr|srs|rt|radiotherapy|radiation|ablation|surgery|resection|local\s+(?:therapy|treatment)|lct)\s+(?:to|of|for)\b[^.;:,]{0,40}$/;

// "oligoPD x1 (L adrenal) → SBRT 08/24", "oligoPD in the primary, treated with SBRT 55 Gy/5": answered already.
const TREATED_AFTER_RE =
  /^[^.;]{0,60}?(?:\btreated\s+(?:with|by)\s+(?:sbrt|sabr|srs|srt|rt|radiotherapy|radiation|ablation|surgery|resection|lct)\b|,\s*(?:sbrt|sabr|srs|srt|rt|radiotherapy|ablation|surgery|resection|lct)\s+(?:delivered|given|done|completed)\b|(?:→|->|\bthen\b)\s*(?:sbrt|sabr|srs|srt|rt|radiotherapy|ablation|surgery|resection|lct)\b[^.;?]{0,12}?(?:\d\s?gy|\[date\]|\b(?:19|20)\d\d\b|\d{1,2}\/\d{2}\b|\b(?:delivered|given|done|completed)\b))/;

/** "now NED after SBRT to 3 sites of oligoPD", "oligoPD x1 → SBRT 08/24; now …": the progression that local
 * treatment already answered. */
function treatedBefore(lower: string, start: number, end = start): boolean {
  return (
    TREATED_BEFORE_RE.test(lower.slice(Math.max(0, start - 64), start)) ||
    TREATED_AFTER_RE.test(lower.slice(end, end + 90))
  );
}
const HYPOTHETICAL_AFTER_RE = /^[\s-]*(?:free|survival|risk)\b/;
const SUBCLAUSE_BREAK_RE = /\b(?:but|whereas|while|however|although)\b/g;
const PRIMARY_RE =
  /\b(?:primary(?!\s+(?:care|team|endpoint|physician|histology|lung\s+cancer|tumou?r\s+board))(?!\s+site\s*(?:[:=]|is\b|was\b|unknown\b|of\b|not\b))|prim\b(?=\s*(?:\+|,|and\b|sd\b|pd\b|pr\b|stable|progress|$))|(?:in|at)\s+the\s+chest(?!\s+wall)|thoracic\s+(?:disease|primary|tumou?r)|lung\s+(?:primary|tumou?r|mass|lesion)|(?:rul|rml|rll|lul|lll|lingular?)\s+(?:mass|tumou?r|primary|lesion|nodule))\b/g;
const CONTROLLED_RE =
  /\b(?:stable|responding|controlled|ctrl|quiescent|shrinking|smaller|unchanged|regress(?:ing|ed)|in\s+response|partial\s+response|complete\s+response|PR|SD|CR)\b/i;
const REST_RE =
  /\b(?:(?:rest|remainder)\s+(?:of\s+(?:the\s+)?(?:disease|sites)\s+)?(?:is\s+|are\s+)?(?:stable|controlled|ctrl|responding|quiescent|in\s+response)|(?:elsewhere|otherwise)\s+(?:stable|controlled|responding)|other\s+(?:sites|disease|lesions|mets|metastases)\s+(?:are\s+|is\s+|remain\s+)?(?:stable|controlled|responding)|all\s+other\s+(?:sites|disease|lesions)\s+(?:are\s+)?(?:stable|controlled|responding)|(?:everything|all)\s+else\s+(?:is\s+|remains\s+)?(?:stable|controlled|responding)|remaining\s+(?:disease|sites|lesions|mets)\s+(?:are\s+|is\s+|remain\s+)?(?:stable|controlled|responding))\b/g;
// The PD codes of the therapy extractor's CODE_RE ("PD", "iUPD", "iCPD"), not "PD-L1"; "initial PD" is the past.
const PD_CODE_RE = /\b(?:pd|iupd|icpd)\b(?!-?l?1\b|-1\b)/g;
// Codes are capitals ("PD"); a lower-case "pd" is not read as a response, as in the therapy extractor.
const PD_CODE_CASE_RE = /^(?:PD|iUPD|iCPD)$/;
const EARLIER_PD_RE =
  /\b(?:initial(?:ly)?|previous(?:ly)?|prior|earlier|at\s+first|first|original(?:ly)?)\s*(?:a\s+)?$/;
// "(2 lesions)", or ", 3 lesions" ending its comma phrase ("liver-only oligoprogression, 3 lesions, on …").
const BRACKET_COUNT_RE =
  /^\s*(?:\(\s*(\d{1,2})\s+(?:sites?|lesions?|locations?|deposits?)\s*\)|,\s*(\d{1,2})\s+(?:sites?|lesions?|locations?|deposits?)\s*(?=[,;.)]|$))/;
// Inside a range that took in its bracket: "(2 lesions)", "oligoprogression x2 (…)", "(x3: primary, …)".
const BRACKET_COUNT_IN_RE =
  /\(\s*(\d{1,2})\s+(?:sites?|lesions?|locations?|deposits?)\s*\)|\b(?:oligo[a-z-]*|progress[a-z]*|pd)\s*(?:disease\s*)?[x×]\s?(\d{1,2})\b|\(\s*[x×]\s?(\d{1,2})\s*:/;
const SITE_COUNT_RE =
  /(?:\b(?:in|at)\s+|@\s*|\bdisease\s*:\s*)(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a\s+single|a\s+solitary|single)(\s+(?:of|out\s+of)\s+(?:the\s+)?\d{1,2})?(?:\s+[a-z]+)?\s+(?:sites?|lesions?|locations?|places|mets|metastases)\b/;

function siteCount(word: string): number {
  return NUMBER_WORD_VALUES[word] ?? (/^\d/.test(word) ? Number(word) : 1);
}
const ONLY_RE = /\b(?:only|solely|alone|isolated|single[\s-]site|one\s+site|limited\s+to)\b/;
const POLY_WORD_RE =
  /\b(?:multiple|widespread|diffuse|numerous|innumerable|extensive|disseminated|many|multi[\s-]?site|multifocal|generali[sz]ed)\b/;

const EXPLICIT_PATTERNS = [
  [OLIGO_RE, 'oligoprogression', T.oligoprogression],
  [POLY_RE, 'polyprogression', T.polyprogression],
] as const;

export interface ProgressionCues {
  /** Sub-clauses that report progression (cut at "but", "whereas"). */
  ranges: Span[];
  cues: Span[];
  explicit: 'oligoprogression' | 'polyprogression' | 'none' | undefined;
}

function subclause(doc: Doc, start: number, end: number): Span {
  const c = clauseWindow(doc, start, end);
  const text = doc.lower.slice(c.start, c.end);
  let from = c.start;
  let to = c.end;
  SUBCLAUSE_BREAK_RE.lastIndex = 0;
  for (let m = SUBCLAUSE_BREAK_RE.exec(text); m !== null; m = SUBCLAUSE_BREAK_RE.exec(text)) {
    const at = c.start + m.index;
    if (at < start) from = at + m[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return { start: from, end: to };
}

// "PD (RECIST) in primary": the criteria in a bracket after the code; the statement goes on after it.
const CRITERIA_BRACKET_RE =
  /^\s*\(\s*(?:i?recist(?:\s*1\.1)?|percist|radiolog\w*|radiograph\w*|ct|pet(?:[\s-]?ct)?|mri|confirmed)\s*\)/;

function pastCriteria(doc: Doc, range: Span, codeEnd: number): Span {
  const m = CRITERIA_BRACKET_RE.exec(doc.lower.slice(codeEnd, codeEnd + 24));
  if (!m) return range;
  const after = subclause(doc, codeEnd + m[0].length, codeEnd + m[0].length);
  return { start: range.start, end: Math.max(range.end, after.end) };
}

// "oligoprogression x2 (primary + one rib)", "oligoprogressive disease (x3: primary, adrenal, T12)": the bracket
// right after the statement lists its sites.
const BRACKET_AFTER_RE =
  /^\s*(?:disease\s*)?(?:[x×]\s?\d{1,2}\s*)?(?:(?:in|at)\s+(?:\d{1,2}|two|three|four|five)\s+(?:sites?|lesions?|locations?)\s*)?\(/;

function withBracket(doc: Doc, range: Span, cueEnd: number): Span {
  const { lower } = doc;
  const m = BRACKET_AFTER_RE.exec(lower.slice(cueEnd, cueEnd + 16));
  if (!m) return range;
  const open = cueEnd + m[0].length - 1;
  const close = lower.indexOf(')', open);
  if (close < 0 || close - open > 80) return range;
  return { start: range.start, end: Math.max(range.end, close + 1) };
}

/** Every treatment status read so far says not yet treated. */
function naiveOnly(sink: Sink): boolean {
  let naive = false;
  for (const c of sink.candidates) {
    if (c.fact !== 'therapy.status') continue;
    if (c.value !== 'naive') return false;
    naive = true;
  }
  return naive;
}

/** "interval enlargement of the adrenal met; no new lesions": growth without new lesions is still progression. */
function dropNoNewBesideGrowth(
  lower: string,
  sink: Sink,
  cues: readonly Span[],
  explicitFound: { value: string; span: Span }[],
): void {
  if (!cues.some((c) => !lower.startsWith('new', c.start))) return;
  for (let k = explicitFound.length - 1; k >= 0; k--) {
    const e = explicitFound[k] as { value: string; span: Span };
    if (e.value === 'none' && NO_NEW_RE.test(lower.slice(e.span.start, e.span.end))) {
      explicitFound.splice(k, 1);
      sink.see(e.span.start, e.span.end);
    }
  }
}

/** Find progression statements; run before the metastasis facts so that "progressing in liver" counts liver. */
export function findProgression(doc: Doc, sink: Sink): ProgressionCues {
  const { lower } = doc;
  const cues: Span[] = [];
  const explicitFound: { value: 'oligoprogression' | 'polyprogression' | 'none'; span: Span }[] = [];
  const noneSpans: Span[] = [];

  if (!mentionsAny(doc, EXTRACTOR_PATTERNS.progression)) {
    return { ranges: [], cues: [], explicit: undefined };
  }
  for (const m of matchAll(doc, NONE_RE, T.noProgression)) {
    const span = { start: m.index, end: m.index + m[0].length };
    // "RT to primary if no progression": a condition, not a finding.
    if (conditionalAt(doc, span.start)) {
      sink.see(span.start, span.end);
      continue;
    }
    noneSpans.push(span);
    sink.consume(span.start, span.end);
    explicitFound.push({ value: 'none', span });
  }
  for (const [re, value, triggers] of EXPLICIT_PATTERNS) {
    for (const m of matchAll(doc, re, triggers)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (sink.isConsumed(span.start, span.end)) continue;
      if (polarity(doc, span.start, span.end) !== 'pos' || treatedBefore(lower, span.start, span.end)) {
        sink.see(span.start, span.end);
        continue;
      }
      sink.consume(span.start, span.end);
      explicitFound.push({ value, span });
      cues.push(span);
    }
  }
  for (const m of matchAll(doc, PD_RE, T.progression)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (sink.isConsumed(span.start, span.end)) continue;
    if (HYPOTHETICAL_BEFORE_RE.test(lower.slice(Math.max(0, span.start - 24), span.start))) continue;
    if (treatedBefore(lower, span.start, span.end)) {
      sink.see(span.start, span.end);
      continue;
    }
    if (HYPOTHETICAL_AFTER_RE.test(lower.slice(span.end, span.end + 10))) continue;
    const pol = polarity(doc, span.start, span.end);
    if (pol !== 'pos') {
      sink.see(span.start, span.end);
      continue;
    }
    // "recurrent with 2 new liver mets", "new lesions at diagnosis": new disease, not progression on therapy.
    if (m[0].startsWith('new') && atDiagnosis(doc, span.start)) continue;
    // "new lung nodule likely inflammatory": a new finding explained as benign is not progression.
    if (m[0].startsWith('new') && (benignAfter(doc, span.end) || hedgedNew(lower, m[0], span.end))) {
      sink.see(span.start, span.end);
      continue;
    }
    cues.push(span);
  }
  dropNoNewBesideGrowth(lower, sink, cues, explicitFound);
  for (const e of explicitFound) sink.add('progression.pattern', e.value, e.span.start, e.span.end);
  // The pattern when every explicit statement names the same one.
  let explicit = explicitFound[0]?.value;
  for (const e of explicitFound) if (e.value !== explicit) explicit = undefined;
  const ranges = cues.map((c) => withBracket(doc, subclause(doc, c.start, c.end), c.end));
  pdCodeRanges(doc, sink, ranges);
  return { ranges, cues, explicit };
}

/** "PD in liver and bone": the response code's sites progress too, so they are claimed before the metastasis
 * facts; the code itself is read as a response by the therapy extractor, which adds its range again. */
function pdCodeRanges(doc: Doc, sink: Sink, ranges: Span[]): void {
  for (const m of matchAll(doc, PD_CODE_RE, T.pdCode)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!PD_CODE_CASE_RE.test(doc.text.slice(start, end))) continue;
    if (sink.isConsumed(start, end) || polarity(doc, start, end) !== 'pos') continue;
    if (EARLIER_PD_RE.test(doc.lower.slice(Math.max(0, start - 16), start))) continue;
    ranges.push(withBracket(doc, pastCriteria(doc, subclause(doc, start, end), end), end));
  }
}

// Benign explanations of a new finding, in its own phrase or in a comma phrase that explains it ("new liver
// lesion, likely a cyst").
const BENIGN_WORD_RE =
  /\b(?:inflammatory|infective|infectious|infection|reactive|benign|post[\s-]?inflammatory|atelectasis|scar(?:ring)?|granuloma|cyst|haemangioma|hemangioma|adenoma|degenerative|too\s+small\s+to\s+characteri[sz]e)\b/;
const EXPLAINS_RE =
  /^\s*(?:likely|probably|possibly|thought|felt|favou?red|most\s+likely|consistent|in\s+keeping|c\/w|compatible)\b/;

// "new liver lesion, indeterminate", "new indeterminate liver lesion": a new finding not called disease.
const HEDGE_WORD_RE = /\b(?:indeterminate|equivocal|non[\s-]?specific|uncertain|unclear)\b/;
const HEDGED_AFTER_RE =
  /^[^.;,]{0,24}?,?\s*(?:(?:likely|probably|possibly)\s+)?(?:indeterminate|equivocal|non[\s-]?specific|(?:of\s+)?(?:uncertain|unclear|undetermined)\s+(?:significance|nature|a?etiology)|too\s+small\s+to\s+characteri[sz]e|\?)/;

function hedgedNew(lower: string, cue: string, end: number): boolean {
  return HEDGE_WORD_RE.test(cue) || HEDGED_AFTER_RE.test(lower.slice(end, end + 60));
}

function benignAfter(doc: Doc, end: number): boolean {
  const tail = doc.lower.slice(end, end + 60);
  let stop = tail.length;
  for (let k = 0; k < tail.length; k++) {
    const c = tail.charCodeAt(k);
    if (c === 59 || c === 46 || c === 10) {
      stop = k;
      break;
    }
  }
  const phrase = tail.slice(0, stop);
  const comma = phrase.indexOf(',');
  if (comma < 0) return BENIGN_WORD_RE.test(phrase);
  if (BENIGN_WORD_RE.test(phrase.slice(0, comma))) return true;
  const rest = phrase.slice(comma + 1);
  return EXPLAINS_RE.test(rest) && BENIGN_WORD_RE.test(rest.split(',')[0] ?? '');
}

const DIAGNOSIS_RE =
  /\b(?:recurren[a-z]*|relaps[a-z]*|diagnos[a-z]*|dx|presented|presentation|baseline|de\s+novo|newly)\b/;

/** Whether the words around `pos` describe the disease at diagnosis or recurrence. */
function atDiagnosis(doc: Doc, pos: number): boolean {
  const w = clauseWindow(doc, pos, pos, 80);
  const m = DIAGNOSIS_RE.exec(doc.lower.slice(w.start, w.end));
  if (!m) return false;
  // "relapsed on durvalumab", "recurrence during consolidation": progression on therapy, not new disease.
  const after = w.start + m.index + m[0].length;
  return !(m[0].startsWith('re') && ON_THERAPY_AFTER_RE.test(doc.lower.slice(after, after + 24)));
}
const ON_THERAPY_AFTER_RE = /^\s*(?:(?:of\s+disease|disease)\s+)?(?:on|during|while\s+on|under|despite)\b/;

function within(ranges: readonly Span[], start: number): boolean {
  return ranges.some((r) => start >= r.start && start < r.end);
}

/** Only a list separator between two sites: "liver, lung and bone", "liver & bone", "liver + bone". */
const LIST_GAP_RE =
  /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|\+\s*|\/\s*)(?:(?:the|both|bilateral|left|right|l|r)\s+)?$/;

/**
 * Items stated inside a progression sentence are metastatic sites even without a "mets" word, and so are the
 * items that continue its list past a comma ("progression in liver, lung and bone"): the range grows over them.
 */
/** "…, liver stable": the words after a site, up to the next comma or full stop, say it is controlled. */
function controlledAfter(lower: string, end: number): boolean {
  let to = end;
  while (to < lower.length && to < end + 48 && !isItemEnd(lower.charCodeAt(to))) to++;
  return CONTROLLED_RE.test(lower.slice(end, to));
}

/** The end of the statement that ends right before `pos` (within a few characters), or -1. */
function rangeEndBefore(ranges: readonly Span[], pos: number): number {
  for (const r of ranges) if (r.end <= pos && pos - r.end <= 8) return r.end;
  return -1;
}

export function claimProgressingSites(doc: Doc, cues: ProgressionCues, mets: MetsResult): void {
  const items = sortSmall([...mets.items], (a, b) => a.start - b.start);
  let listEnd = -1;
  for (const it of items) {
    if (it.negated || it.hedged) {
      listEnd = -1;
      continue;
    }
    // "progression in the primary, liver and bone": the list goes on past the comma that ends the statement.
    const after = listEnd < 0 ? rangeEndBefore(cues.ranges, it.start) : -1;
    if (
      after >= 0 &&
      LIST_GAP_RE.test(doc.lower.slice(after, it.start)) &&
      !controlledAfter(doc.lower, it.end)
    )
      listEnd = after;
    const continues = listEnd >= 0 && LIST_GAP_RE.test(doc.lower.slice(listEnd, it.start));
    if (within(cues.ranges, it.start) || continues) {
      if (continues && !within(cues.ranges, it.start)) cues.ranges.push({ start: listEnd, end: it.end });
      it.progressing = true;
      it.metContext = true;
      listEnd = it.end;
    } else listEnd = -1;
  }
}

type Response = { value: 'CR' | 'PR' | 'SD' | 'PD'; span: Span };

/** Where the progression is told: the first and last offsets of what was read for it. */
interface Extent {
  first: number;
  last: number;
}

function widen(e: Extent, start: number, end: number): void {
  e.first = Math.min(e.first, start);
  e.last = Math.max(e.last, end);
}

/** Progressing sites per organ (their stated counts, if any). */
const LIST_JOIN_RE =
  /^(?:\s*(?:x\s?\d{1,2}|×\s?\d{1,2}|\(\d{1,2}\)|mets?|lesions?|,|\+|&|and|plus))*\s*(?:\d{1,2}\s+)?$/;

function continuesList(lower: string, prev: MetItem, it: MetItem): boolean {
  if (it.start < prev.end || it.start - prev.end > 24) return false;
  if (!LIST_JOIN_RE.test(lower.slice(prev.end, it.start))) return false;
  // The rest of its list item, up to the next comma or full stop: "liver and bone stable".
  return !controlledAfter(lower, it.end);
}

function isItemEnd(c: number): boolean {
  return c === 44 || c === 46 || c === 59 || c === 10;
}

function progressingOrgans(
  doc: Doc,
  mets: MetsResult,
  ranges: readonly Span[],
  e: Extent,
  progressingItems: Set<MetItem>,
  uncounted: Set<string>,
): Map<string, number | undefined> {
  const perOrgan = new Map<string, number | undefined>();
  let last: MetItem | undefined;
  let before: MetItem | undefined;
  for (const it of mets.items) {
    const prior = before;
    before = it;
    if (!it.metContext || it.negated || it.hedged) continue;
    const fromWords = within(ranges, it.start);
    const progressing = fromWords || (it.progressing && !atDiagnosis(doc, it.start));
    // "new bone lesions x4, liver x2": a site listed right after a progressing one progresses too, unless the
    // words after it say it is controlled.
    const listed = !progressing && last !== undefined && continuesList(doc.lower, last, it);
    last = progressing || listed ? it : undefined;
    if (!(progressing || listed)) continue;
    progressingItems.add(it);
    const prev = perOrgan.get(it.organ);
    perOrgan.set(it.organ, it.count !== undefined ? Math.max(prev ?? 0, it.count) : prev);
    // "new liver mets": two or more lesions, how many not said ("liver and adrenal lesions": one or more each).
    if (
      it.count === undefined &&
      PLURAL_LESIONS_AFTER_RE.test(doc.lower.slice(it.end, it.end + 24)) &&
      !(prior && JOINED_SITES_RE.test(doc.lower.slice(prior.end, it.start)))
    )
      uncounted.add(it.organ);
    widen(e, it.start, it.end);
  }
  return perOrgan;
}

const JOINED_SITES_RE = /^\s*(?:,|and|&|\/|\+|or)\s*$/;
const PLURAL_LESIONS_AFTER_RE =
  /^\s*(?:mets|metastases|lesions|deposits|nodules|foci|secondaries|masses|metastatic\s+(?:lesions|deposits))\b/;

const REGIONAL_NODES_RE =
  /\b(?:(?:mediastinal|hilar|subcarinal|paratracheal|supraclavicular|regional|thoracic|ipsilateral)\s+(?:lymph\s+)?(?:nodes?|ln|lns|adenopathy|lymphadenopathy|nodal\s+disease)|nodal\s+(?:progression|disease))\b/;

function regionalNodesProgress(doc: Doc, ranges: readonly Span[], e: Extent): boolean {
  for (const r of ranges) {
    const text = doc.lower.slice(r.start, r.end);
    if (!text.includes('nod') && !text.includes('adenopathy') && !text.includes('ln')) continue;
    const m = REGIONAL_NODES_RE.exec(text);
    if (m) {
      widen(e, r.start + m.index, r.start + m.index + m[0].length);
      return true;
    }
  }
  return false;
}

/** Whether the primary is among the progressing sites (or stated controlled: that subclause is noted in
 * `controlled`). */
function primaryProgression(
  doc: Doc,
  sink: Sink,
  ranges: readonly Span[],
  e: Extent,
  controlled: Span[],
): boolean {
  let primary = false;
  for (const m of matchAll(doc, PRIMARY_RE, T.primaryMention)) {
    const start = m.index;
    const end = start + m[0].length;
    const sub = subclause(doc, start, end);
    if (within(ranges, start)) {
      sink.add('progression.primaryProgressing', true, start, end);
      primary = true;
      widen(e, start, end);
    } else if (CONTROLLED_RE.test(doc.text.slice(sub.start, sub.end))) {
      sink.add('progression.primaryProgressing', false, start, end);
      controlled.push(sub);
    }
  }
  return primary;
}

/** "new progression in 2 sites": a stated count of progressing sites (never dropped, decision-spec §4.2). */
function statedSites(doc: Doc, ranges: readonly Span[], counted: number, e: Extent): number {
  let sites = counted;
  for (const r of ranges) {
    // "limited progression (2 lesions)": a bracket right after the progression words counts its sites.
    const after = BRACKET_COUNT_RE.exec(doc.lower.slice(r.end, r.end + 24));
    const text = doc.lower.slice(r.start, r.end);
    const inside =
      after || (!text.includes('(') && !text.includes('x') && !text.includes('×'))
        ? null
        : BRACKET_COUNT_IN_RE.exec(text);
    if (after) {
      sites = Math.max(sites, Number(after[1] ?? after[2]));
      widen(e, r.end, r.end + after[0].length);
    } else if (inside) {
      sites = Math.max(sites, Number(inside[1] ?? inside[2] ?? inside[3]));
      widen(e, r.start + inside.index, r.start + inside.index + inside[0].length);
    }
    const m = SITE_COUNT_RE.exec(text);
    if (!m) continue;
    // "in 1 of 3 liver lesions": the stated part is the progressing count, not the lesions around it.
    const n = siteCount(m[1] as string);
    sites = m[2] ? n : Math.max(sites, n);
    widen(e, r.start + m.index, r.start + m.index + m[0].length);
  }
  return sites;
}

/** The pattern when the text does not name it: many sites or a "many" word, or a controlled rest. */
function inferredPattern(
  doc: Doc,
  ranges: readonly Span[],
  sites: number,
  responses: readonly Response[],
  polyBurden: boolean,
): 'oligoprogression' | 'polyprogression' | undefined {
  const { lower } = doc;
  const polyWords = polyBurden || ranges.some((r) => POLY_WORD_RE.test(lower.slice(r.start, r.end)));
  const rest =
    matchAll(doc, REST_RE, T.restControlled).length > 0 ||
    ranges.some((r) => ONLY_RE.test(lower.slice(r.start, r.end)));
  const controlledElsewhere = responses.some((r) => r.value !== 'PD' && !within(ranges, r.span.start));
  if (sites > 5 || polyWords) return 'polyprogression';
  if (rest || controlledElsewhere) return 'oligoprogression';
  return undefined;
}

/** Progressing sites counted per organ; an organ with uncounted lesions gives at least 2, and makes the count a
 * floor. */
function organSites(
  perOrgan: ReadonlyMap<string, number | undefined>,
  uncounted: ReadonlySet<string>,
  primary: boolean,
): { counted: number; floor: boolean } {
  let counted = primary ? 1 : 0;
  let floor = false;
  for (const [organ, n] of perOrgan) {
    const open = n === undefined && uncounted.has(organ);
    floor ||= open;
    counted += n ?? (open ? 2 : 1);
  }
  return { counted, floor };
}

export function emitProgression(
  doc: Doc,
  sink: Sink,
  cues: ProgressionCues,
  mets: MetsResult,
  responses: readonly Response[],
  historyBefore = -1,
): void {
  const pdCodes = responses.filter((r) => r.value === 'PD');
  // "Dx 3 wks ago, new 2 liver mets on staging PET, starting osimertinib": with the patient not yet treated, a new
  // lesion is new disease, not progression on therapy (which the progression rules are about).
  const naive = naiveOnly(sink);
  const isNew = (s: Span) => naive && doc.lower.startsWith('new', s.start);
  // "osimertinib 14 months, then PD; now carboplatin/pemetrexed, SD": progression on an earlier line is history.
  const current = (s: Span) => s.start >= historyBefore && !isNew(s);
  for (const c of cues.cues) if (!current(c)) sink.see(c.start, c.end);
  // ranges[k] is the statement of cues[k] (the PD codes' ranges follow them).
  const ranges = [
    ...cues.ranges.filter((r, k) => {
      const cue = cues.cues[k];
      return cue ? current(cue) : current(r);
    }),
    ...pdCodes.map((r) =>
      withBracket(doc, pastCriteria(doc, subclause(doc, r.span.start, r.span.end), r.span.end), r.span.end),
    ),
  ];
  const pdSpans = [...cues.cues.filter(current), ...pdCodes.map((r) => r.span)];
  for (const it of mets.items)
    if (it.progressing && (it.start < historyBefore || (naive && !within(ranges, it.start))))
      it.progressing = false;

  const e: Extent = { first: Number.POSITIVE_INFINITY, last: 0 };
  const progressingItems = new Set<MetItem>();
  const uncounted = new Set<string>();
  const perOrgan = progressingOrgans(doc, mets, ranges, e, progressingItems, uncounted);
  // "new 1.7 cm liver lesion", "new segment 5 liver lesion": the mets reader saw the new lesion where no cue word
  // stands next to an organ; a new lesion on therapy is progression (PD), never dropped (decision-spec §4.2).
  if (pdSpans.length === 0) for (const it of progressingItems) pdSpans.push({ start: it.start, end: it.end });
  // ">10 new hepatic lesions", "new liver mets (>5)": the progressing lesions are themselves polymetastatic.
  let polyBurden = false;
  for (const g of mets.groups)
    if (g.burden.some((b) => b.value === 'poly') && g.items.some((it) => progressingItems.has(it)))
      polyBurden = true;
  // Subclauses that say how the sites other than the progressing ones did ("rest stable", "primary stable").
  const controlled: Span[] = [];
  const primary = primaryProgression(doc, sink, ranges, e, controlled);
  for (const m of matchAll(doc, REST_RE, T.restControlled))
    controlled.push({ start: m.index, end: m.index + m[0].length });
  let { counted, floor } = organSites(perOrgan, uncounted, primary);
  // "progression in the mediastinal nodes only": regional nodes are one progressing site (not a metastasis).
  if (!perOrgan.has('distant-nodes') && regionalNodesProgress(doc, ranges, e)) counted++;
  const sites = statedSites(doc, ranges, counted, e);
  // A stated count of sites ("in 3 sites") replaces a floor.
  const exact = !floor || sites > counted;
  // With a polymetastatic bound on the progressing lesions, the count of sites read is only a floor: not stated.
  if (sites > 0 && sites <= 1000 && exact && !(polyBurden && sites <= 5))
    sink.add('progression.sites', sites, e.first, e.last);

  let pattern = cues.explicit;
  if (pattern === undefined && sites > 0) {
    // A floor of 5 or fewer sites can be polyprogression (more than 5 counted, or words), never oligoprogression.
    pattern = inferredPattern(doc, ranges, sites, responses, polyBurden);
    if (pattern === 'oligoprogression' && !exact) pattern = undefined;
    if (pattern) sink.add('progression.pattern', pattern, e.first, e.last);
  }

  emitResponses(sink, { pdSpans, ranges, controlled, pattern }, responses);
}

interface ResponseContext {
  /** The statements of progression (cue words and PD codes). */
  pdSpans: readonly Span[];
  ranges: readonly Span[];
  /** "rest stable", "primary stable": how the sites other than the progressing ones did. */
  controlled: readonly Span[];
  pattern: string | undefined;
}

/** Progression is PD; with oligoprogression, PR/SD describe the controlled rest. */
function emitResponses(sink: Sink, c: ResponseContext, responses: readonly Response[]): void {
  for (const s of c.pdSpans) sink.add('therapy.response', 'PD', s.start, s.end);
  // Polyprogression is the response whatever a site did ("PR at primary, PD in bones (7 new lesions)"), and with
  // any stated progression, "rest stable" or "primary stable" is how the other sites did, not a second response
  // (RECIST: progression anywhere is PD).
  const progressed = c.pdSpans.length > 0;
  const keepOthers = !progressed || (c.pattern !== 'oligoprogression' && c.pattern !== 'polyprogression');
  for (const r of responses) {
    if (r.value === 'PD') continue;
    const otherSites = progressed && within(c.controlled, r.span.start);
    if (keepOthers && !otherSites && !within(c.ranges, r.span.start))
      sink.add('therapy.response', r.value, r.span.start, r.span.end);
    else sink.see(r.span.start, r.span.end);
  }
}
