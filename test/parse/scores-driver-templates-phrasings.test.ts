// Phrasing classes of EMR templates and international spellings of performance status, driver, stage, nodes and
// life expectancy that independent probes found misread. Texts go through readText, the only way a front end
// reaches the parser.
import { describeReadingClasses, type ReadingRow } from './reading-table.js';

const CLASSES: Record<string, ReadingRow[]> = {
  'template lines': [
    // A template's driver line or a panel "negative for" words of the whole panel.
    { text: 'Driver mutations: not detected. 3 bone mets', facts: { driver: 'none', 'metastases.count': 3 } },
    { text: 'Driver alteration - none', facts: { driver: 'none' } },
    { text: 'tissue NGS negative for any targetable alterations', facts: { driver: 'none' } },
    { text: 'negative for known driver mutations, squamous', facts: { driver: 'none' } },
    // ... but for one gene's alterations, only that gene.
    { text: 'negative for actionable mutations in ALK', facts: { negativeFor: ['ALK'] }, absent: ['driver'] },
    { text: 'negative for PD-L1 and TTF-1', absent: ['driver'] },
    // A score label with the scale in brackets, a Karnofsky "index".
    { text: 'PS (ECOG) 1, adeno', facts: { ecog: 1 } },
    { text: 'Performance status (WHO): 3', facts: { ecog: 3 } },
    { text: 'Performance status (Zubrod) - 2', facts: { ecog: 2 } },
    { text: 'ECOG PS: 0, 1 adrenal met', facts: { ecog: 0, 'metastases.count': 1 } },
    { text: 'PS as per ECOG 2', facts: { ecog: 2 } },
    { text: 'Karnofsky index 70 %', facts: { karnofsky: 70 } },
    { text: 'Karnofsky index: 90', facts: { karnofsky: 90 } },
    { text: 'Perf. status: 1', facts: { ecog: 1 } },
    { text: 'ECOG (PS): 2, liver mets', facts: { ecog: 2 } },
    { text: 'performance score 3', facts: { ecog: 3 } },
    { text: 'Karnofsky-Index: 60%', facts: { karnofsky: 60 } },
    { text: 'KPS index 50', facts: { karnofsky: 50 } },
    // A template's "actionable alterations: none" line; for one gene, that gene only.
    { text: 'Targetable mutations: none identified', facts: { driver: 'none' } },
    { text: 'Actionable alterations - not detected, adeno', facts: { driver: 'none' } },
    { text: 'ALK actionable alterations: none', facts: { negativeFor: ['ALK'] }, absent: ['driver'] },
    { text: 'EGFR activating mutations: nil', facts: { negativeFor: ['EGFR'] }, absent: ['driver'] },
    { text: 'EGFR sensitizing mutation: not found', facts: { negativeFor: ['EGFR'] }, absent: ['driver'] },
    // A life expectancy "estimated" without "at".
    { text: 'Life expectancy estimated 4 months', facts: { lifeExpectancyMonths: 4 } },
    { text: 'life expectancy: estimated 2 years', facts: { lifeExpectancyMonths: 24 } },
    { text: 'Life expectancy (est.): 10 months', facts: { lifeExpectancyMonths: 10 } },
  ],
  spelling: [
    // A substage after a hyphen.
    { text: 'Stage IV-A (single adrenal met)', facts: { 'stage.group': 'IVA' } },
    { text: 'stage iv-b, ECOG 1', facts: { 'stage.group': 'IVB', ecog: 1 } },
    { text: 'stage IV, 3 liver mets', facts: { 'stage.group': 'IV' } },
    // Exon 19 with a dot, or glued to the gene.
    { text: 'EGFR ex.19 del, on osimertinib', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'EGFR Ex. 19 deletion positive', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'EGFRex19 deletion, 2 brain mets', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'EGFRexon19del', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'EGFR mutation of exon 19', facts: { driver: 'EGFR', egfrVariant: 'ex19del' } },
    { text: 'EGFRL858R, on osimertinib', facts: { driver: 'EGFR', egfrVariant: 'L858R' } },
  ],
  hypotheticals: [
    // A supposed gene or score is not a finding: the stated one stands.
    {
      text: 'NGS pan-negative. Would a hypothetical ALK fusion alter the advice?',
      facts: { driver: 'none' },
      absent: ['negativeFor'],
    },
    { text: 'no actionable mutation; were she EGFR positive, TKI first?', facts: { driver: 'none' } },
    { text: 'driver negative. Had the tumour been ROS1+, would you wait?', facts: { driver: 'none' } },
    { text: 'panel negative; supposing it were KRAS G12C, any change?', facts: { driver: 'none' } },
    { text: 'molecular -ve. Hypothetically, with an L858R would you?', facts: { driver: 'none' } },
    { text: 'drivers: none. For an ALK-rearranged patient would SBRT differ?', facts: { driver: 'none' } },
    { text: 'had he been EGFR mutant, would osimertinib come first?', absent: ['driver'] },
    // A kind of patient stands when nothing else states the driver; a past finding is a finding.
    { text: 'SBRT for oligoprogression in an ALK-positive patient on alectinib', facts: { driver: 'ALK' } },
    { text: 'RET fusion. In an EGFR-mutant patient would you do the same?', facts: { driver: 'RET' } },
    { text: 'she had been ROS1 positive on the first biopsy', facts: { driver: 'ROS1' } },
    // A counterfactual about something else, or a question to the board, leaves the stated gene.
    { text: 'Had he been fitter, we would add chemo to his ALK+ disease', facts: { driver: 'ALK' } },
    { text: 'Should he get SBRT for his ROS1-rearranged oligoprogression?', facts: { driver: 'ROS1' } },
    // A supposed performance status.
    { text: 'Now ECOG 0. Had he been PS 2 would you still treat?', facts: { ecog: 0 } },
    { text: 'What if his ECOG were 3?', absent: ['ecog'] },
    { text: 'KPS 90; supposing KPS 60, hypofractionate?', facts: { karnofsky: 90 } },
  ],
  nodes: [
    // A node called probably involved gives no N (asked), as one called probably reactive does.
    { text: 'subcarinal node, probably involved', absent: ['stage.n'] },
    { text: '4L LN 12 mm, possibly malignant', absent: ['stage.n'] },
    { text: 'R paratracheal node - ?involved, 2 liver mets', absent: ['stage.n'] },
    { text: 'prevascular node 10 mm, equivocal', absent: ['stage.n'] },
    { text: 'hilar LN, most likely involved', absent: ['stage.n'] },
    { text: '7 node (probably involved), 1 bone met', absent: ['stage.n'] },
    { text: 'paratracheal node, involvement suspected', absent: ['stage.n'] },
    { text: 'suspicious R hilar lymph node', absent: ['stage.n'] },
    { text: 'subcarinal node, involved on EBUS', facts: { 'stage.n': 'N2' } },
    { text: 'subcarinal node (21 mm), FDG avid', facts: { 'stage.n': 'N2' } },
    { text: 'paratracheal LN 16 mm, FDG avid', facts: { 'stage.n': 'N2' } },
  ],
};

describeReadingClasses('EMR-template and international phrasing classes', CLASSES);
