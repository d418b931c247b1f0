// Reads a submitted intake modal (`view.state.values`) back into case facts. Never throws: a malformed payload,
// an unreadable number or a fact the engine rejects becomes an error keyed by the input's block_id, ready for
// `ack({ response_action: 'errors', errors })`.
import { z } from 'zod';
import { previewCase } from '../../consult/index.js';
import { type Case, CaseSchema } from '../../engine/case-schema.js';
import { INTAKE_FIELDS, INTAKE_IDS, type IntakeField } from './intake-ids.js';
import {
  BRAIN_CHOICES,
  BURDEN_CHOICES,
  type Choice,
  DELIVERY_CHOICES,
  type Delivery,
  DRIVER_CHOICES,
  EDITION_CHOICES,
  HISTOLOGY_CHOICES,
  ILD_CHOICES,
  KARNOFSKY_CHOICES,
  LOBE_CHOICES,
  LOCATION_CHOICES,
  M_CHOICES,
  N_CHOICES,
  NOT_STATED,
  PANEL_GENE_CHOICES,
  PATTERN_CHOICES,
  PRIMARY_SITE_CHOICES,
  REGIMEN_CHOICES,
  RESPONSE_CHOICES,
  SEROSAL_CHOICES,
  SITE_CHOICES,
  STAGING_CHOICES,
  SYMPTOM_CHOICES,
  T_CHOICES,
  THERAPY_STATUS_CHOICES,
  YES,
} from './intake-options.js';

/** Slack shows a field error under its input; keep it short. */
export const ERROR_MAX = 150;

/** One element's state as Slack sends it (`ViewStateValue`, reduced to what the intake modal uses). */
export const ElementStateSchema = z
  .object({
    type: z.string(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).loose().nullish(),
    selected_options: z.array(z.object({ value: z.string() }).loose()).nullish(),
  })
  .loose();
export type ElementState = z.infer<typeof ElementStateSchema>;

/** `view.state.values`: `{ [block_id]: { [action_id]: ElementState } }`. */
export const StateValuesSchema = z.record(z.string(), z.record(z.string(), ElementStateSchema));
export type StateValues = z.infer<typeof StateValuesSchema>;

const RecordSchema = z.record(z.string(), z.unknown());

export type IntakeReadResult =
  | { ok: true; case: Case; delivery: Delivery }
  | { ok: false; errors: Record<string, string> };

interface FieldText {
  /** Name used in messages. */
  readonly name: string;
  /** What a valid answer is; shown when the value is rejected without a more specific reason. */
  readonly rule: string;
  /** Example for "must be a number" messages. */
  readonly example?: string;
}

const PICK = 'Choose one of the listed options.';
const TICK = 'Tick the box, or leave it empty if not known.';

const FIELD_TEXT: Readonly<Record<IntakeField, FieldText>> = {
  summary: { name: 'Case summary', rule: 'Paste the case summary, then choose "Read it".' },
  primarySite: { name: 'Primary site', rule: PICK },
  histology: { name: 'Histology', rule: PICK },
  stageM: {
    name: 'Stage',
    rule: 'Choose the M category; pick "M0 / stage I–III" if the disease is not metastatic.',
  },
  stageT: { name: 'T category', rule: 'Choose a T category from the list, e.g. T2b.' },
  stageN: { name: 'N category', rule: 'Choose an N category from the list, e.g. N2.' },
  edition: { name: 'TNM edition', rule: 'Choose the 8th or the 9th edition.' },
  driver: {
    name: 'Driver',
    rule: 'Choose the driver; pick "None (driver-negative)" if no actionable alteration was found.',
  },
  negativeFor: {
    name: 'Genes reported negative',
    rule: 'Choose genes from the list; the driver cannot also be reported negative.',
  },
  pdl1: { name: 'PD-L1 TPS', rule: 'PD-L1 TPS is a percentage from 0 to 100.', example: '50' },
  lesionCount: {
    name: 'Lesion count',
    rule: 'Lesion count must be a whole number from 0 to 1000.',
    example: '3',
  },
  organs: { name: 'Organ count', rule: 'Organ count must be a whole number from 0 to 20.', example: '2' },
  sites: { name: 'Sites', rule: 'Choose sites from the list.' },
  burden: { name: 'Burden', rule: 'Choose oligometastatic or polymetastatic.' },
  serosal: { name: 'Serosal disease', rule: 'Tick the kinds of serosal disease present, or leave it empty.' },
  brain: { name: 'Brain metastases', rule: PICK },
  ecog: { name: 'ECOG', rule: 'ECOG must be a whole number from 0 to 4.', example: '1' },
  karnofsky: { name: 'Karnofsky', rule: 'Karnofsky must be 10, 20, … 100.' },
  lifeExpectancy: {
    name: 'Life expectancy',
    rule: 'Life expectancy is in months, from 0 to 600.',
    example: '12',
  },
  therapyStatus: { name: 'Therapy status', rule: PICK },
  regimen: { name: 'Regimen', rule: PICK },
  agent: { name: 'Agent', rule: 'Agent must be at most 80 characters.' },
  therapyMonths: {
    name: 'Months on therapy',
    rule: 'Months on therapy must be a number from 0 to 240.',
    example: '3',
  },
  therapyWeeks: {
    name: 'Weeks on therapy',
    rule: 'Weeks on therapy must be a number from 0 to 1000.',
    example: '8',
  },
  therapyCycles: { name: 'Cycles', rule: 'Cycles must be a whole number from 0 to 100.', example: '4' },
  response: { name: 'Response', rule: PICK },
  progressionPattern: { name: 'Progression pattern', rule: PICK },
  primaryProgressing: { name: 'Primary progressing', rule: TICK },
  progressingSites: {
    name: 'Progressing sites',
    rule: 'Progressing sites must be a whole number from 0 to 1000.',
    example: '2',
  },
  location: { name: 'Location', rule: PICK },
  sizeCm: { name: 'Size', rule: 'Size is in cm: more than 0 and at most 30.', example: '3.5' },
  endobronchial: { name: 'Endobronchial', rule: TICK },
  lobe: { name: 'Lobe', rule: PICK },
  symptoms: { name: 'Symptoms', rule: 'Tick symptoms from the list, or leave it empty.' },
  ild: { name: 'ILD', rule: PICK },
  priorThoracicRt: { name: 'Prior thoracic RT', rule: TICK },
  poorLungFunction: { name: 'Lung function', rule: TICK },
  petCt: { name: 'PET-CT', rule: 'Choose done or not done.' },
  brainMri: { name: 'Brain MRI', rule: 'Choose done or not done.' },
  delivery: { name: 'Delivery', rule: 'Choose "Preview to me" or "Post in channel".' },
};

/** Added after a schema message of these fields, to say what to do. */
const FIX: Partial<Record<IntakeField, string>> = {
  organs: 'Correct the organ or the lesion count.',
};

/** Where the engine's field paths are answered in the modal. */
const PATH_FIELDS: Readonly<Record<string, IntakeField>> = {
  primarySite: 'primarySite',
  negativeFor: 'negativeFor',
  histology: 'histology',
  stage: 'stageM',
  'stage.m': 'stageM',
  'stage.t': 'stageT',
  'stage.n': 'stageN',
  'stage.edition': 'edition',
  driver: 'driver',
  egfrVariant: 'driver',
  pdl1: 'pdl1',
  metastases: 'lesionCount',
  'metastases.count': 'lesionCount',
  'metastases.organs': 'organs',
  'metastases.sites': 'sites',
  'metastases.burden': 'burden',
  serosalDisease: 'serosal',
  brain: 'brain',
  ecog: 'ecog',
  karnofsky: 'karnofsky',
  lifeExpectancyMonths: 'lifeExpectancy',
  therapy: 'therapyStatus',
  'therapy.status': 'therapyStatus',
  'therapy.regimen': 'regimen',
  'therapy.agent': 'agent',
  'therapy.months': 'therapyMonths',
  'therapy.weeks': 'therapyWeeks',
  'therapy.cycles': 'therapyCycles',
  'therapy.response': 'response',
  progression: 'progressionPattern',
  'progression.pattern': 'progressionPattern',
  'progression.primaryProgressing': 'primaryProgressing',
  'progression.sites': 'progressingSites',
  primary: 'location',
  'primary.location': 'location',
  'primary.sizeCm': 'sizeCm',
  'primary.endobronchial': 'endobronchial',
  'primary.lobe': 'lobe',
  symptoms: 'symptoms',
  lung: 'ild',
  'lung.ild': 'ild',
  'lung.priorThoracicRt': 'priorThoracicRt',
  'lung.poorFunction': 'poorLungFunction',
  staging: 'petCt',
  'staging.petCt': 'petCt',
  'staging.brainMri': 'brainMri',
};

/** The block that gets an error nothing else claims (the first input, so that it is seen). */
const FALLBACK_FIELD: IntakeField = 'histology';

/** The modal field that answers an engine field path (e.g. `['metastases', 'organs']` → organs). */
export function fieldForPath(path: readonly PropertyKey[]): IntakeField {
  const keys = path.filter((p): p is string => typeof p === 'string');
  return PATH_FIELDS[keys.slice(0, 2).join('.')] ?? PATH_FIELDS[keys[0] ?? ''] ?? FALLBACK_FIELD;
}

export function readIntakeState(values: unknown, now: Date = new Date()): IntakeReadResult {
  const top = RecordSchema.safeParse(values);
  if (!top.success) {
    return {
      ok: false,
      errors: {
        [INTAKE_IDS[FALLBACK_FIELD].blockId]:
          'The form could not be read. Close it, open it again and resubmit.',
      },
    };
  }
  const r = new Reader(top.data);
  const form = readDraft(r);
  const delivery = r.one('delivery', DELIVERY_CHOICES) ?? 'preview';

  // The facts the engine checks.
  const parsed = CaseSchema.safeParse(form.draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForPath(issue.path);
      r.fail(field, schemaMessage(field, issue.message));
    }
  }
  checkCriticalFacts(r, form, parsed.success ? parsed.data : undefined, now);
  if (r.errors.size > 0 || !parsed.success) return { ok: false, errors: r.errorRecord() };
  return { ok: true, case: parsed.data, delivery };
}

/** What a form says so far, without judging it (for "More facts" / "Fewer facts", which rebuild the form):
 * the draft facts, the delivery choice, and every field that holds an answer, readable or not. */
export interface IntakeDraft {
  draft: Record<string, unknown>;
  delivery: Delivery | undefined;
  filled: Set<IntakeField>;
}

export function readIntakeDraft(values: unknown): IntakeDraft {
  const top = RecordSchema.safeParse(values);
  const r = new Reader(top.success ? top.data : {});
  const { draft } = readDraft(r);
  const delivery = r.one('delivery', DELIVERY_CHOICES);
  return { draft, delivery, filled: new Set(INTAKE_FIELDS.filter((f) => r.filled(f))) };
}

/** Facts read from a pasted summary laid over what the form already says: a fact the summary states wins
 * (one level deep, so a lesion count read does not drop an organ count entered); the rest is kept. */
export function overlayFacts(base: Record<string, unknown>, over: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? { ...b, ...v } : v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The display name of a field, for messages. */
export function fieldName(field: IntakeField): string {
  return FIELD_TEXT[field].name;
}

/** What the form says, before validation, with the few raw choices the checks need. */
interface Draft {
  draft: Record<string, unknown>;
  stageM: string | undefined;
  driverChosen: boolean;
  count: number | undefined;
  organs: number | undefined;
  response: string | undefined;
  pattern: string | undefined;
}

function readDraft(r: Reader): Draft {
  const stageM = r.one('stageM', M_CHOICES);
  const driverValue = r.one('driver', DRIVER_CHOICES);
  const driverFacts = DRIVER_CHOICES.find((c) => c.value === driverValue)?.facts;
  const count = r.number('lesionCount');
  const organs = r.number('organs');
  const response = r.one('response', RESPONSE_CHOICES);
  const pattern = r.one('progressionPattern', PATTERN_CHOICES);
  const draft =
    compact({
      primarySite: r.one('primarySite', PRIMARY_SITE_CHOICES),
      histology: r.one('histology', HISTOLOGY_CHOICES),
      stage: compact({
        m: stageM,
        t: r.one('stageT', T_CHOICES),
        n: r.one('stageN', N_CHOICES),
        edition: toNumber(r.one('edition', EDITION_CHOICES)),
      }),
      driver: driverFacts?.driver,
      egfrVariant: driverFacts?.egfrVariant,
      negativeFor: r.many('negativeFor', PANEL_GENE_CHOICES),
      pdl1: r.number('pdl1'),
      metastases: compact({
        count,
        organs,
        sites: r.many('sites', SITE_CHOICES),
        burden: r.one('burden', BURDEN_CHOICES),
      }),
      serosalDisease: r.many('serosal', SEROSAL_CHOICES),
      brain: r.one('brain', BRAIN_CHOICES),
      ecog: r.number('ecog'),
      karnofsky: toNumber(r.one('karnofsky', KARNOFSKY_CHOICES)),
      lifeExpectancyMonths: r.number('lifeExpectancy'),
      ...readTreatment(r, response, pattern),
    }) ?? {};
  return { draft, stageM, driverChosen: driverFacts !== undefined, count, organs, response, pattern };
}

/** Therapy, progression, the primary, symptoms, lung status and staging. */
function readTreatment(r: Reader, response: string | undefined, pattern: string | undefined) {
  return {
    therapy: compact({
      status: r.one('therapyStatus', THERAPY_STATUS_CHOICES),
      regimen: r.one('regimen', REGIMEN_CHOICES),
      agent: r.text('agent'),
      months: r.number('therapyMonths'),
      weeks: r.number('therapyWeeks'),
      cycles: r.number('therapyCycles'),
      response,
    }),
    progression: compact({
      pattern,
      primaryProgressing: r.flag('primaryProgressing'),
      sites: r.number('progressingSites'),
    }),
    primary: compact({
      location: r.one('location', LOCATION_CHOICES),
      sizeCm: r.number('sizeCm'),
      endobronchial: r.flag('endobronchial'),
      lobe: r.one('lobe', LOBE_CHOICES),
    }),
    symptoms: r.many('symptoms', SYMPTOM_CHOICES),
    lung: compact({
      ild: r.one('ild', ILD_CHOICES),
      priorThoracicRt: r.flag('priorThoracicRt'),
      poorFunction: r.flag('poorLungFunction'),
    }),
    staging: compact({
      petCt: r.one('petCt', STAGING_CHOICES),
      brainMri: r.one('brainMri', STAGING_CHOICES),
    }),
  };
}

/** Critical facts (decision-spec §4 rule 2), as field errors. */
function checkCriticalFacts(r: Reader, form: Draft, valid: Case | undefined, now: Date): void {
  // Stage and driver are required inputs, so Slack normally enforces them; a payload without them still
  // gets a clear answer.
  if (form.stageM === undefined) r.fail('stageM', FIELD_TEXT.stageM.rule);
  if (!form.driverChosen) r.fail('driver', FIELD_TEXT.driver.rule);
  // The engine decides what is critical (one definition of burden, not two): ask it which facts are missing.
  if (valid && !r.failed('lesionCount') && !r.failed('organs')) {
    const answer = previewCase(valid, now);
    if (answer.ok && answer.output.missing.includes('metastases'))
      r.fail('lesionCount', burdenMessage(form.count, form.organs));
  }
  if (form.response === 'PD' && !r.failed('progressionPattern')) {
    if (form.pattern === undefined) {
      r.fail(
        'progressionPattern',
        'The response is PD: choose the progression pattern (oligo- or polyprogression).',
      );
    } else if (form.pattern === 'none') {
      r.fail(
        'progressionPattern',
        'The response is PD but the pattern says no progression: choose oligo- or polyprogression, or change the response.',
      );
    }
  }
}

function burdenMessage(count: number | undefined, organs: number | undefined): string {
  if (count !== undefined)
    return `With ${count} lesions the number of organs decides the burden: enter it, or choose oligo/poly under Metastatic burden (More facts).`;
  if (organs !== undefined)
    return 'Also enter the lesion count (or choose oligo/poly under Metastatic burden, in More facts) so the burden can be judged.';
  return 'Metastatic burden is needed: enter the lesion count and number of organs, or choose oligo/poly under Metastatic burden (More facts).';
}

/** zod's own messages ("Too big: expected …") are replaced by the field's rule; the schema's authored
 * messages ("organs (6) cannot exceed the number of lesions (2)") are kept. */
function schemaMessage(field: IntakeField, message: string | undefined): string {
  const authored = !!message && !/^(Invalid|Too (big|small)|Unrecognized|Expected)\b/.test(message);
  if (!authored) return FIELD_TEXT[field].rule;
  const fix = FIX[field];
  return sentence(message) + (fix ? ` ${fix}` : '');
}

function sentence(s: string): string {
  const t = s.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function toNumber(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

/** Drops undefined members; an object left empty is itself undefined (an absent fact). */
function compact<T extends Record<string, unknown>>(o: T): T | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? (out as T) : undefined;
}

function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Reads one element per field, recording an error (the first per block wins) instead of throwing. */
class Reader {
  readonly errors = new Map<IntakeField, string>();

  constructor(private readonly values: Record<string, unknown>) {}

  fail(field: IntakeField, message: string): void {
    if (!this.errors.has(field)) this.errors.set(field, clip(message, ERROR_MAX));
  }

  failed(field: IntakeField): boolean {
    return this.errors.has(field);
  }

  errorRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const field of INTAKE_FIELDS) {
      const message = this.errors.get(field);
      if (message !== undefined) out[INTAKE_IDS[field].blockId] = message;
    }
    return out;
  }

  /** The element state of a field; undefined when the block or element is absent (an empty answer). */
  private element(field: IntakeField): ElementState | undefined {
    const { blockId, actionId } = INTAKE_IDS[field];
    const rawBlock = own(this.values, blockId);
    if (rawBlock === undefined) return undefined;
    const block = RecordSchema.safeParse(rawBlock);
    if (!block.success) return this.unreadable(field);
    const rawElement = own(block.data, actionId);
    if (rawElement === undefined) return undefined;
    const element = ElementStateSchema.safeParse(rawElement);
    return element.success ? element.data : this.unreadable(field);
  }

  private unreadable(field: IntakeField): undefined {
    this.fail(field, `${FIELD_TEXT[field].name} could not be read. Enter it again and resubmit.`);
    return undefined;
  }

  one<V extends string>(field: IntakeField, list: readonly Choice<V>[]): V | undefined {
    const value = this.element(field)?.selected_option?.value;
    if (value === undefined || value === NOT_STATED) return undefined;
    const choice = list.find((c) => c.value === value);
    if (!choice) this.fail(field, FIELD_TEXT[field].rule);
    return choice?.value;
  }

  many<V extends string>(field: IntakeField, list: readonly Choice<V>[]): V[] | undefined {
    const selected = this.element(field)?.selected_options ?? [];
    const out: V[] = [];
    for (const { value } of selected) {
      const choice = list.find((c) => c.value === value);
      if (!choice) {
        this.fail(field, FIELD_TEXT[field].rule);
        return undefined;
      }
      if (!out.includes(choice.value)) out.push(choice.value);
    }
    return out.length > 0 ? out : undefined;
  }

  /** Whether the user has given this field an answer of any kind (Not stated and empty are none). */
  filled(field: IntakeField): boolean {
    const e = this.element(field);
    if (!e) return false;
    if (e.selected_option) return e.selected_option.value !== NOT_STATED;
    if (e.selected_options) return e.selected_options.length > 0;
    return typeof e.value === 'string' && e.value.trim() !== '';
  }

  /** A single yes-checkbox: ticked → true, unticked → undefined (not stated). */
  flag(field: IntakeField): true | undefined {
    const selected = this.element(field)?.selected_options ?? [];
    if (selected.some((o) => o.value !== YES)) {
      this.fail(field, FIELD_TEXT[field].rule);
      return undefined;
    }
    return selected.length > 0 ? true : undefined;
  }

  text(field: IntakeField): string | undefined {
    const value = this.element(field)?.value?.trim();
    return value ? value : undefined;
  }

  number(field: IntakeField): number | undefined {
    const raw = this.text(field);
    if (raw === undefined) return undefined;
    const { name, example, rule } = FIELD_TEXT[field];
    if (DECIMAL.test(raw)) {
      const n = Number(raw);
      if (Number.isFinite(n)) return n;
      this.fail(field, rule);
      return undefined;
    }
    // The typed text is not repeated: an error message is no place for what the guard may have missed.
    this.fail(field, `${name} must be a number such as ${example ?? '1'}.`);
    return undefined;
  }
}
