// Realistic phrasings in many styles (terse, narrative, British and American, abbreviations, typos), each with
// the facts it must give. A row lists only what it is about; `absent` lists facts that must stay unknown.
import { describe, it } from 'vitest';
import { check, type Row } from './support.js';

const stage: Row[] = [
  { text: 'cT2bN2M1c', expect: { stage: { t: 'T2b', n: 'N2', m: 'M1c' } }, absent: ['stage.edition'] },
  { text: 'T3 N1 M1b', expect: { stage: { t: 'T3', n: 'N1', m: 'M1b' } } },
  { text: 'pT1c pN0 cM1a', expect: { stage: { t: 'T1c', n: 'N0', m: 'M1a' } } },
  { text: 'ycT2a ycN1 M1b after induction', expect: { stage: { t: 'T2a', n: 'N1', m: 'M1b' } } },
  { text: 'T4N3M1c2 (TNM9)', expect: { stage: { t: 'T4', n: 'N3', m: 'M1c2', edition: 9 } } },
  { text: 'staged cT1bN2bM1c1', expect: { stage: { t: 'T1b', n: 'N2b', m: 'M1c1', edition: 9 } } },
  { text: 'M1c per AJCC 8th edition', expect: { stage: { m: 'M1c', edition: 8 } } },
  { text: 'stage IVB', expect: { stage: { group: 'IVB' } } },
  { text: 'Stage IVA NSCLC', expect: { stage: { group: 'IVA' }, primarySite: 'lung' } },
  { text: 'stage 4 lung adenocarcinoma', expect: { stage: { group: 'IV' }, histology: 'adenocarcinoma' } },
  { text: 'metastatic NSCLC', expect: { stage: { group: 'IV' }, primarySite: 'lung' } },
  { text: 'stage IV, now metastatic to bone', expect: { stage: { group: 'IV' } } },
  { text: 'stage IIIA, T3N2M0', expect: { stage: { group: 'III', t: 'T3', n: 'N2', m: 'M0' } } },
  {
    text: 'bone mets at T4 and T8 vertebrae, cT2a N0 M1b',
    expect: { stage: { t: 'T2a', n: 'N0', m: 'M1b' } },
  },
  { text: 'N2 disease, no distant spread', expect: { stage: { n: 'N2' } }, absent: ['metastases'] },
];

const histology: Row[] = [
  { text: 'adeno', expect: { histology: 'adenocarcinoma' } },
  { text: 'LUAD', expect: { histology: 'adenocarcinoma', primarySite: 'lung' } },
  { text: 'lung adenocarcinonma, EGFR+', expect: { histology: 'adenocarcinoma', driver: 'EGFR' } },
  { text: 'SqCC of the LLL', expect: { histology: 'squamous', primary: { lobe: 'LLL' } } },
  { text: 'squamous cell carcinoma', expect: { histology: 'squamous' } },
  { text: 'large cell carcinoma', expect: { histology: 'large-cell' } },
  { text: 'NSCLC NOS', expect: { histology: 'nsclc-nos' } },
  { text: 'non-small cell lung cancer, not otherwise specified', expect: { histology: 'nsclc-nos' } },
  { text: 'small cell lung cancer, extensive stage', expect: { histology: 'sclc' } },
  { text: 'SCLC', expect: { histology: 'sclc' } },
  { text: 'non-small cell lung cancer', expect: { primarySite: 'lung' }, absent: ['histology'] },
  { text: 'non-squamous NSCLC', expect: { primarySite: 'lung' }, absent: ['histology'] },
  { text: 'adenosquamous carcinoma', expect: { histology: 'other' } },
  { text: 'sarcomatoid carcinoma of lung', expect: { histology: 'other' } },
  { text: 'LCNEC', expect: { histology: 'other' } },
  { text: 'mediastinal lymphadenopathy, adrenal adenoma', expect: {}, absent: ['histology', 'metastases'] },
];

const driver: Row[] = [
  { text: 'EGFR ex19del', expect: { driver: 'EGFR', egfrVariant: 'ex19del' } },
  { text: 'EGFR exon 19 deletion', expect: { driver: 'EGFR', egfrVariant: 'ex19del' } },
  { text: 'exon 19 del', expect: { driver: 'EGFR', egfrVariant: 'ex19del' } },
  { text: 'L858R+', expect: { driver: 'EGFR', egfrVariant: 'L858R' } },
  { text: 'EGFR exon 21 L858R mutation', expect: { driver: 'EGFR', egfrVariant: 'L858R' } },
  { text: 'EGFRm', expect: { driver: 'EGFR' }, absent: ['egfrVariant'] },
  { text: 'EGFR-mutant adeno', expect: { driver: 'EGFR', histology: 'adenocarcinoma' } },
  { text: 'EGFR exon 20 insertion', expect: { driver: 'EGFR', egfrVariant: 'exon20ins' } },
  { text: 'ex20ins', expect: { driver: 'EGFR', egfrVariant: 'exon20ins' } },
  { text: 'EGFR G719X', expect: { driver: 'EGFR', egfrVariant: 'uncommon' } },
  { text: 'EGFR L861Q', expect: { driver: 'EGFR', egfrVariant: 'uncommon' } },
  { text: 'EGFR S768I + G719A compound', expect: { driver: 'EGFR', egfrVariant: 'uncommon' } },
  { text: 'EGFR wt, ALK+', expect: { driver: 'ALK' } },
  { text: 'EGFR wild-type, ALK rearranged (EML4-ALK)', expect: { driver: 'ALK' } },
  { text: 'ALK-rearranged', expect: { driver: 'ALK' } },
  { text: 'ROS1 fusion', expect: { driver: 'ROS1' } },
  { text: 'KIF5B-RET fusion', expect: { driver: 'RET' } },
  { text: 'MET exon 14 skipping', expect: { driver: 'MET' } },
  { text: 'METex14', expect: { driver: 'MET' } },
  { text: 'BRAF V600E', expect: { driver: 'BRAF' } },
  { text: 'NTRK1 fusion', expect: { driver: 'NTRK' } },
  { text: 'HER2 exon 20 insertion', expect: { driver: 'HER2' }, absent: ['egfrVariant'] },
  { text: 'KRAS G12C', expect: { driver: 'KRAS' } },
  { text: 'KRAS G12D mutant, PD-L1 10%', expect: { driver: 'KRAS', pdl1: 10 } },
  { text: 'driver negative', expect: { driver: 'none' } },
  { text: 'no actionable mutation', expect: { driver: 'none' } },
  { text: 'NGS: no targetable alterations', expect: { driver: 'none' } },
  { text: 'pan-negative', expect: { driver: 'none' } },
  // "all" is the genes just listed: a partial panel (decision-spec §2), not a complete one.
  {
    text: 'EGFR/ALK/ROS1 all negative',
    expect: { negativeFor: ['EGFR', 'ALK', 'ROS1'] },
    absent: ['driver'],
  },
  { text: 'EGFR wt', expect: {}, absent: ['driver'] },
  { text: 'ALK negative', expect: {}, absent: ['driver'] },
  { text: 'EGFR and ALK negative, PD-L1 90%', expect: { pdl1: 90 }, absent: ['driver'] },
  { text: 'negative for EGFR, ALK and ROS1', expect: {}, absent: ['driver'] },
  { text: 'EGFR pending', expect: {}, absent: ['driver'] },
  { text: 'EGFR TKI candidate', expect: {}, absent: ['driver'] },
  { text: 'no actionable driver; KRAS G12V', expect: { driver: 'KRAS' } },
  { text: 'EGFR ex19del, T790M negative', expect: { driver: 'EGFR', egfrVariant: 'ex19del' } },
];

const scores: Row[] = [
  { text: 'PD-L1 80%', expect: { pdl1: 80 } },
  { text: 'TPS <1%', expect: { pdl1: 0 } },
  { text: 'PD-L1 (22C3) TPS 55%', expect: { pdl1: 55 } },
  { text: 'PD-L1 negative', expect: { pdl1: 0 } },
  { text: 'PDL1 ≥50%', expect: { pdl1: 50 } },
  { text: 'PD-L1 1-49%', expect: {}, absent: ['pdl1'] },
  { text: 'ECOG 1', expect: { ecog: 1 } },
  { text: 'PS 2', expect: { ecog: 2 } },
  { text: 'WHO PS 0', expect: { ecog: 0 } },
  { text: 'ECOG PS1', expect: { ecog: 1 } },
  { text: 'performance status 3', expect: { ecog: 3 } },
  { text: 'ECOG performance status of 2', expect: { ecog: 2 } },
  { text: 'WHO 1', expect: { ecog: 1 } },
  { text: 'KPS 70', expect: { karnofsky: 70 }, absent: ['ecog'] },
  { text: 'Karnofsky 90%', expect: { karnofsky: 90 }, absent: ['ecog'] },
  { text: 'life expectancy < 3 months', expect: { lifeExpectancyMonths: 2.9 } },
  // Under the bound: "< 6 months" meets the 6-month threshold of §5.
  { text: 'life expectancy < 6 months', expect: { lifeExpectancyMonths: 5.9 } },
  { text: 'life expectancy of weeks', expect: { lifeExpectancyMonths: 1 } },
  { text: 'life expectancy more than a year', expect: { lifeExpectancyMonths: 12 } },
  { text: 'prognosis of about 2 years', expect: { lifeExpectancyMonths: 24 } },
  { text: 'life expectancy > 6 months', expect: { lifeExpectancyMonths: 6 } },
];

const metastases: Row[] = [
  { text: '4 mets in 2 organs', expect: { metastases: { count: 4, organs: 2 } } },
  {
    text: '5 metastatic lesions across three organ systems',
    expect: { metastases: { count: 5, organs: 3 } },
  },
  { text: 'oligometastatic, 2-organ disease', expect: { metastases: { burden: 'oligo', organs: 2 } } },
  {
    text: '3 bone mets + R adrenal',
    expect: { metastases: { count: 4, organs: 2, sites: ['bone', 'adrenal'] } },
  },
  {
    text: '2 bone mets + 1 adrenal',
    expect: { metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] } },
  },
  { text: 'two liver mets', expect: { metastases: { count: 2, organs: 1, sites: ['liver'] } } },
  { text: 'single brain met', expect: { metastases: { count: 1, organs: 1, sites: ['brain'] } } },
  { text: 'solitary left adrenal metastasis', expect: { metastases: { count: 1, sites: ['adrenal'] } } },
  { text: 'oligometastatic', expect: { metastases: { burden: 'oligo' } } },
  { text: 'oligo-metastatic disease', expect: { metastases: { burden: 'oligo' } } },
  {
    text: 'widespread bone disease',
    expect: { metastases: { burden: 'poly', sites: ['bone'], organs: 1 } },
    absent: ['metastases.count'],
  },
  { text: 'diffuse liver metastases', expect: { metastases: { burden: 'poly', sites: ['liver'] } } },
  { text: 'multiple bone mets', expect: { metastases: { burden: 'poly', sites: ['bone'] } } },
  { text: 'innumerable lung nodules', expect: { metastases: { burden: 'poly' } } },
  { text: 'polymetastatic', expect: { metastases: { burden: 'poly' } } },
  { text: '3 mets', expect: { metastases: { count: 3 } }, absent: ['metastases.organs', 'metastases.sites'] },
  {
    text: 'mets to bone, liver and R adrenal',
    expect: { metastases: { organs: 3, sites: ['bone', 'liver', 'adrenal'] } },
    absent: ['metastases.count'],
  },
  {
    text: 'bone, liver and adrenal metastases',
    expect: { metastases: { organs: 3, sites: ['bone', 'liver', 'adrenal'] } },
  },
  {
    text: 'brain mets x2 and 1 liver met',
    expect: { metastases: { count: 3, organs: 2, sites: ['liver', 'brain'] } },
  },
  { text: 'liver (2) and bone (1) mets', expect: { metastases: { count: 3, organs: 2 } } },
  {
    text: 'bilateral adrenal metastases',
    expect: { metastases: { count: 2, organs: 1, sites: ['adrenal'] } },
  },
  {
    text: 'contralateral lung nodule',
    expect: { metastases: { count: 1, sites: ['contralateral-lung'] } },
  },
  { text: 'malignant pleural effusion', expect: { serosalDisease: ['pleural-effusion'] } },
  { text: 'pericardial effusion, cytology positive', expect: { serosalDisease: ['pericardial-effusion'] } },
  { text: 'leptomeningeal disease', expect: { serosalDisease: ['leptomeningeal'] } },
  { text: 'pleural nodules (M1a)', expect: { metastases: { sites: ['pleura'] }, stage: { m: 'M1a' } } },
  { text: 'axillary node metastasis', expect: { metastases: { sites: ['distant-nodes'] } } },
  {
    text: 'distant nodal disease in the retroperitoneum',
    expect: { metastases: { sites: ['distant-nodes'] } },
  },
  { text: 'mediastinal and hilar nodes', expect: {}, absent: ['metastases'] },
  { text: 'supraclavicular node (N3)', expect: { stage: { n: 'N3' } }, absent: ['metastases'] },
  {
    text: '2 bone mets and mediastinal nodal disease',
    expect: { metastases: { count: 2, organs: 1, sites: ['bone'] } },
  },
  { text: 'T8 vertebral met', expect: { metastases: { count: 1, sites: ['bone'] } } },
  { text: 'skin and kidney mets', expect: { metastases: { organs: 2, sites: ['other'] } } },
  { text: 'R adrenal adenoma, 2 liver mets', expect: { metastases: { count: 2, sites: ['liver'] } } },
  { text: 'MRI brain: 2 mets', expect: { metastases: { count: 2, sites: ['brain'] } } },
];

const brain: Row[] = [
  { text: 'no brain mets on MRI', expect: { brain: 'none', staging: { brainMri: 'done' } } },
  {
    text: '2 brain mets s/p SRS',
    expect: { brain: 'treated-stable', metastases: { count: 2, sites: ['brain'] } },
  },
  {
    text: 'untreated brain mets',
    expect: { brain: 'untreated-asymptomatic', metastases: { sites: ['brain'] } },
  },
  { text: 'symptomatic brain mets', expect: { brain: 'symptomatic' } },
  { text: 'brain metastases with seizures', expect: { brain: 'symptomatic' } },
  { text: 'brain mets, awaiting SRS', expect: { brain: 'untreated-asymptomatic' } },
  { text: 'brain met treated with gamma knife, stable', expect: { brain: 'treated-stable' } },
  { text: 'MRI brain negative', expect: { brain: 'none', staging: { brainMri: 'done' } } },
  { text: 'brain MRI pending', expect: { staging: { brainMri: 'not-done' } }, absent: ['brain'] },
  { text: 'no brain MRI yet', expect: { staging: { brainMri: 'not-done' } }, absent: ['brain'] },
  { text: 'no evidence of intracranial metastatic disease', expect: { brain: 'none' } },
];

const therapy: Row[] = [
  { text: 'treatment-naive', expect: { therapy: { status: 'naive' } } },
  { text: 'TKI-naive', expect: { therapy: { status: 'naive' } }, absent: ['therapy.regimen'] },
  {
    text: 'starting osimertinib',
    expect: { therapy: { status: 'naive', regimen: 'egfr-tki', agent: 'osimertinib' } },
  },
  { text: 'on osimertinib', expect: { therapy: { status: 'on-treatment', regimen: 'egfr-tki' } } },
  {
    text: 'PR after 3 months osimertinib',
    expect: { therapy: { status: 'on-treatment', regimen: 'egfr-tki', months: 3, response: 'PR' } },
  },
  {
    text: 'osimertinb x3mo',
    expect: { therapy: { agent: 'osimertinib', months: 3, status: 'on-treatment' } },
  },
  { text: 'gefitinib for 8 weeks', expect: { therapy: { regimen: 'egfr-tki', weeks: 8 } } },
  { text: 'erlotinib since 6/52, responding', expect: { therapy: { weeks: 6, response: 'PR' } } },
  {
    text: '4 cycles carbo/pem/pembro, SD',
    expect: {
      therapy: {
        regimen: 'chemo-io',
        agent: 'carboplatin + pemetrexed + pembrolizumab',
        cycles: 4,
        response: 'SD',
        status: 'on-treatment',
      },
    },
  },
  { text: 'cisplatin/pemetrexed C4', expect: { therapy: { regimen: 'chemo', cycles: 4 } } },
  { text: 'carboplatin and paclitaxel x 6 cycles', expect: { therapy: { regimen: 'chemo', cycles: 6 } } },
  { text: 'pembrolizumab monotherapy', expect: { therapy: { regimen: 'io', agent: 'pembrolizumab' } } },
  { text: 'nivo/ipi', expect: { therapy: { regimen: 'io', agent: 'nivolumab + ipilimumab' } } },
  { text: 'durvalumab', expect: { therapy: { regimen: 'io' } } },
  { text: 'alectinib 600 mg bd', expect: { therapy: { regimen: 'other-tki', agent: 'alectinib' } } },
  { text: 'lorlatinib', expect: { therapy: { regimen: 'other-tki' } } },
  { text: 'sotorasib second line', expect: { therapy: { regimen: 'other-tki', agent: 'sotorasib' } } },
  {
    text: 'dabrafenib/trametinib',
    expect: { therapy: { regimen: 'other-tki', agent: 'dabrafenib + trametinib' } },
  },
  { text: 'selpercatinib', expect: { therapy: { regimen: 'other-tki' } } },
  { text: 'chemo-IO', expect: { therapy: { regimen: 'chemo-io' } } },
  { text: 'chemoimmunotherapy planned', expect: { therapy: { regimen: 'chemo-io', status: 'naive' } } },
  { text: 'stopped osimertinib', expect: { therapy: { status: 'off-treatment', regimen: 'egfr-tki' } } },
  { text: 'off treatment since March', expect: { therapy: { status: 'off-treatment' } } },
  { text: 'EGFR ex19del on TKI for 10 weeks', expect: { therapy: { regimen: 'egfr-tki', weeks: 10 } } },
  { text: 'complete response on PET', expect: { therapy: { response: 'CR' } } },
  { text: 'partial response', expect: { therapy: { response: 'PR' } } },
  { text: 'stable disease at restaging', expect: { therapy: { response: 'SD' } } },
  { text: 'progressive disease', expect: { therapy: { response: 'PD' } } },
  {
    // The planned chemotherapy is the next line: the current one is osimertinib, progressing.
    text: 'progressed on osimertinib after 14 months, new chemo planned',
    expect: { therapy: { response: 'PD', agent: 'osimertinib', regimen: 'egfr-tki' } },
  },
  { text: 'T-DXd', expect: { therapy: { agent: 'trastuzumab deruxtecan' } }, absent: ['therapy.regimen'] },
];

const progression: Row[] = [
  {
    text: 'oligoprogression in the primary only',
    expect: {
      progression: { pattern: 'oligoprogression', primaryProgressing: true, sites: 1 },
      therapy: { response: 'PD' },
    },
  },
  {
    text: 'progressing in liver and bone',
    expect: {
      progression: { sites: 2 },
      therapy: { response: 'PD' },
      metastases: { sites: ['bone', 'liver'] },
    },
    absent: ['progression.pattern'],
  },
  {
    text: 'progression in liver and bone, rest of disease stable',
    expect: { progression: { pattern: 'oligoprogression', sites: 2 }, therapy: { response: 'PD' } },
  },
  { text: 'polyprogression', expect: { progression: { pattern: 'polyprogression' } } },
  {
    text: 'widespread progression on pembrolizumab',
    expect: { progression: { pattern: 'polyprogression' } },
  },
  { text: 'no progression at 6 months', expect: { progression: { pattern: 'none' } } },
  {
    text: 'new liver met, primary stable',
    expect: {
      progression: { primaryProgressing: false, pattern: 'oligoprogression', sites: 1 },
      therapy: { response: 'PD' },
    },
  },
  {
    text: 'primary growing on osimertinib, other sites controlled',
    expect: { progression: { primaryProgressing: true, pattern: 'oligoprogression' } },
  },
  { text: 'oligo-progressive disease', expect: { progression: { pattern: 'oligoprogression' } } },
  { text: 'progression-free survival benefit', expect: {}, absent: ['progression', 'therapy'] },
];

const chest: Row[] = [
  {
    text: '4.2 cm RUL peripheral',
    expect: { primary: { sizeCm: 4.2, lobe: 'RUL', location: 'peripheral' } },
  },
  { text: '28 mm', expect: { primary: { sizeCm: 2.8 } } },
  { text: 'tumour 4.5 x 3.2 cm', expect: { primary: { sizeCm: 4.5 } } },
  {
    text: 'hilar mass abutting the left main bronchus',
    expect: { primary: { location: 'ultracentral' } },
  },
  { text: 'touching trachea', expect: { primary: { location: 'ultracentral' } } },
  { text: 'ultra-central tumour', expect: { primary: { location: 'ultracentral' } } },
  { text: 'central tumour', expect: { primary: { location: 'central' } } },
  { text: 'perihilar mass', expect: { primary: { location: 'central' } } },
  { text: 'hilar nodes', expect: {}, absent: ['primary'] },
  { text: 'endobronchial component', expect: { primary: { endobronchial: true } } },
  { text: 'no endobronchial disease', expect: { primary: { endobronchial: false } } },
  { text: 'right middle lobe', expect: { primary: { lobe: 'RML' } } },
  { text: 'lingula', expect: { primary: { lobe: 'lingula' } } },
  { text: 'adrenal met 1.5 cm', expect: {}, absent: ['primary.sizeCm'] },
  {
    text: 'within 2 cm of the proximal bronchial tree',
    expect: { primary: { location: 'central' } },
    absent: ['primary.sizeCm'],
  },
  { text: 'haemoptysis', expect: { symptoms: ['hemoptysis'] } },
  { text: 'hemoptysis and cough', expect: { symptoms: ['hemoptysis', 'cough'] } },
  { text: 'post-obstructive pneumonia', expect: { symptoms: ['airway-obstruction'] } },
  { text: 'stridor', expect: { symptoms: ['airway-obstruction'] } },
  { text: 'SVCO', expect: { symptoms: ['svc-syndrome'] } },
  { text: 'SVC syndrome', expect: { symptoms: ['svc-syndrome'] } },
  { text: 'chest wall pain', expect: { symptoms: ['chest-pain'] } },
  { text: 'dyspnoea', expect: { symptoms: ['dyspnea'] } },
  { text: 'SOB on exertion', expect: { symptoms: ['dyspnea'] } },
  { text: 'shortness of breath', expect: { symptoms: ['dyspnea'] } },
  { text: 'asymptomatic', expect: { symptoms: [] } },
  { text: 'UIP/IPF', expect: { lung: { ild: 'ipf' } } },
  { text: 'ILD', expect: { lung: { ild: 'ild' } } },
  { text: 'interstitial lung disease (NSIP)', expect: { lung: { ild: 'ild' } } },
  { text: 'no ILD', expect: { lung: { ild: 'none' } } },
  { text: 'prior chest RT 2019', expect: { lung: { priorThoracicRt: true } } },
  { text: 'previous thoracic radiotherapy for breast cancer', expect: { lung: { priorThoracicRt: true } } },
  { text: 'prior SBRT to the RUL', expect: { lung: { priorThoracicRt: true } } },
  { text: 'no prior thoracic RT', expect: { lung: { priorThoracicRt: false } } },
  { text: 'consider thoracic RT', expect: {}, absent: ['lung'] },
  { text: 'poor lung function, FEV1 35%', expect: { lung: { poorFunction: true } } },
  { text: 'on home oxygen', expect: { lung: { poorFunction: true } } },
  { text: 'PET-CT staged', expect: { staging: { petCt: 'done' } } },
  { text: 'PET + MRI brain neg', expect: { staging: { petCt: 'done', brainMri: 'done' }, brain: 'none' } },
  { text: 'PET pending', expect: { staging: { petCt: 'not-done' } } },
  { text: 'staged with CT only', expect: { staging: { petCt: 'not-done' } } },
];

const styles: Row[] = [
  {
    text: '62F adeno EGFR ex19del 3 bone mets ECOG 1',
    expect: {
      histology: 'adenocarcinoma',
      driver: 'EGFR',
      egfrVariant: 'ex19del',
      metastases: { count: 3, organs: 1, sites: ['bone'] },
      ecog: 1,
    },
  },
  {
    text: 'This 71-year-old gentleman with squamous cell carcinoma of the left lower lobe has two hepatic metastases and a solitary rib deposit. He has completed four cycles of carboplatin and paclitaxel with pembrolizumab with stable disease. His performance status is 1.',
    expect: {
      histology: 'squamous',
      primary: { lobe: 'LLL' },
      metastases: { count: 3, organs: 2, sites: ['bone', 'liver'] },
      therapy: { cycles: 4, regimen: 'chemo-io', response: 'SD' },
      ecog: 1,
    },
  },
  {
    text: 'Pt w/ mNSCLC (LUAD), ALK+ on alectinib x 7mo, PR. Single brain met s/p SRS. ECOG 0. RUL 3cm periph.',
    expect: {
      stage: { group: 'IV' },
      histology: 'adenocarcinoma',
      driver: 'ALK',
      therapy: { regimen: 'other-tki', months: 7, response: 'PR' },
      brain: 'treated-stable',
      ecog: 0,
      primary: { lobe: 'RUL', sizeCm: 3, location: 'peripheral' },
    },
  },
  {
    text: 'Tumor board: 55 yo woman, adenocarcinoma, KRAS G12C, PD-L1 70%, oligometastatic (2 bone lesions), treatment naive, ECOG 1, PET/CT and MRI brain done, no brain mets.',
    expect: {
      histology: 'adenocarcinoma',
      driver: 'KRAS',
      pdl1: 70,
      metastases: { burden: 'oligo', count: 2, sites: ['bone'] },
      therapy: { status: 'naive' },
      ecog: 1,
      staging: { petCt: 'done', brainMri: 'done' },
      brain: 'none',
    },
  },
  {
    text: 'EGFR L858R; on osimertinib 3/12; PR; oligomets (liver x2); PS1; no ILD; no prior RT',
    expect: {
      driver: 'EGFR',
      egfrVariant: 'L858R',
      therapy: { months: 3, response: 'PR', regimen: 'egfr-tki' },
      metastases: { burden: 'oligo', count: 2, sites: ['liver'] },
      ecog: 1,
      lung: { ild: 'none', priorThoracicRt: false },
    },
  },
  {
    text: 'ADENOCARCINOMA RLL, EGFR EXON 19 DELETION, ECOG 2, 1 ADRENAL MET, STARTING OSIMERTINIB',
    expect: {
      histology: 'adenocarcinoma',
      primary: { lobe: 'RLL' },
      egfrVariant: 'ex19del',
      ecog: 2,
      metastases: { count: 1, sites: ['adrenal'] },
      therapy: { status: 'naive', regimen: 'egfr-tki' },
    },
  },
  {
    text: 'squamous NSCLC, PD-L1 <1%, driver neg, widespread mets (bone/liver/adrenal), ECOG 3, KPS 40, haemoptysis + chest pain, LE ~2 months',
    expect: {
      histology: 'squamous',
      pdl1: 0,
      driver: 'none',
      metastases: { burden: 'poly' },
      ecog: 3,
      karnofsky: 40,
      symptoms: ['hemoptysis', 'chest-pain'],
    },
  },
  {
    text: 'ROS1+ adenoca, crizotinib 5 months, SD, 2 mets (bone, contralateral lung), periph LUL 2.1cm, WHO PS 1',
    expect: {
      driver: 'ROS1',
      histology: 'adenocarcinoma',
      therapy: { regimen: 'other-tki', months: 5, response: 'SD' },
      metastases: { count: 2, organs: 2, sites: ['bone', 'contralateral-lung'] },
      primary: { location: 'peripheral', lobe: 'LUL', sizeCm: 2.1 },
      ecog: 1,
    },
  },
  {
    text: 'Stage IVB (cT4 N2 M1c) squamous, 4 courses of cisplatin/gemcitabine, partial response, central 6 cm mass with endobronchial extension, stridor, PS 2',
    expect: {
      stage: { group: 'IVB', t: 'T4', n: 'N2', m: 'M1c' },
      histology: 'squamous',
      therapy: { cycles: 4, regimen: 'chemo', response: 'PR' },
      primary: { location: 'central', sizeCm: 6, endobronchial: true },
      symptoms: ['airway-obstruction'],
      ecog: 2,
    },
  },
  {
    text: 'MET ex14 NSCLC on capmatinib 10 wks, good partial response, 3 bone mets, ECOG 1, no brain mets (MRI), PET-CT done, IPF on antifibrotics',
    expect: {
      driver: 'MET',
      therapy: { regimen: 'other-tki', weeks: 10, response: 'PR' },
      metastases: { count: 3, sites: ['bone'] },
      ecog: 1,
      brain: 'none',
      staging: { petCt: 'done', brainMri: 'done' },
      lung: { ild: 'ipf' },
    },
  },
  {
    text: 'RET fusion positive, selpercatinib started 2 months ago? no - started 8 weeks ago, responding, single liver met',
    expect: {
      driver: 'RET',
      therapy: { regimen: 'other-tki', response: 'PR' },
      metastases: { count: 1, sites: ['liver'] },
    },
  },
  {
    text: 'BRAF V600E adenocarcinoma on dabrafenib + trametinib for 1 year, complete metabolic response except the primary which is growing',
    expect: {
      driver: 'BRAF',
      therapy: { months: 12, regimen: 'other-tki' },
      progression: { primaryProgressing: true },
    },
  },
  {
    text: 'female, 48, never-smoker; LUAD with EGFR del19; brain MRI: 3 untreated asymptomatic brain mets; bone x2; osimertinib to start next week',
    expect: {
      driver: 'EGFR',
      egfrVariant: 'ex19del',
      brain: 'untreated-asymptomatic',
      metastases: { count: 5, organs: 2, sites: ['bone', 'brain'] },
      therapy: { status: 'naive', regimen: 'egfr-tki' },
    },
  },
  {
    text: 'NSCLC-NOS, EGFR/ALK/ROS1/KRAS/BRAF negative, PD-L1 95%, pembro x 3, SD, oligometastatic adrenal, ECOG 0-1',
    expect: {
      histology: 'nsclc-nos',
      pdl1: 95,
      therapy: { regimen: 'io', cycles: 3, response: 'SD' },
      metastases: { burden: 'oligo', sites: ['adrenal'] },
    },
    absent: ['driver', 'ecog'],
    conflicts: ['ecog'],
  },
  {
    text: 'EGFR-mutated (L858R) lung adeno dx 03/2025, osimertinib since then (11 months), SD, single progressing brain lesion treated w/ SRS, ECOG1',
    expect: { driver: 'EGFR', egfrVariant: 'L858R', therapy: { months: 11, regimen: 'egfr-tki' }, ecog: 1 },
  },
  {
    text: 'HER2-mutant adenocarcinoma, T-DXd 6 cycles, PR, 2 liver metastases, PS 0',
    expect: {
      driver: 'HER2',
      therapy: { agent: 'trastuzumab deruxtecan', cycles: 6, response: 'PR' },
      metastases: { count: 2, sites: ['liver'] },
      ecog: 0,
    },
  },
  {
    text: 'Large-cell carcinoma, driver-negative, 1 bone met (L2), carbo/pem/pembro 4 cycles then pembro/pem maintenance, stable, ECOG 1',
    expect: {
      histology: 'large-cell',
      driver: 'none',
      metastases: { count: 1, sites: ['bone'] },
      therapy: { regimen: 'chemo-io', cycles: 4, response: 'SD' },
      ecog: 1,
    },
  },
  {
    text: 'adenocarcinoma with EGFR exon 19 deletion and T790M, progressed on gefitinib, now on osimertinib with oligoprogression in the primary only',
    expect: {
      driver: 'EGFR',
      egfrVariant: 'ex19del',
      therapy: { regimen: 'egfr-tki', response: 'PD' },
      progression: { pattern: 'oligoprogression', primaryProgressing: true },
    },
  },
  {
    text: 'SCLC extensive stage, brain mets',
    expect: { histology: 'sclc', metastases: { sites: ['brain'] } },
  },
  {
    text: 'adeno; EGFR ex 19; mets: bone, liver; ECOG 2; on osimertinib 4 months; PR; ?ILD on CT',
    expect: {
      driver: 'EGFR',
      egfrVariant: 'ex19del',
      metastases: { organs: 2, sites: ['bone', 'liver'] },
      ecog: 2,
      therapy: { months: 4, response: 'PR' },
    },
    absent: ['lung.ild'],
  },
];

const clinicLetters: Row[] = [
  {
    text: 'Mr X, 59, stage IV adeno (T2a N0 M1b), solitary L adrenal met, EGFR/ALK/ROS1/BRAF/KRAS/MET/RET/NTRK/HER2 all negative on NGS, PD-L1 0%, s/p 4x carbo/pem/pembro with PR, now pem/pembro maintenance. ECOG 0. Primary LUL 2.5cm, peripheral, N0. No ILD, FEV1 90%.',
    expect: {
      stage: { group: 'IV', t: 'T2a', n: 'N0', m: 'M1b' },
      metastases: { count: 1, organs: 1, sites: ['adrenal'] },
      driver: 'none',
      pdl1: 0,
      therapy: { cycles: 4, regimen: 'chemo-io', response: 'PR', status: 'on-treatment' },
      ecog: 0,
      primary: { lobe: 'LUL', sizeCm: 2.5, location: 'peripheral' },
      lung: { ild: 'none', poorFunction: false },
    },
  },
  {
    text: 'Known EGFR+ NSCLC, 3yrs on osimertinib, now slowly enlarging RUL primary (3.2 -> 4.1cm), all other sites stable, PS 1',
    expect: {
      driver: 'EGFR',
      therapy: { months: 36, regimen: 'egfr-tki', response: 'PD' },
      progression: { primaryProgressing: true, pattern: 'oligoprogression', sites: 1 },
      primary: { sizeCm: 4.1, lobe: 'RUL' },
      ecog: 1,
    },
  },
  {
    text: 'New pt: 80yo, SqCC RLL, large central mass with SVCO and haemoptysis, bony mets (multiple), ECOG 3',
    expect: {
      histology: 'squamous',
      primary: { location: 'central', lobe: 'RLL' },
      symptoms: ['hemoptysis', 'svc-syndrome'],
      metastases: { burden: 'poly', sites: ['bone'] },
      ecog: 3,
    },
  },
  {
    text: 'alk pos, brain mets x3 (asymptomatic, untreated), liver x1, lorlatinib started 2 weeks ago, PS 1',
    expect: {
      driver: 'ALK',
      brain: 'untreated-asymptomatic',
      metastases: { count: 4, organs: 2, sites: ['liver', 'brain'] },
      therapy: { weeks: 2, status: 'on-treatment', regimen: 'other-tki' },
      ecog: 1,
    },
    absent: ['symptoms'],
  },
  {
    text: 'Commenced carboplatin/pemetrexed/pembrolizumab 3 cycles ago, KRAS G12C',
    expect: { therapy: { cycles: 3, status: 'on-treatment' }, driver: 'KRAS' },
  },
  {
    text: 'central tumour, 5.5cm, encasing the RMB',
    expect: { primary: { location: 'ultracentral', sizeCm: 5.5 } },
  },
  {
    text: 'EGFR exon 19 del; osimertinib since Jan (9 months); CR in bone, PR in primary; no new lesions; prior RT: none; brain clear on MRI',
    expect: {
      therapy: { months: 9, response: 'PR' },
      progression: { pattern: 'none', primaryProgressing: false },
      lung: { priorThoracicRt: false },
      brain: 'none',
      staging: { brainMri: 'done' },
    },
  },
  {
    text: 'Lady 74, NSCLC NOS, metastatic to contralateral lung and pleura, malignant pleural effusion drained, SOB, PS 2, KPS 60, PD-L1 60%, life expectancy 3-6 months',
    expect: {
      histology: 'nsclc-nos',
      stage: { group: 'IV' },
      metastases: { organs: 2, sites: ['contralateral-lung', 'pleura'] },
      serosalDisease: ['pleural-effusion'],
      symptoms: ['dyspnea'],
      ecog: 2,
      karnofsky: 60,
      pdl1: 60,
      lifeExpectancyMonths: 3,
    },
  },
  {
    text: 's/p right upper lobectomy 2021 for stage IB adeno, now recurrent with 2 new liver mets and a new T6 lesion, EGFR L858R, started osimertinib 6 weeks ago with good response, brain MRI neg, PS 1.',
    expect: {
      histology: 'adenocarcinoma',
      metastases: { count: 3, organs: 2, sites: ['bone', 'liver'] },
      driver: 'EGFR',
      therapy: { weeks: 6, response: 'PR', status: 'on-treatment' },
      brain: 'none',
      ecog: 1,
    },
    absent: ['stage', 'progression'],
  },
  {
    text: 'EGFR exon 20 insertion NSCLC; 2 sites of disease: primary (LLL, 3.9 cm, central) and a left adrenal metastasis',
    expect: {
      egfrVariant: 'exon20ins',
      metastases: { count: 1, organs: 1, sites: ['adrenal'] },
      primary: { lobe: 'LLL', sizeCm: 3.9, location: 'central' },
    },
  },
  {
    text: 'Pt is a 70 y/o M w/ hx COPD (FEV1 45%), on home O2, LUSC dx 1/2025 cT3N2M1b (single bone met in the sternum), s/p 4 cycles carbo/taxol + pembro, PR, currently on maintenance pembrolizumab. ECOG 2. Denies hemoptysis. Has dyspnea on exertion.',
    expect: {
      histology: 'squamous',
      stage: { t: 'T3', n: 'N2', m: 'M1b' },
      metastases: { count: 1, sites: ['bone'] },
      therapy: { cycles: 4, regimen: 'chemo-io', response: 'PR', status: 'on-treatment' },
      ecog: 2,
      symptoms: ['dyspnea'],
      lung: { poorFunction: true },
    },
  },
];

const tables: [string, Row[]][] = [
  ['stage', stage],
  ['histology', histology],
  ['driver', driver],
  ['scores', scores],
  ['metastases', metastases],
  ['brain', brain],
  ['therapy', therapy],
  ['progression', progression],
  ['primary, symptoms, lung, staging', chest],
  ['whole cases in many styles', styles],
  ['clinic letters', clinicLetters],
];

describe('free-text phrasings', () => {
  for (const [name, rows] of tables) {
    describe(name, () => {
      it.each(rows.map((r) => [r.text, r] as const))('%s', (_text, row) => {
        check(row);
      });
    });
  }

  it('has at least 150 phrasings', () => {
    const total = tables.reduce((n, [, rows]) => n + rows.length, 0);
    if (total < 150) throw new Error(`only ${total} phrasings`);
  });
});
