// One table per phrasing class of issue 14 (partial panels, progression told as a story, non-lung primaries,
// "met +", prior thoracic RT with a historical stage, location and size words, nodal stage, Slack's escaping,
// ECOG/KPS disagreeing, hedges, negation across commas, typos and spelling). Texts go through readText, the only
// way a front end reaches the parser, so Slack markup is decoded before the guard and the parser.
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/consult/read-text.js';
import { route } from '../../src/consult/route.js';
import { loadIntentsSync } from '../../src/intents/load-intents.js';
import { checkReading, type ReadingRow } from './reading-table.js';

const CLASSES: Record<string, ReadingRow[]> = {
  'partial driver panels': [
    { text: 'EGFR/ALK/ROS1 negative', facts: { negativeFor: ['EGFR', 'ALK', 'ROS1'] }, absent: ['driver'] },
    { text: 'EGFR wt, ALK neg', facts: { negativeFor: ['EGFR', 'ALK'] }, absent: ['driver'] },
    {
      text: 'EGFR, ALK and ROS1 not detected',
      facts: { negativeFor: ['EGFR', 'ALK', 'ROS1'] },
      absent: ['driver'],
    },
    { text: 'EGFR mutation negative', facts: { negativeFor: ['EGFR'] }, absent: ['driver'] },
    { text: 'MET negative, RET negative', facts: { negativeFor: ['MET', 'RET'] }, absent: ['driver'] },
    {
      text: 'EGFR, ALK, ROS1, BRAF all negative',
      facts: { negativeFor: ['EGFR', 'ALK', 'ROS1', 'BRAF'] },
      absent: ['driver'],
    },
    { text: 'pan-negative', facts: { driver: 'none' }, absent: ['negativeFor'] },
    {
      text: 'no EGFR, ALK, or ROS1 alterations',
      facts: { negativeFor: ['EGFR', 'ALK', 'ROS1'] },
      absent: ['driver'],
    },
    { text: 'negative EGFR/ALK', facts: { negativeFor: ['EGFR', 'ALK'] }, absent: ['driver'] },
    {
      text: 'EGFR mut negative, ALK rearrangement not detected',
      facts: { negativeFor: ['EGFR', 'ALK'] },
      absent: ['driver'],
    },
    { text: 'ALK rearrangement positive', facts: { driver: 'ALK' } },
    { text: 'EGFR (-), ALK (-)', facts: { negativeFor: ['EGFR', 'ALK'] }, absent: ['driver'] },
    // A test named without its result is not a positive gene.
    { text: 'EGFR status', absent: ['driver', 'negativeFor'] },
    { text: 'EGFR report attached', absent: ['driver'] },
    { text: 'sent for EGFR', absent: ['driver'] },
    { text: 'EGFR status: ex19del', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'adeno, EGFR, 2 bone mets', facts: { driver: 'EGFR' } },
  ],
  'progression told as a story': [
    {
      text: '2 bone mets at diagnosis, now widespread progression in liver, lung and bone on pembrolizumab',
      facts: { 'progression.pattern': 'polyprogression', 'therapy.response': 'PD', 'progression.sites': 3 },
    },
    {
      text: 'new progression in 2 sites (1 liver, 1 adrenal), primary stable',
      facts: {
        'progression.pattern': 'oligoprogression',
        'progression.sites': 2,
        'progression.primaryProgressing': false,
      },
    },
    { text: 'progressing in liver and bone', facts: { 'therapy.response': 'PD', 'progression.sites': 2 } },
    // A comma list of sites after the progression words is one list: each site progresses.
    { text: 'progression in liver, lung and bone', facts: { 'progression.sites': 3 } },
    { text: 'progression in liver, adrenal &amp; bone, primary stable', facts: { 'progression.sites': 3 } },
    { text: 'widespread PD on chemo', facts: { 'progression.pattern': 'polyprogression' } },
    { text: 'progressing at multiple sites', facts: { 'progression.pattern': 'polyprogression' } },
    {
      text: 'after initial PR, now PD in liver (multiple new lesions)',
      facts: { 'therapy.response': 'PD', 'progression.pattern': 'polyprogression' },
    },
    {
      text: 'on alectinib 14 months, now growth of the primary only; rest of disease quiescent',
      facts: { 'progression.pattern': 'oligoprogression', 'progression.primaryProgressing': true },
    },
    {
      text: 'limited progression on osimertinib, rest controlled',
      facts: { 'progression.pattern': 'oligoprogression' },
    },
    // The negated event is not a negated drug: the patient is on osimertinib.
    {
      text: 'no progression on osimertinib',
      facts: { 'therapy.agent': 'osimertinib', 'progression.pattern': 'none' },
    },
    {
      text: 'no new lesions after 6 months of alectinib',
      facts: { 'therapy.agent': 'alectinib', 'therapy.months': 6, 'progression.pattern': 'none' },
    },
    {
      text: 'without significant toxicity during pembrolizumab',
      facts: { 'therapy.agent': 'pembrolizumab' },
    },
    { text: 'no prior osimertinib', absent: ['therapy.agent'] },
    { text: 'not on osimertinib', absent: ['therapy.agent'] },
    // A response code with sites: the sites progress (claimed before the metastasis facts are read).
    {
      text: 'PD in liver and bone',
      facts: { 'therapy.response': 'PD', 'progression.sites': 2, 'metastases.sites': ['bone', 'liver'] },
    },
    { text: 'PD in liver only', facts: { 'progression.sites': 1 } },
    {
      text: 'iUPD in the adrenal and liver on pembrolizumab',
      facts: { 'progression.sites': 2, 'therapy.response': 'PD' },
    },
    { text: 'PD-L1 80%, liver and bone', absent: ['progression.sites', 'metastases.sites'] },
    { text: 'after initial PD in liver, now PR', absent: ['progression.sites'] },
    {
      text: 'progression at the primary site only on pembrolizumab maintenance',
      facts: { 'progression.primaryProgressing': true, 'progression.pattern': 'oligoprogression' },
    },
    {
      text: 'restaging: SD in the chest, PD in the liver (2 new lesions)',
      facts: { 'progression.primaryProgressing': false, 'therapy.response': 'PD' },
    },
    { text: 'primary site: colon, progression in the liver', absent: ['progression.primaryProgressing'] },
    { text: 'PD at multiple sites after 3 cycles', facts: { 'progression.pattern': 'polyprogression' } },
    { text: 'progression in more than 5 sites', facts: { 'progression.pattern': 'polyprogression' } },
    {
      text: 'progressing in 2 of 5 lesions, rest stable',
      facts: { 'progression.sites': 2, 'progression.pattern': 'oligoprogression' },
    },
    { text: 'progression in up to 3 sites, rest stable', absent: ['metastases.burden'] },
    {
      text: 'limited progression (2 lesions) on osimertinib, rest controlled',
      facts: { 'progression.sites': 2, 'progression.pattern': 'oligoprogression' },
    },
    {
      text: 'no radiological progression since starting alectinib 10 months ago',
      facts: { 'therapy.agent': 'alectinib', 'progression.pattern': 'none' },
    },
    {
      text: 'new liver and adrenal lesions on osimertinib, primary responding',
      facts: { 'therapy.response': 'PD', 'progression.primaryProgressing': false, 'progression.sites': 2 },
    },
  ],
  'non-lung primaries': [
    { text: 'colon cancer primary, KRAS G12D, 2 lung mets', facts: { primarySite: 'non-lung' } },
    { text: 'urothelial carcinoma, lung mets', facts: { primarySite: 'non-lung' } },
    { text: 'pulmonary metastases from a head and neck SCC', facts: { primarySite: 'non-lung' } },
    { text: 'lung adenocarcinoma, previous breast cancer 2010', facts: { primarySite: 'lung' } },
    { text: 'history of prostate cancer, now NSCLC', facts: { primarySite: 'lung' } },
    {
      text: 'squamous cell carcinoma of the lung, history of head and neck SCC 2019',
      facts: { primarySite: 'lung', histology: 'squamous' },
    },
    { text: 'uterine leiomyosarcoma, 3 lung mets', facts: { primarySite: 'non-lung' } },
    { text: 'osteosarcoma lung mets', facts: { primarySite: 'non-lung' } },
    { text: 'pulmonary carcinosarcoma, 2 bone mets', absent: ['primarySite'] },
  ],
  '"met +" is two metastases': [
    { text: '1 bone met + 1 liver met, EGFR L858R', facts: { driver: 'EGFR', 'metastases.count': 2 } },
    { text: '1 bone met + 1 liver met', facts: { 'metastases.count': 2 }, absent: ['driver'] },
    { text: '5 lesions in 3 organs', facts: { 'metastases.count': 5, 'metastases.organs': 3 } },
    // "x2" after a singular "met" counts it: two liver metastases, not one.
    { text: 'liver met x2 + adrenal met x1', facts: { 'metastases.count': 3 }, absent: ['driver'] },
    // A count before "in the <site>" is that site's: the stated total yields to the per-site sum.
    {
      text: 'two metastases in the liver and one in the adrenal',
      facts: { 'metastases.count': 3, 'metastases.sites': ['liver', 'adrenal'] },
    },
    { text: '3 lesions in the liver', facts: { 'metastases.count': 3 } },
    { text: '2 mets in the liver and adrenal', facts: { 'metastases.count': 2 } },
    { text: 'oligometastatic disease (3 lesions)', facts: { 'metastases.count': 3 } },
    // A bound is not a count: "more than 5" is polymetastatic, never the oligometastatic count 5.
    {
      text: 'more than 5 bone mets',
      facts: { 'metastases.burden': 'poly', 'metastases.sites': ['bone'] },
      absent: ['metastases.count'],
    },
    { text: '>5 mets', facts: { 'metastases.burden': 'poly' }, absent: ['metastases.count'] },
    { text: '5+ bone mets', absent: ['metastases.count', 'metastases.burden'] },
    { text: 'at least 4 liver mets', absent: ['metastases.count'] },
    { text: 'fewer than 6 mets', facts: { 'metastases.burden': 'oligo' }, absent: ['metastases.count'] },
    { text: '6 or more bone mets', facts: { 'metastases.burden': 'poly' }, absent: ['metastases.count'] },
    { text: '1 bone met +1 liver met', facts: { 'metastases.count': 2 } },
    { text: 'oligometastases (3)', facts: { 'metastases.count': 3, 'metastases.burden': 'oligo' } },
    { text: 'oligometastatic (2 bone, 1 adrenal)', facts: { 'metastases.count': 3 } },
    { text: 'poly-metastatic disease', facts: { 'metastases.burden': 'poly' } },
    { text: 'MET+', facts: { driver: 'MET' } },
  ],
  'prior thoracic RT and a historical stage': [
    {
      text: 'previous stage III disease treated with chemoradiation 2020, now 2 liver mets',
      facts: { 'lung.priorThoracicRt': true, 'metastases.count': 2 },
      absent: ['stage.group'],
    },
    { text: 's/p concurrent chemoRT', facts: { 'lung.priorThoracicRt': true } },
    { text: 'PORT', facts: { 'lung.priorThoracicRt': true } },
    { text: 'SBRT to the RUL 2022', facts: { 'lung.priorThoracicRt': true } },
    { text: 'prior SABR to a LUL nodule in 2018', facts: { 'lung.priorThoracicRt': true } },
    { text: 'received post-operative radiotherapy', facts: { 'lung.priorThoracicRt': true } },
    { text: 'PACIFIC regimen 2020', facts: { 'lung.priorThoracicRt': true } },
    {
      text: 'stage IIIA treated with chemoradiation, now metastatic',
      facts: { 'lung.priorThoracicRt': true },
    },
    { text: 'palliative RT to the spine 2023', absent: ['lung.priorThoracicRt'] },
    { text: 'received 60 Gy/30 fx to the chest in 2021', facts: { 'lung.priorThoracicRt': true } },
    { text: 'SBRT to the left upper lobe in 2022', facts: { 'lung.priorThoracicRt': true } },
    { text: 'SABR RUL 2020 for a T1 primary', facts: { 'lung.priorThoracicRt': true } },
    {
      text: 'durvalumab consolidation after concurrent chemoradiotherapy',
      facts: { 'lung.priorThoracicRt': true },
    },
    { text: 'consider SBRT to the left upper lobe', absent: ['lung.priorThoracicRt'] },
    { text: 'evidence from the PORT trial?', absent: ['lung.priorThoracicRt'] },
    { text: 'would you give 60 Gy to the chest after 4 cycles?', absent: ['lung.priorThoracicRt'] },
  ],
  'location and size words': [
    { text: 'hilar mass abutting the left main bronchus', facts: { 'primary.location': 'ultracentral' } },
    { text: 'paratracheal mass', facts: { 'primary.location': 'central' } },
    { text: 'tumour invading the carina', facts: { 'primary.location': 'ultracentral' } },
    { text: 'tumour in the right main bronchus', facts: { 'primary.location': 'ultracentral' } },
    { text: 'mass obstructing the left main bronchus', facts: { 'primary.location': 'ultracentral' } },
    { text: 'endobronchial component', facts: { 'primary.endobronchial': true } },
    { text: 'primary 42 mm', facts: { 'primary.sizeCm': 4.2 } },
    { text: 'lesion 1 cm from the left main bronchus', absent: ['primary.sizeCm'] },
    // A decimal comma is a decimal: 4.2 cm, not 2 cm (nor a count of 4 metastases).
    { text: '4,2 cm RUL mass', facts: { 'primary.sizeCm': 4.2 } },
    { text: '6,5 x 4,1 cm central mass', facts: { 'primary.sizeCm': 6.5, 'primary.location': 'central' } },
    { text: '4,2 cm adrenal met', facts: { 'metastases.count': 1 } },
    { text: 'tumor centered on the left main bronchus', facts: { 'primary.location': 'ultracentral' } },
    { text: '4.2 x 3.1 cm RUL mass', facts: { 'primary.sizeCm': 4.2, 'primary.lobe': 'RUL' } },
  ],
  'nodal stage from TNM and words': [
    { text: 'cT2bN2M1c', facts: { 'stage.n': 'N2' } },
    { text: 'subcarinal node', facts: { 'stage.n': 'N2' } },
    { text: 'node-negative', facts: { 'stage.n': 'N0' } },
    { text: 'supraclavicular nodes', facts: { 'stage.n': 'N3' } },
    { text: 'ipsilateral hilar node', facts: { 'stage.n': 'N1' } },
    { text: 'hilar and subcarinal nodes', facts: { 'stage.n': 'N2' } },
    { text: 'station 4R positive on EBUS', facts: { 'stage.n': 'N2' } },
    { text: 'no mediastinal nodes, hilar node positive', facts: { 'stage.n': 'N1' } },
    { text: 'hilar mass', absent: ['stage.n'] },
    { text: 'no hilar or mediastinal nodes', facts: { 'stage.n': 'N0' } },
    { text: 'enlarged but PET-negative mediastinal nodes', absent: ['stage.n'] },
    { text: 'reactive mediastinal nodes, FDG-avid hilar node', facts: { 'stage.n': 'N1' } },
    { text: 'mediastinal LN negative on EBUS', absent: ['stage.n'] },
    { text: 'subcarinal node, benign', absent: ['stage.n'] },
    { text: 'paratracheal lymph nodes', facts: { 'stage.n': 'N2' }, absent: ['primary.location'] },
    { text: 'N1, subcarinal node', conflicts: ['stage.n'], absent: ['stage.n'] },
  ],
  "Slack's escaping": [
    {
      text: '2 bone mets &amp; 1 adrenal',
      facts: { 'metastases.count': 3, 'metastases.sites': ['bone', 'adrenal'] },
    },
    { text: '<@U123> EGFR L858R, 1 liver met', facts: { driver: 'EGFR', 'metastases.count': 1 } },
    { text: 'see <https://example.org/x|the scan>: ALK+', facts: { driver: 'ALK' } },
    { text: 'ROS1 fusion, mail <mailto:a@b.org|a@b.org>', facts: { driver: 'ROS1' } },
    { text: '<https://x.org/a|EGFR report> ECOG 1', facts: { ecog: 1 }, absent: ['driver'] },
    { text: 'ECOG &lt;2, 3 bone mets', facts: { 'metastases.count': 3 }, absent: ['ecog'] },
  ],
  'ECOG and KPS disagreeing': [
    { text: 'ECOG 1, KPS 70', facts: { ecog: 1, karnofsky: 70 } },
    // decision-spec §2: the stated ECOG is used (the engine flags ps-conflict) and the question is asked.
    { text: 'ECOG 1, KPS 50', conflicts: ['ecog'], facts: { ecog: 1, karnofsky: 50 } },
    { text: 'ECOG 0 and Karnofsky 60', conflicts: ['ecog'], facts: { ecog: 0, karnofsky: 60 } },
    { text: 'KPS 80, ECOG 3', conflicts: ['ecog'], facts: { ecog: 3, karnofsky: 80 } },
    // A past performance status is not today's.
    { text: 'previously ECOG 0, now 1', facts: { ecog: 1 } },
    { text: 'ECOG 0 at diagnosis, now ECOG 2', facts: { ecog: 2 } },
    { text: 'ECOG 2 vs ECOG 1', conflicts: ['ecog'], absent: ['ecog'] },
  ],
  hedges: [
    { text: '?adrenal met', absent: ['metastases.sites'] },
    { text: 'possible liver met, 2 bone mets', facts: { 'metastases.sites': ['bone'] } },
    { text: 'cannot exclude a liver metastasis', absent: ['metastases.sites'] },
    { text: 'rule out brain mets', absent: ['metastases.sites'] },
    { text: 'suspicious for adrenal metastasis', absent: ['metastases.sites'] },
    { text: 'UIP pattern on CT? awaiting respiratory review', absent: ['lung.ild'] },
    { text: 'adrenal lesion on PET? biopsy planned', absent: ['metastases.sites'] },
    { text: 'equivocal bone lesion, 1 liver met', facts: { 'metastases.sites': ['liver'] } },
    { text: 'ILD on CT?', absent: ['lung.ild'] },
    { text: 'adrenal lesion, indeterminate', absent: ['metastases.sites'] },
    { text: 'liver lesion, ?cyst ?met', absent: ['metastases.sites'] },
    { text: 'sclerotic rib lesion of uncertain significance', absent: ['metastases.sites'] },
    { text: 'bone mets, possibly also liver', facts: { 'metastases.sites': ['bone'] } },
    { text: '2 liver mets, cirrhosis', facts: { 'metastases.sites': ['liver'], 'metastases.count': 2 } },
    { text: 'L3 lesion, equivocal on PET', absent: ['metastases.sites'] },
    { text: 'the liver lesion may represent a metastasis', absent: ['metastases.sites'] },
    { text: 'adrenal nodule: met vs adenoma', absent: ['metastases.sites'] },
    { text: 'DDx adrenal met', absent: ['metastases.sites'] },
    { text: 'adrenal met: confirmed', facts: { 'metastases.sites': ['adrenal'] } },
    { text: 'bone lesion, not typical for metastasis', absent: ['metastases.sites'] },
    // A condition is not a finding.
    { text: 'What dose for the primary if the adrenal met is confirmed?', absent: ['metastases.sites'] },
    { text: 'RT to the primary if PR at 3 months?', absent: ['therapy.response'] },
    // The question mark of a question to the board closes it; it does not hedge the facts it asks about.
    {
      text: 'Would you treat the primary in EGFR ex19del with 3 bone mets?',
      facts: { 'metastases.count': 3, 'metastases.sites': ['bone'] },
    },
    { text: 'is SBRT safe with ILD?', facts: { 'lung.ild': 'ild' } },
    { text: 'Is SBRT safe? 2 bone mets, EGFR+', facts: { 'metastases.count': 2 } },
    { text: 'RT to primary for 2 bone mets?', facts: { 'metastases.count': 2 } },
    { text: 'Is SBRT safe? ?adrenal met', absent: ['metastases.sites'] },
  ],
  'negation across commas': [
    {
      text: 'no ILD, brain mets or effusion',
      facts: { 'lung.ild': 'none' },
      absent: ['metastases.sites', 'serosalDisease'],
    },
    { text: 'denies haemoptysis, chest pain or dyspnoea', absent: ['symptoms'] },
    { text: 'no ILD, haemoptysis', facts: { symptoms: ['hemoptysis'] } },
    { text: 'no ILD, 2 liver mets', facts: { 'metastases.count': 2 } },
    { text: 'liver mets: none', absent: ['metastases.sites'] },
    { text: 'negative for brain mets, 2 liver mets', facts: { 'metastases.sites': ['liver'] } },
    { text: 'negative brain MRI, 1 adrenal met', facts: { brain: 'none', 'metastases.sites': ['adrenal'] } },
    { text: 'brain met, asymptomatic, for SRS', facts: { brain: 'untreated-asymptomatic' } },
    { text: 'no systemic therapy yet', facts: { 'therapy.status': 'naive' } },
    { text: 'no longer on osimertinib', facts: { 'therapy.status': 'off-treatment' } },
    {
      text: 'off pembrolizumab since June',
      facts: { 'therapy.status': 'off-treatment', 'therapy.agent': 'pembrolizumab' },
    },
    { text: 'no mets other than 2 in bone', facts: { 'metastases.sites': ['bone'], 'metastases.count': 2 } },
    { text: 'no distant mets apart from 2 bone lesions', facts: { 'metastases.sites': ['bone'] } },
    { text: 'no other mets than the primary', absent: ['metastases.sites'] },
  ],
  'typos and spelling': [
    { text: 'adenocarinoma', facts: { histology: 'adenocarcinoma' } },
    { text: 'squamos cell carcinoma', facts: { histology: 'squamous' } },
    { text: 'sqaumous NSCLC', facts: { histology: 'squamous' } },
    { text: 'Karnofksy 80', facts: { karnofsky: 80 } },
    { text: 'ECGO 1', facts: { ecog: 1 } },
    { text: 'ECOG-1', facts: { ecog: 1 } },
    { text: 'haemoptysis', facts: { symptoms: ['hemoptysis'] } },
    { text: 'hemoptysis', facts: { symptoms: ['hemoptysis'] } },
    { text: 'tumour 3 cm peripheral', facts: { 'primary.sizeCm': 3 } },
    { text: 'tumor 3 cm peripheral', facts: { 'primary.sizeCm': 3 } },
    { text: 'oesophageal cancer, lung mets', facts: { primarySite: 'non-lung' } },
    { text: 'esophageal cancer, lung mets', facts: { primarySite: 'non-lung' } },
  ],
  'counts after a colon or dash, lists after a semicolon': [
    { text: 'liver mets: 3', facts: { 'metastases.count': 3, 'metastases.sites': ['liver'] } },
    { text: 'bone mets - 2', facts: { 'metastases.count': 2, 'metastases.sites': ['bone'] } },
    { text: 'liver mets: three', facts: { 'metastases.count': 3 } },
    { text: 'mets (liver) x 2', facts: { 'metastases.count': 2, 'metastases.sites': ['liver'] } },
    { text: 'adrenal metastasis ×1', facts: { 'metastases.count': 1, 'metastases.sites': ['adrenal'] } },
    { text: 'bone: 2, liver: 1', facts: { 'metastases.count': 3, 'metastases.sites': ['bone', 'liver'] } },
    { text: 'liver: 2 cm cyst', absent: ['metastases.count', 'metastases.sites'] },
    {
      text: 'no bone, no liver mets; 1 adrenal',
      facts: { 'metastases.count': 1, 'metastases.sites': ['adrenal'] },
    },
    { text: 'brain mets; 1 lung nodule', facts: { 'metastases.sites': ['brain'] } },
  ],
  'past consolidation immunotherapy': [
    {
      text: 'post PACIFIC (1 yr durvalumab)',
      facts: { 'therapy.status': 'off-treatment', 'lung.priorThoracicRt': true },
      absent: ['therapy.months'],
    },
    { text: 'completed durvalumab 2023', facts: { 'therapy.status': 'off-treatment' } },
    { text: 'durvalumab finished', facts: { 'therapy.status': 'off-treatment' } },
    {
      text: 'post PACIFIC, now on osimertinib',
      facts: {
        'therapy.status': 'on-treatment',
        'therapy.regimen': 'egfr-tki',
        'lung.priorThoracicRt': true,
      },
    },
    { text: 'on durvalumab since 2023', facts: { 'therapy.status': 'on-treatment' } },
    {
      text: 'completed 4 cycles carbo/pem/pembro, SD',
      facts: { 'therapy.status': 'on-treatment', 'therapy.cycles': 4 },
    },
    { text: 'complete response to pembrolizumab', facts: { 'therapy.status': 'on-treatment' } },
    { text: 'PACIFIC trial data suggest pneumonitis risk', absent: ['lung.priorThoracicRt'] },
  ],
  'board notes: distractors and shorthand': [
    {
      text: 'LUAD cT4N3M1c, EGFR ex19, 3 bone + 1 adr',
      facts: { 'metastases.count': 4, 'metastases.sites': ['bone', 'adrenal'], 'stage.n': 'N3' },
    },
    {
      text: 'pan-negative adeno, 1 brain met (treated SRS), 1 adrenal, ECOG 1',
      facts: { 'metastases.count': 2, 'metastases.sites': ['adrenal', 'brain'] },
    },
    {
      text: 'EGFR L858R | osimertinib 8/12 | PR | oligo (3 bone) | ECOG 1',
      facts: { 'metastases.count': 3 },
    },
    {
      text: 'mother had breast cancer; sister on tamoxifen; EGFR ex19del, 2 bone mets',
      absent: ['primarySite'],
    },
    {
      text: 'father had lung cancer, mother breast cancer; pt: SCC lung, 1 adrenal met',
      facts: { primarySite: 'lung', 'metastases.sites': ['adrenal'], 'metastases.count': 1 },
    },
    {
      text: 'Dx: LUAD\nStage: IVB\nDriver: none\nTx: pembrolizumab, 6 cycles, PR',
      facts: { 'stage.group': 'IVB', driver: 'none', 'therapy.cycles': 6 },
      absent: ['stage.t'],
    },
    {
      text: 'Bone: 2, liver: 1, brain: none',
      facts: { 'metastases.count': 3, 'metastases.sites': ['bone', 'liver'] },
    },
    {
      text: 'MRI brain: solitary 8 mm enhancing lesion, L frontal, consistent with metastasis',
      facts: { 'metastases.sites': ['brain'] },
      absent: ['primary.sizeCm'],
    },
    { text: 'six months of osimertinib, ongoing partial response', facts: { 'therapy.months': 6 } },
    { text: 'never smoker; no chemotherapy so far; EGFR ex19del', facts: { 'therapy.status': 'naive' } },
    { text: 'not on any treatment currently, 2 liver mets', facts: { 'therapy.status': 'off-treatment' } },
    {
      text: 'progression at the primary and one adrenal, everything else controlled on osimertinib',
      facts: { 'progression.pattern': 'oligoprogression', 'progression.primaryProgressing': true },
    },
    {
      text: 'radiotherapy for breast cancer 2010 (left chest wall), now lung adenocarcinoma with 1 liver met',
      facts: { 'lung.priorThoracicRt': true, primarySite: 'lung' },
    },
    { text: 'started on apixaban for PE, EGFR wt, 2 bone mets', absent: ['therapy.agent', 'therapy.status'] },
    { text: 'prior SBRT 54 Gy/3 2022 to RUL, now 2 liver mets', facts: { 'metastases.count': 2 } },
    { text: 'T8 and L2 vertebral mets, cT2N1', facts: { 'metastases.count': 2, 'stage.t': 'T2' } },
    { text: 'cT2a, bone mets at T8 and L2', facts: { 'metastases.count': 2, 'stage.t': 'T2a' } },
    { text: 'T4 and L2 vertebral mets', facts: { 'metastases.count': 2 }, absent: ['stage.t'] },
  ],
  'a spinal level is not a T category, and a T category is not a vertebra': [
    { text: '3 bone mets (T4, L1, sacrum)', facts: { 'metastases.count': 3 }, absent: ['stage.t'] },
    {
      text: 'lytic lesions in T4, L1 and the left iliac bone',
      facts: { 'metastases.sites': ['bone'] },
      absent: ['stage.t'],
    },
    { text: 'T2 and T4 bone mets', facts: { 'metastases.sites': ['bone'] }, absent: ['stage.t'] },
    { text: 'osseous disease at T1 and T2', facts: { 'metastases.sites': ['bone'] }, absent: ['stage.t'] },
    { text: '2 bone mets, T4 primary tumour', facts: { 'stage.t': 'T4', 'metastases.count': 2 } },
    { text: 'bone mets; T4 tumour of the RUL', facts: { 'stage.t': 'T4' } },
    {
      text: 'T4 lesion in the RUL',
      facts: { 'stage.t': 'T4' },
      absent: ['metastases.sites', 'metastases.count'],
    },
    { text: 'primary T2 lesion RUL', facts: { 'stage.t': 'T2' }, absent: ['metastases.sites'] },
    { text: 'L3 lesion', facts: { 'metastases.sites': ['bone'], 'metastases.count': 1 } },
    { text: 'T8 lesion and a liver met', facts: { 'metastases.count': 2 }, absent: ['stage.t'] },
  ],
  'EGFR amplification is not the EGFR driver': [
    {
      text: 'EGFR amplification, no sensitising mutation',
      facts: { negativeFor: ['EGFR'] },
      absent: ['driver'],
    },
    { text: 'EGFR amplified, ALK neg', facts: { negativeFor: ['ALK'] }, absent: ['driver'] },
    { text: 'EGFR ex19del with EGFR amplification', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'MET amplification', facts: { driver: 'MET' } },
  ],
  'the fractions of a dose are not lesions': [
    { text: 'SBRT 30Gy/3 to R adrenal, 2 bone mets', facts: { 'metastases.count': 3 } },
    { text: 'SBRT 35Gy/5 to L2 met 01/2025; 1 liver met', facts: { 'metastases.count': 2 } },
    { text: 'SBRT 54/3 to 1 adrenal met', facts: { 'metastases.count': 1 } },
  ],
  'a metastasis ruled out after it is named': [
    { text: 'liver mets ruled out on MRI', absent: ['metastases.sites'] },
    { text: 'adrenal met ruled out by biopsy; 1 liver met', facts: { 'metastases.sites': ['liver'] } },
  ],
  'ranges, near-complete responses, paused drugs and dosing intervals': [
    { text: 'WHO 2-3', absent: ['ecog'] },
    { text: 'PD-L1 TPS 30-40%', absent: ['pdl1'] },
    { text: 'osimertinib 6 months, near CR in the primary', facts: { 'therapy.response': 'PR' } },
    { text: 'TKI on hold since SBRT', facts: { 'therapy.status': 'off-treatment' } },
    { text: 'chemo holiday since Aug', facts: { 'therapy.status': 'off-treatment' } },
    { text: 'pembro q6w, 9 months', facts: { 'therapy.months': 9 }, absent: ['therapy.weeks'] },
    { text: 'osimertinib, 8 months, PR', facts: { 'therapy.months': 8, 'therapy.response': 'PR' } },
    { text: 'EGFR ex19del, 2 bone mets, 8 months', absent: ['therapy.months'] },
  ],
  'distance to the airway, nodes named hilar, bounds on sizes, NGS results and effusion cytology': [
    { text: '1.5 cm from the proximal bronchial tree', facts: { 'primary.location': 'central' } },
    { text: '2.5 cm from the carina', absent: ['primary.location'] },
    { text: 'mass encasing RPA & bronchus intermedius', facts: { 'primary.location': 'ultracentral' } },
    { text: 'N3 (contralat hilar)', absent: ['primary.location'] },
    { text: 'brain: 3 mets, all <1cm', absent: ['primary.sizeCm'] },
    { text: 'NGS unremarkable', facts: { driver: 'none' } },
    { text: 'no pathogenic variants of EGFR', facts: { negativeFor: ['EGFR'] }, absent: ['driver'] },
    { text: 'egfr wt alk neg ros neg', facts: { negativeFor: ['EGFR', 'ALK', 'ROS1'] } },
    { text: 'no CT/MRI brain done yet', facts: { 'staging.brainMri': 'not-done' } },
    { text: 'cytology-positive pleural effusion', facts: { serosalDisease: ['pleural-effusion'] } },
  ],
  'an organ named once beside counted ones, and the lung of the primary': [
    { text: 'mets: 3 bone + adrenal', facts: { 'metastases.count': 4, 'metastases.organs': 2 } },
    { text: 'mets: 2 liver, adrenal', facts: { 'metastases.count': 3 } },
    { text: '3 bone mets + adrenal mets', facts: { 'metastases.organs': 2 }, absent: ['metastases.count'] },
    { text: '2 mets in the liver and adrenal', facts: { 'metastases.count': 2 } },
    { text: 'mets to bone, liver and R adrenal', absent: ['metastases.count'] },
    {
      text: '2 bone mets at diagnosis, now widespread progression in liver, lung and bone on pembrolizumab',
      absent: ['metastases.count'],
    },
    {
      text: 'adenocarcinoma of the lung with 2 liver mets',
      facts: { 'metastases.organs': 1, 'metastases.count': 2 },
    },
  ],
  'a spinal level in a list of sites, and a response that stopped': [
    { text: 'mets to L adrenal and T10, nothing else', facts: { 'metastases.organs': 2 } },
    {
      text: 'oligometastatic (2 lesions: R adrenal + T11)',
      facts: { 'metastases.count': 2, 'metastases.organs': 2 },
    },
    { text: 'mets: adrenal, T4', absent: ['metastases.count'] },
    {
      text: 'no longer responding to pembrolizumab: new 2 cm liver met',
      facts: { 'therapy.response': 'PD', 'metastases.sites': ['liver'] },
    },
  ],
  'treatment-naive in a few words': [
    { text: '71 y/o, NSCLC-NOS, ECOG 2, 4 liver mets, untreated', facts: { 'therapy.status': 'naive' } },
    { text: 'awaiting 1st line systemic tx', facts: { 'therapy.status': 'naive' } },
    { text: 'systemic tx: nil', facts: { 'therapy.status': 'naive' } },
    { text: '1 untreated brain met', absent: ['therapy.status'] },
    { text: 'radiation therapy: none', absent: ['therapy.status'] },
  ],
  'prior chest RT stated as none or with a year, non-lung primaries, blood in the sputum': [
    { text: 'thoracic RT: none', facts: { 'lung.priorThoracicRt': false } },
    { text: 'had SABR 2019 to contralateral lung primary', facts: { 'lung.priorThoracicRt': true } },
    { text: 'thymic carcinoma, pleural mets', facts: { primarySite: 'non-lung' } },
    { text: 'pleural mesothelioma with 2 liver mets', facts: { primarySite: 'non-lung' } },
    { text: 'blood-streaked sputum', facts: { symptoms: ['hemoptysis'] } },
  ],
  'the brain stable after local treatment is not a systemic response': [
    {
      text: "brain: 1 met, SRS'd 2024, stable on last MRI",
      facts: { brain: 'treated-stable' },
      absent: ['therapy.response'],
    },
    {
      text: '1 brain met s/p SRS, stable on MRI; osimertinib 8 months, SD',
      facts: { 'therapy.response': 'SD' },
    },
  ],
  'unknown and symbol-negative genes, transformed histology, progression labelled none, treatment now stopped':
    [
      { text: 'EGFR mutation status unknown (insufficient tissue)', absent: ['driver'] },
      { text: 'EGFR ❌ ALK ❌', facts: { negativeFor: ['EGFR', 'ALK'] }, absent: ['driver'] },
      { text: 'wild-type for all tested genes (EGFR, ALK, ROS1, KRAS, BRAF)', facts: { driver: 'none' } },
      { text: 'driver panel negative', facts: { driver: 'none' } },
      {
        text: 'EGFR-mutant adeno with histological transformation to small cell',
        facts: { histology: 'sclc' },
      },
      { text: 'Combined SCLC/adeno', facts: { histology: 'sclc' } },
      {
        text: 'Progression of disease: no',
        facts: { 'progression.pattern': 'none' },
        absent: ['therapy.response'],
      },
      {
        text: '6 cycles of carboplatin and paclitaxel, SD, now on observation',
        facts: { 'therapy.status': 'off-treatment' },
      },
      {
        text: 'currently on osimertinib, adrenal nodule under surveillance',
        facts: { 'therapy.status': 'on-treatment' },
      },
      { text: 'Patient declines chemotherapy', absent: ['therapy.regimen'] },
      { text: 'LCNEC of the lung with liver metastases', facts: { 'metastases.organs': 1 } },
    ],
  'progressing sites counted from lists, words, brackets and nodes': [
    {
      text: 'new bone lesions x4, liver x2',
      facts: { 'progression.sites': 6, 'progression.pattern': 'polyprogression' },
    },
    { text: 'new adrenal met, liver and bone stable', facts: { 'progression.sites': 1 } },
    { text: 'Progression in six sites on durvalumab', facts: { 'progression.sites': 6 } },
    { text: 'oligoprogressive disease (x3: primary, adrenal, T12)', facts: { 'progression.sites': 3 } },
    {
      text: 'CT 12/2025 vs 09/2025: interval progression of the left hilar primary',
      facts: { 'progression.primaryProgressing': true },
    },
    { text: 'progression in the mediastinal nodes only, rest controlled', facts: { 'progression.sites': 1 } },
  ],
  'a second primary asked about, and adjuvant chemotherapy before the metastases': [
    {
      text: 'Hx of head and neck SCC 2020; now new lung mass, squamous, ?second primary vs metastasis',
      absent: ['primarySite'],
    },
    {
      text: 'Had 4 cycles cisplatin/vinorelbine adjuvant 2021, recurrence 2025 with 2 liver mets; no treatment yet',
      facts: { 'therapy.status': 'naive' },
      absent: ['therapy.cycles'],
    },
  ],
  'vertebra L1 in a list, two sides of a paired organ, performance status trajectories, switched lines': [
    {
      text: 'mets to liver (3), bone (L1, L4) and R adrenal',
      facts: { 'metastases.count': 6, 'metastases.organs': 3 },
    },
    { text: 'bone mets (L1, L4) and R adrenal', facts: { 'metastases.count': 3 } },
    { text: 'PD-L1 5%, 2 bone mets', facts: { pdl1: 5, 'metastases.count': 2 } },
    { text: 'R and L adrenal mets', facts: { 'metastases.count': 2, 'metastases.organs': 1 } },
    { text: 'left adrenal met; right adrenal met', facts: { 'metastases.count': 2 } },
    { text: 'left adrenal met. The left adrenal met is 2 cm', facts: { 'metastases.count': 1 } },
    { text: 'ECOG 1 → 2', facts: { ecog: 2 } },
    { text: 'ECOG 1, deteriorated to 2', facts: { ecog: 2 } },
    { text: 'ECOG went from 1 to 3', facts: { ecog: 3 } },
    { text: 'ECOG 1-2', absent: ['ecog'], conflicts: ['ecog'] },
    { text: 'ECOG 3 at admission, now improved to 1', facts: { ecog: 1 } },
    { text: 'ECOG 3 at admission, now ECOG 1', facts: { ecog: 1 } },
    { text: 'ECOG 1 last month, now 3', facts: { ecog: 3 } },
    { text: 'ECOG 2 → 1 after starting osimertinib', facts: { ecog: 1, 'therapy.status': 'on-treatment' } },
    { text: 'watch-and-wait after 4 cycles carbo/pem', facts: { 'therapy.status': 'off-treatment' } },
    { text: '4 cycles carbo/pem/pembro, now BSC', facts: { 'therapy.status': 'off-treatment' } },
    { text: 'systemic treatment not started', facts: { 'therapy.status': 'naive' } },
    {
      text: 'EGFR exon 19 deletion, progressed on osimertinib, now on carbo/pem',
      facts: { 'therapy.regimen': 'chemo', 'therapy.agent': 'carboplatin + pemetrexed' },
    },
    {
      text: 'progressed on osimertinib, now on osimertinib + carboplatin/pemetrexed',
      facts: { 'therapy.regimen': 'egfr-tki' },
    },
    {
      text: 'previously on erlotinib, now on osimertinib 4 months, SD',
      facts: { 'therapy.agent': 'osimertinib', 'therapy.status': 'on-treatment', 'therapy.months': 4 },
    },
    {
      text: '8 months after completing durvalumab',
      facts: { 'therapy.status': 'off-treatment' },
      absent: ['therapy.months'],
    },
    {
      text: 's/p CRT + durvalumab; now stage IV with 2 bone mets',
      facts: { 'therapy.status': 'off-treatment', 'lung.priorThoracicRt': true },
    },
  ],
  'a lesion thought benign, a joined TNM string, life expectancy in words, and figures under a bound': [
    {
      text: 'bone lesion at T8 thought to be degenerative, 1 adrenal met',
      facts: { 'metastases.count': 1, 'metastases.sites': ['adrenal'] },
    },
    { text: 'liver lesion is a haemangioma, 2 bone mets', facts: { 'metastases.sites': ['bone'] } },
    { text: '2 liver mets with a benign cyst', facts: { 'metastases.count': 2 } },
    {
      text: 'cT2aN1M1b (solitary L adrenal)',
      facts: { 'stage.m': 'M1b', 'metastases.count': 1, 'metastases.sites': ['adrenal'] },
    },
    { text: 'life expectancy < 6 months', facts: { lifeExpectancyMonths: 5.9 } },
    { text: 'life expectancy of weeks', facts: { lifeExpectancyMonths: 1 } },
    { text: 'estimated life expectancy: a few months', facts: { lifeExpectancyMonths: 3 } },
    { text: 'life expectancy > a year', facts: { lifeExpectancyMonths: 12 } },
    { text: 'osimertinib < 3 months, PR', facts: { 'therapy.months': 2.9 } },
    { text: 'carbo/pem/pembro, fewer than 4 cycles so far, SD', facts: { 'therapy.cycles': 3 } },
  ],
  'a negative result after the variant, assay or clone, resistance mutations and VUS': [
    { text: 'ALK IHC (D5F3) negative', facts: { negativeFor: ['ALK'] }, absent: ['driver'] },
    { text: 'EGFR (tissue NGS) not detected', facts: { negativeFor: ['EGFR'] }, absent: ['driver'] },
    { text: 'KRAS G12C not detected', facts: { negativeFor: ['KRAS'] }, absent: ['driver'] },
    { text: 'RET fusion not identified', facts: { negativeFor: ['RET'] }, absent: ['driver'] },
    {
      text: 'ALK fusion: not detected; ROS1 fusion: not detected',
      facts: { negativeFor: ['ALK', 'ROS1'] },
      absent: ['driver'],
    },
    { text: 'EGFR: T790M not detected', absent: ['driver', 'negativeFor'] },
    { text: 'EGFR ex19del, T790M negative', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    {
      text: 'EGFR exon 19 deletion not detected; L858R detected',
      facts: { driver: 'EGFR', egfrVariant: 'L858R' },
    },
    { text: 'EGFR VUS only; no actionable driver', facts: { driver: 'none' } },
    {
      text: 'EML4-ALK fusion; no ALK resistance mutations',
      facts: { driver: 'ALK' },
      absent: ['negativeFor'],
    },
    { text: 'ALK positive, ctDNA negative for ALK', facts: { driver: 'ALK' } },
    { text: 'ctDNA negative for EGFR', facts: { negativeFor: ['EGFR'] } },
    { text: 'primary 7.2 cm → 5.9 cm', facts: { 'primary.sizeCm': 5.9 } },
    { text: 'Primary tumour 2.5 cm (previously 4.0 cm)', facts: { 'primary.sizeCm': 2.5 } },
  ],
  'progressing lesions above a bound, the lung primary, lists after the statement, growth told with sizes': [
    { text: 'PD per RECIST: >10 new hepatic lesions', facts: { 'progression.pattern': 'polyprogression' } },
    {
      text: 'New liver mets (>5) on carbo/pem',
      facts: { 'progression.pattern': 'polyprogression', 'metastases.burden': 'poly' },
      absent: ['progression.sites'],
    },
    {
      text: 'Progression in the lung primary only',
      facts: { 'progression.primaryProgressing': true, 'progression.sites': 1 },
      absent: ['metastases.sites'],
    },
    { text: 'Progression in the primary, liver and bone', facts: { 'progression.sites': 3 } },
    { text: 'Progressing primary, bone mets stable', facts: { 'progression.sites': 1 } },
    {
      text: 'Liver met enlarged from 12 to 25 mm, rest stable',
      facts: { 'progression.sites': 1, 'progression.pattern': 'oligoprogression' },
      absent: ['primary.sizeCm'],
    },
    {
      text: 'interval enlargement of the R adrenal met (2.1→3.4 cm); no new lesions',
      facts: { 'progression.sites': 1, 'therapy.response': 'PD' },
      absent: ['primary.sizeCm', 'progression.pattern'],
    },
    { text: 'at least three bone mets', absent: ['metastases.count'] },
    { text: 'Single right frontal brain met, 9 mm', absent: ['primary.sizeCm'] },
    { text: 'RUL mass, 4.2 cm', facts: { 'primary.sizeCm': 4.2 } },
  ],
  'distant nodes without a metastasis word, benign explanations of new findings, complete metabolic response':
    [
      { text: 'Retroperitoneal nodes, liver x2', facts: { 'metastases.organs': 2 } },
      { text: 'cervical lymph node met (level III)', facts: { 'metastases.sites': ['distant-nodes'] } },
      { text: 'cervical spine mets', facts: { 'metastases.sites': ['bone'] } },
      { text: 'left supraclavicular node, N3', facts: { 'stage.n': 'N3' }, absent: ['metastases.sites'] },
      { text: 'Peritoneal carcinomatosis', facts: { 'metastases.sites': ['other'] } },
      { text: 'reactive axillary node, 2 bone mets', facts: { 'metastases.sites': ['bone'] } },
      {
        text: 'No evidence of progression; tiny new lung nodule likely inflammatory',
        facts: { 'progression.pattern': 'none' },
        absent: ['metastases.sites', 'therapy.response'],
      },
      { text: 'new liver lesion, likely a cyst; bone stable', absent: ['metastases.sites'] },
      { text: 'new bone lesion, not degenerative', facts: { 'progression.sites': 1 } },
      { text: 'PERCIST: complete metabolic response', facts: { 'therapy.response': 'CR' } },
      { text: 'NED on CT after 2 years of alectinib', facts: { 'therapy.response': 'CR' } },
      { text: 'no evidence of disease progression', absent: ['therapy.response'] },
    ],
  'durations in words, prior RT with a historical stage, ILD beside "not IPF", PD-L1 clones, a past cancer': [
    { text: 'On osimertinib for twenty-four months', facts: { 'therapy.months': 24 } },
    { text: 'On alectinib for three years', facts: { 'therapy.months': 36 } },
    { text: 'Alectinib for two and a half years', facts: { 'therapy.months': 30 } },
    { text: 'Prev. CRT for stage III disease', facts: { 'lung.priorThoracicRt': true } },
    { text: 'chemoRT planned', absent: ['lung.priorThoracicRt'] },
    { text: 'Interstitial lung disease on CT (fibrotic), not IPF', facts: { 'lung.ild': 'ild' } },
    { text: 'no IPF', facts: { 'lung.ild': 'none' } },
    { text: 'PD-L1 22C3 negative (<1%)', facts: { pdl1: 0 } },
    { text: 'PD-L1 22C3: TPS 70%', facts: { pdl1: 70 } },
    {
      text: 'EGFR ex19del adenocarcinoma on osimertinib. PMH: left breast cancer 2010 treated with lumpectomy and RT.',
      absent: ['primarySite'],
    },
    { text: 'colon cancer primary, KRAS G12D, 2 lung mets', facts: { primarySite: 'non-lung' } },
  ],
  'lists of levels with named bones, level ranges, levels after a metastasis word': [
    {
      text: 'PD in bones (new T4, T9, L3, L5, sacrum, both iliac wings)',
      facts: { 'metastases.count': 7, 'progression.pattern': 'polyprogression' },
    },
    { text: 'Bone-only disease: T10, L1 and the left 6th rib.', facts: { 'metastases.count': 3 } },
    { text: 'Spine mets at C7, T4-T6 and sacrum', facts: { 'metastases.count': 5 } },
    { text: 'Mets at C2, C5', facts: { 'metastases.count': 2 } },
    { text: 'mets = T2, T3, T4 + L iliac wing', facts: { 'metastases.count': 4 }, absent: ['stage.t'] },
    { text: 'Bones: T1, T2', facts: { 'metastases.count': 2 }, absent: ['stage.t'] },
    { text: 'new T3 lesion', facts: { 'metastases.sites': ['bone'] }, absent: ['stage.t'] },
    { text: 'T2 lesion in the RUL', facts: { 'stage.t': 'T2' }, absent: ['metastases.sites'] },
    { text: 'bone mets, T4 primary', facts: { 'stage.t': 'T4' } },
  ],
  'a new line of treatment: time and progression of the earlier line are history': [
    {
      text: 'EGFR L858R, osimertinib 1L for 14 months then PD; carboplatin/pemetrexed x4, now pemetrexed maintenance, SD.',
      facts: { 'therapy.regimen': 'chemo', 'therapy.response': 'SD' },
      absent: ['therapy.months', 'progression.pattern'],
    },
    {
      text: 'progressed on pembrolizumab after 10 months, now 2 cycles into docetaxel',
      facts: { 'therapy.agent': 'docetaxel', 'therapy.cycles': 2 },
      absent: ['therapy.months', 'therapy.response'],
    },
    {
      text: 'pembro monotherapy 7 cycles then PD, now sotorasib for 6 weeks',
      facts: { 'therapy.agent': 'sotorasib', 'therapy.weeks': 6 },
      absent: ['therapy.cycles'],
    },
    {
      text: 'carbo/pem/pembro x4 then pembro/pem maintenance, SD',
      facts: { 'therapy.cycles': 4, 'therapy.regimen': 'chemo-io' },
    },
    {
      text: '1L carbo/pem/pembro -> PD after 6 months. 2L T-DXd 5 months, PR',
      facts: { 'therapy.months': 5, 'therapy.response': 'PR' },
      absent: ['progression.pattern'],
    },
    {
      text: 'on pembrolizumab 4 months, PR; sotorasib is there for 2L if needed',
      facts: { 'therapy.regimen': 'io', 'therapy.agent': 'pembrolizumab' },
    },
    { text: 'sigmoid adenocarcinoma with 2 lung mets', facts: { primarySite: 'non-lung' } },
    { text: 'OPSCC, HPV+, now 3 lung nodules', facts: { primarySite: 'non-lung' } },
    // With nothing told of the new line yet, the progression that led to it is kept (decision-spec §4.2).
    {
      text: 'progressed on osimertinib, now on carbo/pem',
      facts: { 'therapy.regimen': 'chemo', 'therapy.response': 'PD' },
    },
  ],
  'distance to named airways in mm or cm, contact with the mediastinal pleura or great vessels': [
    { text: 'Tumour arising in the bronchus intermedius', facts: { 'primary.location': 'ultracentral' } },
    { text: 'Lesion 15 mm from the main carina', facts: { 'primary.location': 'central' } },
    { text: 'Lesion 1 cm from the right main bronchus', facts: { 'primary.location': 'central' } },
    { text: 'distance to PBT 0 mm', facts: { 'primary.location': 'ultracentral' } },
    {
      text: '>2cm from the proximal bronchial tree but abuts the mediastinal pleura',
      facts: { 'primary.location': 'central' },
    },
    {
      text: 'Paramediastinal LUL mass abutting the aortic arch, 5.5 cm',
      facts: { 'primary.location': 'central' },
    },
    {
      text: 'Endobronchial tumour occluding the RUL bronchus',
      facts: { 'primary.location': 'ultracentral' },
    },
    { text: '4 cm from the carina, peripheral', facts: { 'primary.location': 'peripheral' } },
    { text: 'Tumour edge 4 mm from the trachea', facts: { 'primary.location': 'central' } },
    {
      text: 'Tumor extends into the right mainstem bronchus',
      facts: { 'primary.location': 'ultracentral', 'primary.endobronchial': true },
    },
    {
      text: 'Tumour protruding into the lumen of the LLL bronchus',
      facts: { 'primary.endobronchial': true },
    },
    { text: 'tumour extends into the mediastinum', absent: ['primary.endobronchial'] },
    {
      text: 'subcarinal nodes encasing the SVC, peripheral RUL primary',
      facts: { 'primary.location': 'peripheral' },
    },
  ],
  'new lesions before any treatment are new disease, not progression; a finished consolidation course': [
    {
      text: 'Dx 3 wks ago, new 2 liver mets on staging PET, starting osimertinib',
      facts: { 'therapy.status': 'naive', 'metastases.count': 2 },
      absent: ['progression.sites', 'therapy.response'],
    },
    {
      text: 'on osimertinib, new liver met',
      facts: { 'progression.sites': 1, 'therapy.response': 'PD' },
    },
    {
      text: 'chemoRT 60Gy/30 + durva 1 yr; now new adrenal met, not yet started any systemic tx',
      facts: { 'therapy.status': 'naive' },
      absent: ['therapy.months', 'progression.sites'],
    },
  ],
  'brain imaging headers, neurological symptoms, active brain disease, prior RT said of the chest or elsewhere':
    [
      { text: 'Brain MRI - 3 mets', facts: { 'metastases.sites': ['brain'], 'metastases.count': 3 } },
      { text: 'Brain MRI: no metastases', facts: { brain: 'none' }, absent: ['metastases.sites'] },
      { text: 'Brain metastasis: no', facts: { brain: 'none' }, absent: ['metastases.sites'] },
      { text: '2 brain mets, dysphasia, started dex', facts: { brain: 'symptomatic' } },
      {
        text: 'progression of brain mets after SRS, for repeat SRS',
        facts: { brain: 'untreated-asymptomatic' },
      },
      { text: 'brain mets stable after SRS; new liver met', facts: { brain: 'treated-stable' } },
      { text: 'lung irradiated in 2018', facts: { 'lung.priorThoracicRt': true } },
      { text: 'RT to the right hilum 2019', facts: { 'lung.priorThoracicRt': true } },
      { text: 'previously irradiated T10 met', absent: ['lung.priorThoracicRt'] },
      { text: 'prior WBRT', absent: ['lung.priorThoracicRt'] },
      { text: 'Previously treated with thoracic RT? Not known', absent: ['lung.priorThoracicRt'] },
      { text: 'ILD-free', facts: { 'lung.ild': 'none' } },
      { text: 'SBRT 2022 (54 Gy/3) for a cT1b N0 adeno RUL', facts: { 'lung.priorThoracicRt': true } },
      { text: 'Had 20 Gy/5 to the R hilum', facts: { 'lung.priorThoracicRt': true } },
      {
        text: 'Q: RT to the primary now – how to handle the prior RT to the femur?',
        absent: ['lung.priorThoracicRt'],
      },
    ],
  'a total with its breakdown, imaging named with an organ, "on PET", dozens and typos': [
    { text: '6 bone mets (T4, T9, L2, L5, L sacrum, R femur)', facts: { 'metastases.count': 6 } },
    { text: '4 bone mets (T-spine x2, pelvis x2)', facts: { 'metastases.count': 4 } },
    {
      text: '4 bone mets (T-spine x2, pelvis x3)',
      absent: ['metastases.count'],
      conflicts: ['metastases.count'],
    },
    {
      text: '3 bone mets + 1 liver met, PET and MRI brain done, brain clear',
      facts: { 'metastases.count': 4, brain: 'none' },
    },
    { text: 'liver x4 and bone x3 on PET', facts: { 'metastases.count': 7 } },
    { text: 'Burden: 6 lesions / 2 organs', facts: { 'metastases.count': 6, 'metastases.organs': 2 } },
    { text: 'half a dozen liver mets', facts: { 'metastases.count': 6 } },
    { text: '3 bone mtes', facts: { 'metastases.count': 3 } },
    { text: 'progresion in liver only', facts: { 'progression.sites': 1 } },
    { text: 'metastases ×2 in liver, ×1 in adrenal', facts: { 'metastases.count': 3 } },
    { text: '3x bone; 1x adrenal', facts: { 'metastases.count': 4 } },
    { text: '3 brain, 1 adrenal, 0 bone', facts: { 'metastases.count': 4, 'metastases.organs': 2 } },
    { text: 'bone x3 in the spine', facts: { 'metastases.count': 3 } },
  ],
  'durations and responses the board asks about are not facts': [
    {
      text: 'carbo/pem/pembro, PR after 2 cycles; RT now or after 4 cycles?',
      facts: { 'therapy.cycles': 2, 'therapy.response': 'PR' },
    },
    { text: 'Responding after 3 cycles, RT now?', facts: { 'therapy.cycles': 3 } },
    {
      text: 'Starting osimertinib Monday. Consolidative RT once she has responded?',
      facts: { 'therapy.status': 'naive' },
      absent: ['therapy.response'],
    },
  ],
  'distances are not sizes, another nodule is not the primary, more contact verbs, past symptoms': [
    { text: 'Lesion 3 cm lateral to the hilum', absent: ['primary.sizeCm'] },
    { text: 'nearest airway 3.5 cm', absent: ['primary.sizeCm'] },
    {
      text: '3 cm tumour abutting the LMB. Incidental 6 mm subpleural nodule RLL',
      facts: { 'primary.location': 'ultracentral', 'primary.sizeCm': 3 },
      absent: ['primary.lobe'],
    },
    { text: 'tumour indents the trachea', facts: { 'primary.location': 'ultracentral' } },
    { text: 'not adjacent to the trachea', absent: ['primary.location'] },
    { text: 'haemoptysis last year, resolved', absent: ['symptoms'] },
    { text: 'ongoing haemoptysis', facts: { symptoms: ['hemoptysis'] } },
  ],
  'ribs and liver segments listed, counts in brackets, totals across organs, levels after "bone ("': [
    { text: 'rib metastases: R4, R5, L7', facts: { 'metastases.count': 3, 'metastases.sites': ['bone'] } },
    { text: 'liver mets (segments 2, 6 and 7), L adrenal met', facts: { 'metastases.count': 4 } },
    { text: 'liver mets in segments 2 and 6', facts: { 'metastases.count': 2 } },
    { text: 'liver mets: seg II, seg IVa', facts: { 'metastases.count': 2 } },
    { text: 'liver metastasis segment 7', facts: { 'metastases.count': 1 } },
    { text: 'liver normal, segments 2 and 3 clear', absent: ['metastases.count', 'metastases.sites'] },
    { text: 'bone mets (n=4)', facts: { 'metastases.count': 4 } },
    { text: 'liver metastases (n = 3), adrenal', facts: { 'metastases.count': 4, 'metastases.organs': 2 } },
    {
      text: 'Total of 4 lesions across bone and liver',
      facts: { 'metastases.count': 4, 'metastases.sites': ['bone', 'liver'] },
    },
    { text: '5 lesions overall in liver and bone', facts: { 'metastases.count': 5, 'metastases.organs': 2 } },
    { text: '3 lesions in the liver, 1 in bone', facts: { 'metastases.count': 4 } },
    { text: 'two metastases in the liver and one in the adrenal', facts: { 'metastases.count': 3 } },
    {
      text: 'metastatic sites: T8, L2, left adrenal',
      facts: { 'metastases.count': 3, 'metastases.sites': ['bone', 'adrenal'] },
    },
    {
      text: 'Mets: bone (T1, T2), liver (seg 3), R adrenal',
      facts: { 'metastases.count': 4, 'metastases.organs': 3 },
      absent: ['stage.t'],
    },
    { text: 'bone mets (T2 primary)', facts: { 'stage.t': 'T2' } },
  ],
  'Karnofsky trajectories, ECOG "from 1 to 2", life expectancy as 6/12, approximate PD-L1': [
    { text: 'KPS declined from 90 to 70', facts: { karnofsky: 70 } },
    { text: 'KPS 90 -> 70', facts: { karnofsky: 70 } },
    { text: 'KPS 90, now 70', facts: { karnofsky: 70 } },
    { text: 'KPS now 70 (was 90)', facts: { karnofsky: 70 } },
    { text: 'ECOG from 1 to 2', facts: { ecog: 2 } },
    { text: 'life expectancy ~6/12', facts: { lifeExpectancyMonths: 6 } },
    { text: 'life expectancy < 6/12', facts: { lifeExpectancyMonths: 5.9 } },
    { text: 'prognosis of 8/52', facts: { lifeExpectancyMonths: 1.8 } },
    { text: 'PD-L1 ~30%', facts: { pdl1: 30 } },
    { text: 'PD-L1 TPS around 20%', facts: { pdl1: 20 } },
    { text: 'on osimertinib, now ~4 months', facts: { 'therapy.months': 4 } },
  ],
  'conditions in the board question are not findings': [
    {
      text: 'multiple bone mets on osimertinib. Q: RT to primary if oligometastatic?',
      facts: { 'metastases.burden': 'poly' },
    },
    {
      text: '2 liver mets, assuming the PET confirms oligometastatic disease, SBRT?',
      facts: { 'metastases.count': 2 },
      absent: ['staging.petCt', 'metastases.burden'],
    },
    {
      text: 'on osimertinib, PR. Keep SBRT in reserve for oligoprogression?',
      facts: { 'therapy.response': 'PR' },
      absent: ['progression.pattern'],
    },
    { text: 'plan SBRT once we know he is responding', absent: ['therapy.response'] },
    {
      text: 'PET confirms oligometastatic disease',
      facts: { 'metastases.burden': 'oligo', 'staging.petCt': 'done' },
    },
    { text: 'oligoprogression on osimertinib', facts: { 'progression.pattern': 'oligoprogression' } },
  ],
  'SVC compression on imaging without the syndrome': [
    { text: 'SVC compression (no clinical SVCO)', absent: ['symptoms'] },
    { text: 'SVC compression, asymptomatic', facts: { symptoms: [] } },
    { text: 'SVC compression with facial swelling', facts: { symptoms: ['svc-syndrome'] } },
    { text: 'SVCO', facts: { symptoms: ['svc-syndrome'] } },
  ],
  'a safety fact named only as possible is asked about': [
    { text: 'possible ILD on CT', absent: ['lung.ild'], conflicts: ['lung.ild'] },
    { text: '?UIP', absent: ['lung.ild'], conflicts: ['lung.ild'] },
    { text: 'probable UIP', facts: { 'lung.ild': 'ipf' } },
    { text: 'possible endobronchial component', conflicts: ['primary.endobronchial'] },
    { text: 'no ILD', facts: { 'lung.ild': 'none' } },
    { text: 'if ILD is confirmed, would SBRT be safe?', absent: ['lung.ild'] },
    { text: 'fibrotic ILD, ?UIP', facts: { 'lung.ild': 'ild' } },
  ],
  'MET the gene after a number, dates before a finding, uncounted progressing lesions, polyPD, bracket totals':
    [
      {
        text: 'Case 41: MET exon 14 skipping adenocarcinoma, 1 liver met + 1 bone met',
        facts: { driver: 'MET', 'metastases.count': 2 },
      },
      { text: 'Pt 12: MET+', facts: { driver: 'MET' }, absent: ['metastases.count'] },
      { text: '1 bone met + 1 liver met', facts: { 'metastases.count': 2 }, absent: ['driver'] },
      {
        text: 'on osimertinib. Now (Mar 25): new R adrenal met, rest stable',
        facts: { 'metastases.count': 1, 'progression.pattern': 'oligoprogression', 'progression.sites': 1 },
      },
      {
        text: 'KRAS, on pembro. new bone mets, multiple',
        facts: { 'therapy.response': 'PD' },
        absent: ['progression.sites', 'progression.pattern'],
      },
      {
        text: 'on pembro, new liver mets, rest stable',
        absent: ['progression.sites', 'progression.pattern'],
      },
      { text: 'new liver mets (3), rest stable', facts: { 'progression.pattern': 'oligoprogression' } },
      {
        text: 'KRAS, 2 bone mets, on pembro; now polyPD',
        facts: { 'progression.pattern': 'polyprogression' },
      },
      {
        text: 'mets in 2 organs: bone and adrenal (5 lesions)',
        facts: { 'metastases.count': 5, 'metastases.sites': ['bone', 'adrenal'] },
      },
    ],
  'RT for another cancer, mantle RT, LE, survival in words, PS told with its history, fibrotic HP, brain lobes':
    [
      {
        text: 'NSCLC adeno, EGFR, previous radiotherapy for prostate cancer',
        facts: { primarySite: 'lung' },
      },
      { text: 'LUAD, prior mantle RT for Hodgkin lymphoma', facts: { 'lung.priorThoracicRt': true } },
      { text: 'LE <6 months', facts: { lifeExpectancyMonths: 5.9 } },
      { text: 'LE 3 months', facts: { lifeExpectancyMonths: 3 } },
      { text: 'limited prognosis (<6 months)', facts: { lifeExpectancyMonths: 5.9 } },
      { text: 'unlikely to survive beyond 3 months', facts: { lifeExpectancyMonths: 3 } },
      { text: 'estimated 3 months to live', facts: { lifeExpectancyMonths: 3 } },
      { text: 'le patient est stable', absent: ['lifeExpectancyMonths'] },
      { text: 'PS 1 (last clinic), now 3 on the ward', facts: { ecog: 3 } },
      { text: 'ECOG 0 pre-diagnosis, currently 2', facts: { ecog: 2 } },
      { text: 'ECOG deteriorated to 3 (was 1 in Jan)', facts: { ecog: 3 } },
      { text: 'fibrotic hypersensitivity pneumonitis', facts: { 'lung.ild': 'ild' } },
      { text: 'asbestosis', facts: { 'lung.ild': 'ild' } },
      {
        text: 'Neuro: seizures from R parietal met, on keppra + dex',
        facts: { 'metastases.sites': ['brain'], brain: 'symptomatic' },
      },
      { text: '2 x R occipital mets', facts: { 'metastases.sites': ['brain'], 'metastases.count': 2 } },
      { text: 'frontal bone met', facts: { 'metastases.sites': ['bone'] } },
    ],
  'short durations, an aside before the duration, "not central", distance beyond the PBT, PET/MRI, stable ILD':
    [
      { text: 'adeno ALK+, alectinib x2m, SD', facts: { 'therapy.months': 2 } },
      { text: 'started osimertinib a month ago, PR', facts: { 'therapy.months': 1 } },
      { text: 'alectinib commenced last month', facts: { 'therapy.months': 1 } },
      { text: 'restage in a month on osimertinib', absent: ['therapy.months'] },
      { text: 'on osimertinib (80mg), 4 weeks, PR', facts: { 'therapy.weeks': 4 } },
      { text: 'alectinib (600mg BD) 2 months, SD', facts: { 'therapy.months': 2 } },
      { text: 'carbo/pem/pembro x4, PR', facts: { 'therapy.cycles': 4 } },
      {
        text: '4.2 cm LUL tumour abutting the aortic arch, not central per RTOG 0813 definition',
        facts: { 'primary.location': 'peripheral' },
      },
      { text: 'non-central tumour', facts: { 'primary.location': 'peripheral' } },
      { text: '38mm LUL mass, >2cm from PBT', facts: { 'primary.location': 'peripheral' } },
      {
        text: '>2cm from the proximal bronchial tree but abuts the mediastinal pleura',
        facts: { 'primary.location': 'central' },
      },
      { text: '3 cm from the carina', absent: ['primary.location'] },
      { text: 'PET/MRI done', facts: { 'staging.petCt': 'done', 'staging.brainMri': 'done' } },
      { text: 'PET and MRI pending', facts: { 'staging.petCt': 'not-done', 'staging.brainMri': 'not-done' } },
      {
        text: 'on carbo/pem/pembro, mild ILD (fibrotic NSIP) on CT, stable',
        facts: { 'lung.ild': 'ild' },
        absent: ['therapy.response'],
      },
      { text: 'ILD, on osimertinib, disease stable', facts: { 'therapy.response': 'SD' } },
    ],
  'criteria in brackets, benign radiology wording, negation after the sites, oligo-organ, low cervical nodes':
    [
      {
        text: 'PD (RECIST) in primary, 2 bone mets unchanged',
        facts: { 'progression.pattern': 'oligoprogression', 'progression.primaryProgressing': true },
      },
      { text: 'PD (iRECIST) in the liver, primary stable', facts: { 'progression.sites': 1 } },
      { text: 'adrenal nodule 1.5cm, washout c/w adenoma', absent: ['metastases.sites'] },
      { text: 'adrenal met 2 cm', facts: { 'metastases.sites': ['adrenal'] } },
      {
        text: 'bone island R femur, no bone mets, 1 liver met',
        facts: { 'metastases.sites': ['liver'], 'metastases.count': 1 },
      },
      { text: 'degenerative uptake in L-spine, no mets', absent: ['metastases.sites'] },
      { text: '2 liver mets, no bone mets', facts: { 'metastases.sites': ['liver'], 'metastases.count': 2 } },
      { text: 'oligo-organ disease (bone + liver) but 8 lesions', absent: ['metastases.burden'] },
      { text: 'level IV cervical node, FNA +ve adenocarcinoma; no other mets', absent: ['metastases.sites'] },
      { text: 'cervical lymph node mets', facts: { 'metastases.sites': ['distant-nodes'] } },
      {
        text: '5 bone mets; liver lesion, cannot exclude metastasis',
        facts: { 'metastases.count': 5, 'metastases.sites': ['bone'] },
      },
      { text: '2 liver mets, cannot have SBRT', facts: { 'metastases.count': 2 } },
      { text: "2 bone mets. Liver lesion - mets can't be ruled out", facts: { 'metastases.count': 2 } },
    ],
  'a plan is not the current treatment; time points ahead are not time on treatment': [
    {
      text: 'Proposed: SBRT 50Gy/5 to RUL primary while continuing osimertinib (on it 7 months, PR)',
      facts: { 'therapy.status': 'on-treatment', 'therapy.months': 7 },
    },
    {
      text: 'Plan: 4 cycles carboplatin + pemetrexed + pembrolizumab then maintenance; RT to primary if no progression',
      facts: { 'therapy.status': 'naive' },
      absent: ['therapy.cycles', 'progression.pattern'],
    },
    {
      text: 'Plan: osimertinib, restage at 8 weeks, then SBRT to primary',
      facts: { 'therapy.status': 'naive' },
      absent: ['therapy.weeks'],
    },
    { text: 'Plan: continue osimertinib, SBRT to primary', facts: { 'therapy.status': 'on-treatment' } },
    {
      text: 'TKI-naive; would be for ~6 months of osimertinib first then reassess',
      facts: { 'therapy.status': 'naive' },
    },
    {
      text: 'Question for board: consolidative RT after induction chemo-IO (not yet started)?',
      facts: { 'therapy.status': 'naive' },
    },
    { text: 'on carbo/pem, 4 cycles planned, C2 done', facts: { 'therapy.cycles': 2 } },
    { text: 'no progression on osimertinib', facts: { 'progression.pattern': 'none' } },
  ],
  'polymets, all sites progressing, new effusions, NED of another cancer, x3 before a site, bounds, totals as fields':
    [
      {
        text: 'polymets (bone, liver, brain)',
        facts: { 'metastases.burden': 'poly', 'metastases.sites': ['bone', 'liver', 'brain'] },
      },
      {
        text: 'all sites progressing on 2nd line docetaxel',
        facts: { 'progression.pattern': 'polyprogression' },
      },
      {
        text: 'on osimertinib 12 months. new malignant pleural effusion, otherwise stable',
        facts: { 'therapy.response': 'PD' },
      },
      { text: 'h/o breast ca 2015 (NED); now LUAD with 2 bone mets', absent: ['therapy.response'] },
      { text: 'on osimertinib, NED on PET', facts: { 'therapy.response': 'CR' } },
      { text: 'x3 bone mets, x1 liver', facts: { 'metastases.count': 4 } },
      { text: '≤3 bone mets', facts: { 'metastases.burden': 'oligo' } },
      { text: 'up to 3 bone mets', facts: { 'metastases.burden': 'oligo' } },
      { text: 'bilat adrenal mets', facts: { 'metastases.count': 2 } },
      { text: 'mets count 7', facts: { 'metastases.count': 7 } },
      { text: 'No. of mets: 3', facts: { 'metastases.count': 3 } },
      { text: 'no mets 3 years ago', absent: ['metastases.count'] },
    ],
  'a planned next line beside the current one, "SRS done", a lobar bronchus distance, sites listed after "in 2 sites"':
    [
      {
        text: 'on osimertinib 10 months, PD (new liver, bone and nodal disease). Plan: switch to carbo/pem',
        facts: { 'therapy.agent': 'osimertinib', 'therapy.status': 'on-treatment', 'therapy.months': 10 },
      },
      { text: 'pembro 8 months, PD; docetaxel planned', facts: { 'therapy.regimen': 'io' } },
      { text: 'on carbo/pem, plan to add pembrolizumab', facts: { 'therapy.regimen': 'chemo' } },
      { text: 'planned for carboplatin/pemetrexed/pembrolizumab', facts: { 'therapy.status': 'naive' } },
      { text: '1 brain met (SRS done)', facts: { brain: 'treated-stable' } },
      { text: '3.5 cm central lesion 1.5 cm from the LUL bronchus', facts: { 'primary.sizeCm': 3.5 } },
      {
        text: 'on osimertinib, new progression in 2 sites (left adrenal and the primary)',
        facts: { 'progression.primaryProgressing': true, 'progression.sites': 2 },
      },
    ],
  'timelines of lines: switched from/to, after progression on, "2L:", recurrence after consolidation durvalumab':
    [
      {
        text: 'Switched from gefitinib to osimertinib at T790M progression 4 months ago, SD',
        facts: { 'therapy.agent': 'osimertinib', 'therapy.months': 4, 'therapy.response': 'SD' },
      },
      {
        text: 'driver negative, 3L docetaxel after progression on pembro and carbo/pem, C2',
        facts: { 'therapy.agent': 'docetaxel', 'therapy.regimen': 'chemo', 'therapy.cycles': 2 },
        absent: ['therapy.response'],
      },
      {
        text: '1L: carbo/pem/pembro x4 (PR) → pem/pembro maint x 8 → PD 2024. 2L: docetaxel C3, SD',
        facts: { 'therapy.agent': 'docetaxel', 'therapy.cycles': 3, 'therapy.response': 'SD' },
      },
      { text: 'progression after 4 cycles of carbo/pem', facts: { 'therapy.response': 'PD' } },
      {
        text: 'Hx of stage IIIA adeno treated with concurrent chemoradiotherapy 60Gy/30# in 2020 + durva, now 2 new liver mets',
        facts: { 'therapy.status': 'off-treatment', 'lung.priorThoracicRt': true, 'metastases.count': 2 },
        absent: ['therapy.response', 'progression.sites'],
      },
    ],
  'cycles told over time: the course count only grows; "day 1 cycle 3"; "cycle 4" after the drugs': [
    { text: 'C4D1 carbo/pem/pembro today, CT after C3 shows SD', facts: { 'therapy.cycles': 4 } },
    { text: 'Day 1 cycle 3 carbo pem pembro, responding', facts: { 'therapy.cycles': 3 } },
    {
      text: 'carbo/pem/pembro x4 → maintenance pem/pembro, now C10, PR maintained',
      facts: { 'therapy.cycles': 10, 'therapy.response': 'PR' },
    },
    { text: 'lazertinib + amivantamab, cycle 4', facts: { 'therapy.cycles': 4 } },
    { text: 'Currently receiving second-line docetaxel, cycle 2', facts: { 'therapy.cycles': 2 } },
  ],
  'courses that ended: "was on … until", toxicity on a drug, "then observation", time since completion': [
    {
      text: 'Was on osimertinib until March (stopped for pneumonitis), now off treatment',
      facts: { 'therapy.status': 'off-treatment' },
    },
    {
      text: 'checkpoint inhibitor pneumonitis G3 on pembro, pembro permanently discontinued',
      facts: { 'therapy.status': 'off-treatment' },
    },
    {
      text: 'had 6 cycles carbo/gem, then observation, now PD in primary only',
      facts: { 'therapy.status': 'off-treatment', 'progression.primaryProgressing': true },
    },
    {
      text: '6 cycles of carboplatin/gemcitabine completed 2 months ago, no maintenance, SD',
      facts: { 'therapy.status': 'off-treatment', 'therapy.cycles': 6 },
      absent: ['therapy.months'],
    },
    {
      text: 'immunotherapy held for grade 2 colitis since 6 weeks, previously PR on pembro',
      facts: { 'therapy.status': 'off-treatment' },
      absent: ['therapy.weeks'],
    },
    { text: 'on osimertinib since 6 weeks', facts: { 'therapy.weeks': 6 } },
  ],
  'placeholders of the guard, conditions on the driver, organ bounds, the burden asked, lung SBRT doses, MRI not done':
    [
      {
        text: 'ALK+ adeno on alectinib since 07/24 (7 months), PR',
        facts: { 'therapy.months': 7, 'therapy.response': 'PR' },
      },
      { text: 'on selpercatinib since 02/25 (8 wks), PR', facts: { 'therapy.weeks': 8 } },
      { text: 'EGFR pending; if molecular negative, chemo-IO?', absent: ['driver'] },
      {
        text: 'oligometastatic (<=3 organs)',
        facts: { 'metastases.burden': 'oligo' },
        absent: ['metastases.organs'],
      },
      { text: 'is she oligometastatic?', absent: ['metastases.burden'] },
      { text: 's/p SBRT 54Gy/3 2019', facts: { 'lung.priorThoracicRt': true } },
      { text: 's/p SBRT 54Gy/3 to T8 met', absent: ['lung.priorThoracicRt'] },
      { text: 'Hx: concurrent carbo/pem + 60Gy/30 2021', facts: { 'lung.priorThoracicRt': true } },
      {
        text: '7 bone lesions (spine x4, ribs x2, pelvis x1). RT to all bone sites?',
        facts: { 'metastases.count': 7 },
      },
      { text: 'MRI brain: not done', facts: { 'staging.brainMri': 'not-done' } },
      { text: 'MRI brain: no mets', facts: { 'staging.brainMri': 'done', brain: 'none' } },
    ],
  'naive in more words, a complete response with a residual primary, drugs considered, a mixed response': [
    { text: 'systemically untreated', facts: { 'therapy.status': 'naive' } },
    { text: 'has not had any chemo or immunotherapy yet', facts: { 'therapy.status': 'naive' } },
    { text: 'no prior lines of treatment', facts: { 'therapy.status': 'naive' } },
    { text: 'first line yet to start', facts: { 'therapy.status': 'naive' } },
    {
      text: 'pembro mono, complete metabolic response on PET except primary',
      facts: { 'therapy.response': 'PR' },
    },
    {
      text: 'driver negative, 2 cycles carbo/pem so far, consider adding pembrolizumab once PD-L1 back',
      facts: { 'therapy.regimen': 'chemo', 'therapy.cycles': 2 },
    },
    {
      text: 'option of switching to lorlatinib discussed; remains on alectinib 14 months, SD',
      facts: { 'therapy.agent': 'alectinib' },
    },
    {
      text: 'on osimertinib 4 months, mixed response: mets responding, primary slightly bigger',
      facts: { 'progression.primaryProgressing': true, 'progression.pattern': 'oligoprogression' },
    },
    { text: 'the primary is larger than the adrenal met', absent: ['therapy.response'] },
  ],
  'a contralateral nodule named by its lobe, "contralat"': [
    {
      text: 'contralateral RUL nodule',
      facts: { 'metastases.sites': ['contralateral-lung'] },
      absent: ['primary.lobe'],
    },
    { text: '1 contralat (RUL) nodule', facts: { 'metastases.count': 1 }, absent: ['primary.lobe'] },
    { text: 'contra lung nodules x2', facts: { 'metastases.count': 2 } },
    {
      text: 'LUL primary 3 cm, contralateral RLL nodule 9 mm biopsy proven met',
      facts: { 'primary.lobe': 'LUL', 'primary.sizeCm': 3, 'metastases.sites': ['contralateral-lung'] },
    },
  ],
  'dictation typos of sites and metastasis words, soft-tissue muscles': [
    {
      text: 'L adrenel met and 2 osseus mets',
      facts: { 'metastases.count': 3, 'metastases.sites': ['bone', 'adrenal'] },
    },
    { text: '3 brain mestastases, no other mets', facts: { 'metastases.count': 3 } },
    { text: 'mets to the liever x2', facts: { 'metastases.count': 2, 'metastases.sites': ['liver'] } },
    { text: 'soft tissue met in R gluteus', facts: { 'metastases.sites': ['other'] } },
  ],
  'bones named by place count one lesion each': [
    {
      text: 'Metastatic sites: L adrenal, R ilium, T12',
      facts: { 'metastases.count': 3, 'metastases.organs': 2 },
    },
    { text: 'bone mets: R ilium and T12', facts: { 'metastases.count': 2 } },
    { text: 'mets: R femur, L humerus', facts: { 'metastases.count': 2 } },
    {
      text: 'multiple bone mets: R ilium and T12',
      facts: { 'metastases.burden': 'poly' },
      absent: ['metastases.count'],
    },
  ],
  'the bracket after a PD code lists what progresses': [
    {
      text: 'on osimertinib 10 months, PD (new liver, bone and nodal disease)',
      facts: { 'progression.sites': 3 },
    },
    {
      text: 'PD (2 liver mets), primary stable',
      facts: { 'progression.sites': 2, 'progression.primaryProgressing': false },
    },
  ],
  'review: hedges and conditions that must not hide findings, and comparisons that are not growth': [
    { text: 'Liver mets x3, unclear response to pembrolizumab.', facts: { 'metastases.count': 3 } },
    {
      text: 'Plan SBRT to the primary once the 2 brain mets have been treated with SRS.',
      facts: { 'metastases.count': 2 },
    },
    { text: 'SBRT reserved for the 2 progressing bone mets.', facts: { 'metastases.count': 2 } },
    {
      text: 'Osimertinib 80 mg once daily with no progression at 12 months.',
      facts: { 'progression.pattern': 'none' },
    },
    { text: 'parietal pleural nodules', facts: { 'metastases.sites': ['pleura'] } },
    { text: 'Histology is not central to the decision', absent: ['primary.location'] },
    {
      text: 'RUL mass abutting the mediastinal pleura. The liver lesion is not central.',
      facts: { 'primary.location': 'central' },
    },
    { text: 'PET-CT and MRI spine', absent: ['staging.brainMri'] },
    { text: 'Liver met in segment 4a/4b.', facts: { 'metastases.count': 1 } },
    {
      text: 'Osimertinib 14 months, PR - plan: SBRT to adrenal.',
      facts: { 'therapy.status': 'on-treatment' },
    },
    {
      text: 'On osimertinib 2 years, has not had any treatment interruptions.',
      facts: { 'therapy.status': 'on-treatment' },
    },
    { text: 'On osimertinib since 2022; CT last month: PR.', absent: ['therapy.months'] },
    { text: 'KPS 70, now 10 days post SRS.', facts: { karnofsky: 70 } },
    { text: 'ECOG 2 (previously 0).', facts: { ecog: 2 } },
    { text: 'ECOG 1 -> 2.', facts: { ecog: 2 } },
    { text: 'Number of mets: 3.', facts: { 'metastases.count': 3 } },
    {
      text: 'Adrenal met at 3 months growing, rest stable.',
      facts: { 'therapy.response': 'PD', 'progression.pattern': 'oligoprogression' },
    },
    {
      text: 'Of the two adrenal nodules the left is larger; stable disease.',
      facts: { 'therapy.response': 'SD' },
    },
  ],
  'review, second pass: totals before breakdowns, consolidation beside a new line, residual scars, negated ILD kinds':
    [
      { text: 'Day 14 (liver enzymes raised), bone mets x2.', facts: { 'metastases.count': 2 } },
      {
        text: 'Total mets = 7 (bone 4, liver 3).',
        facts: { 'metastases.count': 7, 'metastases.organs': 2 },
      },
      {
        text: 'Durvalumab consolidation after CRT completed 2023; now new adrenal met, starting carbo/pem/pembro.',
        facts: { 'therapy.regimen': 'chemo-io', 'therapy.status': 'naive' },
      },
      {
        text: 'pembro, complete metabolic response with residual fibrotic scarring at the primary.',
        facts: { 'therapy.response': 'CR' },
      },
      {
        text: 'Currently on chemotherapy for breast cancer; new lung mass, ?second primary vs metastasis.',
        facts: { primarySite: 'non-lung' },
      },
      { text: 'Asbestos exposure, pleural plaques, no asbestosis.', absent: ['lung.ild'] },
      {
        text: 'Mild ILD, on osimertinib for 10 months with stable response.',
        facts: { 'therapy.response': 'SD' },
      },
      {
        text: 'SVC compression, radiological and clinical: facial swelling.',
        facts: { symptoms: ['svc-syndrome'] },
      },
      {
        text: 'Patient unlikely to survive beyond 3 months without treatment.',
        absent: ['lifeExpectancyMonths', 'therapy.months'],
      },
    ],
  'a biopsy settles a hedged lesion': [
    {
      text: 'RUL mass, 1 liver lesion (seg 4b) indeterminate -> bx-proven met; no other disease on CT',
      facts: { 'metastases.count': 1, 'metastases.sites': ['liver'] },
    },
    { text: 'adrenal lesion indeterminate, biopsy pending', absent: ['metastases.sites'] },
  ],
  'a bulleted list under a metastasis header': [
    {
      text: 'Mets:\n- L adrenal\n- R ilium\n- T12',
      facts: { 'metastases.count': 3, 'metastases.organs': 2 },
    },
    {
      text: 'Metastatic sites\n• L adrenal\n• liver x2',
      facts: { 'metastases.count': 3, 'metastases.sites': ['liver', 'adrenal'] },
    },
    { text: 'PMH:\n- COPD\n- liver cirrhosis', absent: ['metastases.sites'] },
    { text: 'Mets:\n- L adrenal\nECOG 1\n- liver', facts: { 'metastases.sites': ['adrenal'], ecog: 1 } },
  ],
  'a review at a time point: ahead when no result follows, passed when one does': [
    {
      text: 'carbo/pem/pembro: restaging after 4 cycles showed PR',
      facts: { 'therapy.cycles': 4, 'therapy.response': 'PR' },
    },
    { text: 'osimertinib, reassessment at 3 months: PR', facts: { 'therapy.months': 3 } },
    { text: 'osimertinib, restage at 8 weeks', absent: ['therapy.weeks'] },
    { text: 'Pembrolizumab C3 given; after 4 cycles response assessment.', facts: { 'therapy.cycles': 3 } },
  ],
  'with a stated progression, how the other sites did is not a second response': [
    {
      text: 'On pembrolizumab: new liver mets, primary stable',
      facts: { 'therapy.response': 'PD', 'progression.primaryProgressing': false },
      notAsked: ['therapy.response'],
    },
    {
      text: 'on pembro, new liver mets, other sites stable',
      facts: { 'therapy.response': 'PD' },
      notAsked: ['therapy.response'],
    },
    {
      text: 'on pembro: new liver mets. Response: SD',
      facts: { 'therapy.response': 'PD' },
      conflicts: ['therapy.response'],
    },
  ],
  'spinal levels followed by ribs: counted by their ordinals, otherwise the count is unknown': [
    { text: 'bone mets: T8, ribs', facts: { 'metastases.sites': ['bone'] }, absent: ['metastases.count'] },
    { text: 'bone mets T8, L1, left 5th and 6th ribs', facts: { 'metastases.count': 4 } },
    { text: 'mets at L1 plus left 7th and 8th ribs', facts: { 'metastases.count': 3 } },
    { text: 'bone mets T8 and both 5th ribs', absent: ['metastases.count'] },
    { text: 'bone mets at T8 and ribs', absent: ['metastases.count'] },
    { text: 'bone mets: T8, L2', facts: { 'metastases.count': 2 } },
    { text: '2 bone mets: T8, ribs', facts: { 'metastases.count': 2 } },
  ],
  'sizes of metastases are neither a count nor the primary': [
    { text: 'liver mets (14 and 8 mm)', facts: { 'metastases.count': 2 }, absent: ['primary.sizeCm'] },
    { text: 'liver mets (2.1 and 1.4 cm), ECOG 1', facts: { 'metastases.count': 2, ecog: 1 } },
    {
      text: 'brain lesions (14, 8, 5 and 3 mm)',
      facts: { 'metastases.count': 4 },
      absent: ['primary.sizeCm'],
    },
    { text: 'liver mets (14 x 8 mm)', absent: ['metastases.count', 'primary.sizeCm'] },
    { text: 'liver mets, largest 3.4 cm', absent: ['primary.sizeCm', 'metastases.count'] },
    { text: '2 bone mets, largest 2.5 cm', facts: { 'metastases.count': 2 }, absent: ['primary.sizeCm'] },
    { text: 'RUL mass, largest 4 cm', facts: { 'primary.sizeCm': 4 } },
    {
      text: 'RUL primary 4.2 x 3.1 cm, 2 liver mets, largest 1.2 cm',
      facts: { 'primary.sizeCm': 4.2, 'metastases.count': 2 },
    },
  ],
  'a driver test failed, pending or equivocal is no result': [
    { text: 'EGFR QNS', absent: ['driver', 'negativeFor'] },
    { text: 'EGFR failed', absent: ['driver', 'negativeFor'] },
    { text: 'EGFR N/A', absent: ['driver', 'negativeFor'] },
    { text: 'EGFR inconclusive', absent: ['driver', 'negativeFor'] },
    { text: 'EGFR (not assessable)', absent: ['driver', 'negativeFor'] },
    { text: 'ALK IHC equivocal', absent: ['driver', 'negativeFor'] },
    { text: 'EGFR - pending', absent: ['driver', 'negativeFor'] },
    { text: 'EGFR - not done', absent: ['driver', 'negativeFor'] },
    { text: 'ALK - awaited, EGFR ex19del', facts: { driver: 'EGFR' }, absent: ['negativeFor'] },
    { text: 'EGFR -, ALK -', facts: { negativeFor: ['EGFR', 'ALK'] } },
  ],
  'a form-style negative after the item': [
    { text: 'ILD - nil', facts: { 'lung.ild': 'none' } },
    { text: 'ILD - none', facts: { 'lung.ild': 'none' } },
    { text: 'haemoptysis - none', absent: ['symptoms'] },
    { text: 'SVCO - no', absent: ['symptoms'] },
    { text: 'LMD none', absent: ['serosalDisease'] },
    { text: 'absent brain mets', facts: { brain: 'none' }, absent: ['metastases.sites'] },
    { text: 'ILD - no change', facts: { 'lung.ild': 'ild' } },
  ],
  'a denial takes its whole list': [
    { text: 'denies cough, haemoptysis', absent: ['symptoms'] },
    { text: 'denies cough, SOB, chest pain', absent: ['symptoms'] },
    { text: 'denies haemoptysis, 2 liver mets', facts: { 'metastases.count': 2 }, absent: ['symptoms'] },
  ],
  'a hedge does not reach past a comma into a counted item': [
    { text: '?adrenal, 2 bone mets', facts: { 'metastases.count': 2, 'metastases.sites': ['bone'] } },
    { text: 'equivocal adrenal, 1 bone met', facts: { 'metastases.count': 1, 'metastases.sites': ['bone'] } },
    { text: '?bone met T8, 2 liver mets', facts: { 'metastases.count': 2, 'metastases.sites': ['liver'] } },
    { text: '?adrenal, bone mets', absent: ['metastases.sites'] },
  ],
  'abbreviated hedges': [
    { text: 'poss adrenal met', absent: ['metastases.sites', 'metastases.count'] },
    { text: 'prob bone met', absent: ['metastases.sites', 'metastases.count'] },
    { text: 'maybe adrenal met', absent: ['metastases.sites'] },
    { text: 'perhaps 2 liver mets', absent: ['metastases.count'] },
    { text: '2 bone mets, poss adrenal', facts: { 'metastases.count': 2, 'metastases.sites': ['bone'] } },
  ],
  'a driver result still to be confirmed': [
    { text: 'ALK+?', absent: ['driver'] },
    { text: 'EGFR ex19del?', absent: ['driver', 'egfrVariant'] },
    { text: 'ALK+ (tbc)', absent: ['driver'] },
    { text: 'KRAS G12C (to be confirmed)', absent: ['driver'] },
    { text: 'ROS1 possibly +ve', absent: ['driver'] },
    { text: '62M adeno, ALK+?, 2 bone mets', facts: { 'metastases.count': 2 }, absent: ['driver'] },
    { text: 'upfront RT in EGFR+?', facts: { driver: 'EGFR' } },
    { text: 'EGFR ex19del, ECOG 1, upfront RT?', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
  ],
  'a new lesion with its size or segment before the organ is progression': [
    {
      text: 'on osimertinib, new segment 5 liver lesion',
      facts: { 'therapy.response': 'PD', 'progression.sites': 1 },
    },
    {
      text: 'on osimertinib, new 1.7 cm liver lesion, everything else stable',
      facts: { 'therapy.response': 'PD', 'progression.pattern': 'oligoprogression' },
      notAsked: ['therapy.response'],
    },
    { text: 'at diagnosis: 2 new liver lesions', absent: ['therapy.response', 'progression.sites'] },
  ],
  'an organ heading is the label of the finding after it': [
    { text: 'Adrenal: left adrenal nodule, consistent with adenoma', absent: ['metastases.sites'] },
    { text: 'Adrenal: ?left adrenal met', absent: ['metastases.sites'] },
    {
      text: 'Adrenal: left adrenal nodule 2.4 cm, avid, metastasis',
      facts: { 'metastases.sites': ['adrenal'], 'metastases.count': 1 },
    },
  ],
  'single lesions at several places add up': [
    { text: 'T8 met, L1 met', facts: { 'metastases.count': 2 } },
    { text: 'R ilium met, T12 met', facts: { 'metastases.count': 2 } },
    { text: 'T8 met, T8 met', facts: { 'metastases.count': 1 } },
    { text: 'b/l adrenal mets', facts: { 'metastases.count': 2, 'metastases.sites': ['adrenal'] } },
  ],
  'a negative or a plus-minus before the site it names': [
    { text: 'mets: none in liver', absent: ['metastases.sites'] },
    {
      text: '2 bone mets, none in the liver',
      facts: { 'metastases.sites': ['bone'], 'metastases.count': 2 },
    },
    { text: 'liver mets +/- bone', facts: { 'metastases.sites': ['liver'] } },
    { text: '1 liver + 2 bone mets', facts: { 'metastases.count': 3 } },
  ],
  'spinal levels after "mets to"': [
    { text: 'mets to L1, L3, T10', facts: { 'metastases.count': 3, 'metastases.sites': ['bone'] } },
    { text: 'mets to T8', facts: { 'metastases.count': 1 } },
  ],
  'an aside in a bracket keeps the list going': [
    {
      text: '2 bone mets (largest 2 cm, not irradiated), 1 liver',
      facts: { 'metastases.count': 3, 'metastases.sites': ['bone', 'liver'] },
    },
    { text: '2 bone mets (largest 2 cm; painful), 1 liver', facts: { 'metastases.count': 3 } },
    { text: 'adrenal lesion (indeterminate), 1 bone met', facts: { 'metastases.count': 1 } },
  ],
  'a lesion not FDG avid is not called a metastasis': [
    {
      text: 'adrenal lesion (not FDG avid), 2 bone mets',
      facts: { 'metastases.count': 2, 'metastases.sites': ['bone'] },
    },
    { text: 'non-avid left adrenal nodule, 1 liver met', facts: { 'metastases.sites': ['liver'] } },
    { text: '2 bone mets, no uptake elsewhere', facts: { 'metastases.count': 2 } },
  ],
  'a question mark queries the word it is glued to': [
    { text: 'RUL primary? ECOG 1', facts: { ecog: 1 } },
    { text: '2 bone mets, ?ILD', facts: { 'metastases.count': 2 }, absent: ['lung.ild'] },
    { text: 'adrenal? 2 bone mets', facts: { 'metastases.count': 2, 'metastases.sites': ['bone'] } },
    { text: 'adrenal met? 2 bone mets', facts: { 'metastases.count': 2 } },
    { text: 'liver lesion, ?cyst', absent: ['metastases.sites'] },
  ],
  'a denial after its subject': [
    { text: 'He denies cough, haemoptysis or chest pain.', absent: ['symptoms'] },
  ],
  'a new finding called indeterminate is not progression': [
    { text: 'on pembro, new liver lesion, indeterminate', absent: ['therapy.response', 'progression.sites'] },
    { text: 'on pembro, new indeterminate liver lesion', absent: ['therapy.response'] },
    {
      text: 'on pembro, two new lung nodules, indeterminate',
      absent: ['therapy.response', 'metastases.count'],
    },
    { text: 'on pembro, new liver met, ECOG 1', facts: { 'therapy.response': 'PD', ecog: 1 } },
  ],
  'too numerous to count': [
    { text: 'liver lesions too numerous to count', facts: { 'metastases.burden': 'poly' } },
    { text: 'TNTC liver mets', facts: { 'metastases.burden': 'poly', 'metastases.sites': ['liver'] } },
  ],
  'metastasis sizes and benign densities in radiology wording': [
    {
      text: 'Adrenal: 2.3 cm left adrenal nodule, 8 HU unenhanced, consistent with lipid-rich adenoma.',
      absent: ['metastases.sites'],
    },
    {
      text: 'Liver metastases in segments II, IVa, VI and VIII (largest 3.4 cm); no other sites.',
      facts: { 'metastases.count': 4 },
      absent: ['primary.sizeCm'],
    },
    { text: '2 liver lesions measuring 14 mm and 9 mm', absent: ['primary.sizeCm'] },
    { text: '2 liver mets; RUL primary (largest 4 cm)', facts: { 'primary.sizeCm': 4 } },
    {
      text: 'Bones: Sclerotic metastases at T4, T9, L1 and L3, plus left 7th and 8th ribs.',
      facts: { 'metastases.count': 6 },
    },
    {
      text: 'oligo: L2 + R adrenal',
      facts: { 'metastases.count': 2, 'metastases.sites': ['bone', 'adrenal'] },
    },
  ],
  'a malignant effusion told by its cytology': [
    {
      text: 'pleural effusion, positive for malignant cells',
      facts: { serosalDisease: ['pleural-effusion'] },
    },
    {
      text: 'pericardial effusion, positive for malignant cells',
      facts: { serosalDisease: ['pericardial-effusion'] },
    },
    { text: 'R pl eff, cyto +ve', facts: { serosalDisease: ['pleural-effusion'] } },
    { text: 'pleural effusion, cytology: adenocarcinoma', facts: { serosalDisease: ['pleural-effusion'] } },
    { text: 'pleural effusion, cytology negative', absent: ['serosalDisease'] },
    { text: 'pleural effusion, cytology pending', absent: ['serosalDisease'] },
    { text: 'right pleural effusion, malignant effusion vs parapneumonic', absent: ['serosalDisease'] },
  ],
  'a dated brain MRI report names the organ of its findings': [
    { text: 'MRI brain 2024: 2 mets', facts: { 'metastases.sites': ['brain'], 'metastases.count': 2 } },
    { text: 'MRI brain 12/03/2025: 2 mets', facts: { 'metastases.sites': ['brain'], 'metastases.count': 2 } },
    { text: 'Brain MRI (Jan): 2 mets', facts: { 'metastases.sites': ['brain'] } },
    { text: 'PET and MRI brain done, 2 bone mets', facts: { 'metastases.sites': ['bone'] } },
  ],
  'a comma phrase that calls the finding before it uncertain': [
    {
      text: 'Contralateral lung: two new subcentimetre nodules in the LUL, indeterminate, follow-up advised.',
      absent: ['metastases.sites', 'metastases.count', 'therapy.response'],
    },
    {
      text: 'adrenal nodule, indeterminate, 2 bone mets',
      facts: { 'metastases.count': 2, 'metastases.sites': ['bone'] },
    },
  ],
  'a hormone receptor status is not a response': [
    { text: 'breast cancer, ER+/PR-/HER2+', absent: ['therapy.response', 'driver'] },
    { text: 'PR+ breast ca with lung mets', absent: ['therapy.response'] },
    { text: 'osimertinib: PR - continue', facts: { 'therapy.response': 'PR' } },
  ],
  'a complete response with residual uptake elsewhere is partial': [
    {
      text: 'PET-CT after 4 cycles: complete metabolic response in nodes and bone, residual low-grade uptake at the primary',
      facts: { 'therapy.response': 'PR' },
    },
    { text: 'osimertinib, complete response', facts: { 'therapy.response': 'CR' } },
  ],
  'a measurement, a dimension or a rib number is not a lesion count': [
    { text: 'Hb 11, bone met', facts: { 'metastases.count': 1 } },
    { text: 'CEA 12, liver met', facts: { 'metastases.count': 1 } },
    { text: 'primary SUVmax 14, bone met', facts: { 'metastases.count': 1 } },
    { text: 'a 6 x 5 cm liver metastasis', facts: { 'metastases.count': 1 } },
    { text: 'a 3 x 2 cm liver metastasis and 1 bone met', facts: { 'metastases.count': 2 } },
    { text: 'rib 6 met', facts: { 'metastases.count': 1 } },
    { text: 'liver met SUVmax 7, bone met SUVmax 5', facts: { 'metastases.count': 2 } },
    { text: 'met in rib 4 and rib 7', absent: ['metastases.count'] },
  ],
  'a negative mark after the term': [
    { text: 'ILD (-)', facts: { 'lung.ild': 'none' } },
    { text: 'ILD no', facts: { 'lung.ild': 'none' } },
    { text: 'prior thoracic RT no', facts: { 'lung.priorThoracicRt': false } },
    { text: 'Haemoptysis (-)', absent: ['symptoms'] },
    { text: 'malignant effusion (-)', absent: ['serosalDisease'] },
    { text: 'leptomeningeal disease (-)', absent: ['serosalDisease'] },
    { text: 'brain mets (-)', facts: { brain: 'none' }, absent: ['metastases.sites'] },
    { text: 'liver mets (-), 2 bone mets', facts: { 'metastases.count': 2, 'metastases.sites': ['bone'] } },
    { text: '2 bone mets (no fracture)', facts: { 'metastases.count': 2 } },
    { text: 'ILD (+)', facts: { 'lung.ild': 'ild' } },
  ],
  'a time point is not a lesion count': [
    {
      text: 'on osimertinib (month 22): new adrenal met',
      facts: { 'metastases.count': 1, 'progression.sites': 1, 'therapy.response': 'PD' },
      absent: ['progression.pattern'],
    },
    { text: 'week 12 of sotorasib: new liver met', facts: { 'metastases.count': 1 } },
  ],
  'a planned treatment of the lesions does not hedge them': [
    {
      text: 'SRS to 3 brain mets planned for next week',
      facts: { 'metastases.count': 3, 'metastases.sites': ['brain'] },
    },
    { text: 'biopsy of adrenal lesion planned', absent: ['metastases.sites'] },
  ],
  'a progression list goes on past "both" or "the"': [
    {
      text: 'Progression in the primary, both adrenals and liver',
      facts: { 'progression.sites': 4, 'progression.primaryProgressing': true },
    },
  ],
  'a relapse on therapy is progression; a flare rather than PD is not': [
    {
      text: 'Relapsed on durvalumab: new L adrenal met',
      facts: { 'therapy.response': 'PD', 'progression.sites': 1 },
    },
    { text: 'relapse after surgery: 2 new liver mets', absent: ['therapy.response'] },
    { text: 'bone lesions more sclerotic (flare rather than PD)', absent: ['therapy.response'] },
    { text: 'PD rather than pseudoprogression', facts: { 'therapy.response': 'PD' } },
  ],
  'a count the board supposes is no finding': [
    {
      text: 'What if she had 6 mets? Currently 2 bone mets.',
      facts: { 'metastases.count': 2 },
      notAsked: ['metastases.count'],
    },
    { text: 'oligometastatic (3 mets)', facts: { 'metastases.count': 3 } },
  ],
  'counts written after the organ, and lists under a header': [
    { text: 'brain metastases 3', facts: { 'metastases.count': 3, 'metastases.sites': ['brain'] } },
    { text: 'liver mets 3, ECOG 1', facts: { 'metastases.count': 3, ecog: 1 } },
    { text: 'bone lesions n=3', facts: { 'metastases.count': 3 } },
    { text: 'bone mets 3 months ago', absent: ['metastases.count'] },
    { text: 'mets: bone; liver; adrenal', facts: { 'metastases.organs': 3 } },
    { text: '2 bone mets; liver', facts: { 'metastases.sites': ['bone'], 'metastases.count': 2 } },
  ],
  'progression already treated, and a negative before a colon': [
    {
      text: 'now NED on osimertinib after SBRT to 3 sites of oligoPD',
      facts: { 'therapy.response': 'CR' },
      absent: ['progression.pattern'],
    },
    { text: 'after SBRT to the adrenal, new progression in liver', facts: { 'therapy.response': 'PD' } },
    {
      text: 'Pseudoprogression excluded: true progression of the primary',
      facts: { 'therapy.response': 'PD', 'progression.primaryProgressing': true },
    },
    { text: 'brain mets excluded, 2 bone mets', facts: { brain: 'none', 'metastases.count': 2 } },
    {
      text: 'Pseudoprogression excluded on biopsy: true progression of the primary on nivolumab, rest stable',
      facts: { 'therapy.response': 'PD', 'progression.pattern': 'oligoprogression' },
    },
  ],
  'progression shorthand: prim, ctrl, @': [
    {
      text: 'PD prim + 1 rib, rest ctrl',
      facts: {
        'progression.primaryProgressing': true,
        'progression.sites': 2,
        'progression.pattern': 'oligoprogression',
      },
    },
    {
      text: 'PD @ 3 sites (liver x2, adrenal), prim SD',
      facts: { 'progression.sites': 3, 'progression.primaryProgressing': false, 'therapy.response': 'PD' },
      notAsked: ['therapy.response'],
    },
  ],
  'an oligoprogression already treated is history': [
    {
      text: 'osi 1L, oligoPD x1 (L adrenal) → SBRT 08/24, cont osi; now 2nd oligoPD: rib + primary',
      facts: { 'progression.sites': 2, 'progression.primaryProgressing': true },
    },
    {
      text: 'OligoPD at 1 site (R adrenal) treated with SBRT 35 Gy/5 in 2024, osimertinib unchanged; now further PD in liver x6 and bones',
      facts: { 'progression.pattern': 'polyprogression' },
    },
    { text: 'oligoPD in adrenal, for SBRT', facts: { 'progression.pattern': 'oligoprogression' } },
    { text: 'oligoprogression in the adrenal → SBRT?', facts: { 'progression.pattern': 'oligoprogression' } },
  ],
  'a count of progressing lesions after a comma': [
    {
      text: 'Liver-only oligoprogression, 3 lesions, on pembrolizumab; primary and bones stable.',
      facts: { 'progression.sites': 3, 'progression.pattern': 'oligoprogression' },
    },
  ],
  'a count after the organ written after the metastasis word': [
    {
      text: 'metastases hepatic 2, metastases osseous 1',
      facts: { 'metastases.count': 3, 'metastases.organs': 2 },
    },
  ],
  'the largest of several deposits is not the primary': [
    {
      text: 'Pleura: multiple nodular pleural deposits along the right hemithorax, largest 12 mm, with moderate effusion.',
      absent: ['primary.sizeCm'],
    },
  ],
  'more non-lung primaries': [
    { text: 'cholangiocarcinoma, lung and bone metastases', facts: { primarySite: 'non-lung' } },
    { text: 'adenoid cystic carcinoma of the parotid, lung metastases', facts: { primarySite: 'non-lung' } },
  ],
  'a generic lesion word yields to the organ after it': [
    { text: 'New 2.3 cm lesion in the right adrenal', absent: ['primary.sizeCm'] },
    { text: '4 cm lesion in the RUL', facts: { 'primary.sizeCm': 4 } },
  ],
  'a contrast ends a denied list': [
    {
      text: 'denies chest pain, but has new-onset haemoptysis (teaspoons)',
      facts: { symptoms: ['hemoptysis'] },
    },
    { text: 'denies cough, haemoptysis', absent: ['symptoms'] },
  ],
  'more shorthand: sq ca, selper': [
    { text: 'sq ca, pdl1 0', facts: { histology: 'squamous', pdl1: 0 } },
    {
      text: 'ret fusion, selper 5 mnths, PR',
      facts: { 'therapy.agent': 'selpercatinib', 'therapy.months': 5 },
    },
  ],
  'two performance statuses with their sources': [
    { text: 'PS: 1 (oncologist) / 2 (physio)', conflicts: ['ecog'] },
    { text: 'ECOG 1 (good), 2 bone mets', facts: { ecog: 1, 'metastases.count': 2 } },
  ],
  'lesions still to be characterised': [
    {
      text: '2 liver lesions, characterisation pending on MRI liver; bone scan negative',
      absent: ['metastases.count', 'metastases.sites'],
    },
    { text: '2 liver lesions, to be characterised', absent: ['metastases.count'] },
  ],
  'response codes in a text typed all in lower case': [
    { text: 'alk+ on alec 2yrs, cr, ecog 0', facts: { 'therapy.response': 'CR', ecog: 0 } },
    { text: 'ret fusion, selper 5 mnths, pr', facts: { 'therapy.response': 'PR' } },
    { text: 'cr 90, on osi', absent: ['therapy.response'] },
    { text: 'pd-l1 80%, on pembro', facts: { pdl1: 80 }, absent: ['therapy.response'] },
  ],
  '"dz" for disease': [
    {
      text: 'alk+ on alec 2yrs, cr, no brain dz, ecog 0',
      facts: { brain: 'none', 'therapy.response': 'CR' },
    },
    {
      text: 'bone dz, 2 liver mets',
      facts: { 'metastases.sites': ['bone', 'liver'] },
      absent: ['metastases.count'],
    },
  ],
  'a variant ruled out in glued shorthand': [
    { text: 'EGFR ex19 neg', facts: { negativeFor: ['EGFR'] }, absent: ['driver', 'egfrVariant'] },
    { text: 'MET ex14 neg', facts: { negativeFor: ['MET'] }, absent: ['driver'] },
    { text: 'EGFR exon19del negative', facts: { negativeFor: ['EGFR'] }, absent: ['driver'] },
    { text: 'EGFR ex20ins neg', facts: { negativeFor: ['EGFR'] }, absent: ['driver'] },
    { text: 'EGFR exon19del', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'EGFR ex19 neg, ex21 L858R detected', facts: { driver: 'EGFR', egfrVariant: 'L858R' } },
  ],
  'a brain region names what a size measures': [
    {
      text: 'MRI HEAD WITH GADOLINIUM: Two enhancing lesions, 6 mm right cerebellar and 11 mm left parietal',
      absent: ['primary.sizeCm'],
    },
  ],
  'a count glued to its site': [
    { text: '3bone mets', facts: { 'metastases.count': 3, 'metastases.sites': ['bone'] } },
    { text: '1adrenal met+2bone mets', facts: { 'metastases.count': 3, 'metastases.organs': 2 } },
    { text: '4.2cm RUL', facts: { 'primary.sizeCm': 4.2 }, absent: ['metastases.count'] },
  ],
  'progression everywhere': [
    {
      text: 'on osi, PD everywhere',
      facts: { 'progression.pattern': 'polyprogression', 'therapy.response': 'PD' },
    },
  ],
  'a response code after a site': [
    {
      text: 'liver PR, adrenal PD',
      facts: { 'therapy.response': 'PD', 'progression.sites': 1, 'progression.pattern': 'oligoprogression' },
    },
  ],
};

describe('a topic question states the facts it asks about (issue 14)', () => {
  const loaded = loadIntentsSync();
  const intents = loaded.ok ? loaded.intents : [];

  it.each([
    ['safety with ILD', 'ild'],
    ['safety with ILD?', 'ild'],
    ['is SBRT safe with interstitial lung disease?', 'ild'],
    ['toxicity of thoracic RT with IPF?', 'ipf'],
  ])('%s → the safety topic, narrowed to the ILD status', (text, ild) => {
    const r = route(text, intents);
    expect(r.kind).toBe('topic');
    expect(r.kind === 'topic' && r.topic).toBe('safety');
    expect(r.reading.case.lung?.ild).toBe(ild);
  });

  it('keeps a safety question about a stated case on the safety intent', () => {
    const r = route('EGFR L858R on osimertinib, is SBRT safe with ILD?', intents);
    expect(r.classification.intent).toBe('safety');
    expect(r.reading.case.lung?.ild).toBe('ild');
  });
});

describe('phrasing classes (issue 14)', () => {
  for (const [name, rows] of Object.entries(CLASSES)) {
    describe(name, () => {
      for (const row of rows) it(row.text, () => checkReading(row));
    });
  }

  it('keeps spans valid in the redacted text when Slack markup is decoded', () => {
    const r = readText('<@U0AB12> &lt;adeno&gt; 2 bone mets &amp; 1 adrenal, <https://x.org/a|link> ECOG 1');
    expect(r.redacted).not.toContain('&amp;');
    expect(r.redacted).not.toContain('<@');
    const ecog = r.understood.find((u) => u.fact === 'ecog');
    expect(ecog?.text).toContain('ECOG');
    expect(r.case.metastases?.sites).toEqual(['bone', 'adrenal']);
  });
});
