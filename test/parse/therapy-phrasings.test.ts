// The therapy reader's phrasing classes found by independent probes: drugs only considered or kept for later,
// full drug names at a switch, an earlier line's figures, ended courses and naive words, durations and counts
// written in shorthand, and the clinically standard drug abbreviations. Texts go through readText, as every front
// end does.
import { describeReadingClasses, type ReadingRow } from './reading-table.js';

const CLASSES: Record<string, ReadingRow[]> = {
  'standard drug abbreviations': [
    {
      text: 'ALK+, on alec 7 months, PR',
      facts: { 'therapy.agent': 'alectinib', 'therapy.regimen': 'other-tki', 'therapy.months': 7 },
    },
    { text: 'ALK fusion, lorla since March', facts: { 'therapy.agent': 'lorlatinib' } },
    { text: 'brig 5 months, SD', facts: { 'therapy.agent': 'brigatinib', 'therapy.months': 5 } },
    {
      text: 'BRAF V600E on dab/tram, PR',
      facts: { 'therapy.agent': 'dabrafenib + trametinib', 'therapy.regimen': 'other-tki' },
    },
    { text: 'ROS1, crizo 9 months', facts: { 'therapy.agent': 'crizotinib', 'therapy.months': 9 } },
    { text: 'EGFR L858R, erlo 11 months, SD', facts: { 'therapy.agent': 'erlotinib' } },
    // Alone, the short forms of dabrafenib and trametinib are ordinary words or too short to be read.
    { text: 'came in by tram, ECOG 1', absent: ['therapy.agent'] },
  ],
  'naive in shorthand, bare or misspelt': [
    { text: 'EGFR exon 21, no systemic tx yet', facts: { 'therapy.status': 'naive' } },
    { text: 'Adenocarcinoma, 2 liver mets. Naive.', facts: { 'therapy.status': 'naive' } },
    { text: 'rx naive, ECOG 0', facts: { 'therapy.status': 'naive' } },
    { text: 'KRAS G12C, Rx-naive', facts: { 'therapy.status': 'naive' } },
    { text: 'systemic therapy naieve, 1 adrenal met', facts: { 'therapy.status': 'naive' } },
    { text: 'chemo-naieve, pembrolizumab 3 cycles', facts: { 'therapy.regimen': 'io', 'therapy.cycles': 3 } },
    // "naive" said of something else, inside a sentence, is not a treatment status.
    { text: 'naive T cells raised on flow', absent: ['therapy.status'] },
  ],
  'durations and counts in shorthand': [
    { text: 'lorlatinib for five weeks, no toxicity', facts: { 'therapy.weeks': 5 } },
    { text: 'gefitinib eight weeks, PR', facts: { 'therapy.weeks': 8, 'therapy.status': 'on-treatment' } },
    { text: 'pembro every six weeks, SD', absent: ['therapy.weeks'] },
    { text: 'carbo/gem 4 cyc, SD', facts: { 'therapy.cycles': 4 } },
    { text: '3 cyc cis/pem then PR', facts: { 'therapy.cycles': 3 } },
    // The time since the last dose is not the time on treatment; the time since the start is.
    { text: 'docetaxel, last dose 3/52 ago', absent: ['therapy.weeks'] },
    { text: 'nivo given 2 weeks ago, PR', absent: ['therapy.weeks'] },
    { text: 'osimertinib commenced 7 weeks ago, PR', facts: { 'therapy.weeks': 7 } },
  ],
  'a drug kept for later, asked about or weighed is not the current regimen': [
    {
      text: 'nivolumab 5 months, SD. Docetaxel if PD.',
      facts: { 'therapy.agent': 'nivolumab', 'therapy.regimen': 'io', 'therapy.response': 'SD' },
    },
    {
      text: 'KRAS G12C, on carbo/pem/pembro, PR; adagrasib if he progresses',
      facts: { 'therapy.agent': 'carboplatin + pemetrexed + pembrolizumab', 'therapy.regimen': 'chemo-io' },
    },
    {
      text: 'on osimertinib 7 months, SD. If progression, amivantamab',
      facts: { 'therapy.agent': 'osimertinib', 'therapy.regimen': 'egfr-tki' },
    },
    {
      text: 'Tepotinib? For now docetaxel C2, stable',
      facts: { 'therapy.agent': 'docetaxel', 'therapy.regimen': 'chemo', 'therapy.cycles': 2 },
    },
    {
      text: 'brigatinib 9 months, PR; ? change to lorlatinib',
      facts: { 'therapy.agent': 'brigatinib', 'therapy.months': 9 },
    },
    {
      text: 'crizotinib 6 months, PD. Considering entrectinib.',
      facts: { 'therapy.agent': 'crizotinib', 'therapy.regimen': 'other-tki' },
    },
    {
      text: 'pembrolizumab C8, SD; MDT discussed docetaxel/nintedanib',
      facts: { 'therapy.agent': 'pembrolizumab', 'therapy.regimen': 'io' },
    },
    // The RT is what is weighed: the drug named with it is still taken.
    {
      text: 'carboplatin/pemetrexed C3, PR; considering SBRT while continuing pemetrexed',
      facts: { 'therapy.agent': 'carboplatin + pemetrexed', 'therapy.cycles': 3 },
    },
  ],
  'a full drug name after a switch word starts the new line': [
    {
      text: 'atezolizumab, progressed; now trastuzumab deruxtecan C3, SD',
      facts: { 'therapy.agent': 'trastuzumab deruxtecan', 'therapy.cycles': 3, 'therapy.response': 'SD' },
      notAsked: ['therapy.response'],
    },
    {
      text: 'osimertinib 16 months, PD; now datopotamab deruxtecan, PR',
      facts: { 'therapy.agent': 'datopotamab deruxtecan', 'therapy.response': 'PR' },
      notAsked: ['therapy.response'],
    },
    // Dato-DXd is not T-DXd.
    { text: 'EGFR ex19del, on Dato-DXd 2 cycles', facts: { 'therapy.agent': 'datopotamab deruxtecan' } },
    {
      text: 'nivolumab, PD; now nab-paclitaxel, SD',
      facts: { 'therapy.agent': 'paclitaxel', 'therapy.regimen': 'chemo', 'therapy.response': 'SD' },
    },
  ],
  "an earlier line's or a hypothetical figure is not the current line's": [
    {
      text: '3L docetaxel, progressing. Previously cis/pem/pembro 4 cycles + pembro maintenance for 11 months.',
      facts: { 'therapy.agent': 'docetaxel' },
      absent: ['therapy.months', 'therapy.cycles'],
    },
    {
      text: 'Now gemcitabine C2. Previously carbo/pacli 6 cycles, then 9 months of atezo maintenance, PR.',
      facts: { 'therapy.agent': 'gemcitabine', 'therapy.cycles': 2 },
      absent: ['therapy.months', 'therapy.response'],
    },
    {
      text: 'osimertinib 4 months, SD. Prior gefitinib 13 months, PD.',
      facts: { 'therapy.months': 4, 'therapy.response': 'SD' },
      notAsked: ['therapy.months', 'therapy.response'],
    },
    {
      text: 'alectinib 5 weeks. If she is stable at 3 months, SBRT to the adrenal?',
      facts: { 'therapy.weeks': 5 },
      absent: ['therapy.months'],
    },
    {
      text: 'lorlatinib 2 months; once 6 months of lorlatinib, consolidate?',
      facts: { 'therapy.months': 2 },
      notAsked: ['therapy.months'],
    },
    // A single sentence that starts with the earlier line still switches to the line after it.
    {
      text: 'Previously gefitinib, then changed to osimertinib, 7 months, PR',
      facts: { 'therapy.agent': 'osimertinib', 'therapy.months': 7, 'therapy.response': 'PR' },
    },
  ],
  'an ended chemotherapy course, and newly diagnosed beside a drug taken': [
    { text: 'finished chemotherapy in January, 2 bone mets', facts: { 'therapy.status': 'off-treatment' } },
    {
      text: 'completed 6 cycles cisplatin/vinorelbine, SD',
      facts: { 'therapy.status': 'off-treatment', 'therapy.cycles': 6, 'therapy.response': 'SD' },
    },
    // A cycle given, induction going on as maintenance, or chemotherapy beside a TKI is not an ended course.
    { text: 'carbo/gem C3 completed, PR', facts: { 'therapy.status': 'on-treatment', 'therapy.cycles': 3 } },
    {
      text: 'completed 4 cycles carbo/pem, now pemetrexed maintenance',
      facts: { 'therapy.status': 'on-treatment', 'therapy.cycles': 4, 'therapy.agent': 'pemetrexed' },
    },
    {
      text: 'completed 4 cycles carbo/pem/atezo, SD',
      facts: { 'therapy.status': 'on-treatment', 'therapy.regimen': 'chemo-io' },
    },
    {
      text: 'completed 4 cycles carbo/pem. Now on lorlatinib 3 months',
      facts: { 'therapy.agent': 'lorlatinib', 'therapy.months': 3 },
      absent: ['therapy.cycles'],
    },
    {
      text: 'newly diagnosed, on alectinib 6 weeks',
      facts: { 'therapy.status': 'on-treatment', 'therapy.weeks': 6 },
      notAsked: ['therapy.status'],
    },
    { text: 'newly diagnosed ALK+, for alectinib', facts: { 'therapy.status': 'naive' } },
    { text: 'newly diagnosed, 2 adrenal mets', facts: { 'therapy.status': 'naive' } },
  ],
};

describeReadingClasses('therapy phrasings', CLASSES);
