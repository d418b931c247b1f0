// Stage (TNM of the 8th/9th edition, stage group words), histology and primary site.
import type { Doc } from './doc.js';
import { matchAll, polarity } from './doc.js';
import type { Sink } from './sink.js';
import { T } from './vocabulary.js';

const T_PART = '(?:y?[cpr])?t(?:is|x|0|1mi|1a|1b|1c|1|2a|2b|2|3|4)';
const N_PART = '(?:y?[cp])?n(?:x|0|1|2a|2b|2|3)';
const M_PART = '(?:[cp])?m(?:0|1a|1b|1c1|1c2|1c|1)';
/** A run of TNM parts: "cT2bN2M1c", "T3 N1 M1b", "pN2", "M1c". */
const TNM_RE = new RegExp(
  String.raw`(?<![a-z0-9])(?:${T_PART}|${N_PART}|${M_PART})(?:\s?(?:${N_PART}|${M_PART}))*(?![a-z0-9])`,
  'g',
);
const PART_RE =
  /(?:y?[cpr])?(t)(is|x|0|1mi|1a|1b|1c|1|2a|2b|2|3|4)|(?:y?[cp])?(n)(x|0|1|2a|2b|2|3)|[cp]?(m)(0|1a|1b|1c1|1c2|1c|1)/g;
// "T4 vertebra", "T4-T6", "at T4": a spinal level, not a T category.
const VERTEBRA_AFTER_RE =
  /^\s*(?:-|to)?\s*(?:t\d|l\d|vertebra|vertebral|spine|spinal|body|level|pedicle|cord)|^\s*(?:and|,|&)\s*[tl]\d{1,2}\b[^.;\n]{0,12}\b(?:vertebra|vertebral|mets?|metastas|lesions?|level)/;
const VERTEBRA_BEFORE_RE = /(?:vertebra[el]?|spine|spinal|level|at|to|from)\s*$/;
// "Mets: T6, L3", "mets = T2, T3, T4", "Bones: T1, T2", "bone (T1, T2)": a metastasis or bone word before a list of levels.
const LEVEL_LIST_BEFORE_RE =
  /\b(?:mets?|metastas[a-z]*|deposits?|bones?|bony|osseous|skeletal)\s*(?:[:=@(-]|at|in)?\s*(?:(?:[tlcs]\d{1,2}|sacrum)\s*(?:[,/&+]|and)\s*)*$/;
// "new T3 lesion": a new lesion at a level; a T category is never new.
const NEW_LESION_RE = /\bnew\s*$/;
const LESION_AFTER_RE = /^\s*(?:lesions?|foci|focus|deposits?|mets?)\b/;
// "T4 bone met", "(T4, L1, sacrum)": a bone or metastasis word next, or a list with a lumbar, cervical or sacral
// level, a thoracic level no T category has, or a bone: spinal levels.
const LEVEL_LIST_AFTER_RE =
  /^\s*(?:bones?|bony|osseous|lytic|sclerotic|blastic|mets?|metastas[a-z]*|deposits?|fracture|collapse)\b|^\s*(?:,|and|&|\/|\+)\s*(?:[lcs]\d{1,2}\b|t(?:[5-9]|1[0-2])\b|(?:the\s+)?(?:sacrum|sacral|iliac|ilium|pelvis|pelvic|ribs?|femur|femoral|sternum|skull)\b)/;
// "bone mets (T4", "lytic lesion T3", "osseous disease at": a bone word earlier in the same phrase (no comma
// between) makes a bare T with no c/p/y prefix a vertebra.
const BONE_BEFORE_RE =
  /\b(?:bones?|bony|osseous|skeletal|lytic|osteolytic|sclerotic|osteoblastic|blastic|vertebra[el]?|vertebral|spine|spinal)\b[^,.;\n]*$/;
// "bone mets, T4 primary": what follows names the tumour, so the T is its category.
const TUMOUR_AFTER_RE = /^\s*(?:primary|tumou?r|mass|disease\b(?!\s+at)|category|stage|[nm][0-3x])/;

const RECURRENCE_RE =
  /\b(?:recurren[a-z]*|relaps[a-z]*|now\s+metastatic|metastatic\s+recurrence|progressed\s+to\s+stage\s+iv)\b/;
// "s/p chemoRT for stage III in 2021", "previous stage IIIA": a stage of the past (metachronous disease, §4.1).
const HISTORY_BEFORE_RE =
  /\b(?:for|previous(?:ly)?|prior|treated|s\/p|status\s+post|history\s+of|hx\s+of|h\/o|initially|originally)\b/;
const YEAR_RE = /\b(?:19|20)\d\d\b|\bago\b/;

const CLAUSE_SEPS = [',', ';', '.'] as const;

function stageIsHistory(doc: Doc, start: number, end: number): boolean {
  const text = doc.lower;
  const from =
    Math.max(text.lastIndexOf(',', start), text.lastIndexOf(';', start), text.lastIndexOf('.', start - 1)) +
    1;
  let to = text.length;
  for (let k = 0; k < CLAUSE_SEPS.length; k++) {
    const at = text.indexOf(CLAUSE_SEPS[k] as string, end);
    if (at >= 0 && at < to) to = at;
  }
  return HISTORY_BEFORE_RE.test(text.slice(from, start)) || YEAR_RE.test(text.slice(from, to));
}

const STAGE_RE =
  /\bstage\s*(?:[:=]\s*)?(iv|iii|ii|i|4|3|2|1)[\s-]?([abc])?(?![a-z0-9])|(?<![a-z0-9])(iv)([ab])(?![a-z0-9])/g;
// A bare "IVA"/"IVB" is a stage only in capitals ("iva" is a word of other languages; "IVC" the vena cava).
const BARE_STAGE_TEXT_RE = /^IV[ABab]$/;
const METASTATIC_RE =
  /(?<!non[\s-]?)\bmetastatic\b(?!\s+to\s+(?:the\s+)?(?:mediastin|hilar|subcarinal|paratracheal|regional|ipsilateral|lymph|nodes?\b|n[123]\b))|\bmnsclc\b|\bstage\s+four\b/g;
const EDITION_RE =
  /\b(?:(?:tnm|ajcc|uicc|iaslc)[\s-]?(8|9)(?:th)?\b|(?<![\d.])(8|9)(?:th)?\s*(?:ed(?:ition|\.)?|tnm)(?![a-z])|(eighth|ninth)\s+(?:edition|tnm))/g;

function canonT(cat: string): string {
  if (cat === 'is') return 'Tis';
  if (cat === 'x') return 'TX';
  return `T${cat}`;
}

function extractStage(doc: Doc, sink: Sink): void {
  extractTnm(doc, sink);
  extractStageWords(doc, sink);
}

/** A lone "T4" at lower[start, end) next to spinal words is a vertebra, not a T category. */
function isSpinalLevel(lower: string, start: number, end: number): boolean {
  const after = lower.slice(end, end + 24);
  if (VERTEBRA_AFTER_RE.test(after) || VERTEBRA_BEFORE_RE.test(lower.slice(Math.max(0, start - 14), start)))
    return true;
  if (lower.charCodeAt(start) !== 116) return false; // a c/p/y/r prefix: staging, not a level
  if (LEVEL_LIST_AFTER_RE.test(after)) return true;
  const before = lower.slice(Math.max(0, start - 40), start);
  if (LEVEL_LIST_BEFORE_RE.test(before) && !TUMOUR_AFTER_RE.test(after)) return true;
  if (NEW_LESION_RE.test(before) && LESION_AFTER_RE.test(after)) return true;
  return !TUMOUR_AFTER_RE.test(after) && BONE_BEFORE_RE.test(lower.slice(Math.max(0, start - 32), start));
}

// "SABR 54 Gy/3# to a T1b RUL adenocarcinoma in 2020": the treated tumour's stage of the past, not today's.
const TREATED_BEFORE_RE =
  /\b(?:sabr|sbrt|srt|rt|radiotherapy|radiation|chemo-?rt|chemoradiation|chemoradiotherapy|crt|lobectomy|resect\w*|pneumonectomy|segmentectomy|wedge|surgery|operated)\b/;

/** A TNM with no M1 in a clause that tells it as history ("previous T2N2", "resected pT1b … in 2019"). */
function tnmIsHistory(
  doc: Doc,
  parts: readonly { letter: string; cat: string }[],
  start: number,
  end: number,
): boolean {
  if (parts.some((p) => p.letter === 'm' && p.cat !== '0')) return false;
  if (!stageIsHistory(doc, start, end)) return false;
  const { lower } = doc;
  const from = Math.max(0, lower.lastIndexOf('.', start - 1) + 1, start - 80);
  return HISTORY_BEFORE_RE.test(lower.slice(from, start)) || TREATED_BEFORE_RE.test(lower.slice(from, start));
}

// "IVB (8th)", "cT2aN2M1c (9th)": the edition in brackets right after a stage.
const EDITION_AFTER_RE = /^\s*\(\s*(?:tnm\s*)?(8|9|eighth|ninth)(?:th)?(?:\s*(?:ed(?:ition|\.)?|tnm))?\s*\)/;

function editionAfter(doc: Doc, sink: Sink, end: number): void {
  const e = EDITION_AFTER_RE.exec(doc.lower.slice(end, end + 24));
  if (!e) return;
  const eighth = e[1] === '8' || e[1] === 'eighth';
  sink.add('stage.edition', eighth ? 8 : 9, end, end + e[0].length);
}

/** "cT2bN2M1c", "T3 N1 M1b": each part is a fact of its own. */
function extractTnm(doc: Doc, sink: Sink): void {
  const { lower } = doc;
  for (const m of matchAll(doc, TNM_RE, T.tnm)) {
    const start = m.index;
    const end = start + m[0].length;
    PART_RE.lastIndex = 0;
    const parts: { letter: string; cat: string; start: number; end: number }[] = [];
    for (let p = PART_RE.exec(m[0]); p !== null; p = PART_RE.exec(m[0])) {
      const letter = p[1] ?? p[3] ?? p[5] ?? '';
      const cat = p[2] ?? p[4] ?? p[6] ?? '';
      parts.push({ letter, cat, start: start + p.index, end: start + p.index + p[0].length });
    }
    // "Tx: pembrolizumab": the abbreviation of treatment, not the T category TX.
    if (m[0] === 'tx' && doc.text.slice(start, end) !== 'TX') continue;
    if (parts.length === 1 && parts[0]?.letter === 't' && isSpinalLevel(lower, start, end)) continue;
    if (polarity(doc, start, end) === 'hedge' || tnmIsHistory(doc, parts, start, end)) {
      sink.see(start, end);
      continue;
    }
    sink.consume(start, end);
    editionAfter(doc, sink, end);
    for (const part of parts) {
      if (part.letter === 't') sink.add('stage.t', canonT(part.cat), part.start, part.end);
      else if (part.letter === 'n') {
        sink.add('stage.n', part.cat === 'x' ? 'NX' : `N${part.cat}`, part.start, part.end);
        if (part.cat === '2a' || part.cat === '2b') sink.add('stage.edition', 9, part.start, part.end);
      } else if (part.letter === 'm') {
        sink.add('stage.m', `M${part.cat}`, part.start, part.end);
        if (part.cat === '1c1' || part.cat === '1c2') sink.add('stage.edition', 9, part.start, part.end);
      }
    }
  }
}

/** "stage IVB", "metastatic", "TNM 9th edition". */
const ROMAN: Record<string, string> = { '1': 'i', '2': 'ii', '3': 'iii', '4': 'iv' };

function extractStageWords(doc: Doc, sink: Sink): void {
  const { lower } = doc;
  // RECURRENCE_RE reads the whole text: once per parse, and only for an early stage.
  let recurrence: boolean | undefined;
  for (const m of matchAll(doc, STAGE_RE, T.stageGroup)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[3] !== undefined && !BARE_STAGE_TEXT_RE.test(doc.text.slice(start, end))) continue;
    if (polarity(doc, start, end) !== 'pos') {
      sink.see(start, end);
      continue;
    }
    const roman = ROMAN[(m[1] ?? m[3]) as string] ?? ((m[1] ?? m[3]) as string);
    const sub = m[2] ?? m[4];
    let group: string;
    if (roman === 'iv') group = sub === 'a' ? 'IVA' : sub === 'b' ? 'IVB' : 'IV';
    else group = roman.toUpperCase();
    // "lobectomy for stage IB, now recurrent with liver mets": the early stage is history, not today's stage.
    const early = group.startsWith('I') && !group.startsWith('IV');
    if (early && recurrence === undefined) recurrence = RECURRENCE_RE.test(lower);
    if (early && (recurrence || stageIsHistory(doc, start, end))) {
      sink.see(start, end);
      continue;
    }
    sink.add('stage.group', group, start, end);
    editionAfter(doc, sink, end);
  }

  for (const m of matchAll(doc, METASTATIC_RE, T.metastatic)) {
    const start = m.index;
    const end = start + m[0].length;
    if (polarity(doc, start, end) !== 'pos') {
      sink.see(start, end);
      continue;
    }
    sink.add('stage.group', 'IV', start, end);
  }

  for (const m of matchAll(doc, EDITION_RE, T.edition)) {
    const digit = m[1] ?? m[2] ?? (m[3] === 'eighth' ? '8' : '9');
    sink.add('stage.edition', digit === '8' ? 8 : 9, m.index, m.index + m[0].length);
  }
}

const HISTOLOGY_RES: { triggers: readonly string[]; re: RegExp; value: string }[] = [
  {
    triggers: T.histologyOther,
    re: /\b(?:adeno[\s-]?squamous|sarcomatoid|pleomorphic\s+carcinoma|lcnec|large[\s-]?cell\s+neuro[\s-]?endocrine|carcinoid|carcino[\s-]?sarcoma|pulmonary\s+blastoma)\b/g,
    value: 'other',
  },
  {
    triggers: T.adenocarcinoma,
    re: /\b(?:adeno(?!squam|[\s-]squam|path|ma|id|myo)[a-z]*|luad)\b/g,
    value: 'adenocarcinoma',
  },
  {
    triggers: T.squamous,
    re: /(?<!non[\s-]?)\b(?:(?:sq[u]?amou?s|sqaumou?s|squamu?s)(?:\s+cell)?(?:\s+(?:carcinoma|cancer|ca|nsclc))?|squam|sqcc|scc|lusc|sq\s+(?:cell|nsclc|ca))\b/g,
    value: 'squamous',
  },
  {
    triggers: T.largeCell,
    re: /\b(?:large[\s-]?cell(?:\s+(?:carcinoma|cancer|ca))?|lcc)\b/g,
    value: 'large-cell',
  },
  {
    triggers: T.nsclcNos,
    re: /\b(?:nsclc[\s-]*\(?nos\)?|nos|not\s+otherwise\s+specified|nsclc[\s-]+unclassified)\b/g,
    value: 'nsclc-nos',
  },
  {
    triggers: T.smallCell,
    re: /(?<!non[\s-]?)\b(?:small[\s-]?cell(?:\s+lung)?(?:\s+(?:carcinoma|cancer|ca))?|sclc)\b/g,
    value: 'sclc',
  },
];

const LUNG_RE =
  /\b(?:nsclc|sclc|luad|lusc|mnsclc|lung\s+(?:cancer|adeno[a-z]*|carcinoma|primary|ca|tumou?r|malignancy|squamous|sqcc|scc|nsclc)|ttf[\s-]?1\s*(?:\+|\+ve|pos(?:itive)?)\s*(?:adeno[a-z]*|nsclc)|(?:(?:adeno|squamous\s+cell\s+)?carcinoma|adeno|scc|cancer|ca)\s+of\s+(?:the\s+)?(?:(?:left|right)\s+)?lung|bronchogenic\s+carcinoma|non[\s-]?small[\s-]?cell|primary\s+lung|(?:scc|sqcc|squamous|adeno(?:carcinoma)?)\s+lung)\b/g;
const NON_LUNG_RE =
  /\bnon[\s-]?lung\s+(?:primary|cancer|malignancy)|\bprimary\s+(?:is\s+)?not\s+(?:a\s+)?lung\b|\b(?:colonic|bowel)\s+(?:cancer|carcinoma|adenocarcinoma|ca|primary|origin|tumou?r)\b|\b(?:colorectal|colon|rectal|sigmoid|caecal|cecal|breast|renal(?:\s+cell)?|kidney|prostate|pancreatic|gastric|oesophageal|esophageal|ovarian|bladder|(?:papillary\s+|follicular\s+|anaplastic\s+)?thyroid|hepatocellular|endometrial|cervical|urothelial|oropharyngeal|tonsillar|laryngeal|hypopharyngeal|nasopharyngeal|oral|tongue|head\s+and\s+neck|h\s?&\s?n|hnscc)\s+(?:scc|squamous(?:\s+cell)?\s+(?:cancer|carcinoma)|cancer|carcinoma|adenocarcinoma|ca|primary|origin|tumou?r|metastases|mets)\b|\b(?:ca|cancer|carcinoma|adenocarcinoma|adeno)\s+(?:of\s+(?:the\s+)?)?(?:(?:left|right|l|r)\s+)?(?:breast|prostate|colon|rectum|bowel|kidney|pancreas|stomach|ovary|bladder|thyroid|cervix|o?esophagus|endometrium|tongue|larynx|tonsil)\b|\b(?:adeno(?:carcinoma)?|carcinoma|scc)\s+of\s+(?:colonic|colorectal|rectal|bowel|breast|gastric|pancreatic|o?esophageal|renal|prostatic|ovarian|endometrial|urothelial|thyroid)\s+origin\b|\b(?:m?crc|(?:cc|p|ch)?rcc|hcc|hnscc|opscc|hgsc|hgsoc|melanoma|cholangiocarcinoma|(?:adenoid\s+cystic|salivary(?:\s+gland)?|parotid|mucoepidermoid)\s+(?:carcinoma|cancer|tumou?r)|(?:pleural\s+|peritoneal\s+)?mesothelioma|thymoma|thymic\s+(?:carcinoma|cancer|tumou?r)|(?:osteo|leiomyo|lipo|rhabdomyo|angio|chondro|synovial\s+|ewing'?s?\s+)?sarcoma)\b|\b(?:metastas[a-z]*|mets?)\s+from\s+(?:a\s+|an\s+|the\s+)?(?!lung|nsclc|pulmonary)[a-z]+(?:\s+and\s+[a-z]+)?\s+(?:primary|cancer|carcinoma|scc|tumou?r)\b/g;

// A second, earlier cancer ("previous breast cancer 2010") when the text also names a lung cancer.
const PRIMARY_QUESTION_RE =
  /\?\s*(?:a\s+)?(?:second|new|2nd|separate|synchronous|metachronous)\s+(?:lung\s+)?primary|\b(?:second|2nd|new|separate)\s+(?:lung\s+)?primary\s+(?:vs\.?|versus|or)\s+(?:a\s+)?met|\bmet[a-z]*\s+(?:vs\.?|versus|or)\s+(?:a\s+)?(?:second|2nd|new|separate)\s+(?:lung\s+)?primary/;
const LUNG_MENTION_RE =
  /\b(?:nsclc|luad|lusc|lung\s+(?:cancer|adeno[a-z]*|carcinoma|primary|ca|squamous|scc|sqcc)|(?:carcinoma|cancer|adenocarcinoma|scc)\s+of\s+the\s+lung|primary\s+lung|bronchogenic|non[\s-]?small[\s-]?cell)\b/;

const LUNG_DRIVER_RE =
  /\b(?:egfr|alk|ros1)\b[^.;]{0,24}\b(?:ex(?:on)?\s?(?:19|20|21)|del|l858r|ins|fusion|rearrange\w*|positive|mutant|mutated|\+)|\b(?:osimertinib|erlotinib|gefitinib|afatinib|alectinib|lorlatinib|brigatinib|crizotinib)\b/;
// "TTF-1+", "napsin A positive": the immunostains of a lung adenocarcinoma (a colorectal one is TTF-1 negative).
const LUNG_MARKER_RE = /\b(?:ttf[\s-]?1|napsin(?:[\s-]?a)?)\s*(?:\+|pos(?:itive)?\b)/;
const CANCER_HISTORY_BEFORE_RE =
  /\b(?:previous|prior|history\s+of|hx\s+of|h\/o|past|treated\s+for|known|pmh|pmhx|past\s+medical\s+history|background\s+of|(?<!\b(?:currently|ongoing|on|receiving|under|having)\s+)(?:rt|xrt|radiotherapy|radiation|chemo\w*|surgery|resection|mastectomy|lumpectomy|prostatectomy|treatment)\s+for)\s*:?\s+(?:(?:left|right|l|r)\s+)?$/;

const YEAR_AFTER_RE = /^[\s(]*(?:in\s+)?(?:19|20)\d\d\b/;

/** "previous breast cancer 2010", "history of prostate cancer": another, earlier cancer. */
function isHistory(lower: string, start: number, end: number): boolean {
  return (
    CANCER_HISTORY_BEFORE_RE.test(lower.slice(Math.max(0, start - 24), start)) ||
    YEAR_AFTER_RE.test(lower.slice(end, end + 12))
  );
}

// "father had lung cancer", "mother: breast ca", "FHx colon cancer": a relative's cancer, not the patient's.
const FAMILY_BEFORE_RE =
  /\b(?:mother|father|mum|mom|dad|parents?|sister|brother|siblings?|aunt|uncle|grand(?:mother|father|parents?)|cousin|son|daughter|family\s+history|fhx?)\b[^.;\n]*$/;

function isFamily(lower: string, start: number): boolean {
  return FAMILY_BEFORE_RE.test(lower.slice(Math.max(0, start - 40), start));
}

const NEURO_AFTER_RE = /^[\s-]*neuro/;

const SCLC_TRANSFORMED_BEFORE_RE =
  /\b(?:transform(?:ed|ation|ing)?|converted|conversion)\s+(?:in)?to\s+(?:an?\s+)?$|\bcombined\s+$/;
const SCLC_COMBINED_AFTER_RE = /^\s*(?:\/|\+|and|with)\s*(?:adeno|nsclc|squamous|large|scc)/;
const SCLC_TRANSFORMATION_AFTER_RE = /^\s*(?:transformation|transformed)\b/;

function sclcDecides(lower: string, start: number, end: number): boolean {
  return (
    SCLC_TRANSFORMED_BEFORE_RE.test(lower.slice(Math.max(0, start - 28), start)) ||
    SCLC_TRANSFORMATION_AFTER_RE.test(lower.slice(end, end + 16)) ||
    (SCLC_COMBINED_AFTER_RE.test(lower.slice(end, end + 16)) &&
      /\bcombined\b|\bmixed\b/.test(lower.slice(Math.max(0, start - 16), end + 24)))
  );
}

function extractHistology(doc: Doc, sink: Sink): void {
  const { lower } = doc;
  const found: { value: string; start: number; end: number }[] = [];
  for (const { triggers, re, value } of HISTOLOGY_RES) {
    for (const m of matchAll(doc, re, triggers)) {
      const start = m.index;
      const end = start + m[0].length;
      if (sink.isConsumed(start, end)) continue;
      // "adeno" inside "NSCLC NOS, adeno favoured" is fine; "large cell" inside "large cell neuroendocrine" is not.
      if (value === 'large-cell' && NEURO_AFTER_RE.test(lower.slice(end, end + 8))) continue;
      const pol = polarity(doc, start, end);
      if (pol !== 'pos' || isFamily(lower, start)) {
        sink.see(start, end);
        continue;
      }
      sink.consume(start, end);
      found.push({ value, start, end });
    }
  }
  // "adeno with transformation to small cell", "combined SCLC/adeno": the small-cell component decides (combined
  // SCLC is classed as SCLC), so the other histology is context, not a conflict.
  const decisive = found.some((h) => h.value === 'sclc' && sclcDecides(lower, h.start, h.end));
  for (const h of found)
    if (decisive && h.value !== 'sclc') sink.see(h.start, h.end);
    else sink.add('histology', h.value, h.start, h.end);
  let nonLung = false;
  for (const m of matchAll(doc, NON_LUNG_RE, T.nonLung)) {
    if (polarity(doc, m.index, m.index + m[0].length) !== 'pos' || isFamily(lower, m.index)) continue;
    // "?second primary vs metastasis": whether the lung lesion is its own primary is the question, not the answer.
    // A past cancer beside a lung-type driver ("EGFR ex19del adenocarcinoma … PMH: breast cancer 2010") is history.
    if (
      isHistory(lower, m.index, m.index + m[0].length) &&
      (LUNG_MENTION_RE.test(lower) ||
        PRIMARY_QUESTION_RE.test(lower) ||
        LUNG_DRIVER_RE.test(lower) ||
        LUNG_MARKER_RE.test(lower))
    ) {
      sink.see(m.index, m.index + m[0].length);
      continue;
    }
    nonLung = true;
    sink.consume(m.index, m.index + m[0].length);
    sink.add('primarySite', 'non-lung', m.index, m.index + m[0].length);
  }
  if (nonLung) return;
  for (const m of matchAll(doc, LUNG_RE, T.lung)) {
    const start = m.index;
    const end = start + m[0].length;
    if (polarity(doc, start, end) !== 'pos' || isFamily(lower, start)) continue;
    sink.add('primarySite', 'lung', start, end);
  }
}

export function extractTumour(doc: Doc, sink: Sink): void {
  extractStage(doc, sink);
  extractHistology(doc, sink);
}
