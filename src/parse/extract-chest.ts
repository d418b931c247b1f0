// The primary tumour (location, lobe, size, endobronchial), thoracic symptoms, lung status (ILD, prior thoracic RT,
// poor function) and staging work-up (PET-CT, brain MRI).
import type { Doc } from './doc.js';
import { conditionalAt, isRegexSpace, matchAll, polarity, sentenceStartBefore } from './doc.js';
import type { Sink } from './sink.js';
import { NONE } from './sink.js';
import type { Span } from './types.js';
import { T } from './vocabulary.js';

// "the RUL orifice", "the orifice of the LLL bronchus": a lobar bronchus's origin, part of the proximal bronchial tree.
const ORIFICE = String.raw`(?:(?:left|right|l|r)\s+)?(?:rul|rml|rll|lul|lll|(?:upper|middle|lower)\s+lobe|lingula[a-z]*|lobar|bronchial)\s+orifices?\b|orifices?\s+of\s+(?:the\s+)?(?:(?:left|right|l|r)\s+)?(?:(?:rul|rml|rll|lul|lll|(?:upper|middle|lower)\s+lobe|lingula[a-z]*)(?:\s+bronch[a-z]*)?|(?:lobar\s+)?bronch[a-z]*)\b`;
const AIRWAY = String.raw`(?:the\s+)?(?:${ORIFICE}|(?:(?:left|right|l|r|lt|rt|proximal|distal|ipsilateral)\s+)?(?:(?:rul|rml|rll|lul|lll|(?:upper|middle|lower)\s+lobe)\s+)?(?:main[\s-]?(?:stem\s+)?|mainstem\s+|lobar\s+|intermediate\s+|segmental\s+)?(?:bronch[a-z]*|trachea[a-z]*|carina[a-z]*|pbt\b|[lr]ms?b\b|bi\b|proximal\s+bronchial\s+tree|(?:o?e)sophag[a-z]*))`;
const ULTRA_RE = new RegExp(
  String.raw`\bultra[\s-]?central\b|\b(?:abut[a-z]*|touch[a-z]*|contact[a-z]*|invad[a-z]*|invasion\s+of|involv[a-z]*|encas[a-z]*|compress[a-z]*|cent(?:red|ered)\s+(?:on|in)|obstruct[a-z]*|occlud[a-z]*|occlusion\s+of|narrow[a-z]*|against|infiltrat[a-z]*|extend[a-z]*\s+(?:into|to)|overlap[a-z]*|in\s+contact\s+with|within\s+1\s?cm\s+of|indent[a-z]*|displac[a-z]*|closely\s+applied\s+to|hug[a-z]*|adjacent\s+to|abut[a-z]*\s+but\s+not\s+invad[a-z]*|loss\s+of\s+(?:the\s+)?fat\s+plane\s+(?:with|to))\s+(?:(?:the\s+)?[a-z]{2,12}\s*(?:&|and|,|\/)\s*)?${AIRWAY}|\b(?:tumou?r|mass|lesion|primary)\s+(?:in|within|into)\s+${AIRWAY}|\barising\s+(?:in|from|within)\s+${AIRWAY}`,
  'g',
);
// "hilar and subcarinal nodes", "hilar, 4R and 7 nodes": after "hilar", a list of other nodal stations ending in a node
// word; the hilum named is the nodes', not the primary's.
const NODE_LIST = String.raw`\s*(?:(?:and|&|,|\/|or|\+)\s*(?:(?:left|right|l|r|bilateral|ipsilateral|contralateral|mediastinal|sub[\s-]?carinal|para[\s-]?tracheal|pre[\s-]?vascular|aorto[\s-]?pulmonary|ap|sub[\s-]?aortic|para[\s-]?aortic|para[\s-]?o?esophageal|supraclavicular|interlobar|lower|upper|station|\d{1,2}[rl]?)\s*(?:,|and|&|\/|or|\+)?\s*){1,6})`;
// "squamous cell carcinoma L hilum", "mass in the right hilum": a hilum with its side, after a tumour word or a
// preposition; not a node's hilum ("nodes in the left hilum", "R hilum nodes") nor a hilum reported clear.
const SIDE_HILUM = String.raw`(?<=\b(?:carcinoma|ca|adeno[a-z]*|scc|sqcc|squamous|nsclc|tumou?r|mass|lesion|primary|in|at|within|involving)\s+(?:the\s+)?)(?<!\b(?:nodes?|ln|lns|lymph[a-z]*|adenopathy|lad)\s+(?:in|at|of|within)\s+(?:the\s+)?)(?:left|right|l|r|lt|rt)\s+hilum\b(?!\s*(?:nodes?|lymph[a-z]*|ln|lns|adenopathy|lad|nodal|stations?)\b|\s*(?:[:=-]\s*|is\s+|was\s+)?(?:clear|normal|unremarkable|free|negative|neg|no|nil)\b)`;
const CENTRAL_RE = new RegExp(
  String.raw`\b(?:central(?:ly)?(?:\s+located)?(?!\s+(?:nervous|line|venous|necrosis|cavitation|airways?\s+disease))|para[\s-]?tracheal(?!\s+(?:nodes?|lymph[a-z]*|ln|lns|adenopathy|lad|nodal|stations?))|(?<!(?:contra|ipsi)(?:lat(?:eral)?)?\.?\s|bilateral\s)(?:(?:peri|para)[\s-]?)?hilar(?!\s+(?:and\s+mediastinal\s+)?(?:nodes?|lymph[a-z]*|ln|lns|adenopathy|lad|nodal|stations?|and\s+mediastinal)|${NODE_LIST}(?:nodes?|lymph[a-z]*|ln|lns|adenopathy|lad|nodal|stations?)\b)|within\s+2\s?cm\s+of\s+(?:the\s+)?(?:pbt|proximal\s+bronchial\s+tree|carina|main\s+bronch[a-z]*|trachea)|(?<=(?<!(?:more\s+than|over|beyond|at\s+least|greater\s+than|>|≥)\s*)(?<![\d.])(?:[01](?:\.\d)?|2(?:\.0)?)\s?cm\s+(?:from|of)\s+(?:the\s+)?)(?:pbt|proximal\s+bronchial\s+tree|carina|main\s+bronch[a-z]*|trachea)|(?:near|at)\s+the\s+hilum|${SIDE_HILUM})\b`,
  'g',
);
// "subpleural reticulation", "peripheral and basal predominant fibrosis": where a parenchymal change lies (a UIP
// pattern), not the tumour.
const PARENCHYMAL_AFTER = String.raw`\s+(?:(?:and|&|\/)\s+(?:basal|basilar|bibasal|lower[\s-]zone|subpleural|peripheral)\s+)?(?:(?:predominan[a-z]*|dominant|distribution|basal)\s+)?(?:reticula[a-z]*|fibros[a-z]*|fibrotic|honeycomb[a-z]*|ground[\s-]glass|ggo|emphysema[a-z]*|bullae|bulla|bullous|blebs?|scar[a-z]*|interstitial|changes?|thickening|traction|septal|cysts?|cystic|predominan[a-z]*|sparing|uip|nsip)\b`;
const PERIPHERAL_RE = new RegExp(
  String.raw`\b(?:periph(?:eral(?:ly)?)?\.?(?!\s+(?:neuropathy|o?edema|blood|iv|line|vascular|nerves?|pulses?|smear))(?:\s+located)?|sub[\s-]?pleural|pleural[\s-]based|outer\s+third)\b(?!${PARENCHYMAL_AFTER})`,
  'g',
);
const LOBE_RE = /\b(rul|rml|rll|lul|lll|lingula[a-z]*|(?:right|left|r|l)\s+(?:upper|middle|lower)\s+lobe)\b/g;
// "LLL nodules", "RML collapse", "LUL radiation fibrosis": the lobe of a metastasis, a complication or a
// parenchymal change, not of the primary.
const LOBE_NOT_PRIMARY_AFTER_RE =
  /^\s*(?:(?:lung|pulmonary|lobe)\s+)?(?:met|mets|metastas[a-z]*|nodules|collapse|atelectasis|satellite|(?:post[\s-]?)?(?:radiation|rt|sbrt|sabr)\s+(?:fibrosis|pneumonitis|changes?)|fibrosis|fibrotic|scarring|pneumonitis|bronchiectasis|emphysema|bullae|honeycombing|reticulation)\b/;
// "radiation fibrosis in the LUL", "scarring of the RUL": the same, named before the lobe.
const LOBE_NOT_PRIMARY_BEFORE_RE =
  /\b(?:fibrosis|fibrotic\s+changes?|pneumonitis|scarring|bronchiectasis|emphysema|bullae|honeycombing|reticulation|(?:post[\s-]?(?:radiation|rt|sbrt|sabr)|radiation)\s+changes?)\s+(?:in|of|within|at|involving)\s+(?:the\s+)?(?:(?:left|right)\s+)?$/;
// A decimal comma ("4,2 cm") is a decimal, never the "2 cm" after a list comma.
const SIZE_RE =
  /(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)(?:\s?(?:x|×|by)\s?(\d{1,3}(?:[.,]\d{1,2})?)){0,2}\s?(cm|mm)\b/g;
// Words near a size that make it a metastasis, a margin or a distance rather than the primary.
const NOT_PRIMARY_NEAR_RE =
  /\b(?:met|mets|metastas[a-z]*|bone|liver|hepatic|adrenal|brain|node|nodes|nodal|lymph|ln|contralateral|margin|ptv|ctv|itv|expansion|slice|effusion|pleural|kidney|renal|skin|spleen|deposits?|secondar[a-z]*|nodules|lesions|cerebral|cerebellar|intracranial|frontal|parietal|temporal|occipital|pontine)\b/;
const PRIMARY_NEAR_RE =
  /\b(?:primary|tumou?r|mass|lesion|nodule|gtv|rul|rml|rll|lul|lll|lobe|lingula|peripheral|central|ultra[\s-]?central|spiculated|cavitat[a-z]*|hilar|endobronchial|t[1-4][abc]?)\b/;
const LUNG_SPECIFIC_RE =
  /\b(?:primary|tumou?r|gtv|rul|rml|rll|lul|lll|lobe|lingula|lung|peripheral|central|ultra[\s-]?central|spiculated|cavitat[a-z]*|hilar|endobronchial|t[1-4][abc]?)\b/;
// Endobronchial invasion: tumour in the airway lumen ("extends into the right mainstem bronchus", "protruding into
// the lumen", "occludes the RLL bronchus", "infiltrating the bronchial wall", "tumour visible at the LLL orifice"), which excludes 60 Gy / 8 (SUNSET).
const ENDOBRONCHIAL_RE = new RegExp(
  String.raw`\bendo[\s-]?bronchial\b|\b(?:intra|endo)[\s-]?luminal\b|\b(?:extend\w*|grow\w*|protrud\w*|project\w*|prolaps\w*)\s+into\s+(?:the\s+)?(?:lumen|${AIRWAY})|\b(?:occlud\w*|occlusion\s+of|fill\w*)\s+(?:the\s+)?(?:lumen|${AIRWAY})|\binfiltrat\w*\s+(?:the\s+)?(?:(?:posterior|anterior|medial|lateral)\s+)?(?:bronchial\s+)?wall\s+of\s+${AIRWAY}|\b(?:tumou?r|mass|lesion)\s+(?:(?:is|was)\s+)?(?:visible|seen|evident|present|identified)\s+(?:at|in|within)\s+(?:the\s+)?(?:lumen|${ORIFICE})|\b(?:bronch\w*|airway|tracheal)\s+(?:invasion|infiltration)\s+with\s+(?:\d{1,3}\s?%\s+)?(?:occlusion|obstruction)`,
  'g',
);

const SYMPTOM_RES: { triggers: readonly string[]; re: RegExp; value: string }[] = [
  {
    triggers: T.hemoptysis,
    re: /\b(?:ha?emoptys[a-z]*|hemoptisis|coughing\s+(?:up\s+)?blood|blood[\s-](?:streaked|stained|tinged)\s+sputum)\b/g,
    value: 'hemoptysis',
  },
  {
    triggers: T.airwayObstruction,
    re: /\b(?:airway\s+(?:obstruction|compromise|narrowing|stenosis)|obstructed\s+airway|(?:post[\s-]?)?obstructive\s+(?:pneumonia|pna|pneumonitis|collapse|atelectasis)|bronchial\s+obstruction|stridor|lobar\s+collapse|(?:lung|lobe|lobar)\s+collapse|collapse\s+of\s+the\s+(?:rul|rml|rll|lul|lll|lingula|(?:right|left)\s+(?:upper|middle|lower)\s+lobe|lung)|atelectasis)\b/g,
    value: 'airway-obstruction',
  },
  {
    triggers: T.chestPain,
    re: /\b(?:chest(?:\s+wall)?\s+pain|pleuritic\s+pain|thoracic\s+pain|chest\s+discomfort)\b/g,
    value: 'chest-pain',
  },
  {
    triggers: T.svcSyndrome,
    re: /\b(?:svc\s*(?:o|s|syndrome|obstruction|compression)|svco|svcs|superior\s+vena\s+cava(?:l)?\s+(?:syndrome|obstruction|compression))\b/g,
    value: 'svc-syndrome',
  },
  { triggers: T.cough, re: /\b(?:cough|coughing)\b(?!\s+(?:up\s+)?blood)/g, value: 'cough' },
  {
    triggers: T.dyspnea,
    re: /\b(?:dyspno?ea|dyspno?eic|dyspnea|dyspneic|sob|sobo?e|doe|shortness\s+of\s+breath|breathless(?:ness)?|short\s+of\s+breath)\b/g,
    value: 'dyspnea',
  },
];
// "Symptoms: nil": the field of a template; not another system's ("neuro symptoms: none").
const ASYMPTOMATIC_RE =
  /\b(?:asymptomatic|(?:no|nil)\s+(?:(?:current|active|ongoing|present)\s+)?(?:chest\s+|thoracic\s+|respiratory\s+)?symptoms|symptom[\s-]?free|(?<!\b(?:brain|neuro|neurological|cns|bone|b|constitutional|systemic|urinary|gi)\s)(?:(?:chest|thoracic|respiratory)\s+)?symptoms?\s*[:=-]\s*(?:none|nil))\b(?!\s+(?:brain|cns|intracranial|from\s+(?:the\s+)?(?:brain|bone)))/g;

const ILD_RE =
  /\b(?:ild|interstitial\s+lung\s+disease|interstitial\s+(?:pneumonia|pneumonitis|fibrosis|disease|(?:lung\s+)?abnormalit[a-z]*)|pulmonary\s+fibrosis|lung\s+fibrosis|fibrotic\s+lung(?:\s+disease)?|nsip|honeycomb(?:ing)?)\b/g;
// Fibrotic ILDs by name: stated, they are ILD; negated ("no asbestosis") they say nothing of other ILDs.
const ILD_KIND_RE =
  /\b(?:(?:fibrotic\s+)?hypersensitivity\s+pneumonitis|fibrotic\s+hp|asbestosis|pneumoconiosis|silicosis)\b/g;
// "Probable UIP" is a CT pattern of its own (the fibrosis guidelines' category next to "UIP"), managed as UIP: the
// word "probable" is part of the finding, not a hedge on it.
const IPF_RE =
  /\b(?:ipf|(?:probable\s+)?uip|idiopathic\s+pulmonary\s+fibrosis|usual\s+interstitial\s+pneumonia)\b/g;
const RT = String.raw`(?:rt|xrt|radiotherapy|radiation(?:\s+therapy)?|irradiation|sbrt|sabr|ebrt|chemo[\s-]?rt|chemo[\s-]?radiation|chemo[\s-]?radiotherapy|crt)`;
const THORAX =
  '(?:chest(?:\\s+wall)?|thoracic|(?:hemi)?thorax|lung|mediastinal|mediastinum|mantle(?:\\s+field)?|breast|o?esophag[a-z]*|rul|rml|rll|lul|lll|lingula|(?:upper|middle|lower)\\s+lobe|same\\s+lobe|hilum|hilar\\s+(?:mass|tumou?r|region)|primary)';
// "SABR for stage I NSCLC": an early stage's lung cancer treated with RT is the chest's (a stage IV one's may be a
// metastasis).
const EARLY_STAGE = String.raw`(?:stage\s+(?:i{1,3}|[1-3])[abc]?|early[\s-]stage)`;
// "oligoPD in the primary, treated with SBRT 55 Gy/5": the RT of the lung primary (or lobe) just named.
const PRIMARY_TREATED_RT = String.raw`(?:(?<=\b(?:the|lung|thoracic)\s)\bprimary|\b(?:rul|rml|rll|lul|lll|lingula))\b(?:\s+(?:primary|tumou?r|mass|lesion|nodule))?(?:\s*,\s*|\s+)(?:which\s+)?(?:was\s+)?(?:treated|managed|ablated)\s+(?:with|by)\s+(?:(?:local|consolidative|ablative|definitive)\s+)?${RT}\b`;
// "cisplatin/etoposide + 60 Gy/30", "60 Gy/30 with weekly carboplatin/paclitaxel": a radical thoracic dose (54-69 Gy;
// not the 45-50 Gy of a pelvis nor the 70 Gy of a head and neck) with a lung chemoradiation agent.
const CHEMO_AGENT = String.raw`(?:chemo\w*|cisplatin|carboplatin|cis|carbo|etoposide|pemetrexed|paclitaxel|vinorelbine|platinum)`;
const RADICAL_DOSE = String.raw`(?:5[4-9]|6\d)(?:\.\d)?\s?gy`;
const PRIOR_RT_CHEMO_DOSE = String.raw`\b${CHEMO_AGENT}\b(?:\s*\/\s*[a-z]+){0,2}\s*(?:\+|with|and|plus|&)\s*${RADICAL_DOSE}\b|\b${RADICAL_DOSE}(?:(?:\s?\/\s?|\s+in\s+)\d{1,2}(?:\s?(?:fx|fractions?))?)?\s*(?:\+|with|and|plus|&)\s*(?:concurrent\s+|weekly\s+)?${CHEMO_AGENT}\b`;
// "durvalumab consolidation, completed 2023", "on consolidation durvalumab": consolidation after chemoradiation (its
// only indication, PACIFIC), so the RT was given whether the drug is taken or done.
const DURVALUMAB_CONSOLIDATION = String.raw`\bconsolidat\w*\s+durvalumab\b|\bdurvalumab\s+(?:\(\s*)?consolidat\w*`;
const DURVALUMAB_CONSOLIDATION_RE = /durvalumab/;
// "plan: CRT then consolidation durvalumab", "candidate for consolidation durvalumab": a plan, which may hold the RT
// too; the RT named with it is read by its own match.
const CONSOLIDATION_PLAN_RE =
  /\b(?:plan\w*|propos\w*|recommend\w*|candidate|eligible|consider\w*|would|will|rt|xrt|radiotherapy|radiation|chemo[\s-]?r\w*|crt|sbrt|sabr)\b/;
// Prior thoracic RT: alternatives that start at a word, and two that start at a dose ("60 Gy to the chest",
// "60 Gy ... concurrent"). PRIOR_RT_RE is all of them in this order; a text with no "Gy" after a number can only
// match the words, so it reads PRIOR_RT_WORDS_RE, which is not tried at every number.
// "SBRT 2022 (54 Gy/3) for a cT1b N0 adeno RUL", "SABR 55 Gy/5 to a LUL nodule": a year, a dose and a few words may
// stand between the RT and the chest site.
const PRIOR_RT_THORAX = String.raw`\b${THORAX}\s+${RT}\b|\b${RT}\s+(?:(?:in\s+)?(?:19|20)\d\d\s+)?(?:\(?\d{1,2}(?:\.\d)?\s?gy\s?\/\s?\d{1,2}(?:\s?(?:fx|fractions?))?\)?\s+)?(?:(?:to|for)\s+)?(?:the\s+|a\s+|an\s+)?(?:(?:left|right|contra[\s-]?lat(?:eral)?\.?|ipsilateral|l|r)\s+)?(?:(?:c?t\d[abc]?|n\d|adeno\w*|squamous|nsclc|peripheral|central|small|solitary|early[\s-]stage|stage\s+(?:i{1,3}|[1-3])[abc]?)\s+){0,4}(?:${THORAX}|(?:lung\s+|pulmonary\s+)?nodules?|${EARLY_STAGE}\s+(?:nsclc|lung\s+(?:cancer|ca)|adeno\w*|squamous\w*|scc))\b`;
const PRIOR_RT_DOSE_TO = String.raw`\b\d{2}(?:\.\d)?\s?gy\b[^.;\n]{0,20}?\bto\s+(?:the\s+)?(?:(?:left|right|l|r)\s+)?${THORAX}\b`;
const PRIOR_RT_OTHER = String.raw`\bre[\s-]?irradiat[a-z]*|\bpreviously\s+irradiated\b|\b(?:lung|chest|thorax|mediastinum|hemithorax)\s+(?:was\s+|previously\s+)?irradiated\b|\b(?:post[\s-]?(?:rt|radiation|radiotherapy)|radiation[\s-](?:induced|related)|radiation)\s+(?:fibrosis|pneumonitis)\b|\bprior\s+(?:concurrent\s+)?chemo[\s-]?(?:rt|radiation|radiotherapy)\b|\b(?:(?:concurrent|sequential|definitive)\s+)?(?:chemo[\s-]?(?:rt|radiation|radiotherapy)|crt)\b|\bport\b(?!\s+(?:trial|meta[\s-]?analys[ie]s|stud(?:y|ies)|data|evidence|literature))|\bpost[\s-]?op(?:erative)?\s+${RT}|\b(?:sbrt|sabr)\s+(?:54|48|34|60)\s?gy\s?\/\s?(?:3|4|1|8)\b|${PRIMARY_TREATED_RT}|${DURVALUMAB_CONSOLIDATION}|\bpacific\b(?![\s-]+(?:trial|stud(?:y|ies)|data|evidence|results?|criteria|population|analys[ie]s|eligib\w*|paper|publication))`;
const PRIOR_RT_DOSE_CONCURRENT = String.raw`\b[4-7]\d\s?gy\b[^.;\n]{0,40}\bconcurrent\b[^.;\n,]{0,30}|\bconcurrent\b[^.;\n]{0,40}\b[4-7]\d\s?gy(?:\s?\/\s?\d{1,2})?`;
const PRIOR_RT_RE = new RegExp(
  `${PRIOR_RT_THORAX}|${PRIOR_RT_DOSE_TO}|${PRIOR_RT_OTHER}|${PRIOR_RT_DOSE_CONCURRENT}|${PRIOR_RT_CHEMO_DOSE}`,
  'g',
);
const PRIOR_RT_WORDS_RE = new RegExp(`${PRIOR_RT_THORAX}|${PRIOR_RT_OTHER}`, 'g');
const ILD_FREE_RE = /\b(?:ild|interstitial\s+lung\s+disease)[\s-]free\b/g;
const NEXT_RT_RE = /\b(?:rt|xrt|radiotherapy|radiation|sbrt|sabr|irradiat\w*)\b/g;
const CUE_BEFORE_NEXT_RT_RE = /(?:\b(?:the|prior|previous(?:ly)?|past|earlier|her|his|their)\s+)+$/;
/** Where the next RT word after `from` starts, with the words that qualify it ("the prior RT") (end when none). */
function nextRtAt(lower: string, from: number): number {
  NEXT_RT_RE.lastIndex = from;
  const m = NEXT_RT_RE.exec(lower);
  if (!m) return lower.length;
  const cue = CUE_BEFORE_NEXT_RT_RE.exec(lower.slice(from, m.index));
  return cue ? from + cue.index : m.index;
}
const THORAX_NAMED_RE = new RegExp(
  String.raw`\b${THORAX}\b|\b(?:chemo[\s-]?(?:rt|radiation|radiotherapy)|crt|port|pacific)\b`,
);
// "cisplatin + 60 Gy to the larynx", "66 Gy/33 with cisplatin for oropharyngeal cancer": the radical dose of another
// cancer (head and neck, glioma, pelvis) is not the chest's.
const OTHER_SITE_RE =
  /\b(?:brain|bone|spine|spinal|vertebra[el]?|[tlcs]\d{1,2}|mets?|metastas\w*|liver|adrenal|hip|femur|femoral|pelvis|pelvic|srs|wbrt|skull|humerus|rib|head|neck|h&n|hnscc|laryn\w*|pharyn\w*|oropharyn\w*|nasopharyn\w*|hypopharyn\w*|tonsil\w*|tongue|glioma|glioblastoma|gbm|cervix|rectum|rectal|anal|anus|bladder|prostate|pancrea\w*|gastric|stomach|vulva\w*|uter\w*|endometri\w*)\b/;
const QUESTION_AFTER_RE = /^\s*\?/;
// "SBRT to RUL in 01/2022" reaches the parser as "in [DATE]": a date given the RT, unless one it is booked for.
const DATE_CUE_RE =
  /(?<!\b(?:planned|booked|scheduled|due|for|from|starting|start)\s+(?:(?:in|on)\s+)?)\[date\]/;
// "osimertinib interrupted around SBRT to the primary, now resumed": the drug taken up again after the RT.
const RESUMED_AFTER_RE =
  /^[^.;\n]{0,40}?(?<!\b(?:be|to|will|then|and|until)\s)\b(?:now\s+)?(?:resumed|restarted|recommenced)\b/;
const PAST_CUE_RE =
  /\b(?:radiation[\s-](?:induced|related)\s+fibrosis|radiation\s+fibrosis|prior|previous(?:ly)?|prev|hx|h\/o|history|s\/p|status\s+post|post|had|received|completed|underwent|treated|(?:19|20)\d\d|ago|re[\s-]?irradiat[a-z]*|irradiated|port|for\s+(?:(?:limited|locally\s+advanced|unresectable)\s+)?stage\s+(?:iii|ii|i|3|2|1)[abc]?|then\s+(?:durvalumab|consolidat\w*|adjuvant)|after\s+(?:(?:concurrent|sequential|definitive)\s+)?(?:chemo[\s-]?(?:rt|radiation|radiotherapy)|crt))\b/;
const NO_PRIOR_RT_RE = new RegExp(
  String.raw`\b(?:no|nil)\s+(?:prior|previous|history\s+of)\s+(?:thoracic\s+|chest\s+|lung\s+)?${RT}\b|\b(?:rt|radiotherapy|radiation)[\s-]na[iï]ve\b|\bno\s+(?:prior|previous)\s+(?:thoracic|chest)\s+(?:rt|radiotherapy|radiation|irradiation)\b|\b(?:(?:prior|previous)\s+(?:thoracic\s+|chest\s+)?|thoracic\s+|chest\s+)(?:rt|radiotherapy|radiation)(?:\s*[:=-]\s*(?:none|nil|no)|\s+(?:none|nil))\b|\bno\s+(?:thoracic|chest|lung|mediastinal)\s+${RT}\s+(?:before|previously|prior|in\s+the\s+past|to\s+date|ever|so\s+far|(?:was\s+|has\s+been\s+)?(?:given|received|delivered))\b|\bnever\s+(?:had|received|been\s+given)\s+(?:any\s+)?(?:thoracic\s+|chest\s+|lung\s+)?${RT}\b`,
  'g',
);
const POOR_FUNCTION_RE =
  /\b(?:poor|limited|reduced|marginal|borderline|severely\s+impaired|impaired)\s+(?:lung|pulmonary|respiratory)\s+(?:function|reserve)|\bpoor\s+pfts?\b|\bsevere\s+(?:copd|emphysema)\b|\bhome\s+(?:o2|oxygen)\b|\bltot\b|\b(?:oxygen|o2)[\s-]dependent\b|\bgold\s+(?:3|4|iii|iv)\b/g;
const GOOD_FUNCTION_RE =
  /\b(?:good|normal|adequate|preserved)\s+(?:lung|pulmonary|respiratory)\s+(?:function|reserve)|\b(?:pfts?|lung\s+function\s+tests?)\s+(?:normal|ok|fine|adequate)\b|\bnormal\s+pfts?\b/g;
// "FEV1 38%", "FEV1 1.1 L (38% predicted)": the percentage of predicted, after an absolute volume when one is given.
const FEV1_RE =
  /\b(fev1|dlco|tlco)\s*(?:[:=]|of|is)?\s*(?:\d(?:[.,]\d{1,2})?\s?(?:l|litres?|liters?)\b\s*(?:\(|,|\/|-)?\s*|\d[.,]\d{1,2}\s*(?:\(|,|\/|-)\s*)?(?<![\d.,])(\d{1,3})\s*%/g;

const PET_RE = /\b(?:fdg[\s-]?)?pet(?:[\s/-]?ct)?\b|\bpetct\b/g;
// "No brain imaging yet": brain imaging not done is a brain MRI not done (brain imaging done may be a CT only, so
// it says nothing of the MRI).
const MRI_RE = /\b(?:mri|mr)\b|\b(?:brain|head|cranial|intracranial)\s+imaging\b/g;
const OTHER_PART_AFTER_RE =
  /^\s*(?:of\s+the\s+)?(?:[tlc][\s-]?spine|spine|spinal|whole[\s-]?spine|cord|pelvis|pelvic|liver|abdomen|sacrum|hip|shoulder|chest|breast|prostate|knee|femur)\b/;
const PET_JOINED_BEFORE_RE = /\bpet(?:[\s-]?ct)?\s*(?:\/|\+|&|and|,)\s*$/;
const BRAIN_WORD_RE = /\b(?:brain|head|cranial|intracranial|cerebral|cns)\b/;
const NOT_DONE_BEFORE_RE =
  /(?:\bno|\bwithout|\bw\/o|\bnot\s+had|\bawaiting|\bpending|\byet\s+to\s+have|\bneeds?|\brequires?|\bto\s+have|\bbooked\s+for|\bplanned|\brequest(?:ed)?|\bstaged\s+with\s+ct\s+only)\s+(?:an?\s+|a\s+)?(?:ct\s*(?:\/|&|or|and)\s*)?(?:(?:brain|head|cranial|fdg)[\s-]+)?$/;
const NOT_DONE_AFTER_RE =
  /^\s*(?:[/-]?\s*ct\s+)?(?:(?:\/|\+|&|and)\s*(?:(?:brain|head)\s+)?mri(?:\s+(?:brain|head))?\s+(?:are\s+|both\s+)?)?(?:(?:of\s+(?:the\s+)?)?(?:brain|head)\s*[:=-]?\s*)?(?:scan\s+)?[:=-]?\s*(?:is\s+|was\s+)?(?:pending|awaited|requested|booked|planned|outstanding|to\s+follow|tbc|not\s+(?:yet\s+)?(?:done|performed|available|completed)|yet\s+to\s+be\s+done|not\s+yet|to\s+be\s+(?:done|arranged)|to\s+(?:clarify|confirm|characteri[sz]e|evaluate|exclude|rule\s+out|follow))/;
const CT_ONLY_RE = /\b(?:ct[\s-]only|staged\s+(?:with|by)\s+ct\s+(?:alone|only)|ct\s+staging\s+only)\b/g;
// Module constants: a regex literal inside a loop is a new object per evaluation.
const CONTRA_WORDS = ['contralateral', 'contralat', 'satellite'] as const;
const DISTANCE_BEFORE_RE = /\b(?:within|of|from|<|>|margin|by)\s*$/;
const OF_FROM_AFTER_RE = /^\s*(?:of|from)\b/;
const DISTANCE_AFTER_RE =
  /^\s*(?:of|from)\s+(?:the\s+)?(?:(?:left|right|l|r)\s+)?(?:(?:rul|rml|rll|lul|lll)\s+)?(?:pbt|proximal|carina|trachea|main|bronch|chest|pleura|hilum|mediastin|bi\b|[lr]ms?b\b|airway|aort|heart|pericard|o?esoph|fissure|diaphragm|spinal\s+cord|cord\b)|^\s*(?:lateral|medial|superior|inferior|anterior|posterior|cranial|caudal|away|distal|proximal)\s+(?:to|from|of)\b/;
// "nearest airway 3.5 cm", "distance to the carina 2.5 cm", "clearance 12 mm": a distance written before the figure.
/** A nodule other than the primary is named just before `start`, in the same sentence. */
function otherNodule(lower: string, start: number): boolean {
  return OTHER_NODULE_RE.test(lower.slice(sentenceStartBefore(lower, start, 40), start));
}
const EARLIER_SIZE_AFTER_RE = /^\s*(?:→|->|=>|⇒|➡)/;
const EARLIER_SIZE_BEFORE_RE =
  /\b(?:previously|prev\.?|was|from|initially|originally|baseline|at\s+diagnosis|pre[\s-]?treatment)\s*:?\s*$/;
const OTHER_NODULE_RE = /\b(?:incidental|satellite|separate|additional|another|second|benign)\b/;
const OTHER_NODULE_BEFORE_RE =
  /\b(?:incidental|satellite|separate|additional|another|second|benign)\s+(?:\w+\s+)?$/;
const DISTANCE_NAMED_BEFORE_RE =
  /\b(?:(?:nearest|closest)\s+(?:airway|bronch\w*|approach|distance)|distance|clearance|gap)\b[^.;,\d]{0,30}$/;
const OTHER_ORGAN_AFTER_RE = /^\s+(?:brain|cns|intracranial|cerebral|bone|liver|adrenal|mets?|metastas)/;
const BRAIN_OR_HEAD_RE = /\b(?:brain|head)\b/;

/** A regex \w character. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

/** The first character of [from, to) that is not \s, as a code; -1 if none. A pattern anchored after white space
 * can match only where this is one of its first letters, so most tests end here without a slice or a regex. */
function firstAfterSpace(lower: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = lower.charCodeAt(i);
    if (!isRegexSpace(c)) return c;
  }
  return -1;
}

/** Whether `codes` (a string of first letters) holds the code. */
function oneOf(codes: string, c: number): boolean {
  for (let i = 0; i < codes.length; i++) if (codes.charCodeAt(i) === c) return true;
  return false;
}

/** A separator of a size's neighbourhood (",;."). */
function isSizeSeparator(c: number): boolean {
  return c === 44 || c === 59 || c === 46;
}

/** A separator at `k`; a full stop between digits ("2.1") is a decimal point. */
function isSeparatorAt(lower: string, k: number): boolean {
  const c = lower.charCodeAt(k);
  if (c !== 46) return isSizeSeparator(c);
  const d = lower.charCodeAt(k + 1);
  return !(d >= 48 && d <= 57);
}

/** The words before the separator at `sep`, back to the previous separator (at most 40 characters). */

function previousSegment(lower: string, sep: number): string {
  let k = sep;
  const from = Math.max(0, sep - 40);
  while (k > from && !isSeparatorAt(lower, k - 1)) k--;
  return lower.slice(k, sep);
}

/**
 * `/\b(?:contralateral|satellite)\b[^,;.]*$/.test(lower.slice(from, to))` without the slice: the word whole
 * (the window's edges count as boundaries, as in the slice) and no ",;." after it.
 */
function contralateralBefore(lower: string, from: number, to: number): boolean {
  for (let q = from; q < to; q++) {
    const c = lower.charCodeAt(q);
    if (c !== 99 && c !== 115) continue;
    if (q > from && isWordChar(lower.charCodeAt(q - 1))) continue;
    for (const word of CONTRA_WORDS) {
      const e = q + word.length;
      if (e > to || !lower.startsWith(word, q)) continue;
      if (e < to && isWordChar(lower.charCodeAt(e))) continue;
      let clean = true;
      for (let i = e; i < to; i++)
        if (isSizeSeparator(lower.charCodeAt(i))) {
          clean = false;
          break;
        }
      if (clean) return true;
    }
  }
  return false;
}

/**
 * `splitAt(lower.slice(from, to), ';.\n' + (commas ? ',' : '')).find((part) => part.includes(needle))` for the
 * needle `lower.slice(start, end)` inside the window, without the slices: the part holding the needle's first
 * occurrence (no earlier part holds it), or undefined when the needle holds a separator (then no part does).
 */
function partHolding(
  lower: string,
  from: number,
  to: number,
  start: number,
  end: number,
  needle: string,
  commas: boolean,
): string | undefined {
  for (let i = start; i < end; i++) if (isPartSeparator(lower.charCodeAt(i), commas)) return undefined;
  const at = lower.indexOf(needle, from);
  let partStart = at;
  while (partStart > from && !isPartSeparator(lower.charCodeAt(partStart - 1), commas)) partStart--;
  let partEnd = at + (end - start);
  while (partEnd < to && !isPartSeparator(lower.charCodeAt(partEnd), commas)) partEnd++;
  return lower.slice(partStart, partEnd);
}

function isPartSeparator(c: number, commas: boolean): boolean {
  return c === 59 || c === 46 || c === 10 || (commas && c === 44);
}

/** Whether "gy" follows a digit, next to it or after one white-space character: PRIOR_RT_RE can match at a number
 * only there. */
function mayNameDose(lower: string): boolean {
  for (let q = lower.indexOf('gy', 1); q >= 0; q = lower.indexOf('gy', q + 1)) {
    const c = lower.charCodeAt(q - 1);
    if (isDigitCode(c) || (isRegexSpace(c) && isDigitCode(lower.charCodeAt(q - 2)))) return true;
  }
  return false;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `Number(d.replace(',', '.'))` of a size's digits ("4,2", "12.5", "30"): the integer of all its digits over a
 * power of ten is one correctly rounded division, so the same number. */
function dimension(d: string): number {
  let digits = 0;
  let scale = 1;
  let decimals = false;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (c === 46 || c === 44) decimals = true;
    else {
      digits = digits * 10 + (c - 48);
      if (decimals) scale *= 10;
    }
  }
  return digits / scale;
}

function emitAll(
  doc: Doc,
  sink: Sink,
  triggers: readonly string[],
  re: RegExp,
  fact: string,
  value: unknown,
  negValue?: unknown,
  suspected = false,
): void {
  const found = matchAll(doc, re, triggers);
  for (let k = 0; k < found.length; k++) {
    const m = found[k] as RegExpExecArray;
    const start = m.index;
    const end = start + m[0].length;
    if (sink.isConsumed(start, end)) continue;
    const pol = polarity(doc, start, end);
    if (pol === 'pos') sink.add(fact, value, start, end);
    else if (pol === 'neg' && negValue !== undefined) sink.add(fact, negValue, start, end);
    // "possible ILD", "?endobronchial": a safety fact named as possible (not a condition of the question).
    else if (pol === 'hedge' && suspected && !conditionalAt(doc, start))
      sink.suspect(fact, value, start, end);
    else sink.see(start, end);
  }
}

// "1 cm from the right main bronchus", "15 mm from the main carina", "distance to PBT 0 mm": a measured distance to
// the proximal bronchial tree; within 2 cm is central (RTOG 0813), 0 is touching it (ultracentral).
const AIRWAY_DISTANCE_RE = new RegExp(
  String.raw`(?<![\d.])(\d{1,3}(?:\.\d)?)\s?(mm|cm)\s+(?:away\s+)?(?:from|of)\s+${AIRWAY}|\bdistance\s+(?:to|from)\s+${AIRWAY}\s*(?:is\s+|of\s+|[:=]\s*)?(\d{1,3}(?:\.\d)?)\s?(mm|cm)`,
  'g',
);
const NOT_CENTRAL_RE = /\b(?:not|non)[\s-]?central(?:ly)?(?:\s+located)?\b(?!\s+to\b)/g;
// "not central" said of the primary: a tumour word before it in the sentence, and no other organ's lesion between.
const TUMOUR_BEFORE_RE = /\b(?:primary|tumou?r|mass|rul|rml|rll|lul|lll|lingula\w*|lobe|cm|mm)\b[^.;]*$/;
const TUMOUR_AFTER_RE = /^\s*(?:primary|tumou?r|mass|lesion|nodule|rul|rml|rll|lul|lll)\b/;
const OTHER_ORGAN_BEFORE_RE = /\b(?:liver|hepatic|adrenal|bone|brain|node|nodes|nodal|kidney|renal)\b[^.;]*$/;
const WHOLE_TREE_RE = /\b(?:pbt|proximal\s+bronchial\s+tree)\b/;
const FAR_BEFORE_RE = /(?:>|≥|more\s+than|over|beyond|at\s+least|greater\s+than|further\s+than)\s*$/;
// "abuts the mediastinal pleura", "adjacent to the pericardium", "encasing the pulmonary artery": touching the
// mediastinal or pericardial pleura is central (RTOG 0813).
const MEDIASTINAL_CONTACT_RE =
  /\b(?:abut\w*|touch\w*|contact\w*|invad\w*|invasion\s+of|involv\w*|encas\w*|adjacent\s+to|against|in\s+contact\s+with|abutment\s+of)\s+(?:the\s+)?(?:(?:left|right)\s+)?(?:mediastinal\s+pleura|mediastinum|mediastinal\s+fat|pericardi\w*|heart|aorta|aortic(?:\s+arch)?|(?:main\s+)?pulmonary\s+arter\w*|great\s+vessels?|svc|superior\s+vena\s+cava)\b/g;
const NODE_BEFORE_RE = /\b(?:nodes?|nodal|ln|lns|lymph\w*|adenopathy)\b[^.;,]*$/;

/** `notCentral`: the text says the tumour is not central, which an inference from its contacts does not overrule. */
function extractAirwayDistance(doc: Doc, sink: Sink, notCentral: boolean): Span | undefined {
  const { lower } = doc;
  let far: Span | undefined;
  for (const m of matchAll(doc, AIRWAY_DISTANCE_RE, T.airwayDistance)) {
    const start = m.index;
    const end = start + m[0].length;
    const n = Number(m[1] ?? m[3]);
    const cm = (m[2] ?? m[4]) === 'mm' ? n / 10 : n;
    const beyond = FAR_BEFORE_RE.test(lower.slice(Math.max(0, start - 14), start)) || cm > 2;
    if (polarity(doc, start, end) !== 'pos') continue;
    // "> 2 cm from the PBT": outside the RTOG 0813 zone of the whole tree (one bronchus or the carina alone is not
    // the tree, so a distance to it says nothing); peripheral unless the tumour is central by contact.
    if (beyond) {
      if (WHOLE_TREE_RE.test(lower.slice(start, end + 6))) far = { start, end };
      continue;
    }
    // The spec's ultracentral is touching the tree (0); a measured gap, however small, is central (README limits).
    sink.add('primary.location', cm === 0 ? 'ultracentral' : 'central', start, end);
  }
  for (const m of matchAll(doc, MEDIASTINAL_CONTACT_RE, T.mediastinalContact)) {
    if (notCentral) break;
    const start = m.index;
    const end = start + m[0].length;
    if (NODE_BEFORE_RE.test(lower.slice(Math.max(0, start - 40), start))) continue;
    if (polarity(doc, start, end) !== 'pos') continue;
    sink.add('primary.location', 'central', start, end);
  }
  return far;
}

/** "not central (per RTOG 0813)", "non-central": the board's own classification; true when one was read. */
function notCentral(doc: Doc, sink: Sink): boolean {
  let found = false;
  for (const m of matchAll(doc, NOT_CENTRAL_RE, T.notCentral)) {
    const end = m.index + m[0].length;
    const before = doc.lower.slice(Math.max(0, m.index - 60), m.index);
    const after = doc.lower.slice(end, end + 20);
    if (!(TUMOUR_BEFORE_RE.test(before) || TUMOUR_AFTER_RE.test(after)) || OTHER_ORGAN_BEFORE_RE.test(before))
      continue;
    sink.consume(m.index, end);
    if (polarity(doc, m.index, m.index) === 'hedge') continue;
    sink.add('primary.location', 'peripheral', m.index, end);
    found = true;
  }
  return found;
}

function extractPrimary(doc: Doc, sink: Sink): void {
  const stated = notCentral(doc, sink);
  emitAll(doc, sink, T.ultracentral, ULTRA_RE, 'primary.location', 'ultracentral');
  emitAll(doc, sink, T.central, CENTRAL_RE, 'primary.location', 'central');
  const far = extractAirwayDistance(doc, sink, stated);
  for (const m of matchAll(doc, PERIPHERAL_RE, T.peripheral)) {
    const start = m.index;
    const end = start + m[0].length;
    if (sink.isConsumed(start, end)) continue;
    // "incidental 6 mm subpleural nodule": another nodule's place, not the primary's.
    if (otherNodule(doc.lower, start)) {
      sink.see(start, end);
      continue;
    }
    const pol = polarity(doc, start, end);
    if (pol === 'pos') sink.add('primary.location', 'peripheral', start, end);
    else sink.see(start, end);
  }
  if (far && !sink.candidates.some((c) => c.fact === 'primary.location' && c.value !== 'peripheral'))
    sink.add('primary.location', 'peripheral', far.start, far.end);
  emitAll(doc, sink, T.endobronchial, ENDOBRONCHIAL_RE, 'primary.endobronchial', true, false, true);
  extractLobe(doc, sink);
  extractSize(doc, sink);
}

function extractLobe(doc: Doc, sink: Sink): void {
  const { lower } = doc;
  const n = lower.length;
  const found = matchAll(doc, LOBE_RE, T.lobe);
  for (let k = 0; k < found.length; k++) {
    const m = found[k] as RegExpExecArray;
    const start = m.index;
    const end = start + m[0].length;
    // A lobe named with a metastasis ("contralateral LLL nodule") is not the primary's lobe.
    if (contralateralBefore(lower, Math.max(0, start - 20), start) || otherNodule(lower, start)) continue;
    if (LOBE_NOT_PRIMARY_BEFORE_RE.test(lower.slice(Math.max(0, start - 36), start))) continue;
    const to = Math.min(n, end + 30);
    if (
      oneOf('lpmncasrfbeh', firstAfterSpace(lower, end, to)) &&
      LOBE_NOT_PRIMARY_AFTER_RE.test(lower.slice(end, to))
    )
      continue;
    if (polarity(doc, start, end) !== 'pos') continue;
    const word = m[1] as string;
    let lobe: string;
    if (word.startsWith('lingula')) lobe = 'lingula';
    else if (word.length === 3) lobe = word.toUpperCase();
    else {
      // "right upper lobe": the first letters of its first two words.
      let i = 1;
      while (!isRegexSpace(word.charCodeAt(i))) i++;
      while (isRegexSpace(word.charCodeAt(i))) i++;
      lobe = `${word[0] as string}${word[i] as string}L`.toUpperCase();
    }
    sink.add('primary.lobe', lobe, start, end);
  }
}

/** The primary's size: the largest dimension of a size whose nearest qualifying word is the primary's. */
const GENERIC_LESION_AT_RE = /^(?:lesion|nodule|focus)\b/;
const LARGEST_BEFORE_RE =
  /^\s*(?:the\s+)?(?:largest|biggest|dominant|max(?:imum)?|up\s+to)(?:\s+(?:one|lesion))?(?:\s+(?:measuring|of|at))?\s*$/;
const SIZE_LIST_AFTER_RE = /^\s*(?:,|and|&)\s*\d{1,3}(?:\.\d)?\s?(?:mm|cm)\b/;
const SIZE_LIST_BEFORE_RE = /\d(?:\s?(?:mm|cm))?\s*(?:,|and|&)\s*$/;
const BOUND_BEFORE_SIZE_RE = /(?:\b(?:all|each|both|up\s+to)\s*|(?<!-)[<>≤≥]\s*)$/;

/** A size that is a distance ("2 cm from the carina", "nearest airway 3.5 cm"), an earlier size of a trajectory
 * ("7.2 cm → 5.9 cm", "(previously 4.0 cm)") or another nodule's ("incidental 6 mm subpleural nodule"). */
function notTodaysPrimary(
  lower: string,
  start: number,
  end: number,
  beforeFrom: number,
  afterTo: number,
): boolean {
  // "within 2 cm of the PBT" is a distance (both tests need "of" or "from" after the size).
  const next = firstAfterSpace(lower, end, afterTo);
  if (next === 111 || next === 102) {
    const after = lower.slice(end, afterTo);
    if (DISTANCE_BEFORE_RE.test(lower.slice(beforeFrom, start)) && OF_FROM_AFTER_RE.test(after)) return true;
    if (DISTANCE_AFTER_RE.test(after)) return true;
  } else if (oneOf('lmsiapcd', next) && DISTANCE_AFTER_RE.test(lower.slice(end, afterTo))) return true;
  if (DISTANCE_NAMED_BEFORE_RE.test(lower.slice(Math.max(0, start - 40), start))) return true;
  if (EARLIER_SIZE_AFTER_RE.test(lower.slice(end, end + 6))) return true;
  if (EARLIER_SIZE_BEFORE_RE.test(lower.slice(Math.max(0, start - 28), start))) return true;
  return OTHER_NODULE_BEFORE_RE.test(lower.slice(Math.max(0, start - 24), start));
}

/** What the words right after a size say it measures: the primary, something else, or nothing (undefined). */
function primaryAfter(afterWords: string): boolean | undefined {
  if (afterWords === '') return undefined;
  const a1 = afterWords.search(NOT_PRIMARY_NEAR_RE);
  const a2 = afterWords.search(PRIMARY_NEAR_RE);
  if (a1 < 0 && a2 < 0) return undefined;
  // "2.3 cm lesion in the right adrenal": a generic lesion word yields to the organ named after it.
  if (a2 >= 0 && a1 > a2 && GENERIC_LESION_AT_RE.test(afterWords.slice(a2))) return false;
  return a2 >= 0 && (a1 < 0 || a2 < a1);
}

function extractSize(doc: Doc, sink: Sink): void {
  const { lower } = doc;
  const n = lower.length;
  const found = matchAll(doc, SIZE_RE, T.size);
  for (let k = 0; k < found.length; k++) {
    const m = found[k] as RegExpExecArray;
    const start = m.index;
    const end = start + m[0].length;
    if (sink.isConsumed(start, end)) continue;
    const beforeFrom = Math.max(0, start - 40);
    const afterTo = Math.min(n, end + 28);
    if (notTodaysPrimary(lower, start, end, beforeFrom, afterTo)) {
      sink.see(start, end);
      continue;
    }
    // The nearest qualifying word decides: after the size first ("4 cm RUL mass"), then before ("adrenal met 2 cm").
    let afterEnd = end;
    while (afterEnd < afterTo && !isSizeSeparator(lower.charCodeAt(afterEnd))) afterEnd++;
    let beforeStart = start;
    while (beforeStart > beforeFrom && !isSeparatorAt(lower, beforeStart - 1)) beforeStart--;
    const afterWords = afterEnd > end ? lower.slice(end, afterEnd) : '';
    const beforeWords = beforeStart < start ? lower.slice(beforeStart, start) : '';
    let isPrimary = primaryAfter(afterWords);
    // NOT_PRIMARY_NEAR_RE on the words before, when asked (-1: not yet).
    let b1 = -1;
    if (isPrimary === undefined && beforeWords !== '') {
      b1 = NOT_PRIMARY_NEAR_RE.test(beforeWords) ? 1 : 0;
      const b2 = PRIMARY_NEAR_RE.test(beforeWords);
      if (b1 === 1 || b2) isPrimary = b2 && b1 === 0;
    }
    // "MRI brain: solitary 8 mm enhancing lesion": a bare lesion word after a clause about another organ.
    if (isPrimary && beforeWords !== '') {
      if (b1 < 0) b1 = NOT_PRIMARY_NEAR_RE.test(beforeWords) ? 1 : 0;
      if (b1 === 1 && !LUNG_SPECIFIC_RE.test(afterWords)) continue;
    }
    if (isPrimary === false) continue;
    // "single right frontal brain met, 9 mm", "liver mets, largest 3.4 cm": a bare size right after a comma
    // measures what was named before it.
    // The phrase the size opens: after the comma before it, or after a bracket inside the words before it.
    const paren = beforeWords.lastIndexOf('(');
    const own = paren >= 0 ? beforeWords.slice(paren + 1) : beforeWords;
    const bare = own.trim() === '' || LARGEST_BEFORE_RE.test(own);
    const openAt = paren >= 0 ? beforeStart + paren : beforeStart - 1;
    const opener = lower.charCodeAt(openAt);
    if (isPrimary === undefined && bare && (opener === 44 || opener === 40)) {
      // A bracket measures what its sentence named before it ("liver mets in segments II, VI and VIII (largest
      // 3.4 cm)"); a comma, the phrase just before it.
      const prev =
        opener === 40
          ? lower.slice(sentenceStartBefore(lower, openAt, 100), openAt)
          : previousSegment(lower, openAt);
      if (NOT_PRIMARY_NEAR_RE.test(prev) && !PRIMARY_NEAR_RE.test(prev)) continue;
    }
    // "all <1cm", "each 2 cm", "up to 3 cm": a bound or a size of several lesions, not the primary's measurement;
    // nor is the last of a list of sizes ("brain lesions (14, 8, 5 and 3 mm)").
    if (isPrimary === undefined && BOUND_BEFORE_SIZE_RE.test(beforeWords)) continue;
    if (isPrimary !== true && SIZE_LIST_BEFORE_RE.test(lower.slice(Math.max(0, start - 16), start))) continue;
    if (isPrimary !== true && SIZE_LIST_AFTER_RE.test(lower.slice(end, end + 16))) continue;
    // Only the last dimension carries the unit ("4.2 x 3.1 cm").
    const first = dimension(m[1] as string);
    const largest = m[2] === undefined ? first : Math.max(first, dimension(m[2]));
    const unit = m[3] === 'mm' ? 0.1 : 1;
    const cm = Math.round(largest * unit * 100) / 100;
    if (!(cm > 0 && cm <= 30)) continue;
    sink.add('primary.sizeCm', cm, start, end);
  }
}

// "haemoptysis last year, resolved", "previous haemoptysis (2023)": a symptom of the past is not an indication now.
const SYMPTOM_PAST_BEFORE_RE = /\b(?:previous|prior|past|history\s+of|hx\s+of|h\/o|resolved|former)\s+$/;
const SYMPTOM_PAST_AFTER_RE =
  /^[^.;\n]{0,24}?\b(?:resolved|settled|no\s+longer|last\s+year|in\s+(?:19|20)\d\d|previously|historical|now\s+(?:gone|absent|resolved))\b/;

function pastSymptom(lower: string, start: number, end: number): boolean {
  return (
    SYMPTOM_PAST_BEFORE_RE.test(lower.slice(Math.max(0, start - 14), start)) ||
    SYMPTOM_PAST_AFTER_RE.test(lower.slice(end, end + 40))
  );
}

// "SVC compression (no clinical SVCO)", "SVC compression, asymptomatic": a finding on imaging, not the syndrome.
const NO_SYNDROME_AFTER_RE =
  /^\s*(?:\(|,|-|;|but|with)?\s*(?:(?:no|without|w\/o|not)\s+(?:clinical\s+|overt\s+)?(?:svco|svcs|svc\s+(?:syndrome|obstruction)|signs?|symptoms?|syndrome|features)|asymptomatic|radiological(?:ly)?\s+only|on\s+imaging\s+only)\b/;

function compressionOnly(lower: string, found: string, end: number): boolean {
  return found.endsWith('compression') && NO_SYNDROME_AFTER_RE.test(lower.slice(end, end + 48));
}

function extractSymptoms(doc: Doc, sink: Sink): void {
  for (const { triggers, re, value } of SYMPTOM_RES) {
    const found = matchAll(doc, re, triggers);
    for (let k = 0; k < found.length; k++) {
      const m = found[k] as RegExpExecArray;
      const start = m.index;
      const end = start + m[0].length;
      if (sink.isConsumed(start, end)) continue;
      // "sob" in capitals or lower case; "doe" only as an abbreviation.
      if (m[0] === 'doe' && doc.text.slice(start, end) !== 'DOE') continue;
      if (value === 'svc-syndrome' && compressionOnly(doc.lower, m[0], end)) {
        sink.see(start, end);
        continue;
      }
      if (polarity(doc, start, end) === 'pos' && !pastSymptom(doc.lower, start, end))
        sink.add('symptoms', value, start, end);
      else sink.see(start, end);
    }
  }
  const found = matchAll(doc, ASYMPTOMATIC_RE, T.asymptomatic);
  for (let k = 0; k < found.length; k++) {
    const m = found[k] as RegExpExecArray;
    const start = m.index;
    const end = start + m[0].length;
    if (sink.isConsumed(start, end)) continue;
    // "asymptomatic brain mets" is a brain status, read elsewhere.
    const to = Math.min(doc.lower.length, end + 14);
    if (
      isRegexSpace(doc.lower.charCodeAt(end)) &&
      oneOf('bcilam', firstAfterSpace(doc.lower, end, to)) &&
      OTHER_ORGAN_AFTER_RE.test(doc.lower.slice(end, to))
    )
      continue;
    sink.add('symptoms', NONE, start, end);
  }
}

function extractLung(doc: Doc, sink: Sink): void {
  // "ILD-free": a negative written after the word.
  for (const m of matchAll(doc, ILD_FREE_RE, T.ild)) {
    sink.consume(m.index, m.index + m[0].length);
    sink.add('lung.ild', 'none', m.index, m.index + m[0].length);
  }
  // "ILD (fibrotic), not IPF": ruling out IPF is not ruling out ILD.
  const ild = matchAll(doc, ILD_RE, T.ild).filter((m) => !sink.isConsumed(m.index, m.index + m[0].length));
  let ildStated = false;
  for (const m of ild) if (polarity(doc, m.index, m.index + m[0].length) === 'pos') ildStated = true;
  emitAll(doc, sink, T.ipf, IPF_RE, 'lung.ild', 'ipf', ildStated ? undefined : 'none', true);
  emitAll(doc, sink, T.ild, ILD_RE, 'lung.ild', 'ild', 'none', true);
  emitAll(doc, sink, T.ildKind, ILD_KIND_RE, 'lung.ild', 'ild', undefined, true);

  const noPriorRt = matchAll(doc, NO_PRIOR_RT_RE, T.noPriorRt);
  for (let k = 0; k < noPriorRt.length; k++) {
    const m = noPriorRt[k] as RegExpExecArray;
    sink.consume(m.index, m.index + m[0].length);
    sink.add('lung.priorThoracicRt', false, m.index, m.index + m[0].length);
  }
  extractPriorRt(doc, sink);

  emitAll(doc, sink, T.poorLungFunction, POOR_FUNCTION_RE, 'lung.poorFunction', true);
  emitAll(doc, sink, T.goodLungFunction, GOOD_FUNCTION_RE, 'lung.poorFunction', false);
  const fev1s = matchAll(doc, FEV1_RE, T.fev1);
  for (let k = 0; k < fev1s.length; k++) {
    const m = fev1s[k] as RegExpExecArray;
    const pct = Number(m[2]);
    const limit = m[1] === 'fev1' ? 50 : 40;
    sink.add('lung.poorFunction', pct < limit, m.index, m.index + m[0].length);
  }
}

// "no recurrence at the treated RUL SBRT site", "no progression within the previous RT field": what is denied is an
// event at the irradiated site, whose RT stands.
const EVENT_AT_RT_BEFORE_RE =
  /\b(?:recurren\w*|relapse\w*|progress\w*|disease|failure|residual\w*|uptake|avidity|activity|tumou?r|pneumonitis|toxicit\w*|complications?)\s+(?:\w+\s+){0,2}?(?:at|in|within|of|after|following|since|from)\s+(?:the\s+)?(?:(?:previously|prior|previous|treated|irradiated|old)\s+){0,2}(?:[\w-]+\s+){0,2}$/;
const RISK_BEFORE_RE =
  /\b(?:risks?|rates?|incidence|chance|odds|likelihood|avoid\w*|prevent\w*|minimi[sz]\w*|predict\w*|developing|develop)\b[^.;,]{0,24}$/;

function extractPriorRt(doc: Doc, sink: Sink): void {
  const { lower } = doc;
  const priorRt = mayNameDose(lower)
    ? matchAll(doc, PRIOR_RT_RE, T.priorRt)
    : matchAll(doc, PRIOR_RT_WORDS_RE, T.priorRtWords);
  for (let k = 0; k < priorRt.length; k++) {
    const m = priorRt[k] as RegExpExecArray;
    const start = m.index;
    const end = start + m[0].length;
    // Only where the match starts: "radiotherapy for breast cancer" keeps its RT when "breast cancer" was read.
    if (sink.isConsumed(start, start + 1)) continue;
    // The words after, up to the next RT named ("RT to the primary now – … the prior RT to the femur?").
    const to = Math.min(lower.length, end + 36, nextRtAt(lower, end));
    const local = partHolding(lower, Math.max(0, start - 40), to, start, end, m[0], true) ?? m[0];
    if (DURVALUMAB_CONSOLIDATION_RE.test(m[0])) {
      if (
        !CONSOLIDATION_PLAN_RE.test(local) &&
        !QUESTION_AFTER_RE.test(lower.slice(end, end + 4)) &&
        !conditionalAt(doc, start) &&
        polarity(doc, start, end) === 'pos'
      )
        sink.add('lung.priorThoracicRt', true, start, end);
      else sink.see(start, end);
      continue;
    }
    // "consider thoracic RT" is the question, not history.
    if (
      !PAST_CUE_RE.test(local) &&
      !DATE_CUE_RE.test(local) &&
      !RESUMED_AFTER_RE.test(lower.slice(end, end + 48))
    )
      continue;
    // "risk of radiation fibrosis": a risk weighed, not a sequela seen.
    if (RISK_BEFORE_RE.test(lower.slice(Math.max(0, start - 32), start))) {
      sink.see(start, end);
      continue;
    }
    // "previously irradiated T10 met", "re-irradiation of the spine": another site was irradiated, not the chest.
    if (!THORAX_NAMED_RE.test(local) && OTHER_SITE_RE.test(local)) {
      sink.see(start, end);
      continue;
    }
    // "Previously treated with thoracic RT? Not known": asked, not stated.
    if (QUESTION_AFTER_RE.test(lower.slice(end, end + 4))) {
      sink.see(start, end);
      continue;
    }
    let pol = polarity(doc, start, end);
    // "no evidence of recurrence at the treated RUL SBRT site": the denial is of what happened at the RT's site.
    if (pol === 'neg' && EVENT_AT_RT_BEFORE_RE.test(lower.slice(Math.max(0, start - 48), start))) pol = 'pos';
    if (pol === 'pos') sink.add('lung.priorThoracicRt', true, start, end);
    else if (pol === 'neg') sink.add('lung.priorThoracicRt', false, start, end);
    else sink.see(start, end);
  }
}

function workUpStatus(lower: string, start: number, end: number): 'done' | 'not-done' {
  const before = lower.slice(Math.max(0, start - 30), start);
  const after = lower.slice(end, end + 40);
  if (NOT_DONE_BEFORE_RE.test(before) || NOT_DONE_AFTER_RE.test(after)) return 'not-done';
  return 'done';
}

function extractStaging(doc: Doc, sink: Sink): void {
  const { lower } = doc;
  const pets = matchAll(doc, PET_RE, T.petCt);
  for (let k = 0; k < pets.length; k++) {
    const m = pets[k] as RegExpExecArray;
    const start = m.index;
    const end = start + m[0].length;
    // "?PET": `/\?\s?$/` on the two characters before.
    const c1 = lower.charCodeAt(start - 1);
    if (c1 === 63 || (start >= 2 && isRegexSpace(c1) && lower.charCodeAt(start - 2) === 63)) continue;
    if (conditionalAt(doc, start)) continue;
    sink.add('staging.petCt', workUpStatus(lower, start, end), start, end);
  }
  const ctOnly = matchAll(doc, CT_ONLY_RE, T.ctOnly);
  for (let k = 0; k < ctOnly.length; k++) {
    const m = ctOnly[k] as RegExpExecArray;
    sink.add('staging.petCt', 'not-done', m.index, m.index + m[0].length);
  }
  const mris = matchAll(doc, MRI_RE, T.mri);
  for (let k = 0; k < mris.length; k++) {
    const m = mris[k] as RegExpExecArray;
    const start = m.index;
    const end = start + m[0].length;
    // An MRI is a brain MRI when the words around it say brain ("MRI brain", "no brain mets on MRI").
    const nearFrom = Math.max(0, start - 40);
    const nearTo = Math.min(lower.length, end + 24);
    const local =
      partHolding(lower, nearFrom, nearTo, start, end, m[0], false) ?? lower.slice(nearFrom, nearTo);
    // "PET/MRI done", "PET + MRI": the MRI of NSCLC staging beside the PET is the brain MRI.
    if (
      !BRAIN_WORD_RE.test(local) &&
      !(
        PET_JOINED_BEFORE_RE.test(lower.slice(Math.max(0, start - 14), start)) &&
        !OTHER_PART_AFTER_RE.test(lower.slice(end, end + 20))
      )
    )
      continue;
    if (m[0] === 'mr' && !BRAIN_OR_HEAD_RE.test(lower.slice(Math.max(0, start - 8), end + 8))) continue;
    const status = workUpStatus(lower, start, end);
    if (status === 'done' && !m[0].startsWith('m')) continue;
    sink.add('staging.brainMri', status, start, end);
  }
}

export function extractChest(doc: Doc, sink: Sink): void {
  extractPrimary(doc, sink);
  extractSymptoms(doc, sink);
  extractLung(doc, sink);
  extractStaging(doc, sink);
}
