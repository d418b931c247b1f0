// Dose/fractionation options by location and setting (decision-spec §6). BED10 figures are the LQ-model
// values tabulated in shared/clinical/evidence.md §3.5 (comparison only; LQ is unreliable at high doses).
import type { DoseOption } from '../output-schema.js';

export type DoseOptionDef = Readonly<Omit<DoseOption, 'citations'>> & {
  readonly citations: readonly string[];
};

export const DOSE_OPTIONS = [
  {
    id: 'conv-60-30',
    schedule: '60 Gy / 30 fx',
    totalGy: 60,
    fractions: 30,
    setting: 'Conventional, primary and involved nodes (NROG-002; the RTOG 0617 standard arm)',
    citations: ['nrog-002', 'rtog-0617'],
  },
  {
    id: 'sbrt-25-40-5',
    schedule: '25–40 Gy / 5 fx',
    totalGy: 40,
    fractions: 5,
    setting:
      'SBRT-type to all sites, dose by size and location (SINDAS; Peng 2023 used 30–50 Gy / 5); low BED10 of 37.5–72 Gy',
    citations: ['sindas', 'peng-2023'],
  },
  {
    id: 'sbrt-54-3',
    schedule: '54 Gy / 3 fx',
    totalGy: 54,
    fractions: 3,
    setting: 'SBRT, peripheral node-negative primary ≤5 cm (BED10 151 Gy)',
    citations: ['sbrt-bed'],
  },
  {
    id: 'sbrt-48-4',
    schedule: '48 Gy / 4 fx',
    totalGy: 48,
    fractions: 4,
    setting: 'SBRT, peripheral node-negative primary ≤5 cm (BED10 106 Gy)',
    citations: ['sbrt-bed'],
  },
  {
    id: 'sbrt-50-5',
    schedule: '50 Gy / 5 fx',
    totalGy: 50,
    fractions: 5,
    setting:
      'SBRT, peripheral or central primary (BED10 100 Gy; RTOG 0813 starting dose level for central tumours)',
    citations: ['sbrt-bed', 'rtog-0813'],
  },
  {
    id: 'central-60-8',
    schedule: '60 Gy / 8 fx',
    totalGy: 60,
    fractions: 8,
    setting: 'Risk-adapted SABR, central primary (BED10 105 Gy)',
    citations: ['lenglet-2019'],
  },
  {
    id: 'central-70-10',
    schedule: '70 Gy / 10 fx',
    totalGy: 70,
    fractions: 10,
    setting: 'Central primary when 5-fraction constraints cannot be met (BED10 119 Gy)',
    citations: ['chang-2014'],
  },
  {
    id: 'ultracentral-60-8',
    schedule: '60 Gy / 8 fx',
    totalGy: 60,
    fractions: 8,
    setting:
      'Ultracentral without endobronchial invasion, hotspot ≤120% inside the PTV (SUNSET); never 7 Gy × 8 near main bronchi',
    citations: ['sunset', 'hilus'],
  },
  {
    id: 'hypo-60-15',
    schedule: '60 Gy / 15 fx',
    totalGy: 60,
    fractions: 15,
    setting:
      'Hypofractionated, location-adapted (ultracentral or constraints not met); no trial-level source in this knowledge base',
    citations: ['iaslc-2026'],
  },
  {
    id: 'opd-sbrt-5',
    schedule: '35–50 Gy / 5 fx',
    totalGy: 50,
    fractions: 5,
    setting: 'SBRT to each progressing site (range used in oligoprogression trials)',
    citations: ['opd-review', 'curb'],
  },
  {
    id: 'opd-sbrt-3',
    schedule: '27–33 Gy / 3 fx',
    totalGy: 33,
    fractions: 3,
    setting: 'SBRT to each progressing site (range used in oligoprogression trials)',
    citations: ['opd-review'],
  },
  {
    id: 'pal-30-10',
    schedule: '30 Gy / 10 fx',
    totalGy: 30,
    fractions: 10,
    setting:
      'Palliative, good performance status: modest survival and symptom gains, more oesophageal toxicity',
    citations: ['rodrigues-2011', 'moeller-2018'],
  },
  {
    id: 'pal-20-5',
    schedule: '20 Gy / 5 fx',
    totalGy: 20,
    fractions: 5,
    setting: 'Palliative short course, fewer side effects',
    citations: ['rodrigues-2011'],
  },
  {
    id: 'pal-17-2',
    schedule: '17 Gy / 2 fx (weekly)',
    totalGy: 17,
    fractions: 2,
    setting: 'Palliative, poor performance status or short course',
    citations: ['rodrigues-2011'],
  },
  {
    id: 'pal-10-1',
    schedule: '10 Gy / 1 fx',
    totalGy: 10,
    fractions: 1,
    setting: 'Palliative, poor performance status or short course',
    citations: ['rodrigues-2011'],
  },
] as const satisfies readonly DoseOptionDef[];

export type DoseOptionId = (typeof DOSE_OPTIONS)[number]['id'];
