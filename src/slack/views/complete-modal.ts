// "Complete the case": a small modal with only the inputs for the missing critical facts, prefilled with what
// was understood; every choice can be left at "Not stated". The rest of the case travels in private_metadata
// and is kept as it was; the submission patches only the shown facts and is validated by the case schema.
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { type Case, CaseSchema } from '../../engine/index.js';
import { INTAKE_FIELDS, INTAKE_IDS, type IntakeField } from './intake-ids.js';
import {
  BURDEN_CHOICES,
  type Choice,
  DRIVER_CHOICES,
  driverOptionValue,
  M_CHOICES,
  PATTERN_CHOICES,
} from './intake-options.js';
import { fieldForPath } from './intake-state.js';
import { METADATA_MAX, type ModalMetadata, ModalMetadataSchema } from './modal-metadata.js';

export const COMPLETE_CALLBACK_ID = 'complete_case_submit';
const NOT_STATED = 'not-stated';

/** The inputs that answer each missing critical fact. */
const FIELDS_FOR: Readonly<Record<string, readonly IntakeField[]>> = {
  stage: ['stageM'],
  driver: ['driver'],
  metastases: ['lesionCount', 'organs', 'burden'],
  progression: ['progressionPattern', 'progressingSites'],
};

export function completionFields(missing: readonly string[]): IntakeField[] {
  return [...new Set(missing.flatMap((m) => FIELDS_FOR[m] ?? []))];
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });
const option = (c: Choice): PlainTextOption => ({ text: plain(c.text), value: c.value });
const notStated: PlainTextOption = { text: plain('Not stated'), value: NOT_STATED };

function select(field: IntakeField, label: string, choices: readonly Choice[], value?: string): InputBlock {
  const options = [notStated, ...choices.map(option)];
  const initial = options.find((o) => o.value === value) ?? notStated;
  const ids = INTAKE_IDS[field];
  return {
    type: 'input',
    block_id: ids.blockId,
    optional: true,
    label: plain(label),
    element: { type: 'static_select', action_id: ids.actionId, options, initial_option: initial },
  };
}

function numberInput(field: IntakeField, label: string, value?: number): InputBlock {
  const ids = INTAKE_IDS[field];
  return {
    type: 'input',
    block_id: ids.blockId,
    optional: true,
    label: plain(label),
    element: {
      type: 'number_input',
      action_id: ids.actionId,
      is_decimal_allowed: false,
      min_value: '0',
      ...(value !== undefined ? { initial_value: String(value) } : {}),
    },
  };
}

function inputFor(field: IntakeField, c: Case): InputBlock | undefined {
  const negative = new Set<string>(c.negativeFor ?? []);
  switch (field) {
    case 'stageM':
      return select(field, 'Stage: M category', M_CHOICES, c.stage?.m);
    case 'driver': {
      // A gene reported negative is not offered.
      const choices = DRIVER_CHOICES.filter((d) => !negative.has(d.facts.driver));
      const value = c.driver
        ? driverOptionValue({ driver: c.driver, ...(c.egfrVariant ? { egfrVariant: c.egfrVariant } : {}) })
        : undefined;
      return select(field, 'Driver', choices, value);
    }
    case 'lesionCount':
      return numberInput(field, 'Number of metastatic lesions', c.metastases?.count);
    case 'organs':
      return numberInput(field, 'Number of organs involved', c.metastases?.organs);
    case 'burden':
      return select(field, 'Burden (if the counts are not known)', BURDEN_CHOICES, c.metastases?.burden);
    case 'progressionPattern':
      return select(field, 'Progression pattern', PATTERN_CHOICES, c.progression?.pattern);
    case 'progressingSites':
      return numberInput(field, 'Number of progressing sites', c.progression?.sites);
    default:
      return undefined;
  }
}

const CompletionMetaSchema = z.object({
  meta: ModalMetadataSchema,
  case: z.record(z.string(), z.unknown()),
  fields: z.array(z.enum(INTAKE_FIELDS)).max(INTAKE_FIELDS.length),
});

/** The small modal, or undefined when nothing is missing or the case does not fit in private_metadata. */
export function buildCompletionModal(
  c: Case,
  missing: readonly string[],
  meta: ModalMetadata,
): ModalView | undefined {
  const fields = completionFields(missing);
  const metadata = JSON.stringify({ meta, case: c, fields });
  if (fields.length === 0 || metadata.length > METADATA_MAX) return undefined;
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Only what the answer is missing; the rest of the case is kept as it was. Leave a fact at "Not stated" if it is not known.',
        },
      ],
    },
    ...fields.map((f) => inputFor(f, c)).filter((b): b is InputBlock => b !== undefined),
  ];
  return {
    type: 'modal',
    callback_id: COMPLETE_CALLBACK_ID,
    title: plain('Complete the case'),
    submit: plain('Assess'),
    close: plain('Cancel'),
    private_metadata: metadata,
    blocks,
  };
}

const Element = z.object({
  selected_option: z.object({ value: z.string() }).nullable().optional(),
  value: z.string().nullable().optional(),
});
const Values = z.record(z.string(), z.record(z.string(), Element));

export type CompletionRead =
  | { ok: true; case: Case; meta: ModalMetadata }
  | { ok: false; errors: Record<string, string> };

function picked(values: z.infer<typeof Values>, field: IntakeField): string | undefined {
  const ids = INTAKE_IDS[field];
  const el = values[ids.blockId]?.[ids.actionId];
  const v = el?.selected_option?.value ?? el?.value ?? undefined;
  return v === null || v === undefined || v === '' || v === NOT_STATED ? undefined : v;
}

/** The shown facts set on the kept case: a field left at "Not stated" removes the fact. */
function patch(
  base: Case,
  values: z.infer<typeof Values>,
  fields: readonly IntakeField[],
): Record<string, unknown> {
  const c = structuredClone(base) as Record<string, unknown> & Case;
  const num = (f: IntakeField) => {
    const v = picked(values, f);
    return v === undefined ? undefined : Number(v);
  };
  const set = (obj: Record<string, unknown>, key: string, v: unknown) => {
    if (v === undefined) delete obj[key];
    else obj[key] = v;
  };
  for (const f of fields) {
    if (f === 'stageM') c.stage = { ...c.stage, m: picked(values, f) as never };
    if (f === 'driver') {
      const d = DRIVER_CHOICES.find((x) => x.value === picked(values, f))?.facts;
      set(c, 'driver', d?.driver);
      set(c, 'egfrVariant', d?.egfrVariant);
    }
    if (f === 'lesionCount' || f === 'organs' || f === 'burden') {
      const m: Record<string, unknown> = { ...c.metastases };
      if (f === 'burden') set(m, 'burden', picked(values, f));
      else set(m, f === 'lesionCount' ? 'count' : 'organs', num(f));
      c.metastases = m;
    }
    if (f === 'progressionPattern' || f === 'progressingSites') {
      const p: Record<string, unknown> = { ...c.progression };
      if (f === 'progressionPattern') set(p, 'pattern', picked(values, f));
      else set(p, 'sites', num(f));
      c.progression = p;
    }
  }
  if (c.stage && c.stage.m === undefined) delete (c.stage as Record<string, unknown>).m;
  return c;
}

/** Reads a completion: the kept case with the shown facts patched, checked by the case schema. */
export function readCompletion(values: unknown, privateMetadata: unknown): CompletionRead {
  let json: unknown;
  try {
    json = JSON.parse(String(privateMetadata));
  } catch {
    json = undefined;
  }
  const meta = CompletionMetaSchema.safeParse(json);
  const base = meta.success ? CaseSchema.safeParse(meta.data.case) : undefined;
  const state = Values.safeParse(values);
  const fields = meta.success ? meta.data.fields : [];
  const firstBlock = INTAKE_IDS[fields[0] ?? 'stageM'].blockId;
  if (!meta.success || !base?.success || !state.success) {
    return {
      ok: false,
      errors: {
        [firstBlock]: 'This form could not be read (E_COMPLETE_META). Open it again from the answer.',
      },
    };
  }
  const parsed = CaseSchema.safeParse(patch(base.data, state.data, fields));
  if (parsed.success) return { ok: true, case: parsed.data, meta: meta.data.meta };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldForPath(issue.path);
    const block = fields.includes(field) ? INTAKE_IDS[field].blockId : firstBlock;
    errors[block] ??= issue.message.slice(0, 150);
  }
  return { ok: false, errors };
}
