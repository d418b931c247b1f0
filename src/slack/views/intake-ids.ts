// Stable identifiers of the tumour-board intake modal. Handlers, the modal builder, the state reader and the
// `response_action: errors` map all key on these; changing one breaks submissions of modals already open.

/** `callback_id` of the intake modal (the `app.view(...)` listener keys on it). */
export const INTAKE_CALLBACK_ID = 'intake_submit';

/** Every input of the modal, in display order. */
export const INTAKE_FIELDS = [
  // Not a case fact: a pasted case summary, read into the fields below by "Read it" (never stored).
  'summary',
  // Disease
  'primarySite',
  'histology',
  'stageM',
  'stageT',
  'stageN',
  'edition',
  // Driver
  'driver',
  'negativeFor',
  'pdl1',
  // Metastases
  'lesionCount',
  'organs',
  'sites',
  'burden',
  'serosal',
  'brain',
  // Performance
  'ecog',
  'karnofsky',
  'lifeExpectancy',
  // Systemic therapy
  'therapyStatus',
  'regimen',
  'agent',
  'therapyMonths',
  'therapyWeeks',
  'therapyCycles',
  'response',
  // Progression
  'progressionPattern',
  'primaryProgressing',
  'progressingSites',
  // Primary tumour
  'location',
  'sizeCm',
  'endobronchial',
  'lobe',
  // Symptoms
  'symptoms',
  // Lung
  'ild',
  'priorThoracicRt',
  'poorLungFunction',
  // Staging
  'petCt',
  'brainMri',
  // Not a case fact: where the answer goes.
  'delivery',
] as const;

export type IntakeField = (typeof INTAKE_FIELDS)[number];

export interface IntakeFieldIds {
  /** `block_id` of the input block; the key of `view.state.values` and of `response_action: errors`. */
  readonly blockId: string;
  /** `action_id` of the element inside that block. */
  readonly actionId: string;
}

function ids(name: string): IntakeFieldIds {
  return { blockId: `intake_${name}`, actionId: `intake_${name}_input` };
}

/** block_id / action_id of every input. */
export const INTAKE_IDS: Readonly<Record<IntakeField, IntakeFieldIds>> = {
  summary: ids('summary'),
  primarySite: ids('primary_site'),
  histology: ids('histology'),
  stageM: ids('stage_m'),
  stageT: ids('stage_t'),
  stageN: ids('stage_n'),
  edition: ids('stage_edition'),
  driver: ids('driver'),
  negativeFor: ids('negative_for'),
  pdl1: ids('pdl1'),
  lesionCount: ids('met_count'),
  organs: ids('met_organs'),
  sites: ids('met_sites'),
  burden: ids('met_burden'),
  serosal: ids('serosal'),
  brain: ids('brain'),
  ecog: ids('ecog'),
  karnofsky: ids('karnofsky'),
  lifeExpectancy: ids('life_expectancy'),
  therapyStatus: ids('therapy_status'),
  regimen: ids('therapy_regimen'),
  agent: ids('therapy_agent'),
  therapyMonths: ids('therapy_months'),
  therapyWeeks: ids('therapy_weeks'),
  therapyCycles: ids('therapy_cycles'),
  response: ids('therapy_response'),
  progressionPattern: ids('progression_pattern'),
  primaryProgressing: ids('primary_progressing'),
  progressingSites: ids('progressing_sites'),
  location: ids('primary_location'),
  sizeCm: ids('primary_size'),
  endobronchial: ids('primary_endobronchial'),
  lobe: ids('primary_lobe'),
  symptoms: ids('symptoms'),
  ild: ids('lung_ild'),
  priorThoracicRt: ids('lung_prior_rt'),
  poorLungFunction: ids('lung_poor_function'),
  petCt: ids('staging_pet_ct'),
  brainMri: ids('staging_brain_mri'),
  delivery: ids('delivery'),
};

/** The `block_id` of a field (shorthand for `INTAKE_IDS[field].blockId`). */
export function blockIdOf(field: IntakeField): string {
  return INTAKE_IDS[field].blockId;
}

/** action_id of "Read it" under the pasted summary: the modal is updated with the facts read from it. */
export const INTAKE_READ_SUMMARY = 'intake_read_summary';
export const INTAKE_SUMMARY_ACTIONS_BLOCK_ID = 'intake_summary_actions';

/** The facts shown before "More facts" (≤ 12 inputs after the summary, with the delivery choice): the engine's
 * critical facts (stage, driver, metastatic burden; the progression pattern when the response is PD) and the
 * ones that most often decide the verdict. Every other fact field is behind "More facts". */
export const CORE_INTAKE_FIELDS: ReadonlySet<IntakeField> = new Set<IntakeField>([
  'summary',
  'stageM',
  'histology',
  'driver',
  'negativeFor',
  'lesionCount',
  'organs',
  'brain',
  'ecog',
  'therapyStatus',
  'response',
  'progressionPattern',
  'delivery',
]);

/** "More facts" expands the form in place (views.update); "Fewer facts" hides the empty extra fields again. */
export const INTAKE_MORE_FACTS = 'intake_more_facts';
export const INTAKE_FEWER_FACTS = 'intake_fewer_facts';
export const INTAKE_TOGGLE_BLOCK_ID = 'intake_more_actions';

const BLOCK_FIELDS: ReadonlyMap<string, IntakeField> = new Map(
  INTAKE_FIELDS.map((f) => [INTAKE_IDS[f].blockId, f]),
);

/** The field whose input has this block_id, if any. */
export function fieldOfBlock(blockId: string | undefined): IntakeField | undefined {
  return blockId === undefined ? undefined : BLOCK_FIELDS.get(blockId);
}
