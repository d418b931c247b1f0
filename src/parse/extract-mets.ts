// Metastases (count, organs, sites, burden), brain status and serosal disease.
//
// Sites are read by a small left-to-right pass over word tokens: "3 bone mets + R adrenal" gives bone ×3 and
// adrenal ×1; "bone, liver and adrenal mets" gives three organs with unknown counts; "no brain or liver mets"
// negates both. Mediastinal, hilar and supraclavicular nodes are regional, never metastases.

import { emitBrain } from './brain-status.js';
import type { Doc, Token } from './doc.js';
import { conditionalAt, isQuestionMark, matchAll, polarity } from './doc.js';
import type { Sink } from './sink.js';
import { T } from './vocabulary.js';

type Site =
  | 'bone'
  | 'liver'
  | 'adrenal'
  | 'brain'
  | 'contralateral-lung'
  | 'pleura'
  | 'distant-nodes'
  | 'other';

export interface MetItem {
  site: Site;
  /** Distinct organ ("other" sites differ by organ: skin and kidney are two organs). */
  organ: string;
  count?: number;
  start: number;
  end: number;
  negated: boolean;
  hedged: boolean;
  /** Stated as new, growing or progressing. */
  progressing: boolean;
  /** A metastasis word ("mets", "lesions", "M1b") governs the item; without it a bare site word is not a met. */
  metContext: boolean;
  /** Counted by "x2" or "(2)" after it: a metastasis even without the word ("bone x2"). */
  ownCount?: boolean;
  /** The count 1 comes only from a singular word ("liver met"): a following "x2" replaces it. */
  singular?: boolean;
  /** A lung site named "contralateral" or "bilateral": a nodule there is a metastasis. */
  qualifiedLung?: boolean;
  /** One side named before a paired site ("L adrenal"): 1 left, 2 right. */
  side?: 1 | 2;
}

export interface MetsResult {
  items: MetItem[];
  groups: Group[];
}

/** Space-separated words as a list (keeps long vocabularies compact). */
function words(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

const NUMBER_WORDS = new Map<string, number>([
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['single', 1],
  ['solitary', 1],
  ['isolated', 1],
  ['lone', 1],
  ['sole', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
]);

/** Parts of the brain ("R parietal met"); before a bone word they name the skull ("frontal bone met"). */
const BRAIN_PARTS = words(
  'frontal parietal temporal occipital frontoparietal parieto-occipital temporoparietal pontine brainstem ' +
    'thalamic cerebellum cerebrum',
);
const BRAIN_PART = new Set(BRAIN_PARTS);
const SKULL_AFTER = new Set(
  words(
    'bone bones sinus sinuses condyle scalp skull calvarium calvarial pleura pleural peritoneum peritoneal',
  ),
);
const SITE_WORDS = new Map<string, [Site, string]>();
function sites(site: Site, organ: string, list: readonly string[]): void {
  for (const w of list) SITE_WORDS.set(w, [site, organ]);
}
sites(
  'bone',
  'bone',
  words(
    'bone bones bony osseous skeletal skeleton vertebral vertebra vertebrae spine spinal sacral sacrum ' +
      'rib ribs iliac ilium femur femoral humerus humeral pelvic pelvis acetabular acetabulum sternum ' +
      'sternal scapula scapular skull calvarial calvarium clavicle clavicular osteolytic osteoblastic lytic ' +
      // dictation typos
      'osseus ossious boney',
  ),
);
sites('liver', 'liver', ['liver', 'hepatic', 'hepatics', 'livers', 'liever', 'livre']);
sites('adrenal', 'adrenal', [
  'adrenal',
  'adrenals',
  'suprarenal',
  'adr',
  'adrenel',
  'adrenol',
  'adreanl',
  'adrnal',
]);
sites('brain', 'brain', [
  'brain',
  'cerebral',
  'cerebellar',
  'intracranial',
  'cns',
  'intraaxial',
  ...BRAIN_PARTS,
]);
sites('contralateral-lung', 'lung', ['lung', 'lungs', 'pulmonary', 'pulm']);
sites('pleura', 'pleura', ['pleura', 'pleural']);
sites('other', 'skin', ['skin', 'cutaneous', 'subcutaneous', 'dermal']);
sites('other', 'soft-tissue', ['muscle', 'muscular', 'intramuscular', 'gluteal', 'gluteus', 'psoas']);
sites('other', 'kidney', ['kidney', 'kidneys', 'renal']);
sites('other', 'spleen', ['spleen', 'splenic']);
sites('other', 'pancreas', ['pancreas', 'pancreatic']);
sites('other', 'peritoneum', ['peritoneal', 'peritoneum', 'omental']);
sites('other', 'ovary', ['ovary', 'ovarian']);
sites('other', 'bowel', ['bowel', 'intestinal', 'colonic', 'gastric', 'stomach']);
sites('other', 'thyroid', ['thyroid']);
sites('other', 'breast', ['breast']);
sites('other', 'eye', ['orbital', 'choroidal', 'ocular']);
sites('other', 'heart', ['cardiac', 'myocardial']);

const PAIRED = new Set(['adrenal', 'kidney', 'ovary']);

const NODE_WORDS = new Set(words('node nodes nodal lymph ln lns lymphadenopathy adenopathy lad'));
const DISTANT_QUALIFIERS = new Set(
  words(
    'distant axillary axilla retroperitoneal paraaortic aortic abdominal inguinal mesenteric portocaval ' +
      'coeliac celiac extrathoracic pelvic iliac cervical retrocrural paracaval aortocaval',
  ),
);
const REGIONAL_QUALIFIERS = new Set(
  words(
    'mediastinal hilar perihilar subcarinal paratracheal pretracheal precarinal supraclavicular scalene ' +
      'regional n1 n2 n3 prevascular aortopulmonary paraesophageal paraoesophageal intrapulmonary ' +
      'peribronchial tracheobronchial ipsilateral station level',
  ),
);

const MET_WORDS = new Set(
  words(
    'met mets mtes metastasis metastases metastatic metastatis metastasises metastasies metastais metasteses ' +
      'secondaries secondary deposit deposits lesion lesions nodule nodules focus foci disease dz involvement ' +
      'spread mass masses site sites m1 m1a m1b m1c m1c1 m1c2 carcinomatosis',
  ),
);
const STRONG_MET_WORDS = new Set(
  words(
    'met mets mtes metastasis metastases metastatic metastatis metastasies metastais metasteses secondaries ' +
      'deposit deposits carcinomatosis',
  ),
);
// "oligometastatic disease (3 lesions)": after a strong metastasis word these count the metastases.
const LESION_TOTAL_WORDS = new Set(['lesions', 'deposits', 'sites', 'foci']);
const SINGULAR_MET_WORDS = new Set(
  words('met metastasis metastatis secondary deposit lesion nodule focus mass site'),
);
// Words that do not make a lung site a metastasis ("interstitial lung disease").
const WEAK_FOR_LUNG = new Set(['disease', 'dz', 'involvement', 'spread', 'mass', 'masses', 'sites', 'site']);

const POLY_WORDS = new Set(
  words(
    'multiple numerous innumerable countless diffuse widespread extensive disseminated multifocal miliary ' +
      'myriad many polymetastatic polymets polymetastases poly tntc',
  ),
);
/** Poly words that are themselves metastasis words. */
const POLY_MET_WORDS = new Set(words('polymetastatic polymets polymetastases'));
const MULTI_WORDS = new Set(['several', 'few', 'some', 'scattered', 'various']);

const LATERAL_ONE = new Set(['left', 'right', 'l', 'r', 'lt', 'rt']);
const LATERAL_TWO = new Set(['bilateral', 'bilat', 'both']);
// Bones named in a list of spinal levels; generic words ("bone", "spine") name no lesion of their own.
const NAMED_BONES = new Set(
  words(
    'sacrum sacral rib iliac ilium femur femoral humerus humeral pelvis acetabulum acetabular sternum ' +
      'scapula skull calvarium clavicle coccyx ischium',
  ),
);
const TREATMENT_WORDS = new Set(
  words('srs sbrt sabr rt radiotherapy wbrt radiosurgery surgery resection ablation'),
);
const TREATED_RE = /^(?:irradiat|radiat|treat|previously)/;
/** Words an aside opens with: a size, a symptom or a treatment note. */
const ASIDE_START = new Set(
  words(
    'largest biggest max maximum up measuring painful symptomatic asymptomatic not no untreated treated irradiated sclerotic lytic',
  ),
);
const DATE_PARTS = new Set(['/', '.', '(', ')', '[', ']', 'date']);
// Month names; "may" only where a date is expected (it is also a verb).
const MONTH_WORDS =
  'jan feb mar apr jun jul aug sep sept oct nov dec january february march april june july august september ' +
  'october november december';
const MONTHS = new Set(words(`${MONTH_WORDS} may`));
const GLUED_SITE_RE = /^(\d{1,2})([a-z]{4,})$/;
const SIZE_SUFFIX_RE = /^\d+(?:\.\d+)?(?:mm|cm)$/;
const BONE_PARTS = new Set(words('wing wings neck shaft head body'));
const PLURAL_BONES = new Set(words('ribs vertebrae'));
/** Words between the side and the bone of a list member: "the", "other", "and" between ordinals. */
const LIST_FILLER = new Set(words('the and , & plus'));
const ORDINAL_RE = /^\d{1,2}(?:st|nd|rd|th)$/;
function isLeft(w: string): boolean {
  return w.charCodeAt(0) === 108; // "l", "lt", "left"
}
const NEG_WORDS = new Set(['no', 'not', 'without', 'nil', 'nor', 'neither']);
const HEDGE_WORDS = new Set(
  words(
    '? possible possibly probable probably query suspected suspicious suspect indeterminate equivocal ' +
      'likely questionable presumed if assuming unless whether nonspecific unclear uncertain cannot ' +
      'poss prob maybe perhaps',
  ),
);
const BULLETS = new Set(['•', '-', '*', '·', '–']);
const FORWARD_HEDGES = new Set(words('if assuming unless whether unclear uncertain'));
const CANNOT_HEDGES = new Set(words('exclude excluded rule be'));
const PROGRESS_WORDS = new Set(words('new enlarging growing progressing progressive increasing active'));
// Words between a lesion and what it is thought to be: "thought to be", "in keeping with", "c/w", "felt to be".
const BENIGN_LINK = new Set(
  words(
    'thought felt to be is are was were likely probably most consistent compatible with in keeping c/w ' +
      'represents representing represent favoured favored considered deemed suggestive of a an appears looks like at ' +
      'too small',
  ),
);
const BLOCKERS = new Set(
  words(
    'adenoma adenomas cyst cysts haemangioma hemangioma haemangiomas hemangiomas granuloma granulomas ' +
      'inflammatory infective infectious infection inflammation fnh scar scarring atelectasis reactive ' +
      'characterise characterize uncharacterised uncharacterized ' +
      'benign degenerative fracture fractures insufficiency hyperplasia lipoma fatty cirrhosis chronic ' +
      'steatosis calcified osteoporotic infarct abscess effusion effusions thickening plaque plaques ' +
      'function reserve fibrosis interstitial',
  ),
);
const LEVEL_JOIN = new Set([',', 'and', '&', '/', '+', 'plus']);
const MET_GENE_AFTER = new Set(
  words(
    'mutation mutated mutant positive pos skipping fusion alteration altered overexpression ihc inhibitor tki 14',
  ),
);
const LOBE_CODES = new Set(words('rul rml rll lul lll lingula'));
const SITE_LIST_HEADS = new Set(words('in at across involving within throughout'));
const SEGMENT_WORDS = new Set(words('segment segments seg segs'));
/** A liver segment: 1-8 (4a, 4b) or I-VIII. */
const SEGMENT_LABEL_RE = /^(?:[1-8][ab]?|i{1,3}|iv[ab]?|vi{0,3})$/;
/** A rib: side and number ("r4", "l11"). */
const RIB_LABEL_RE = /^[rl]\d{1,2}$/;
/** RIB_LABEL_RE without the regex (tried at every token the reader does not know). */
function isRibLabel(w: string): boolean {
  const c = w.charCodeAt(0);
  const d = w.charCodeAt(1);
  const e = w.length === 3 ? w.charCodeAt(2) : 48;
  return (
    (w.length === 2 || w.length === 3) && (c === 114 || c === 108) && d >= 48 && d <= 57 && e >= 48 && e <= 57
  );
}
// What may follow a count after a colon: "liver mets: 3", "bone mets - 2 (T8, L2)".
const COUNT_TAIL = new Set([',', ')', '(']);
const PRIMARY_LUNG_BEFORE = new Set(
  words(
    'scc sqcc squamous adeno adenocarcinoma nsclc carcinoma primary lcnec cancer tumour tumor malignancy neoplasm',
  ),
);
const CONNECTORS = new Set(
  words(
    '+ & and or , / with plus to in of the at involving within ( ) : - each on also including incl as ' +
      'well x × is are into across throughout overall',
  ),
);
const DESCRIPTORS = new Set(
  words(
    'small large tiny known sclerotic blastic mixed hypermetabolic fdg pet avid biopsy proven ' +
      'hypodense hyperdense hypoattenuating hypoechoic enhancing osteolytic osteoblastic ring ' +
      'confirmed subcentimetre subcentimeter subcm painful asymptomatic symptomatic untreated treated ' +
      'synchronous metachronous additional further other another only dominant evidence signs sign any ' +
      'definite obvious radiological cortical seen noted identified present ' +
      'lobe hemisphere upper lower distal proximal stable responding remaining metastatic cm mm ' +
      'sub centimetre centimeter up approximately approx about total spine gland sided mediastinal hilar ' +
      'vertebral body bodies level levels neck shaft head wing axis punctate haemorrhagic hemorrhagic necrotic',
  ),
);
const UNITS = new Set(
  words(
    'cm mm % gy fx fractions mo mos month months week weeks wks cycle cycles years year yo y yr kg mg ml cc',
  ),
);
const END_TOKENS = new Set([';', '.', '\n', '\r', 'but', 'however', 'although', 'except', 'whereas']);
const VERTEBRA_CODE_RE = /^[tlcs]\d{1,2}$/;

interface State {
  /** `oligo`: an upper bound of 5 or fewer ("up to 5 mets"), the oligometastatic burden once a met word follows. */
  /** `times`: written "3x" before the site, which counts it as "bone x3" after it does. */
  count: { n?: number; poly?: boolean; oligo?: boolean; times?: boolean; start: number } | undefined;
  negated: boolean;
  hedged: boolean;
  progressing: boolean;
  blocked: boolean;
  lateral: 1 | 2 | undefined;
  /** The side when `lateral` is 1: 1 left, 2 right. */
  side: 1 | 2;
  distant: boolean;
  regional: boolean;
  /** "contralateral"/"bilateral" make a lung nodule a metastasis. */
  strongLung: boolean;
}

export interface Group {
  start: number;
  end: number;
  hasMet: boolean;
  /** A strong metastasis word ("mets", "oligometastatic") was read: "(3 lesions)" after it is a total. */
  strongMet?: boolean;
  pending: MetItem[];
  items: MetItem[];
  /** Items closed by the last metastasis word: "x2", "(2)", "?" after it refer to them. */
  lastClosed: readonly MetItem[];
  /** Stated totals; a provisional one ("2 mets in the liver…") counts only when the per-site counts do not. */
  totals: { n: number; start: number; end: number; provisional?: boolean }[];
  burden: { value: 'oligo' | 'poly'; start: number; end: number }[];
}

// "liver mets ruled out": 'ruled' stands for the phrase (nothing is "ruled in" in a board note).
const POST_NEG_WORDS = new Set(
  words('negative neg clear normal unremarkable nad excluded absent none ruled'),
);
const POST_HEDGE_WORDS = new Set(['pending', 'awaited', 'tbc', 'requested', 'planned', 'outstanding']);
const IMAGING_WORDS = new Set(words('mri mr ct pet imaging scan scans staging petct xray'));
const BLOCK_NEXT = new Set(['benign', 'chronic', 'fatty', 'degenerative', 'reactive', 'inflammatory']);
const CLEARING = new Set([',', '+', '&', 'and', 'plus', 'with']);
const KEEP_LAST = new Set(['(', ')', 'x', '×', '-', ':']);
// A number right after these words is not a lesion count ("ECOG 1", "PD-L1 80", "C4").
const NOT_COUNT_AFTER = new Set(
  words(
    'ecog ps who kps karnofsky tps stage cycle cycles c gy fx age aged l1 status score exon ex g v grade ' +
      // "SUVmax 14, bone met", "Hb 11", "rib 6 met": a measurement or a place, not a count.
      'suv suvmax suvpeak sul sulpeak hu hb hgb cea ldh alp crp rib ribs ' +
      // "(month 22): new adrenal met", "week 12 of sotorasib": a time point, not a count.
      'month week day year wk mo d ' +
      // "Now (Mar 25):", "scan 12 Jan": a date, not a count.
      MONTH_WORDS,
  ),
);
const WEAK_FOR_PLAIN_LUNG = new Set([
  ...WEAK_FOR_LUNG,
  'nodule',
  'nodules',
  'lesion',
  'lesions',
  'focus',
  'foci',
]);

/** Token kinds of the metastasis reader; a word's kind is looked up once (first list wins). */
const K = {
  Unknown: 0,
  End: 1,
  Place: 2,
  Times: 3,
  TimesN: 4,
  Number: 5,
  NumberWord: 6,
  Poly: 7,
  Multi: 8,
  Oligo: 9,
  Neg: 10,
  PostNeg: 11,
  PostHedge: 12,
  Hedge: 13,
  Blocker: 14,
  Imaging: 15,
  LatOne: 16,
  LatTwo: 17,
  Distant: 18,
  Regional: 19,
  Progress: 20,
  Node: 21,
  Contralateral: 22,
  Vertebra: 23,
  Site: 24,
  Met: 25,
  Connector: 26,
  Descriptor: 27,
} as const;
type K = (typeof K)[keyof typeof K];

const KIND = new Map<string, K>();
function kinds(kind: K, words: Iterable<string>): void {
  for (const w of words) if (!KIND.has(w)) KIND.set(w, kind);
}
const ROMAN_RE = /^[ivx]+[ab]?$/;
const ITEM_START = new Set<K>([
  K.Number,
  K.NumberWord,
  K.Site,
  K.Descriptor,
  K.LatOne,
  K.LatTwo,
  K.Met,
  K.Node,
  K.Distant,
  K.Contralateral,
]);

// What may follow a hedge after a comma for it to be about the items before the comma.
const HEDGE_TAIL = new Set<K>([K.Unknown, K.End, K.Hedge, K.Blocker, K.Met]);

function isDigitStart(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function isSmallNumber(w: string): boolean {
  const last = w.charCodeAt(w.length - 1);
  return (w.length === 1 || w.length === 2) && isDigitStart(w) && last >= 48 && last <= 57;
}

/** "t1"–"t4": a thoracic vertebra or a T category. */
function isTCategoryLike(w: string): boolean {
  const d = w.charCodeAt(1);
  return w.length === 2 && w.charCodeAt(0) === 116 && d >= 49 && d <= 52;
}

/** Kinds that depend on the spelling rather than a word list: "x3", "T8", "metastasess", "oligometastases". */
function guessKind(w: string): K {
  const c = w.charCodeAt(0);
  if ((c === 120 || c === 215) && w.length <= 3 && w.length > 1 && isDigitStart(w.slice(1))) {
    return /^[x×]\d{1,2}$/.test(w) ? K.TimesN : K.Unknown;
  }
  if (w.length <= 3 && (c === 116 || c === 108 || c === 99 || c === 115) && VERTEBRA_CODE_RE.test(w))
    return K.Vertebra;
  if (
    c === 109 &&
    (w.startsWith('metast') || w.startsWith('mestast') || w.startsWith('metstas')) &&
    w.length <= 14
  )
    return K.Met;
  if (c === 111 && w.startsWith('oligomet')) return K.Oligo;
  return K.Unknown;
}

kinds(K.End, END_TOKENS);
kinds(K.Place, ['segment', 'segments', 'seg', 'segs', 'station', 'level', 'levels']);
kinds(K.Times, ['x', '×', '(']);
kinds(K.NumberWord, NUMBER_WORDS.keys());
kinds(K.Poly, POLY_WORDS);
kinds(K.Multi, MULTI_WORDS);
kinds(K.Oligo, ['oligo']);
kinds(K.Neg, NEG_WORDS);
kinds(K.PostNeg, POST_NEG_WORDS);
kinds(K.PostHedge, POST_HEDGE_WORDS);
kinds(K.Hedge, HEDGE_WORDS);
kinds(K.Blocker, BLOCKERS);
kinds(K.Imaging, IMAGING_WORDS);
kinds(K.LatOne, LATERAL_ONE);
kinds(K.LatTwo, LATERAL_TWO);
kinds(
  K.Distant,
  [...DISTANT_QUALIFIERS].filter((w) => w !== 'pelvic' && w !== 'iliac'),
);
kinds(K.Regional, REGIONAL_QUALIFIERS);
kinds(K.Progress, PROGRESS_WORDS);
kinds(K.Node, NODE_WORDS);
kinds(K.Contralateral, ['contralateral', 'contralat', 'contra']);
kinds(K.Site, SITE_WORDS.keys());
kinds(K.Met, MET_WORDS);
kinds(K.Connector, CONNECTORS);
kinds(K.Descriptor, DESCRIPTORS);

const NO_ITEMS: readonly MetItem[] = [];

/** Word-list memberships read at other tokens than the current one, as bits (one look-up per token). */
const F = {
  Met: 1 << 0,
  Strong: 1 << 1,
  LesionTotal: 1 << 2,
  Singular: 1 << 3,
  WeakLung: 1 << 4,
  WeakPlainLung: 1 << 5,
  Node: 1 << 6,
  Unit: 1 << 7,
  Site: 1 << 8,
  Imaging: 1 << 9,
  NotCountAfter: 1 << 10,
  PrimaryLung: 1 << 11,
  LevelJoin: 1 << 12,
  CountTail: 1 << 13,
  BlockNext: 1 << 14,
  Clearing: 1 << 15,
  KeepLast: 1 << 16,
  /** "except", "besides", "than", "from": may start an exception group. */
  Except: 1 << 17,
  PelvicIliac: 1 << 18,
  Lat: 1 << 20,
  /** The kind came from the spelling (guessKind), which the look-ahead kind ignores. */
  Guessed: 1 << 19,
} as const;
/** Kind in the low 5 bits, flags above. */
const KIND_BITS = 5;
const KIND_MASK = (1 << KIND_BITS) - 1;

const WORD_CODE = new Map<string, number>();
function flag(bit: number, list: Iterable<string>): void {
  for (const w of list) WORD_CODE.set(w, (WORD_CODE.get(w) ?? 0) | (bit << KIND_BITS));
}
for (const [w, kind] of KIND) WORD_CODE.set(w, kind);
flag(F.Met, MET_WORDS);
flag(F.Strong, STRONG_MET_WORDS);
flag(F.LesionTotal, LESION_TOTAL_WORDS);
flag(F.Singular, SINGULAR_MET_WORDS);
flag(F.WeakLung, WEAK_FOR_LUNG);
flag(F.WeakPlainLung, WEAK_FOR_PLAIN_LUNG);
flag(F.Node, NODE_WORDS);
flag(F.Unit, UNITS);
flag(F.Site, SITE_WORDS.keys());
flag(F.Imaging, IMAGING_WORDS);
flag(F.NotCountAfter, NOT_COUNT_AFTER);
flag(F.PrimaryLung, PRIMARY_LUNG_BEFORE);
flag(F.LevelJoin, LEVEL_JOIN);
flag(F.CountTail, COUNT_TAIL);
flag(F.BlockNext, BLOCK_NEXT);
flag(F.Clearing, CLEARING);
flag(F.KeepLast, KEEP_LAST);
flag(F.Except, ['except', 'besides', 'than', 'from']);
flag(F.PelvicIliac, ['pelvic', 'iliac']);
flag(F.Lat, [...LATERAL_ONE, ...LATERAL_TWO]);
/** The code of a one-character token by char code (a quarter of the tokens are punctuation). */
const CHAR_CODE = new Int32Array(256);
for (let c = 0; c < 256; c++) CHAR_CODE[c] = WORD_CODE.get(String.fromCharCode(c)) ?? 0;
/** The vocabulary by a signature of first, second and last character and length: a token is looked up without
 * hashing the whole fresh string (a Map look-up of a new string costs more than the rest of its classification),
 * and most words outside the vocabulary are rejected by an empty slot. */
const SIG_BITS = 14;
function signature(w: string): number {
  const len = w.length;
  const h =
    Math.imul(w.charCodeAt(0), 0x9e3779b1) ^
    Math.imul(w.charCodeAt(1), 0x85ebca77) ^
    Math.imul(w.charCodeAt(len - 1), 0xc2b2ae3d) ^
    Math.imul(len, 0x27d4eb2f);
  return h >>> (32 - SIG_BITS);
}
/** Chains of vocabulary entries per signature: head entry (-1 for none), next entry, word, code. */
const SIG_HEAD = new Int32Array(1 << SIG_BITS).fill(-1);
const SIG_NEXT: number[] = [];
const SIG_WORD: string[] = [];
const SIG_CODE: number[] = [];
for (const [w, code] of WORD_CODE) {
  const s = signature(w);
  SIG_NEXT.push(SIG_HEAD[s] as number);
  SIG_HEAD[s] = SIG_WORD.length;
  SIG_WORD.push(w);
  SIG_CODE.push(code);
}
function wordCode(w: string): number | undefined {
  for (let e = SIG_HEAD[signature(w)] as number; e >= 0; e = SIG_NEXT[e] as number)
    if (SIG_WORD[e] === w) return SIG_CODE[e];
  return undefined;
}
/** What close() reads of the word "metastases"/"metastatic" when another word stands for it. */
const METASTASES_FLAGS = F.Met | F.Strong;

/** Per-token kinds and flags of the current parse (parsing is synchronous: one buffer serves every parse). */
let KINDS = new Uint8Array(512);
let FLAGS = new Int32Array(512);

function classify(toks: readonly Token[]): void {
  const n = toks.length;
  if (KINDS.length < n) {
    KINDS = new Uint8Array(n * 2);
    FLAGS = new Int32Array(n * 2);
  }
  const kinds = KINDS;
  const flags = FLAGS;
  for (let i = 0; i < n; i++) {
    const w = (toks[i] as Token).w;
    const c = w.charCodeAt(0);
    let code: number;
    if (c >= 48 && c <= 57) code = K.Number;
    else if (w.length === 1 && c < 256) code = CHAR_CODE[c] as number;
    else {
      const known = wordCode(w);
      // "l1" is listed only for its flag ("PD-L1 5 %"): its kind still comes from the spelling (vertebra L1).
      if (known !== undefined && (known & KIND_MASK) === 0 && known !== 0) {
        const guess = guessKind(w);
        code = guess === K.Unknown ? known : known | guess | (F.Guessed << KIND_BITS);
      } else if (known !== undefined) code = known;
      else {
        const guess = guessKind(w);
        code = guess === K.Unknown ? 0 : guess | (F.Guessed << KIND_BITS);
      }
    }
    kinds[i] = code & KIND_MASK;
    flags[i] = code >>> KIND_BITS;
    // "cT2aN1M1b" is read as "ct2an", "1m", "1b": the last two are the M category, a metastasis word.
    if (c === 49 && i > 0 && M_SPLIT_RE.test(w) && M_BEFORE_RE.test((toks[i - 1] as Token).w)) {
      const m = WORD_CODE.get(`m${w}`) as number;
      kinds[i] = m & KIND_MASK;
      flags[i] = m >>> KIND_BITS;
      kinds[i - 1] = K.Unknown;
      flags[i - 1] = 0;
    }
    // "liver lesions too numerous to count": "too" belongs to the burden word after it.
    if (w === 'too' && i + 1 < n && kinds[i] === K.Unknown) {
      const after = (toks[i + 1] as Token).w;
      if (after === 'numerous' || after === 'many') kinds[i] = K.Descriptor;
    }
    // "b/l adrenal mets": bilateral, not the left one.
    if (w === 'l' && i > 1 && (toks[i - 1] as Token).w === '/' && (toks[i - 2] as Token).w === 'b') {
      const both = WORD_CODE.get('bilateral') as number;
      kinds[i] = both & KIND_MASK;
      flags[i] = both >>> KIND_BITS;
    }
  }
}
const M_SPLIT_RE = /^1(?:[abc]|c[12])?$/;
const M_BEFORE_RE = /^[0-3x][abc]?m$/;

/** Kind sets as bit masks over K. */
function kindMask(list: readonly K[]): number {
  let m = 0;
  for (const k of list) m |= 1 << k;
  return m;
}
const ITEM_START_MASK = kindMask([...ITEM_START]);
const HEDGE_TAIL_MASK = kindMask([...HEDGE_TAIL]);
/** Kinds that make a bracket more than an aside: sites, lesions, hedges, benign words, negatives after a word. */
const ASIDE_STOP_MASK = kindMask([
  K.Site,
  K.Met,
  K.Node,
  K.Distant,
  K.Contralateral,
  K.Vertebra,
  K.Hedge,
  K.Blocker,
  K.PostNeg,
  K.PostHedge,
  K.Progress,
  K.Poly,
  K.Multi,
  K.Oligo,
]);

/** A count of 1 to 3 digits, or -1. */
function smallInt(w: string): number {
  const len = w.length;
  if (len > 3) return -1;
  let n = 0;
  for (let k = 0; k < len; k++) {
    const d = w.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** "2x", "12x": the count before the x, or -1. */
function timesSuffix(w: string): number {
  const len = w.length;
  if ((len !== 2 && len !== 3) || w.charCodeAt(len - 1) !== 120) return -1;
  return smallInt(w.slice(0, -1));
}

const SIZE_WITH_UNIT_RE = /^\d+(?:cm|mm)$/;
const BONE: [Site, string] = ['bone', 'bone'];

/** "L-spine, no mets": a negation before the met word, after the sites, is about them; "bone island R femur, no
 * bone mets": so is a negated site about the same organ named before it. */
function negateBefore(pending: readonly MetItem[]): void {
  const negatedOrgans = new Set<string>();
  for (const it of pending) if (it.negated) negatedOrgans.add(it.organ);
  for (const it of pending)
    if (!it.negated && (negatedOrgans.size === 0 || negatedOrgans.has(it.organ))) it.negated = true;
}

class GroupParser {
  private readonly groups: Group[] = [];
  private g: Group | null = null;
  /** An empty group to reuse (most groups end without an item). */
  private spare: Group | null = null;
  private st: State = GroupParser.fresh();
  private i = 0;
  private readonly n: number;
  /** What was just named before a comma, for a hedge that follows the comma. */
  private commaClosed: readonly MetItem[] = NO_ITEMS;
  /** The group after "other than"/"apart from"/"except" continues a metastasis list. */
  private inheritMet = false;
  /** Inside a bulleted list whose header is a metastasis word. */
  private underHeader = false;
  /** The last group closed in this sentence named a metastasis. */
  private prevMet = false;

  constructor(
    private readonly toks: readonly Token[],
    /** The original text: "MET" in capitals may be the gene. */
    private readonly text: string,
    /** Whether a "?" closes a question to the board rather than hedging a finding. */
    private readonly asks: (pos: number) => boolean = () => false,
    /** Whether another reader took these characters ("ECOG: two", "KPS 70"): a number there is no count. */
    private readonly taken: (start: number, end: number) => boolean = () => false,
  ) {
    this.n = toks.length;
  }

  private static fresh(): State {
    return {
      count: undefined,
      negated: false,
      hedged: false,
      progressing: false,
      blocked: false,
      lateral: undefined,
      side: 1,
      distant: false,
      regional: false,
      strongLung: false,
    };
  }

  /** Back to a fresh state in place (a sentence end resets it; no object per sentence). */
  private reset(): void {
    const st = this.st;
    st.count = undefined;
    st.negated = false;
    st.hedged = false;
    st.progressing = false;
    st.blocked = false;
    st.lateral = undefined;
    st.distant = false;
    st.regional = false;
    st.strongLung = false;
  }

  /** Flags of token k, 0 past either end (as a word in no list). */
  private flagsAt(k: number): number {
    return k >= 0 && k < this.n ? (FLAGS[k] as number) : 0;
  }

  run(): Group[] {
    const { toks, n } = this;
    classify(toks);
    for (this.i = 0; this.i < n; this.i++) this.step(toks[this.i] as Token);
    this.finish();
    return this.groups;
  }

  /** "no mets other than 2 in bone", "no distant mets apart from 2 bone lesions", "no mets except 1 adrenal":
   * the exception starts a new group whose items are metastases, not negated. */
  private exception(t: Token): boolean {
    const prev = this.toks[this.i - 1]?.w;
    const w = t.w;
    const hit =
      w === 'except' ||
      w === 'besides' ||
      (w === 'than' && prev === 'other') ||
      (w === 'from' && (prev === 'apart' || prev === 'aside'));
    if (!hit || !this.g?.hasMet) return false;
    this.finish();
    this.inheritMet = true;
    return true;
  }

  private open(t: Token): Group {
    if (!this.g) {
      const spare = this.spare;
      if (spare) {
        // A group that ended empty: its lists are empty and nothing refers to it.
        spare.start = t.start;
        spare.end = t.end;
        spare.hasMet = this.inheritMet;
        spare.strongMet = false;
        spare.lastClosed = NO_ITEMS;
        this.spare = null;
        this.g = spare;
      } else
        this.g = {
          start: t.start,
          end: t.end,
          hasMet: this.inheritMet,
          strongMet: false,
          pending: [],
          items: [],
          lastClosed: NO_ITEMS,
          totals: [],
          burden: [],
        };
      this.inheritMet = false;
    }
    if (t.end > this.g.end) this.g.end = t.end;
    return this.g;
  }

  private finish(): void {
    const g = this.g;
    if (g) {
      // A site with its own count ("bone x2", "liver (3)") is a metastasis even without the word, and so is a
      // list of counted sites ("3 bone + 1 adr") or one right after a metastasis ("1 brain met (SRS), 1 adrenal").
      const pending = g.pending;
      if (pending.length > 0) {
        const listed = this.countedList(pending);
        for (const it of pending) {
          // "retroperitoneal nodes": a distant nodal site is a metastasis without the word.
          if (g.hasMet || it.ownCount || listed || it.site === 'distant-nodes') it.metContext = true;
          g.items.push(it);
        }
        g.pending = [];
      }
      if (g.items.length > 0 || g.totals.length > 0 || g.burden.length > 0) this.groups.push(g);
      else this.spare = g;
      this.prevMet = g.hasMet;
      this.g = null;
    }
    this.reset();
    this.commaClosed = NO_ITEMS;
    this.inheritMet = false;
  }

  private countedList(all: readonly MetItem[]): boolean {
    // "3 brain, 1 adrenal, 0 bone": an organ counted as none takes no part in the list.
    const pending = all.filter((it) => !it.negated);
    if (pending.length === 0 || !(this.prevMet || pending.length >= 2)) return false;
    for (let a = 0; a < pending.length; a++) {
      const it = pending[a] as MetItem;
      if (it.count === undefined || it.hedged || it.organ === 'lung') return false;
    }
    // Every organ named once.
    for (let a = 1; a < pending.length; a++) {
      const organ = (pending[a] as MetItem).organ;
      for (let b = 0; b < a; b++) if ((pending[b] as MetItem).organ === organ) return false;
    }
    return true;
  }

  /** `word`: the flags of the metastasis word (METASTASES_FLAGS for a word that stands for "metastases"). */
  private close(g: Group, t: Token, word: number): void {
    const st = this.st;
    g.hasMet = true;
    const strongWord = (word & F.Strong) !== 0;
    const strong = strongWord || (g.strongMet === true && (word & F.LesionTotal) !== 0);
    const all = g.pending;
    let pending: MetItem[] = all;
    // A contralateral-lung item stays out after a word that does not make a lung site a metastasis.
    if (word & (F.WeakLung | F.WeakPlainLung)) {
      for (const it of all) {
        if (it.site === 'contralateral-lung') {
          pending = all.filter(
            (x) =>
              x.site !== 'contralateral-lung' ||
              !((word & F.WeakLung) !== 0 || ((word & F.WeakPlainLung) !== 0 && !x.qualifiedLung)),
          );
          break;
        }
      }
    }
    for (const it of pending) it.metContext = true;
    if (st.negated) negateBefore(pending);
    const only = pending.length === 1 ? (pending[0] as MetItem) : undefined;
    if (only && only.count === undefined && st.count?.n !== undefined && !st.negated) {
      // "MRI brain: 2 mets"
      only.count = st.count.n;
      st.count = undefined;
    }
    if (only && only.count === undefined && (word & F.Singular) !== 0) {
      only.count = 1;
      only.singular = true;
    }
    const counted = pending.length === 0 && st.count?.n !== undefined && !st.negated && !st.hedged;
    // "4 lesions across bone and liver": a count before a list of sites is their total.
    const listTotal = counted && this.siteListNext();
    const carry = counted && !listTotal && this.countForNextSite();
    if (counted && (strong || listTotal) && st.count?.n !== undefined) {
      const total = { n: st.count.n, start: st.count.start, end: t.end };
      g.totals.push(carry ? { ...total, provisional: true } : total);
    }
    if (st.count?.poly && !st.negated && !st.hedged)
      g.burden.push({ value: 'poly', start: st.count.start, end: t.end });
    if (st.count?.oligo && strongWord && !st.negated && !st.hedged)
      g.burden.push({ value: 'oligo', start: st.count.start, end: t.end });
    if (strongWord) g.strongMet = true;
    if (all.length > 0) {
      for (const it of all) g.items.push(it);
      // `pending` may be `all` itself: the group takes a new list, the old one is only read from now on.
      g.lastClosed = pending;
      g.pending = [];
    } else g.lastClosed = NO_ITEMS;
    st.count = carry ? st.count : undefined;
    st.blocked = false;
    st.lateral = undefined;
    st.distant = false;
    st.regional = false;
    st.strongLung = false;
  }

  /** A negation word right after ":" or "-" that ends its phrase. */
  private answersHeader(next: Token | undefined): boolean {
    const p = this.toks[this.i - 1]?.w;
    if (p !== ':' && p !== '-' && p !== '–') return false;
    return !next || KINDS[this.i + 1] === K.End || next.w === ',';
  }

  /** "R and L adrenal", "right + left adrenal": two sides named before one paired site. */
  private otherSideBefore(t: Token): boolean {
    const i = this.i;
    const before = this.toks[i - 2];
    if (!before || KINDS[i - 2] !== K.LatOne || ((FLAGS[i - 1] as number) & F.LevelJoin) === 0) return false;
    return isLeft(before.w) !== isLeft(t.w);
  }

  /** Two or more sites named right after the metastasis word: "in bone and liver", "across liver, bone". */
  private siteListNext(): boolean {
    let j = this.i + 1;
    if (this.toks[j]?.w === 'overall') j++;
    const a = this.toks[j++]?.w;
    if (a === undefined || !SITE_LIST_HEADS.has(a)) return false;
    if (this.toks[j]?.w === 'the') j++;
    if (this.flagsAt(j) & F.Lat) j++;
    if ((this.flagsAt(j) & F.Site) === 0 || (this.flagsAt(j + 1) & F.LevelJoin) === 0) return false;
    j += 2;
    if (this.toks[j]?.w === 'the') j++;
    if (this.flagsAt(j) & F.Lat) j++;
    return (this.flagsAt(j) & F.Site) !== 0;
  }

  /** "two metastases in the liver and one in the adrenal", "3 lesions in the liver": the count belongs to the
   * site named right after the metastasis word. */
  private countForNextSite(k = this.i): boolean {
    const a = this.toks[k + 1]?.w;
    if (a !== 'in' && a !== 'at' && a !== 'within' && a !== 'involving') return false;
    let j = k + 2;
    if (this.toks[j]?.w === 'the') j++;
    // A lateral word ("left", "both") before the site.
    if (this.flagsAt(j) & F.Lat) j++;
    return (this.flagsAt(j) & F.Site) !== 0;
  }

  private backItem(): MetItem | undefined {
    const g = this.g;
    if (!g) return undefined;
    if (g.lastClosed.length === 1) return g.lastClosed[0];
    if (g.lastClosed.length === 0 && g.pending.length > 0) return g.pending[g.pending.length - 1];
    return undefined;
  }

  /** What token k is for words whose meaning depends on what follows (a spelling-guessed kind is Unknown). */
  private aheadKind(k: number): K {
    return k < this.n && ((FLAGS[k] as number) & F.Guessed) === 0 ? (KINDS[k] as K) : K.Unknown;
  }

  /** One token: a modifier of the state, or a word that names a site, a metastasis or a connector. */
  private step(t: Token): void {
    const i = this.i;
    if (((FLAGS[i] as number) & F.Except) !== 0 && this.exception(t)) return;
    // The bullet of a line under a metastasis header leaves the header's context for the line's sites.
    if (this.underHeader && BULLETS.has(t.w) && this.toks[i - 1]?.w === '\n') return;
    const kind = KINDS[i] as K;
    if (t.w === 'met' && this.metGene(t)) {
      this.finish();
      return;
    }
    // Most tokens name nothing: they end the open group.
    if (kind === K.Unknown) {
      if (t.w === 'n' ? this.countInBracket() : isRibLabel(t.w) && this.labelList()) return;
      this.finish();
      return;
    }
    const next = this.toks[i + 1];
    if (this.modify(kind, t, next)) return;
    this.name(kind, t, next);
  }

  /** "Case 41: MET exon 14", "MET+", "MET amplified": the gene, in capitals and with a gene word after it. */
  private metGene(t: Token): boolean {
    if (this.text.slice(t.start, t.end) !== 'MET') return false;
    const next = this.toks[this.i + 1];
    if (!next) return false;
    if (next.w === '+' || next.w === '-') return next.start === t.end;
    return MET_GENE_AFTER.has(next.w) || next.w.startsWith('ex') || next.w.startsWith('amplif');
  }

  private lowCervical(): boolean {
    const p = this.toks[this.i - 1]?.w;
    const pp = this.toks[this.i - 2]?.w;
    return p === 'low' || p === 'lower' || (pp === 'level' && (p === 'iv' || p === '4' || p === 'vb'));
  }

  /** "bone mets (n=4)": the count of what was just named. */
  private countInBracket(): boolean {
    const i = this.i;
    const num = this.toks[i + 2];
    if (this.toks[i + 1]?.w !== '=' || !num || !isSmallNumber(num.w) || !this.backItem()) return false;
    // "(n=4)", or "bone lesions n=3" ending its phrase.
    if (this.toks[i - 1]?.w === '(' ? this.toks[i + 3]?.w !== ')' : !this.phraseEndsAt(i + 3)) return false;
    this.i += 2;
    this.countBack(Number(num.w));
    return true;
  }

  /** "liver mets (segments 2, 6 and 7)", "rib mets: R4, R5, L7": a list of liver segments or ribs counts what was
   * just named. */
  private labelList(): boolean {
    const toks = this.toks;
    const first = toks[this.i]?.w ?? '';
    const segments = SEGMENT_WORDS.has(first);
    if (!segments && !RIB_LABEL_RE.test(first)) return false;
    const p = toks[this.i - 1]?.w;
    const at = p === 'at' || p === 'in' || p === 'involving';
    const item = this.backItem() ?? (at ? this.g?.items[this.g.items.length - 1] : undefined);
    if (!item || item.negated || (item.count !== undefined && !item.singular)) return false;
    if (segments ? item.site !== 'liver' : !this.ribItem(item)) return false;
    const label = segments ? SEGMENT_LABEL_RE : RIB_LABEL_RE;
    let k = this.i;
    let n = 0;
    let last = k;
    for (;;) {
      let w = toks[k]?.w;
      if (segments && w !== undefined && SEGMENT_WORDS.has(w)) w = toks[++k]?.w;
      if (w === undefined || !label.test(w)) break;
      // "segment 4a/4b": one lesion across the halves of one segment.
      const prevLabel = toks[k - 2]?.w;
      if (!(segments && toks[k - 1]?.w === '/' && prevLabel?.[0] === w[0] && w.length === 2)) n++;
      last = k;
      const join = toks[k + 1]?.w;
      if (join === undefined || !LEVEL_JOIN.has(join)) break;
      k += 2;
    }
    if (n < 2) return false;
    item.count = n;
    item.singular = false;
    item.ownCount = true;
    this.i = last;
    (this.g as Group).end = (toks[last] as Token).end;
    return true;
  }

  /** A bone item named by the word "rib(s)". */
  private ribItem(item: MetItem): boolean {
    if (item.site !== 'bone') return false;
    for (let k = this.i - 1; k >= 0 && (this.toks[k] as Token).start >= item.start; k--) {
      const w = (this.toks[k] as Token).w;
      if (w === 'rib' || w === 'ribs') return true;
    }
    return false;
  }

  /** The count token k states ("3", "2x", "three"), given what follows it; undefined for a size or another number. */
  private countAt(k: number): number | undefined {
    const kind = KINDS[k];
    const w = (this.toks[k] as Token).w;
    if (kind === K.NumberWord) return NUMBER_WORDS.get(w);
    if (kind !== K.Number) return undefined;
    const n = smallInt(w);
    if (n >= 0) {
      const next = this.toks[k + 1];
      if (next && ((FLAGS[k + 1] as number) & F.Unit || next.w === '/' || next.w === '-' || next.w === '.'))
        return undefined;
      return n >= 1 && n <= 200 ? n : undefined;
    }
    const times = timesSuffix(w);
    return times >= 0 ? times : undefined;
  }

  /** Tokens that only change the state or the open group; false when the token is read as a word. */
  private modify(kind: K, t: Token, next: Token | undefined): boolean {
    switch (kind) {
      case K.End:
        this.onEnd(t);
        return true;
      case K.Place:
        this.onPlace(t, next);
        return true;
      case K.Times:
        this.onTimes(next);
        return true;
      case K.TimesN:
        // "metastases ×2 in liver, ×1 in adrenal": the count belongs to the site named after "in".
        if ((this.backItem() === undefined || KINDS[this.i - 1] === K.Met) && this.countForNextSite()) {
          this.open(t);
          this.st.count = { n: Number(t.w.slice(1)), start: t.start };
          return true;
        }
        // "x3 bone mets, x1 liver": written before the site, it counts the site after it, as "3x" does.
        if (this.backItem() === undefined && (this.flagsAt(this.i + 1) & F.Site) !== 0) {
          this.open(t);
          this.st.count = { n: Number(t.w.slice(1)), times: true, start: t.start };
          return true;
        }
        this.countBack(Number(t.w.slice(1)));
        return true;
      case K.Number:
        this.onNumber(t, next);
        return true;
      case K.NumberWord:
        this.onNumberWord(t);
        return true;
      case K.Poly:
      case K.Multi:
        this.onQuantity(kind, t);
        return true;
      case K.Oligo:
        this.onOligo(t, next);
        return true;
      case K.Neg:
        // "Brain metastasis: no", "adrenal mets - nil": an answer after the colon negates what was named.
        if (this.answersHeader(next)) {
          this.onPostCue(K.PostNeg, t, next);
          return true;
        }
        this.open(t);
        this.st.negated = true;
        this.st.hedged = false;
        return true;
      case K.PostNeg:
      case K.PostHedge:
        this.onPostCue(kind, t, next);
        return true;
      case K.Hedge:
        this.onHedge(t, next);
        return true;
      case K.Blocker:
      case K.Imaging:
        this.onBlocker(kind, t);
        return true;
      default:
        return this.modifyPlace(kind, t, next);
    }
  }

  /** Laterality, distance and progression words; "distant liver" and "new diagnosis" are read as words. */
  private modifyPlace(kind: K, t: Token, next: Token | undefined): boolean {
    const st = this.st;
    switch (kind) {
      case K.LatOne:
      case K.LatTwo:
        this.open(t);
        st.lateral = kind === K.LatTwo || this.otherSideBefore(t) ? 2 : 1;
        st.side = isLeft(t.w) ? 1 : 2;
        if (t.w === 'bilateral') st.strongLung = true;
        return true;
      case K.Distant:
        if (this.flagsAt(this.i + 1) & F.Site) return false; // "distant" + site: just a qualifier of the site
        this.open(t);
        // "level IV cervical", "low cervical": station 1 (lower cervical, supraclavicular) is regional, N3.
        if (t.w === 'cervical' && this.lowCervical()) st.regional = true;
        else st.distant = true;
        return true;
      case K.Regional:
        if (this.g || this.flagsAt(this.i + 1) & F.Node) this.open(t);
        st.regional = true;
        return true;
      case K.Progress:
        if (t.w === 'new' && next?.w.startsWith('diagnos')) return false;
        this.open(t);
        st.progressing = true;
        return true;
      default:
        return false;
    }
  }

  /** "no bone, no liver mets; 1 adrenal": a counted bare site right after ";" continues the metastasis list. */
  private onEnd(t: Token): void {
    // "mets: bone; liver; adrenal": a bare site alone between semicolons goes on with the list.
    const carry = t.w === ';' && this.g?.hasMet === true && (this.countedSiteAhead() || this.bareSiteAhead());
    // "Metastatic sites:\n• L adrenal\n• R ilium": the lines of a bulleted list under a metastasis header name
    // metastases.
    const bulletNext = t.w === '\n' && BULLETS.has(this.toks[this.i + 1]?.w ?? '');
    const header = bulletNext && (this.underHeader || this.metHeaderLine());
    this.finish();
    this.prevMet = false;
    this.underHeader = header;
    if (carry || header) this.inheritMet = true;
  }

  /** The line before the current token is only a metastasis header ("Mets:", "Metastatic sites", "Sites of
   * metastasis:"). */
  private metHeaderLine(): boolean {
    let met = false;
    for (let k = this.i - 1; k >= 0; k--) {
      const w = (this.toks[k] as Token).w;
      if (w === '\n') break;
      if (KINDS[k] === K.Met) met = true;
      else if (w !== ':' && w !== 'of' && w !== '-') return false;
    }
    return met;
  }

  /** In a run of bare sites under a header ("mets: bone; liver; adrenal"), the next one. */
  private bareSiteAhead(): boolean {
    const i = this.i;
    const prev = this.toks[i - 1];
    const sep = this.toks[i - 2]?.w;
    if (!prev || !SITE_WORDS.has(prev.w)) return false;
    if (!(sep === ';' || (sep === ':' && KINDS[i - 3] === K.Met))) return false;
    const site = this.toks[i + 1];
    const found = site ? SITE_WORDS.get(site.w) : undefined;
    if (!found || found[1] === 'lung') return false;
    const after = this.toks[this.i + 2];
    return !after || KINDS[this.i + 2] === K.End || after.w === ',';
  }

  private countedSiteAhead(): boolean {
    const i = this.i;
    const site = this.toks[i + 2];
    if (!site || this.countAt(i + 1) === undefined) return false;
    const found = SITE_WORDS.get(site.w);
    if (!found || found[1] === 'lung') return false;
    const after = this.toks[i + 3];
    return !after || KINDS[i + 3] === K.End || after.w === ',' || after.w === 'and';
  }

  /** "liver mets: 3", "bone mets - 2", "bone: 2": a count after a colon or dash counts the item before it. */
  private countAfterColon(t: Token, n: number): boolean {
    const prev = this.toks[this.i - 1]?.w;
    if (prev !== ':' && prev !== '-' && prev !== '–' && prev !== '—') return false;
    const k = this.i + 1;
    if (k < this.n && KINDS[k] !== K.End && ((FLAGS[k] as number) & F.CountTail) === 0) return false;
    const item = this.backItem();
    if (!item || item.negated || (item.count !== undefined && !item.singular)) return false;
    item.count = n;
    item.singular = false;
    item.ownCount = true;
    (this.g as Group).end = t.end;
    return true;
  }

  private onPlace(t: Token, next: Token | undefined): void {
    if (SEGMENT_WORDS.has(t.w) && this.labelList()) return;
    // "liver segment 7", "station 4R": the number names a place, not a count.
    if (next && (isDigitStart(next.w) || ROMAN_RE.test(next.w))) this.i++;
    if (this.g) this.g.end = (this.toks[this.i] as Token).end;
    if (t.w === 'station') this.st.regional = true;
  }

  /** "x3", "× 3", "(2)" after a site or a met word count the item before them. */
  private onTimes(next: Token | undefined): void {
    if (this.toks[this.i]?.w === '(' && (this.boundInBracket() || this.asideInBracket())) return;
    // "metastases × 2 in liver, × 1 in adrenal": the count belongs to the site named after "in".
    if (
      next &&
      isSmallNumber(next.w) &&
      this.toks[this.i]?.w !== '(' &&
      (this.backItem() === undefined || KINDS[this.i - 1] === K.Met) &&
      this.countForNextSite(this.i + 1)
    ) {
      this.open(this.toks[this.i] as Token);
      this.st.count = { n: Number(next.w), start: next.start };
      this.i++;
      return;
    }
    if (next && isDigitStart(next.w) && this.toks[this.i]?.w === '(' && this.sizesInBracket()) return;
    if (next && isSmallNumber(next.w)) {
      if (this.bracketTotal(Number(next.w))) return;
      if (this.totalAfterMetWord(Number(next.w), next.end, this.i + 2)) {
        this.i++;
        return;
      }
      const item = this.backItem();
      if (item && (item.count === undefined || item.singular) && !(this.flagsAt(this.i + 2) & F.Unit)) {
        item.count = Number(next.w);
        item.singular = false;
        item.ownCount = true;
        (this.g as Group).end = next.end;
        this.i++;
        return;
      }
    }
    if (!this.g) this.finish();
  }

  /** "2 bone mets (largest 2 cm, not irradiated), 1 liver": a bracket after what was named that names no site,
   * lesion, hedge or benign finding is an aside about it, and the list goes on after it. True when skipped. */
  private asideInBracket(): boolean {
    const g = this.g;
    if (!g || g.lastClosed.length === 0) return false;
    let k = this.i + 1;
    for (; k < this.n && k < this.i + 16; k++) {
      const w = (this.toks[k] as Token).w;
      if (w === ')') break;
      if ((ASIDE_STOP_MASK >> (KINDS[k] as number)) & 1) return false;
      // "(not FDG avid)" is about the lesion; "(not irradiated)" about its treatment.
      if (KINDS[k] === K.Neg && !TREATED_RE.test(this.toks[k + 1]?.w ?? '')) return false;
    }
    // "(largest 2 cm)" is an aside; "(2)" or "(n=2)" are counts, read elsewhere.
    if (this.toks[k]?.w !== ')' || k === this.i + 1 || !ASIDE_START.has((this.toks[this.i + 1] as Token).w))
      return false;
    g.end = (this.toks[k] as Token).end;
    this.i = k;
    return true;
  }

  /** A dimension at k: "5 cm", "5cm", "3.1 mm" (a number and a unit). */
  private dimensionsAt(k: number): boolean {
    const w = this.toks[k]?.w;
    if (w === undefined || !isDigitStart(w)) return false;
    return (this.flagsAt(k + 1) & F.Unit) !== 0 || SIZE_SUFFIX_RE.test(w);
  }

  /** "liver mets (14 and 8 mm)", "brain lesions (14, 8, 5 and 3 mm)": a bracket of sizes after an uncounted plural
   * names one lesion per size ("14 x 8 mm" is one lesion's dimensions); a single size says nothing of the count.
   * True when the bracket was read. */
  private sizesInBracket(): boolean {
    const toks = this.toks;
    let sizes = 0;
    let dims = false;
    let last = -1;
    let k = this.i + 1;
    for (; k < this.n && k < this.i + 24; k++) {
      const w = (toks[k] as Token).w;
      if (w === ')') break;
      if (isDigitStart(w)) {
        if (!dims) sizes++;
        dims = false;
        last = k;
      } else if (w === 'x' || w === '×') dims = true;
      else if (w !== ',' && w !== 'and' && w !== '&' && w !== '.' && (this.flagsAt(k) & F.Unit) === 0)
        return false;
    }
    // The bracket ends in a unit: "… 8 mm)" or "… 8mm)".
    const unit =
      (this.flagsAt(k - 1) & F.Unit) !== 0 ||
      (last === k - 1 && SIZE_SUFFIX_RE.test((toks[last] as Token).w));
    if (toks[k]?.w !== ')' || !unit) return false;
    const item = this.backItem();
    if (sizes >= 2 && item && item.count === undefined && !item.singular) {
      item.count = sizes;
      item.ownCount = true;
    }
    if (this.g) this.g.end = (toks[k] as Token).end;
    this.i = k;
    return true;
  }

  /** "mets: 4 (bone x2, liver x2)": a number before a bracket that lists sites is their total. */
  private totalBeforeBreakdown(t: Token, n: number): boolean {
    const i = this.i;
    if (this.toks[i + 1]?.w !== '(' || !this.metWordBefore(i)) return false;
    let k = i + 2;
    if (this.flagsAt(k) & F.Lat) k++;
    if ((this.flagsAt(k) & F.Site) === 0) return false;
    const g = this.open(t);
    g.totals.push({ n, start: t.start, end: t.end });
    g.end = t.end;
    // The sites of the breakdown are the metastases counted.
    g.hasMet = true;
    this.st.count = undefined;
    return true;
  }

  /** "bone and adrenal (5 lesions)": a count in a bracket after two or more sites is their total. */
  private bracketTotal(n: number): boolean {
    const g = this.g;
    const i = this.i;
    if (!g || this.toks[i]?.w !== '(' || ((FLAGS[i + 2] as number) & (F.LesionTotal | F.Met)) === 0)
      return false;
    const items = g.pending.length > 0 ? g.pending : g.lastClosed;
    if (items.length < 2 || items.some((it) => it.count !== undefined)) return false;
    const word = this.toks[i + 2] as Token;
    g.totals.push({ n, start: (this.toks[i] as Token).start, end: word.end });
    g.end = word.end;
    this.i += 2;
    // The lesion word names the sites before the bracket as metastases, as it would after them.
    if (g.pending.length > 0) this.close(g, word, FLAGS[i + 2] as number);
    return true;
  }

  /** "new liver mets (>5)", "bone mets (more than 10)": a lower bound in a bracket after what was named; above 5
   * lesions is the polymetastatic burden, and the count stays unknown. True when the bracket was read. */
  private boundInBracket(): boolean {
    const g = this.g;
    if (!g || g.lastClosed.length === 0) return false;
    const toks = this.toks;
    let k = this.i + 1;
    let strict = true;
    const w = toks[k]?.w;
    if (w === '>' || w === '≥') {
      strict = w === '>' && toks[k + 1]?.w !== '=';
      k += w === '>' && !strict ? 2 : 1;
    } else if ((w === 'more' || w === 'greater') && toks[k + 1]?.w === 'than') k += 2;
    else if (w === 'over') k++;
    else if (w === 'at' && toks[k + 1]?.w === 'least') {
      strict = false;
      k += 2;
    } else return false;
    const n = smallInt(toks[k]?.w ?? '');
    const close = toks[k + 1];
    if (n < 0 || close?.w !== ')') return false;
    let doubtful = false;
    for (const it of g.lastClosed) if (it.negated || it.hedged) doubtful = true;
    if (n + (strict ? 1 : 0) > 5 && !doubtful)
      g.burden.push({ value: 'poly', start: (g.lastClosed[0] as MetItem).start, end: close.end });
    g.end = close.end;
    this.i = k + 1;
    return true;
  }

  /** "oligometastases (3)", "mets x3": a count right after a metastasis word that closed no site is a total.
   * `after`: the index of the token after the count. */
  private totalAfterMetWord(n: number, end: number, after: number): boolean {
    const g = this.g;
    const prev = this.toks[this.i - 1];
    if (!g || !prev || this.backItem() || g.lastClosed.length > 0) return false;
    // "oligometastatic (2 bone, 1 adrenal)": the number belongs to the site after it.
    if (after < this.n && (ITEM_START_MASK >> (KINDS[after] as number)) & 1) return false;
    const strong = ((FLAGS[this.i - 1] as number) & F.Strong) !== 0 || prev.w.startsWith('oligomet');
    if (!strong || this.st.negated || this.st.hedged) return false;
    g.totals.push({ n, start: prev.start, end });
    g.end = end;
    return true;
  }

  /** Nothing, a clause end, a comma or a semicolon at k. */
  private phraseEndsAt(k: number): boolean {
    const w = this.toks[k]?.w;
    return w === undefined || w === ',' || KINDS[k] === K.End;
  }

  private countBack(n: number): void {
    if (this.totalAfterMetWord(n, (this.toks[this.i] as Token).end, this.i + 1)) return;
    const item = this.backItem();
    if (item && (item.count === undefined || item.singular)) {
      // "liver met x2": two liver metastases, though "met" alone would be one.
      item.count = n;
      item.singular = false;
      item.ownCount = true;
    }
  }

  private onNumber(t: Token, next: Token | undefined): void {
    const i = this.i;
    // "3bone mets", "1adrenal met": a count glued to its site.
    const glued = GLUED_SITE_RE.exec(t.w);
    const gluedSite = glued ? SITE_WORDS.get(glued[2] as string) : undefined;
    if (glued && gluedSite && gluedSite[1] !== 'lung') {
      this.open(t);
      this.st.count = { n: Number(glued[1]), start: t.start };
      this.addSite(t, gluedSite, t.end);
      return;
    }
    // "brain metastases 3", "liver mets 3, ECOG 1": a bare number ending the phrase after a metastasis word.
    // "metastases hepatic 2": the same with the organ after the metastasis word.
    const after =
      (KINDS[i - 1] === K.Met && (this.g?.lastClosed.length ?? 0) > 0) ||
      (KINDS[i - 1] === K.Site && KINDS[i - 2] === K.Met && this.backItem() !== undefined);
    if (after && isSmallNumber(t.w) && this.phraseEndsAt(i + 1)) {
      this.countBack(Number(t.w));
      return;
    }
    // "a 6 x 5 cm liver metastasis": one lesion's dimensions, not a count of 6.
    if ((next?.w === 'x' || next?.w === '×') && this.dimensionsAt(i + 2)) {
      this.i = (this.flagsAt(i + 3) & F.Unit) !== 0 ? i + 3 : i + 2;
      return;
    }
    // "4,2 cm": a size with a decimal comma, not a count of 4.
    const frac = this.toks[i + 2];
    if (next?.w === ',' && next.start === t.end && frac?.start === next.end && isDigitStart(frac.w)) {
      const unit = (this.flagsAt(i + 3) & F.Unit) !== 0;
      if (unit || SIZE_WITH_UNIT_RE.test(frac.w)) {
        this.i += unit ? 3 : 2;
        return;
      }
    }
    const n =
      (i > 0 && (FLAGS[i - 1] as number) & F.NotCountAfter) ||
      this.isFractionCount(i) ||
      this.taken(t.start, t.end)
        ? undefined
        : this.countAt(i);
    if (n !== undefined && this.countAfterColon(t, n)) return;
    if (n !== undefined && this.totalBeforeBreakdown(t, n)) return;
    if (n === undefined) {
      // "3 brain, 1 adrenal, 0 bone": none in that organ.
      if (t.w === '0' && next && (this.flagsAt(i + 1) & F.Site) !== 0) {
        this.open(t);
        this.st.negated = true;
        return;
      }
      // A size or another number: skip it (and its unit) without ending the group.
      if (this.flagsAt(i + 1) & F.Unit) this.i++;
      return;
    }
    const g = this.open(t);
    this.st.negated = false;
    g.lastClosed = NO_ITEMS;
    const bound = this.boundOf(next);
    if (!bound) {
      this.st.count = t.w.endsWith('x') ? { n, times: true, start: t.start } : { n, start: t.start };
      return;
    }
    this.boundedCount(n, bound, t.start);
  }

  /** "more than 5 bone mets", ">5 mets", "at least four", "5+": a bound, not a count. Above 5 lesions is the
   * polymetastatic burden (EORTC); "fewer than 6", "up to 5" keep it oligometastatic; the count stays unknown. */
  private boundedCount(
    n: number,
    bound: { lower: boolean; strict: boolean; skip?: number },
    start: number,
  ): void {
    const least = bound.lower ? n + (bound.strict ? 1 : 0) : undefined;
    const most = bound.lower ? undefined : n - (bound.strict ? 1 : 0);
    this.st.count =
      least !== undefined && least > 5
        ? { poly: true, start }
        : { oligo: most !== undefined && most <= 5, start };
    if (bound.skip) this.i += bound.skip;
  }
  /** "30 Gy/3", "30Gy/3", "54/3": the number of fractions of a dose, not a count of lesions. */
  private isFractionCount(i: number): boolean {
    if (i < 2 || (this.toks[i - 1] as Token).w !== '/') return false;
    const dose = (this.toks[i - 2] as Token).w;
    return dose.endsWith('gy') || isDigitStart(dose);
  }
  /** The word before the current token, or before "of" / "of the" before it, names the primary ("SCC lung"). */
  private afterPrimaryWord(): boolean {
    let k = this.i - 1;
    if (this.toks[k]?.w === 'the' && this.toks[k - 1]?.w === 'of') k -= 2;
    else if (this.toks[k]?.w === 'of') k -= 1;
    return (this.flagsAt(k) & F.PrimaryLung) !== 0;
  }
  /** "the lung primary", "lung cancer": the lung named before a primary word is the primary's organ. */
  private beforePrimaryWord(): boolean {
    const w = this.toks[this.i + 1]?.w;
    return (
      w === 'primary' || w === 'tumour' || w === 'tumor' || w === 'cancer' || w === 'ca' || w === 'nsclc'
    );
  }
  /** A bound written around the number at `this.i`: before it (">", "more than", "up to") or after it ("+", "or more"). */
  private boundOf(next: Token | undefined): { lower: boolean; strict: boolean; skip?: number } | undefined {
    const t = this.toks[this.i] as Token;
    let p1 = this.toks[this.i - 1]?.w ?? '';
    let p2 = this.toks[this.i - 2]?.w ?? '';
    // ">= 3", "<= 5" as typed
    if (p1 === '=' && (p2 === '>' || p2 === '<')) {
      p1 = p2 === '>' ? '≥' : '≤';
      p2 = '';
    }
    if (next?.w === '+' && next.start === t.end && !isDigitStart(this.toks[this.i + 2]?.w ?? ''))
      return { lower: true, strict: false, skip: 1 };
    if (next?.w === 'or' && (this.toks[this.i + 2]?.w === 'more' || this.toks[this.i + 2]?.w === 'greater'))
      return { lower: true, strict: false, skip: 2 };
    if (p1 === '>' || p1 === 'over' || (p1 === 'than' && (p2 === 'more' || p2 === 'greater')))
      return { lower: true, strict: true };
    if (p1 === '≥' || (p1 === 'least' && p2 === 'at') || p1 === 'minimum')
      return { lower: true, strict: false };
    if (p1 === '<' || (p1 === 'than' && (p2 === 'fewer' || p2 === 'less')))
      return { lower: false, strict: true };
    if (p1 === '≤' || (p1 === 'to' && p2 === 'up') || p1 === 'maximum')
      return { lower: false, strict: false };
    return undefined;
  }

  private onNumberWord(t: Token): void {
    // "a dozen brain mets", "half a dozen liver mets".
    if (t.w === 'a' && this.toks[this.i + 1]?.w === 'dozen') {
      const half = this.toks[this.i - 1]?.w === 'half';
      this.open(t);
      this.st.count = { n: half ? 6 : 12, start: half ? (this.toks[this.i - 1] as Token).start : t.start };
      this.i++;
      return;
    }
    const n = NUMBER_WORDS.get(t.w) as number;
    const article = t.w === 'a' || t.w === 'an';
    // "PS two, liver mets": the performance status, not a count (as after digits).
    if (
      !article &&
      ((this.i > 0 && (FLAGS[this.i - 1] as number) & F.NotCountAfter) || this.taken(t.start, t.end))
    )
      return;
    if (!article && this.countAfterColon(t, n)) return;
    const g = this.open(t);
    // "at least three bone mets", "more than five": a bound, as for digits.
    const bound = article ? undefined : this.boundOf(this.toks[this.i + 1]);
    if (bound) {
      this.st.negated = false;
      g.lastClosed = NO_ITEMS;
      this.boundedCount(n, bound, t.start);
      return;
    }
    this.st.count = { n, start: t.start };
    if (!article) this.st.negated = false;
    g.lastClosed = NO_ITEMS;
  }

  private onQuantity(kind: K, t: Token): void {
    const g0 = this.g;
    if (
      kind === K.Poly &&
      g0 &&
      g0.lastClosed.length > 0 &&
      ((ITEM_START_MASK >> this.aheadKind(this.i + 1)) & 1) === 0
    ) {
      // "bony mets (multiple)": the word qualifies what was just named.
      let doubtful = false;
      for (const it of g0.lastClosed) if (it.negated || it.hedged) doubtful = true;
      if (!doubtful)
        g0.burden.push({ value: 'poly', start: (g0.lastClosed[0] as MetItem).start, end: t.end });
      g0.end = t.end;
      return;
    }
    const g = this.open(t);
    this.st.count = kind === K.Poly ? { poly: true, start: t.start } : { start: t.start };
    g.lastClosed = NO_ITEMS;
    if (POLY_MET_WORDS.has(t.w)) this.close(g, t, METASTASES_FLAGS);
  }

  private onOligo(t: Token, next: Token | undefined): void {
    const follows = next?.w === '-' ? this.toks[this.i + 2] : next;
    // "oligo-PD", "oligoprogression": which sites progress, not the burden; "oligo-organ" (≤3 organs, NROG-002)
    // says nothing of the number of lesions.
    if (
      t.w === 'oligo' &&
      (follows?.w.startsWith('progress') ||
        follows?.w === 'pd' ||
        follows?.w === 'pod' ||
        follows?.w.startsWith('organ') === true)
    ) {
      this.finish();
      return;
    }
    const g = this.open(t);
    if (!this.st.negated && !this.st.hedged) g.burden.push({ value: 'oligo', start: t.start, end: t.end });
    if (t.w !== 'oligo') this.close(g, t, METASTASES_FLAGS);
    else g.hasMet = true;
  }

  /** "negative", "pending" after what was named; "negative for" before it. */
  private onPostCue(kind: K, t: Token, next: Token | undefined): void {
    const w = t.w;
    // "negative for liver mets"; "mets: none in liver", "none to bone": the negative names the site after it.
    const before = next?.w === 'in' || next?.w === 'at' || next?.w === 'to';
    if (
      (next?.w === 'for' && (w === 'negative' || w === 'neg' || w === 'free')) ||
      (before &&
        w === 'none' &&
        (this.flagsAt(this.toks[this.i + 2]?.w === 'the' ? this.i + 3 : this.i + 2) & F.Site) !== 0)
    ) {
      this.open(t);
      this.st.negated = true;
      this.st.hedged = false;
      return;
    }
    const g = this.g;
    if (!g) return;
    const targets = g.pending.length > 0 ? g.pending : g.lastClosed;
    // "SRS to 3 brain mets planned": what is planned is the treatment named before the lesions, not the lesions.
    if (
      kind === K.PostHedge &&
      w === 'planned' &&
      targets.length > 0 &&
      this.treatmentBefore(targets[0] as MetItem)
    ) {
      g.lastClosed = NO_ITEMS;
      g.end = t.end;
      return;
    }
    // "bone: 2, liver: 1, brain: none": a cue after a colon is about the one site before the colon.
    const from =
      this.toks[this.i - 1]?.w === ':' && targets === g.pending && g.pending.length > 1
        ? targets.length - 1
        : 0;
    for (let k = from; k < targets.length; k++) {
      const it = targets[k] as MetItem;
      if (kind === K.PostNeg) it.negated = true;
      else it.hedged = true;
    }
    g.lastClosed = NO_ITEMS;
    g.end = t.end;
  }

  /** A treatment word a few tokens before the item: "SRS to 3 brain mets", "SBRT for the adrenal met". */
  private treatmentBefore(it: MetItem): boolean {
    let k = this.i;
    while (k > 0 && (this.toks[k] as Token).start > it.start) k--;
    for (let j = k - 1; j >= 0 && j >= k - 4; j--)
      if (TREATMENT_WORDS.has((this.toks[j] as Token).w)) return true;
    return false;
  }

  private onHedge(t: Token, next: Token | undefined): void {
    // "if", "whether", "unclear" hedge what follows them, never what was named before ("liver mets x3, unclear
    // response").
    if (FORWARD_HEDGES.has(t.w)) {
      this.open(t);
      this.st.hedged = true;
      return;
    }
    // "cannot exclude", "cannot be ruled out" hedge; "cannot have SBRT" does not.
    if (t.w === 'cannot' && !(next && CANNOT_HEDGES.has(next.w))) {
      this.finish();
      return;
    }
    if (t.w === '?' && this.asks(t.start)) {
      // "would you treat the primary with 3 bone mets?": the end of a question, not a hedge.
      this.finish();
      return;
    }
    const g = this.g;
    // "adrenal? 2 bone mets": a "?" glued to the site before it and followed by a space queries that site only.
    const glued = t.w === '?' && this.toks[this.i - 1]?.end === t.start && (!next || next.start > t.end);
    if (g && glued && (g.pending.length > 0 || g.lastClosed.length > 0)) {
      for (const it of g.pending.length > 0 ? g.pending : g.lastClosed) it.hedged = true;
      g.lastClosed = NO_ITEMS;
      return;
    }
    // After a closed item and not before another one, the hedge is about what was just said:
    // "adrenal met?", "liver lesion, indeterminate".
    const ahead = this.aheadKind(this.i + 1);
    // "liver lesion ?met": the hedge on the met word is about the lesion just named.
    const aboutLast = ahead === K.Met || (ahead === K.Unknown && next?.w.startsWith('metast') === true);
    if (g && g.lastClosed.length > 0 && (((ITEM_START_MASK >> ahead) & 1) === 0 || aboutLast)) {
      for (const it of g.lastClosed) it.hedged = true;
      g.lastClosed = NO_ITEMS;
      return;
    }
    // "adrenal lesion, indeterminate", "liver lesion, ?cyst ?met": a hedge that ends the list after a comma is
    // about what was named before it (not "bone mets, possibly also liver", which hedges the liver).
    if (g && this.commaClosed.length > 0 && this.toks[this.i - 1]?.w === ',') {
      // "L3 lesion, equivocal on PET": the imaging after it does not make the hedge about something new.
      const onImaging = next?.w === 'on' && (this.flagsAt(this.i + 2) & F.Imaging) !== 0;
      // "2 bone mets, ?ILD": a "?" glued to a word of no lesion kind queries that word, not the list before it.
      const queriesNext = t.w === '?' && next !== undefined && next.start === t.end && ahead === K.Unknown;
      if (((HEDGE_TAIL_MASK >> ahead) & 1 && !queriesNext) || onImaging) {
        for (const it of this.commaClosed) it.hedged = true;
        this.commaClosed = NO_ITEMS;
        return;
      }
    }
    this.open(t);
    this.st.hedged = true;
  }

  /** The index after a date at k ("2024", "3/24", "12.03.2024", "(Jan)", "[DATE]" as the guard leaves it); k when
   * none stands there. */
  private afterDate(k: number): number {
    let j = k;
    while (j < this.n && j < k + 8) {
      const w = (this.toks[j] as Token).w;
      if (!(isDigitStart(w) || DATE_PARTS.has(w) || MONTHS.has(w))) break;
      j++;
    }
    return j;
  }

  private onBlocker(kind: K, t: Token): void {
    const g = this.g;
    // "liver x4 and bone x3 on PET": the test the findings were seen on.
    const before = this.toks[this.i - 1]?.w;
    if (
      kind === K.Imaging &&
      g &&
      (before === 'on' || before === 'by' || before === 'per' || before === 'via')
    ) {
      g.end = t.end;
      return;
    }
    // "Brain MRI: 2 mets", "brain MRI - 3 mets", "MRI brain [DATE]: 2 mets": the imaging names the organ of what
    // its header reports (a date may stand before the colon).
    const h = kind === K.Imaging ? this.afterDate(this.i + 1) : this.i + 1;
    const header = this.toks[h]?.w;
    if (
      kind === K.Imaging &&
      g &&
      g.pending.length > 0 &&
      (header === ':' || header === '-' || header === '–')
    ) {
      // "Brain MRI: no metastases", "Brain MRI: clear": the report says the organ is free.
      const said = this.toks[h + 1]?.w ?? '';
      if (NEG_WORDS.has(said) || POST_NEG_WORDS.has(said)) for (const it of g.pending) it.negated = true;
      g.end = t.end;
      this.i = h - 1;
      return;
    }
    const target = g && g.pending.length === 0 ? g : g ? undefined : this.groups[this.groups.length - 1];
    if (target && this.benignAfter(target)) {
      if (g) g.lastClosed = NO_ITEMS;
      return;
    }
    // "Mets: 1 adrenal, PET done": an imaging word that starts a new phrase ends the list; only one right after
    // the site ("brain MRI") makes the site the test's organ.
    const prevTok = this.toks[this.i - 1];
    const lastPending = g?.pending[g.pending.length - 1];
    if (kind === K.Imaging && g && lastPending && prevTok && prevTok.end > lastPending.end) {
      this.finish();
      return;
    }
    if (g && g.pending.length > 0) g.pending = [];
    else if (g && g.lastClosed.length > 0 && kind === K.Blocker && KINDS[this.i - 1] !== K.Neg) {
      // "adrenal nodule - benign adenoma": what was just named is not a metastasis.
      const dropped = g.lastClosed;
      g.items = g.items.filter((it) => !dropped.includes(it));
      g.lastClosed = NO_ITEMS;
    } else if ((FLAGS[this.i] as number) & F.BlockNext) {
      this.open(t);
      this.st.blocked = true;
    } else if (g) g.lastClosed = NO_ITEMS;
    if (this.g) this.g.end = t.end;
  }

  /** "bone lesion at T8 thought to be degenerative", "liver lesion is a haemangioma": a benign word right after
   * the group's last words, across linking words only, drops the items of the clause it ends. True when it did. */
  private benignAfter(grp: Group): boolean {
    let k = this.i - 1;
    // The level of the lesion ("at T8") may stand between it and the linking words.
    while (k >= 0 && this.i - k <= 8 && (KINDS[k] === K.Vertebra || this.linkAt(k))) k--;
    const before = this.toks[k];
    // The clause must end on the lesion's own words: "liver mets x3 and a haemangioma" names two things.
    const own = KINDS[k] === K.Met || ((FLAGS[k] as number) & F.Site) !== 0;
    if (!before || !own || k === this.i - 1 || before.end > grp.end || before.end <= grp.start) return false;
    let cut = grp.start;
    for (; k >= 0; k--) {
      const tk = this.toks[k] as Token;
      if (tk.start < grp.start) break;
      if (tk.w === ',' || tk.w === ';') {
        cut = tk.end;
        break;
      }
    }
    const kept = grp.items.filter((it) => it.start < cut);
    if (kept.length === grp.items.length) return false;
    grp.items = kept;
    if (grp !== this.g && kept.length === 0 && grp.totals.length === 0 && grp.burden.length === 0)
      this.groups.pop();
    return true;
  }

  /** A linking word; "with" only in "consistent with", "in keeping with", "c/w". */
  private linkAt(k: number): boolean {
    const w = (this.toks[k] as Token).w;
    if (w !== 'with') return BENIGN_LINK.has(w);
    const p = this.toks[k - 1]?.w;
    return p === 'consistent' || p === 'compatible' || p === 'keeping';
  }

  /** A site word, a met word, a connector, or anything else (which ends the group). */
  private name(kind: K, t: Token, next: Token | undefined): void {
    const found = this.siteOf(kind, t, next);
    if (found === 'handled') return;
    if (found) {
      this.addSite(t, found.site, found.end);
      return;
    }
    const flags = FLAGS[this.i] as number;
    if (kind === K.Met) {
      this.close(this.open(t), t, flags & F.Met ? flags : METASTASES_FLAGS);
      return;
    }
    const g = this.g;
    if (g && (kind === K.Connector || kind === K.Descriptor || kind === K.Vertebra)) {
      // "likely benign, 1 adrenal met": a benign word does not reach past a comma.
      if (t.w === ',') this.st.blocked = false;
      // "?adrenal, 2 bone mets": a hedge or negation does not reach past a comma into an item with its own count
      // (as carriedPolarity keeps "no ILD, 2 liver mets" asserted).
      const counted = t.w === ',' && next !== undefined && isSmallNumber(next.w);
      // "Hb 11, bone met", "CEA 12, liver met": a number before a comma counts nothing after it.
      if (t.w === ',' && this.st.count && !this.st.count.times && g.pending.length === 0)
        this.st.count = undefined;
      if ((flags & F.Clearing && g.pending.length === 0) || counted) {
        this.st.negated = false;
        this.st.hedged = false;
        this.st.progressing = false;
      }
      if (kind === K.Connector && (flags & F.KeepLast) === 0) {
        this.commaClosed = t.w === ',' ? g.lastClosed : NO_ITEMS;
        g.lastClosed = NO_ITEMS;
      }
      return;
    }
    this.finish();
  }

  /** The site a word names (taking the next token when it belongs to it), 'handled' when it only set state. */
  private siteOf(
    kind: K,
    t: Token,
    next: Token | undefined,
  ): { site: [Site, string]; end: number } | 'handled' | undefined {
    const i = this.i;
    const pelvicNode = ((FLAGS[i] as number) & F.PelvicIliac) !== 0 && (this.flagsAt(i + 1) & F.Node) !== 0;
    if (kind === K.Node || pelvicNode) return this.nodeSite(t, next, pelvicNode);
    if (kind === K.Contralateral) return this.contralateralSite(t, next);
    if (kind === K.Vertebra) {
      const levels = this.vertebraLevels(t);
      if (levels) return levels;
      if (next && ((FLAGS[i + 1] as number) & F.Met || next.w.startsWith('vertebr'))) {
        // "T2 lesion", "T4 mass": T1–T4 is also a T category; only a metastasis word makes it a vertebra.
        // "new T3 lesion": a T category is never new.
        if (
          isTCategoryLike(t.w) &&
          ((FLAGS[i + 1] as number) & F.Strong) === 0 &&
          !next.w.startsWith('vertebr') &&
          this.toks[i - 1]?.w !== 'new'
        )
          return undefined;
        if (!next.w.startsWith('vertebr')) return { site: BONE, end: t.end };
        // "T8 vertebral met": one bone item, not two.
        this.i++;
        return { site: BONE, end: next.end };
      }
      // "Mets:\n- T12": a spinal level alone on a line of a list under a metastasis header.
      if (this.underHeader && BULLETS.has(this.toks[i - 1]?.w ?? '') && !isTCategoryLike(t.w))
        return { site: BONE, end: t.end };
      // "mets to L adrenal and T10", "(R adrenal + T11)": a spinal level joined to the sites of a list.
      const g = this.g;
      if (
        g &&
        g.items.length + g.pending.length > 0 &&
        (FLAGS[i - 1] as number) & F.LevelJoin &&
        !isTCategoryLike(t.w)
      )
        return { site: BONE, end: t.end };
      return undefined;
    }
    if (kind === K.Site || kind === K.Distant) {
      if (BRAIN_PART.has(t.w) && next && SKULL_AFTER.has(next.w)) return undefined;
      const site = SITE_WORDS.get(t.w);
      return site ? { site, end: t.end } : undefined;
    }
    return undefined;
  }

  /** "T8 and L2 vertebral mets", "bone mets at T8 and L2", "Mets: T6, L3", "(new T4, T9, L3, sacrum, both iliac
   * wings)": a list of spinal levels, with named bones among them, counts bone lesions. */
  private vertebraLevels(t: Token): { site: [Site, string]; end: number } | 'handled' | undefined {
    const { toks, n: len } = this;
    let j = this.i;
    let n = this.levelRange(j);
    if (n > 1) j += 2;
    for (;;) {
      if (j + 2 >= len || ((FLAGS[j + 1] as number) & F.LevelJoin) === 0) break;
      const member = this.listedBone(j + 2);
      if (member.n === 0) break;
      j = member.last;
      n += member.n;
    }
    const metBefore = this.metWordBefore(this.i);
    if (n < 2 && !(metBefore && !isTCategoryLike(t.w))) return undefined;
    // "T8, ribs", "T8, L1, left 5th and 6th ribs": the list goes on with bones of unstated number, so the levels
    // counted are only some of the lesions.
    // "T8, L1, left 5th and 6th ribs" counts the ribs by their ordinals.
    let open = false;
    if (j + 2 < len && ((FLAGS[j + 1] as number) & F.LevelJoin) !== 0) {
      const ribs = this.pluralBonesAt(j + 2);
      if (ribs.n > 0) {
        n += ribs.n;
        j = ribs.last;
      } else open = ribs.n < 0;
    }
    const after = toks[j + 1];
    if (metBefore || (after && ((FLAGS[j + 1] as number) & F.Met || after.w.startsWith('vertebr')))) {
      if (!metBefore && after?.w.startsWith('vertebr')) j++;
      if (!open) this.st.count = { n, start: t.start };
      this.i = j;
      return { site: BONE, end: (toks[j] as Token).end };
    }
    const p = toks[this.i - 1]?.w;
    const at = p === 'at' || p === 'in' || p === 'involving' || p === 'of';
    const item = this.backItem() ?? (at ? this.g?.items[this.g.items.length - 1] : undefined);
    if (item?.site !== 'bone' || item.negated) return undefined;
    // "6 bone mets (T4, T9, L2, L5, L sacrum, R femur)": the list breaks down the stated count, which stands.
    if (item.count !== undefined && !item.singular) {
      this.i = j;
      (this.g as Group).end = (toks[j] as Token).end;
      return 'handled';
    }
    if (!open) {
      item.count = n;
      item.ownCount = true;
    }
    this.i = j;
    (this.g as Group).end = (toks[j] as Token).end;
    return 'handled';
  }

  /** Bones named in the plural at k: "left 5th and 6th ribs" (n 2, by the ordinals; last: the index of "ribs"),
   * "ribs", "both 5th ribs", "other vertebrae" (n -1: how many is not said); n 0 when none is named there. */
  private pluralBonesAt(k: number): { n: number; last: number } {
    let ordinals = 0;
    let countable = true;
    for (let j = k; j < k + 8; j++) {
      const w = this.toks[j]?.w;
      if (w === undefined) break;
      if (PLURAL_BONES.has(w)) return { n: countable && ordinals > 0 ? ordinals : -1, last: j };
      if (ORDINAL_RE.test(w)) ordinals++;
      else if (LATERAL_TWO.has(w) || w === 'other') countable = false;
      else if (!(LATERAL_ONE.has(w) || LIST_FILLER.has(w))) break;
    }
    return { n: 0, last: k };
  }

  /** "T4-T6" at k: 3 levels (the range's tokens are k to k + 2); 1 otherwise. */
  private levelRange(k: number): number {
    const dash = this.toks[k + 1]?.w;
    const to = this.toks[k + 2];
    if ((dash !== '-' && dash !== '–' && dash !== 'to') || !to || KINDS[k + 2] !== K.Vertebra) return 1;
    const from = (this.toks[k] as Token).w;
    if (from.charCodeAt(0) !== to.w.charCodeAt(0)) return 1;
    const a = Number(from.slice(1));
    const b = Number(to.w.slice(1));
    return b > a && b - a < 12 ? b - a + 1 : 1;
  }

  /** A member of a list of levels at k: a level (or a range), or a named bone ("sacrum", "left 6th rib", "both
   * iliac wings"); n lesions (0: not a member) and the index of its last token. */
  private listedBone(k: number): { n: number; last: number } {
    if (KINDS[k] === K.Vertebra) {
      const range = this.levelRange(k);
      return { n: range, last: range > 1 ? k + 2 : k };
    }
    let j = k;
    let n = 1;
    let w = this.toks[j]?.w ?? '';
    if (w === 'the') w = this.toks[++j]?.w ?? '';
    if (LATERAL_TWO.has(w)) {
      n = 2;
      w = this.toks[++j]?.w ?? '';
    } else if (LATERAL_ONE.has(w)) w = this.toks[++j]?.w ?? '';
    if (ORDINAL_RE.test(w)) w = this.toks[++j]?.w ?? '';
    if (!NAMED_BONES.has(w)) return { n: 0, last: k };
    const tail = this.toks[j + 1]?.w;
    if (tail && BONE_PARTS.has(tail)) j++;
    return { n, last: j };
  }

  /** "Mets: T6, L3", "mets at C2", "mets = T2, T3": a metastasis word right before the list. */
  private metWordBefore(k: number): boolean {
    let b = k - 1;
    const w = this.toks[b]?.w;
    if (w === ':' || w === '=' || w === 'at' || w === '@' || w === 'in' || w === '-' || w === 'to') b--;
    // "metastatic sites: T8, L2".
    const head = this.toks[b]?.w;
    if ((head === 'sites' || head === 'site') && b > 0) b--;
    // "oligo: L2 + R adrenal": the burden word heads the list as a metastasis word does.
    if (b >= 0 && KINDS[b] === K.Oligo && this.toks[b + 1]?.w === ':') return true;
    return b >= 0 && KINDS[b] === K.Met && ((FLAGS[b] as number) & F.Strong) !== 0;
  }

  private nodeSite(
    t: Token,
    next: Token | undefined,
    pelvic: boolean,
  ): { site: [Site, string]; end: number } | 'handled' {
    const st = this.st;
    let end = t.end;
    if (pelvic) {
      st.distant = true;
      end = (next as Token).end;
      this.i++;
    }
    if (st.distant && !st.regional) return { site: ['distant-nodes', 'distant-nodes'], end };
    // Regional or unqualified nodes are not metastases; the group stays open for what follows.
    this.open(t);
    st.distant = false;
    st.regional = false;
    st.count = undefined;
    return 'handled';
  }

  private contralateralSite(
    t: Token,
    next: Token | undefined,
  ): { site: [Site, string]; end: number } | 'handled' {
    const nx = next?.w ?? '';
    let end = t.end;
    const toks = this.toks;
    if (nx === 'lung' || nx === 'lungs' || nx === 'pulmonary' || nx === 'hemithorax' || nx === 'lobe') {
      end = (next as Token).end;
      this.i++;
    } else if (LOBE_CODES.has(nx)) {
      // "contralateral RUL nodule"
      end = (next as Token).end;
      this.i++;
    } else if (nx === '(' && LOBE_CODES.has(toks[this.i + 2]?.w ?? '') && toks[this.i + 3]?.w === ')') {
      // "contralat (RUL) nodule"
      end = (toks[this.i + 3] as Token).end;
      this.i += 3;
    } else if ((this.flagsAt(this.i + 1) & F.Met) === 0) {
      this.open(t);
      this.st.regional = true;
      return 'handled';
    }
    this.st.strongLung = true;
    return { site: ['contralateral-lung', 'lung'], end };
  }

  private addSite(t: Token, site: [Site, string], siteEnd: number): void {
    const st = this.st;
    const g = this.open(t);
    if (siteEnd > g.end) g.end = siteEnd;
    if (site[0] === 'contralateral-lung' && st.regional) {
      // "ipsilateral lung nodule" is T3/T4, not M1a.
      st.regional = false;
      return;
    }
    if (st.blocked) {
      st.blocked = false;
      return;
    }
    // "PET and MRI brain done": the organ an imaging test looked at, unless it heads a report ("MRI brain: 2 mets",
    // "MRI brain [DATE]: 2 mets").
    let dateEnd = -1;
    if (KINDS[this.i - 1] === K.Imaging) {
      const h = this.afterDate(this.i + 1);
      const after = this.toks[h]?.w;
      if (after !== ':' && after !== '-' && after !== '–') return;
      if (h > this.i + 1) dateEnd = h - 1;
    }
    // "SCC lung, 1 adrenal met": the lung named after the histology is the primary, not a metastasis.
    // So is "adenocarcinoma of the lung", "carcinoma of lung".
    if (site[1] === 'lung' && (this.afterPrimaryWord() || this.beforePrimaryWord())) return;
    let count = st.count?.n;
    const sided = count === undefined && st.lateral !== undefined && PAIRED.has(site[1]);
    if (sided) count = st.lateral;
    const item: MetItem = {
      site: site[0],
      organ: site[1],
      start: st.count && st.count.start < t.start ? st.count.start : t.start,
      end: siteEnd,
      negated: st.negated,
      hedged: st.hedged,
      progressing: st.progressing,
      metContext: false,
    };
    if (count !== undefined) item.count = count;
    if (st.count?.times) item.ownCount = true;
    if (sided && count === 1) item.side = st.side;
    if (site[0] === 'contralateral-lung' && st.strongLung) item.qualifiedLung = true;
    if (st.count?.poly && !st.negated && !st.hedged)
      g.burden.push({ value: 'poly', start: st.count.start, end: siteEnd });
    // "up to 3 bone mets", "≤3 liver lesions": an upper bound of 5 or fewer is the oligometastatic burden.
    else if (st.count?.oligo && !st.negated && !st.hedged)
      g.burden.push({ value: 'oligo', start: st.count.start, end: siteEnd });
    g.pending.push(item);
    g.lastClosed = NO_ITEMS;
    st.count = undefined;
    st.lateral = undefined;
    st.distant = false;
    // The date of the report is no count: the walk goes on at the header after it.
    if (dateEnd > 0) this.i = dateEnd;
  }
}

/** Parse all metastasis mentions into items and, per group, totals and burden words. */
function parseGroups(doc: Doc, sink: Sink | undefined): Group[] {
  const taken = sink ? (start: number, end: number) => sink.isConsumed(start, end) : undefined;
  return new GroupParser(doc.tokens, doc.text, (pos) => isQuestionMark(doc, pos), taken).run();
}

// "number of mets: 3", "mets count 7", "total mets = 7": a total written as a field.
const STATED_TOTAL_RE =
  /\b(?:(?:number|no\.|total|count)\s*(?:of\s+)?(?:mets|metastases|metastatic\s+(?:lesions|sites))|(?:mets|metastases)\s+(?:count|total|number))\s*[:=-]?\s*(\d{1,2})(?!\d|\.\d)(?!\s*(?:years?|yrs?|months?|weeks?|cm|mm|%))/g;
const POLY_STATEMENT_RE =
  /\b(?:disease|metastases|mets|metastatic\s+disease)\s+(?:is|are)\s+(?:widespread|diffuse|extensive|disseminated|innumerable|multiple|numerous)\b/g;

const DIFFERENTIAL_AFTER_RE = /^\s*(?:effusions?\s+|disease\s+)?(?:vs\.?|versus)\s/;
const SEROSAL_RES: { triggers: readonly string[]; re: RegExp; kind: string }[] = [
  {
    triggers: T.malignantEffusion,
    re: /\bmalignant\s+(?:(?:left|right|bilateral|large|small|moderate|recurrent|loculated)\s+)?(pleural|pericardial)\s+effusions?\b|\b(pleural|pericardial|pl)\s+eff(?:usions?)?\s*[:(,-]?\s*(?:(?:tapped|drained|aspirated|fluid|aspirate)\s*[:,-]?\s*)?(?:cyto(?:logy)?[\s-]?(?:[:=]\s*)?(?:positive|proven|\+ve|\+|malignant|adenocarcinoma|carcinoma|nsclc)|positive\s+cytology|(?:positive|\+ve)\s+for\s+(?:malignant|malignancy|tumou?r|cancer|adenocarcinoma|carcinoma)(?:\s+cells)?|malignant|m1a)(?![a-z])|\bmpe\b|\bmalignant\s+(?:effusion|pericardial\s+disease)\b|\bpleural\s+carcinomatosis\b|\b(?:cytology[\s-]?(?:positive|proven|\+)|cytologically[\s-](?:positive|proven|malignant)|positive[\s-]cytology)\s+(?:(?:left|right|bilateral|large|small|moderate|recurrent)\s+)?(pleural|pericardial)\s+effusions?\b/g,
    kind: 'effusion',
  },
  {
    triggers: T.leptomeningeal,
    re: /\blepto[\s-]?mening\w*|\blmd\b|\bmeningeal\s+carcinomatosis\b|\bcarcinomatous\s+meningitis\b/g,
    kind: 'leptomeningeal',
  },
];

/** All metastasis mentions of the text, before any is turned into a fact; `sink` holds what the score and stage
 * readers took, so that their numbers are not read as counts. */
export function parseMets(doc: Doc, sink?: Sink): MetsResult {
  const groups = parseGroups(doc, sink);
  const items: MetItem[] = [];
  for (const grp of groups) for (const it of grp.items) items.push(it);
  return { items, groups };
}

/** Turn the mentions into facts: sites, organs, count, burden, brain status, serosal disease. */
// "adrenal nodule, likely adenoma": the next words call what was named benign.
const BENIGN_AFTER_RE =
  /^\s*(?:nodules?|lesions?|mass(?:es)?|thickening|focus|foci)?\s*(?:\d{1,2}(?:\.\d)?\s?(?:cm|mm)\s*)?(?:,?\s*-?\d{1,3}\s?hu\b[^,.;]{0,20})?[,:-]?\s*(?:(?:washout|on\s+(?:ct|mri|pet)|ct|mri|appearances?|features?)\s+)?(?:(?:most\s+)?(?:likely|probably|prob|favou?r(?:ed|s)?|consistent\s+with|in\s+keeping\s+with|c\/w|representing|thought\s+to\s+be)\s+)?(?:an?\s+)?(?:benign|adenomas?|cysts?|ha?emangiomas?|lipid[\s-]rich|granulomas?|degenerative|not\s+typical\s+(?:of|for)|atypical\s+for)\b/;

const NON_AVID_AFTER_RE =
  /^\s*(?:nodules?|lesions?|mass|focus)?\s*(?:\d{1,2}(?:\.\d)?\s?(?:cm|mm)\s*)?[,(:-]?\s*(?:not|non|without|no)[\s-]+(?:fdg[\s-]+)?(?:avid|uptake|pet[\s-]avid)\b/;
const NON_AVID_BEFORE_RE = /\b(?:non|not)[\s-]?(?:fdg[\s-]?)?avid\s+(?:(?:left|right|l|r)\s+)?$/;

const HEADING_AFTER_RE = /^\s*[:=-]/;
const CONFIRMED_AFTER_RE =
  /^[^.;]*?\b(?:bx|biops(?:y|ied))[\s-]*(?:proven|confirmed|positive|\+ve)\b[^.;]{0,16}\b(?:mets?|metastas\w*|adenocarcinoma|nsclc)\b/;

/** The text-level polarity (lists, "cannot exclude", "rule out") can negate or hedge what the token walk kept. */
function applyTextPolarity(doc: Doc, items: readonly MetItem[]): void {
  for (const it of items) {
    if (!it.metContext || it.negated || it.hedged) continue;
    if (BENIGN_AFTER_RE.test(doc.lower.slice(it.end, it.end + 64))) {
      it.negated = true;
      continue;
    }
    // "adrenal lesion, not FDG avid", "non-avid adrenal nodule": a lesion not called a metastasis.
    if (
      NON_AVID_AFTER_RE.test(doc.lower.slice(it.end, it.end + 40)) ||
      NON_AVID_BEFORE_RE.test(doc.lower.slice(Math.max(0, it.start - 24), it.start))
    ) {
      it.hedged = true;
      continue;
    }
    const pol = polarity(doc, it.start, it.end);
    if (pol === 'neg') it.negated = true;
    else if (pol === 'hedge') it.hedged = true;
  }
  // "Adrenal: left adrenal nodule, consistent with adenoma": an organ heading is the label of the finding of the
  // same organ right after it, and shares what is said of it.
  for (let k = 0; k + 1 < items.length; k++) {
    const head = items[k] as MetItem;
    const next = items[k + 1] as MetItem;
    if (
      next.organ !== head.organ ||
      next.start - head.end > 24 ||
      !HEADING_AFTER_RE.test(doc.lower.slice(head.end, next.start))
    )
      continue;
    if (next.negated) head.negated = true;
    else if (next.hedged) head.hedged = true;
  }
  // "1 liver lesion indeterminate -> bx-proven met": the biopsy settles the hedge.
  for (const it of items)
    if (it.hedged && !it.negated && CONFIRMED_AFTER_RE.test(doc.lower.slice(it.end, it.end + 72))) {
      it.hedged = false;
      it.metContext = true;
    }
}

/** Malignant effusions and leptomeningeal disease: serosal disease, not metastatic sites. */
function emitSerosal(doc: Doc, sink: Sink): void {
  for (const { triggers, re, kind } of SEROSAL_RES) {
    for (const m of matchAll(doc, re, triggers)) {
      const start = m.index;
      const end = start + m[0].length;
      // "pleural effusion, malignant effusion vs parapneumonic": one side of a differential.
      if (polarity(doc, start, end) !== 'pos' || DIFFERENTIAL_AFTER_RE.test(doc.lower.slice(end, end + 24))) {
        sink.see(start, end);
        continue;
      }
      let value = kind;
      if (kind === 'effusion') {
        const said = m[1] ?? m[2] ?? m[3];
        const where =
          said === 'pl' ? 'pleural' : (said ?? (m[0].includes('pericardial') ? 'pericardial' : 'pleural'));
        value = m[0].startsWith('malignant effusion') ? 'unspecified' : `${where}-effusion`;
      }
      sink.add('serosalDisease', value, start, end);
    }
  }
}

// What makes a named site more than one lesion: a plural or uncountable word after it ("adrenal mets", "bone
// disease") or a plural site word ("adrenals", "ribs").
const PLURAL_AFTER_RE =
  /^\s*(?:mets|metastases|lesions|deposits|nodules|foci|secondaries|sites|disease|dz|involvement|spread|masses)\b/;

/** "3 bone", "liver x4": a count written on the site itself, not a total of a list ("2 mets in the liver and …"). */
function countedBeside(lower: string, it: MetItem): boolean {
  return it.ownCount === true || COUNT_ON_SITE_RE.test(lower.slice(it.start, it.end));
}
const COUNT_ON_SITE_RE = /^\d{1,2}\s?[a-z]+$/;

/** "3 bone + adrenal", "liver x4, adrenal": in a list whose other sites carry their own count and that says
 * nothing of the burden, a site named once in the singular (not the lung, often the primary's) is one lesion. */
function impliedSingles(lower: string, groups: readonly Group[]): Set<MetItem> {
  const out = new Set<MetItem>();
  for (const g of groups) {
    if (
      g.burden.some((b) => b.value === 'poly') ||
      !g.items.some((it) => it.count !== undefined && countedBeside(lower, it))
    )
      continue;
    for (const it of g.items)
      if (it.count === undefined && it.site !== 'contralateral-lung' && namedInSingular(lower, it))
        out.add(it);
  }
  return out;
}

// A spinal level, or a named bone with its side before it: one lesion ("bone mets: R ilium and T12" are two).
const SIDE_BEFORE_RE = /\b(?:left|right|l|r|lt|rt)\s+(?:\d{1,2}(?:st|nd|rd|th)\s+)?$/;
const GENERIC_BONE_RE = /^(?:bones?|bony|osseous|skeletal)$/;

/** The lesions of one organ's uncounted items when they are all places (and generic organ words): 0 otherwise. */
function placesNamed(lower: string, list: readonly MetItem[]): number {
  let places = 0;
  for (const it of list) {
    const text = lower.slice(it.start, it.end);
    if (it.site !== 'bone') return 0;
    if (GENERIC_BONE_RE.test(text)) continue;
    // "humerus" ends in "s" but is one bone; "T8, ribs" is not a list of places.
    if (PLURAL_AFTER_RE.test(lower.slice(it.end, it.end + 16))) return 0;
    if (
      VERTEBRA_CODE_RE.test(text) ||
      (NAMED_BONES.has(text) && SIDE_BEFORE_RE.test(lower.slice(Math.max(0, it.start - 12), it.start)))
    )
      places++;
    else return 0;
  }
  return places;
}

/** The distinct bone places of items each stated as one lesion ("T8 met, L1 met", "R ilium met, T12 met"); 0
 * unless every item is such a place. */
function singlePlaces(lower: string, list: readonly MetItem[]): number {
  const seen = new Set<string>();
  for (const it of list) {
    if (it.site !== 'bone' || it.count !== 1 || !it.singular) return 0;
    const text = lower.slice(it.start, it.end);
    if (VERTEBRA_CODE_RE.test(text)) seen.add(text);
    else if (NAMED_BONES.has(text) && SIDE_BEFORE_RE.test(lower.slice(Math.max(0, it.start - 12), it.start)))
      seen.add(lower.slice(Math.max(0, it.start - 12), it.end));
    else return 0;
  }
  return seen.size;
}

function namedInSingular(lower: string, it: MetItem): boolean {
  if (it.qualifiedLung || lower.charCodeAt(it.end - 1) === 115) return false; // "s": a plural site word
  return !PLURAL_AFTER_RE.test(lower.slice(it.end, it.end + 16));
}

interface OrganEntry {
  counts: Set<number>;
  items: number;
  /** Every uncounted item of the organ is one lesion by impliedSingles. */
  single: boolean;
  start: number;
  end: number;
  /** Sides of single sided items (1 left, 2 right, 3 both): "R adrenal and L adrenal mets" are two. */
  sides: number;
  list: MetItem[];
}

/** "4 bone mets (T-spine x2, pelvis x2)": a counted item and a bracket right after it that breaks it down; the
 * stated count when the parts add up to no more than it, undefined otherwise. */
function totalWithBreakdown(lower: string, list: readonly MetItem[]): number | undefined {
  const [first, ...rest] = list;
  if (!first || first.count === undefined || rest.length === 0) return undefined;
  const open = lower.indexOf('(', first.end);
  if (open < 0 || open - first.end > 12) return undefined;
  const close = lower.indexOf(')', open);
  // "7 bone lesions (spine x4, ribs x2, pelvis x1) … all bone sites?": a later mention without a count adds none.
  if (
    close < 0 ||
    !rest.every((it) => (it.start > open && it.end <= close) || (it.start > close && it.count === undefined))
  )
    return undefined;
  let sum = 0;
  for (const it of rest) if (it.start < close) sum += it.count ?? 1;
  return sum <= first.count ? first.count : undefined;
}

/** Count: stated totals ("3 mets") and the sum of per-organ counts when every organ has one. */
function emitCount(
  doc: Doc,
  sink: Sink,
  positives: readonly MetItem[],
  groups: readonly Group[],
): { organs: number; spanStart: number; spanEnd: number } {
  const singles = impliedSingles(doc.lower, groups);
  const perOrgan = new Map<string, OrganEntry>();
  for (const it of positives) {
    const entry = perOrgan.get(it.organ) ?? {
      counts: new Set<number>(),
      items: 0,
      single: true,
      start: it.start,
      end: it.end,
      sides: 0,
      list: [],
    };
    entry.items++;
    entry.list.push(it);
    if (it.side !== undefined) entry.sides |= it.side;
    if (it.count !== undefined) entry.counts.add(it.count);
    else entry.single &&= singles.has(it);
    entry.start = Math.min(entry.start, it.start);
    entry.end = Math.max(entry.end, it.end);
    perOrgan.set(it.organ, entry);
  }
  let sum: number | undefined = 0;
  let spanStart = Number.POSITIVE_INFINITY;
  let spanEnd = 0;
  for (const [organ, entry] of perOrgan) {
    spanStart = Math.min(spanStart, entry.start);
    spanEnd = Math.max(spanEnd, entry.end);
    const total = entry.counts.size > 1 ? totalWithBreakdown(doc.lower, entry.list) : undefined;
    if (total !== undefined) {
      if (sum !== undefined) sum += total;
    } else if (entry.counts.size > 1) {
      sink.conflict(
        'metastases.count',
        [...entry.counts].map((n) => `${n} ${organ}`),
        [{ start: entry.start, end: entry.end }],
      );
      sum = undefined;
    } else if (entry.counts.size === 0) {
      const places = entry.items > 1 ? placesNamed(doc.lower, entry.list) : 0;
      if (sum !== undefined)
        sum = places > 0 ? sum + places : entry.items === 1 && entry.single ? sum + 1 : undefined;
    } else if (sum !== undefined) {
      // "T8 met, L1 met": one lesion at each of several places named.
      const places = entry.counts.has(1) && entry.items > 1 ? singlePlaces(doc.lower, entry.list) : 0;
      if (places > 1) sum += places;
      else for (const n of entry.counts) sum += n === 1 && entry.sides === 3 ? 2 : n;
    }
  }
  const organs = perOrgan.size;
  const summed = organs > 0 && sum !== undefined && sum > 0 && sum <= 1000;
  for (const grp of groups)
    for (const t of grp.totals) {
      if (t.provisional && summed) continue;
      // "What if she had 6 mets?": a total the board supposes is no finding.
      if (conditionalAt(doc, t.start) || polarity(doc, t.start, t.end) === 'hedge') {
        sink.see(t.start, t.end);
        continue;
      }
      sink.add('metastases.count', t.n, t.start, t.end);
    }
  if (summed && sum !== undefined) sink.add('metastases.count', sum, spanStart, spanEnd);
  return { organs, spanStart, spanEnd };
}

export function emitMets(doc: Doc, sink: Sink, mets: MetsResult): void {
  const { items, groups } = mets;
  applyTextPolarity(doc, items);
  const positives: MetItem[] = [];
  for (const it of items) {
    if (!it.metContext) continue;
    if (it.negated || it.hedged) sink.see(it.start, it.end);
    else {
      sink.add('metastases.sites', it.site, it.start, it.end);
      positives.push(it);
    }
  }

  emitBrain(doc, sink, items, positives);

  const { organs, spanStart, spanEnd } = emitCount(doc, sink, positives, groups);
  // A stated organ total ("4 mets in 2 organs", "across three organ systems") beats counting named sites.
  // One scan for "organ" serves both readers (neither matches without it).
  const organWord = doc.lower.includes('organ');
  if (organWord) for (const t of lesionsInOrgans(doc)) sink.add('metastases.count', t.n, t.start, t.end);
  const statedOrgans = organWord ? statedOrganTotals(doc) : NO_TOTALS;
  for (const o of statedOrgans) sink.add('metastases.organs', o.n, o.start, o.end);
  if (organs > 0 && statedOrgans.length === 0) sink.add('metastases.organs', organs, spanStart, spanEnd);

  for (const grp of groups)
    for (const b of grp.burden)
      if (conditionalAt(doc, b.start) || askedBurden(doc.lower, b.start)) sink.see(b.start, b.end);
      else sink.add('metastases.burden', b.value, b.start, b.end);
  for (const m of matchAll(doc, STATED_TOTAL_RE, T.statedMetsTotal)) {
    const end = m.index + m[0].length;
    if (polarity(doc, m.index, end) === 'pos') sink.add('metastases.count', Number(m[1]), m.index, end);
  }
  for (const m of matchAll(doc, POLY_STATEMENT_RE, T.polyStatement)) {
    sink.add('metastases.burden', 'poly', m.index, m.index + m[0].length);
  }

  emitSerosal(doc, sink);
}

// "in 2 organs", "across three organ systems", "2-organ disease", "involving 3 different organs".
const ORGAN_BOUND_BEFORE_RE =
  /(?:<=?|≤|>=?|≥|\bup\s+to|\bat\s+most|\bmax(?:imum)?|\bfewer\s+than|\bless\s+than)\s*$/;
const ORGAN_TOTAL_RE =
  /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]{1,3}(?:(?:different|distinct|separate|metastatic)\s{1,3})?organ(?:s|\s{1,3}systems?|\s{1,3}sites?)?\b/g;

// "5 lesions in 3 organs": "lesions" is a metastasis count only when organs are counted with it.
const LESIONS_IN_ORGANS_RE =
  /\b(\d{1,2})\s+(?:lesions|sites|deposits|mets|metastases)\s*(?:in|across|involving|\/|,|over)\s*(?:\d{1,2}|one|two|three|four|five)\s+(?:different\s+)?organs?\b/g;

const NO_TOTALS: readonly { n: number; start: number; end: number }[] = [];

// "is she oligometastatic?", "would he count as polymetastatic?": the burden is the board's question.
const ASKED_BURDEN_BEFORE_RE =
  /\b(?:is|are|would|could|does|do)\s+(?:she|he|they|this|it|the\s+patient|pt)\s+(?:\w+\s+){0,3}$/;

function askedBurden(lower: string, start: number): boolean {
  return ASKED_BURDEN_BEFORE_RE.test(lower.slice(Math.max(0, start - 40), start));
}

/** Needs "organ" in the text (the caller checks). */
function lesionsInOrgans(doc: Doc): { n: number; start: number; end: number }[] {
  const out: { n: number; start: number; end: number }[] = [];
  for (const m of matchAll(doc, LESIONS_IN_ORGANS_RE, T.lesionsInOrgans)) {
    const n = Number(m[1]);
    if (n >= 1 && polarity(doc, m.index, m.index + m[0].length) === 'pos')
      out.push({ n, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Needs "organ" in the text (the caller checks). */
function statedOrganTotals(doc: Doc): { n: number; start: number; end: number }[] {
  const out: { n: number; start: number; end: number }[] = [];
  for (const m of matchAll(doc, ORGAN_TOTAL_RE, T.organTotal)) {
    const word = m[1] ?? '';
    const n = isDigitStart(word) ? Number(word) : NUMBER_WORDS.get(word);
    const start = m.index;
    const end = start + m[0].length;
    if (n === undefined || n < 1 || n > 20 || polarity(doc, start, end) !== 'pos') continue;
    // "(<=3 organs)", "up to 3 organs": a bound (the NROG-002 definition), not the organs counted.
    if (ORGAN_BOUND_BEFORE_RE.test(doc.lower.slice(Math.max(0, start - 12), start))) continue;
    out.push({ n, start, end });
  }
  return out;
}
