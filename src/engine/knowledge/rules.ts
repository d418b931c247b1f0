// The verdict rules (decision-spec §4) and modifiers (§5) as rows. Each row is the ONE place where its
// condition, verdict, evidence, timing policy, summary words, statements and citations are written;
// decide.ts interprets these rows (first matching verdict rule, then every modifier in order) and
// GET /api/v1/ruleset publishes them. Derivations are listed for the trace and the published ruleset.
import type { EvidenceLevel, Timing, Verdict } from '../output-schema.js';
import { ALWAYS, all, any, type Cond, eq, gt, gte, isIn, lt, not } from './conditions.js';

/** Named timing policies (decide.ts implements them; a row refers to one by name). */
export const TIMING_POLICIES = [
  'none',
  'at-oligoprogression',
  'egfr-tki-6-weeks',
  'other-driver-tki-3-months',
  'no-driver-induction-4-cycles',
] as const;
export type TimingPolicy = (typeof TIMING_POLICIES)[number];

/** Statements a row selects, optionally only when a condition over the facts holds. */
export interface StatementSel {
  readonly when?: Cond;
  readonly ids: readonly string[];
}

/** Summary words chosen by the first entry whose condition holds. */
export interface Wording {
  readonly when?: Cond;
  readonly text: string;
}

export interface DerivationRow {
  readonly id: string;
  readonly kind: 'derivation';
  readonly spec: string;
  readonly description: string;
  readonly citations: readonly string[];
}

export interface VerdictRow {
  readonly id: string;
  readonly kind: 'verdict';
  readonly spec: string;
  readonly description: string;
  readonly when: Cond;
  readonly outcome: { verdict: Verdict; evidence: EvidenceLevel | null; timing: TimingPolicy };
  /** The population the summary names ("EGFR-mutant oligometastatic NSCLC") or, for a negative verdict, why. */
  readonly words: readonly Wording[];
  readonly statements: readonly StatementSel[];
  readonly citations: readonly string[];
}

export type ModifierEffect =
  | { readonly stop: Verdict; readonly evidence: EvidenceLevel; readonly timing: Timing }
  | { readonly cap: Verdict }
  | { readonly downgrade: 1 };

export interface ModifierRow {
  readonly id: string;
  readonly kind: 'modifier';
  readonly spec: string;
  readonly description: string;
  readonly when: Cond;
  readonly outcome: ModifierEffect;
  /** The reason the summary gives ("lowered for ECOG 2"). */
  readonly reason: string;
  readonly statements: readonly StatementSel[];
  readonly citations: readonly string[];
}

export type RuleRow = DerivationRow | VerdictRow | ModifierRow;

const DEFINITIVE: Cond = isIn('verdict', ['recommended', 'consider']);
const timingIs = (t: Timing): Cond => eq('timing', t);

export const DERIVATIONS: readonly DerivationRow[] = [
  {
    id: 'derive-stage-iv',
    kind: 'derivation',
    spec: '§4.1–4.2',
    description:
      'Stage IV: any M1 category, stage group IV/IVA/IVB ("metastatic"), or any stated distant metastasis; a stage given as history with metastases now is metachronous stage IV.',
    citations: ['astro-estro-2023'],
  },
  {
    id: 'derive-ecog',
    kind: 'derivation',
    spec: '§2',
    description:
      'ECOG as stated, else converted from Karnofsky by the Ma 2010 mapping (100→0, 80–90→1, 60–70→2, 40–50→3, 10–30→4).',
    citations: ['ma-2010'],
  },
  {
    id: 'derive-organs',
    kind: 'derivation',
    spec: '§2',
    description:
      'Metastatic organs as stated, else the number of distinct sites listed; mediastinal nodes are never a site.',
    citations: ['dingemans-2019'],
  },
  {
    id: 'derive-oligometastatic',
    kind: 'derivation',
    spec: '§2',
    description:
      'Oligometastatic: ≤5 lesions in ≤3 organs (Dingemans 2019), or the burden word "oligo"; serosal disease excludes it (ASTRO/ESTRO 2023: every site treatable).',
    citations: ['dingemans-2019', 'astro-estro-2023'],
  },
  {
    id: 'derive-oligo-organ',
    kind: 'derivation',
    spec: '§2',
    description:
      'Oligo-organ: ≤3 metastatic organs whatever the lesion count, and no serosal disease (the NROG-002 population).',
    citations: ['nrog-002'],
  },
  {
    id: 'derive-progression',
    kind: 'derivation',
    spec: '§4.2–4.4',
    description:
      'Progression pattern as stated; a stated number of progressing sites decides it (≤5 oligoprogression, more polyprogression). A stated progression is never dropped.',
    citations: ['curb'],
  },
  {
    id: 'derive-driver-group',
    kind: 'derivation',
    spec: '§2',
    description:
      'egfr-common (ex19del, L858R or EGFR without a variant); other-targetable (ALK, ROS1, RET, MET, BRAF, NTRK, HER2, EGFR exon20ins/uncommon); no-targetable (none, KRAS, or EGFR negative with nothing positive: a partial panel).',
    citations: ['nrog-002', 'peng-2023'],
  },
];

const SCOPE_STATEMENTS: readonly StatementSel[] = [{ ids: ['cand-out-of-scope'] }];

export const VERDICT_RULES: readonly VerdictRow[] = [
  {
    id: 'scope-sclc',
    kind: 'verdict',
    spec: '§4.1',
    description: 'Small-cell lung cancer: not applicable.',
    when: eq('histology', 'sclc'),
    outcome: { verdict: 'not-applicable', evidence: null, timing: 'none' },
    words: [{ text: 'small-cell lung cancer' }],
    statements: SCOPE_STATEMENTS,
    citations: ['iaslc-2026'],
  },
  {
    id: 'scope-non-lung',
    kind: 'verdict',
    spec: '§4.1',
    description: 'A non-lung primary (lung metastases from another cancer): not applicable.',
    when: eq('primarySite', 'non-lung'),
    outcome: { verdict: 'not-applicable', evidence: null, timing: 'none' },
    words: [{ text: 'a non-lung primary' }],
    statements: SCOPE_STATEMENTS,
    citations: ['iaslc-2026'],
  },
  {
    id: 'scope-stage',
    kind: 'verdict',
    spec: '§4.1',
    description: 'M0 or stage I–III now: not applicable.',
    when: eq('stage', 'out'),
    outcome: { verdict: 'not-applicable', evidence: null, timing: 'none' },
    words: [{ text: 'stage I–III disease' }],
    statements: SCOPE_STATEMENTS,
    citations: ['iaslc-2026'],
  },
  {
    id: 'critical-facts',
    kind: 'verdict',
    spec: '§4.2',
    description:
      'Stage IV, driver and metastatic burden are critical, and the progression pattern when the response is PD; any missing gives insufficient information with what-if verdicts, unless every remaining branch gives one verdict.',
    when: eq('criticalMissing', true),
    outcome: { verdict: 'insufficient-information', evidence: null, timing: 'none' },
    words: [],
    statements: [{ ids: ['cand-insufficient'] }],
    citations: ['dingemans-2019'],
  },
  {
    id: 'polyprogression',
    kind: 'verdict',
    spec: '§4.3',
    description: 'Polyprogression on current systemic therapy: not recommended; change systemic therapy.',
    when: eq('progression', 'polyprogression'),
    outcome: { verdict: 'not-recommended', evidence: 'consensus', timing: 'none' },
    words: [{ text: 'polyprogression: change systemic therapy' }],
    statements: [{ ids: ['cand-polyprogression', 'selection-mdt'] }],
    citations: ['astro-estro-2023'],
  },
  {
    id: 'oligoprogression',
    kind: 'verdict',
    spec: '§4.4',
    description:
      'Oligoprogression (≤5 progressing sites, rest controlled): consider SBRT to the progressing sites, continuing therapy.',
    when: eq('progression', 'oligoprogression'),
    outcome: { verdict: 'consider', evidence: 'phase-2-rct', timing: 'at-oligoprogression' },
    words: [{ text: 'oligoprogression' }],
    statements: [
      { ids: ['cand-oligoprogression'] },
      { when: eq('primaryProgressing', true), ids: ['cand-oligoprogression-primary-progressing'] },
      { when: eq('primaryProgressing', false), ids: ['cand-oligoprogression-primary-controlled'] },
      {
        when: not(isIn('primaryProgressing', [true, false])),
        ids: ['cand-oligoprogression-primary-unknown'],
      },
      { when: DEFINITIVE, ids: ['timing-oligoprogression', 'dose-oligoprogression', 'tv-progressing-sites'] },
      { ids: ['selection-mdt'] },
    ],
    citations: ['curb', 'opd-review'],
  },
  {
    id: 'egfr-oligo',
    kind: 'verdict',
    spec: '§4.5',
    description:
      'EGFR common, oligometastatic or oligo-organ, not progressing: recommended (after induction if TKI-naive or under 6 weeks on TKI, else consolidation now).',
    when: all(eq('driverGroup', 'egfr-common'), any(eq('oligometastatic', true), eq('oligoOrgan', true))),
    outcome: { verdict: 'recommended', evidence: 'phase-3-rct', timing: 'egfr-tki-6-weeks' },
    words: [
      { when: eq('oligometastatic', true), text: 'EGFR-mutant oligometastatic NSCLC' },
      { text: 'EGFR-mutant oligo-organ (≤3 organs) NSCLC' },
    ],
    statements: [
      { ids: ['cand-egfr-oligo'] },
      { when: not(eq('oligometastatic', true)), ids: ['cand-egfr-oligo-organ'] },
      { when: DEFINITIVE, ids: ['cand-biology', 'cand-sindas-integrity'] },
      { when: all(DEFINITIVE, timingIs('after-induction')), ids: ['timing-egfr-after-induction'] },
      { when: all(DEFINITIVE, timingIs('after-induction')), ids: ['timing-egfr-upfront-alternative'] },
      { when: all(DEFINITIVE, timingIs('now-as-consolidation')), ids: ['timing-egfr-consolidation'] },
      {
        when: DEFINITIVE,
        ids: ['dose-location', 'tv-egfr', 'tv-all-sites', 'safety-additive', 'safety-egfr-trial-toxicity'],
      },
      { ids: ['selection-mdt'] },
    ],
    citations: ['nrog-002', 'sindas', 'peng-2023'],
  },
  {
    id: 'egfr-beyond-oligo-organ',
    kind: 'verdict',
    spec: '§4.6',
    description:
      'EGFR common beyond oligo-organ (more than 3 organs, or serosal disease), not progressing: consider, retrospective evidence, trial preferred.',
    when: eq('driverGroup', 'egfr-common'),
    outcome: { verdict: 'consider', evidence: 'retrospective', timing: 'egfr-tki-6-weeks' },
    words: [
      { when: eq('serosal', true), text: 'EGFR-mutant NSCLC with serosal disease' },
      { when: gt('organs', 3), text: 'EGFR-mutant NSCLC in more than 3 organs' },
      { text: 'EGFR-mutant NSCLC (organ count not stated)' },
    ],
    statements: [
      { ids: ['cand-egfr-beyond-oligo-organ'] },
      { when: eq('serosal', true), ids: ['cand-serosal'] },
      { when: DEFINITIVE, ids: ['cand-biology'] },
      { when: all(DEFINITIVE, timingIs('after-induction')), ids: ['timing-egfr-beyond-after-induction'] },
      { when: all(DEFINITIVE, timingIs('now-as-consolidation')), ids: ['timing-egfr-consolidation'] },
      {
        when: DEFINITIVE,
        ids: ['dose-location', 'tv-egfr', 'tv-all-sites', 'safety-additive', 'safety-egfr-trial-toxicity'],
      },
      { ids: ['selection-mdt'] },
    ],
    citations: ['hsu-2021', 'northstar-subgroups'],
  },
  {
    id: 'other-driver-oligo',
    kind: 'verdict',
    spec: '§4.7',
    description:
      'Other targetable driver, oligometastatic: consider by extrapolation (after induction if naive or under 3 months of TKI, else consolidation now).',
    when: all(eq('driverGroup', 'other-targetable'), eq('oligometastatic', true)),
    outcome: { verdict: 'consider', evidence: 'extrapolation', timing: 'other-driver-tki-3-months' },
    words: [{ text: 'oligometastatic NSCLC with a targetable driver' }],
    statements: [
      { ids: ['cand-other-driver-oligo'] },
      { when: DEFINITIVE, ids: ['cand-biology'] },
      { when: all(DEFINITIVE, timingIs('after-induction')), ids: ['timing-other-driver-after-induction'] },
      { when: all(DEFINITIVE, timingIs('now-as-consolidation')), ids: ['timing-other-driver-consolidation'] },
      {
        when: DEFINITIVE,
        ids: ['dose-location', 'tv-all-sites', 'tv-mediastinal-unsettled', 'safety-additive'],
      },
      { ids: ['selection-mdt'] },
    ],
    citations: ['gomez-2019', 'ni-2019'],
  },
  {
    id: 'no-driver-oligo',
    kind: 'verdict',
    spec: '§4.8',
    description:
      'No targetable driver, oligometastatic: consider, conflicting phase II evidence, trial preferred (after induction if naive or under 4 cycles / 3 months, else consolidation now).',
    when: all(eq('driverGroup', 'no-targetable'), eq('oligometastatic', true)),
    outcome: { verdict: 'consider', evidence: 'phase-2-rct', timing: 'no-driver-induction-4-cycles' },
    words: [{ text: 'driver-negative oligometastatic NSCLC' }],
    statements: [
      { ids: ['cand-no-driver-oligo'] },
      { when: DEFINITIVE, ids: ['cand-biology'] },
      { when: all(DEFINITIVE, timingIs('after-induction')), ids: ['timing-no-driver-after-induction'] },
      { when: all(DEFINITIVE, timingIs('now-as-consolidation')), ids: ['timing-no-driver-consolidation'] },
      {
        when: DEFINITIVE,
        ids: [
          'dose-location',
          'tv-all-sites',
          'tv-mediastinal-unsettled',
          'safety-additive',
          'safety-no-driver-trial-toxicity',
        ],
      },
      { ids: ['selection-mdt'] },
    ],
    citations: ['gomez-2019', 'iyengar-2018', 'nrg-lu002'],
  },
  {
    id: 'polymetastatic',
    kind: 'verdict',
    spec: '§4.9',
    description: 'Other targetable or no targetable driver, polymetastatic: not recommended.',
    when: ALWAYS,
    outcome: { verdict: 'not-recommended', evidence: 'consensus', timing: 'none' },
    words: [
      { when: eq('driverGroup', 'other-targetable'), text: 'polymetastatic disease' },
      { text: 'polymetastatic, no targetable driver' },
    ],
    statements: [
      { ids: ['cand-polymetastatic', 'selection-mdt'] },
      { when: eq('serosal', true), ids: ['cand-serosal'] },
    ],
    citations: ['dingemans-2019', 'astro-estro-2023'],
  },
];

const STOP = { stop: 'not-recommended', evidence: 'consensus', timing: 'none' } as const;

export const MODIFIERS: readonly ModifierRow[] = [
  {
    id: 'ps-poor',
    kind: 'modifier',
    spec: '§5',
    description: 'ECOG ≥3 (stage IV established): not recommended.',
    when: all(eq('stage', 'iv'), gte('ecog', 3)),
    outcome: STOP,
    reason: 'ECOG 3–4',
    statements: [{ ids: ['cand-ps-poor'] }],
    citations: ['sabr-comet'],
  },
  {
    id: 'limited-life-expectancy',
    kind: 'modifier',
    spec: '§5',
    description: 'Life expectancy under 6 months (stage IV established): not recommended.',
    when: all(eq('stage', 'iv'), lt('lifeExpectancyMonths', 6)),
    outcome: STOP,
    reason: 'life expectancy under 6 months',
    statements: [{ ids: ['cand-limited-life-expectancy'] }],
    citations: ['sabr-comet'],
  },
  {
    id: 'ild-cap',
    kind: 'modifier',
    spec: '§5',
    description: 'ILD or IPF: cap at consider.',
    when: isIn('ild', ['ild', 'ipf']),
    outcome: { cap: 'consider' },
    reason: 'ILD',
    statements: [],
    citations: ['onishi-ild'],
  },
  {
    id: 'prior-thoracic-rt-cap',
    kind: 'modifier',
    spec: '§5',
    description: 'Previous thoracic RT: cap at consider (re-irradiation needs specialist review).',
    when: eq('priorThoracicRt', true),
    outcome: { cap: 'consider' },
    reason: 'prior thoracic RT',
    statements: [],
    citations: ['astro-estro-2023'],
  },
  {
    id: 'staging-cap',
    kind: 'modifier',
    spec: '§5',
    description:
      'PET-CT or brain MRI reported not done: cap at consider (oligometastatic disease cannot be confirmed, Dingemans 2019).',
    when: eq('staging', 'not-done'),
    outcome: { cap: 'consider' },
    reason: 'staging not complete',
    statements: [],
    citations: ['dingemans-2019'],
  },
  {
    id: 'brain-symptomatic-cap',
    kind: 'modifier',
    spec: '§5',
    description: 'Symptomatic brain metastases: cap at consider (treat the CNS first; SINDAS excluded them).',
    when: eq('brain', 'symptomatic'),
    outcome: { cap: 'consider' },
    reason: 'symptomatic brain metastases',
    statements: [],
    citations: ['sindas', 'nrog-002'],
  },
  {
    id: 'ps-borderline',
    kind: 'modifier',
    spec: '§5',
    description: 'ECOG 2: recommended becomes consider (one-step downgrade).',
    when: eq('ecog', 2),
    outcome: { downgrade: 1 },
    reason: 'ECOG 2',
    statements: [],
    citations: ['sabr-comet', 'nrg-lu002'],
  },
];

/** Every row, in the order the ruleset publishes them. */
export const RULES: readonly RuleRow[] = [...DERIVATIONS, ...VERDICT_RULES, ...MODIFIERS];
