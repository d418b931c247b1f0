// Shared helpers of the intake-modal tests: a simulated submission, the facts the form carries, and
// fast-check arbitraries over the case-fact space of decision-spec §2.

import fc from 'fast-check';
import {
  BRAIN_STATUSES,
  BURDENS,
  type Case,
  CaseSchema,
  DRIVERS,
  EGFR_VARIANTS,
  HISTOLOGIES,
  ILD_STATUSES,
  LOCATIONS,
  M_CATEGORIES,
  METASTASIS_SITES,
  PROGRESSION_PATTERNS,
  REGIMENS,
  RESPONSES,
  SEROSAL_KINDS,
  STAGE_GROUPS,
  STAGING_STATUSES,
  SYMPTOMS,
  THERAPY_STATUSES,
} from '../../../src/engine/case-schema.js';
import { deriveStage, evaluate } from '../../../src/engine/index.js';
import { INTAKE_IDS, type IntakeField } from '../../../src/slack/views/intake-ids.js';
import { N_CHOICES, T_CHOICES } from '../../../src/slack/views/intake-options.js';

export { inputBlocks, simulateState } from '../../../src/playground/view-state.js';

export type Obj = Record<string, unknown>;

/** Replaces one field's element state in a simulated submission. */
export function setField(values: Record<string, Record<string, Obj>>, field: IntakeField, state: Obj): void {
  const { blockId, actionId } = INTAKE_IDS[field];
  values[blockId] = { [actionId]: state };
}

export function setNumber(
  values: Record<string, Record<string, Obj>>,
  field: IntakeField,
  text: string | null,
) {
  setField(values, field, { type: 'number_input', value: text });
}

export function setOption(
  values: Record<string, Record<string, Obj>>,
  field: IntakeField,
  value: string | null,
) {
  setField(values, field, {
    type: 'static_select',
    selected_option: value === null ? null : { text: { type: 'plain_text', text: value }, value },
  });
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Removes false booleans, empty arrays and empty objects: a form cannot tell them from "not stated". */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.length > 0 ? v : undefined;
  if (v === false) return undefined;
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x);
    if (p !== undefined) out[k] = p;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const CANONICAL_TNM = [...T_CHOICES, ...N_CHOICES].map((c) => c.value);

function canonicalTnm(s: string | undefined): string | undefined {
  return s === undefined ? undefined : CANONICAL_TNM.find((c) => c.toLowerCase() === s.trim().toLowerCase());
}

/** The facts of a (schema-valid) case that the modal carries, in the form the state reader returns them:
 * no stage group (a stated group preselects the M category it implies), an EGFR variant implies
 * driver EGFR, and unticked boxes / empty lists are "not stated". */
export function carriedFacts(input: unknown): Case {
  const c = CaseSchema.parse(input);
  const { stage, driver, egfrVariant, ...rest } = c;
  const out: Obj = { ...rest };
  const m =
    stage?.m ??
    (stage?.group === undefined
      ? deriveStage(c) === 'iv'
        ? 'M1'
        : undefined
      : ['I', 'II', 'III'].includes(stage.group)
        ? 'M0'
        : stage.group === 'IVB'
          ? 'M1c'
          : 'M1');
  if (stage || m)
    out.stage = { m, t: canonicalTnm(stage?.t), n: canonicalTnm(stage?.n), edition: stage?.edition };
  if (driver !== undefined) {
    out.driver = driver;
    if (driver === 'EGFR' && egfrVariant !== undefined) out.egfrVariant = egfrVariant;
  } else if (egfrVariant !== undefined) {
    out.driver = 'EGFR';
    out.egfrVariant = egfrVariant;
  }
  return (prune(JSON.parse(JSON.stringify(out))) ?? {}) as Case;
}

/** The block errors the modal must give for carried facts (stage, driver, burden, PD without a pattern). */
export function expectedCriticalErrors(c: Case): IntakeField[] {
  const out: IntakeField[] = [];
  if (c.stage?.m === undefined) out.push('stageM');
  if (c.driver === undefined) out.push('driver');
  // Burden is critical exactly when the engine says it is missing (one definition, in the engine).
  const answer = evaluate(c, { now: new Date(0) });
  if (answer.ok && answer.output.missing.includes('metastases')) out.push('lesionCount');
  if (
    c.therapy?.response === 'PD' &&
    (c.progression?.pattern === undefined || c.progression.pattern === 'none')
  )
    out.push('progressionPattern');
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries

function opt<T>(arb: fc.Arbitrary<T>, freq = 3): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq });
}

function compact(o: Obj): Obj | undefined {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((x) => x / 10);

const T_VALUES = ['TX', 'T0', 'Tis', 'T1mi', 'T1', 'T1a', 'T1b', 'T1c', 'T2', 'T2a', 'T2b', 'T3', 'T4'];
const N_VALUES = ['NX', 'N0', 'N1', 'N2', 'N2a', 'N2b', 'N3'];
const LOBES = ['RUL', 'RML', 'RLL', 'LUL', 'LLL', 'lingula'];

/** Lesion count and organs that satisfy the schema (organs ≤ count, at least one organ when count > 0). */
const arbCounts = fc.integer({ min: 0, max: 60 }).chain((count) =>
  fc.record({
    count: fc.constant(count),
    organs: count === 0 ? fc.constant(0) : fc.integer({ min: 1, max: Math.min(count, 20) }),
  }),
);

const arbAgent = fc
  .string({ minLength: 1, maxLength: 80 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

interface CaseShape {
  /** Always give stage, driver and burden, and a progression pattern when the response is PD. */
  complete: boolean;
}

/** Schema-valid cases over the field space; `complete` ones satisfy the modal's critical-fact checks. */
export function arbCase({ complete }: CaseShape): fc.Arbitrary<Obj> {
  const req = <T>(arb: fc.Arbitrary<T>) => (complete ? arb : opt(arb, 4));
  const arbMetastases = fc
    .record({
      counts: complete ? fc.oneof(arbCounts, fc.constant(undefined)) : opt(arbCounts),
      sites: opt(fc.uniqueArray(fc.constantFrom(...METASTASIS_SITES), { maxLength: 5 })),
      burden: opt(fc.constantFrom(...BURDENS)),
    })
    .map(({ counts, sites, burden }) => {
      // A complete case needs the counts or a burden word.
      const b = complete && counts === undefined && burden === undefined ? 'oligo' : burden;
      return compact({ ...counts, sites, burden: b });
    });
  const arbTherapy = fc.record({
    status: opt(fc.constantFrom(...THERAPY_STATUSES)),
    regimen: opt(fc.constantFrom(...REGIMENS)),
    agent: opt(arbAgent),
    months: opt(tenths(0, 240)),
    weeks: opt(fc.integer({ min: 0, max: 150 })),
    cycles: opt(fc.integer({ min: 0, max: 100 })),
    response: opt(fc.constantFrom(...RESPONSES)),
  });
  const arbProgression = fc.record({
    pattern: opt(fc.constantFrom(...PROGRESSION_PATTERNS)),
    primaryProgressing: opt(fc.boolean()),
    sites: opt(fc.integer({ min: 0, max: 1000 })),
  });
  return fc
    .record({
      primarySite: complete ? fc.constant(undefined) : opt(fc.constantFrom('lung', 'non-lung'), 5),
      histology: opt(fc.constantFrom(...HISTOLOGIES)),
      m: req(fc.constantFrom(...M_CATEGORIES)),
      group: complete ? fc.constant(undefined) : opt(fc.constantFrom(...STAGE_GROUPS)),
      t: opt(fc.constantFrom(...T_VALUES)),
      n: opt(fc.constantFrom(...N_VALUES)),
      edition: opt(fc.constantFrom(8, 9)),
      driver: req(fc.constantFrom(...DRIVERS)),
      egfrVariant: opt(fc.constantFrom(...EGFR_VARIANTS)),
      pdl1: opt(fc.oneof(fc.integer({ min: 0, max: 100 }), tenths(0, 100))),
      metastases: complete ? arbMetastases : opt(arbMetastases),
      serosalDisease: opt(fc.uniqueArray(fc.constantFrom(...SEROSAL_KINDS, 'unspecified'), { maxLength: 4 })),
      brain: opt(fc.constantFrom(...BRAIN_STATUSES)),
      ecog: opt(fc.integer({ min: 0, max: 4 })),
      karnofsky: opt(fc.integer({ min: 1, max: 10 }).map((k) => k * 10)),
      lifeExpectancyMonths: opt(fc.oneof(fc.integer({ min: 0, max: 600 }), tenths(0, 60))),
      therapy: opt(arbTherapy),
      progression: opt(arbProgression),
      primary: opt(
        fc.record({
          location: opt(fc.constantFrom(...LOCATIONS)),
          sizeCm: opt(tenths(0.1, 30)),
          endobronchial: opt(fc.boolean()),
          lobe: opt(fc.constantFrom(...LOBES)),
        }),
      ),
      symptoms: opt(fc.uniqueArray(fc.constantFrom(...SYMPTOMS), { maxLength: 6 })),
      lung: opt(
        fc.record({
          ild: opt(fc.constantFrom(...ILD_STATUSES)),
          priorThoracicRt: opt(fc.boolean()),
          poorFunction: opt(fc.boolean()),
        }),
      ),
      staging: opt(
        fc.record({
          petCt: opt(fc.constantFrom(...STAGING_STATUSES)),
          brainMri: opt(fc.constantFrom(...STAGING_STATUSES)),
        }),
      ),
    })
    .map((r) => {
      const driver = r.driver;
      // The schema rejects an EGFR variant with another driver.
      const egfrVariant = driver === undefined || driver === 'EGFR' ? r.egfrVariant : undefined;
      const therapy = r.therapy ? compact(r.therapy) : undefined;
      let progression = r.progression ? compact(r.progression) : undefined;
      if (complete && therapy?.response === 'PD') {
        const pattern = progression?.pattern;
        if (pattern === undefined || pattern === 'none') {
          progression = { ...progression, pattern: 'oligoprogression' };
        }
      }
      return (
        compact({
          primarySite: r.primarySite,
          histology: r.histology,
          stage: compact({ m: r.m, group: r.group, t: r.t, n: r.n, edition: r.edition }),
          driver,
          egfrVariant,
          pdl1: r.pdl1,
          metastases: r.metastases,
          serosalDisease: r.serosalDisease,
          brain: r.brain,
          ecog: r.ecog,
          karnofsky: r.karnofsky,
          lifeExpectancyMonths: r.lifeExpectancyMonths,
          therapy,
          progression,
          primary: r.primary ? compact(r.primary) : undefined,
          symptoms: r.symptoms,
          lung: r.lung ? compact(r.lung) : undefined,
          staging: r.staging ? compact(r.staging) : undefined,
        }) ?? {}
      );
    });
}
