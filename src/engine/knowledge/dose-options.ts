// Dose/fractionation options as rows with eligibility conditions (decision-spec §6). Rows are in order of
// preference; the engine offers up to three eligible rows of the case's setting. A row whose condition is
// false is never offered; one whose condition is unknown only because of facts listed in `assumes` is offered
// with those assumptions stated. Each row's `setting` text names the population of its source trial. BED10
// figures are the LQ-model values of evidence.md §3.5 (comparison only). 60 Gy / 15 is not offered: it has no
// allowed source ([R] in the evidence files).
import type { FactName } from '../facts.js';
import { all, any, type Cond, eq, gt, isIn, lte, not } from './conditions.js';
import type { StatementSel } from './rules.js';

export const DOSE_SETTINGS = ['definitive', 'oligoprogression', 'palliative'] as const;
export type DoseSetting = (typeof DOSE_SETTINGS)[number];

export interface DoseOptionDef {
  readonly id: string;
  readonly schedule: string;
  readonly totalGy: number;
  readonly fractions: number;
  /** Shown to the clinician: technique, target and the population of the source trial. */
  readonly setting: string;
  readonly settings: readonly DoseSetting[];
  /** What the option treats: the primary, every site (SINDAS), the progressing sites, or the chest (palliative). */
  readonly target: 'primary' | 'all-sites' | 'progressing-sites' | 'thorax';
  readonly when: Cond;
  /** When this holds, the row is listed before the rows that do not prefer themselves (stable order). */
  readonly prefer?: Cond;
  /** Facts that may be unknown, with the assumption the option then states. */
  readonly assumes: Readonly<Partial<Record<FactName, string>>>;
  /** Why the row is not offered when it is not ("needs a peripheral node-negative primary ≤5 cm"). */
  readonly requires: string;
  readonly statements: readonly StatementSel[];
  readonly citations: readonly string[];
}

/** In definitive RT the primary is the target; at oligoprogression only when it is among the progressing sites. */
const PRIMARY_IS_TARGET: Cond = any(eq('setting', 'definitive'), eq('primaryProgressing', true));
const NO_PRIOR_RT: Cond = eq('priorThoracicRt', false);
const NO_ILD: Cond = eq('ild', 'none');
const N0: Cond = eq('nodePositive', false);
const NOT_ENDOBRONCHIAL: Cond = eq('endobronchial', false);

const A = {
  priorThoracicRt: 'assumes no prior thoracic RT',
  ild: 'assumes no ILD',
  nodePositive: 'assumes node-negative',
  endobronchial: 'assumes no endobronchial invasion',
  sizeCm5: 'assumes ≤5 cm',
  sizeCm6: 'assumes ≤6 cm',
  lesions: 'assumes ≤5 lesions',
  progressingPrimary:
    'assumes the primary is not a progressing site outside SBRT’s location rules (ultracentral, endobronchial, >5 cm)',
} as const;

const SBRT_ASSUMES = {
  priorThoracicRt: A.priorThoracicRt,
  ild: A.ild,
  nodePositive: A.nodePositive,
  endobronchial: A.endobronchial,
  sizeCm: A.sizeCm5,
} as const;

const { ild: _ild, ...SBRT_ASSUMES_WITH_ILD_ALLOWED } = SBRT_ASSUMES;

const peripheralSbrt = (id: string, gy: number, fx: number, bed: string, source: string): DoseOptionDef => ({
  id,
  schedule: `${gy} Gy / ${fx} fx`,
  totalGy: gy,
  fractions: fx,
  setting: `SBRT, peripheral node-negative primary ≤5 cm (${bed}; ${source})`,
  settings: ['definitive', 'oligoprogression'],
  target: 'primary',
  when: all(
    PRIMARY_IS_TARGET,
    eq('location', 'peripheral'),
    N0,
    lte('sizeCm', 5),
    NOT_ENDOBRONCHIAL,
    NO_ILD,
    NO_PRIOR_RT,
  ),
  assumes: SBRT_ASSUMES,
  requires: 'peripheral SBRT needs a node-negative primary ≤5 cm, no ILD and no prior thoracic RT',
  statements: [],
  citations: ['sbrt-bed'],
});

const centralRow = (
  id: string,
  gy: string,
  total: number,
  fx: number,
  text: string,
  needsNoIld: boolean,
  citations: readonly string[],
): DoseOptionDef => ({
  id,
  schedule: `${gy} Gy / ${fx} fx`,
  totalGy: total,
  fractions: fx,
  setting: text,
  settings: ['definitive', 'oligoprogression'],
  target: 'primary',
  when: all(
    PRIMARY_IS_TARGET,
    eq('location', 'central'),
    N0,
    lte('sizeCm', 5),
    NOT_ENDOBRONCHIAL,
    ...(needsNoIld ? [NO_ILD] : []),
    NO_PRIOR_RT,
  ),
  assumes: needsNoIld ? SBRT_ASSUMES : SBRT_ASSUMES_WITH_ILD_ALLOWED,
  requires: 'central SBRT needs a node-negative primary ≤5 cm without endobronchial invasion',
  statements: [{ ids: ['dose-central'] }],
  citations,
});

export const DOSE_OPTIONS: readonly DoseOptionDef[] = [
  {
    id: 'sbrt-25-40-5',
    schedule: '25–40 Gy / 5 fx',
    totalGy: 40,
    fractions: 5,
    setting:
      'SBRT-type to all sites, dose by size and location (SINDAS: EGFR, ≤5 metastases, first-line TKI; Peng 2023 used 30–50 Gy / 5); low BED10 of 37.5–72 Gy',
    settings: ['definitive'],
    target: 'all-sites',
    when: all(
      eq('driverGroup', 'egfr-common'),
      lte('lesions', 5),
      isIn('location', ['peripheral', 'central']),
      lte('sizeCm', 5),
      NOT_ENDOBRONCHIAL,
      NO_ILD,
      NO_PRIOR_RT,
    ),
    assumes: {
      lesions: A.lesions,
      sizeCm: A.sizeCm5,
      endobronchial: A.endobronchial,
      ild: A.ild,
      priorThoracicRt: A.priorThoracicRt,
    },
    requires: 'SINDAS-type SBRT needs EGFR, ≤5 lesions and a peripheral or central primary ≤5 cm',
    statements: [{ ids: ['dose-sindas-bed'] }],
    citations: ['sindas', 'peng-2023'],
  },
  peripheralSbrt('sbrt-54-3', 54, 3, 'BED10 151 Gy', 'BED10 >100 Gy convention'),
  peripheralSbrt('sbrt-48-4', 48, 4, 'BED10 106 Gy', 'BED10 >100 Gy convention'),
  peripheralSbrt('sbrt-50-5', 50, 5, 'BED10 exactly 100 Gy', 'at the BED10 100 Gy convention'),
  centralRow(
    'central-50-60-5',
    '50–60',
    60,
    5,
    'SBRT, central node-negative primary ≤5 cm (RTOG 0813: T1–2 N0 ≤5 cm; maximum tolerated dose 12 Gy × 5, DLT 7.2%)',
    true,
    ['rtog-0813'],
  ),
  centralRow(
    'central-50-4',
    '50',
    50,
    4,
    'SBRT, central node-negative primary (Chang 2014, central tumours; BED10 112.5 Gy)',
    true,
    ['chang-2014'],
  ),
  {
    id: 'ultracentral-60-8',
    schedule: '60 Gy / 8 fx',
    totalGy: 60,
    fractions: 8,
    setting:
      'Ultracentral, node-negative, ≤6 cm, no endobronchial invasion (SUNSET: T1–3 N0 ≤6 cm, hotspot ≤120% inside the PTV); never 7 Gy × 8 near the main bronchi',
    settings: ['definitive', 'oligoprogression'],
    target: 'primary',
    when: all(
      PRIMARY_IS_TARGET,
      eq('location', 'ultracentral'),
      N0,
      lte('sizeCm', 6),
      NOT_ENDOBRONCHIAL,
      NO_ILD,
      NO_PRIOR_RT,
    ),
    assumes: { ...SBRT_ASSUMES, sizeCm: A.sizeCm6 },
    requires:
      'ultracentral 60 Gy / 8 needs a node-negative primary ≤6 cm without endobronchial invasion or ILD',
    statements: [{ ids: ['dose-ultracentral'] }],
    citations: ['sunset', 'hilus'],
  },
  centralRow(
    'central-70-10',
    '70',
    70,
    10,
    'Central node-negative primary when 5-fraction constraints cannot be met (Chang 2014; BED10 119 Gy)',
    false,
    ['chang-2014'],
  ),
  {
    id: 'conv-60-30',
    schedule: '60 Gy / 30 fx',
    totalGy: 60,
    fractions: 30,
    setting:
      'Conventional, primary and involved nodes, any location (NROG-002: EGFR oligo-organ, with icotinib; RTOG 0617: no gain beyond 60 Gy in stage III)',
    settings: ['definitive', 'oligoprogression'],
    target: 'primary',
    when: all(PRIMARY_IS_TARGET, NO_PRIOR_RT),
    // §6: the default when nodes are positive or the primary is not a small peripheral one; NROG-002's
    // schedule comes first for EGFR with a central, nodal or large primary.
    prefer: all(
      eq('driverGroup', 'egfr-common'),
      any(isIn('location', ['central', 'ultracentral']), eq('nodePositive', true), gt('sizeCm', 5)),
    ),
    assumes: { priorThoracicRt: A.priorThoracicRt },
    requires: 'conventional RT needs no prior thoracic RT',
    statements: [
      {
        when: any(isIn('location', ['central', 'ultracentral']), eq('nodePositive', true)),
        ids: ['dose-conventional-oar'],
      },
    ],
    citations: ['nrog-002', 'rtog-0617'],
  },
  ...(['opd-sbrt-5', 'opd-sbrt-3'] as const).map(
    (id): DoseOptionDef => ({
      id,
      schedule: id === 'opd-sbrt-5' ? '35–50 Gy / 5 fx' : '27–33 Gy / 3 fx',
      totalGy: id === 'opd-sbrt-5' ? 50 : 33,
      fractions: id === 'opd-sbrt-5' ? 5 : 3,
      setting: 'SBRT to each progressing site (range used in the prospective oligoprogression trials)',
      settings: ['oligoprogression'],
      target: 'progressing-sites',
      when: all(
        NO_ILD,
        NO_PRIOR_RT,
        // §6: a progressing primary follows the same location rules: no ≤5-fraction SBRT to an ultracentral,
        // endobronchial or >5 cm one, and 3 fractions only to a peripheral one (3-fraction schedules are peripheral).
        any(
          eq('primaryProgressing', false),
          all(
            isIn('location', id === 'opd-sbrt-5' ? ['peripheral', 'central'] : ['peripheral']),
            lte('sizeCm', 5),
            NOT_ENDOBRONCHIAL,
          ),
        ),
      ),
      assumes: {
        ild: A.ild,
        priorThoracicRt: A.priorThoracicRt,
        primaryProgressing: A.progressingPrimary,
        location: A.progressingPrimary,
        sizeCm: A.progressingPrimary,
        endobronchial: A.progressingPrimary,
      },
      requires:
        id === 'opd-sbrt-5'
          ? 'SBRT to progressing sites needs no ILD, no prior thoracic RT, and a progressing primary (if any) peripheral or central, ≤5 cm, not endobronchial'
          : 'SBRT to progressing sites needs no ILD, no prior thoracic RT, and a progressing primary (if any) peripheral, ≤5 cm, not endobronchial',
      statements: [],
      citations: id === 'opd-sbrt-5' ? ['opd-review', 'curb'] : ['opd-review'],
    }),
  ),
  {
    id: 'pal-30-10',
    schedule: '30 Gy / 10 fx',
    totalGy: 30,
    fractions: 10,
    setting:
      'Palliative, good performance status: modest survival and symptom gains, more oesophageal toxicity (ASTRO 2011)',
    settings: ['palliative'],
    target: 'thorax',
    when: all(eq('palliativeFit', true), NO_PRIOR_RT),
    assumes: { priorThoracicRt: A.priorThoracicRt },
    requires: '30 Gy / 10 needs good performance status and no prior thoracic RT',
    statements: [],
    citations: ['rodrigues-2011', 'moeller-2018'],
  },
  {
    id: 'pal-20-5',
    schedule: '20 Gy / 5 fx',
    totalGy: 20,
    fractions: 5,
    setting: 'Palliative short course, fewer side effects (ASTRO 2011)',
    settings: ['palliative'],
    target: 'thorax',
    when: NO_PRIOR_RT,
    assumes: { priorThoracicRt: A.priorThoracicRt },
    requires: 'palliative courses need no prior thoracic RT',
    statements: [],
    citations: ['rodrigues-2011'],
  },
  ...(
    [
      ['pal-17-2', '17 Gy / 2 fx (weekly)', 17, 2],
      ['pal-10-1', '10 Gy / 1 fx', 10, 1],
    ] as const
  ).map(
    ([id, schedule, gy, fx]): DoseOptionDef => ({
      id,
      schedule,
      totalGy: gy,
      fractions: fx,
      setting: 'Palliative, poor performance status or short course (ASTRO 2011)',
      settings: ['palliative'],
      target: 'thorax',
      when: all(not(eq('palliativeFit', true)), NO_PRIOR_RT),
      assumes: { priorThoracicRt: A.priorThoracicRt },
      requires: 'single or weekly palliative fractions are for poor performance status',
      statements: [],
      citations: ['rodrigues-2011'],
    }),
  ),
];
