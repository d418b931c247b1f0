// Phrasing classes of performance status, PD-L1, driver panels, primary site, stage and nodes that independent
// probes found misread. Texts go through readText, the only way a front end reaches the parser.
import { describeReadingClasses, type ReadingRow } from './reading-table.js';

const CLASSES: Record<string, ReadingRow[]> = {
  'performance status': [
    // Two values offered with "vs" between the numbers: asked, as "ECOG 2 vs ECOG 1" is.
    { text: 'ECOG 0 vs 1, 2 bone mets', absent: ['ecog'], conflicts: ['ecog'] },
    { text: 'PS 2 versus 3', absent: ['ecog'], conflicts: ['ecog'] },
    // Karnofsky in words.
    { text: 'Karnofsky eighty, adeno', facts: { karnofsky: 80 } },
    { text: 'KPS of ninety percent', facts: { karnofsky: 90 } },
    { text: 'KPS one hundred', facts: { karnofsky: 100 } },
    { text: 'KPS sixty-five', absent: ['karnofsky'] },
    // A past value named before the score, today's later in the text.
    {
      text: 'At diagnosis ECOG 3 from pain, after RT and 2 cycles now ECOG 1',
      facts: { ecog: 1 },
    },
    { text: 'on presentation ECOG 2 with bone pain, today ECOG 0', facts: { ecog: 0 } },
    { text: 'ECOG 1 at diagnosis, ECOG 1 now', facts: { ecog: 1 } },
    // The performance status number is not the lesion count.
    { text: 'WHO PS one, adrenal and bone mets', facts: { ecog: 1 }, absent: ['metastases.count'] },
    { text: 'ECOG: three, liver metastases', facts: { ecog: 3 }, absent: ['metastases.count'] },
    { text: 'performance status of two, brain mets', facts: { ecog: 2 }, absent: ['metastases.count'] },
    { text: 'ECOG 1, two liver mets', facts: { ecog: 1, 'metastases.count': 2 } },
  ],
  'PD-L1': [
    // A bound below 1% is negative; another bound below is no score, written before or after.
    { text: 'TPS &lt;10%, squamous', absent: ['pdl1'], facts: { histology: 'squamous' } },
    { text: '&lt;10% PD-L1, 3 bone mets', absent: ['pdl1'], facts: { 'metastases.count': 3 } },
    { text: 'under 50% PD-L1', absent: ['pdl1'] },
    { text: '&lt;1% PD-L1', facts: { pdl1: 0 } },
    { text: 'PD-L1 TPS below 1 %', facts: { pdl1: 0 } },
    { text: 'PD-L1 lower than 50%', absent: ['pdl1'] },
    // Spellings and words.
    { text: 'PDL-1 TPS 45%', facts: { pdl1: 45 } },
    { text: 'PD L1 15%', facts: { pdl1: 15 } },
    { text: 'PD-L1 ninety percent', facts: { pdl1: 90 } },
    { text: 'TPS thirty-five percent', facts: { pdl1: 35 } },
    { text: 'PD-L1 one of several markers sent', absent: ['pdl1'] },
    { text: 'PD-L1 weakly positive (5%)', facts: { pdl1: 5 } },
    { text: 'PD-L1 high +ve 95%', facts: { pdl1: 95 } },
    // The life expectancy told as an opinion.
    { text: 'prognosis felt to be under 3 months', facts: { lifeExpectancyMonths: 2.9 } },
    { text: 'prognosis considered to be >12 months', facts: { lifeExpectancyMonths: 12 } },
  ],
  'driver panels': [
    // A whole panel stated negative, in shorthand.
    { text: 'gene panel -ve, 2 liver mets', facts: { driver: 'none', 'metastases.count': 2 } },
    { text: 'NGS panel: negative', facts: { driver: 'none' } },
    { text: 'molecular -ve', facts: { driver: 'none' } },
    { text: 'NGS - nil targetable', facts: { driver: 'none' } },
    { text: 'wild-type on extended NGS panel', facts: { driver: 'none' } },
    { text: 'wt by NGS', facts: { driver: 'none' } },
    // One gene's test is not the whole panel.
    { text: 'EGFR wild-type by NGS', facts: { negativeFor: ['EGFR'] }, absent: ['driver'] },
    { text: 'ALK by NGS negative', facts: { negativeFor: ['ALK'] }, absent: ['driver'] },
    { text: 'ROS1 IHC panel negative', facts: { negativeFor: ['ROS1'] }, absent: ['driver'] },
    { text: 'KRAS G12C, panel otherwise -ve', facts: { driver: 'KRAS' } },
    // Exon numbers in words.
    { text: 'EGFR exon nineteen del', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'EGFR ex nineteen deletion', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'EGFR exon twenty insertion', facts: { driver: 'EGFR', egfrVariant: 'exon20ins' } },
    {
      text: 'EGFR exon nineteen deletion not detected',
      facts: { negativeFor: ['EGFR'] },
      absent: ['driver'],
    },
  ],
  'primary site': [
    // A non-lung primary written organ last, as a subtype abbreviation, or as an origin.
    { text: 'carcinoma of the prostate, 3 lung nodules', facts: { primarySite: 'non-lung' } },
    { text: 'Ca R breast, pulmonary mets', facts: { primarySite: 'non-lung' } },
    { text: 'metastatic ccRCC on nivolumab', facts: { primarySite: 'non-lung' } },
    { text: 'bowel cancer, 2 lung mets', facts: { primarySite: 'non-lung' } },
    { text: 'colonic adenocarcinoma with lung metastases', facts: { primarySite: 'non-lung' } },
    { text: 'adenocarcinoma of pancreatic origin in the lung', facts: { primarySite: 'non-lung' } },
    // A metastasis in the bowel is not a bowel primary.
    { text: 'NSCLC with small bowel mets', facts: { primarySite: 'lung' } },
    // An earlier cancer beside the immunostains of a lung adenocarcinoma.
    { text: 'napsin A+ adenocarcinoma, history of colon cancer', absent: ['primarySite'] },
    { text: 'TTF-1 positive adenocarcinoma, previous rectal cancer', facts: { primarySite: 'lung' } },
    // A lung squamous carcinoma in shorthand.
    { text: 'lung sqcc, 1 adrenal met', facts: { primarySite: 'lung', histology: 'squamous' } },
    { text: 'lung squamous, PD-L1 80%', facts: { primarySite: 'lung', histology: 'squamous' } },
  ],
  stage: [
    // A bare IVA/IVB in capitals, and the edition in brackets after a stage.
    { text: 'IVA (9th), 1 adrenal met', facts: { 'stage.group': 'IVA', 'stage.edition': 9 } },
    { text: 'stage IVB (8th ed)', facts: { 'stage.group': 'IVB', 'stage.edition': 8 } },
    { text: 'cT3N2M1b (8th)', facts: { 'stage.m': 'M1b', 'stage.edition': 8 } },
    { text: 'IVC compression by nodes', absent: ['stage.group'] },
    // A treated tumour's stage of the past is not today's.
    {
      text: 'SBRT 48 Gy/4# to a T1a LUL primary in 2019; now 2 liver mets',
      absent: ['stage.t'],
      facts: { 'metastases.count': 2 },
    },
    { text: 'resected pT2bN1 in 2017, now bone mets', absent: ['stage.t', 'stage.n'] },
    { text: 'cT2bN1M1c, 3 liver mets', facts: { 'stage.t': 'T2b', 'stage.m': 'M1c' } },
    { text: 'no prior RT, cT2a N1, 2 bone mets', facts: { 'stage.t': 'T2a', 'stage.n': 'N1' } },
  ],
  nodes: [
    // Abbreviated N3 stations.
    { text: 'c/l mediastinal node 15 mm', facts: { 'stage.n': 'N3' } },
    { text: 'contralat hilar LN, FDG avid', facts: { 'stage.n': 'N3' } },
    { text: 'R supraclav node', facts: { 'stage.n': 'N3' } },
    { text: 'L SCF LN on PET', facts: { 'stage.n': 'N3' } },
    // A node called probably reactive or not avid gives no N.
    { text: 'subcarinal LN, probably reactive', absent: ['stage.n'] },
    { text: '4R node 8 mm, non-avid', absent: ['stage.n'] },
    { text: 'paratracheal LN 11 mm, not PET avid', absent: ['stage.n'] },
    { text: 'subcarinal node 18 mm, FDG avid', facts: { 'stage.n': 'N2' } },
  ],
  'HER2 of another cancer': [
    // The receptor status of a breast or gastric cancer is not a lung driver.
    { text: 'HER2 amplified breast carcinoma, 2 lung nodules', absent: ['driver'] },
    { text: 'gastric adenocarcinoma, HER2 3+, pulmonary mets', absent: ['driver'] },
    { text: 'HER2-mutant adenocarcinoma of the lung', facts: { driver: 'HER2' } },
    { text: 'ERBB2 exon 20 insertion, prior breast cancer 2012', facts: { driver: 'HER2' } },
  ],
};

describeReadingClasses('scores, driver and tumour phrasing classes', CLASSES);
