// fast-check arbitraries over the whole fact space of decision-spec §2. Every fact may be absent. The
// generated cases are schema-valid and clinically coherent (no M0 with metastases, no PD response with a
// "none" progression pattern, no egfrVariant without EGFR, …), so that the engine must answer every one.
import fc from 'fast-check';
import {
  BRAIN_VALUES,
  type CaseJson,
  DRIVER_VALUES,
  EGFR_VARIANT_VALUES,
  HISTOLOGY_VALUES,
  ILD_VALUES,
  LOBE_VALUES,
  LOCATION_VALUES,
  M1_VALUES,
  REGIMEN_VALUES,
  SEROSAL_VALUES,
  SITE_VALUES,
  STAGING_VALUES,
  SYMPTOM_VALUES,
  serosalPresent,
  THERAPY_STATUS_VALUES,
} from './support.js';

export type Scope = 'iv' | 'non-iv' | 'unknown';

/** Absent one time in `freq`. */
function opt<T>(arb: fc.Arbitrary<T>, freq = 3): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq });
}

/** Present in `percent` % of the draws, absent otherwise. */
function sometimes<T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { arbitrary: arb, weight: percent },
    { arbitrary: fc.constant(undefined), weight: 100 - percent },
  );
}

/** Drops undefined keys (absent facts are omitted, as in JSON). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function nonEmpty<T extends object>(o: T): T | undefined {
  const c = compact(o);
  return Object.keys(c).length > 0 ? c : undefined;
}

const T_VALUES = ['TX', 'T1a', 'T1b', 'T1c', 'T2a', 'T2b', 'T3', 'T4'] as const;
const N_VALUES = ['NX', 'N0', 'N1', 'N2', 'N3'] as const;
const PANEL_GENE_VALUES = ['EGFR', 'ALK', 'ROS1', 'BRAF', 'KRAS', 'MET', 'RET', 'NTRK', 'HER2'] as const;
const AGENTS = [
  'osimertinib',
  'alectinib',
  'lorlatinib',
  'carboplatin/pemetrexed/pembrolizumab',
  'pembrolizumab',
  'docetaxel',
] as const;

const arbTenths = (min: number, max: number) =>
  fc.integer({ min: min * 10, max: max * 10 }).map((x) => x / 10);

const arbRaw = (scope: fc.Arbitrary<Scope>) =>
  fc.record({
    scope,
    primarySite: opt(
      fc.constantFrom('lung', 'lung', 'lung', 'lung', 'lung', 'lung', 'lung', 'lung', 'non-lung'),
      2,
    ),
    histology: opt(
      fc.constantFrom(...HISTOLOGY_VALUES, 'adenocarcinoma', 'adenocarcinoma', 'adenocarcinoma', 'squamous'),
      4,
    ),
    t: opt(fc.constantFrom(...T_VALUES)),
    n: opt(fc.constantFrom(...N_VALUES)),
    m: opt(fc.constantFrom(...M1_VALUES)),
    group: opt(fc.constantFrom('IV', 'IVA', 'IVB') as fc.Arbitrary<'IV' | 'IVA' | 'IVB'>),
    edition: opt(fc.constantFrom<8 | 9>(8, 9)),
    earlyStage: fc.oneof(
      fc.record({ m: fc.constant('M0' as const) }),
      fc.record({ group: fc.constantFrom('I', 'II', 'III') as fc.Arbitrary<'I' | 'II' | 'III'> }),
    ),
    driver: opt(fc.constantFrom(...DRIVER_VALUES, 'EGFR', 'EGFR', 'EGFR', 'EGFR', 'none', 'none'), 6),
    egfrVariant: opt(fc.constantFrom(...EGFR_VARIANT_VALUES, 'ex19del', 'L858R')),
    // decision-spec §2: genes reported negative (a partial panel when EGFR is among them).
    negativeFor: opt(
      fc.uniqueArray(fc.constantFrom(...PANEL_GENE_VALUES), { minLength: 1, maxLength: 9 }),
      3,
    ),
    pdl1: opt(fc.integer({ min: 0, max: 100 })),
    metastases: opt(
      fc.record({
        count: opt(fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 })), 5),
        organs: opt(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 6 })), 4),
        sites: opt(fc.uniqueArray(fc.constantFrom(...SITE_VALUES), { maxLength: 5 })),
        burden: opt(fc.constantFrom<'oligo' | 'poly'>('oligo', 'poly')),
      }),
      6,
    ),
    serosalDisease: sometimes(
      fc.oneof(
        fc.boolean(),
        fc.constantFrom(...SEROSAL_VALUES),
        fc.uniqueArray(fc.constantFrom(...SEROSAL_VALUES), { minLength: 1, maxLength: 3 }),
      ),
      20,
    ),
    brain: opt(fc.constantFrom(...BRAIN_VALUES, 'none', 'none')),
    ps: fc.oneof(
      { arbitrary: fc.constant({}), weight: 2 },
      { arbitrary: fc.record({ ecog: fc.constantFrom(0, 0, 1, 1, 1, 2, 2, 3, 4) }), weight: 7 },
      { arbitrary: fc.record({ karnofsky: fc.integer({ min: 1, max: 10 }).map((k) => k * 10) }), weight: 1 },
    ),
    therapy: opt(
      fc.record({
        status: opt(fc.constantFrom(...THERAPY_STATUS_VALUES)),
        regimen: opt(fc.constantFrom(...REGIMEN_VALUES)),
        agent: opt(fc.constantFrom(...AGENTS)),
        duration: fc.oneof(
          fc.constant({}),
          fc.record({ months: arbTenths(0, 36) }),
          fc.record({ weeks: fc.integer({ min: 0, max: 150 }) }),
          fc.record({ cycles: fc.integer({ min: 0, max: 12 }) }),
        ),
        response: opt(fc.constantFrom('CR', 'PR', 'SD', 'PD') as fc.Arbitrary<'CR' | 'PR' | 'SD' | 'PD'>),
      }),
      4,
    ),
    progression: opt(
      fc.record({
        pattern: opt(
          fc.constantFrom('none', 'oligoprogression', 'polyprogression') as fc.Arbitrary<
            'none' | 'oligoprogression' | 'polyprogression'
          >,
        ),
        primaryProgressing: opt(fc.boolean()),
        sites: opt(fc.integer({ min: 1, max: 30 })),
      }),
    ),
    primary: opt(
      fc.record({
        location: opt(fc.constantFrom(...LOCATION_VALUES)),
        sizeCm: opt(arbTenths(0.5, 12)),
        endobronchial: opt(fc.boolean()),
        lobe: opt(fc.constantFrom(...LOBE_VALUES)),
      }),
    ),
    symptoms: opt(fc.uniqueArray(fc.constantFrom(...SYMPTOM_VALUES), { maxLength: 4 })),
    lung: opt(
      fc.record({
        ild: opt(fc.constantFrom(...ILD_VALUES, 'none', 'none', 'none', 'none')),
        priorThoracicRt: opt(fc.constantFrom(false, false, false, true)),
        poorFunction: opt(fc.boolean()),
      }),
    ),
    staging: opt(
      fc.record({
        petCt: opt(fc.constantFrom(...STAGING_VALUES, 'done')),
        brainMri: opt(fc.constantFrom(...STAGING_VALUES, 'done')),
      }),
    ),
    lifeExpectancyMonths: sometimes(fc.oneof(fc.integer({ min: 0, max: 60 }), arbTenths(0, 24)), 25),
  });

type Raw = ReturnType<typeof arbRaw> extends fc.Arbitrary<infer R> ? R : never;

function distinctCount<T>(xs: readonly T[] | undefined): number {
  return new Set(xs ?? []).size;
}

function assemble(r: Raw): CaseJson {
  const c: CaseJson = {
    primarySite: r.primarySite,
    histology: r.histology,
    driver: r.driver,
    egfrVariant: r.driver === 'EGFR' ? r.egfrVariant : undefined,
    negativeFor: r.negativeFor?.filter((g) => g !== r.driver),
    pdl1: r.pdl1,
    ...r.ps,
    primary: r.primary ? nonEmpty(r.primary) : undefined,
    symptoms: r.symptoms,
    lung: r.lung ? nonEmpty(r.lung) : undefined,
    staging: r.staging ? nonEmpty(r.staging) : undefined,
    lifeExpectancyMonths: r.lifeExpectancyMonths,
  };

  // Stage and metastatic burden, coherent with the scope.
  if (r.scope === 'iv') {
    let m = r.m;
    let group = r.group;
    let edition = r.edition;
    if ((m === 'M1c1' || m === 'M1c2') && edition === 8) edition = 9;
    if ((m === 'M1a' || m === 'M1b') && group === 'IVB') group = 'IVA';
    if (m?.startsWith('M1c') && group === 'IVA') group = 'IVB';
    c.brain = r.brain;
    c.metastases = r.metastases ? coherentMetastases(r.metastases, r.brain) : undefined;
    c.serosalDisease = r.serosalDisease;
    const stated = m !== undefined || group !== undefined || c.metastases !== undefined || serosalPresent(c);
    if (!stated) m = 'M1b';
    c.stage = nonEmpty({
      t: r.t,
      n: r.n,
      m,
      group,
      edition: m === undefined && group === undefined ? undefined : edition,
    });
  } else if (r.scope === 'non-iv') {
    c.stage = compact({ t: r.t, n: r.n, ...r.earlyStage });
    c.brain = r.brain === 'none' ? 'none' : undefined;
  } else {
    c.stage = nonEmpty({ t: r.t, n: r.n });
    c.brain = r.brain === 'none' ? 'none' : undefined;
  }

  // Therapy, response and progression pattern that fit together.
  if (r.therapy) {
    const { status, regimen, agent, duration, response } = r.therapy;
    const treated = status === 'on-treatment' || status === 'off-treatment';
    const cyclesOk =
      !('cycles' in duration) || regimen === undefined || regimen === 'chemo' || regimen === 'chemo-io';
    const resp = treated
      ? status === 'off-treatment' && response === 'PD'
        ? undefined
        : response
      : undefined;
    c.therapy = nonEmpty({
      status,
      regimen,
      agent,
      ...(treated && cyclesOk ? duration : {}),
      response: resp,
    });
    if (status === 'on-treatment' && r.progression) {
      let pattern = r.progression.pattern;
      if (resp === 'PD' && pattern === 'none') pattern = undefined;
      if (resp !== undefined && resp !== 'PD' && pattern !== undefined) pattern = 'none';
      const progressing = pattern === 'oligoprogression' || pattern === 'polyprogression';
      let sites = progressing ? r.progression.sites : undefined;
      if (sites !== undefined && pattern === 'oligoprogression') sites = Math.min(sites, 5);
      if (sites !== undefined && pattern === 'polyprogression') sites = Math.max(sites, 2);
      c.progression = nonEmpty({
        pattern,
        primaryProgressing: progressing ? r.progression.primaryProgressing : undefined,
        sites,
      });
    }
  }
  return compact(c);
}

function coherentMetastases(
  m: NonNullable<Raw['metastases']>,
  brain: CaseJson['brain'],
): CaseJson['metastases'] | undefined {
  const count = m.count;
  let organs = m.organs;
  if (organs !== undefined && count !== undefined && organs > count) organs = count;
  let sites = m.sites ? [...m.sites] : undefined;
  if (sites && brain === 'none') sites = sites.filter((s) => s !== 'brain');
  const limit = Math.min(organs ?? Number.POSITIVE_INFINITY, count ?? Number.POSITIVE_INFINITY);
  if (sites && sites.length > limit) sites = sites.slice(0, limit);
  if (sites && sites.length === 0) sites = undefined;
  // Keep the burden word only where it cannot contradict the numbers.
  const knownOrgans = organs ?? (sites ? distinctCount(sites) : undefined);
  let burden = m.burden;
  if (burden === 'oligo' && ((count ?? 0) > 5 || (knownOrgans ?? 0) > 3)) burden = undefined;
  if (burden === 'poly' && count !== undefined && count <= 5 && (count <= 3 || (knownOrgans ?? 4) <= 3)) {
    burden = undefined;
  }
  return nonEmpty({ count, organs, sites, burden });
}

const ANY_SCOPE = fc.oneof(
  { arbitrary: fc.constant<Scope>('iv'), weight: 17 },
  { arbitrary: fc.constant<Scope>('non-iv'), weight: 2 },
  { arbitrary: fc.constant<Scope>('unknown'), weight: 1 },
);

/** A valid, coherent case anywhere in the fact space (or restricted to one scope). */
export function arbCase(scope?: Scope): fc.Arbitrary<CaseJson> {
  return arbRaw(scope ? fc.constant(scope) : ANY_SCOPE).map(assemble);
}

/** A stage IV NSCLC case whose metastatic burden is polymetastatic by one of the four routes of §2. */
export function arbPolymetastatic(): fc.Arbitrary<CaseJson> {
  return fc
    .tuple(
      arbCase('iv'),
      fc.oneof(
        fc.record({ route: fc.constant('count' as const), count: fc.integer({ min: 6, max: 60 }) }),
        fc.record({ route: fc.constant('organs' as const), count: fc.integer({ min: 4, max: 60 }) }),
        fc.record({ route: fc.constant('burden' as const), count: fc.constant(0) }),
        fc.record({ route: fc.constant('serosal' as const), count: fc.integer({ min: 1, max: 5 }) }),
      ),
    )
    .map(([c, p]): CaseJson => {
      const out: CaseJson = { ...c };
      delete out.serosalDisease;
      switch (p.route) {
        case 'count':
          out.metastases = { count: p.count, organs: Math.min(p.count, 1 + (p.count % 3)) };
          break;
        case 'organs':
          out.metastases = { count: p.count, organs: Math.min(p.count, 4 + (p.count % 3)) };
          break;
        case 'burden':
          out.metastases = { burden: 'poly' };
          break;
        case 'serosal':
          out.metastases = { count: p.count, organs: 1 };
          out.serosalDisease = ['pleural-effusion'];
          break;
      }
      return out;
    });
}

/**
 * A stage IV case close to the recommended corner (common EGFR, oligo-organ, fit), with the other facts
 * still random: the corner where modifiers and boundaries matter most.
 */
export function arbFavourable(): fc.Arbitrary<CaseJson> {
  return fc
    .tuple(
      arbCase('iv'),
      fc.record({
        egfrVariant: opt(fc.constantFrom<'ex19del' | 'L858R'>('ex19del', 'L858R')),
        ecog: opt(fc.constantFrom(0, 1)),
        count: fc.integer({ min: 1, max: 20 }),
        organs: fc.integer({ min: 1, max: 3 }),
        keepSerosal: sometimes(fc.constant(true), 10),
        keepLung: sometimes(fc.constant(true), 20),
        keepLife: sometimes(fc.constant(true), 20),
      }),
    )
    .map(([c, f]): CaseJson => {
      const out: CaseJson = { ...c, primarySite: 'lung', histology: 'adenocarcinoma', driver: 'EGFR' };
      delete out.egfrVariant;
      delete out.karnofsky;
      delete out.ecog;
      if (f.egfrVariant) out.egfrVariant = f.egfrVariant;
      if (f.ecog !== undefined) out.ecog = f.ecog;
      out.metastases = { count: f.count, organs: Math.min(f.organs, f.count) };
      if (!f.keepSerosal) delete out.serosalDisease;
      if (!f.keepLung) delete out.lung;
      if (!f.keepLife) delete out.lifeExpectancyMonths;
      // The favourable corner has a driver stated: a negative panel is then for the other genes only.
      if (out.negativeFor) out.negativeFor = out.negativeFor.filter((g) => g !== 'EGFR');
      if (out.negativeFor?.length === 0) delete out.negativeFor;
      return compact(out);
    });
}

/** Anywhere in the fact space, with extra weight on the recommended corner. */
export function arbAnyCase(): fc.Arbitrary<CaseJson> {
  return fc.oneof({ arbitrary: arbCase(), weight: 3 }, { arbitrary: arbFavourable(), weight: 1 });
}
