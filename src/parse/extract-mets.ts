// Metastases (count, organs, sites, burden), brain status and serosal disease.
//
// Sites are read by a small left-to-right pass over word tokens: "3 bone mets + R adrenal" gives bone ×3 and
// adrenal ×1; "bone, liver and adrenal mets" gives three organs with unknown counts; "no brain or liver mets"
// negates both. Mediastinal, hilar and supraclavicular nodes are regional, never metastases.

import { emitBrain } from './brain-status.js';
import type { Doc, Token } from './doc.js';
import { isQuestionMark, matchAll, polarity } from './doc.js';
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
      'sternal scapula scapular skull calvarial calvarium clavicle clavicular osteolytic osteoblastic',
  ),
);
sites('liver', 'liver', ['liver', 'hepatic', 'hepatics', 'livers']);
sites('adrenal', 'adrenal', ['adrenal', 'adrenals', 'suprarenal', 'adr']);
sites('brain', 'brain', ['brain', 'cerebral', 'cerebellar', 'intracranial', 'cns', 'intraaxial']);
sites('contralateral-lung', 'lung', ['lung', 'lungs', 'pulmonary', 'pulm']);
sites('pleura', 'pleura', ['pleura', 'pleural']);
sites('other', 'skin', ['skin', 'cutaneous', 'subcutaneous', 'dermal']);
sites('other', 'soft-tissue', ['muscle', 'muscular', 'intramuscular']);
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
      'coeliac celiac extrathoracic pelvic iliac',
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
    'met mets metastasis metastases metastatic metastatis metastasises metastasies metastais metasteses ' +
      'secondaries secondary deposit deposits lesion lesions nodule nodules focus foci disease involvement ' +
      'spread mass masses site sites m1 m1a m1b m1c m1c1 m1c2',
  ),
);
const STRONG_MET_WORDS = new Set(
  words(
    'met mets metastasis metastases metastatic metastatis metastasies metastais metasteses secondaries ' +
      'deposit deposits',
  ),
);
// "oligometastatic disease (3 lesions)": after a strong metastasis word these count the metastases.
const LESION_TOTAL_WORDS = new Set(['lesions', 'deposits', 'sites', 'foci']);
const SINGULAR_MET_WORDS = new Set(
  words('met metastasis metastatis secondary deposit lesion nodule focus mass site'),
);
// Words that do not make a lung site a metastasis ("interstitial lung disease").
const WEAK_FOR_LUNG = new Set(['disease', 'involvement', 'spread', 'mass', 'masses', 'sites', 'site']);

const POLY_WORDS = new Set(
  words(
    'multiple numerous innumerable countless diffuse widespread extensive disseminated multifocal miliary ' +
      'myriad many polymetastatic poly',
  ),
);
const MULTI_WORDS = new Set(['several', 'few', 'some', 'scattered', 'various']);

const LATERAL_ONE = new Set(['left', 'right', 'l', 'r', 'lt', 'rt']);
const LATERAL_TWO = new Set(['bilateral', 'both']);
const NEG_WORDS = new Set(['no', 'not', 'without', 'nil', 'nor', 'neither']);
const HEDGE_WORDS = new Set(
  words(
    '? possible possibly probable probably query suspected suspicious suspect indeterminate equivocal ' +
      'likely questionable presumed',
  ),
);
const PROGRESS_WORDS = new Set(words('new enlarging growing progressing progressive increasing active'));
const BLOCKERS = new Set(
  words(
    'adenoma adenomas cyst cysts haemangioma hemangioma haemangiomas hemangiomas granuloma granulomas ' +
      'benign degenerative fracture fractures insufficiency hyperplasia lipoma fatty cirrhosis chronic ' +
      'steatosis calcified osteoporotic infarct abscess effusion effusions thickening plaque plaques ' +
      'function reserve fibrosis interstitial',
  ),
);
const LEVEL_JOIN = new Set([',', 'and', '&', '/', '+']);
// What may follow a count after a colon: "liver mets: 3", "bone mets - 2 (T8, L2)".
const COUNT_TAIL = new Set([',', ')', '(']);
const PRIMARY_LUNG_BEFORE = new Set(words('scc sqcc squamous adeno adenocarcinoma nsclc carcinoma primary'));
const CONNECTORS = new Set(
  words(
    '+ & and or , / with plus to in of the at involving within ( ) : - each on also including incl as ' +
      'well x × is are into',
  ),
);
const DESCRIPTORS = new Set(
  words(
    'small large tiny known lytic sclerotic blastic mixed hypermetabolic fdg pet avid biopsy proven ' +
      'hypodense hyperdense hypoattenuating hypoechoic enhancing osteolytic osteoblastic ring ' +
      'confirmed subcentimetre subcentimeter subcm painful asymptomatic symptomatic untreated treated ' +
      'synchronous metachronous additional further other another only dominant evidence signs sign any ' +
      'definite obvious radiological cortical seen noted identified present frontal parietal temporal ' +
      'occipital lobe hemisphere upper lower distal proximal stable responding remaining metastatic cm mm ' +
      'sub centimetre centimeter up approximately approx about total spine gland sided mediastinal hilar ' +
      'vertebral body bodies level levels',
  ),
);
const UNITS = new Set(
  words(
    'cm mm % gy fx fractions mo mos month months week weeks wks cycle cycles years year yo y yr kg mg ml cc',
  ),
);
const END_TOKENS = new Set([';', '.', '\n', '\r', 'but', 'however', 'although', 'except', 'whereas']);
const VERTEBRA_CODE_RE = /^[tlcs]\d{1,2}$/;
// Module constants: a regex literal in a function body is a new RegExp object each time it is evaluated.
const SMALL_INT_RE = /^\d{1,3}$/;
const TIMES_SUFFIX_RE = /^\d{1,2}x$/;

function countOf(tok: Token, next: Token | undefined): number | undefined {
  const w = tok.w;
  if (SMALL_INT_RE.test(w)) {
    if (next && (UNITS.has(next.w) || next.w === '/' || next.w === '-' || next.w === '.')) return undefined;
    const n = Number(w);
    return n >= 1 && n <= 200 ? n : undefined;
  }
  if (TIMES_SUFFIX_RE.test(w)) return Number(w.slice(0, -1));
  return NUMBER_WORDS.get(w);
}

interface State {
  /** `oligo`: an upper bound of 5 or fewer ("up to 5 mets"), the oligometastatic burden once a met word follows. */
  count: { n?: number; poly?: boolean; oligo?: boolean; start: number } | undefined;
  negated: boolean;
  hedged: boolean;
  progressing: boolean;
  blocked: boolean;
  lateral: 1 | 2 | undefined;
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
  lastClosed: MetItem[];
  /** Stated totals; a provisional one ("2 mets in the liver…") counts only when the per-site counts do not. */
  totals: { n: number; start: number; end: number; provisional?: boolean }[];
  burden: { value: 'oligo' | 'poly'; start: number; end: number }[];
}

const POST_NEG_WORDS = new Set(words('negative neg clear normal unremarkable nad excluded absent none'));
const POST_HEDGE_WORDS = new Set(['pending', 'awaited', 'tbc', 'requested', 'planned', 'outstanding']);
const IMAGING_WORDS = new Set(words('mri mr ct pet imaging scan scans staging petct xray'));
const BLOCK_NEXT = new Set(['benign', 'chronic', 'fatty', 'degenerative']);
const CLEARING = new Set([',', '+', '&', 'and', 'plus', 'with']);
const KEEP_LAST = new Set(['(', ')', 'x', '×', '-', ':']);
// A number right after these words is not a lesion count ("ECOG 1", "PD-L1 80", "C4").
const NOT_COUNT_AFTER = new Set(
  words(
    'ecog ps who kps karnofsky tps stage cycle cycles c gy fx age aged l1 status score exon ex g v grade',
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
  return (w.length === 1 || w.length === 2) && isDigitStart(w) && isDigitStart(w.slice(-1));
}

/** Kinds that depend on the spelling rather than a word list: "x3", "T8", "metastasess", "oligometastases". */
function guessKind(w: string): K {
  const c = w.charCodeAt(0);
  if ((c === 120 || c === 215) && w.length <= 3 && w.length > 1 && isDigitStart(w.slice(1))) {
    return /^[x×]\d{1,2}$/.test(w) ? K.TimesN : K.Unknown;
  }
  if (w.length <= 3 && (c === 116 || c === 108 || c === 99 || c === 115) && VERTEBRA_CODE_RE.test(w))
    return K.Vertebra;
  if (c === 109 && w.startsWith('metast') && w.length <= 14) return K.Met;
  if (c === 111 && w.startsWith('oligomet')) return K.Oligo;
  return K.Unknown;
}

kinds(K.End, END_TOKENS);
kinds(K.Place, ['segment', 'seg', 'station', 'level', 'levels']);
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
kinds(K.Contralateral, ['contralateral']);
kinds(K.Site, SITE_WORDS.keys());
kinds(K.Met, MET_WORDS);
kinds(K.Connector, CONNECTORS);
kinds(K.Descriptor, DESCRIPTORS);

const NO_ITEMS: readonly MetItem[] = Object.freeze([]);

class GroupParser {
  private readonly groups: Group[] = [];
  private g: Group | null = null;
  private st: State = GroupParser.fresh();
  private i = 0;
  /** What was just named before a comma, for a hedge that follows the comma. */
  private commaClosed: readonly MetItem[] = NO_ITEMS;
  /** The group after "other than"/"apart from"/"except" continues a metastasis list. */
  private inheritMet = false;
  /** The last group closed in this sentence named a metastasis. */
  private prevMet = false;

  constructor(
    private readonly toks: readonly Token[],
    /** Whether a "?" closes a question to the board rather than hedging a finding. */
    private readonly asks: (pos: number) => boolean = () => false,
  ) {}

  private static fresh(): State {
    return {
      count: undefined,
      negated: false,
      hedged: false,
      progressing: false,
      blocked: false,
      lateral: undefined,
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

  run(): Group[] {
    const { toks } = this;
    for (this.i = 0; this.i < toks.length; this.i++) this.step(toks[this.i] as Token);
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
      this.g = {
        start: t.start,
        end: t.end,
        hasMet: this.inheritMet,
        pending: [],
        items: [],
        lastClosed: [],
        totals: [],
        burden: [],
      };
      this.inheritMet = false;
    }
    this.g.end = Math.max(this.g.end, t.end);
    return this.g;
  }

  private finish(): void {
    const g = this.g;
    if (g) {
      // A site with its own count ("bone x2", "liver (3)") is a metastasis even without the word, and so is a
      // list of counted sites ("3 bone + 1 adr") or one right after a metastasis ("1 brain met (SRS), 1 adrenal").
      const listed = this.countedList(g.pending);
      for (const it of g.pending) if (g.hasMet || it.ownCount || listed) it.metContext = true;
      g.items.push(...g.pending);
      g.pending = [];
      if (g.items.length > 0 || g.totals.length > 0 || g.burden.length > 0) this.groups.push(g);
    }
    if (g) this.prevMet = g.hasMet;
    this.g = null;
    this.reset();
    this.commaClosed = NO_ITEMS;
    this.inheritMet = false;
  }

  private countedList(pending: readonly MetItem[]): boolean {
    if (pending.length === 0 || !(this.prevMet || pending.length >= 2)) return false;
    const organs = new Set<string>();
    for (const it of pending) {
      if (it.count === undefined || it.negated || it.hedged || it.organ === 'lung') return false;
      organs.add(it.organ);
    }
    return organs.size === pending.length;
  }

  private close(g: Group, t: Token, word: string): void {
    const st = this.st;
    g.hasMet = true;
    const strong = STRONG_MET_WORDS.has(word) || (g.strongMet === true && LESION_TOTAL_WORDS.has(word));
    const pending = g.pending.filter(
      (it) =>
        it.site !== 'contralateral-lung' ||
        !(WEAK_FOR_LUNG.has(word) || (WEAK_FOR_PLAIN_LUNG.has(word) && !it.qualifiedLung)),
    );
    for (const it of pending) it.metContext = true;
    const only = pending.length === 1 ? (pending[0] as MetItem) : undefined;
    if (only && only.count === undefined && st.count?.n !== undefined && !st.negated) {
      // "MRI brain: 2 mets"
      only.count = st.count.n;
      st.count = undefined;
    }
    if (only && only.count === undefined && SINGULAR_MET_WORDS.has(word)) {
      only.count = 1;
      only.singular = true;
    }
    const counted = pending.length === 0 && st.count?.n !== undefined && !st.negated && !st.hedged;
    const carry = counted && this.countForNextSite();
    if (counted && strong && st.count?.n !== undefined) {
      const total = { n: st.count.n, start: st.count.start, end: t.end };
      g.totals.push(carry ? { ...total, provisional: true } : total);
    }
    if (st.count?.poly && !st.negated && !st.hedged)
      g.burden.push({ value: 'poly', start: st.count.start, end: t.end });
    if (st.count?.oligo && STRONG_MET_WORDS.has(word) && !st.negated && !st.hedged)
      g.burden.push({ value: 'oligo', start: st.count.start, end: t.end });
    if (STRONG_MET_WORDS.has(word)) g.strongMet = true;
    g.items.push(...g.pending);
    g.lastClosed = pending;
    g.pending = [];
    st.count = carry ? st.count : undefined;
    st.blocked = false;
    st.lateral = undefined;
    st.distant = false;
    st.regional = false;
    st.strongLung = false;
  }

  /** "two metastases in the liver and one in the adrenal", "3 lesions in the liver": the count belongs to the
   * site named right after the metastasis word. */
  private countForNextSite(): boolean {
    const a = this.toks[this.i + 1]?.w;
    if (a !== 'in' && a !== 'at' && a !== 'within' && a !== 'involving') return false;
    let j = this.i + 2;
    if (this.toks[j]?.w === 'the') j++;
    let w = this.toks[j]?.w ?? '';
    if (LATERAL_ONE.has(w) || LATERAL_TWO.has(w)) w = this.toks[j + 1]?.w ?? '';
    return SITE_WORDS.has(w);
  }

  private backItem(): MetItem | undefined {
    const g = this.g;
    if (!g) return undefined;
    if (g.lastClosed.length === 1) return g.lastClosed[0];
    if (g.lastClosed.length === 0 && g.pending.length > 0) return g.pending[g.pending.length - 1];
    return undefined;
  }

  private kindOf(w: string): K {
    const first = w.charCodeAt(0);
    return first >= 48 && first <= 57 ? K.Number : (KIND.get(w) ?? guessKind(w));
  }

  /** What the token after this one is, for words whose meaning depends on what follows. */
  private aheadKind(next: Token | undefined): K {
    return next ? (KIND.get(next.w) ?? (isDigitStart(next.w) ? K.Number : K.Unknown)) : K.Unknown;
  }

  /** One token: a modifier of the state, or a word that names a site, a metastasis or a connector. */
  private step(t: Token): void {
    const next = this.toks[this.i + 1];
    if (this.exception(t)) return;
    const kind = this.kindOf(t.w);
    if (this.modify(kind, t, next)) return;
    this.name(kind, t, next);
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
        this.onQuantity(kind, t, next);
        return true;
      case K.Oligo:
        this.onOligo(t, next);
        return true;
      case K.Neg:
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
        st.lateral = kind === K.LatTwo ? 2 : 1;
        if (t.w === 'bilateral') st.strongLung = true;
        return true;
      case K.Distant:
        if (next && SITE_WORDS.has(next.w)) return false; // "distant" + site: just a qualifier of the site
        this.open(t);
        st.distant = true;
        return true;
      case K.Regional:
        if (this.g || (next && NODE_WORDS.has(next.w))) this.open(t);
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
    const carry = t.w === ';' && this.g?.hasMet === true && this.countedSiteAhead();
    this.finish();
    this.prevMet = false;
    if (carry) this.inheritMet = true;
  }

  private countedSiteAhead(): boolean {
    const num = this.toks[this.i + 1];
    const site = this.toks[this.i + 2];
    const after = this.toks[this.i + 3];
    if (!num || !site || countOf(num, site) === undefined) return false;
    const found = SITE_WORDS.get(site.w);
    if (!found || found[1] === 'lung') return false;
    return !after || this.kindOf(after.w) === K.End || after.w === ',' || after.w === 'and';
  }

  /** "liver mets: 3", "bone mets - 2", "bone: 2": a count after a colon or dash counts the item before it. */
  private countAfterColon(t: Token, n: number): boolean {
    const prev = this.toks[this.i - 1]?.w;
    if (prev !== ':' && prev !== '-' && prev !== '–' && prev !== '—') return false;
    const after = this.toks[this.i + 1];
    if (after && this.kindOf(after.w) !== K.End && !COUNT_TAIL.has(after.w)) return false;
    const item = this.backItem();
    if (!item || item.negated || (item.count !== undefined && !item.singular)) return false;
    item.count = n;
    item.singular = false;
    item.ownCount = true;
    (this.g as Group).end = t.end;
    return true;
  }

  private onPlace(t: Token, next: Token | undefined): void {
    // "liver segment 7", "station 4R": the number names a place, not a count.
    if (next && (isDigitStart(next.w) || ROMAN_RE.test(next.w))) this.i++;
    if (this.g) this.g.end = (this.toks[this.i] as Token).end;
    if (t.w === 'station') this.st.regional = true;
  }

  /** "x3", "× 3", "(2)" after a site or a met word count the item before them. */
  private onTimes(next: Token | undefined): void {
    if (next && isSmallNumber(next.w)) {
      if (this.totalAfterMetWord(Number(next.w), next.end, this.toks[this.i + 2])) {
        this.i++;
        return;
      }
      const item = this.backItem();
      const after = this.toks[this.i + 2];
      if (item && (item.count === undefined || item.singular) && !(after && UNITS.has(after.w))) {
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

  /** "oligometastases (3)", "mets x3": a count right after a metastasis word that closed no site is a total. */
  private totalAfterMetWord(n: number, end: number, after: Token | undefined): boolean {
    const g = this.g;
    const prev = this.toks[this.i - 1];
    if (!g || !prev || this.backItem() || g.lastClosed.length > 0) return false;
    // "oligometastatic (2 bone, 1 adrenal)": the number belongs to the site after it.
    if (after && ITEM_START.has(this.kindOf(after.w))) return false;
    const strong = STRONG_MET_WORDS.has(prev.w) || prev.w.startsWith('oligomet');
    if (!strong || this.st.negated || this.st.hedged) return false;
    g.totals.push({ n, start: prev.start, end });
    g.end = end;
    return true;
  }

  private countBack(n: number): void {
    if (this.totalAfterMetWord(n, (this.toks[this.i] as Token).end, this.toks[this.i + 1])) return;
    const item = this.backItem();
    if (item && (item.count === undefined || item.singular)) {
      // "liver met x2": two liver metastases, though "met" alone would be one.
      item.count = n;
      item.singular = false;
      item.ownCount = true;
    }
  }

  private onNumber(t: Token, next: Token | undefined): void {
    const prev = this.toks[this.i - 1];
    // "4,2 cm": a size with a decimal comma, not a count of 4.
    const frac = this.toks[this.i + 2];
    if (next?.w === ',' && next.start === t.end && frac?.start === next.end && isDigitStart(frac.w)) {
      if (UNITS.has(this.toks[this.i + 3]?.w ?? '') || /^\d+(?:cm|mm)$/.test(frac.w)) {
        this.i += UNITS.has(this.toks[this.i + 3]?.w ?? '') ? 3 : 2;
        return;
      }
    }
    const n = prev && NOT_COUNT_AFTER.has(prev.w) ? undefined : countOf(t, next);
    if (n !== undefined && this.countAfterColon(t, n)) return;
    if (n === undefined) {
      // A size or another number: skip it (and its unit) without ending the group.
      if (next && UNITS.has(next.w)) this.i++;
      return;
    }
    const g = this.open(t);
    this.st.negated = false;
    g.lastClosed = [];
    const bound = this.boundOf(next);
    if (!bound) {
      this.st.count = { n, start: t.start };
      return;
    }
    // "more than 5 bone mets", ">5 mets", "at least 4", "5+": a bound, not a count. Above 5 lesions is the
    // polymetastatic burden (EORTC); "fewer than 6", "up to 5" keep it oligometastatic; the count stays unknown.
    const least = bound.lower ? n + (bound.strict ? 1 : 0) : undefined;
    const most = bound.lower ? undefined : n - (bound.strict ? 1 : 0);
    this.st.count =
      least !== undefined && least > 5
        ? { poly: true, start: t.start }
        : { oligo: most !== undefined && most <= 5, start: t.start };
    if (bound.skip) this.i += bound.skip;
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
    if (t.w !== 'a' && t.w !== 'an' && this.countAfterColon(t, NUMBER_WORDS.get(t.w) as number)) return;
    const g = this.open(t);
    this.st.count = { n: NUMBER_WORDS.get(t.w) as number, start: t.start };
    if (t.w !== 'a' && t.w !== 'an') this.st.negated = false;
    g.lastClosed = [];
  }

  private onQuantity(kind: K, t: Token, next: Token | undefined): void {
    if (kind === K.Poly && this.g && this.g.lastClosed.length > 0 && !ITEM_START.has(this.aheadKind(next))) {
      // "bony mets (multiple)": the word qualifies what was just named.
      const g = this.g;
      if (!g.lastClosed.some((it) => it.negated || it.hedged)) {
        g.burden.push({ value: 'poly', start: (g.lastClosed[0] as MetItem).start, end: t.end });
      }
      g.end = t.end;
      return;
    }
    const g = this.open(t);
    this.st.count = kind === K.Poly ? { poly: true, start: t.start } : { start: t.start };
    g.lastClosed = [];
    if (t.w === 'polymetastatic') this.close(g, t, 'metastatic');
  }

  private onOligo(t: Token, next: Token | undefined): void {
    const follows = next?.w === '-' ? this.toks[this.i + 2] : next;
    if (t.w === 'oligo' && follows?.w.startsWith('progress')) {
      this.finish();
      return;
    }
    const g = this.open(t);
    if (!this.st.negated && !this.st.hedged) g.burden.push({ value: 'oligo', start: t.start, end: t.end });
    if (t.w !== 'oligo') this.close(g, t, 'metastatic');
    else g.hasMet = true;
  }

  /** "negative", "pending" after what was named; "negative for" before it. */
  private onPostCue(kind: K, t: Token, next: Token | undefined): void {
    const w = t.w;
    if (next?.w === 'for' && (w === 'negative' || w === 'neg' || w === 'free')) {
      this.open(t);
      this.st.negated = true;
      this.st.hedged = false;
      return;
    }
    const g = this.g;
    if (!g) return;
    let targets = g.pending.length > 0 ? g.pending : g.lastClosed;
    // "bone: 2, liver: 1, brain: none": a cue after a colon is about the one site before the colon.
    if (this.toks[this.i - 1]?.w === ':' && targets === g.pending && g.pending.length > 1)
      targets = g.pending.slice(-1);
    for (const it of targets) {
      if (kind === K.PostNeg) it.negated = true;
      else it.hedged = true;
    }
    g.lastClosed = [];
    g.end = t.end;
  }

  private onHedge(t: Token, next: Token | undefined): void {
    if (t.w === '?' && this.asks(t.start)) {
      // "would you treat the primary with 3 bone mets?": the end of a question, not a hedge.
      this.finish();
      return;
    }
    const g = this.g;
    // After a closed item and not before another one, the hedge is about what was just said:
    // "adrenal met?", "liver lesion, indeterminate".
    const ahead = this.aheadKind(next);
    // "liver lesion ?met": the hedge on the met word is about the lesion just named.
    const aboutLast = ahead === K.Met || (ahead === K.Unknown && next?.w.startsWith('metast') === true);
    if (g && g.lastClosed.length > 0 && (!ITEM_START.has(ahead) || aboutLast)) {
      for (const it of g.lastClosed) it.hedged = true;
      g.lastClosed = [];
      return;
    }
    // "adrenal lesion, indeterminate", "liver lesion, ?cyst ?met": a hedge that ends the list after a comma is
    // about what was named before it (not "bone mets, possibly also liver", which hedges the liver).
    const prev = this.toks[this.i - 1];
    // "L3 lesion, equivocal on PET": the imaging after it does not make the hedge about something new.
    const onImaging = next?.w === 'on' && IMAGING_WORDS.has(this.toks[this.i + 2]?.w ?? '');
    if (g && prev?.w === ',' && this.commaClosed.length > 0 && (HEDGE_TAIL.has(ahead) || onImaging)) {
      for (const it of this.commaClosed) it.hedged = true;
      this.commaClosed = NO_ITEMS;
      return;
    }
    this.open(t);
    this.st.hedged = true;
  }

  private onBlocker(kind: K, t: Token): void {
    const g = this.g;
    if (g && g.pending.length > 0) g.pending = [];
    else if (g && g.lastClosed.length > 0 && kind === K.Blocker) {
      // "adrenal nodule - benign adenoma": what was just named is not a metastasis.
      const dropped = new Set(g.lastClosed);
      g.items = g.items.filter((it) => !dropped.has(it));
      g.lastClosed = [];
    } else if (BLOCK_NEXT.has(t.w)) {
      this.open(t);
      this.st.blocked = true;
    } else if (g) g.lastClosed = [];
    if (this.g) this.g.end = t.end;
  }

  /** A site word, a met word, a connector, or anything else (which ends the group). */
  private name(kind: K, t: Token, next: Token | undefined): void {
    const found = this.siteOf(kind, t, next);
    if (found === 'handled') return;
    if (found) {
      this.addSite(t, found.site, found.end);
      return;
    }
    const w = t.w;
    if (kind === K.Met) {
      this.close(this.open(t), t, MET_WORDS.has(w) ? w : 'metastases');
      return;
    }
    const g = this.g;
    if (g && (kind === K.Connector || kind === K.Descriptor || kind === K.Vertebra)) {
      if (CLEARING.has(w) && g.pending.length === 0) {
        this.st.negated = false;
        this.st.hedged = false;
        this.st.progressing = false;
      }
      if (kind === K.Connector && !KEEP_LAST.has(w)) {
        this.commaClosed = w === ',' ? g.lastClosed : NO_ITEMS;
        g.lastClosed = [];
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
    const w = t.w;
    const pelvicNode = (w === 'pelvic' || w === 'iliac') && next !== undefined && NODE_WORDS.has(next.w);
    if (kind === K.Node || pelvicNode) return this.nodeSite(t, next, pelvicNode);
    if (kind === K.Contralateral) return this.contralateralSite(t, next);
    if (kind === K.Vertebra) {
      const levels = this.vertebraLevels(t);
      if (levels) return levels;
    }
    if (kind === K.Vertebra && next && (MET_WORDS.has(next.w) || next.w.startsWith('vertebr'))) {
      if (!next.w.startsWith('vertebr')) return { site: ['bone', 'bone'], end: t.end };
      // "T8 vertebral met": one bone item, not two.
      this.i++;
      return { site: ['bone', 'bone'], end: next.end };
    }
    if (kind === K.Site || kind === K.Distant) {
      const site = SITE_WORDS.get(w);
      return site ? { site, end: t.end } : undefined;
    }
    return undefined;
  }

  /** "T8 and L2 vertebral mets", "bone mets at T8 and L2": a list of spinal levels counts bone lesions. */
  private vertebraLevels(t: Token): { site: [Site, string]; end: number } | 'handled' | undefined {
    const { toks } = this;
    let j = this.i;
    let n = 1;
    while (LEVEL_JOIN.has(toks[j + 1]?.w ?? '') && VERTEBRA_CODE_RE.test(toks[j + 2]?.w ?? '')) {
      j += 2;
      n++;
    }
    if (n < 2) return undefined;
    const after = toks[j + 1];
    if (after && (MET_WORDS.has(after.w) || after.w.startsWith('vertebr'))) {
      if (after.w.startsWith('vertebr')) j++;
      this.st.count = { n, start: t.start };
      this.i = j;
      return { site: ['bone', 'bone'], end: (toks[j] as Token).end };
    }
    const at = ['at', 'in', 'involving', 'of'].includes(toks[this.i - 1]?.w ?? '');
    const item = this.backItem() ?? (at ? this.g?.items[this.g.items.length - 1] : undefined);
    if (item?.site !== 'bone' || item.count !== undefined || item.negated) return undefined;
    item.count = n;
    item.ownCount = true;
    this.i = j;
    (this.g as Group).end = (toks[j] as Token).end;
    return 'handled';
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
    if (nx === 'lung' || nx === 'lungs' || nx === 'pulmonary' || nx === 'hemithorax' || nx === 'lobe') {
      end = (next as Token).end;
      this.i++;
    } else if (!MET_WORDS.has(nx)) {
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
    g.end = Math.max(g.end, siteEnd);
    if (site[0] === 'contralateral-lung' && st.regional) {
      // "ipsilateral lung nodule" is T3/T4, not M1a.
      st.regional = false;
      return;
    }
    if (st.blocked) {
      st.blocked = false;
      return;
    }
    // "SCC lung, 1 adrenal met": the lung named after the histology is the primary, not a metastasis.
    if (site[1] === 'lung' && PRIMARY_LUNG_BEFORE.has(this.toks[this.i - 1]?.w ?? '')) return;
    let count = st.count?.n;
    if (count === undefined && st.lateral !== undefined && PAIRED.has(site[1])) count = st.lateral;
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
    if (site[0] === 'contralateral-lung' && st.strongLung) item.qualifiedLung = true;
    if (st.count?.poly && !st.negated && !st.hedged)
      g.burden.push({ value: 'poly', start: st.count.start, end: siteEnd });
    g.pending.push(item);
    g.lastClosed = [];
    st.count = undefined;
    st.lateral = undefined;
    st.distant = false;
  }
}

/** Parse all metastasis mentions into items and, per group, totals and burden words. */
function parseGroups(doc: Doc): Group[] {
  return new GroupParser(doc.tokens, (pos) => isQuestionMark(doc, pos)).run();
}

const POLY_STATEMENT_RE =
  /\b(?:disease|metastases|mets|metastatic\s+disease)\s+(?:is|are)\s+(?:widespread|diffuse|extensive|disseminated|innumerable|multiple|numerous)\b/g;

const SEROSAL_RES: { triggers: readonly string[]; re: RegExp; kind: string }[] = [
  {
    triggers: T.malignantEffusion,
    re: /\bmalignant\s+(?:(?:left|right|bilateral|large|small|moderate|recurrent|loculated)\s+)?(pleural|pericardial)\s+effusions?\b|\b(pleural|pericardial)\s+effusions?\s*[:(,-]?\s*(?:cytology[\s-]?(?:positive|proven|\+)|positive\s+cytology|malignant|m1a)\b|\bmpe\b|\bmalignant\s+(?:effusion|pericardial\s+disease)\b|\bpleural\s+carcinomatosis\b/g,
    kind: 'effusion',
  },
  {
    triggers: T.leptomeningeal,
    re: /\blepto[\s-]?mening\w*|\blmd\b|\bmeningeal\s+carcinomatosis\b|\bcarcinomatous\s+meningitis\b/g,
    kind: 'leptomeningeal',
  },
];

/** All metastasis mentions of the text, before any is turned into a fact. */
export function parseMets(doc: Doc): MetsResult {
  const groups = parseGroups(doc);
  return { items: groups.flatMap((grp) => grp.items), groups };
}

/** Turn the mentions into facts: sites, organs, count, burden, brain status, serosal disease. */
// "adrenal nodule, likely adenoma": the next words call what was named benign.
const BENIGN_AFTER_RE =
  /^\s*(?:nodules?|lesions?|mass(?:es)?|thickening|focus|foci)?\s*[,:-]?\s*(?:(?:most\s+)?(?:likely|probably|prob|favou?r(?:ed|s)?|consistent\s+with|in\s+keeping\s+with|c\/w|representing|thought\s+to\s+be)\s+)?(?:an?\s+)?(?:benign|adenomas?|cysts?|ha?emangiomas?|lipid[\s-]rich|granulomas?|degenerative|not\s+typical\s+(?:of|for)|atypical\s+for)\b/;

/** The text-level polarity (lists, "cannot exclude", "rule out") can negate or hedge what the token walk kept. */
function applyTextPolarity(doc: Doc, items: readonly MetItem[]): void {
  for (const it of items) {
    if (!it.metContext || it.negated || it.hedged) continue;
    if (BENIGN_AFTER_RE.test(doc.lower.slice(it.end, it.end + 64))) {
      it.negated = true;
      continue;
    }
    const pol = polarity(doc, it.start, it.end);
    if (pol === 'neg') it.negated = true;
    else if (pol === 'hedge') it.hedged = true;
  }
}

/** Malignant effusions and leptomeningeal disease: serosal disease, not metastatic sites. */
function emitSerosal(doc: Doc, sink: Sink): void {
  for (const { triggers, re, kind } of SEROSAL_RES) {
    for (const m of matchAll(doc, re, triggers)) {
      const start = m.index;
      const end = start + m[0].length;
      if (polarity(doc, start, end) !== 'pos') {
        sink.see(start, end);
        continue;
      }
      let value = kind;
      if (kind === 'effusion') {
        const where = m[1] ?? m[2] ?? (m[0].includes('pericardial') ? 'pericardial' : 'pleural');
        value = m[0].startsWith('malignant effusion') ? 'unspecified' : `${where}-effusion`;
      }
      sink.add('serosalDisease', value, start, end);
    }
  }
}

export function emitMets(doc: Doc, sink: Sink, mets: MetsResult): void {
  const { items, groups } = mets;
  applyTextPolarity(doc, items);
  const positives = items.filter((it) => it.metContext && !it.negated && !it.hedged);

  for (const it of items) {
    if (!it.metContext) continue;
    if (it.negated || it.hedged) sink.see(it.start, it.end);
    if (!it.negated && !it.hedged) sink.add('metastases.sites', it.site, it.start, it.end);
  }

  emitBrain(doc, sink, items, positives);

  // Count: stated totals ("3 mets") and the sum of per-organ counts when every organ has one.
  const perOrgan = new Map<string, { counts: Set<number>; unknown: boolean; start: number; end: number }>();
  for (const it of positives) {
    const entry = perOrgan.get(it.organ) ?? {
      counts: new Set<number>(),
      unknown: false,
      start: it.start,
      end: it.end,
    };
    if (it.count !== undefined) entry.counts.add(it.count);
    else entry.unknown = true;
    entry.start = Math.min(entry.start, it.start);
    entry.end = Math.max(entry.end, it.end);
    perOrgan.set(it.organ, entry);
  }
  const organs = perOrgan.size;
  let sum: number | undefined = 0;
  let spanStart = Number.POSITIVE_INFINITY;
  let spanEnd = 0;
  for (const [organ, entry] of perOrgan) {
    spanStart = Math.min(spanStart, entry.start);
    spanEnd = Math.max(spanEnd, entry.end);
    if (entry.counts.size > 1) {
      sink.conflict(
        'metastases.count',
        [...entry.counts].map((n) => `${n} ${organ}`),
        [{ start: entry.start, end: entry.end }],
      );
      sum = undefined;
    } else if (entry.counts.size === 0) {
      if (sum !== undefined) sum = undefined;
    } else if (sum !== undefined) sum += [...entry.counts][0] as number;
  }
  const totals = groups.flatMap((grp) => grp.totals);
  const summed = organs > 0 && sum !== undefined && sum > 0 && sum <= 1000;
  for (const t of totals) if (!(t.provisional && summed)) sink.add('metastases.count', t.n, t.start, t.end);
  if (summed && sum !== undefined) sink.add('metastases.count', sum, spanStart, spanEnd);
  // A stated organ total ("4 mets in 2 organs", "across three organ systems") beats counting named sites.
  for (const t of lesionsInOrgans(doc)) sink.add('metastases.count', t.n, t.start, t.end);
  const statedOrgans = statedOrganTotals(doc);
  for (const o of statedOrgans) sink.add('metastases.organs', o.n, o.start, o.end);
  if (organs > 0 && statedOrgans.length === 0) sink.add('metastases.organs', organs, spanStart, spanEnd);

  for (const grp of groups)
    for (const b of grp.burden) sink.add('metastases.burden', b.value, b.start, b.end);
  for (const m of matchAll(doc, POLY_STATEMENT_RE, T.polyStatement)) {
    sink.add('metastases.burden', 'poly', m.index, m.index + m[0].length);
  }

  emitSerosal(doc, sink);
}

// "in 2 organs", "across three organ systems", "2-organ disease", "involving 3 different organs".
const ORGAN_TOTAL_RE =
  /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]{1,3}(?:(?:different|distinct|separate|metastatic)\s{1,3})?organ(?:s|\s{1,3}systems?|\s{1,3}sites?)?\b/g;

// "5 lesions in 3 organs": "lesions" is a metastasis count only when organs are counted with it.
const LESIONS_IN_ORGANS_RE =
  /\b(\d{1,2})\s+(?:lesions|sites|deposits)\s+(?:in|across|involving)\s+(?:\d{1,2}|one|two|three|four|five)\s+(?:different\s+)?organs?\b/g;

function lesionsInOrgans(doc: Doc): { n: number; start: number; end: number }[] {
  const out: { n: number; start: number; end: number }[] = [];
  if (!doc.lower.includes('organ')) return out;
  for (const m of matchAll(doc, LESIONS_IN_ORGANS_RE, T.lesionsInOrgans)) {
    const n = Number(m[1]);
    if (n >= 1 && polarity(doc, m.index, m.index + m[0].length) === 'pos')
      out.push({ n, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function statedOrganTotals(doc: Doc): { n: number; start: number; end: number }[] {
  const out: { n: number; start: number; end: number }[] = [];
  if (!doc.lower.includes('organ')) return out;
  for (const m of matchAll(doc, ORGAN_TOTAL_RE, T.organTotal)) {
    const word = m[1] ?? '';
    const n = /^\d/.test(word) ? Number(word) : NUMBER_WORDS.get(word);
    const start = m.index;
    const end = start + m[0].length;
    if (n === undefined || n < 1 || n > 20 || polarity(doc, start, end) !== 'pos') continue;
    out.push({ n, start, end });
  }
  return out;
}
