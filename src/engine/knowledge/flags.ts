// Flag definitions (decision-spec §5). A code can have variants where severity or wording depends on the
// case (e.g. staging not done vs not stated); the engine picks the variant.
import type { FlagCode, Severity } from '../output-schema.js';

export interface FlagDef {
  code: FlagCode;
  variant: string;
  severity: Severity;
  text: string;
  citations: readonly string[];
}

export const FLAGS = [
  {
    code: 'ps-poor',
    variant: 'default',
    severity: 'critical',
    text: 'ECOG 3–4: definitive thoracic RT not recommended; the trials enrolled ECOG 0–1 (some 0–2).',
    citations: ['sabr-comet', 'astro-estro-2023'],
  },
  {
    code: 'limited-life-expectancy',
    variant: 'default',
    severity: 'critical',
    text: 'Life expectancy under 6 months: definitive thoracic RT not recommended (trials required ≥6 months).',
    citations: ['sabr-comet'],
  },
  {
    code: 'ps-borderline',
    variant: 'default',
    severity: 'warning',
    text: 'ECOG 2: a recommendation becomes "consider"; most trials enrolled ECOG 0–1 (NRG-LU002 allowed 0–2).',
    citations: ['sabr-comet', 'nrg-lu002'],
  },
  {
    code: 'ild',
    variant: 'ild',
    severity: 'critical',
    text: 'Interstitial lung disease: capped at "consider"; fatal pneumonitis after SBRT exceeded 5% with interstitial changes.',
    citations: ['onishi-ild', 'sunset'],
  },
  {
    code: 'ild',
    variant: 'ipf',
    severity: 'critical',
    text: 'IPF: capped at "consider"; IPF carries the highest risk of fatal radiation pneumonitis after SBRT.',
    citations: ['onishi-ild', 'sunset'],
  },
  {
    code: 'prior-thoracic-rt',
    variant: 'default',
    severity: 'warning',
    text: 'Previous thoracic RT: capped at "consider"; re-irradiation needs specialist review (no re-irradiation evidence in this knowledge base).',
    citations: ['astro-estro-2023', 'jia-2021'],
  },
  {
    code: 'serosal-disease',
    variant: 'default',
    severity: 'warning',
    text: 'Malignant effusion or leptomeningeal disease counts as polymetastatic: not every site can be treated with radical intent.',
    citations: ['dingemans-2019', 'astro-estro-2023'],
  },
  {
    code: 'brain-mets-untreated',
    variant: 'asymptomatic',
    severity: 'warning',
    text: 'Untreated brain metastases: address the CNS first (SINDAS excluded brain metastases; NROG-002 allowed them).',
    citations: ['sindas', 'nrog-002'],
  },
  {
    code: 'brain-mets-untreated',
    variant: 'symptomatic',
    severity: 'critical',
    text: 'Symptomatic brain metastases: treat the CNS first (SINDAS excluded brain metastases; NROG-002 allowed them).',
    citations: ['sindas', 'nrog-002'],
  },
  {
    code: 'staging-incomplete',
    variant: 'not-done',
    severity: 'warning',
    text: 'Staging incomplete: FDG-PET-CT and brain imaging are mandatory before calling disease oligometastatic.',
    citations: ['dingemans-2019'],
  },
  {
    code: 'staging-incomplete',
    variant: 'not-stated',
    severity: 'info',
    text: 'Staging not stated: confirm FDG-PET-CT and brain MRI before calling disease oligometastatic.',
    citations: ['dingemans-2019'],
  },
  {
    code: 'tki-pneumonitis',
    variant: 'default',
    severity: 'warning',
    text: 'Concurrent or planned TKI: higher radiation pneumonitis risk; keep lung dose low and limit TKI–RT overlap.',
    citations: ['jia-2021', 'mu-2023'],
  },
  {
    code: 'immunotherapy-pneumonitis',
    variant: 'default',
    severity: 'warning',
    text: 'Concurrent or planned checkpoint inhibitor: pneumonitis risk (pooled all-grade 36%); risk rises from V20 ≥25%, MLD ≥10 Gy.',
    citations: ['io-rt-meta-2025', 'durvalumab-dvh'],
  },
  {
    code: 'central',
    variant: 'default',
    severity: 'info',
    text: 'Central primary: risk-adapted fractionation (e.g. 50 Gy/5, 60 Gy/8, 70 Gy/10).',
    citations: ['rtog-0813', 'chang-2014'],
  },
  {
    code: 'ultracentral',
    variant: 'default',
    severity: 'warning',
    text: 'Ultracentral primary or endobronchial invasion: ≥8 fractions or conventional; avoid 7 Gy × 8 near main bronchi or trachea.',
    citations: ['hilus', 'sunset'],
  },
  {
    code: 'palliative-indication',
    variant: 'default',
    severity: 'info',
    text: 'Thoracic symptoms: palliative thoracic RT is appropriate whatever the verdict on definitive RT.',
    citations: ['rodrigues-2011', 'moeller-2018'],
  },
  {
    code: 'uncommon-egfr',
    variant: 'default',
    severity: 'info',
    text: 'EGFR exon 20 insertion or uncommon variant: handled as another targetable driver; the EGFR trials enrolled ex19del/L858R.',
    citations: ['peng-2023', 'nrog-002'],
  },
  {
    code: 'trial-preferred',
    variant: 'egfr-beyond-oligo-organ',
    severity: 'info',
    text: 'Offer a clinical trial where available: evidence beyond 3 organs is retrospective or subgroup-level.',
    citations: ['hsu-2021', 'northstar'],
  },
  {
    code: 'trial-preferred',
    variant: 'no-driver-oligo',
    severity: 'info',
    text: 'Offer a clinical trial where available: randomized evidence without a driver conflicts (NRG-LU002 negative).',
    citations: ['nrg-lu002', 'gomez-2019'],
  },
  {
    code: 'ps-unknown',
    variant: 'default',
    severity: 'info',
    text: 'Performance status not stated: the verdict assumes ECOG 0–1, as in the trials.',
    citations: ['sabr-comet'],
  },
  {
    code: 'ps-converted',
    variant: 'default',
    severity: 'info',
    text: 'ECOG derived from Karnofsky (approximate); confirm ECOG, especially at KPS 70 and 90 where mappings disagree.',
    citations: ['ma-2010', 'prasad-2018'],
  },
] as const satisfies readonly FlagDef[];

type FlagEntry = (typeof FLAGS)[number];
/** 'code:variant' for each defined flag, e.g. 'staging-incomplete:not-stated'. */
export type FlagVariantKey = FlagEntry extends infer F
  ? F extends { code: infer C extends string; variant: infer V extends string }
    ? `${C}:${V}`
    : never
  : never;
