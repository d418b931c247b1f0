// The tumour-board intake modal (decision-spec §2 case facts). Only the critical facts stage (M category) and
// driver are required; every other input is optional, and an empty input means "unknown", never "no".
import type {
  Checkboxes,
  InputBlock,
  InputBlockElement,
  KnownBlock,
  ModalView,
  MultiStaticSelect,
  NumberInput,
  PlainTextInput,
  PlainTextOption,
  StaticSelect,
} from '@slack/types';
import { type Case, type CaseInput, CaseSchema } from '../../engine/case-schema.js';
import { CASE_FIELD_BY_PATH, deriveStage } from '../../engine/index.js';
import {
  CORE_INTAKE_FIELDS,
  fieldOfBlock,
  INTAKE_CALLBACK_ID,
  INTAKE_FEWER_FACTS,
  INTAKE_IDS,
  INTAKE_MORE_FACTS,
  INTAKE_READ_SUMMARY,
  INTAKE_SUMMARY_ACTIONS_BLOCK_ID,
  INTAKE_TOGGLE_BLOCK_ID,
  type IntakeField,
} from './intake-ids.js';
import {
  BRAIN_CHOICES,
  BURDEN_CHOICES,
  type Choice,
  DELIVERY_CHOICES,
  type Delivery,
  DRIVER_CHOICES,
  driverOptionValue,
  EDITION_CHOICES,
  HISTOLOGY_CHOICES,
  ILD_CHOICES,
  KARNOFSKY_CHOICES,
  LOBE_CHOICES,
  LOCATION_CHOICES,
  M_CHOICES,
  N_CHOICES,
  NOT_STATED_CHOICE,
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

export const INTAKE_TITLE = 'Thoracic RT case';
export const INTAKE_SUBMIT = 'Assess';
export const INTAKE_CLOSE = 'Cancel';
/** Slack's limit on `private_metadata`. */
export const PRIVATE_METADATA_MAX = 3000;
const NOTICE_MAX = 2000;

/** Client-side bounds and decimals of each number input. ECOG has no bounds on purpose: the server checks it
 * and says why, instead of Slack's generic range message. */
interface NumberSpec {
  readonly decimal: boolean;
  readonly min?: number;
  readonly max?: number;
}

export const NUMBER_SPECS = {
  pdl1: { decimal: true, min: 0, max: 100 },
  lesionCount: { decimal: false, min: 0, max: 1000 },
  organs: { decimal: false, min: 0, max: 20 },
  ecog: { decimal: false },
  lifeExpectancy: { decimal: true, min: 0, max: 600 },
  therapyMonths: { decimal: true, min: 0, max: 240 },
  therapyWeeks: { decimal: true, min: 0, max: 1000 },
  therapyCycles: { decimal: false, min: 0, max: 100 },
  progressingSites: { decimal: false, min: 0, max: 1000 },
  sizeCm: { decimal: true, max: 30 },
} as const satisfies Partial<Record<IntakeField, NumberSpec>>;

export interface IntakeModalOptions {
  /** Facts to prefill (from a parsed message or an earlier submission). Invalid parts are left empty. */
  initial?: CaseInput;
  /** Already-encoded `private_metadata` (see modal-metadata.ts), at most 3000 characters. */
  metadata: string;
  /** Shown at the top, e.g. "Prefilled from the message; check every field". */
  notice?: string;
  /** Every field shown ("More facts" was chosen); otherwise the core fields and those holding a value. */
  expanded?: boolean;
  /** Extra fields to keep visible when collapsed (they hold an answer the prefill could not carry). */
  keep?: ReadonlySet<IntakeField>;
  /** The delivery choice to start with (default: preview). */
  delivery?: Delivery;
}

type Prefilled = ReturnType<typeof prefillFacts>;

/** "Paste the case summary" first: read by the same parser (through src/consult), then shown back as fields. */
function summaryBlocks(blocks: KnownBlock[]): void {
  const element: PlainTextInput = {
    type: 'plain_text_input',
    action_id: INTAKE_IDS.summary.actionId,
    multiline: true,
    max_length: SUMMARY_MAX,
    placeholder: plain('e.g. adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive'),
  };
  blocks.push(
    input('summary', 'Paste the case summary (optional)', element, {
      hint: 'No names, record numbers or dates. "Read it" fills the fields below for you to check.',
    }),
    {
      type: 'actions',
      block_id: INTAKE_SUMMARY_ACTIONS_BLOCK_ID,
      elements: [{ type: 'button', action_id: INTAKE_READ_SUMMARY, text: plain('Read it') }],
    },
  );
}

/** The longest summary the field takes (the parser's own limit is higher). */
export const SUMMARY_MAX = 3000;

/** A titled group of inputs; a group left without visible inputs is not shown. */
interface Section {
  readonly title: string;
  readonly inputs: InputBlock[];
  readonly note?: string;
}

/** The label of a fact field: the fact catalogue's own label (src/engine/facts.ts), capitalised. */
export function factLabel(path: string): string {
  const def = CASE_FIELD_BY_PATH.get(path);
  if (!def) throw new RangeError(`no case field ${path} in the fact catalogue`);
  return def.label.charAt(0).toUpperCase() + def.label.slice(1);
}

/** The fact sections in display order, each prefilled from `c`. */
function factSections(c: Prefilled): Section[] {
  const out: Section[] = [];
  diseaseSections(out, c);
  treatmentSections(out, c);
  return out;
}

/** Disease, driver, metastases and performance status. */
function diseaseSections(out: Section[], c: Prefilled): void {
  out.push({
    title: 'Disease',
    inputs: [
      select('primarySite', factLabel('primarySite'), PRIMARY_SITE_CHOICES, c.primarySite, {
        hint: 'Choose "Not lung" for lung metastases of another primary: the question does not apply.',
      }),
      select('histology', factLabel('histology'), HISTOLOGY_CHOICES, c.histology),
      select('stageM', factLabel('stage'), M_CHOICES, mOption(c), {
        required: true,
        hint: 'The M category; "M0 / stage I–III" if the disease is not metastatic.',
      }),
      select('stageT', factLabel('stage.t'), T_CHOICES, caseless(T_CHOICES, c.stage?.t)),
      select('stageN', factLabel('stage.n'), N_CHOICES, caseless(N_CHOICES, c.stage?.n)),
      select('edition', factLabel('stage.edition'), EDITION_CHOICES, optString(c.stage?.edition)),
    ],
  });
  out.push({
    title: 'Driver',
    inputs: [
      select('driver', factLabel('driver'), DRIVER_CHOICES, driverOption(c), {
        required: true,
        hint: 'Choose "None (driver-negative)" when no actionable alteration was found.',
      }),
      multiSelect('negativeFor', factLabel('negativeFor'), PANEL_GENE_CHOICES, c.negativeFor),
      numberInput('pdl1', factLabel('pdl1'), c.pdl1, { hint: 'Percent, 0 to 100.' }),
    ],
  });
  const m = c.metastases;
  out.push({
    title: 'Metastases',
    note: 'Oligometastatic = ≤ 5 lesions in ≤ 3 organs. Give both counts, or choose a burden (More facts).',
    inputs: [
      numberInput('lesionCount', factLabel('metastases.count'), m?.count, {
        hint: 'The number of metastatic lesions; mediastinal nodes are not counted.',
      }),
      numberInput('organs', factLabel('metastases.organs'), m?.organs, {
        hint: 'The number of organs involved.',
      }),
      multiSelect('sites', factLabel('metastases.sites'), SITE_CHOICES, m?.sites),
      select('burden', factLabel('metastases.burden'), BURDEN_CHOICES, m?.burden),
      checkboxes('serosal', factLabel('serosalDisease'), SEROSAL_CHOICES, c.serosalDisease),
      select('brain', factLabel('brain'), BRAIN_CHOICES, c.brain),
    ],
  });
  out.push({
    title: 'Performance',
    inputs: [
      numberInput('ecog', factLabel('ecog'), c.ecog, { hint: 'A whole number from 0 to 4.' }),
      select('karnofsky', factLabel('karnofsky'), KARNOFSKY_CHOICES, optString(c.karnofsky), {
        hint: 'If ECOG is not known.',
      }),
      numberInput('lifeExpectancy', factLabel('lifeExpectancyMonths'), c.lifeExpectancyMonths),
    ],
  });
}

/** Systemic therapy and progression. */
function treatmentSections(out: Section[], c: Prefilled): void {
  const t = c.therapy;
  out.push({
    title: 'Systemic therapy',
    inputs: [
      select('therapyStatus', factLabel('therapy.status'), THERAPY_STATUS_CHOICES, t?.status),
      select('regimen', factLabel('therapy.regimen'), REGIMEN_CHOICES, t?.regimen),
      textInput('agent', factLabel('therapy.agent'), 80, t?.agent, 'e.g. osimertinib'),
      numberInput('therapyMonths', factLabel('therapy.months'), t?.months),
      numberInput('therapyWeeks', factLabel('therapy.weeks'), t?.weeks, {
        hint: 'Instead of months, if easier.',
      }),
      numberInput('therapyCycles', factLabel('therapy.cycles'), t?.cycles),
      select('response', factLabel('therapy.response'), RESPONSE_CHOICES, t?.response),
    ],
  });
  const p = c.progression;
  out.push({
    title: 'Progression',
    inputs: [
      select('progressionPattern', factLabel('progression.pattern'), PATTERN_CHOICES, p?.pattern, {
        hint: 'Required when the response is PD.',
      }),
      checkbox(
        'primaryProgressing',
        factLabel('progression.primaryProgressing'),
        'The primary is progressing',
        p?.primaryProgressing,
      ),
      numberInput('progressingSites', factLabel('progression.sites'), p?.sites),
    ],
  });
  otherSections(out, c);
}

/** The primary, symptoms, lung status and staging. */
function otherSections(out: Section[], c: Prefilled): void {
  const pr = c.primary;
  out.push({
    title: 'Primary tumour',
    inputs: [
      select('location', factLabel('primary.location'), LOCATION_CHOICES, pr?.location),
      numberInput('sizeCm', factLabel('primary.sizeCm'), pr?.sizeCm),
      checkbox(
        'endobronchial',
        factLabel('primary.endobronchial'),
        'Endobronchial invasion',
        pr?.endobronchial,
      ),
      select('lobe', factLabel('primary.lobe'), LOBE_CHOICES, pr?.lobe),
    ],
  });
  out.push({
    title: 'Symptoms',
    inputs: [checkboxes('symptoms', factLabel('symptoms'), SYMPTOM_CHOICES, c.symptoms)],
  });
  const l = c.lung;
  out.push({
    title: 'Lung',
    inputs: [
      select('ild', factLabel('lung.ild'), ILD_CHOICES, l?.ild),
      checkbox(
        'priorThoracicRt',
        factLabel('lung.priorThoracicRt'),
        'Previous thoracic radiotherapy',
        l?.priorThoracicRt,
      ),
      checkbox('poorLungFunction', factLabel('lung.poorFunction'), 'Poor lung function', l?.poorFunction),
    ],
  });
  const s = c.staging;
  out.push({
    title: 'Staging',
    inputs: [
      select('petCt', factLabel('staging.petCt'), STAGING_CHOICES, s?.petCt),
      select('brainMri', factLabel('staging.brainMri'), STAGING_CHOICES, s?.brainMri),
    ],
  });
}

/** Whether an input starts with an answer (a chosen option other than "Not stated", ticks, or a value). */
export function holdsValue(block: InputBlock): boolean {
  const e = block.element as {
    initial_option?: PlainTextOption;
    initial_options?: unknown[];
    initial_value?: string;
  };
  if (e.initial_option !== undefined) return e.initial_option.value !== NOT_STATED_CHOICE.value;
  if (e.initial_options !== undefined) return e.initial_options.length > 0;
  return e.initial_value !== undefined && e.initial_value !== '';
}

/** Collapsed, the form shows the core fields and every other field that holds a value, so no fact is ever
 * submitted from a field the user cannot see; expanded, every field. */
function visibleSections(sections: Section[], opts: IntakeModalOptions): Section[] {
  if (opts.expanded) return sections;
  const show = (b: InputBlock): boolean => {
    const field = fieldOfBlock(b.block_id);
    return (
      field === undefined || CORE_INTAKE_FIELDS.has(field) || opts.keep?.has(field) === true || holdsValue(b)
    );
  };
  return sections.map((s) => ({ ...s, inputs: s.inputs.filter(show) })).filter((s) => s.inputs.length > 0);
}

function pushSections(blocks: KnownBlock[], sections: Section[], expanded: boolean): void {
  for (const s of sections) {
    // The burden note points at a field that is only there when expanded.
    const note = s.note && !expanded ? s.note : s.note?.replace(' (More facts)', '');
    section(blocks, s.title, s.inputs, note);
  }
}

/** "More facts" / "Fewer facts": expands or collapses the form in place. */
function toggleBlocks(blocks: KnownBlock[], expanded: boolean): void {
  blocks.push(
    { type: 'divider' },
    context(
      expanded
        ? '"Fewer facts" hides the empty extra fields; fields that hold a value stay.'
        : 'More facts: TNM, PD-L1, sites, burden, serosal disease, Karnofsky, therapy details, the primary, symptoms, lung and staging.',
    ),
    {
      type: 'actions',
      block_id: INTAKE_TOGGLE_BLOCK_ID,
      elements: [
        expanded
          ? { type: 'button', action_id: INTAKE_FEWER_FACTS, text: plain('Fewer facts') }
          : { type: 'button', action_id: INTAKE_MORE_FACTS, text: plain('More facts') },
      ],
    },
  );
}

/** Whether a built intake view is the expanded form (its toggle says "Fewer facts"). */
export function isExpandedIntake(blocks: readonly unknown[] | undefined): boolean {
  return (blocks ?? []).some(
    (b) =>
      isObj(b) &&
      b.block_id === INTAKE_TOGGLE_BLOCK_ID &&
      Array.isArray(b.elements) &&
      b.elements.some((e) => isObj(e) && e.action_id === INTAKE_FEWER_FACTS),
  );
}

export function buildIntakeModal(opts: IntakeModalOptions): ModalView {
  if (opts.metadata.length > PRIVATE_METADATA_MAX) {
    throw new RangeError(
      `private_metadata is ${opts.metadata.length} characters; Slack allows ${PRIVATE_METADATA_MAX}`,
    );
  }
  const c = prefillFacts(opts.initial);
  const blocks: KnownBlock[] = [];
  const notice = opts.notice?.trim();
  if (notice) blocks.push(context(clip(notice, NOTICE_MAX)));
  blocks.push(
    context(
      'Stage and driver are required. Leave a fact empty when it is unknown: empty means "not stated", never "no".',
    ),
  );

  summaryBlocks(blocks);
  const expanded = opts.expanded === true;
  pushSections(blocks, visibleSections(factSections(c), opts), expanded);
  toggleBlocks(blocks, expanded);

  blocks.push({ type: 'divider' }, header('Delivery'));
  blocks.push(
    input('delivery', 'Where should the assessment go?', {
      type: 'radio_buttons',
      action_id: INTAKE_IDS.delivery.actionId,
      options: DELIVERY_CHOICES.map(option),
      initial_option: option(find(DELIVERY_CHOICES, opts.delivery) ?? DELIVERY_CHOICES[0]!),
    }),
  );

  return {
    type: 'modal',
    callback_id: INTAKE_CALLBACK_ID,
    title: plain(INTAKE_TITLE),
    submit: plain(INTAKE_SUBMIT),
    close: plain(INTAKE_CLOSE),
    private_metadata: opts.metadata,
    blocks,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Prefill

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The valid part of `initial` as canonical case facts. A fully valid input is parsed as a whole; otherwise
 * each fact (and each sub-fact of a nested fact) is kept only if it is valid on its own, so one bad value
 * (e.g. ECOG 7 in a message) does not empty the whole form. Cross-field conflicts may remain; the state reader
 * reports them on submission. */
export function prefillFacts(initial: CaseInput | undefined): Case {
  if (initial === undefined) return {};
  const whole = CaseSchema.safeParse(initial);
  if (whole.success) return whole.data;
  if (!isObj(initial)) return {};
  const out: Obj = {};
  for (const [key, value] of Object.entries(initial)) {
    const one = CaseSchema.safeParse({ [key]: value });
    if (one.success) {
      assignDefined(out, one.data);
      continue;
    }
    if (!isObj(value)) continue;
    const nested: Obj = {};
    for (const [sub, v] of Object.entries(value)) {
      const r = CaseSchema.safeParse({ [key]: { [sub]: v } });
      if (r.success) {
        const inner = (r.data as Obj)[key];
        if (isObj(inner)) assignDefined(nested, inner);
      }
    }
    if (Object.keys(nested).length > 0) out[key] = nested;
  }
  // Each part was validated on its own; the whole is a Case up to cross-field rules.
  return out as Case;
}

function assignDefined(target: Obj, source: object): void {
  for (const [k, v] of Object.entries(source)) if (v !== undefined) target[k] = v;
}

/** The M option for the stage: the M category, or else the one the stated stage group implies. */
function mOption(c: Case): string | undefined {
  const m = c.stage?.m;
  if (m !== undefined) return m;
  switch (c.stage?.group) {
    case 'I':
    case 'II':
    case 'III':
      return 'M0';
    case 'IV':
    case 'IVA':
      return 'M1';
    case 'IVB':
      return 'M1c';
    default:
      // Stated metastases make the case stage IV (decision-spec §4.2) even when no M category was given.
      return deriveStage(c) === 'iv' ? 'M1' : undefined;
  }
}

/** The driver option; an EGFR variant without a driver implies EGFR. A variant that conflicts with a non-EGFR
 * driver is not shown (the driver wins). */
function driverOption(c: Case): string | undefined {
  if (c.driver === undefined) {
    return c.egfrVariant === undefined
      ? undefined
      : driverOptionValue({ driver: 'EGFR', egfrVariant: c.egfrVariant });
  }
  return driverOptionValue(
    c.driver === 'EGFR' && c.egfrVariant !== undefined
      ? { driver: 'EGFR', egfrVariant: c.egfrVariant }
      : { driver: c.driver },
  );
}

function caseless(list: readonly Choice[], value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  return list.find((c) => c.value.toLowerCase() === v)?.value;
}

function optString(n: number | undefined): string | undefined {
  return n === undefined ? undefined : String(n);
}

/** A plain decimal (no exponent), as Slack's number input expects. */
export function formatNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n
    .toFixed(20)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

// ---------------------------------------------------------------------------------------------------------
// Blocks

function plain(text: string) {
  return { type: 'plain_text' as const, text, emoji: true };
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function header(text: string): KnownBlock {
  return { type: 'header', text: plain(text) };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [plain(text)] };
}

function section(blocks: KnownBlock[], title: string, inputs: InputBlock[], note?: string): void {
  if (blocks.length > 0) blocks.push({ type: 'divider' });
  blocks.push(header(title));
  if (note) blocks.push(context(note));
  blocks.push(...inputs);
}

interface InputOptions {
  required?: boolean;
  hint?: string;
}

function input(
  field: IntakeField,
  label: string,
  element: InputBlockElement,
  opts: InputOptions = {},
): InputBlock {
  const block: InputBlock = {
    type: 'input',
    block_id: INTAKE_IDS[field].blockId,
    label: plain(label),
    optional: !opts.required,
    element,
  };
  if (opts.hint) block.hint = plain(opts.hint);
  return block;
}

function option(c: Choice): PlainTextOption {
  return { text: plain(c.text), value: c.value };
}

function find(list: readonly Choice[], value: string | undefined): Choice | undefined {
  return value === undefined ? undefined : list.find((c) => c.value === value);
}

function select(
  field: IntakeField,
  label: string,
  list: readonly Choice[],
  initial: string | undefined,
  opts: InputOptions = {},
): InputBlock {
  // An optional choice starts at, and can go back to, "Not stated": Slack cannot clear a chosen option.
  const options = opts.required ? list.map(option) : [option(NOT_STATED_CHOICE), ...list.map(option)];
  const element: StaticSelect = {
    type: 'static_select',
    action_id: INTAKE_IDS[field].actionId,
    placeholder: plain(opts.required ? 'Choose' : 'Not stated'),
    options,
  };
  const chosen = find(list, initial);
  if (chosen) element.initial_option = option(chosen);
  else if (!opts.required) element.initial_option = option(NOT_STATED_CHOICE);
  return input(field, label, element, opts);
}

function chosenAll(list: readonly Choice[], initial: readonly string[] | undefined): PlainTextOption[] {
  if (!initial) return [];
  const chosen = new Set<Choice>();
  for (const value of initial) {
    const c = find(list, value);
    if (c) chosen.add(c);
  }
  return [...chosen].map(option);
}

function checkboxes(
  field: IntakeField,
  label: string,
  list: readonly Choice[],
  initial: readonly string[] | undefined,
): InputBlock {
  const element: Checkboxes = {
    type: 'checkboxes',
    action_id: INTAKE_IDS[field].actionId,
    options: list.map(option),
  };
  const chosen = chosenAll(list, initial);
  if (chosen.length > 0) element.initial_options = chosen;
  return input(field, label, element);
}

/** A single yes-checkbox for a boolean fact: ticked = true; unticked = not stated. */
function checkbox(field: IntakeField, label: string, text: string, initial: boolean | undefined): InputBlock {
  return checkboxes(field, label, [{ value: YES, text }], initial === true ? [YES] : undefined);
}

function multiSelect(
  field: IntakeField,
  label: string,
  list: readonly Choice[],
  initial: readonly string[] | undefined,
): InputBlock {
  const element: MultiStaticSelect = {
    type: 'multi_static_select',
    action_id: INTAKE_IDS[field].actionId,
    placeholder: plain('Not stated'),
    options: list.map(option),
  };
  const chosen = chosenAll(list, initial);
  if (chosen.length > 0) element.initial_options = chosen;
  return input(field, label, element);
}

function numberInput(
  field: keyof typeof NUMBER_SPECS,
  label: string,
  initial: number | undefined,
  opts: InputOptions = {},
): InputBlock {
  const spec: NumberSpec = NUMBER_SPECS[field];
  const element: NumberInput = {
    type: 'number_input',
    action_id: INTAKE_IDS[field].actionId,
    is_decimal_allowed: spec.decimal,
  };
  if (spec.min !== undefined) element.min_value = String(spec.min);
  if (spec.max !== undefined) element.max_value = String(spec.max);
  if (initial !== undefined && Number.isFinite(initial)) element.initial_value = formatNumber(initial);
  return input(field, label, element, opts);
}

function textInput(
  field: IntakeField,
  label: string,
  maxLength: number,
  initial: string | undefined,
  placeholder: string,
): InputBlock {
  const element: PlainTextInput = {
    type: 'plain_text_input',
    action_id: INTAKE_IDS[field].actionId,
    max_length: maxLength,
    placeholder: plain(placeholder),
  };
  if (initial) element.initial_value = initial.slice(0, maxLength);
  return input(field, label, element);
}
