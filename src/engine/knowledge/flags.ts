// Flag definitions (decision-spec §5). A code can have variants where severity or wording depends on the
// case (e.g. staging not done vs not stated); the engine picks the variant.
import type { FlagCode, Severity } from '../output-schema.js';
import { all, any, type Cond, eq, gte, isIn, known, lt, not } from './conditions.js';
import type { StatementSel } from './rules.js';

export interface FlagDef {
  code: FlagCode;
  variant: string;
  severity: Severity;
  text: string;
  citations: readonly string[];
  /** Raised when this holds over the facts (decision facts included). */
  when: Cond;
  /** Listed in `assumptions` when the flag is raised. */
  assumption?: string;
  statements?: readonly StatementSel[];
}

const IN_SCOPE = eq('inScope', true);
// §5: safety flags about combining RT with systemic therapy appear only when thoracic RT is on the table.
const ON_TABLE = eq('onTable', true);
const DEFINITIVE = isIn('verdict', ['recommended', 'consider']);

export const FLAGS = [
  {
    code: 'ps-poor',
    variant: 'default',
    severity: 'critical',
    text: 'ECOG 3–4: definitive thoracic RT not recommended; the trials enrolled ECOG 0–1 (SABR-COMET) or 0–2 (NRG-LU002).',
    citations: ['sabr-comet', 'nrg-lu002'],
    when: gte('ecog', 3),
  },
  {
    code: 'limited-life-expectancy',
    variant: 'default',
    severity: 'critical',
    text: 'Life expectancy under 6 months: definitive thoracic RT not recommended (trials required ≥6 months).',
    citations: ['sabr-comet'],
    when: lt('lifeExpectancyMonths', 6),
  },
  {
    code: 'ps-borderline',
    variant: 'default',
    severity: 'warning',
    text: 'ECOG 2: a recommendation becomes "consider"; most trials enrolled ECOG 0–1 (NRG-LU002 allowed 0–2).',
    citations: ['sabr-comet', 'nrg-lu002'],
    when: eq('ecog', 2),
  },
  {
    code: 'ild',
    variant: 'ild',
    severity: 'critical',
    text: 'Interstitial lung disease: capped at "consider"; fatal pneumonitis after SBRT exceeded 5% with interstitial changes.',
    citations: ['onishi-ild', 'sunset'],
    when: eq('ild', 'ild'),
    statements: [{ ids: ['safety-ild'] }],
  },
  {
    code: 'ild',
    variant: 'ipf',
    severity: 'critical',
    text: 'IPF: capped at "consider"; IPF carries the highest risk of fatal radiation pneumonitis after SBRT.',
    citations: ['onishi-ild', 'sunset'],
    when: eq('ild', 'ipf'),
    statements: [{ ids: ['safety-ild'] }],
  },
  {
    code: 'prior-thoracic-rt',
    variant: 'default',
    severity: 'warning',
    text: 'Previous thoracic RT: capped at "consider"; re-irradiation needs specialist review in the board (no re-irradiation evidence was collected for this knowledge base).',
    citations: ['astro-estro-2023'],
    when: eq('priorThoracicRt', true),
    statements: [{ when: DEFINITIVE, ids: ['dose-reirradiation'] }],
  },
  {
    code: 'serosal-disease',
    variant: 'default',
    severity: 'warning',
    text: 'Malignant effusion or leptomeningeal disease counts as polymetastatic: ASTRO/ESTRO 2023 limits definitive local therapy to disease treatable at every site.',
    citations: ['astro-estro-2023'],
    when: eq('serosal', true),
  },
  {
    code: 'brain-mets-untreated',
    variant: 'asymptomatic',
    severity: 'warning',
    text: 'Untreated brain metastases: address the CNS first (SINDAS excluded brain metastases; NROG-002 allowed them).',
    citations: ['sindas', 'nrog-002'],
    when: eq('brain', 'untreated-asymptomatic'),
  },
  {
    code: 'brain-mets-untreated',
    variant: 'symptomatic',
    severity: 'critical',
    text: 'Symptomatic brain metastases: treat the CNS first (SINDAS excluded brain metastases; NROG-002 allowed them).',
    citations: ['sindas', 'nrog-002'],
    when: eq('brain', 'symptomatic'),
  },
  {
    code: 'staging-incomplete',
    variant: 'not-done',
    severity: 'warning',
    text: 'Staging incomplete: FDG-PET-CT and brain imaging are mandatory before calling disease oligometastatic.',
    citations: ['dingemans-2019'],
    when: all(IN_SCOPE, eq('staging', 'not-done')),
    statements: [{ when: not(eq('verdict', 'not-recommended')), ids: ['selection-staging'] }],
  },
  {
    code: 'staging-incomplete',
    variant: 'not-stated',
    severity: 'info',
    text: 'Staging not stated: confirm FDG-PET-CT and brain MRI before calling disease oligometastatic.',
    citations: ['dingemans-2019'],
    when: all(IN_SCOPE, eq('staging', 'not-stated')),
    assumption: 'staging assumed complete',
    statements: [{ when: not(eq('verdict', 'not-recommended')), ids: ['selection-staging'] }],
  },
  {
    code: 'panel-incomplete',
    variant: 'default',
    severity: 'info',
    text: 'Driver from a partial panel: EGFR negative, other genes not reported; only EGFR changes the verdict class here (the randomized trials are EGFR-specific). Complete a broad NGS panel.',
    citations: ['nrog-002', 'peng-2023'],
    when: all(IN_SCOPE, eq('panelIncomplete', true)),
  },
  {
    code: 'ps-conflict',
    variant: 'default',
    severity: 'info',
    text: 'ECOG and Karnofsky disagree: the stated ECOG is used; confirm performance status (KPS/ECOG mappings differ, especially at KPS 70 and 90).',
    citations: ['ma-2010', 'prasad-2018'],
    when: eq('psConflict', true),
  },
  {
    code: 'tki-pneumonitis',
    variant: 'default',
    severity: 'warning',
    text: 'Concurrent or planned TKI: higher radiation pneumonitis risk (grade ≥2 44.8% with first-generation TKIs, Jia 2021, retrospective); keep lung dose low and limit TKI–RT overlap.',
    citations: ['jia-2021', 'mu-2023'],
    when: all(ON_TABLE, eq('tkiPlanned', true), not(eq('osimertinib', true))),
    statements: [{ ids: ['safety-tki'] }],
  },
  {
    code: 'tki-pneumonitis',
    variant: 'osimertinib',
    severity: 'warning',
    text: 'Osimertinib with thoracic RT: 7/11 (63.6%) grade ≥2 radiation pneumonitis in a small series, beside 44.8% with first-generation TKIs (Jia 2021, retrospective); keep lung dose low, limit overlap.',
    citations: ['jia-2021', 'mu-2023'],
    when: all(ON_TABLE, eq('tkiPlanned', true), eq('osimertinib', true)),
    statements: [{ ids: ['safety-tki'] }],
  },
  {
    code: 'immunotherapy-pneumonitis',
    variant: 'default',
    severity: 'warning',
    text: 'Concurrent or planned checkpoint inhibitor: pneumonitis risk (pooled all-grade 36%); risk rises from V20 ≥25%, MLD ≥10 Gy.',
    citations: ['io-rt-meta-2025', 'durvalumab-dvh'],
    when: all(ON_TABLE, eq('ioPlanned', true)),
    statements: [{ ids: ['safety-io'] }],
  },
  {
    code: 'central',
    variant: 'default',
    severity: 'info',
    text: 'Central primary: risk-adapted fractionation, e.g. 50–60 Gy/5 (RTOG 0813), 50 Gy/4 or 70 Gy/10 (Chang 2014).',
    citations: ['rtog-0813', 'chang-2014'],
    when: eq('location', 'central'),
  },
  {
    code: 'ultracentral',
    variant: 'default',
    severity: 'warning',
    text: 'Ultracentral primary or endobronchial invasion: ≥8 fractions or conventional; avoid 7 Gy × 8 near main bronchi or trachea.',
    citations: ['hilus', 'sunset'],
    when: any(eq('location', 'ultracentral'), eq('endobronchial', true)),
  },
  {
    code: 'palliative-indication',
    variant: 'default',
    severity: 'info',
    text: 'Thoracic symptoms: palliative thoracic RT is appropriate whatever the verdict on definitive RT.',
    citations: ['rodrigues-2011', 'moeller-2018'],
    when: eq('palliativeIndication', true),
    statements: [{ ids: ['dose-palliative'] }],
  },
  {
    code: 'uncommon-egfr',
    variant: 'default',
    severity: 'info',
    text: 'EGFR exon 20 insertion or uncommon variant: handled as another targetable driver; Peng 2023 enrolled ex19del/L858R only.',
    citations: ['peng-2023'],
    when: all(eq('driver', 'EGFR'), isIn('egfrVariant', ['exon20ins', 'uncommon'])),
  },
  {
    code: 'trial-preferred',
    variant: 'egfr-beyond-oligo-organ',
    severity: 'info',
    text: 'Offer a clinical trial where available: evidence beyond oligo-organ disease is retrospective or subgroup-level.',
    citations: ['hsu-2021', 'northstar-subgroups'],
    when: all(eq('rule', 'egfr-beyond-oligo-organ'), eq('verdict', 'consider')),
  },
  {
    code: 'trial-preferred',
    variant: 'no-driver-oligo',
    severity: 'info',
    text: 'Offer a clinical trial where available: randomized evidence without a driver conflicts (NRG-LU002 negative).',
    citations: ['nrg-lu002', 'gomez-2019'],
    when: all(eq('rule', 'no-driver-oligo'), eq('verdict', 'consider')),
  },
  {
    code: 'ps-unknown',
    variant: 'default',
    severity: 'info',
    text: 'Performance status not stated: the verdict assumes ECOG 0–1, as in the trials.',
    citations: ['sabr-comet'],
    when: all(IN_SCOPE, not(known('ecog'))),
    assumption: 'ecog assumed 0-1',
  },
  {
    code: 'ps-converted',
    variant: 'default',
    severity: 'info',
    text: 'ECOG derived from Karnofsky (approximate); confirm ECOG, especially at KPS 70 and 90 where mappings disagree.',
    citations: ['ma-2010', 'prasad-2018'],
    when: eq('ecogFromKarnofsky', true),
  },
] as const satisfies readonly FlagDef[];

type FlagEntry = (typeof FLAGS)[number];
/** 'code:variant' for each defined flag, e.g. 'staging-incomplete:not-stated'. */
export type FlagVariantKey = FlagEntry extends infer F
  ? F extends { code: infer C extends string; variant: infer V extends string }
    ? `${C}:${V}`
    : never
  : never;
