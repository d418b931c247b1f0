// Systemic therapy: agents and regimen class, status (naive / on / off), duration and response.
import type { Doc, Token } from './doc.js';
import { clauseAt, clauseWindow, conditionalAt, matchAll, polarity, sentenceStartBefore } from './doc.js';
import { justBelow, NUMBER_WORD_VALUES, NUMBER_WORDS_SOURCE, wordValue } from './number-words.js';
import type { Sink } from './sink.js';
import { sortSmall } from './sort-small.js';
import type { Span } from './types.js';
import { T } from './vocabulary.js';

type DrugClass = 'egfr-tki' | 'other-tki' | 'chemo' | 'io' | 'tki' | 'adjunct' | 'unclassified';

interface Drug {
  name: string;
  cls: DrugClass;
}

const PREFIXES = new Map<string, Drug>();
const EXACT = new Map<string, Drug>();
function drug(name: string, cls: DrugClass, prefixes: string[], exact: string[] = []): void {
  const d = { name, cls };
  for (const p of prefixes) PREFIXES.set(p, d);
  for (const e of exact) EXACT.set(e, d);
}
// Prefixes catch endings and cheap typos ("osimertinb", "pembrolizumb").
drug('osimertinib', 'egfr-tki', ['osim'], ['tagrisso', 'osi']);
drug('gefitinib', 'egfr-tki', ['gefit'], ['iressa']);
drug('erlotinib', 'egfr-tki', ['erlot'], ['tarceva', 'erlo']);
drug('afatinib', 'egfr-tki', ['afat'], ['gilotrif', 'giotrif']);
drug('icotinib', 'egfr-tki', ['icotin']);
drug('dacomitinib', 'egfr-tki', ['dacomit'], ['vizimpro']);
drug('aumolertinib', 'egfr-tki', ['aumolert', 'almonert']);
drug('furmonertinib', 'egfr-tki', ['furmonert', 'alflut']);
drug('lazertinib', 'egfr-tki', ['lazert']);
drug('befotertinib', 'egfr-tki', ['befotert']);
drug('mobocertinib', 'egfr-tki', ['mobocert']);
drug('sunvozertinib', 'egfr-tki', ['sunvozert']);
drug('alectinib', 'other-tki', ['alect'], ['alecensa', 'alec']);
drug('lorlatinib', 'other-tki', ['lorlat'], ['lorbrena', 'lorla']);
drug('brigatinib', 'other-tki', ['brigat'], ['alunbrig', 'brig']);
drug('crizotinib', 'other-tki', ['crizot'], ['xalkori', 'crizo']);
drug('ceritinib', 'other-tki', ['cerit'], ['zykadia']);
drug('ensartinib', 'other-tki', ['ensart']);
drug('entrectinib', 'other-tki', ['entrect']);
drug('repotrectinib', 'other-tki', ['repotrect']);
drug('selpercatinib', 'other-tki', ['selperc'], ['retevmo', 'selper']);
drug('pralsetinib', 'other-tki', ['pralset'], ['gavreto', 'pralse']);
drug('capmatinib', 'other-tki', ['capmat'], ['tabrecta']);
drug('tepotinib', 'other-tki', ['tepot'], ['tepmetko']);
drug('savolitinib', 'other-tki', ['savolit']);
drug('dabrafenib', 'other-tki', ['dabraf'], ['tafinlar', 'dab']);
drug('trametinib', 'other-tki', ['tramet'], ['mekinist', 'tram']);
drug('encorafenib', 'other-tki', ['encoraf']);
drug('binimetinib', 'other-tki', ['binimet']);
drug('larotrectinib', 'other-tki', ['larotrect']);
drug('sotorasib', 'other-tki', ['sotoras'], ['lumakras']);
drug('adagrasib', 'other-tki', ['adagras'], ['krazati']);
// Antibodies and antibody-drug conjugates are not TKIs: the agent is recorded, the regimen class is not.
drug('trastuzumab deruxtecan', 'unclassified', ['deruxtec'], ['dxd', 'tdxd', 'enhertu']);
drug('amivantamab', 'unclassified', ['amivant'], ['rybrevant']);
drug('pembrolizumab', 'io', ['pembro'], ['keytruda']);
drug('nivolumab', 'io', ['nivol'], ['nivo', 'opdivo']);
drug('atezolizumab', 'io', ['atezo'], ['tecentriq']);
drug('durvalumab', 'io', ['durva'], ['imfinzi']);
drug('cemiplimab', 'io', ['cemipl'], ['libtayo']);
drug('ipilimumab', 'io', ['ipilim'], ['ipi', 'yervoy']);
drug('tremelimumab', 'io', ['tremel']);
drug('sintilimab', 'io', ['sintil']);
drug('tislelizumab', 'io', ['tislel']);
drug('camrelizumab', 'io', ['camrel']);
drug('toripalimab', 'io', ['toripal']);
drug('sugemalimab', 'io', ['sugemal']);
drug('serplulimab', 'io', ['serplul']);
drug('carboplatin', 'chemo', ['carbopl'], ['carbo', 'carb', 'paraplatin']);
drug('cisplatin', 'chemo', ['cispl'], ['cis']);
drug('pemetrexed', 'chemo', ['pemet'], ['pem', 'alimta']);
drug('paclitaxel', 'chemo', ['paclit'], ['taxol', 'abraxane', 'nab', 'pac', 'pacli']);
drug('docetaxel', 'chemo', ['docet'], ['taxotere', 'doce', 'doc']);
drug('gemcitabine', 'chemo', ['gemcit'], ['gem']);
drug('vinorelbine', 'chemo', ['vinorel'], ['navelbine', 'vino']);
drug('etoposide', 'chemo', ['etopos'], ['etop']);
// Regimens of other primaries ("PR on FOLFOX" in a colorectal case): chemotherapy all the same.
drug('FOLFOX', 'chemo', ['folfox']);
drug('FOLFIRI', 'chemo', ['folfiri']);
drug('oxaliplatin', 'chemo', ['oxalipl']);
drug('capecitabine', 'chemo', ['capecit'], ['xeloda']);
drug('bevacizumab', 'adjunct', ['bevaciz'], ['bev', 'bevac', 'avastin']);
drug('ramucirumab', 'adjunct', ['ramuc']);
drug('chemotherapy', 'chemo', ['chemotherap'], ['chemo', 'platinum', 'doublet']);
drug('immunotherapy', 'io', ['immunotherap'], ['io', 'ici', 'icis']);
drug('TKI', 'tki', [], ['tki', 'tkis']);
/**
 * The exact words and prefixes as one letter trie, stored flat (state × letter → next state, 0: none): a token is
 * looked up by walking its letters, with no substring and no string hash per token. A word's exact entry wins,
 * then its longest prefix entry (as a look-up of the exact word, then of its prefixes longest first, would do).
 */
const TRIE_NEXT: number[] = [0];
const TRIE_EXACT: (Drug | undefined)[] = [undefined];
const TRIE_PREFIX: (Drug | undefined)[] = [undefined];
function trieState(word: string): number {
  let state = 0;
  for (let i = 0; i < word.length; i++) {
    const letter = word.charCodeAt(i) - 97;
    if (letter < 0 || letter > 25) throw new Error(`therapy vocabulary: not a-z: ${word}`);
    const slot = state * 26 + letter;
    let next = TRIE_NEXT[slot] ?? 0;
    if (next === 0) {
      next = TRIE_EXACT.length;
      TRIE_EXACT.push(undefined);
      TRIE_PREFIX.push(undefined);
      TRIE_NEXT[slot] = next;
    }
    state = next;
  }
  return state;
}
for (const [p, d] of PREFIXES) TRIE_PREFIX[trieState(p)] = d;
for (const [e, d] of EXACT) TRIE_EXACT[trieState(e)] = d;
const TRIE = Int32Array.from({ length: TRIE_EXACT.length * 26 }, (_, slot) => TRIE_NEXT[slot] ?? 0);
// "chemoRT", "chemoradiation": radiotherapy, handled as prior thoracic RT.
// Sticky, tried at the token (its longest match is well inside the 24 characters the test once read).
const NOT_DRUG_RE = /chemo[\s-]?(?:rt|rad|radiation|radiotherapy|xrt|irradiation)/y;
const NAIVE_AFTER_RE = /[\s-]?(?:na[iï]e?ve|niave)/y;
const SHORT_FORM_PARTNER_RE =
  /[/+]|\b(?:carbo|cis|pem|pembro|io|nivo|atezo|ipi|paclit|paclitaxel|pacli|taxol|gem|doce|vino|etop|chemo|dab|tram|dabrafenib|trametinib)\b/;
const SHORT_FORMS = new Set(['doc', 'pac', 'nab', 'cis', 'dab', 'tram']);
const SPLIT_RE = /[\s-]/;
const CLASS_TKI_RE = /^(?:alk|ros1|ret|met|braf|kras)/;

const IO_PHRASE_RE =
  /\banti[\s-]?pd[\s-]?l?1\b|\bpd[\s-]?l?1\s+(?:inhibitors?|blockade|antibod\w*|therapy)|\bcheckpoint\s+inhibitors?|\b(?:egfr|alk|ros1|ret|met|braf|kras)[\s-]?(?:tkis?|inhibitors?)\b|\bchemo[\s-]?io\b|\bchemo[\s-]?immuno\w*/g;

const NAIVE_RE =
  /\b(?:systemically\s+untreated|(?:has|have)\s+not\s+(?:yet\s+)?(?:had|received|started)\s+(?:any\s+)?(?:systemic\s+)?(?:treatment|therapy)(?!\s+(?:interrupt\w*|breaks?|holidays?|delays?|toxicit\w*))|(?:has|have)\s+not\s+(?:had|received)\s+any\s+(?:chemo\w*|immunotherapy)(?:\s+or\s+(?:chemo\w*|immunotherapy))?\s+yet|no\s+prior\s+lines?\s+of\s+(?:treatment|therapy)|(?:first|1st)[\s-]line\s+(?:(?:is\s+)?yet\s+to\s+start|not\s+(?:yet\s+)?started)|(?:treatment|tx|rx|therapy|systemic(?:\s+therapy)?|tki|egfr[\s-]?tki|chemo(?:therapy)?|io|immunotherapy|drug)[\s-]?(?:na[iï]e?ve|niave)|na[iï]ve\s+to\s+(?:treatment|therapy|tkis?|systemic\s+therapy|chemo\w*|immunotherapy)|no\s+prior\s+(?:systemic\s+)?(?:therapy|treatment|tx|chemo\w*|tkis?|lines?\s+of\s+therapy|systemic)|untreated(?=\s+(?:stage|metastatic|advanced|nsclc|adeno\w*|squamous|disease|patient|egfr|alk|de\s+novo))|newly\s+diagnosed|not\s+yet\s+treated|(?:systemic\s+)?(?:treatment|therapy)\s+not\s+(?:yet\s+)?(?:started|commenced|begun)|not\s+(?:yet\s+)?started\s+(?:on\s+)?(?:any\s+)?(?:treatment|therapy|systemic)|(?<=(?:^|[,;:.])\s*)(?:untreated|na[iï]e?ve)(?=\s*(?:[,;.]|$))|awaiting\s+(?:(?:1st|first)[\s-]line\b|(?:systemic\s+)?(?:treatment|therapy|tx|chemo\w*|immunotherapy)\b)|(?<!(?:radiation|radio|rt|chest|thoracic|local)\s)(?:(?:systemic|prior|previous)\s+)?(?:tx|therapy|treatment)\s*[:=-]\s*(?:nil|none)\b|not\s+yet\s+on\s+(?:any\s+)?(?:treatment|therapy|systemic)|no\s+(?:systemic\s+)?(?:therapy|treatment|tx|rx|chemo(?:therapy)?|tkis?|immunotherapy)\s+(?:yet|to\s+date|so\s+far))/g;
const PLANNED_RE =
  /\b(?:starting|to\s+start|will\s+start|about\s+to\s+start|due\s+to\s+start|going\s+to\s+start|commenc(?:e|ing)|initiat(?:e|ing)|planned?|plan(?:ning)?\s+(?:is\s+)?(?:for|to)|plan(?=\s+[a-z])|awaiting|before\s+starting|prior\s+to\s+starting|candidate\s+for|to\s+receive|will\s+receive|to\s+begin|beginning|for\s+(?:1st|first)[\s-]line|proposed|would\s+be\s+for|would\s+(?:start|receive|get)|plan\s+would\s+be|consider(?:ing)?\s+(?:adding|starting|switching\s+to)|options?\s+of|not\s+(?:yet\s+)?(?:started|commenced|begun))\b|\bplan\s*:/;
const OFF_RE =
  /\b(?:stopped|discontinued|ceased|held|withheld|off\s+(?:all\s+)?(?:treatment|therapy|tkis?|chemo\w*|io|immunotherapy|systemic|osimertinib|drug)|(?:treatment|tx|rx|therapy)\s+(?:break|holiday|pause)|drug\s+holiday|(?:chemo\w*|tkis?|io|immunotherapy)\s+(?:holiday|break)|on\s+hold|paused|no\s+longer\s+on|not\s+on\s+(?:any\s+)?(?:treatment|therapy))\b/;
const OFF_ANYWHERE_RE =
  /\b(?:off\s+(?:all\s+)?(?:treatment|therapy|systemic\s+therapy)|(?<=\b(?:currently|presently|now)\s+(?:on\s+)?)no\s+(?:systemic\s+|active\s+)?(?:treatment|therapy|tx)|(?<=\b(?:now|currently|is|remains)\s+on\s+)(?:observation|surveillance|active\s+monitoring)|(?<=\bthen\s+(?:on\s+)?)(?:observation|surveillance|active\s+monitoring)|(?<=(?:^|[,;.:])\s*(?:on\s+)?)(?:observation|surveillance)\s+(?:only|since|(?:after|following|post)\s+(?:completing\s+|completion\s+of\s+)?(?:\d{1,2}\s+(?:cycles?|courses?|months?|years?)|(?:one|two|three|four|five|six)\s+(?:cycles?|courses?)|chemo\w*|(?:systemic\s+)?(?:treatment|therapy)|induction))\b|(?:treatment|tx|rx|therapy|tkis?|chemo)\s+(?:break|holiday)|drug\s+holiday|no\s+(?:further\s+|systemic\s+|active\s+)?(?:treatment|therapy|tx)\s+since\b|(?<=\b(?:now|for|on|then)\s+)(?:bsc|best\s+supportive\s+care)|watch[\s-]and[\s-]wait|no\s+maintenance|no\s+longer\s+(?:on|taking|receiving)\b(?:\s+(?:any\s+)?treatment)?|not\s+on\s+any\s+(?:systemic\s+)?(?:treatment|therapy))\b/g;
const ON_RE =
  /\b(?:on|currently|current\s+(?:line|treatment|therapy|regimen|tx)|receiving|continue|continuing|continues|continued|maintenance|remains|still|tolerating|taking|started|since|responding|response|progress\w*|after|post|following|s\/p|completed|x\s?\d+|\d+\s*(?:months?|mo|mths?|weeks?|wks?|cycles?|cx|\/12|\/52)|c\d+(?:d\d+)?|cycles?\s*\d+|pr|sd|cr|pd(?![\s-]?l?1))\b/;
// "no progression on osimertinib", "without toxicity during pembrolizumab": the negation is about an event on
// the drug, not about the drug, which the patient is taking.
const EVENT_ON_DRUG_RE =
  /\b(?:no|nil|without)\s+(?:further\s+|new\s+|evidence\s+of\s+|signs?\s+of\s+|radiological\s+|significant\s+|major\s+)*(?:progression|progressive\s+disease|pd|growth|new\s+lesions?|recurrence|relapse|response|benefit|toxicit(?:y|ies)|tox|side[\s-]effects?|adverse\s+events?|pneumonitis|issues|problems|complications|change)\s+(?:(?:so\s+far|to\s+date|seen|noted)\s+)?(?:on|under|during|despite|with|while\s+on|after|since|following|to|at)\s+(?:starting\s+|commencing\s+|initiation\s+of\s+|start\s+of\s+)?(?:(?:\d{1,3}(?:\.\d)?\s*(?:months?|mo|mths?|weeks?|wks?|cycles?|years?)|first[\s-]line|1st[\s-]line|second[\s-]line|2nd[\s-]line|maintenance|adjuvant)\s+(?:of\s+)?)?$/;
const ADJUVANT_RE = /\b(?:neo)?adjuvant\b|\bperi[\s-]?operative\b/;
const PROGRESS_OR_FAIL_RE = /progress|pd|failure/;
const SWITCHED_BEFORE_RE = /\b(?:switched|changed|moved)\s+(?:from|to)\b[^.;]*$/;
const SWITCHED_TO_BEFORE_RE = /\b(?:switched|changed|moved)\s+from\s+[^,;.]{1,40}?\bto\s+$/;
// "docetaxel after (for) progression on pembrolizumab": the drug progressed on is the earlier line.
const PROGRESSED_ON_BEFORE_RE =
  /\b(?:after|following|post|for)\s+(?:progression|pd|failure|progressing)\s+(?:on|of|with|through)\s+(?:[\w/+,]+\s+){0,3}[\w/+,]*$/;
const AFTER_CRT_RE = /\b(?:chemo[\s-]?(?:rt|radiation|radiotherapy)|crt|pacific|consolidat\w*)\b/;
const PRIOR_RE =
  /\b(?:prior|previous(?:ly)?|failed|refractory|intolerant|formerly|switched\s+from|history\s+of|hx\s+of|h\/o|then\s+switched)\b/;

const MONTHS_RE = new RegExp(
  String.raw`(?<![\d.])(\d{1,3}(?:\.\d)?)\s?(?:months?|mos?|mths?|mnths?|\/12|m(?<=(?:\bx\s?|[a-z]\s)\d{1,3}m))(?![a-z0-9/])|(?<![a-z-])(${NUMBER_WORDS_SOURCE})\s+months?\b|\bmonth\s?(\d{1,3})(?![\d/]|\.\d)|(?<=\b(?:started|commenced|began|begun|initiated)\b[^.;]{0,30}\ba\s)\bmonth(?=\s+ago\b)|(?<=\b(?:started|commenced|began|begun|initiated)\b[^.;]{0,30}\blast\s)\bmonth\b`,
  'g',
);
// "3 years", "three years", "two and a half years" ("and a half" is read by the caller).
const YEARS_RE =
  /(?<![\d.])(\d{1,2}(?:\.\d)?)\s?(?:years?|yrs?)(?![a-z0-9])(?![\s-]*old)|(?<![a-z-])(one|two|three|four|five|six|seven|eight|nine|ten)(\s+and\s+a\s+half)?\s+years?\b(?![\s-]*old)/g;
// "q6w", "every 3 weeks": a dosing interval, not time on treatment.
const WEEKS_RE = new RegExp(
  String.raw`(?<![\d.]|\bq|\bq\s|every\s)(\d{1,3})\s?(?:weeks?|wks?|w|\/52)(?![a-z0-9/])|(?<![a-z-]|every\s)(${NUMBER_WORDS_SOURCE})\s+(?:weeks?|wks?)\b|\bweek\s?(\d{1,3})(?![\d/]|\.\d)`,
  'g',
);
const CYCLES_RE =
  /(?<![\d.])(?<!\bday\s?)(\d{1,2})\s?(?:cycles?|cyc|cx|courses?)(?![a-z])|\bcycles?\s?(?:x\s?)?(\d{1,2})(?!\d|\.\d)|\bc(\d{1,2})(?:\s?d\d{1,2})?(?![a-z0-9])|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:cycles?|courses?)\b/g;
const X_CYCLES_RE =
  /(?<![a-z0-9])(?:[x×]\s?(\d{1,2})(?!\d|\.\d)(?!\s*(?:mo|month|week|wk|year|yr|\/|cm|mm|m\b))|(\d{1,2})\s?[x×](?![a-z0-9]))/g;
const WORD_NUM = NUMBER_WORD_VALUES;
const DURATION_EXCLUDE_RE =
  /\b(?:diagnos\w*|dx|life|prognosis|surviv\w*|to\s+live|expectancy|old|since\s+diagnosis|follow[\s-]?up)\b/;
const RESPONSE_CONTEXT_RE =
  /\b(?:pr|sd|cr|pd|response|responding|stable|progress\w*|restag\w*|treatment|therapy|tki|chemo\w*|io)\b/;

const RESPONSE_RES: { triggers: readonly string[]; re: RegExp; value: 'CR' | 'PR' | 'SD' }[] = [
  {
    triggers: T.completeResponse,
    re: /\b(?:complete\s+(?:metabolic\s+)?(?:response|remission|resolution)|response\s*[:=-]?\s*(?:was\s+|is\s+)?complete|cmr|ned|no\s+evidence\s+of\s+(?:active\s+|residual\s+)?disease(?!\s+(?:progression|recurrence|in|at|within|of)\b))\b/g,
    value: 'CR',
  },
  {
    triggers: T.partialResponse,
    re: /\b(?:near[\s-]complete\s+response|response\s*[:=-]?\s*(?:was\s+|is\s+)?partial|(?:partial|good|excellent|major|marked|dramatic|radiological|radiologic|significant|ongoing|metabolic)\s+(?:metabolic\s+)?(?:response|remission)|pmr|(?<!(?:no\s+longer|stopped)\s+)responding|responded|responsive|shrinkage|shrinking|shrunk|regressing|regressed|decreased\s+in\s+size|reduction\s+in\s+size)\b/g,
    value: 'PR',
  },
  {
    triggers: T.stableDisease,
    re: /(?<!(?:clinically|haemodynamically|hemodynamically|medically|neurologically)\s)\b(?:stable\s+disease|stable|stability|unchanged|disease\s+control)\b(?!\s+angina)/g,
    value: 'SD',
  },
];
const CODE_GATE_RE = /CR|PR|SD|PD|MR/;
// "ER+/PR-/HER2+", "ER/PR positive": a hormone receptor status, not a response.
const CODE_RE =
  /\b(CR|PR|SD|PD|cCR|cPR|iCR|iPR|iSD|iUPD|iCPD|CMR|PMR)\b(?!-?L?1\b|-1\b)(?<!\bER[+-]?(?:ve)?\s?\/\s?PR)(?![+-](?:ve)?(?:\/|\s|$|[,;.)]))/g;

export interface TherapyResult {
  /** Response words and codes, for the progression pattern. */
  responses: { value: 'CR' | 'PR' | 'SD' | 'PD'; span: Span }[];
  drugMentioned: boolean;
  /** Before this offset the text tells an earlier line of treatment (-1: none): its progression is history. */
  historyBefore: number;
}

interface Mention {
  drug: Drug;
  start: number;
  end: number;
  prior: boolean;
  /** A course that ended ("completed durvalumab"): off treatment when nothing current is named. */
  done?: boolean;
  /** Given around surgery ("adjuvant cisplatin/vinorelbine 2021"): before the metastatic disease. */
  adjuvant?: boolean;
  /** Durvalumab after chemoradiation of stage III disease (and the chemotherapy of that chemoradiation). */
  consolidation?: boolean;
  /** Chemotherapy given with radical radiotherapy ("carboplatin/paclitaxel + 60 Gy"): stage III history. */
  crt?: boolean;
}

/** `first`: the word's first character code, a-z (the caller has read it). */
function lookup(word: string, first: number): Drug | undefined {
  let state = TRIE[first - 97] as number;
  if (state === 0) return undefined;
  let prefix = TRIE_PREFIX[state];
  for (let i = 1; i < word.length; i++) {
    const letter = word.charCodeAt(i) - 97;
    state = letter >= 0 && letter <= 25 ? (TRIE[state * 26 + letter] as number) : 0;
    if (state === 0) return prefix;
    prefix = TRIE_PREFIX[state] ?? prefix;
  }
  return TRIE_EXACT[state] ?? prefix;
}

const TDXD = PREFIXES.get('deruxtec') as Drug;
const DATO_DXD: Drug = { name: 'datopotamab deruxtecan', cls: 'unclassified' };
const HER3_DXD: Drug = { name: 'patritumab deruxtecan', cls: 'unclassified' };

/** "trastuzumab deruxtecan" is one name from its first word, so a switch word before it is seen; "Dato-DXd",
 * "datopotamab deruxtecan" and "HER3-DXd" are other conjugates of the same payload. */
function conjugate(tokens: readonly Token[], i: number): { d: Drug; start: number } {
  const tok = tokens[i] as Token;
  let k = i - 1;
  if (k >= 0 && (tokens[k] as Token).w === '-' && (tokens[k] as Token).end === tok.start) k--;
  const prev = tokens[k];
  if (!prev || tok.start - prev.end > 1) return { d: TDXD, start: tok.start };
  if (prev.w === 'trastuzumab') return { d: TDXD, start: prev.start };
  if (prev.w === 'dato' || prev.w === 'datopotamab') return { d: DATO_DXD, start: prev.start };
  if (prev.w === 'her3' || prev.w === 'patritumab') return { d: HER3_DXD, start: prev.start };
  return { d: TDXD, start: tok.start };
}

/** A loop, not `spans.some(closure)`: a closure over the loop's `start`/`end` costs a context per token. */
function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const p of spans) if (p.start <= start && end <= p.end) return true;
  return false;
}

/** Class phrases ("anti-PD-1", "EGFR TKI", "chemo-IO") as mentions in `out`; their spans. */
function classPhrases(doc: Doc, out: Mention[]): Span[] {
  const ioPhrases: Span[] = [];
  for (const m of matchAll(doc, IO_PHRASE_RE, T.drugClassPhrase)) {
    const start = m.index;
    const end = start + m[0].length;
    ioPhrases.push({ start, end });
    const text = m[0];
    if (text.startsWith('chemo')) {
      out.push({ drug: { name: 'chemotherapy', cls: 'chemo' }, start, end, prior: false });
      out.push({ drug: { name: 'immunotherapy', cls: 'io' }, start, end, prior: false });
    } else if (text.startsWith('egfr'))
      out.push({ drug: { name: 'EGFR TKI', cls: 'egfr-tki' }, start, end, prior: false });
    else if (CLASS_TKI_RE.test(text)) {
      out.push({
        drug: { name: `${text.split(SPLIT_RE)[0]?.toUpperCase()} inhibitor`, cls: 'other-tki' },
        start,
        end,
        prior: false,
      });
    } else out.push({ drug: { name: 'immunotherapy', cls: 'io' }, start, end, prior: false });
  }
  return ioPhrases;
}

function findDrugs(doc: Doc, sink: Sink): { mentions: Mention[]; switchAt: number } {
  const { lower } = doc;
  const out: Mention[] = [];
  const ioPhrases = classPhrases(doc, out);
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    const word = tok.w;
    const c = word.charCodeAt(0);
    if (word.length < 2 || c < 97 || c > 122) continue;
    const found = lookup(word, c);
    if (!found) continue;
    const { d, start } = found === TDXD ? conjugate(tokens, i) : { d: found, start: tok.start };
    const { end } = tok;
    if (insideAny(ioPhrases, start, end)) continue;
    NOT_DRUG_RE.lastIndex = start;
    if (NOT_DRUG_RE.test(lower)) continue;
    // Short forms count only next to another drug ("carbo/pac", "cis/doc", "dab/tram").
    if (SHORT_FORMS.has(word)) {
      const around = lower.slice(Math.max(0, start - 12), Math.min(lower.length, end + 14));
      if (!SHORT_FORM_PARTNER_RE.test(around.replace(word, ''))) continue;
    }
    if (sink.isConsumed(start, end)) continue;
    // "chemo-naive", "TKI-naive": a status, not a regimen.
    NAIVE_AFTER_RE.lastIndex = end;
    if (NAIVE_AFTER_RE.test(lower)) continue;
    const pol = polarity(doc, start, end);
    // "declines chemotherapy": a drug the patient refused is not a regimen.
    if (DECLINED_BEFORE_RE.test(lower.slice(Math.max(0, start - 24), start))) {
      sink.see(start, end);
      continue;
    }
    if (pol === 'neg' && !EVENT_ON_DRUG_RE.test(lower.slice(Math.max(0, start - 80), start))) {
      sink.see(start, end);
      continue;
    }
    // "sotorasib is there for 2L if needed", "docetaxel in reserve": a drug kept for later is not a regimen.
    // "switched from erlotinib to osimertinib at progression": the switch was made, at that progression.
    // The condition's own words ("if PD") are no response of the current line.
    const later = lower.slice(end, end + 36);
    const kept = LATER_GATE_RE.test(later) ? FOR_LATER_AFTER_RE.exec(later) : null;
    if (kept && !SWITCHED_BEFORE_RE.test(lower.slice(Math.max(0, start - 40), start))) {
      sink.see(start, end);
      sink.consume(end, end + kept[0].length);
      continue;
    }
    out.push({ drug: d, start, end, prior: false });
  }
  sortSmall(out, (a, b) => a.start - b.start);
  markPrior(doc, out);
  dropPlannedNext(doc, sink, out);
  const switchAt = priorBeforeSwitch(lower, out);
  return { mentions: out, switchAt };
}

/** Adjuvant, earlier ("prior", "failed") and finished courses. */
function markPrior(doc: Doc, out: Mention[]): void {
  const { lower } = doc;
  for (const mention of out) {
    const clause = clauseWindow(doc, mention.start, mention.end, 60);
    const around = lower.slice(clause.start, Math.min(clause.end, mention.end + 24));
    mention.adjuvant = ADJUVANT_RE.test(around);
    // Durvalumab after chemoradiation (PACIFIC) is the consolidation of stage III disease.
    mention.consolidation = mention.drug.name === 'durvalumab' && AFTER_CRT_RE.test(around);
    const before = lower.slice(clause.start, mention.start);
    // "switched from gefitinib to osimertinib": the drug after "to" is the current one.
    mention.prior =
      mention.adjuvant ||
      (PRIOR_RE.test(before) && !(before.includes('from') && SWITCHED_TO_BEFORE_RE.test(before))) ||
      (PROGRESS_OR_FAIL_RE.test(before) && PROGRESSED_ON_BEFORE_RE.test(before.slice(-40)));
    if (!mention.prior && finishedCourse(lower, mention, out)) {
      mention.prior = true;
      mention.done = true;
    }
  }
  for (const m of out) if (!m.prior && backStory(lower, out, m.start)) m.prior = true;
  markChemoradiation(lower, out);
  // Consolidation durvalumab beside a drug of the metastatic setting is the earlier (stage III) treatment.
  if (out.some((m) => !m.prior && !m.consolidation)) for (const m of out) if (m.consolidation) m.prior = true;
}

// "carboplatin/paclitaxel + 60 Gy", "cisplatin/etoposide with concurrent RT", "concurrent carboplatin", "CRT
// (cisplatin/etoposide)": chemotherapy given with radical radiotherapy.
const CRT_AFTER_RE =
  /^[^.;]{0,30}?(?:\+|\bwith|\band|\bplus)\s*(?:(?:concurrent|concomitant|thoracic|radical)\s+(?:rt|radiotherapy|radiation)\b|(?:concurrent\s+|thoracic\s+|radical\s+)?(?:4[5-9]|[5-7]\d)(?:\.\d)?\s?gy\b(?!\s*(?:\/\s*[1-8]\b|in\s+[1-8]\s+f|sbrt|sabr|srs|stereo)))/;
const CRT_BEFORE_RE =
  /\b(?:concurrent(?:ly)?|concomitant|(?:chemo[\s-]?(?:rt|radiation|radiotherapy)|chemoradi\w*|crt)\s*[(:]|(?:4[5-9]|[5-7]\d)(?:\.\d)?\s?gy\s+(?:with|\+|and|plus))\s*(?:[a-z]+\s*[/+]\s*)?(?:weekly\s+)?$/;

/** Chemotherapy with radical RT is the chemoradiation of stage III disease, an earlier treatment; durvalumab after
 * it is its consolidation. Chemo-IO beside the RT ("concurrent carbo/pem/pembro and SBRT") is not. */
function markChemoradiation(lower: string, out: Mention[]): void {
  if (
    !lower.includes('gy') &&
    !lower.includes('concurrent') &&
    !lower.includes('concomitant') &&
    !lower.includes('crt') &&
    !lower.includes('chemo')
  )
    return;
  for (const m of out) {
    if (m.drug.cls !== 'chemo') continue;
    const near = (o: Mention) => o !== m && Math.abs(o.start - m.start) < 40;
    if (out.some((o) => near(o) && o.drug.cls === 'io' && o.drug.name !== 'durvalumab')) continue;
    if (
      CRT_AFTER_RE.test(lower.slice(m.end, m.end + 48)) ||
      CRT_BEFORE_RE.test(lower.slice(Math.max(0, m.start - 40), m.start))
    )
      m.crt = m.consolidation = m.prior = true;
  }
  for (const m of out)
    if (m.drug.name === 'durvalumab' && out.some((c) => c.crt && c.end <= m.start && m.start - c.end < 120))
      m.consolidation = true;
}

/** A plan word anywhere (PLANNED_RE, or the words only the bracket and after-patterns read). */
function mayHavePlan(lower: string): boolean {
  return (
    (PLANNED_RE.test(lower) ||
      lower.includes('pending') ||
      lower.includes('awaited') ||
      lower.includes('intended')) &&
    mayPlan(lower)
  );
}

function plannedMention(doc: Doc, m: Mention): boolean {
  const { lower } = doc;
  const w = clauseWindow(doc, m.start, m.end);
  return (
    plannedIn(lower.slice(w.start, w.end), m.start - w.start) ||
    PLANNED_BRACKET_AFTER_RE.test(lower.slice(m.end, m.end + 32)) ||
    PLANNED_AFTER_RE.test(lower.slice(m.end, m.end + 12))
  );
}

// "?switch to lorlatinib", "now considering docetaxel/ramucirumab", "capmatinib off-label?", "if progression,
// sotorasib": a drug asked about or weighed is not part of the regimen being taken.
const ASKED_GATE_RE = /\?|consider|discuss|query|could|would|might|whether|if|should|case/;
const ASKED_BEFORE_RE =
  /^\s*\?|\b(?:consider(?:s|ing|ed)?|discuss(?:ing|ed)?|query|(?:could|would|might)\s+(?:use|try|offer|give|consider)|whether\s+to)\b/;
// "considering SBRT with osimertinib", "discussed RT while continuing pemetrexed": the question is the RT.
const NOT_THE_DRUG_ASKED_RE =
  /\b(?:rt|sbrt|sabr|srs|radio\w*|radiation|surgery|resection|continu\w*|while|whilst|alongside|remains?|still)\b/;
const IF_PROGRESSION_BEFORE_RE =
  /\b(?:if|should|in\s+case\s+of|when)\s+(?:(?:he|she|they|there\s+is|the\s+patient|disease|further|more|any|it)\s+)*(?:progression|progresses|progress|pd)\b[\s,:>→-]*(?:then\s+)?(?:(?:would\s+)?(?:consider|use|give|offer|start|switch\s+to|for)\s+)?$/;

/** Index of the first character after the last cut (".", ";", "," or a line break) before `pos`, in `span`. */
function cutBefore(lower: string, pos: number, span: number, commas: boolean): number {
  const lo = Math.max(0, pos - span);
  for (let k = pos - 1; k >= lo; k--) {
    const c = lower.charCodeAt(k);
    if (c === 46 || c === 59 || c === 10 || (commas && c === 44)) return k + 1;
  }
  return lo;
}

function askedAbout(lower: string, m: Mention): boolean {
  const before = lower.slice(cutBefore(lower, m.start, 48, true), m.start);
  const cue = ASKED_BEFORE_RE.exec(before);
  if (cue && !NOT_THE_DRUG_ASKED_RE.test(before.slice(cue.index + cue[0].length))) return true;
  let to = Math.min(lower.length, m.end + 24);
  for (let k = m.end; k < to; k++) if (isCut(lower.charCodeAt(k))) to = k;
  if (lower.slice(m.end, to).includes('?')) return true;
  return IF_PROGRESSION_BEFORE_RE.test(lower.slice(cutBefore(lower, m.start, 60, false), m.start));
}

/** "osimertinib 10 months, PD. Plan: switch to carbo/pem", "docetaxel planned", "on alectinib; ?lorlatinib":
 * beside a drug being taken, a planned or asked-about one is the next line, not part of the current regimen. */
function dropPlannedNext(doc: Doc, sink: Sink, out: Mention[]): void {
  if (out.length < 2) return;
  const { lower } = doc;
  const plans = mayHavePlan(lower);
  const asks = ASKED_GATE_RE.test(lower);
  if (!plans && !asks) return;
  const planned = out.map((m) => (plans && plannedMention(doc, m)) || (asks && askedAbout(lower, m)));
  if (
    !out.some((m, k) => !planned[k] && !m.prior && !m.consolidation && !m.adjuvant) ||
    !planned.includes(true)
  )
    return;
  let n = 0;
  for (let k = 0; k < out.length; k++) {
    const m = out[k] as Mention;
    if (planned[k]) sink.see(m.start, m.end);
    else out[n++] = m;
  }
  out.length = n;
}

// "progressed on osimertinib, now on carboplatin/pemetrexed", "erlotinib, then switched to osimertinib": the
// drugs before the switch are the earlier line.
const SWITCH_BEFORE_RE =
  /\b(?:now(?:\s+(?:on|receiving|taking))?|currently\s+(?:on|receiving|taking)|(?:switched|changed|moved)\s+(?:from\s+[a-z0-9/+\s-]{1,40}?\s+)?to|then|subsequently|followed\s+by|(?:2nd|second|3rd|third)[\s-]line|[23]l|->|→|(?:now\s+)?(?:\d{1,2}|one|two|three|four|five|six)\s+(?:cycles?|months?|weeks?)\s+into|(?<![\w.(])[2-6]\))\s*[:=-]?\s+(?:(?:2nd|second|3rd|third)[\s-]line\s+)?(?:with\s+)?(?:t[\s-])?$/;

// Any switch word at all: a cheap test before the pattern at each drug.
const SWITCH_GATE_RE =
  /now|currently|switch|changed|moved|then|subsequently|followed|line|[23]l\b|->|→|into|[2-6]\)/;

const LINE_MARK_RE = /^\s*(?:[1-9]l|(?:1st|2nd|3rd|[4-9]th|first|second|third|fourth)[\s-]line)\b/;
const BACK_STORY_RE =
  /^\s*(?:previous(?:ly)?|prior(?:\s+to\s+this)?|before\s+that|earlier|history|hx|h\/o)\b/;

/** "Now on docetaxel. Previously carbo/pem, then pem maintenance": a sentence that tells the earlier lines after a
 * drug already named is history, switches inside it included. */
function backStory(lower: string, out: readonly Mention[], pos: number): boolean {
  let from = cutBefore(lower, pos, 240, false);
  // "Prior: 1L carbo/pem x4; 2L docetaxel x6": a line told after a ";" goes on with the list of earlier lines.
  for (
    let n = 0;
    n < 4 && lower.charCodeAt(from - 1) === 59 && LINE_MARK_RE.test(lower.slice(from, from + 24));
    n++
  )
    from = cutBefore(lower, from - 1, 240, false);
  return BACK_STORY_RE.test(lower.slice(from, pos)) && out.some((m) => m.end <= from);
}

const MAINTENANCE_RE = /\bmaint(?:enance|\.)?\b/;

/** Marks the drugs before a switch as the earlier line; the switch's offset (its words), or -1. */
function priorBeforeSwitch(lower: string, out: Mention[]): number {
  if (out.length < 2 || !SWITCH_GATE_RE.test(lower)) return -1;
  let at = -1;
  let switchAt = -1;
  for (let k = out.length - 1; k > 0; k--) {
    const m = out[k] as Mention;
    const from = Math.max(0, m.start - 32);
    const sw = SWITCH_BEFORE_RE.exec(lower.slice(from, m.start));
    if (sw) {
      at = k;
      switchAt = from + sw.index;
      break;
    }
  }
  if (at < 0 || backStory(lower, out, switchAt)) return -1;
  const after = new Set<string>();
  const from = (out[at] as Mention).start;
  for (let k = at; k < out.length; k++) {
    const m = out[k] as Mention;
    after.add(m.drug.name);
    // "previously erlotinib, then switched to osimertinib": the words before the switch do not make the drug
    // after it an earlier line; a prior word after the switch still does.
    if (!m.adjuvant && !m.done && !PRIOR_RE.test(lower.slice(from, m.start))) m.prior = false;
  }
  // "osimertinib, now osimertinib + chemotherapy": a drug named again after the switch is still current.
  for (let k = 0; k < at; k++) {
    const m = out[k] as Mention;
    if (!after.has(m.drug.name)) m.prior = true;
  }
  // Only a new drug makes a new line: "carbo/pem/pembro x4, now pem/pembro maintenance" continues the first line,
  // whose cycles and response still count.
  // A drug left behind of a class the current drugs do not have ("osimertinib …, now pemetrexed") also ends a line.
  const before = new Set(out.slice(0, at).map((m) => m.drug.name));
  const afterClasses = new Set(out.slice(at).map((m) => m.drug.cls));
  const newDrug = [...after].some((name) => !before.has(name));
  // "…4 cycles carbo/pem/pembro; now pembro maintenance": the induction's chemotherapy left behind for maintenance
  // goes on as the same line.
  const last = out[out.length - 1] as Mention;
  const maintenance = MAINTENANCE_RE.test(lower.slice(switchAt, last.end + 24));
  const leftClass = out
    .slice(0, at)
    .some((m) => m.prior && !afterClasses.has(m.drug.cls) && !(maintenance && m.drug.cls === 'chemo'));
  return newDrug || leftClass ? switchAt : -1;
}

/** OFF_ANYWHERE_RE tested within one clause (a non-global copy: `test` keeps no lastIndex). */
const OFF_ANYWHERE_IN_RE = new RegExp(OFF_ANYWHERE_RE.source);
// "pem/pembro maintenance; off treatment since June": maintenance names the phase, not that it goes on today.
const STILL_NOW_RE = /\b(?:currently|still|ongoing|continuing|continues|remains\s+on|now\s+on|since)\b/;
const SINCE_AFTER_RE = /^\s+since\b/;
const OFF_NOW_RE = /^(?:no\s|observation|surveillance|active|watch|bsc|best)/;
const LATER_GATE_RE = /for|if|reserve|progression|pd/;
const FOR_LATER_AFTER_RE =
  /^[^.;,]{0,16}?\b(?:(?:is\s+)?(?:there\s+)?for\s+(?:2l|3l|(?:2nd|second|3rd|third|later)[\s-]line|later|the\s+future|future\s+use|progression)|if\s+needed|if\s+required|if\s+(?:(?:there\s+is|he|she|they|it|disease|further|more|any)\s+)*(?:progression|progresses|progress|pd)|in\s+reserve|(?:at|on|upon)\s+(?:(?:the\s+time\s+of|further)\s+)?(?:progression|pd)|as\s+(?:2l|second[\s-]line)\s+option)\b/;
const DECLINED_BEFORE_RE =
  /\b(?:declin(?:es|ed|ing)|refus(?:es|ed|ing)|does\s+not\s+want|did\s+not\s+want|unwilling\s+to\s+(?:have|start))\s+(?:further\s+|any\s+|all\s+)?$/;

// "post PACIFIC (1 yr durvalumab)", "completed durvalumab 2023", "durvalumab finished", "completed 2 years of
// pembrolizumab": a checkpoint-inhibitor course that ended is past treatment, not the current regimen. A chemo
// partner in the same sentence ("completed 4 cycles carbo/pem/pembro") is induction before maintenance, so it stays.
const FINISHED_RE =
  /\b(?:pacific|completed|completing|completion|finished|finishing|done|ended|concluded)\b|\b(?:s\/p|status\s+post)\s+(?:concurrent\s+|definitive\s+)?(?:crt|chemo[\s-]?(?:rt|radiation|radiotherapy)|chemoradi\w*)\b/;
const STILL_ON_RE =
  /\b(?:currently|still|ongoing|continuing|continues|remains\s+on|now\s+on|maintenance|since)\b/;
const YEAR_RE = /\b(?:19|20)\d\d\b/;
const ONE_YEAR_RE = /\b(?:1\s?yrs?|1\s?years?|one\s+year|12\s?(?:months?|mo|mths?))\b/;

const ON_BEFORE_RE = /\bon\s+$/;
const DONE_AFTER_RE = /^\s*,\s*(?:completed|finished|done|ended)\b/;

/** A cut of the drug's local phrase: ".", ";", "," or a line break. */
function isCut(c: number): boolean {
  return c === 46 || c === 59 || c === 44 || c === 10;
}

// "completed 4 cycles carboplatin/pemetrexed", "chemotherapy finished in March": a chemotherapy course that ended.
// "C4 completed", "completed cycle 2" tell a cycle given, not the course ended; "once completed" is ahead.
const CHEMO_FINISHED_RE = /\b(?:completed|finished|ended|concluded)\b/;
const CYCLE_GIVEN_RE = /\bc\d{1,2}\b|\bcycles?\s*(?:no\.?\s*|#\s*)?\d/;
const NOT_ENDED_YET_RE =
  /\b(?:once|when|until|if|after|upon|to\s+be|will\s+be|being|not|yet\s+to\s+be)\s+(?:\w+\s+){0,2}$/;
const RT_BETWEEN_RE = /\b(?:rt|sbrt|sabr|srs|wbrt|radio\w*|radiation|surgery|resection|lobectomy)\b/;

/** A chemotherapy course in the phrase `local` (from offset `from`) that ended, with no other class beside it
 * (chemo-IO induction goes on as maintenance; chemotherapy with osimertinib goes on as osimertinib). */
function finishedChemo(
  lower: string,
  m: Mention,
  all: readonly Mention[],
  from: number,
  to: number,
): boolean {
  const local = lower.slice(from, to);
  const f = CHEMO_FINISHED_RE.exec(local);
  if (!f || CYCLE_GIVEN_RE.test(local) || NOT_ENDED_YET_RE.test(local.slice(0, f.index))) return false;
  const at = from + f.index;
  if (at < m.start && RT_BETWEEN_RE.test(lower.slice(at, m.start))) return false;
  for (const o of all)
    if (o.start >= from && o.end <= to && o.drug.cls !== 'chemo' && o.drug.cls !== 'adjunct') return false;
  return true;
}

function finishedCourse(lower: string, m: Mention, all: readonly Mention[]): boolean {
  if (m.drug.cls !== 'io' && m.drug.cls !== 'chemo') return false;
  // The phrase around the drug, cut at the nearest cut on each side within 48 characters before, 32 after.
  const lo = Math.max(0, m.start - 48);
  const hi = Math.min(lower.length, m.end + 32);
  let from = lo;
  for (let k = m.start - 1; k >= lo; k--)
    if (isCut(lower.charCodeAt(k))) {
      from = k + 1;
      break;
    }
  let to = hi;
  for (let k = m.start; k < hi; k++)
    if (isCut(lower.charCodeAt(k))) {
      to = k;
      break;
    }
  const local = lower.slice(from, to);
  if (STILL_ON_RE.test(local) || ON_BEFORE_RE.test(lower.slice(Math.max(0, m.start - 4), m.start)))
    return false;
  if (m.drug.cls === 'chemo') return finishedChemo(lower, m, all, from, to);
  for (const o of all) if (o.drug.cls === 'chemo' && o.start >= from && o.end <= to) return false;
  // "durvalumab x 12 months, completed": the completion word may stand alone after a comma.
  const tail = DONE_AFTER_RE.test(lower.slice(to, to + 14));
  // Durvalumab after chemoradiation with a year or its one-year course named ("durva 1 yr") is PACIFIC, done.
  const durva = m.drug.name === 'durvalumab' && (YEAR_RE.test(local) || ONE_YEAR_RE.test(local));
  return tail || FINISHED_RE.test(local) || durva;
}

function regimenOf(classes: Set<DrugClass>, driver: string | undefined): string | undefined {
  if (classes.has('egfr-tki')) return 'egfr-tki';
  if (classes.has('other-tki')) return 'other-tki';
  if (classes.has('tki')) {
    if (driver === 'EGFR') return 'egfr-tki';
    if (driver && driver !== 'none' && driver !== 'KRAS') return 'other-tki';
    return undefined;
  }
  if (classes.has('chemo') && classes.has('io')) return 'chemo-io';
  if (classes.has('chemo')) return 'chemo';
  if (classes.has('io')) return 'io';
  return undefined;
}

/** The agents and the regimen of the current treatment (the prior one when only that is named). */
function emitRegimen(sink: Sink, current: readonly Mention[], driver: string | undefined): Set<DrugClass> {
  const agents: string[] = [];
  const classes = new Set<DrugClass>();
  for (const m of current) {
    classes.add(m.drug.cls);
    const generic = m.drug.cls === 'tki' || m.drug.name === 'chemotherapy' || m.drug.name === 'immunotherapy';
    if (
      !generic &&
      !m.drug.name.endsWith('inhibitor') &&
      !m.drug.name.endsWith('TKI') &&
      !agents.includes(m.drug.name)
    )
      agents.push(m.drug.name);
  }
  const regimen = regimenOf(classes, driver);
  if (regimen)
    for (const m of current)
      if (m.drug.cls !== 'adjunct') sink.add('therapy.regimen', regimen, m.start, m.end);
  if (agents.length > 0) {
    const agent = agents.join(' + ').slice(0, 80);
    for (const m of current)
      if (agents.includes(m.drug.name)) sink.add('therapy.agent', agent, m.start, m.end);
  }
  return classes;
}

// "chemo-IO (not yet started)", "osimertinib (planned)".
const PLANNED_BRACKET_AFTER_RE =
  /^\s*\(\s*(?:not\s+(?:yet\s+)?(?:started|commenced|begun)|planned|to\s+start|pending|awaited)\s*\)/;
// "after starting osimertinib": started, not planned.
const STARTED_BEFORE_RE = /\b(?:after|since|following|on)\s+$/;

// "Proposed: SBRT to the primary while continuing osimertinib": the plan is the RT, the drug goes on.
const CONTINUING_RE = /\b(?:continu(?:e|es|ing)|(?:while|whilst)\s+(?:on|taking)|remains?\s+on|alongside)\b/;
// "plan carbo/pem/pembro": the drugs joined to the one right after the plan word.
const JOINED_RE = /^\s*(?:[a-z-]+\s*[/+]\s*){0,4}$/;
const PLANNED_G_RE = new RegExp(PLANNED_RE.source, 'g');

/** A planned word in the clause `ctext` governs the drug at offset `at` of it. */
function plannedIn(ctext: string, at: number): boolean {
  if (!PLANNED_RE.test(ctext)) return false;
  for (const m of ctext.matchAll(PLANNED_G_RE)) {
    if (m[0] === 'starting' && STARTED_BEFORE_RE.test(ctext.slice(Math.max(0, m.index - 12), m.index)))
      continue;
    const end = m.index + m[0].length;
    // "plan osimertinib first": a bare "plan" governs the drug right after it only ("osimertinib, plan SBRT" and
    // "plan SBRT to the adrenal with osimertinib" are the RT's).
    if (m[0] === 'plan' && (m.index > at || !JOINED_RE.test(ctext.slice(end, at)))) continue;
    if (end <= at && CONTINUING_RE.test(ctext.slice(end, at))) continue;
    // "osimertinib 14 months - plan: SBRT to adrenal": a plan well after the drug is about something else.
    if (m.index > at + 24) continue;
    return true;
  }
  return false;
}

const TOXICITY_ON_BEFORE_RE =
  /\b(?:pneumonitis|colitis|hepatitis|nephritis|myocarditis|rash|toxicity|tox|irae|g[1-4]|grade\s*[1-4])\s+(?:on|during|while\s+on|with)\s+$/;
const TOXICITY_AFTER_RE =
  /^\s*(?:[\s-]*(?:induced|related|associated)\s+)?(?:pneumonitis|colitis|hepatitis|nephritis|toxicity|irae)\b/;
const WAS_ON_BEFORE_RE = /\b(?:was|were|had\s+been)\s+on\s+$/;
const OFF_DRUG_BEFORE_RE = /\boff\s+(?:all\s+)?$/;
const UNTIL_AFTER_RE = /^\s+until\b/;
const DATE_SRC = String.raw`(?:\[date\]|\d{1,2}\/(?:19|20)\d\d|(?:19|20)\d\d)`;
const ENDED_AFTER_RE = new RegExp(
  String.raw`^\s*\(?\s*(?:from\s+)?${DATE_SRC}\s*(?:to|-|–|until)\s*${DATE_SRC}|^[^.;,]{0,30}?,\s*(?:then\s+|but\s+|and\s+)?(?:stopped|discontinued|ceased)(?=\s*(?:$|[.,;)]|(?:for|due|because|owing|in|at|on|after|since|last)\b|\[date\]|\d))`,
);

// "Current line (3L): pemetrexed": the bracket cuts the clause, not the statement.
const CURRENT_BEFORE_RE = /\bcurrent\s+(?:line|treatment|therapy|regimen|tx)\b[^.;]{0,16}$/;

function onAt(lower: string, ctext: string, m: Mention): boolean {
  return ON_RE.test(ctext) || CURRENT_BEFORE_RE.test(lower.slice(Math.max(0, m.start - 40), m.start));
}

/** "off pembrolizumab since June" (off whatever drug is named right after "off"), "was on osimertinib until
 * March", "pembrolizumab from [DATE] to [DATE]", "nivolumab C6, stopped for colitis": a course that has ended. */
function endedAt(lower: string, m: Mention): boolean {
  return (
    OFF_DRUG_BEFORE_RE.test(lower.slice(Math.max(0, m.start - 9), m.start)) ||
    WAS_ON_BEFORE_RE.test(lower.slice(Math.max(0, m.start - 16), m.start)) ||
    UNTIL_AFTER_RE.test(lower.slice(m.end, m.end + 8)) ||
    ENDED_AFTER_RE.test(lower.slice(m.end, m.end + 48))
  );
}

/** Status words: "treatment-naive", "off treatment", and planned/on/off words in a drug's clause. */
function explicitStatus(doc: Doc, sink: Sink, all: readonly Mention[]): number {
  const { lower } = doc;
  let explicit = 0;
  // "newly diagnosed" is naive only when no drug is told as taken or stopped ("newly diagnosed, on osimertinib
  // 2 months" is on treatment): it is added after the drugs' own status words.
  const newly: Span[] = [];
  for (const m of matchAll(doc, NAIVE_RE, T.naive)) {
    const start = m.index;
    const end = start + m[0].length;
    if (sink.isConsumed(start, end)) continue;
    if (polarity(doc, start, end) === 'neg') continue;
    sink.consume(start, end);
    if (m[0].startsWith('newly')) newly.push({ start, end });
    else {
      sink.add('therapy.status', 'naive', start, end);
      explicit++;
    }
  }
  // "currently no treatment", "now on observation": said of today, so a course told with its cycles ("6 cycles
  // of carboplatin") is the past, not an on-treatment statement that conflicts with it.
  let offNow = false;
  for (const m of matchAll(doc, OFF_ANYWHERE_RE, T.offTreatment)) {
    sink.add('therapy.status', 'off-treatment', m.index, m.index + m[0].length);
    // "off treatment since June", "TKI holiday since March": today's status, as "currently no treatment" is.
    if (
      OFF_NOW_RE.test(m[0]) ||
      SINCE_AFTER_RE.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 7))
    )
      offNow = true;
    explicit++;
  }
  const doneClauses = new Set<number>();
  let taken = false;
  for (const m of all) {
    const clause = clauseAt(doc, m.start);
    // "Relapse 18 months after CRT + durvalumab, no treatment yet": the consolidation is not today's treatment.
    if (doneClauses.has(clause.start) || m.prior || (m.consolidation && explicit > 0)) continue;
    const w = clauseWindow(doc, m.start, m.end);
    const ctext = lower.slice(w.start, w.end);
    let status: string | undefined;
    // "pneumonitis G3 on pembro": when a toxicity happened, not what the patient takes today.
    if (
      TOXICITY_ON_BEFORE_RE.test(lower.slice(Math.max(0, m.start - 32), m.start)) ||
      TOXICITY_AFTER_RE.test(lower.slice(m.end, m.end + 24))
    )
      continue;
    if (plannedIn(ctext, m.start - w.start) || PLANNED_BRACKET_AFTER_RE.test(lower.slice(m.end, m.end + 32)))
      status = 'naive';
    else if (endedAt(lower, m) || OFF_RE.test(ctext)) status = 'off-treatment';
    else if (
      onAt(lower, ctext, m) &&
      !(offNow && (!STILL_NOW_RE.test(ctext) || OFF_ANYWHERE_IN_RE.test(ctext)))
    )
      status = 'on-treatment';
    if (status) {
      doneClauses.add(clause.start);
      sink.add('therapy.status', status, m.start, m.end);
      explicit++;
      if (status !== 'naive') taken = true;
    }
  }
  if (!taken)
    for (const n of newly) {
      sink.add('therapy.status', 'naive', n.start, n.end);
      explicit++;
    }
  return explicit;
}

const BARE_DURATION_RE =
  /^\s*(?:now\s+|currently\s+)?(?:on\s+|in\s+)?(?:c\d{1,2}(?:\s?d\d{1,2})?|(?:month|week)\s?\d{1,3})(?:\s+(?:done|completed|given|today))?\s*$|^\s*(?:(?:for|now|currently)\s+)?(?:x\s*|×\s*|approx\.?\s*|about\s+|around\s+|~\s*)?(?:\d{1,3}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:months?|mo|mths?|years?|yrs?|y|weeks?|wks?|w|\/12|\/52)(?:\s+(?:in\s+total|in\s+all|in|total|overall|so\s+far|ongoing|now|to\s+date))?\s*$/;

/** A drug named in the 40 characters before `pos`, in the same sentence. */
function drugJustBefore(lower: string, all: readonly Mention[], pos: number): boolean {
  for (const m of all) {
    if (m.end > pos || pos - m.end > 40) continue;
    const between = lower.slice(m.end, pos);
    if (!between.includes('.') && !between.includes(';') && !between.includes('\n')) return true;
  }
  return false;
}

const DURATION_LABEL_RE =
  /^\s*(?:(?:treatment|therapy|tki)\s+)?duration\s*[:=-]?\s*(?:so\s+far\s*)?[:=-]?\s*(?:\d|~|approx)/;

/** Durations count only in clauses about treatment or response. */
function therapyClause(doc: Doc, all: readonly Mention[], pos: number): boolean {
  const { lower, text } = doc;
  const c = clauseWindow(doc, pos, pos);
  const ctext = lower.slice(c.start, c.end);
  if (DURATION_EXCLUDE_RE.test(ctext)) return false;
  if (all.some((m) => m.start >= c.start && m.end <= c.end)) return true;
  // "osimertinib (11 months)": a bracket continues the clause before it; so does a comma before a clause that is
  // nothing but the duration ("osimertinib, 8 months, PR").
  const prev = lower.charCodeAt(c.start - 1);
  if (prev === 40 || (prev === 44 && BARE_DURATION_RE.test(ctext))) {
    const before = clauseAt(doc, c.start - 2);
    if (all.some((m) => m.start >= before.start && m.end <= before.end)) return true;
  }
  // "osimertinib (80mg), 4 weeks", "alectinib (600mg BD) 2 months": an aside between the drug and its duration.
  // "alectinib since [DATE] (7 months)": the guard's placeholder between them is no clause of its own.
  if (
    (prev === 44 || prev === 41 || prev === 40) &&
    BARE_DURATION_RE.test(ctext) &&
    drugJustBefore(lower, all, c.start)
  )
    return true;
  // "Osimertinib since 2023. Duration: 9 months": a duration label right after the drug.
  if (DURATION_LABEL_RE.test(ctext) && all.some((m) => m.end <= c.start && c.start - m.end <= 40))
    return true;
  return RESPONSE_CONTEXT_RE.test(ctext) || /\b(?:PR|SD|CR|PD)\b/.test(text.slice(c.start, c.end));
}

// "RT now or after 4 cycles?", "wait until 6 months of osimertinib?": a duration the board asks about.
const ASKED_DURATION_BEFORE_RE =
  /\b(?:or|vs\.?|versus|until|wait(?:ing)?\s+(?:for|until)|(?:after|following)\s+(?:a\s+|the\s+)?(?:further|another|more|remaining|planned)|complete|completing|finish|finishing)\s+(?:(?:after|at|following|the|a)\s+)?$/;

// "restage at 8 weeks", "repeat CT in 3 months": a time point ahead, not time on treatment.
const FUTURE_POINT_BEFORE_RE =
  /\b(?:restag\w*|reassess\w*|re-?imag\w*|review|scan|repeat\s+(?:ct|pet|imaging|scan))\s+(?:at|in|after)\s+(?:~\s*)?$/;

/** The rest of the sentence after `end` reports a result ("restaging after 4 cycles showed PR"). */
function resultAfter(lower: string, end: number): boolean {
  let to = Math.min(lower.length, end + 60);
  for (let k = end; k < to; k++) {
    const c = lower.charCodeAt(k);
    if (c === 46 || c === 59 || c === 10) to = k;
  }
  return RESULT_AFTER_RE.test(lower.slice(end, to));
}

const AT_BEFORE_RE = /\b(?:after|at)\s+$/;
const REVIEW_AFTER_RE =
  /^\s*(?:for\s+)?(?:response\s+assessment|restag\w*|reassess\w*|re-?imag\w*|(?:a\s+)?(?:repeat\s+)?(?:ct|pet|mri|scan))\b/;
const RESULT_AFTER_RE =
  /\b(?:pr|sd|cr|pd|cmr|pmr|showed|shows|showing|demonstrat\w*|confirmed|revealed|response(?!\s+assessment)|responding|stable|progress\w*|no\s+(?:new|progression|evidence))\b/;

function askedDuration(lower: string, start: number, end: number): boolean {
  // "restage at 8 weeks" is a time point ahead; "restaging after 4 cycles showed PR" is one passed.
  const before = lower.slice(Math.max(0, start - 28), start);
  if (FUTURE_POINT_BEFORE_RE.test(before)) return !resultAfter(lower, end);
  // "after 4 cycles response assessment", "at 3 months repeat CT": the time of a review ahead.
  if (
    AT_BEFORE_RE.test(before) &&
    REVIEW_AFTER_RE.test(lower.slice(end, end + 28)) &&
    !resultAfter(lower, end)
  )
    return true;
  if (!ASKED_DURATION_BEFORE_RE.test(lower.slice(Math.max(0, start - 28), start))) return false;
  for (let k = end; k < lower.length && k < end + 80; k++) {
    const c = lower.charCodeAt(k);
    if (c === 63) return true; // "?"
    if (c === 46 || c === 10 || c === 59) return false;
  }
  return false;
}

const PLANNED_AFTER_RE = /^\s*(?:planned|intended|proposed)\b/;
// "completed 2 months ago", "held since 6 weeks": time since a course ended, not time on it.
const ENDED_BEFORE_RE =
  /\b(?:completed|completing|finished|stopped|ended|discontinued|held|paused|off)\b[^.;]{0,36}$/;
const AGO_AFTER_RE = /^\s+ago\b/;
const STARTED_RE = /\b(?:start|commenc|began|begun|initiat|switch|changed|moved|since)/;

/** "pem 2/52 ago", "last dose 3 weeks ago": the time since a dose, not the time on treatment ("started 2 months
 * ago" is). */
function sinceDose(lower: string, start: number, end: number): boolean {
  if (!AGO_AFTER_RE.test(lower.slice(end, end + 6))) return false;
  return !STARTED_RE.test(lower.slice(sentenceStartBefore(lower, start, 60), start));
}

// Every plan, end or aside word of PLANNED_RE, PLANNED_AFTER_RE, PLANNED_BRACKET_AFTER_RE and ENDED_BEFORE_RE holds
// one of these: a text without any has no planned drug or duration (one scan per parse, cached by text).
const PLAN_GATE_RE =
  /plan|start|propos|commenc|initiat|await|pending|intend|receiv|begin|begun|candidate|would|consider|option|complet|finish|stop|ended|discontinu|held|paused|off|first|1st/;
let gateText = '';
let gateValue = false;

function mayPlan(lower: string): boolean {
  if (lower !== gateText) {
    gateText = lower;
    gateValue = PLAN_GATE_RE.test(lower);
  }
  return gateValue;
}

/** "Plan: 4 cycles of carboplatin…", "4 cycles planned": the length of a course not yet given. */
function plannedDuration(doc: Doc, start: number, end: number): boolean {
  const { lower } = doc;
  const before = lower.slice(Math.max(0, start - 48), start);
  if (OFF_FOR_BEFORE_RE.test(before) || FOR_LOCAL_AFTER_BEFORE_RE.test(before)) return true;
  if (!mayPlan(lower)) return false;
  if (PLANNED_AFTER_RE.test(lower.slice(end, end + 12))) return true;
  if (
    ENDED_BEFORE_RE.test(before) &&
    (AGO_AFTER_RE.test(lower.slice(end, end + 6)) || /\bsince\s+$/.test(before))
  )
    return true;
  const c = clauseWindow(doc, start, start);
  return plannedIn(doc.lower.slice(c.start, start), start - c.start);
}

// "off pembrolizumab for 9 months", "held for 3 weeks": the time off treatment.
const OFF_FOR_BEFORE_RE =
  /\b(?:off|held|paused|stopped|discontinued|interrupted|break|holiday)\b[^.;,]{0,30}\bfor\s+(?:the\s+(?:last|past)\s+)?$/;
// "currently C2, for RT after 4 cycles": the cycles planned before local treatment.
const FOR_LOCAL_AFTER_BEFORE_RE =
  /\bfor\s+(?:[\w-]+\s+){0,2}(?:rt|sbrt|sabr|srs|radio\w*|radiation|consolidat\w*|local\w*|surgery|resection|restag\w*|reassess\w*)\s+(?:[\w-]+\s+){0,4}(?:after|at|following|once)\s+(?:a\s+total\s+of\s+)?$/;
const ONCE_BEFORE_RE = /\b(?:once|should|provided)\b[^,;.:!?]*$/;

/** "If he achieves a PR at 3 months", "once 6 months of osimertinib": a figure in a condition; "docetaxel.
 * Previously carbo/pem 4 cycles": a figure told with an earlier line's drugs only, beside a current one. */
function notThisLine(doc: Doc, all: readonly Mention[], pos: number): boolean {
  if (conditionalAt(doc, pos)) return true;
  const c = clauseAt(doc, pos);
  if (ONCE_BEFORE_RE.test(doc.lower.slice(Math.max(c.start, pos - 60), pos))) return true;
  if (!all.some((m) => !m.prior)) return false;
  // Only the figure's own clause: "docetaxel after progression on carbo/pem, C4" is the docetaxel's C4. A drug
  // that goes on ("completed 4 cycles carbo/pem, now pem maintenance") keeps its line, and the figure.
  let told = false;
  for (const m of all)
    if (m.start >= c.start && m.end <= c.end) {
      if (!m.prior || all.some((o) => !o.prior && o.drug.name === m.drug.name)) return false;
      told = true;
    }
  return told;
}

/** "durva 1 yr": a duration right after a finished course is that course's length. */
function afterDone(done: readonly Mention[], start: number): boolean {
  for (const m of done) if (m.end <= start && start - m.end <= 12) return true;
  return false;
}

const LINE_BEFORE_RE = /\b[1-9]l\s*[,:]?\s*$/;
// "2L, C3." alone: not "drained 2L, C3 met" (a vertebra).
const BARE_AFTER_RE = /^\s*(?:[.,;)]|$)/;

function lineCycle(lower: string, start: number, end: number): boolean {
  return (
    LINE_BEFORE_RE.test(lower.slice(Math.max(0, start - 8), start)) &&
    BARE_AFTER_RE.test(lower.slice(end, end + 4))
  );
}

const X_BEFORE_RE = /\bx\s?$/;
// "Relapse 18 months after CRT + durvalumab", "recurrence 6 months after completing durvalumab": the time since an
// earlier treatment; "progression 14 months after starting osimertinib" is time on it.
const RELAPSE_BEFORE_RE = /\b(?:relaps\w*|recurr\w*|progress\w*|pd)\s+(?:at\s+|about\s+|approx\.?\s+|~\s*)?$/;
const SINCE_AFTER_WORD_RE =
  /^\s+(?:after|post|following|from)\s+(?:completing|completion|the\s+end|stopping|finishing|cessation|discontinu\w*|(?:the\s+)?last\s+dose)\b/;
const AFTER_LOCAL_RE =
  /^\s+(?:after|post|following)\s+(?:completing\s+|completion\s+of\s+|the\s+end\s+of\s+|finishing\s+)?(?:concurrent\s+|definitive\s+)?(?:crt|chemo[\s-]?(?:rt|radi\w*)|chemoradi\w*|surgery|resection|lobectomy|pneumonectomy|pacific)\b/;

function sinceEarlier(lower: string, start: number, end: number): boolean {
  const after = lower.slice(end, end + 40);
  if (AFTER_LOCAL_RE.test(after)) return true;
  return (
    SINCE_AFTER_WORD_RE.test(after) && RELAPSE_BEFORE_RE.test(lower.slice(Math.max(0, start - 24), start))
  );
}

const BELOW_BEFORE_RE = /(?:<|\bless\s+than|\bunder|\bfewer\s+than)\s*$/;

/** A duration stated as an upper bound ("< 3 months", "less than 4 cycles"). */
function below(lower: string, start: number): boolean {
  return BELOW_BEFORE_RE.test(lower.slice(Math.max(0, start - 12), start));
}

function duration(
  doc: Doc,
  sink: Sink,
  all: readonly Mention[],
  rule: {
    re: RegExp;
    triggers: readonly string[];
    fact: string;
    scale: (n: number) => number | undefined;
    /** Group 3 is the count of "month 9", "week 12" (of years: "and a half"). */
    ordinal?: boolean;
  },
  from: number,
  done: readonly Mention[],
): boolean {
  let found = false;
  const { re } = rule;
  const { lower } = doc;
  for (const m of matchAll(doc, re, rule.triggers)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start < from || sink.isConsumed(start, end) || !therapyClause(doc, all, start)) continue;
    if (afterDone(done, start)) continue;
    if (
      askedDuration(doc.lower, start, end) ||
      plannedDuration(doc, start, end) ||
      sinceDose(doc.lower, start, end) ||
      sinceEarlier(lower, start, end) ||
      notThisLine(doc, all, start)
    ) {
      sink.see(start, end);
      continue;
    }
    // "osi 18m": a bare "m" only right after the drug.
    if (
      m[1] !== undefined &&
      m[0].endsWith('m') &&
      !X_BEFORE_RE.test(lower.slice(Math.max(0, start - 3), start))
    )
      if (!all.some((d) => d.end <= start && start - d.end <= 2)) continue;
    // "a month ago", "last month": one month; "month 9", "week 12 of sotorasib": the ninth month, twelfth week.
    const ordinal = rule.ordinal === true && m[3] !== undefined ? Number(m[3]) : undefined;
    const stated = ordinal ?? (m[1] === undefined && m[2] === undefined ? 1 : Number(m[1]));
    const half = rule.ordinal !== true && m[3] !== undefined;
    const n = rule.scale(m[2] !== undefined ? wordValue(m[2]) + (half ? 0.5 : 0) : stated);
    if (n === undefined) continue;
    sink.consume(start, end);
    // "< 3 months of osimertinib" is under 3, so an "under 3 months" timing holds.
    sink.add(rule.fact, below(doc.lower, start) ? justBelow(n) : n, start, end);
    found = true;
  }
  return found;
}

const DURATIONS = [
  {
    re: MONTHS_RE,
    triggers: T.months,
    fact: 'therapy.months',
    scale: (n: number) => (n <= 240 ? n : undefined),
    ordinal: true,
  },
  {
    re: YEARS_RE,
    triggers: T.years,
    fact: 'therapy.months',
    scale: (n: number) => (n * 12 <= 240 ? n * 12 : undefined),
  },
  {
    re: WEEKS_RE,
    triggers: T.weeks,
    fact: 'therapy.weeks',
    scale: (n: number) => (n <= 1000 ? n : undefined),
    ordinal: true,
  },
];

/** Months, years, weeks and cycles on treatment; true when any was read. */
function emitDurations(
  doc: Doc,
  sink: Sink,
  all: readonly Mention[],
  classes: ReadonlySet<DrugClass>,
  from: number,
  done: readonly Mention[],
): boolean {
  let timed = false;
  for (const rule of DURATIONS) timed = duration(doc, sink, all, rule, from, done) || timed;
  for (const m of matchAll(doc, CYCLES_RE, T.cycles)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start < from || afterDone(done, start)) continue;
    if (
      askedDuration(doc.lower, start, end) ||
      plannedDuration(doc, start, end) ||
      notThisLine(doc, all, start)
    ) {
      sink.see(start, end);
      continue;
    }
    // "pembrolizumab, 6 cycles": written-out cycles are treatment wherever a drug is named; "C4" needs its clause.
    // "Docetaxel after PD. 2L, C3": a cycle told with the line's number.
    const written =
      (m[1] !== undefined || m[2] !== undefined || m[4] !== undefined || lineCycle(doc.lower, start, end)) &&
      all.length > 0;
    if (sink.isConsumed(start, end) || !(written || therapyClause(doc, all, start))) continue;
    const n = m[4] !== undefined ? WORD_NUM[m[4]] : Number(m[1] ?? m[2] ?? m[3]);
    if (n === undefined || n > 100) continue;
    sink.consume(start, end);
    sink.add('therapy.cycles', below(doc.lower, start) && n > 0 ? n - 1 : n, start, end);
    timed = true;
  }
  if (!(classes.has('chemo') || classes.has('io'))) return timed;
  for (const m of matchAll(doc, X_CYCLES_RE, T.xCycles)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start < from || sink.isConsumed(start, end)) continue;
    const c = clauseAt(doc, start);
    if (!all.some((d) => d.start >= c.start && d.end <= c.end)) continue;
    sink.consume(start, end);
    if (plannedDuration(doc, start, end) || notThisLine(doc, all, start)) continue;
    sink.add('therapy.cycles', Number(m[1] ?? m[2]), start, end);
    timed = true;
  }
  return timed;
}

function codeValue(code: string): 'CR' | 'PR' | 'SD' | 'PD' {
  if (code.endsWith('CR') || code === 'CMR') return 'CR';
  if (code.endsWith('PR') || code === 'PMR') return 'PR';
  return code.endsWith('SD') ? 'SD' : 'PD';
}

// "after initial PR, now PD": a response told as the past of the story is not today's response.
const EARLIER_RE =
  /\b(?:initial(?:ly)?|previous(?:ly)?|prior|earlier|at\s+first|first|original(?:ly)?)\s*(?:a\s+)?$/;

// "near CR", "almost complete response": a partial response.
const NEAR_RE = /\b(?:near(?:ly)?|almost|approaching)[\s-]*$/;

// "complete metabolic response except the primary", "CR with residual avid primary": not complete.
const NOT_COMPLETE_AFTER_RE =
  /^[^.;]{0,36}?\b(?:except|apart\s+from|other\s+than|(?:(?:but\s+(?:for\s+)?|with\s+(?:a\s+)?|,\s*)(?:residual|persistent)\s+(?:(?:low[\s-]grade|mild|minor|faint|moderate)\s+)?(?:(?:fdg[\s-]?)?avid\w*|uptake|activity|disease|tumou?r|mass|lesion|nodule|primary)))\b/;

function nearCr(
  lower: string,
  value: 'CR' | 'PR' | 'SD' | 'PD',
  start: number,
  end = start,
): 'CR' | 'PR' | 'SD' | 'PD' {
  if (value !== 'CR') return value;
  if (NEAR_RE.test(lower.slice(Math.max(0, start - 12), start))) return 'PR';
  return NOT_COMPLETE_AFTER_RE.test(lower.slice(end, end + 48)) ? 'PR' : value;
}

// "once she has responded", "if there is a response": a response the board is planning around, not one seen.
const IF_RESPONSE_BEFORE_RE =
  /\b(?:once|if|when|until|provided|assuming)\s+(?:(?:she|he|they|the\s+patient|pt|there)\s+)?(?:has\s+|have\s+|is\s+|are\s+|shows?\s+|achieves?\s+)?(?:a\s+|an\s+)?$/;

function isEarlier(lower: string, start: number): boolean {
  const before = lower.slice(Math.max(0, start - 32), start);
  return EARLIER_RE.test(before.slice(-16)) || IF_RESPONSE_BEFORE_RE.test(before);
}

// "mild ILD (fibrotic NSIP) on CT, stable", "COPD, stable": "stable" said of another condition, not of the cancer.
const OTHER_CONDITION_RE =
  /\b(?:ild|interstitial|fibrosis|fibrotic|nsip|uip|ipf|copd|emphysema|pneumonitis|renal\s+function|creatinine|lfts?|weight|angina|heart\s+failure|diabetes|hypertension|af)\b/g;
const TUMOUR_WORD_RE =
  /\b(?:mets?|metastas\w*|primary|tumou?r|mass|lesions?|disease|nodes?|nodal|liver|bone|adrenal|brain|pet|ct\s+(?:cap|chest|scan)|imaging|response|restag\w*|months?|weeks?|cycles?)\b/g;

function lastIndexOf(re: RegExp, text: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) at = m.index;
  return at;
}

function aboutOtherCondition(lower: string, start: number): boolean {
  let from = Math.max(0, start - 32);
  const stop = Math.max(lower.lastIndexOf('.', start - 1), lower.lastIndexOf(';', start - 1));
  if (stop >= from) from = stop + 1;
  const before = lower.slice(from, start);
  const other = lastIndexOf(OTHER_CONDITION_RE, before);
  return other >= 0 && other > lastIndexOf(TUMOUR_WORD_RE, before);
}

// "h/o breast ca 2015 (NED)", "NED intracranially": remission of another cancer or of one site, not a response.
const OTHER_CANCER_BEFORE_RE =
  /\b(?:h\/o|hx|history\s+of|previous|prior|past|treated\s+for)\s+(?:\w+\s+){0,3}(?:ca|cancer|carcinoma|lymphoma|melanoma|sarcoma|seminoma|leukaemia|leukemia)\b[^.;]{0,24}$/;
const SITE_AFTER_RE =
  /^\s*(?:intracranial(?:ly)?|in\s+the\s+brain|(?:in|at)\s+the\s+(?:srs|resection)\s+(?:site|cavity))\b/;

function aboutOtherCancer(lower: string, start: number, end: number): boolean {
  return (
    OTHER_CANCER_BEFORE_RE.test(lower.slice(Math.max(0, start - 60), start)) ||
    SITE_AFTER_RE.test(lower.slice(end, end + 24))
  );
}

function overlapsAny(responses: TherapyResult['responses'], start: number, end: number): boolean {
  for (const r of responses) if (r.span.start < end && start < r.span.end) return true;
  return false;
}

/** Response words and codes (brain "stable" was taken by the brain status before this runs). */
function readResponses(doc: Doc, sink: Sink): TherapyResult['responses'] {
  const { lower, text } = doc;
  const responses: TherapyResult['responses'] = [];
  for (const { triggers, re, value } of RESPONSE_RES) {
    for (const m of matchAll(doc, re, triggers)) {
      const start = m.index;
      const end = start + m[0].length;
      if (sink.isConsumed(start, end)) continue;
      // "complete metabolic response": the "metabolic response" inside it is the same statement.
      if (overlapsAny(responses, start, end)) continue;
      // "no evidence of disease" is a statement, not negated by its own "no".
      const statement = value === 'CR' && (lower.startsWith('no', start) || lower.startsWith('ned', start));
      if (
        (!statement && polarity(doc, start, end) !== 'pos') ||
        isEarlier(lower, start) ||
        (value === 'SD' && aboutOtherCondition(lower, start)) ||
        (value === 'CR' && aboutOtherCancer(lower, start, end))
      )
        sink.see(start, end);
      else responses.push({ value: nearCr(lower, value, start, end), span: { start, end } });
    }
  }
  // A text typed all in lower case ("on alec 2yrs, cr, ecog 0") writes its codes so too: only as a comma item.
  const codes = text === lower ? LOWER_CODE_RE : CODE_RE;
  codes.lastIndex = text === lower || CODE_GATE_RE.test(text) ? 0 : text.length;
  for (let m = codes.exec(text); m !== null; m = codes.exec(text)) {
    const start = m.index + m[0].length - (m[1] as string).length;
    const end = start + (m[1] as string).length;
    if (sink.isConsumed(start, end)) continue;
    const value = nearCr(lower, codeValue((m[1] as string).toUpperCase()), start, end);
    if (polarity(doc, start, end) !== 'pos' || isEarlier(lower, start)) sink.see(start, end);
    else responses.push({ value, span: { start, end } });
  }
  return responses;
}
const LOWER_CODE_RE = /(?:^|[,;:]\s*)(cr|pr|sd|pd)(?=\s*(?:[,;.]|$))/g;

export function extractTherapy(doc: Doc, sink: Sink, driver: string | undefined): TherapyResult {
  const { mentions: all, switchAt } = findDrugs(doc, sink);
  // The chemotherapy of a chemoradiation is no line of systemic treatment while another drug is named.
  const lines = all.some((m) => !m.crt) ? all.filter((m) => !m.crt) : all;
  const current = lines.some((m) => !m.prior) ? lines.filter((m) => !m.prior) : lines;
  const classes = emitRegimen(sink, current, driver);
  // Status: explicit words first; a drug with a duration or a response is on treatment.
  let explicit = explicitStatus(doc, sink, all);
  const done = all.find((m) => m.done);
  // The cycles of a finished chemotherapy course are still the induction given ("completed 4 cycles").
  const doneIo = all.filter((m) => m.done && m.drug.cls === 'io');
  if (explicit === 0 && all.every((m) => m.prior) && done) {
    sink.add('therapy.status', 'off-treatment', done.start, done.end);
    explicit++;
  }
  // The length of a finished or an adjuvant course is not time on the current treatment; nor is the time on an
  // earlier line ("osimertinib for 14 months, then PD; now carboplatin/pemetrexed C3"), told before the switch.
  const from = Math.max(0, switchAt);
  // "…then durvalumab 12 months. Relapse; not yet started systemic treatment": the consolidation's length is history.
  const naive = sink.candidates.some((c) => c.fact === 'therapy.status' && c.value === 'naive');
  const timed = emitDurations(
    doc,
    sink,
    all.filter(
      (m) => !(m.done && m.drug.cls === 'io') && !m.adjuvant && !m.crt && !(naive && m.consolidation),
    ),
    classes,
    from,
    doneIo,
  );
  const read = readResponses(doc, sink);
  // A response told before the switch is the earlier line's.
  // So is one told in a sentence of the earlier lines ("Now docetaxel. Previously carbo/pem, PR, then PD").
  const story = (r: TherapyResult['responses'][number]) => backStory(doc.lower, all, r.span.start);
  const responses = read.filter((r) => r.span.start >= from && !story(r));
  for (const r of read) if (r.span.start < from || story(r)) sink.see(r.span.start, r.span.end);
  // The earlier line's progression is history once the current line has its own time or response.
  // After adjuvant or consolidation treatment alone, new lesions are a recurrence, not progression on a line.
  const historyBefore =
    all.length > 0 && all.every((m) => m.adjuvant || m.consolidation)
      ? doc.lower.length
      : switchAt >= 0 && (timed || responses.length > 0)
        ? switchAt
        : -1;
  if (explicit === 0 && all.length > 0 && (timed || responses.length > 0)) {
    const first = current[0] as Mention;
    sink.add('therapy.status', 'on-treatment', first.start, first.end);
  }
  return { responses, drugMentioned: all.length > 0, historyBefore };
}
