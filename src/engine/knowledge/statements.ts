// Statements by topic. Figures come from shared/clinical/evidence*.md facts tagged [V]/[V2]; a statement
// that rests on a weaker source says so in its text. The engine picks statements by id.
import type { Topic } from '../output-schema.js';

export interface StatementDef {
  id: string;
  topic: Topic;
  text: string;
  citations: readonly string[];
}

export const STATEMENTS = [
  // candidacy
  {
    id: 'cand-egfr-oligo',
    topic: 'candidacy',
    text: 'EGFR-mutant (ex19del/L858R) oligometastatic or oligo-organ disease: adding definitive thoracic RT to first-line TKI improved PFS and OS in randomized trials. NROG-002 (≤3 organs, any lesion count): PFS 17.1 vs 10.6 months, OS 34.4 vs 26.2 months. SINDAS: PFS 20.2 vs 12.5, OS 25.5 vs 17.4 months. Peng 2023 (phase II): PFS 17.6 vs 9.0 months. Both phase III trials used first-generation TKIs (icotinib; gefitinib/erlotinib/icotinib); with osimertinib the randomized evidence is NorthStar (phase II, PFS only). The IASLC 2026 consensus, as the consensus is described in the commentary, gives this group its strongest support.',
    citations: ['nrog-002', 'sindas', 'peng-2023', 'northstar', 'iaslc-2026'],
  },
  {
    id: 'cand-egfr-beyond-oligo-organ',
    topic: 'candidacy',
    text: "NROG-002's oligo-organ population ended at 3 metastatic organs (SINDAS allowed ≤5 metastases, ≤2 per organ). Beyond that, support is retrospective (Hsu 2021: benefit in oligo- and polymetastatic disease under TKI disease control) and hypothesis-generating: NorthStar >3 lesions subgroup, PFS 19.7 vs 15.9 months, HR 0.70 (CI 0.50–1.00), from a news report of the abstract. Offer a trial where available.",
    citations: ['nrog-002', 'sindas', 'hsu-2021', 'northstar-subgroups'],
  },
  {
    id: 'cand-other-driver-oligo',
    topic: 'candidacy',
    text: 'ALK, ROS1 and other targetable drivers: no randomized trial of RT to the primary in other-driver disease was found. Support is extrapolated from EGFR data and from Gomez, which allowed EGFR/ALK patients after ≥3 months of TKI. On crizotinib, first progression was in the original sites in 50% (Ni 2019).',
    citations: ['gomez-2019', 'ni-2019'],
  },
  {
    id: 'cand-no-driver-oligo',
    topic: 'candidacy',
    text: 'No targetable driver: randomized evidence conflicts. Chemotherapy era: Gomez (PFS 14.2 vs 4.4 months, OS 41.2 vs 17.0) and Iyengar (PFS 9.7 vs 3.5 months) were positive. Immunotherapy era: NRG-LU002 was negative (PFS HR 0.93, news reports), with case-by-case use advised. The IASLC 2026 consensus, as the consensus is described in the commentary, is conservative here.',
    citations: ['gomez-2019', 'iyengar-2018', 'nrg-lu002', 'iaslc-2026'],
  },
  {
    id: 'cand-egfr-oligo-organ',
    topic: 'candidacy',
    text: 'More than 5 lesions in ≤3 organs is oligo-organ, not oligometastatic: NROG-002 enrolled ≤3 organs whatever the lesion count and treated the primary and involved nodes (60 Gy / 30), not every metastasis.',
    citations: ['nrog-002'],
  },
  {
    id: 'cand-serosal',
    topic: 'candidacy',
    text: 'Serosal disease (malignant effusion, leptomeningeal) is outside the oligometastatic definition: ASTRO/ESTRO 2023 limits definitive local therapy to disease treatable at every site.',
    citations: ['astro-estro-2023'],
  },
  {
    id: 'cand-oligoprogression',
    topic: 'candidacy',
    text: 'Oligoprogression (≤5 progressing sites, the rest controlled): SBRT to the progressing sites with continued systemic therapy improved PFS in NSCLC in CURB (10.0 vs 2.2 months, HR 0.41; news reports of the Lancet paper). The benefit of treating the primary itself has not been isolated.',
    citations: ['curb', 'opd-review'],
  },
  {
    id: 'cand-oligoprogression-primary-progressing',
    topic: 'candidacy',
    text: 'The primary is among the progressing sites, so it is a target of the SBRT to progressing sites.',
    citations: ['curb'],
  },
  {
    id: 'cand-oligoprogression-primary-controlled',
    topic: 'candidacy',
    text: 'The primary is not among the progressing sites; RT to the controlled primary is not what CURB tested.',
    citations: ['curb'],
  },
  {
    id: 'cand-oligoprogression-primary-unknown',
    topic: 'candidacy',
    text: 'Whether the primary is progressing was not stated; it decides whether the primary is a target now.',
    citations: ['curb'],
  },
  {
    id: 'cand-polyprogression',
    topic: 'candidacy',
    text: 'Progression at multiple sites on current therapy is outside every trial of local consolidation (definitive local therapy is for ≤5 sites, all treatable); change systemic therapy rather than add definitive thoracic RT.',
    citations: ['astro-estro-2023'],
  },
  {
    id: 'cand-polymetastatic',
    topic: 'candidacy',
    text: 'Polymetastatic disease is outside the oligometastatic definitions (EORTC: ≤5 metastases in ≤3 organs, mediastinal nodes not counted; ASTRO/ESTRO: ≤5 sites, all treatable with radical intent). Without EGFR, definitive thoracic RT is not recommended.',
    citations: ['dingemans-2019', 'astro-estro-2023'],
  },
  {
    id: 'cand-ps-poor',
    topic: 'candidacy',
    text: 'ECOG 3–4 is outside the trials of local consolidation (SABR-COMET required ECOG 0–1 and life expectancy ≥6 months); definitive thoracic RT is not recommended.',
    citations: ['sabr-comet'],
  },
  {
    id: 'cand-limited-life-expectancy',
    topic: 'candidacy',
    text: 'A life expectancy under 6 months is outside the trials of local consolidation (SABR-COMET required ≥6 months); definitive thoracic RT is not recommended.',
    citations: ['sabr-comet'],
  },
  {
    id: 'cand-out-of-scope',
    topic: 'candidacy',
    text: 'The 2026 IASLC consensus, as the consensus is described in the commentary, addresses definitive RT to the primary in stage IV NSCLC only; stage I–III disease, small-cell lung cancer and lung metastases from non-lung primaries follow their own guidelines.',
    citations: ['iaslc-2026'],
  },
  {
    id: 'cand-insufficient',
    topic: 'candidacy',
    text: 'The answer differs by stage, driver, metastatic burden and progression pattern (EORTC definition of oligometastatic disease); it depends on the missing facts (see what-if).',
    citations: ['dingemans-2019'],
  },
  {
    id: 'cand-biology',
    topic: 'candidacy',
    text: 'Rationale, not proof: TRACERx found metastases diverging early in 25% and seeding subclones selected in the primary, in resected stage I–III patients; it did not test irradiating a primary in stage IV.',
    citations: ['tracerx'],
  },
  {
    id: 'cand-sindas-integrity',
    topic: 'candidacy',
    text: 'SINDAS is listed with an expression of concern (reason not found); it is cited here only alongside NROG-002.',
    citations: ['sindas', 'nrog-002'],
  },
  // timing
  {
    id: 'timing-egfr-consolidation',
    topic: 'timing',
    text: 'Consolidation now: NorthStar randomized non-progressing patients after 6–12 weeks of osimertinib to local consolidative therapy (PFS benefit; OS not reported), and Peng 2023 after 3 months of TKI with SD or PR.',
    citations: ['northstar', 'peng-2023'],
  },
  {
    id: 'timing-egfr-after-induction',
    topic: 'timing',
    text: "After induction: start the TKI and give thoracic RT as early consolidation once response is confirmed after 6–12 weeks (NorthStar's design); the consensus, as the consensus is described in the commentary, leans to early consolidation after induction, and it shortens the TKI–RT overlap (>20 days) that Jia 2021 names as a pneumonitis risk.",
    citations: ['northstar', 'iaslc-2026', 'jia-2021'],
  },
  {
    id: 'timing-egfr-upfront-alternative',
    topic: 'timing',
    text: 'Upfront is the other evidence-based option: NROG-002 (concurrent with icotinib) and SINDAS (RT to all sites) started thoracic RT with the first-line TKI.',
    citations: ['nrog-002', 'sindas'],
  },
  {
    id: 'timing-egfr-beyond-after-induction',
    topic: 'timing',
    text: 'Start the TKI, restage after 6–12 weeks and consider local consolidation if there is no progression (the NorthStar design).',
    citations: ['northstar'],
  },
  {
    id: 'timing-other-driver-after-induction',
    topic: 'timing',
    text: 'Start the targeted therapy, restage and consider consolidative RT without progression after ≥3 months of TKI, as Gomez allowed (NorthStar restaged EGFR patients after 6–12 weeks).',
    citations: ['northstar', 'gomez-2019'],
  },
  {
    id: 'timing-other-driver-consolidation',
    topic: 'timing',
    text: 'On targeted therapy for ≥3 months without progression: consolidative RT now, as Gomez allowed (≥3 months of TKI).',
    citations: ['gomez-2019'],
  },
  {
    id: 'timing-no-driver-after-induction',
    topic: 'timing',
    text: 'Start systemic therapy first and consider consolidation after 4 or more cycles (or 3 months) without progression, as the trials did (Gomez: ≥4 cycles of platinum doublet; NRG-LU002: ≥4 cycles); a retrospective series found local therapy more effective as consolidation after pembrolizumab than upfront.',
    citations: ['gomez-2016', 'nrg-lu002', 'korean-pembro-lat'],
  },
  {
    id: 'timing-no-driver-consolidation',
    topic: 'timing',
    text: 'Induction of 4 or more cycles (or 3 months) completed without progression: consolidative RT now, as in the Gomez and NRG-LU002 designs (≥4 cycles before randomization).',
    citations: ['gomez-2016', 'nrg-lu002'],
  },
  {
    id: 'timing-oligoprogression',
    topic: 'timing',
    text: 'At oligoprogression: SBRT to the progressing sites while continuing the current systemic therapy (CURB: time on the current therapy 8.1 vs 5.3 months).',
    citations: ['curb'],
  },
  // dose
  {
    id: 'dose-location',
    topic: 'dose',
    text: 'Fractionation follows location to limit cardiopulmonary toxicity; higher thoracic doses may improve outcomes, as the consensus is described in the commentary, but escalation beyond 60 Gy in 2 Gy fractions is not supported (RTOG 0617: OS 28.7 vs 20.3 months for 60 vs 74 Gy).',
    citations: ['iaslc-2026', 'rtog-0617'],
  },
  {
    id: 'dose-sindas-bed',
    topic: 'dose',
    text: 'SINDAS used 25–40 Gy in 5 fractions (BED10 37.5–72 Gy, below the SBRT convention of BED10 ≥100 Gy) and NROG-002 60 Gy in 30 fractions (BED10 72 Gy); no randomized dose comparison exists for the primary in stage IV.',
    citations: ['sindas', 'nrog-002', 'sbrt-bed'],
  },
  {
    id: 'dose-central',
    topic: 'dose',
    text: 'Central primary ≤5 cm, node-negative: 50–60 Gy in 5 fractions (RTOG 0813: T1–2 N0; maximum tolerated dose 12 Gy × 5, DLT probability 7.2%) or 50 Gy in 4 (Chang 2014); 70 Gy in 10 fractions when those constraints cannot be met (Chang 2014).',
    citations: ['rtog-0813', 'chang-2014'],
  },
  {
    id: 'dose-ultracentral',
    topic: 'dose',
    text: 'Ultracentral primary: 60 Gy in 8 fractions (SUNSET: T1–3 N0 ≤6 cm, endobronchial invasion excluded; grade 3–5 toxicity 6.7%, one grade 5 pneumonia in a patient with ILD) or 60 Gy in 30. Never 7 Gy × 8 to the 67% isodose within 1 cm of the main bronchi or trachea (HILUS: 15% treatment-related deaths, mostly haemorrhage).',
    citations: ['sunset', 'hilus'],
  },
  {
    id: 'dose-palliative',
    topic: 'dose',
    text: 'Palliative thoracic RT: 30 Gy in 10 fractions or more gives modest survival and symptom gains in good performance status, with more oesophageal toxicity; 20 Gy/5, 17 Gy/2 weekly or 10 Gy/1 for poor performance status or a short course.',
    citations: ['rodrigues-2011', 'moeller-2018'],
  },
  {
    id: 'dose-oligoprogression',
    topic: 'dose',
    text: 'Oligoprogression trials mostly used SBRT such as 19–20 Gy/1, 27–33 Gy/3 or 35–50 Gy/5, with few grade ≥3 toxicities.',
    citations: ['opd-review'],
  },
  {
    id: 'dose-reirradiation',
    topic: 'dose',
    text: 'Previous thoracic RT: no standard schedule is offered; the re-irradiation dose depends on the prior plan and needs specialist review in the board (no re-irradiation evidence was collected for this knowledge base).',
    citations: ['astro-estro-2023'],
  },
  {
    id: 'dose-conventional-oar',
    topic: 'safety',
    text: '60 Gy in 30 fractions to a central or nodal volume: grade ≥3 oesophagitis 5.0% at 60 Gy vs 17.4% at 74 Gy (RTOG 0617); radiation oesophagitis 6.8% vs 0% in NROG-002 (news report). Heart (QUANTEC): pericarditis mean dose <26 Gy, V25 <10%.',
    citations: ['rtog-0617', 'nrog-002', 'quantec-lung'],
  },
  // target volume
  {
    id: 'tv-egfr',
    topic: 'target-volume',
    text: 'The positive EGFR trials treated the primary and involved regional nodes (NROG-002; SINDAS also treated every metastasis). Whether to include involved mediastinal nodes is unsettled, as the consensus is described in the commentary.',
    citations: ['nrog-002', 'sindas', 'iaslc-2026'],
  },
  {
    id: 'tv-all-sites',
    topic: 'target-volume',
    text: 'Treat all sites when feasible, the oligometastatic principle (ASTRO/ESTRO 2023). In EGFR-mutant disease, local therapy to all sites gave longer OS than to some or none (40.9 vs 34.1 vs 30.8 months, Xu 2018, retrospective).',
    citations: ['astro-estro-2023', 'xu-2018'],
  },
  {
    id: 'tv-mediastinal-unsettled',
    topic: 'target-volume',
    text: 'Inclusion of involved mediastinal nodes in the target volume is unsettled, as the consensus is described in the commentary.',
    citations: ['iaslc-2026'],
  },
  {
    id: 'tv-progressing-sites',
    topic: 'target-volume',
    text: 'Target every progressing site (CURB treated all progressive lesions); controlled sites stay on systemic therapy.',
    citations: ['curb'],
  },
  // safety
  {
    id: 'safety-additive',
    topic: 'safety',
    text: 'Toxicity with systemic therapy appears additive rather than synergistic, as the consensus is described in the commentary; pneumonitis is the main shared risk. For conventional fractionation keep lung V20 ≤30% (QUANTEC: symptomatic pneumonitis <20%); mean lung dose 20 Gy ≈ 20% risk. QUANTEC may predict poorly after SBRT.',
    citations: ['iaslc-2026', 'quantec-lung'],
  },
  {
    id: 'safety-tki',
    topic: 'safety',
    text: "With EGFR-TKIs: grade ≥2 radiation pneumonitis 44.8% with first-generation TKIs (risks: icotinib, ipsilateral V30 >34%, TKI–RT overlap >20 days), and 7/11 (63.6%) with osimertinib in the same group's series; clinical pneumonitis 29%/48%/28% and grade ≥3 14%/28%/12% with 1st/2nd/3rd-generation TKIs, 38% after conventional RT vs 10% after SBRT (retrospective).",
    citations: ['jia-2021', 'mu-2023'],
  },
  {
    id: 'safety-io',
    topic: 'safety',
    text: 'With immune checkpoint inhibitors: pooled all-grade pneumonitis 36%, grade ≥3 3% (Asian 51% vs non-Asian 26%; conventional RT 37% vs SBRT 26%). PACIFIC: any grade 33.9% vs 24.8%. With durvalumab, risk rises from V20 ≥25% and mean lung dose ≥10 Gy.',
    citations: ['io-rt-meta-2025', 'pacific', 'durvalumab-dvh'],
  },
  {
    id: 'safety-ild',
    topic: 'safety',
    text: 'Interstitial lung disease or IPF: no SBRT of 8 fractions or fewer is offered by default; fatal radiation pneumonitis after SBRT exceeded 5% with interstitial changes, highest in IPF (the grade 5 event in SUNSET had background ILD). Any thoracic RT needs specialist planning.',
    citations: ['onishi-ild', 'sunset'],
  },
  {
    id: 'safety-egfr-trial-toxicity',
    topic: 'safety',
    text: 'In NROG-002, grade ≥3 treatment-related adverse events were 11.9% with RT vs 5.1% without; SINDAS reported symptomatic grade 3–4 pneumonitis in 6% and no grade 5.',
    citations: ['nrog-002', 'sindas'],
  },
  {
    id: 'safety-no-driver-trial-toxicity',
    topic: 'safety',
    text: 'Local consolidation added toxicity in the randomized trials: grade ≥3 20% vs 8% in Gomez; higher adverse events in NRG-LU002, including 10% grade 3 pneumonitis (news report).',
    citations: ['gomez-2016', 'nrg-lu002'],
  },
  // selection
  {
    id: 'selection-mdt',
    topic: 'selection',
    text: 'Performance status, disease burden, tumour location, planned systemic therapy and toxicity risk govern the decision; discuss every case in the multidisciplinary tumour board (ASTRO/ESTRO 2023, strong recommendation).',
    citations: ['astro-estro-2023'],
  },
  {
    id: 'selection-staging',
    topic: 'selection',
    text: 'Before calling disease oligometastatic: FDG-PET-CT and brain imaging are mandatory (EORTC), with biopsy of a solitary metastasis unless the board judges the risk too high.',
    citations: ['dingemans-2019'],
  },
] as const satisfies readonly StatementDef[];

export type StatementId = (typeof STATEMENTS)[number]['id'];
