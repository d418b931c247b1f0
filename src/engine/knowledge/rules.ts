// The verdict rules (decision-spec §4) and modifiers (§5) as data: stable ids, what each decides, and its
// sources. The evaluator references these ids; the loader checks every id and citation resolves.
import type { EvidenceLevel, Verdict } from '../output-schema.js';

export interface RuleDef {
  id: string;
  kind: 'derivation' | 'verdict' | 'modifier';
  /** Where the rule comes from in decision-spec.md. */
  spec: string;
  description: string;
  verdict?: Verdict;
  evidence?: EvidenceLevel | null;
  citations: readonly string[];
}

export const RULES = [
  {
    id: 'derive-stage-iv',
    kind: 'derivation',
    spec: '§4.2',
    description:
      'Stage IV: any M1 category, stage group IV/IVA/IVB ("metastatic"), or any stated distant metastasis.',
    citations: ['iaslc-2026'],
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
      'Oligometastatic: ≤5 lesions in ≤3 organs (or the burden word "oligo"), and no serosal disease. Known when organs are stated, or count ≤3 (organs cannot exceed lesions) or ≥6.',
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
    spec: '§4.3–4.4',
    description:
      'Progression pattern as stated; a stated number of progressing sites decides it (≤5 oligoprogression, more polyprogression).',
    citations: ['curb', 'astro-estro-2023'],
  },
  {
    id: 'derive-driver-group',
    kind: 'derivation',
    spec: '§2',
    description:
      'egfr-common (ex19del, L858R or EGFR without a variant); other-targetable (ALK, ROS1, RET, MET, BRAF, NTRK, HER2, EGFR exon20ins/uncommon); no-targetable (none, KRAS).',
    citations: ['nrog-002', 'peng-2023'],
  },
  {
    id: 'scope',
    kind: 'verdict',
    spec: '§4.1',
    description: 'Small-cell histology, non-lung primary, M0 or stage I–III: not applicable.',
    verdict: 'not-applicable',
    evidence: null,
    citations: ['iaslc-2026'],
  },
  {
    id: 'critical-facts',
    kind: 'verdict',
    spec: '§4.2',
    description:
      'Stage IV, driver and metastatic burden are critical, and the progression pattern when the response is PD: any missing gives insufficient information with what-if verdicts.',
    verdict: 'insufficient-information',
    evidence: null,
    citations: ['iaslc-2026'],
  },
  {
    id: 'polyprogression',
    kind: 'verdict',
    spec: '§4.3',
    description: 'Polyprogression on current systemic therapy: not recommended; change systemic therapy.',
    verdict: 'not-recommended',
    evidence: 'consensus',
    citations: ['astro-estro-2023', 'iaslc-2026'],
  },
  {
    id: 'oligoprogression',
    kind: 'verdict',
    spec: '§4.4',
    description:
      'Oligoprogression (≤5 progressing sites, rest controlled): consider SBRT to the progressing sites at oligoprogression, continuing therapy.',
    verdict: 'consider',
    evidence: 'phase-2-rct',
    citations: ['curb', 'opd-review'],
  },
  {
    id: 'egfr-oligo',
    kind: 'verdict',
    spec: '§4.5',
    description:
      'EGFR common, oligometastatic or oligo-organ, not progressing: recommended (upfront if TKI-naive or <6 weeks on TKI, else consolidation).',
    verdict: 'recommended',
    evidence: 'phase-3-rct',
    citations: ['nrog-002', 'sindas', 'peng-2023', 'iaslc-2026'],
  },
  {
    id: 'egfr-beyond-oligo-organ',
    kind: 'verdict',
    spec: '§4.6',
    description:
      'EGFR common beyond oligo-organ, not progressing: consider, retrospective evidence, trial preferred.',
    verdict: 'consider',
    evidence: 'retrospective',
    citations: ['hsu-2021', 'northstar'],
  },
  {
    id: 'other-driver-oligo',
    kind: 'verdict',
    spec: '§4.7',
    description:
      'Other targetable driver, oligometastatic: consider by extrapolation (after induction if naive, else consolidation now).',
    verdict: 'consider',
    evidence: 'extrapolation',
    citations: ['gomez-2019', 'ni-2019', 'iaslc-2026'],
  },
  {
    id: 'no-driver-oligo',
    kind: 'verdict',
    spec: '§4.8',
    description:
      'No targetable driver, oligometastatic: consider, conflicting phase II evidence, trial preferred (after induction if naive or <3 cycles/2 months).',
    verdict: 'consider',
    evidence: 'phase-2-rct',
    citations: ['gomez-2019', 'iyengar-2018', 'nrg-lu002', 'iaslc-2026'],
  },
  {
    id: 'polymetastatic',
    kind: 'verdict',
    spec: '§4.9',
    description: 'Other targetable or no targetable driver, polymetastatic: not recommended.',
    verdict: 'not-recommended',
    evidence: 'consensus',
    citations: ['dingemans-2019', 'astro-estro-2023', 'iaslc-2026'],
  },
  {
    id: 'ps-poor',
    kind: 'modifier',
    spec: '§5',
    description: 'ECOG ≥3: not recommended.',
    verdict: 'not-recommended',
    citations: ['sabr-comet'],
  },
  {
    id: 'limited-life-expectancy',
    kind: 'modifier',
    spec: '§5',
    description: 'Life expectancy under 6 months: not recommended.',
    verdict: 'not-recommended',
    citations: ['sabr-comet'],
  },
  {
    id: 'ild-cap',
    kind: 'modifier',
    spec: '§5',
    description: 'ILD or IPF: cap at consider.',
    verdict: 'consider',
    citations: ['onishi-ild'],
  },
  {
    id: 'prior-thoracic-rt-cap',
    kind: 'modifier',
    spec: '§5',
    description: 'Previous thoracic RT: cap at consider (re-irradiation needs specialist review).',
    verdict: 'consider',
    citations: ['astro-estro-2023'],
  },
  {
    id: 'ps-borderline',
    kind: 'modifier',
    spec: '§5',
    description: 'ECOG 2: recommended becomes consider.',
    verdict: 'consider',
    citations: ['sabr-comet', 'nrg-lu002'],
  },
] as const satisfies readonly RuleDef[];

export type RuleId = (typeof RULES)[number]['id'];
