// Oncogenic driver and EGFR variant. A gene stated negative rules out that gene only; the driver is "none"
// only when the text says so for all ("driver negative", "no actionable mutation", "pan-negative").
import type { Doc } from './doc.js';
import { conditionalAt, isQuestionMark, matchAll, polarity } from './doc.js';
import type { Sink } from './sink.js';
import { sortSmall } from './sort-small.js';
import type { Span } from './types.js';
import { T } from './vocabulary.js';

type Gene = 'EGFR' | 'ALK' | 'ROS1' | 'RET' | 'MET' | 'BRAF' | 'NTRK' | 'HER2' | 'KRAS';
const ALL_GENES: readonly Gene[] = ['EGFR', 'ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2', 'KRAS'];

const GENE_RE =
  /\b(egfr|alk|ros[\s-]?1|ros(?=\s*(?:neg\b|negative|-ve|wt\b|pos\b|positive|\+|-\s|-$))|ret|braf|ntrk[123]?|her[\s-]?2|erbb2|kras|c-?met|met)(m|mt|mut)?(?![a-z0-9])/g;
// A lower-case "met" is a metastasis unless gene words follow.
const MET_CONTEXT_RE =
  /^\s?-?(?:ex(?:on)?\s?14|amp\b|ampl|skip|fusion|overexpress|alteration|altered|driven|mutation|mutant|gene\b|positive|\+)/;
const METEX14_RE = /\bmetex(?:on)?14\b/g;
const GENE_WORD_BEFORE_RE = /(?:egfr|alk|ros1|ret|braf|ntrk\d?|her2|kras)\s*(?:[/,&]|and|or)\s*$/;
const GENE_WORD_AFTER_RE = /^\s*(?:[/,&]|and|or)\s*(?:egfr|alk|ros1|ret|braf|ntrk|her2|kras)/;

const SKIP_RE =
  /^[\s:]*(?:\(\s*[a-z0-9-]+\s*\)\s*)?(?:(?:mutation(?:al)?\s+(?=status|testing|tested|test\b|results?|analysis)|status|testing|tested|test|results?|reports?|by\s+(?:ngs|pcr|ihc|fish)|on\s+ngs|ngs|pcr|ihc|fish|gene|mutation\s+analysis)\s*[:=]?\s*)*/;
const NEUTRAL_RE = /^-?\s*(?:tkis?\b|inhibitors?|targeted|directed|blockade|antibod|therap|treatment|tki)/;
const NEG_RE =
  /^(?:-\s*(?=$|[\s/,;.)&])|[:=]?\s*(?:(?:all|both|are|were|is|was)\s+)?(?:(?:mutations?|mut|rearrangements?|fusions?|translocations?|amplifications?|alterations?|variants?)\s+(?:(?:is|was|were)\s+)?)?(?:neg(?:ative)?\b|-ve\b|wt\b|wild[\s-]?type|wildtype|not\s+(?:detected|identified|found)|nd\b|unmutated|non[\s-]?mutated|no\s+(?:mutation|alteration|rearrangement|fusion|amplification)|not\s+(?:mutated|rearranged|amplified)|absent|normal\b))/;
// "EGFR exon 19 deletion not detected", "ALK IHC (D5F3) negative", "BRAF V600E: not detected", "EGFR sensitising
// mutations: none": the result comes after the variant, assay, clone or kind of mutation named for the gene. Only
// such words may stand between ("EGFR L858R with T790M not detected" keeps L858R).
const DESCRIBED_NEG_RE =
  /^(?:\s*(?:[:=()]|\b(?:mutations?|mut|actionable|targetable|druggable|sensiti[sz]ing|activating|driver|oncogenic|pathogenic|exon|ex|ex(?:on)?\d{1,2}(?:del|ins|dup|deletion|insertion)?|\d{1,3}|nineteen|twenty|twenty[\s-]one|deletions?|del|insertions?|ins|skipping|fusions?|rearrangements?|translocations?|amplifications?|amp|alterations?|variants?|by|on|via|ihc|fish|ngs|pcr|rt-pcr|tissue|plasma|liquid|biopsy|ctdna|cfdna|testing|tested|test|status|results?|assay|panel|sequencing|d5f3|5a4|sp384|ventana|was|is|were|are|[a-z]\d{2,4}[a-z]{1,3})\b))*\s*(?:not\s+(?:detected|identified|found|seen|present)|negative|neg\b|-ve\b|undetected|absent|nd\b|none(?:\s+(?:detected|identified|found))?\b|nil\b)/;
// "EGFR T790M not detected", "ALK G1202R negative": a resistance mutation tested after a TKI; its absence says
// nothing about the sensitising one.
const RESISTANCE_RE = /\b(?:t790m|c797s|l718q|g1202r|l1196m|g2032r|d1228n)\b/;
// A negative read from a variant named before it ("exon 19 deletion not detected"): another variant of the gene
// may still be positive ("…; L858R detected").
const VARIANT_WORD_RE =
  /\b(?:exon|ex|ex(?:on)?\d{1,2}(?:del|ins|dup|deletion|insertion)?|deletions?|del|insertions?|ins|skipping|[a-z]\d{2,4}[a-z]{1,3})\b/;
const NEG_WORD_RE = /neg|not|nd\b|-ve|absent|undetected|none|nil\b/;
// "EGFR VUS": a variant of uncertain significance is not a driver.
const VUS_RE = /^[\s:]*(?:[a-z0-9]+\s+){0,3}?(?:vus\b|variants?\s+of\s+(?:uncertain|unknown)\s+significance)/;
const BRACKET_NEG_RE = /^\s*\(\s*(?:-|neg(?:ative)?|-ve|wt|wild[\s-]?type)\s*\)/;
// "EGFR: ➖", "ALK ❌": a minus or a cross is a negative result.
const SYMBOL_NEG_RE = /^\s*[:=]?\s*(?:➖|❌|✗|✘|✖|−)/;
const TEST_WORD_RE = /\b(?:status|testing|tested|test|results?|reports?|analysis)\b/;
// "sent for EGFR", "awaiting ALK FISH": a test asked for, its result unknown.
const ASKED_BEFORE_RE =
  /\b(?:sent\s+for|awaiting|await(?:ed)?|requested|pending|test(?:ed|ing)?\s+for|ask(?:ed|ing)?\s+about|check(?:ed|ing)?|order(?:ed)?)\s+(?:an?\s+|the\s+)?$/;
// A test asked for or failed, its result unknown: "EGFR pending", "EGFR - not done", "EGFR QNS", "ALK IHC
// equivocal", "EGFR (not assessable)". Read before the dash-as-minus ("EGFR -"), which these would otherwise be.
const HEDGE_RE =
  /^[:=-]?\s*\(?\s*(?:pending|await(?:ed|ing)|sent|requested|ordered|in\s+progress|tbc|to\s+(?:follow|be\s+confirmed)|unknown|not\s+(?:yet\s+)?(?:tested|done|available|known|assessed|assessable|evaluable|performed|reportable|sent|back)|qns\b|quantity\s+not\s+sufficient|insufficient|inadequate|failed|failure|unsuccessful|n\/a\b|na\b|inconclusive|indeterminate|equivocal|unavailable|non[\s-]?diagnostic|invalid|no\s+result|(?:possibly|probably|likely|maybe|perhaps)\b|\?)/;
// "ALK+ (tbc)", "KRAS G12C (to be confirmed)": a result whose confirmation is awaited.
const UNCONFIRMED_AFTER_RE =
  /^[a-z0-9]*\s*\(?\s*(?:tbc|to\s+be\s+confirmed|unconfirmed|not\s+(?:yet\s+)?confirmed|provisional|awaiting\s+confirmation)\b/;
// "ALK+?", "EGFR ex19del?": a "?" closing the result, unless it closes a question ("SBRT dose in EGFR+?").
const QUERIED_AFTER_RE = /^[^,;.()?\n]{0,24}\?(?![a-z])/;

// "a hypothetical EGFR mutation", "had she been ALK+", "were she EGFR mutant", "supposing the tumour were…", "what
// if she had ECOG 2": a supposed finding, not the case's. ("she had been ALK+" is a past finding: no inversion.)
const HYPOTHETICAL_BEFORE_RE =
  /\b(?:hypothetic(?:al|ally)|suppos(?:e|ing)|imagin(?:e|ing))\b[^.;!?\n]*$|\b(?:(?:what\s+if|had|were)\s+(?:she|he|it|they|the\s+(?:patient|pt|tumou?r|disease))\s+(?:had|has|were|was|been|harbou?red|carried|shown|tested|turned\s+out|proved)|were\s+(?:she|he|it|the\s+(?:patient|pt|tumou?r|disease))|(?:she|he|it|the\s+(?:patient|pt|tumou?r|disease))\s+were)\b[^.;!?,\n]*$|\bwhat\s+if\s+(?:her|his|the)\s+$|\bwould\s+an?\s+(?:[a-z]+\s+)?$/;

/** Whether the fragment at `start` is supposed ("had she been ALK+"), not stated; shared with the scores. */
export function hypotheticalAt(doc: Doc, start: number): boolean {
  return HYPOTHETICAL_BEFORE_RE.test(doc.lower.slice(Math.max(0, start - 60), start));
}

// "in an EGFR-mutant patient would you…": a kind of patient, perhaps this one; it stands only when nothing else
// states the driver (a "driver negative" or another gene found is not overridden by it).
const GENERIC_BEFORE_RE = /\b(?:in|for)\s+(?:an?|the\s+case\s+of\s+an?)\s+$/;
const GENERIC_AFTER_RE =
  /^[\s+-]*(?:(?:mutant|mutated|mutation|positive|pos|\+ve|rearranged|driven|altered|fusion|amplified)[\s-]*)?(?:patients?|pts?|cases?|population|setting|scenario|context|disease|nsclc|tumou?rs?)\b/;

function genericAt(lower: string, start: number, end: number): boolean {
  return (
    GENERIC_BEFORE_RE.test(lower.slice(Math.max(0, start - 24), start)) &&
    GENERIC_AFTER_RE.test(lower.slice(end, end + 30))
  );
}

function queriedAt(doc: Doc, end: number): boolean {
  const q = QUERIED_AFTER_RE.exec(doc.lower.slice(end, end + 28));
  return q !== null && !isQuestionMark(doc, end + q[0].length - 1);
}
const POS_RE =
  /^(?:\+|\(\+\)|[:=-]?\s*(?:pos(?:itive)?\b|\+ve\b|mut(?:ant|ated|ation|ations)?\b|m\+|-?mutant|rearrange|fusion|translocat|amplif|amp\b|altered|alteration|driven|exon|ex\s?\d|del|ins\b|dup\b|l858r|t790m|c797s|g719|l861q|s768i|g1[23][a-z]|q61|v600|skipping|overexpress|yvma|[a-z]\d{2,4}[a-z]\b))/;
const GENE_LIST_BEFORE_RE = /(?:egfr|alk|ros1|ret|braf|ntrk\d?|her2|kras|met)\s*[,:]?\s*(?:are\s+|were\s+)?$/;
const LIST_SEP_RE = /^\s*(?:[/,&]\s*(?:and\b|or\b)?|and\b|or\b)\s*$/;
// "negative EGFR/ALK", "wild type for EGFR": the status written before the list.
const NEG_BEFORE_RE =
  /\b(?:negative|neg|wild[\s-]?type|wt)\s*(?:for\s*)?(?:all\s+(?:the\s+)?(?:tested\s+)?(?:genes|markers|drivers|targets)\s*)?[:=(]?\s*$/;

const NONE_RE =
  /\b(?:(?:no|negative\s+for(?:\s+any)?(?=\s+(?:known|actionable|targetable|targetted|druggable|oncogenic|pathogenic|driver|genomic|molecular)\b))\s+(?:(?:known|actionable|targetable|targetted|druggable|oncogenic|pathogenic|driver|other|identifiable|detectable|detected|genomic|molecular)\s+)*(?:driver|mutation|alteration|target|fusion|oncogene|(?<=pathogenic\s)variant)s?\b(?!\s+(?:testing|analysis|results?|status)|\s+(?:of|in|for)\s+(?:the\s+)?(?:egfr|alk|ros|ret|met|braf|kras|her2|ntrk|erbb2))|driver[\s-]?(?:mutation[\s-]?|panel[\s-]?)?(?:negative|neg)\b|(?:drivers?|(?:driver|actionable|targetable|druggable)\s+(?:mutations?|alterations?|genes?|variants?))(?:\(s\))?\s*[:=-]\s*(?:none|nil|negative|neg|not\s+(?:detected|identified|found))\b|(?:pan|triple|quadruple)[\s-]?neg(?:ative)?\b|all\s+(?:(?:drivers?|genes?|markers?|biomarkers?|mutations?|others?)\s+)?(?:negative|neg|wt|wild[\s-]?type)\b|negative\s+for\s+all\b|wild[\s-]?type\s+for\s+all\b|(?:ngs|molecular(?:\s+(?:profiling|testing))?|genomic(?:\s+profiling)?|biomarkers?)\s*[:=-]?\s*(?:negative|neg\b|-ve\b|unremarkable|(?:no|nil)\s+(?:actionable|targetable|driver|pathogenic))|(?<!\b(?:ihc|immuno[a-z]*)\s+)\bpanel\s*[:=-]?\s*(?:negative|neg\b|-ve\b|unremarkable|(?:no|nil)\s+(?:actionable|targetable|driver|pathogenic))|\b(?:wild[\s-]?type|wt)\s+(?:on|by|via)\s+(?:ngs|(?:the\s+)?(?:(?:full|extended|broad|comprehensive|large)\s+)?(?:ngs\s+|gene\s+|genomic\s+|molecular\s+|driver\s+)?panel)\b|non[\s-]?(?:actionable|targetable)\b|no\s+targetable\b|oncogene[\s-]?negative\b|driver[\s-]?less\b)/g;

// "driver not stated", "NGS pending": read, and deliberately left unknown.
const UNSTATED_RE =
  /\b(?:driver|drivers|mutation|molecular|ngs|genomic|biomarkers?)\s+(?:status\s+|testing\s+|results?\s+|profiling\s+)?(?:not\s+(?:yet\s+)?(?:stated|known|tested|available|done|back)|unknown|pending|awaited|in\s+progress|outstanding|to\s+follow)\b/g;

interface VariantRule {
  triggers: readonly string[];
  re: RegExp;
  gene: Gene;
  variant?: 'ex19del' | 'L858R' | 'exon20ins' | 'uncommon';
}
const VARIANT_RULES: VariantRule[] = [
  {
    triggers: T.egfrEx19del,
    re: /\b(?:(?:egfr)?ex(?:x?on)?\.?[\s-]?(?:19|nineteen)[\s-]?(?:del(?:etion)?s?)?|19[\s-]?del|del[\s-]?19|e746[_-]a750\s?del)(?![a-z0-9])/g,
    gene: 'EGFR',
    variant: 'ex19del',
  },
  {
    triggers: T.egfrL858r,
    re: /\b(?:egfr|exon[\s-]?21[\s-]?)?l858r\+?(?![a-z0-9])/g,
    gene: 'EGFR',
    variant: 'L858R',
  },
  {
    triggers: T.egfrEx20ins,
    re: /\b(?:ex(?:on)?[\s-]?(?:20|twenty)[\s-]?(?:ins(?:ertion)?s?|insertion)|insertions?\s+(?:in\s+)?exon[\s-]?(?:20|twenty)\b|a767_v769dup|d770_n771ins[a-z]*)(?![a-z0-9])/g,
    gene: 'EGFR',
    variant: 'exon20ins',
  },
  {
    triggers: T.egfrUncommon,
    re: /\b(?:g719[xacsd]?|l861q|s768i|e709[xak]?|(?:uncommon|atypical|rare|compound)\s+egfr(?:\s+mutation)?|egfr\s+(?:uncommon|atypical|rare|compound)(?:\s+mutation)?)(?![a-z0-9])/g,
    gene: 'EGFR',
    variant: 'uncommon',
  },
  { triggers: T.egfrOther, re: /\b(?:t790m|c797s|exon[\s-]?21)(?![a-z0-9])/g, gene: 'EGFR' },
  { triggers: T.krasVariant, re: /\b(?:g12[cdvasr]|g13[cd]|q61[hlkr])(?![a-z0-9])/g, gene: 'KRAS' },
  { triggers: T.brafV600, re: /\bv600[ek]?(?![a-z0-9])/g, gene: 'BRAF' },
  { triggers: T.alkFusion, re: /\beml4\b/g, gene: 'ALK' },
  { triggers: T.retFusion, re: /\bkif5b\b|\bccdc6\b/g, gene: 'RET' },
  { triggers: T.ros1Fusion, re: /\bcd74\b/g, gene: 'ROS1' },
];

const SPACE_DASH_RE = /[\s-]/g;
const PLUS_AFTER_RE = /^\s*\+/;
const QUESTION_BEFORE_RE = /\?\s?$/;
const ALL_RE = /^all\b/;
const TEST_NONE_RE =
  /^(?:ngs|molecular|genomic|biomarker|panel|wild|wt|actionable|targetable|druggable|driver\s)/;
const GENE_BEFORE_TEST_RE =
  /\b(?:egfr|alk|ros[\s-]?1|ret|braf|ntrk\d?|her[\s-]?2|erbb2|kras|c-?met|met)(?:\s+(?:mutation|mut|status|testing|gene))?\s*(?:[:=-]|by|on|via|from)?\s*$/;

function geneOf(word: string): Gene {
  const w = word.replace(SPACE_DASH_RE, '');
  if (w.startsWith('ros')) return 'ROS1';
  if (w.startsWith('ntrk')) return 'NTRK';
  if (w === 'her2' || w === 'erbb2') return 'HER2';
  if (w.endsWith('met')) return 'MET';
  return w.toUpperCase() as Gene;
}

/** 'neg-variant': negative for the variant named ("exon 19 deletion not detected"), so for the gene only when
 * no other variant of it is positive. */
type Status = 'pos' | 'neg' | 'neg-variant' | 'hedge' | 'neutral' | 'default';

interface Mention {
  gene: Gene;
  start: number;
  end: number;
  status: Status;
  /** A kind of patient ("in an EGFR-mutant patient"): positive only when nothing else states the driver. */
  generic?: boolean;
}

// "EGFR amplification": a copy-number change, not the sensitising mutation the EGFR rules are about (unlike
// "MET amp", a MET driver by decision-spec §2). With "no (sensitising) mutation" after it, EGFR is negative.
const EGFR_AMP_RE =
  /^[:=-]?\s*(?:amplif[a-z]*|amp\b|overexpress[a-z]*|copy[\s-]?number\s+(?:gain|amplification)|cn\s+gain)/;
const NO_MUTATION_RE =
  /\b(?:no|without|negative\s+for)\s+(?:an?\s+)?(?:(?:sensiti[sz]ing|activating|targetable|actionable|egfr)\s+)*mutations?\b|\bnot\s+mutated\b|\bwild[\s-]?type\b|\bwt\b/;

// "no ALK resistance mutations", "no ROS1 G2032R": a resistance test, not the driver's own result.
const RESISTANCE_AFTER_RE =
  /^[\s:-]*(?:kinase[\s-]domain\s+)?(?:resistance|acquired|secondary|compound|on[\s-]target|(?:t790m|c797s|l718q|g1202r|l1196m|g2032r|d1228n)\b)/;
// "ctDNA negative for ALK", "EGFR not detected on plasma": a liquid biopsy misses what tissue found.
const LIQUID_RE = /\b(?:ctdna|cfdna|plasma|liquid(?:\s+biopsy)?|guardant|blood[\s-]based)\b/;

function ownStatus(gene: Gene, tailRaw: string, suffix: string | undefined): Status {
  if (RESISTANCE_AFTER_RE.test(tailRaw)) return 'neutral';
  if (gene === 'EGFR' && EGFR_AMP_RE.test(tailRaw)) return NO_MUTATION_RE.test(tailRaw) ? 'neg' : 'neutral';
  if (suffix) return UNCONFIRMED_AFTER_RE.test(tailRaw) ? 'hedge' : 'pos';
  // "EGFR (-)", "ALK (neg)": the bracket is the result, not a label to skip.
  if (BRACKET_NEG_RE.test(tailRaw) || SYMBOL_NEG_RE.test(tailRaw)) return 'neg';
  const tail = tailRaw.replace(SKIP_RE, '');
  if (NEUTRAL_RE.test(tail)) return 'neutral';
  if (HEDGE_RE.test(tail)) return 'hedge';
  if (NEG_RE.test(tail)) return 'neg';
  // The negative words first: a cheap test before the long pattern.
  const described = NEG_WORD_RE.test(tailRaw) ? DESCRIBED_NEG_RE.exec(tailRaw) : null;
  if (described) {
    if (RESISTANCE_RE.test(described[0])) return 'neutral';
    return VARIANT_WORD_RE.test(described[0]) ? 'neg-variant' : 'neg';
  }
  if (VUS_RE.test(tail)) return 'neutral';
  const pos = POS_RE.exec(tail);
  if (pos) return UNCONFIRMED_AFTER_RE.test(tail.slice(pos[0].length)) ? 'hedge' : 'pos';
  // "EGFR status", "EGFR testing", "EGFR report attached": a test named without its result.
  if (TEST_WORD_RE.test(tailRaw.slice(0, tailRaw.length - tail.length))) return 'hedge';
  return 'default';
}

export interface DriverResult {
  /** The driver decided from the text, if one gene (or "none") stands. */
  driver?: string;
}

/** Every gene named, with the status written right after it ("EGFR wt", "ALK+", "MET exon 14"). */
function geneMentions(doc: Doc): Mention[] {
  const { lower, text } = doc;
  const mentions: Mention[] = [];
  for (const m of matchAll(doc, GENE_RE, T.gene)) {
    const start = m.index;
    const end = start + m[0].length;
    const gene = geneOf(m[1] as string);
    if (gene === 'MET' && !m[1]?.startsWith('c')) {
      const upper = text.slice(start, start + 3) === 'MET';
      const after = lower.slice(end, end + 24);
      const before = lower.slice(Math.max(0, start - 16), start);
      const listed = GENE_WORD_BEFORE_RE.test(before) || GENE_WORD_AFTER_RE.test(after);
      // "1 bone met + 1 liver met": a lower-case "met" before "+" is a metastasis; "MET+" is the gene.
      if (!upper && PLUS_AFTER_RE.test(after)) continue;
      // "MET negative" written as the gene (capitals) is a gene result.
      if (!MET_CONTEXT_RE.test(after) && !(upper && (listed || NEG_RE.test(after.trimStart())))) continue;
    }
    let status = ownStatus(gene, lower.slice(end, end + 48), m[2]);
    if (gene === 'HER2' && her2OfOtherCancer(lower, start, end)) status = 'neutral';
    if (status === 'pos' && queriedAt(doc, end)) status = 'hedge';
    if (hypotheticalAt(doc, start)) status = 'neutral';
    mentions.push({ gene, start, end, status, generic: genericAt(lower, start, end) });
  }
  for (const m of matchAll(doc, METEX14_RE, T.metExon14)) {
    mentions.push({ gene: 'MET', start: m.index, end: m.index + m[0].length, status: 'pos' });
  }
  return sortSmall(mentions, (a, b) => a.start - b.start);
}

/** A list ("EGFR/ALK/ROS1 negative", "negative for EGFR, ALK") shares one status. */
function shareListStatus(doc: Doc, mentions: readonly Mention[]): void {
  const { lower } = doc;
  // The status stated after the list's last gene.
  for (let i = mentions.length - 1; i >= 0; i--) {
    const cur = mentions[i] as Mention;
    const next = mentions[i + 1];
    if (cur.status !== 'default' || !next) continue;
    if (LIST_SEP_RE.test(lower.slice(cur.end, next.start))) cur.status = next.status;
  }
  // Still undecided: negated or hedged by the words before the list.
  let runStart = 0;
  for (let i = 0; i < mentions.length; i++) {
    const cur = mentions[i] as Mention;
    const prev = mentions[i - 1];
    if (!prev || !LIST_SEP_RE.test(lower.slice(prev.end, cur.start))) runStart = cur.start;
    if (cur.status === 'default' && NEG_BEFORE_RE.test(lower.slice(Math.max(0, runStart - 40), runStart))) {
      cur.status = 'neg';
      continue;
    }
    if (cur.status === 'default' && ASKED_BEFORE_RE.test(lower.slice(Math.max(0, runStart - 24), runStart))) {
      cur.status = 'hedge';
      continue;
    }
    if (cur.status === 'default' || cur.status === 'pos') {
      // "no EGFR mutation": the words before the list override a positive-looking word after the gene.
      const pol = polarity(doc, runStart, cur.end);
      if (pol !== 'pos') cur.status = pol;
      else if (cur.status === 'default') cur.status = 'pos';
    }
  }
}

interface Tally {
  positives: Map<Gene, Span[]>;
  /** Positives told of a kind of patient ("in an EGFR-mutant patient"). */
  generic: Mention[];
  negatives: Set<Gene>;
  negSpans: Span[];
}

function addPositive(t: Tally, gene: Gene, start: number, end: number): void {
  const list = t.positives.get(gene);
  if (list) list.push({ start, end });
  else t.positives.set(gene, [{ start, end }]);
}

function tally(sink: Sink, mentions: readonly Mention[]): Tally {
  const t: Tally = { positives: new Map(), generic: [], negatives: new Set(), negSpans: [] };
  for (const m of mentions) {
    if (m.status === 'pos' && m.generic) {
      t.generic.push(m);
      sink.see(m.start, m.end);
    } else if (m.status === 'pos') addPositive(t, m.gene, m.start, m.end);
    else if (m.status === 'neg') {
      t.negatives.add(m.gene);
      t.negSpans.push({ start: m.start, end: m.end });
      sink.see(m.start, m.end);
    } else sink.see(m.start, m.end);
  }
  return t;
}

const HER2_NEAR_RE = /\b(?:her[\s-]?2|erbb2)\b/;
// "HER2+ breast ca", "breast cancer, ER+/PR-/HER2+": the receptor status of a breast or gastric cancer, not a
// lung driver.
const OTHER_CANCER_WORDS = '(?:breast|mammary|gastric|gastro-?o?esophageal|o?esophageal|goj|gej)';
const HER2_OTHER_AFTER_RE = new RegExp(
  String.raw`^[\s+-]*(?:(?:positive|pos|\+ve|amplified|amp|3\+|enriched|overexpress\w*)\s*)?${OTHER_CANCER_WORDS}\b`,
);
const HER2_OTHER_BEFORE_RE = new RegExp(
  String.raw`(?:\b${OTHER_CANCER_WORDS}\s+(?:(?:ca|cancer|carcinoma|adenocarcinoma|primary)\s*)?[,:(]?\s*|\b(?:er|pr|pgr)\s*[+-]?(?:ve)?\s*[/,]?\s*)$`,
);

function her2OfOtherCancer(lower: string, start: number, end: number): boolean {
  return (
    HER2_OTHER_AFTER_RE.test(lower.slice(end, end + 32)) ||
    HER2_OTHER_BEFORE_RE.test(lower.slice(Math.max(0, start - 40), start))
  );
}

/** Variants name their gene ("L858R", "KRAS G12C", "EML4-ALK"); EGFR's also give `egfrVariant`. */
function readVariants(doc: Doc, sink: Sink, t: Tally): void {
  const { lower } = doc;
  for (const rule of VARIANT_RULES) {
    for (const m of matchAll(doc, rule.re, rule.triggers)) {
      const start = m.index;
      const end = start + m[0].length;
      const pol = polarity(doc, start, end);
      // "HER2 exon 20 insertion" is a HER2 driver.
      const her2 =
        rule.variant === 'exon20ins' &&
        HER2_NEAR_RE.test(lower.slice(Math.max(0, start - 30), Math.min(lower.length, end + 20)));
      const unconfirmed = UNCONFIRMED_AFTER_RE.test(lower.slice(end, end + 28)) || queriedAt(doc, end);
      if (pol !== 'pos' || her2 || unconfirmed || hypotheticalAt(doc, start)) {
        sink.see(start, end);
        continue;
      }
      addPositive(t, rule.gene, start, end);
      if (rule.variant) sink.add('egfrVariant', rule.variant, start, end);
    }
  }
}

/** Global statements that no driver was found ("driver negative", "pan-negative"): a complete panel. */
function noneStatements(doc: Doc, sink: Sink): Span[] {
  const { lower } = doc;
  for (const m of matchAll(doc, UNSTATED_RE, T.driverUnstated)) {
    sink.see(m.index, m.index + m[0].length);
  }
  const noneSpans: Span[] = [];
  for (const m of matchAll(doc, NONE_RE, T.driverNone)) {
    const start = m.index;
    const end = start + m[0].length;
    // "?driver negative", "if molecular negative, chemo-IO?": asked or supposed, not a result.
    if (QUESTION_BEFORE_RE.test(lower.slice(Math.max(0, start - 2), start)) || conditionalAt(doc, start)) {
      sink.see(start, end);
      continue;
    }
    // "EGFR, ALK, ROS1, BRAF all negative": "all" is the genes just listed, a partial panel; "EGFR by NGS
    // negative", "EGFR wild type on NGS": the test that found one gene negative, not a whole panel.
    if (ALL_RE.test(m[0]) && GENE_LIST_BEFORE_RE.test(lower.slice(Math.max(0, start - 40), start))) continue;
    if (TEST_NONE_RE.test(m[0]) && GENE_BEFORE_TEST_RE.test(lower.slice(Math.max(0, start - 40), start)))
      continue;
    noneSpans.push({ start, end });
  }
  return noneSpans;
}

function liquidNear(lower: string, start: number, end: number): boolean {
  return LIQUID_RE.test(lower.slice(Math.max(0, start - 30), Math.min(lower.length, end + 40)));
}

export function extractDriver(doc: Doc, sink: Sink): DriverResult {
  const mentions = geneMentions(doc);
  shareListStatus(doc, mentions);
  // A negative on a liquid biopsy counts only when nothing found the gene (as a variant ruled out does).
  for (const m of mentions)
    if (m.status === 'neg' && liquidNear(doc.lower, m.start, m.end)) m.status = 'neg-variant';
  const t = tally(sink, mentions);
  readVariants(doc, sink, t);
  for (const m of mentions) {
    if (m.status !== 'neg-variant') continue;
    if (t.positives.has(m.gene)) {
      m.status = 'neutral';
      continue;
    }
    m.status = 'neg';
    t.negatives.add(m.gene);
    t.negSpans.push({ start: m.start, end: m.end });
  }
  const noneSpans = noneStatements(doc, sink);
  const { positives, negatives, negSpans } = t;
  if (positives.size === 0 && noneSpans.length === 0)
    for (const m of t.generic) if (!negatives.has(m.gene)) addPositive(t, m.gene, m.start, m.end);
  if (noneSpans.length === 0 && ALL_GENES.every((g) => negatives.has(g))) noneSpans.push(...negSpans);

  const genes = [...positives.keys()];
  // decision-spec §2: the genes reported negative; with EGFR among them and nothing positive, the engine
  // reads a partial panel (driver none, flag panel-incomplete).
  for (const m of mentions)
    if (m.status === 'neg' && !positives.has(m.gene)) sink.add('negativeFor', m.gene, m.start, m.end);
  if (genes.length === 0) {
    if (noneSpans.length > 0) {
      for (const s of noneSpans) sink.add('driver', 'none', s.start, s.end);
      return { driver: 'none' };
    }
    return {};
  }
  if (genes.length > 1) {
    const spans = genes.flatMap((g) => positives.get(g) ?? []);
    sink.conflict('driver', genes, spans);
    return {};
  }
  const gene = genes[0] as Gene;
  const spans = positives.get(gene) ?? [];
  if (noneSpans.length > 0 && gene !== 'KRAS') {
    sink.conflict('driver', [gene, 'none'], [...spans, ...noneSpans]);
    return {};
  }
  if (negatives.has(gene)) {
    sink.conflict('driver', [gene, `${gene} negative`], [...spans, ...negSpans]);
    return {};
  }
  for (const s of spans) sink.add('driver', gene, s.start, s.end);
  for (const s of noneSpans) sink.see(s.start, s.end);
  return { driver: gene };
}
