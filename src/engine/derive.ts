// Derived facts (decision-spec §2): stage IV, ECOG, organs, oligometastatic, oligo-organ, driver group,
// therapy state. Each derivation records a trace entry so a clinician can see how it was reached.
import { type Case, PANEL_GENES } from './case-schema.js';
import type { Facts } from './facts.js';
import type { TraceEntry } from './output-schema.js';

export type DriverGroup = 'egfr-common' | 'other-targetable' | 'no-targetable';
export type TherapyState = 'naive' | 'on-treatment' | 'off-treatment';

export interface Derived {
  /** 'out' = explicitly not stage IV (M0 or I–III). */
  stage: 'iv' | 'out' | 'unknown';
  ecog: number | undefined;
  ecogFromKarnofsky: boolean;
  organs: number | undefined;
  serosal: boolean;
  /** undefined = cannot be determined from the facts given. */
  oligometastatic: boolean | undefined;
  oligoOrgan: boolean | undefined;
  burdenConflict: boolean;
  driverGroup: DriverGroup | undefined;
  therapyState: TherapyState | undefined;
  /** Time on current therapy in weeks, from weeks, months or (3-weekly) cycles. */
  therapyWeeks: number | undefined;
  /** Critical facts that are missing (decision-spec §4.2), in the order they are listed. */
  missing: MissingFact[];
  /** Months on current therapy: months, weeks, or 3-weekly cycles (4 cycles = 3 months), decision-spec §2. */
  therapyMonths: number | undefined;
  progression: 'none' | 'oligoprogression' | 'polyprogression' | undefined;
  progressing: boolean;
  /** Driver known only from a partial panel (EGFR negative, nothing positive). */
  panelIncomplete: boolean;
  /** Genes the text reported negative (never proposed by a what-if). */
  negativeFor: readonly string[];
  /** Assumptions made while deriving (shown only when the case is in scope). */
  assumptions: string[];
  /** The facts the rule rows read. */
  facts: Facts;
}

export type MissingFact = 'stage' | 'driver' | 'metastases' | 'progression';

const TARGETABLE_OTHER = new Set(['ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2']);
const WEEKS_PER_MONTH = 52 / 12;

/** Ma 2010 empirical mapping: KPS 100→0, 80–90→1, 60–70→2, 40–50→3, 10–30→4. */
export function karnofskyToEcog(kps: number): number {
  if (kps >= 100) return 0;
  if (kps >= 80) return 1;
  if (kps >= 60) return 2;
  if (kps >= 40) return 3;
  return 4;
}

export function derive(c: Case, trace: TraceEntry[]): Derived {
  const b = deriveBasics(c, trace);
  const assumptions: string[] = [];
  const driver = deriveDriver(c, trace, assumptions);
  const t = c.therapy ?? {};
  const time = therapyTime(t);
  const progression = deriveProgression(c.progression);
  trace.push({
    rule: 'derive-progression',
    result: progression === 'oligoprogression' || progression === 'polyprogression',
    facts: {
      pattern: c.progression?.pattern ?? null,
      progressingSites: c.progression?.sites ?? null,
      derived: progression ?? 'unknown',
    },
  });
  const progressing =
    progression === 'oligoprogression' || progression === 'polyprogression' || t.response === 'PD';
  const missing = criticalMissing(
    b.stage,
    driver.group,
    b.oligometastatic,
    b.oligoOrgan,
    progression,
    t.response,
  );
  const facts = caseFacts(c, b);
  facts.driverGroup = driver.group;
  facts.panelIncomplete = driver.panelIncomplete;
  facts.progression = progression;
  facts.criticalMissing = missing.length > 0;
  facts.therapyState = time.state;
  setRegimenFacts(facts, t, driver.group, assumptions);
  // Named fields, not a spread of `b`: a spread object literal here is several times slower to build.
  return {
    stage: b.stage,
    ecog: b.ecog,
    ecogFromKarnofsky: b.ecogFromKarnofsky,
    organs: b.organs,
    serosal: b.serosal,
    oligometastatic: b.oligometastatic,
    oligoOrgan: b.oligoOrgan,
    burdenConflict: b.burdenConflict,
    driverGroup: driver.group,
    therapyState: time.state,
    therapyWeeks: time.weeks,
    therapyMonths: time.months,
    progression,
    progressing,
    panelIncomplete: driver.panelIncomplete,
    negativeFor: driver.negativeFor,
    assumptions,
    missing,
    facts,
  };
}

type Basics = Pick<
  Derived,
  'stage' | 'ecog' | 'ecogFromKarnofsky' | 'organs' | 'serosal' | 'oligometastatic' | 'oligoOrgan'
> & { burdenConflict: boolean };

/** Stage IV, ECOG, organs, oligometastatic and oligo-organ, each with its trace entry. */
function deriveBasics(c: Case, trace: TraceEntry[]): Basics {
  const stage = deriveStage(c);
  trace.push({
    rule: 'derive-stage-iv',
    result: stage === 'iv',
    facts: { stage: c.stage ?? null, derived: stage },
  });
  const fromKarnofsky = c.ecog === undefined && c.karnofsky !== undefined;
  const ecog = fromKarnofsky ? karnofskyToEcog(c.karnofsky as number) : c.ecog;
  trace.push({
    rule: 'derive-ecog',
    result: ecog !== undefined,
    facts: { ecog: c.ecog ?? null, karnofsky: c.karnofsky ?? null, derived: ecog ?? null },
  });
  const m = c.metastases ?? {};
  const organs = m.organs ?? (m.sites && m.sites.length > 0 ? new Set(m.sites).size : undefined);
  trace.push({
    rule: 'derive-organs',
    result: organs !== undefined,
    facts: { organs: m.organs ?? null, sites: m.sites ?? null, derived: organs ?? null },
  });
  const serosal = (c.serosalDisease?.length ?? 0) > 0;
  const { oligometastatic, conflict } = deriveOligometastatic(m.count, organs, m.burden, serosal);
  trace.push({
    rule: 'derive-oligometastatic',
    result: oligometastatic === true,
    facts: {
      count: m.count ?? null,
      organs: organs ?? null,
      burden: m.burden ?? null,
      serosalDisease: serosal,
      derived: oligometastatic ?? 'unknown',
    },
  });
  const oligoOrgan = deriveOligoOrgan(m.count, organs, serosal);
  trace.push({
    rule: 'derive-oligo-organ',
    result: oligoOrgan === true,
    facts: { organs: organs ?? null, serosalDisease: serosal, derived: oligoOrgan ?? 'unknown' },
  });
  const ecogFromKarnofsky = fromKarnofsky;
  return {
    stage,
    ecog,
    ecogFromKarnofsky,
    organs,
    serosal,
    oligometastatic,
    oligoOrgan,
    burdenConflict: conflict,
  };
}

function deriveOligoOrgan(count: number | undefined, organs: number | undefined, serosal: boolean) {
  if (serosal) return false;
  if (organs !== undefined) return organs <= 3;
  if (count !== undefined && count <= 3) return true;
  return undefined;
}

interface DriverFacts {
  group: DriverGroup | undefined;
  panelIncomplete: boolean;
  negativeFor: readonly string[];
}

function deriveDriver(c: Case, trace: TraceEntry[], assumptions: string[]): DriverFacts {
  const negativeFor = c.negativeFor ?? [];
  let group = deriveDriverGroup(c);
  let panelIncomplete = false;
  if (c.driver === 'EGFR' && c.egfrVariant === undefined)
    assumptions.push('EGFR variant not stated: treated as a common sensitising mutation');
  if (group === undefined && negativeFor.includes('EGFR')) {
    // §2: only EGFR changes the verdict class, so a panel with EGFR negative and nothing positive decides it.
    group = 'no-targetable';
    const notReported = PANEL_GENES.filter((g) => !negativeFor.includes(g));
    panelIncomplete = notReported.length > 0;
    assumptions.push(
      panelIncomplete
        ? `no targetable driver: EGFR negative; ${notReported.join(', ')} not reported`
        : 'no targetable driver: every standard gene reported negative',
    );
  }
  trace.push({
    rule: 'derive-driver-group',
    result: group !== undefined,
    facts: {
      driver: c.driver ?? null,
      egfrVariant: c.egfrVariant ?? null,
      negativeFor: [...negativeFor],
      derived: group ?? null,
    },
  });
  return { group, panelIncomplete, negativeFor };
}

type Therapy = NonNullable<Case['therapy']>;

/** Time on current therapy in weeks and months (from weeks, months or 3-weekly cycles) and its state. */
function therapyTime(t: Therapy) {
  const weeks =
    t.weeks ??
    (t.months !== undefined ? t.months * WEEKS_PER_MONTH : undefined) ??
    (t.cycles !== undefined ? t.cycles * 3 : undefined);
  const months =
    t.months ??
    (t.weeks !== undefined ? t.weeks / WEEKS_PER_MONTH : undefined) ??
    (t.cycles !== undefined ? t.cycles * 0.75 : undefined);
  const durationOrResponse =
    t.weeks !== undefined || t.months !== undefined || t.cycles !== undefined || !!t.response;
  const state: TherapyState | undefined = t.status ?? (durationOrResponse ? 'on-treatment' : undefined);
  return { weeks, months, state };
}

/** Concurrent or planned TKI / checkpoint inhibitor (§5 flags), assumed from the driver when unstated. */
function setRegimenFacts(
  facts: Facts,
  t: Therapy,
  driverGroup: DriverGroup | undefined,
  assumptions: string[],
): void {
  const active = t.status !== 'off-treatment';
  const targetable = driverGroup === 'egfr-common' || driverGroup === 'other-targetable';
  const tkiAssumed = t.regimen === undefined && targetable;
  facts.tkiPlanned = active && (t.regimen === 'egfr-tki' || t.regimen === 'other-tki' || tkiAssumed);
  if (active && tkiAssumed)
    assumptions.push('systemic therapy not stated: a targeted TKI is assumed for the targetable driver');
  // Driver-negative first-line therapy is almost always checkpoint-inhibitor based, so a naive or unstated
  // regimen is flagged as a planned one, as for TKIs with a targetable driver.
  const ioAssumed =
    t.regimen === undefined &&
    (t.status === undefined || t.status === 'naive') &&
    driverGroup === 'no-targetable';
  facts.ioPlanned = active && (t.regimen === 'io' || t.regimen === 'chemo-io' || ioAssumed);
  if (ioAssumed)
    assumptions.push(
      'systemic therapy not stated: a checkpoint inhibitor is assumed for driver-negative disease',
    );
}

/** §4.2: the critical facts. The burden is not needed when the progression pattern decides (rules 3–4). */
export function criticalMissing(
  stage: Derived['stage'],
  driverGroup: DriverGroup | undefined,
  oligometastatic: boolean | undefined,
  oligoOrgan: boolean | undefined,
  progression: Derived['progression'],
  response: string | undefined,
): MissingFact[] {
  const missing: MissingFact[] = [];
  if (stage !== 'iv') missing.push('stage');
  if (driverGroup === undefined) missing.push('driver');
  const progressionDecides = progression === 'oligoprogression' || progression === 'polyprogression';
  const egfrOligoOrgan = driverGroup === 'egfr-common' && oligoOrgan === true;
  if (oligometastatic === undefined && !egfrOligoOrgan && !progressionDecides) missing.push('metastases');
  if (response === 'PD' && progression === undefined) missing.push('progression');
  return missing;
}

const PALLIATIVE_SYMPTOMS = new Set(['hemoptysis', 'airway-obstruction', 'chest-pain', 'svc-syndrome']);

/** The facts read straight from the case or from the basic derivations; one fixed shape for every case. */
function caseFacts(c: Case, b: Basics): Facts {
  const n = c.stage?.n?.toUpperCase();
  const pet = c.staging?.petCt;
  const mri = c.staging?.brainMri;
  const le = c.lifeExpectancyMonths;
  return {
    stage: b.stage === 'unknown' ? undefined : b.stage,
    histology: c.histology,
    primarySite: c.primarySite,
    driverGroup: undefined,
    driver: c.driver,
    panelIncomplete: false,
    oligometastatic: b.oligometastatic,
    oligoOrgan: b.oligoOrgan,
    lesions: c.metastases?.count,
    organs: b.organs,
    serosal: b.serosal,
    progression: undefined,
    primaryProgressing: c.progression?.primaryProgressing,
    criticalMissing: false,
    ecog: b.ecog,
    psConflict: c.ecog !== undefined && c.karnofsky !== undefined && karnofskyToEcog(c.karnofsky) !== c.ecog,
    ecogFromKarnofsky: b.ecogFromKarnofsky,
    lifeExpectancyMonths: le,
    ild: c.lung?.ild,
    priorThoracicRt: c.lung?.priorThoracicRt,
    staging:
      pet === 'not-done' || mri === 'not-done'
        ? 'not-done'
        : pet === 'done' && mri === 'done'
          ? 'done'
          : 'not-stated',
    brain: c.brain,
    therapyState: undefined,
    tkiPlanned: false,
    osimertinib: /osimertinib|tagrisso/i.test(c.therapy?.agent ?? ''),
    ioPlanned: false,
    location: c.primary?.location,
    sizeCm: c.primary?.sizeCm,
    nodePositive: n === undefined || n === 'NX' ? undefined : n !== 'N0',
    endobronchial: c.primary?.endobronchial,
    palliativeIndication: c.symptoms ? c.symptoms.some((s) => PALLIATIVE_SYMPTOMS.has(s)) : undefined,
    palliativeFit: !((b.ecog !== undefined && b.ecog >= 3) || (le !== undefined && le < 6)),
    egfrVariant: c.egfrVariant,
    inScope: undefined,
    rule: undefined,
    verdict: undefined,
    onTable: undefined,
    timing: undefined,
    setting: undefined,
  };
}

/** Oligoprogression means ≤5 progressing sites: a stated site count overrides a contradicting pattern word. */
function deriveProgression(p: Case['progression']): Derived['progression'] {
  const sites = p?.sites;
  if (sites === undefined) return p?.pattern;
  if (sites === 0) return p?.pattern === undefined ? 'none' : p.pattern;
  return sites <= 5
    ? p?.pattern === 'polyprogression'
      ? 'polyprogression'
      : 'oligoprogression'
    : 'polyprogression';
}

/** Stage IV, explicitly not (M0 or I–III), or unknown — the one definition every surface uses. */
export function deriveStage(c: Case): Derived['stage'] {
  const m = c.stage?.m;
  const group = c.stage?.group;
  if (m?.startsWith('M1') || group?.startsWith('IV')) return 'iv';
  if (m === 'M0' || group === 'I' || group === 'II' || group === 'III') return 'out';
  const mets = c.metastases;
  const anyMetastasis =
    (mets?.count ?? 0) > 0 ||
    (mets?.sites?.length ?? 0) > 0 ||
    (mets?.organs ?? 0) > 0 ||
    mets?.burden !== undefined ||
    (c.serosalDisease?.length ?? 0) > 0 ||
    (c.brain !== undefined && c.brain !== 'none') ||
    c.progression?.pattern === 'oligoprogression' ||
    c.progression?.pattern === 'polyprogression';
  return anyMetastasis ? 'iv' : 'unknown';
}

function deriveOligometastatic(
  count: number | undefined,
  organs: number | undefined,
  burden: 'oligo' | 'poly' | undefined,
  serosal: boolean,
): { oligometastatic: boolean | undefined; conflict: boolean } {
  if (serosal) return { oligometastatic: false, conflict: false };
  let fromCounts: boolean | undefined;
  if ((count !== undefined && count >= 6) || (organs !== undefined && organs >= 4)) fromCounts = false;
  else if (count !== undefined && (organs !== undefined || count <= 3)) fromCounts = true;
  const fromWord = burden === undefined ? undefined : burden === 'oligo';
  if (fromCounts === undefined) return { oligometastatic: fromWord, conflict: false };
  if (fromWord === undefined || fromWord === fromCounts)
    return { oligometastatic: fromCounts, conflict: false };
  // §2: when counts and a burden word disagree, the counts win and the disagreement is an assumption.
  return { oligometastatic: fromCounts, conflict: true };
}

function deriveDriverGroup(c: Case): DriverGroup | undefined {
  switch (c.driver) {
    case undefined:
      return undefined;
    case 'EGFR':
      return c.egfrVariant === 'exon20ins' || c.egfrVariant === 'uncommon'
        ? 'other-targetable'
        : 'egfr-common';
    case 'none':
    case 'KRAS':
      return 'no-targetable';
    default:
      return TARGETABLE_OTHER.has(c.driver) ? 'other-targetable' : undefined;
  }
}
