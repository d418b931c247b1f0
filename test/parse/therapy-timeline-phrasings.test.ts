// The therapy reader's treatment timelines found by independent probes: lines told as a numbered or "1L; 2L" list,
// cycles planned ahead, a course that ended or paused, no treatment yet for a relapse, and durations, counts and
// responses written as shorthand. therapy.* facts describe the current line. Texts go through readText.
import { describeReadingClasses, type ReadingRow } from './reading-table.js';

const CLASSES: Record<string, ReadingRow[]> = {
  'lines told as a list are not one regimen': [
    {
      text: '1) osimertinib 14 months, PD 2) carboplatin/pemetrexed C3, SD',
      facts: { 'therapy.agent': 'carboplatin + pemetrexed', 'therapy.cycles': 3, 'therapy.response': 'SD' },
      absent: ['therapy.months'],
    },
    {
      text: '1) cis/pem/pembro x4 then PD. 2) gemcitabine C2',
      facts: { 'therapy.agent': 'gemcitabine', 'therapy.regimen': 'chemo', 'therapy.cycles': 2 },
    },
    {
      text: 'Now 3L gemcitabine C1. Previously: 1L cis/pem/pembro x4, PD; 2L docetaxel 5 cycles, PD',
      facts: { 'therapy.agent': 'gemcitabine', 'therapy.cycles': 1 },
      notAsked: ['therapy.cycles'],
    },
    {
      text: 'On 3rd line vinorelbine C2. Prior lines: 1L carbo/pacli/atezo x4; 2L docetaxel x5',
      facts: { 'therapy.agent': 'vinorelbine', 'therapy.cycles': 2 },
    },
    // The next line not started yet leaves the current one (and its progression) in place.
    {
      text: 'PD after 9 months of 1L carbo/pacli/atezo; docetaxel not yet started',
      facts: { 'therapy.agent': 'carboplatin + paclitaxel + atezolizumab', 'therapy.response': 'PD' },
    },
    {
      text: 'progressing on first-line cis/pem/pembro at 6 months, 2L docetaxel not started',
      facts: { 'therapy.regimen': 'chemo-io', 'therapy.months': 6 },
    },
  ],
  'cycles planned ahead are not cycles given': [
    {
      text: 'now C3 of cis/pem/pembro, for SBRT after 4 cycles',
      facts: { 'therapy.cycles': 3, 'therapy.regimen': 'chemo-io' },
    },
    { text: 'carbo/pacli C1, for consolidative RT after six cycles', facts: { 'therapy.cycles': 1 } },
    // A result after the cycles is a time passed.
    { text: 'restaging after 4 cycles carbo/pem showed PR', facts: { 'therapy.cycles': 4 } },
  ],
  'a course that ended or paused is off treatment': [
    {
      text: 'TKI break since [DATE], after 3 years of osimertinib',
      facts: { 'therapy.status': 'off-treatment' },
      notAsked: ['therapy.status'],
    },
    {
      text: 'Rx holiday since August, 30 months of alectinib before that',
      facts: { 'therapy.status': 'off-treatment' },
      notAsked: ['therapy.status'],
    },
    {
      text: 'on surveillance following 6 cycles cis/vinorelbine',
      facts: { 'therapy.status': 'off-treatment' },
      notAsked: ['therapy.status'],
    },
    {
      text: 'had 2 cycles carbo/pem/pembro, no further treatment since',
      facts: { 'therapy.status': 'off-treatment' },
      notAsked: ['therapy.status'],
    },
    {
      text: 'nivolumab 03/2023 to 09/2025, then stopped',
      facts: { 'therapy.status': 'off-treatment', 'therapy.agent': 'nivolumab' },
    },
    {
      text: 'atezolizumab C9, discontinued for hepatitis',
      facts: { 'therapy.status': 'off-treatment' },
      notAsked: ['therapy.status'],
    },
    {
      text: 'carbo/pem x4, pem maintenance; off treatment since [DATE] for fatigue',
      facts: { 'therapy.status': 'off-treatment' },
      notAsked: ['therapy.status'],
    },
    // The time off treatment is not the time on it.
    {
      text: 'off osimertinib for 5 months',
      facts: { 'therapy.status': 'off-treatment' },
      absent: ['therapy.months'],
    },
    { text: 'durvalumab held for 3 weeks, pneumonitis', absent: ['therapy.weeks'] },
    // Surveillance of a treated site is not of the patient off treatment.
    {
      text: 'Brain: on surveillance after SRS; alectinib 20 months, SD',
      facts: { 'therapy.status': 'on-treatment' },
      notAsked: ['therapy.status'],
    },
    // Something else stopped is no end of the drug.
    {
      text: 'osimertinib 14 months, stopped steroids last week',
      facts: { 'therapy.status': 'on-treatment' },
      notAsked: ['therapy.status'],
    },
  ],
  'the current line named with its number': [
    {
      text: 'Current treatment (4L): gemcitabine. Prior: 1L osimertinib 20 months; 2L carbo/pem x4; 3L docetaxel x3',
      facts: { 'therapy.agent': 'gemcitabine', 'therapy.status': 'on-treatment' },
      absent: ['therapy.months', 'therapy.cycles'],
    },
  ],
  'durations, counts and responses in shorthand': [
    { text: 'alectinib (month 14), PR', facts: { 'therapy.months': 14, 'therapy.response': 'PR' } },
    { text: 'osimertinib, now month 7, SD', facts: { 'therapy.months': 7 } },
    { text: 'week 6 of adagrasib, tolerating', facts: { 'therapy.weeks': 6 } },
    { text: 'lorla 20m, SD', facts: { 'therapy.agent': 'lorlatinib', 'therapy.months': 20 } },
    { text: 'on osim 11m, PR', facts: { 'therapy.months': 11, 'therapy.response': 'PR' } },
    // A bare "m" away from a drug is no duration ("walks 200m").
    { text: 'walks 200m, on osimertinib, SD', absent: ['therapy.months'] },
    { text: 'nivolumab, 10 months in total, SD', facts: { 'therapy.months': 10 } },
    { text: 'Pembrolizumab since [DATE]. Duration: 7 months. SD.', facts: { 'therapy.months': 7 } },
    {
      text: 'Docetaxel for PD on pembro. 2L, C4.',
      facts: { 'therapy.agent': 'docetaxel', 'therapy.cycles': 4 },
    },
    // A vertebra after a volume drained is no cycle.
    { text: 'effusion drained 2L, C3 met, on osimertinib', absent: ['therapy.cycles'] },
    { text: 'On carbo/pem/pembro. Has now had cycle 5.', facts: { 'therapy.cycles': 5 } },
    {
      text: 'no progression at 11 months of lorlatinib',
      facts: { 'therapy.agent': 'lorlatinib', 'therapy.months': 11, 'therapy.status': 'on-treatment' },
    },
    {
      text: 'Good response after 4 cycles cis/pem/pembro; now pembro maintenance C9',
      facts: { 'therapy.response': 'PR', 'therapy.cycles': 9, 'therapy.agent': 'pembrolizumab' },
    },
    { text: 'atezolizumab C5, response: partial', facts: { 'therapy.response': 'PR' } },
    { text: 'sotorasib 3 months, response complete', facts: { 'therapy.response': 'CR' } },
  ],
  'no treatment yet for a relapse after stage III treatment': [
    {
      text: 'Recurrence 20 months after CRT and durvalumab, 3 bone mets, no systemic therapy yet',
      facts: { 'therapy.status': 'naive' },
      absent: ['therapy.months'],
      notAsked: ['therapy.status'],
    },
    {
      text: 'relapse 5 months after completing durvalumab; no treatment so far',
      facts: { 'therapy.status': 'naive' },
      absent: ['therapy.months'],
    },
    // Progression after starting a drug is the time on it.
    { text: 'PD 11 months after starting osimertinib', facts: { 'therapy.months': 11 } },
    // The chemotherapy of a chemoradiation is stage III history, not the current regimen.
    {
      text: 'Stage IIIB 2022: cisplatin/etoposide + 66 Gy, then durvalumab. Now 2 liver mets.',
      facts: { 'therapy.agent': 'durvalumab', 'therapy.regimen': 'io' },
      absent: ['therapy.status'],
    },
    {
      text: 'concurrent carboplatin/paclitaxel with 60 Gy in 2021, durvalumab 1 year; relapse, no systemic therapy yet',
      facts: { 'therapy.agent': 'durvalumab', 'therapy.status': 'naive' },
    },
    {
      text: 'carboplatin/paclitaxel + 60 Gy in 2020. Relapse 2024; now carbo/pem/pembro C3, SD',
      facts: { 'therapy.agent': 'carboplatin + pemetrexed + pembrolizumab', 'therapy.cycles': 3 },
    },
    // Stereotactic RT beside chemotherapy is no chemoradiation.
    {
      text: 'carboplatin/pemetrexed + 50 Gy SBRT to the adrenal, C2',
      facts: { 'therapy.agent': 'carboplatin + pemetrexed', 'therapy.cycles': 2 },
    },
    // Chemo-IO given beside palliative RT is the metastatic line.
    {
      text: 'concurrent carbo/pem/pembro and SBRT 30 Gy to the adrenal, C2',
      facts: { 'therapy.regimen': 'chemo-io', 'therapy.cycles': 2 },
    },
    {
      text: 'Stage IIIA: cisplatin/vinorelbine + 60 Gy then durvalumab 11 months. Liver relapse. Not yet started systemic treatment.',
      facts: { 'therapy.status': 'naive' },
      absent: ['therapy.months'],
    },
    // "plan <drug>": the drug is ahead, the patient untreated; a plan after the drug is about something else.
    { text: 'ROS1+, 3 bone mets; plan entrectinib first', facts: { 'therapy.status': 'naive' } },
    {
      text: 'osimertinib 10 months, PD; plan docetaxel',
      facts: { 'therapy.agent': 'osimertinib', 'therapy.status': 'on-treatment' },
    },
    { text: 'osimertinib, plan SBRT to the adrenal', absent: ['therapy.status'] },
    { text: 'plan SBRT to the adrenal with osimertinib', absent: ['therapy.status'] },
    {
      text: 'PD-L1 90%, 2 liver mets; plan carbo/pem/pembro',
      facts: { 'therapy.agent': 'carboplatin + pemetrexed + pembrolizumab', 'therapy.status': 'naive' },
    },
  ],
};

describeReadingClasses('therapy timeline phrasings', CLASSES);
