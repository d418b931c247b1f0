// Phrasing classes of the chest and brain readers (extract-chest.ts, brain-status.ts) found by independent probes:
// the primary's location, prior thoracic RT, lung function and ILD, symptoms and the brain status. Texts go through
// readText, the only way a front end reaches the parser.
import { describeReadingClasses, type ReadingRow } from './reading-table.js';

const CLASSES: Record<string, ReadingRow[]> = {
  'location: a hilum with its side, nodes at the hilum, parenchymal subpleural change, a lobar orifice': [
    { text: 'adenocarcinoma R hilum, 4 cm', facts: { 'primary.location': 'central' } },
    { text: 'mass within the left hilum', facts: { 'primary.location': 'central' } },
    { text: 'enlarged nodes at the right hilum', absent: ['primary.location'] },
    { text: 'RLL primary 2 cm; L hilum unremarkable', absent: ['primary.location'] },
    { text: 'LUL mass, R hilum nodes', absent: ['primary.location'] },
    { text: 'subpleural reticulation at both bases', absent: ['primary.location'] },
    { text: 'background subpleural honeycombing', absent: ['primary.location'] },
    { text: 'peripheral and basal predominant fibrosis', absent: ['primary.location'] },
    { text: 'subpleural 14 mm RUL nodule', facts: { 'primary.location': 'peripheral' } },
    { text: 'left hilar and paratracheal lymphadenopathy', absent: ['primary.location'] },
    { text: 'right hilar, 4R and 7 nodes FDG avid', absent: ['primary.location'] },
    { text: 'hilar mass with subcarinal nodes', facts: { 'primary.location': 'central' } },
    {
      text: 'mass occluding the LUL orifice',
      facts: { 'primary.endobronchial': true, 'primary.location': 'ultracentral' },
    },
    { text: 'tumour seen at the RML orifice on bronchoscopy', facts: { 'primary.endobronchial': true } },
    {
      text: 'lesion visible within the orifice of the left lower lobe',
      facts: { 'primary.endobronchial': true },
    },
    { text: 'bronchoscopy: no tumour seen at the RUL orifice', facts: { 'primary.endobronchial': false } },
  ],
  'prior thoracic RT: a denied event at the RT site, the hemithorax, radiation fibrosis, a denial with "before"':
    [
      {
        text: 'no sign of local relapse at the previously treated LLL SABR site',
        facts: { 'lung.priorThoracicRt': true },
      },
      { text: 'no progression within the prior chest RT field', facts: { 'lung.priorThoracicRt': true } },
      { text: 'no prior chest RT', facts: { 'lung.priorThoracicRt': false } },
      { text: 'previous radiotherapy to the right hemithorax 2019', facts: { 'lung.priorThoracicRt': true } },
      {
        text: 'radiation fibrosis in the right upper lobe, new LLL mass 3 cm',
        facts: { 'lung.priorThoracicRt': true, 'primary.lobe': 'LLL' },
      },
      { text: 'RML radiation fibrosis', facts: { 'lung.priorThoracicRt': true }, absent: ['primary.lobe'] },
      { text: 'ILD, high risk of radiation fibrosis', absent: ['lung.priorThoracicRt'] },
      { text: 'no lung RT to date', facts: { 'lung.priorThoracicRt': false } },
      { text: 'has never received thoracic radiotherapy', facts: { 'lung.priorThoracicRt': false } },
      { text: 'no thoracic RT for now, systemic therapy first', absent: ['lung.priorThoracicRt'] },
      { text: 'previous SBRT to a contralateral nodule in 2020', facts: { 'lung.priorThoracicRt': true } },
    ],
  'lung function and ILD: FEV1 with its volume, interstitial abnormality denied': [
    { text: 'FEV1 0.9 L (31% predicted)', facts: { 'lung.poorFunction': true } },
    { text: 'FEV1 2.4 L (82 % pred)', facts: { 'lung.poorFunction': false } },
    { text: 'FEV1 1.2L, 44%', facts: { 'lung.poorFunction': true } },
    { text: 'FEV1 85%', facts: { 'lung.poorFunction': false } },
    { text: 'CT: no interstitial abnormalities', facts: { 'lung.ild': 'none' } },
    { text: 'mild interstitial abnormality at the bases', facts: { 'lung.ild': 'ild' } },
  ],
  'symptoms: none current': [
    { text: 'no current respiratory symptoms', facts: { symptoms: [] } },
    { text: 'no active chest symptoms, ECOG 1', facts: { symptoms: [] } },
  ],
  'brain: a negative scan with its date or in a bracket, brain imaging not done, a met asymptomatic or untreated':
    [
      { text: 'MRI head: clean', facts: { brain: 'none', 'staging.brainMri': 'done' } },
      { text: 'CT head (normal)', facts: { brain: 'none' } },
      { text: 'brain MRI 3 weeks ago unremarkable', facts: { brain: 'none' } },
      { text: 'MRI brain 04/02/2025 - no metastases', facts: { brain: 'none' } },
      { text: 'MRI brain: -ve', facts: { brain: 'none' } },
      { text: 'brain MRI: no leptomeningeal enhancement, no mets', facts: { brain: 'none' } },
      { text: 'MRI brain: 2 mets, asymptomatic', facts: { brain: 'untreated-asymptomatic' } },
      { text: 'no head imaging so far', facts: { 'staging.brainMri': 'not-done' }, absent: ['brain'] },
      { text: 'brain imaging not yet done', facts: { 'staging.brainMri': 'not-done' } },
      { text: 'brain imaging: CT only', absent: ['staging.brainMri'] },
      { text: '2 brain mets, asymptomatic, not yet irradiated', facts: { brain: 'untreated-asymptomatic' } },
      { text: '3 brain mets; asymptomatic; for SRS', facts: { brain: 'untreated-asymptomatic' } },
      { text: 'single 8 mm R frontal brain met, asymptomatic', facts: { brain: 'untreated-asymptomatic' } },
      {
        text: 'brain met treated with SRS, asymptomatic',
        facts: { brain: 'treated-stable' },
      },
      {
        text: '2 brain mets (GK), brain stable on MRI',
        facts: { brain: 'treated-stable' },
        absent: ['therapy.response'],
      },
      {
        text: 'radiotherapy-naive brain mets x2, asymptomatic',
        facts: { brain: 'untreated-asymptomatic' },
      },
      {
        text: 'treatment-naive brain metastases, asymptomatic',
        facts: { brain: 'untreated-asymptomatic' },
        absent: ['therapy.status'],
      },
      { text: '1 brain met (SRS planned)', facts: { brain: 'untreated-asymptomatic' } },
      { text: 'brain met SRS 2022; asymptomatic', facts: { brain: 'treated-stable' } },
      { text: 'brain mets, asymptomatic, WBRT', absent: ['brain'] },
    ],
};

describeReadingClasses('chest and brain phrasing classes', CLASSES);
