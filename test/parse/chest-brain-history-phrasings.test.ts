// Phrasing classes of the chest and brain readers (extract-chest.ts, brain-status.ts) about history found by
// independent probes: prior thoracic RT told by its dose, stage or course, the brain status after a treatment, and
// the chest fields written with "nil". Texts go through readText, the only way a front end reaches the parser.
import { describeReadingClasses, type ReadingRow } from './reading-table.js';

const CLASSES: Record<string, ReadingRow[]> = {
  'prior thoracic RT: a radical dose with chemo, an early stage, the primary treated, a date, a drug resumed':
    [
      {
        text: 'carboplatin/paclitaxel with 64 Gy/32 completed 2021',
        facts: { 'lung.priorThoracicRt': true },
      },
      { text: '66 Gy in 33 fractions + weekly cisplatin in 2020', facts: { 'lung.priorThoracicRt': true } },
      { text: 'cisplatin + 60 Gy/30 to the brain in 2019', absent: ['lung.priorThoracicRt'] },
      { text: 'carboplatin and 60 Gy planned', absent: ['lung.priorThoracicRt'] },
      { text: 'cisplatin with 45 Gy/25 in 2018', absent: ['lung.priorThoracicRt'] },
      { text: '60 Gy/30 + cisplatin to the tonsil in 2014', absent: ['lung.priorThoracicRt'] },
      { text: 'carboplatin with 60 Gy for a laryngeal cancer in 2016', absent: ['lung.priorThoracicRt'] },
      { text: 'SBRT in 2019 to a stage IA RLL adenocarcinoma', facts: { 'lung.priorThoracicRt': true } },
      { text: 'SABR 2018 for early-stage NSCLC', facts: { 'lung.priorThoracicRt': true } },
      { text: 'SBRT 2022 for stage IV NSCLC', absent: ['lung.priorThoracicRt'] },
      {
        text: 'growth of the RLL primary, treated with SABR 50 Gy/5',
        facts: { 'lung.priorThoracicRt': true },
      },
      { text: 'LUL mass, which was treated with SBRT', facts: { 'lung.priorThoracicRt': true } },
      { text: 'rectal primary, treated with RT 2016', absent: ['lung.priorThoracicRt'] },
      { text: 'bone met, treated with SBRT', absent: ['lung.priorThoracicRt'] },
      { text: 'SABR to the LLL on 12/03/2021', facts: { 'lung.priorThoracicRt': true } },
      { text: 'SBRT to the LLL booked for 12/03/2027', absent: ['lung.priorThoracicRt'] },
      {
        text: 'alectinib paused for a week around SABR to the RUL, restarted since',
        facts: { 'lung.priorThoracicRt': true },
      },
      {
        text: 'alectinib to be paused around SABR to the RUL, then restarted',
        absent: ['lung.priorThoracicRt'],
      },
      { text: 'for SABR to the primary', absent: ['lung.priorThoracicRt'] },
      { text: 'SBRT to the primary planned', absent: ['lung.priorThoracicRt'] },
    ],
  'prior thoracic RT: consolidation durvalumab (given only after chemoradiation), not planned, asked or denied':
    [
      { text: 'durvalumab consolidation, finished in 2022', facts: { 'lung.priorThoracicRt': true } },
      { text: 'currently on consolidation durvalumab, month 7', facts: { 'lung.priorThoracicRt': true } },
      {
        text: 'durvalumab (consolidation) stopped early for pneumonitis',
        facts: { 'lung.priorThoracicRt': true },
      },
      { text: 'candidate for consolidation durvalumab', absent: ['lung.priorThoracicRt'] },
      { text: 'no consolidation durvalumab given', absent: ['lung.priorThoracicRt'] },
      { text: 'consolidation durvalumab? unclear', absent: ['lung.priorThoracicRt'] },
      {
        text: 'if consolidation durvalumab was given, then pneumonitis risk',
        absent: ['lung.priorThoracicRt'],
      },
    ],
  'chest fields with "nil": a symptoms field, prior RT denied, a post-obstructive PNA': [
    { text: 'Symptoms - none. ECOG 1', facts: { symptoms: [] } },
    { text: 'respiratory symptoms: nil', facts: { symptoms: [] } },
    { text: 'nil chest symptoms', facts: { symptoms: [] } },
    { text: 'neuro symptoms: nil', absent: ['symptoms'] },
    { text: 'Symptoms: none. Cough for 2 months', conflicts: ['symptoms'] },
    { text: 'previous RT none', facts: { 'lung.priorThoracicRt': false } },
    { text: 'nil previous radiotherapy', facts: { 'lung.priorThoracicRt': false } },
    { text: 'nil history of RT', facts: { 'lung.priorThoracicRt': false } },
    { text: 'RLL post obstructive PNA on CT', facts: { symptoms: ['airway-obstruction'] } },
    { text: 'obstructive PNA distal to the mass', facts: { symptoms: ['airway-obstruction'] } },
  ],
  'brain: new lesions after a treatment, new lesions then treated, symptoms gone after it, SRS in a bracket, a month':
    [
      {
        text: '3 brain mets resected and irradiated 2022; 1 new punctate lesion on MRI',
        facts: { brain: 'untreated-asymptomatic' },
      },
      {
        text: 'brain mets treated with SRS in 2024, no new lesions since',
        facts: { brain: 'treated-stable' },
      },
      { text: 'brain met s/p GK; new liver mets', facts: { brain: 'treated-stable' } },
      { text: '2 new brain metastases, treated with radiosurgery', facts: { brain: 'treated-stable' } },
      { text: 'new brain metastases, irradiated in May', facts: { brain: 'treated-stable' } },
      { text: 'new brain met to be treated with SRS', facts: { brain: 'untreated-asymptomatic' } },
      { text: 'new brain met after WBRT', facts: { brain: 'untreated-asymptomatic' } },
      { text: 'progression of brain mets treated with SRS', facts: { brain: 'untreated-asymptomatic' } },
      {
        text: 'cerebellar met with headaches, post-SRS, now neurologically intact',
        facts: { brain: 'treated-stable' },
      },
      { text: 'brain met with seizures, treated with SRS', facts: { brain: 'symptomatic' } },
      { text: 'brain met with dysphasia, for SRS', facts: { brain: 'symptomatic' } },
      { text: 'oligoprogression (brain x2, GK)', facts: { brain: 'treated-stable' } },
      { text: 'relapse in 2023 (adrenal, brain x1, SRS 2023)', facts: { brain: 'treated-stable' } },
      { text: 'MRI head 11.2024 clear', facts: { brain: 'none' } },
      { text: 'CT head (06/2025): normal', facts: { brain: 'none' } },
    ],
};

describeReadingClasses('chest and brain history phrasing classes', CLASSES);
