// The citation catalogue. Built only from facts tagged [V] or [V2] in shared/clinical/evidence.md and
// evidence-2.md; every identifier below was read there. An entry without a PMID or DOI carries the URL
// where the facts were read. Nothing here may be added from memory.
import type { Citation } from '../output-schema.js';

export const CITATIONS: readonly Citation[] = [
  {
    id: 'iaslc-2026',
    label: 'IASLC consensus on definitive RT to the primary tumour in stage IV NSCLC. J Thorac Oncol 2026',
    url: 'https://www.sciencedirect.com/science/article/pii/S1556086426000961',
    note: 'Paper not read: positions as described by the commentary the product was created from; statement wording, grades and agreement pending transcription.',
  },
  {
    id: 'nrog-002',
    label: 'Sun H et al. J Clin Oncol 2024 (NROG-002, phase III)',
    title:
      'Thoracic radiotherapy improves the survival in patients with EGFR-mutated oligo-organ metastatic NSCLC treated with EGFR-TKIs',
    pmid: '39374473',
    url: 'https://medluna.com/article/39374473',
  },
  {
    id: 'sindas',
    label: 'Wang XS et al. J Natl Cancer Inst 2023;115(6):742-748 (SINDAS)',
    title:
      'Randomized trial of first-line tyrosine kinase inhibitor with or without radiotherapy for synchronous oligometastatic EGFR-mutated NSCLC',
    pmid: '35094066',
    doi: '10.1093/jnci/djac015',
    note: 'Listed as a publication with an expression of concern (reason not found); never cited alone.',
  },
  {
    id: 'peng-2023',
    label: 'Peng P et al. Radiother Oncol 2023 (randomized phase II, EGFR-TKI ± SBRT)',
    title:
      'EGFR-TKIs plus SBRT for stage IV NSCLC: a prospective, multicenter, randomized, controlled phase II study',
    doi: '10.1016/j.radonc.2023.109681',
  },
  {
    id: 'northstar',
    label: 'Elamin Y et al. ESMO 2025 LBA72 (NorthStar, randomized phase II; full paper not published)',
    url: 'https://ascopost.com/news/october-2025/local-consolidative-therapy-enhances-outcomes-with-osimertinib-in-egfr-mutant-nsclc',
    note: 'Reported from news summaries; two sources give different PFS figures.',
  },
  {
    id: 'northstar-subgroups',
    label: 'NorthStar subgroup results (ESMO 2025 LBA72), as reported by CancerNetwork/OncLive',
    url: 'https://www.cancernetwork.com/view/local-consolidative-therapy-plus-osimertinib-yields-pfs-benefit-in-metastatic-egfr-mutant-nsclc',
    note: 'News report; the subgroup figures (ex19del, L858R, ≤3 and >3 metastases) were read on this page only.',
  },
  {
    id: 'xu-2018',
    label: 'Xu Q et al. J Thorac Oncol 2018;13(9):1383-1392 (retrospective)',
    doi: '10.1016/j.jtho.2018.05.019',
  },
  {
    id: 'hsu-2021',
    label: 'Hsu KH et al. OncoTargets Ther 2021;14:2139-2148 (retrospective)',
    doi: '10.2147/OTT.S300267',
  },
  {
    id: 'qin-2022',
    label: 'Qin H et al. BMC Cancer 2022;22:1012 (retrospective)',
    url: 'https://bmccancer.biomedcentral.com/articles/10.1186/s12885-022-10095-4',
  },
  {
    id: 'gomez-2016',
    label: 'Gomez DR et al. Lancet Oncol 2016;17(12):1672-1682 (randomized phase II)',
    pmid: '27789196',
    doi: '10.1016/S1470-2045(16)30532-0',
  },
  {
    id: 'gomez-2019',
    label: 'Gomez DR et al. J Clin Oncol 2019;37(18):1558-1565 (long-term results)',
    pmid: '31067138',
    doi: '10.1200/JCO.19.00201',
  },
  {
    id: 'iyengar-2018',
    label: 'Iyengar P et al. JAMA Oncol 2018;4(1):e173501 (randomized phase II)',
    pmid: '28973074',
    doi: '10.1001/jamaoncol.2017.3501',
  },
  {
    id: 'nrg-lu002',
    label: 'Iyengar P et al. ASCO 2024 abstract 8506 (NRG-LU002, randomized phase II; full paper not found)',
    url: 'https://ace.asco.org/content/452924/abstract/232878',
    note: 'Results read in news reports of the abstract.',
  },
  {
    id: 'korean-pembro-lat',
    label:
      'Pembrolizumab ± local ablative therapy in synchronous oligometastatic NSCLC (Korean retrospective cohort)',
    pmid: '38797499',
  },
  {
    id: 'curb',
    label: 'Tsai CJ et al. Lancet 2023, online 14 Dec (CURB, randomized phase II)',
    url: 'https://www.esmo.org/oncology-news/oligoprogression-in-metastatic-nsclc-could-be-effectively-treated-with-sbrt-plus-standard-of-care-leading-to-increase-in-pfs-compared-with-standard-of-care-only',
    note: 'DOI and PMID not found; figures from news reports of the Lancet paper.',
  },
  {
    id: 'opd-review',
    label: 'Systematic review of prospective oligoprogression trials (8 trials, 290 patients)',
    pmid: '35973624',
  },
  {
    id: 'astro-estro-2023',
    label:
      'Iyengar P et al. Pract Radiat Oncol 2023;13(5):393-412 (ASTRO/ESTRO oligometastatic NSCLC guideline)',
    pmid: '37294262',
  },
  {
    id: 'dingemans-2019',
    label:
      'Dingemans AMC et al. J Thorac Oncol 2019;14(12):2109-2119 (EORTC synchronous oligometastatic NSCLC)',
    doi: '10.1016/j.jtho.2019.07.025',
  },
  {
    id: 'sabr-comet',
    label: 'Palma DA et al. Lancet 2019;393(10185):2051-2058 (SABR-COMET)',
    pmid: '30982687',
    doi: '10.1016/S0140-6736(18)32487-5',
  },
  {
    id: 'ma-2010',
    label: 'Ma C et al. Eur J Cancer 2010;46(18):3175-3183 (KPS/ECOG interconversion)',
    pmid: '20674334',
    doi: '10.1016/j.ejca.2010.06.126',
  },
  {
    id: 'prasad-2018',
    label: 'Prasad KT et al. World J Clin Oncol 2018;9(7):140-147 (KPS/ECOG in lung cancer)',
    pmid: '30425939',
    doi: '10.5306/wjco.v9.i7.140',
  },
  {
    id: 'rodrigues-2011',
    label: 'Rodrigues G et al. Pract Radiat Oncol 2011;1(2):60-71 (ASTRO palliative thoracic RT guideline)',
    doi: '10.1016/j.prro.2011.01.005',
  },
  {
    id: 'moeller-2018',
    label: 'Moeller B et al. Pract Radiat Oncol 2018 (ASTRO palliative thoracic RT, 2018 update)',
    doi: '10.1016/j.prro.2018.02.009',
  },
  {
    id: 'rtog-0813',
    label: 'Bezjak A et al. J Clin Oncol 2019;37(15):1316-1325 (NRG/RTOG 0813)',
    pmid: '30943123',
    doi: '10.1200/JCO.18.00622',
  },
  {
    id: 'rtog-0617',
    label: 'Bradley JD et al. J Clin Oncol 2020 (RTOG 0617, 60 vs 74 Gy)',
    doi: '10.1200/JCO.19.01162',
  },
  {
    id: 'hilus',
    label: 'Lindberg K et al. J Thorac Oncol 2021 (HILUS)',
    pmid: '33823286',
    doi: '10.1016/j.jtho.2021.03.019',
  },
  {
    id: 'sunset',
    label: 'Giuliani ME et al. Int J Radiat Oncol Biol Phys 2024;120(3):669-677 (SUNSET)',
    doi: '10.1016/j.ijrobp.2024.03.050',
  },
  {
    id: 'lenglet-2019',
    label: 'Lenglet A et al. Radiother Oncol 2019;134:178-184 (risk-adapted SABR, central and ultracentral)',
    url: 'https://c.coek.info/pdf-risk-adapted-stereotactic-ablative-radiotherapy-for-central-and-ultra-central-lu.html',
  },
  {
    id: 'chang-2014',
    label: 'Chang JY et al. Int J Radiat Oncol Biol Phys 2014 ("no fly zone", central SABR)',
    url: 'https://studylib.net/doc/18246788/',
  },
  {
    id: 'sbrt-bed',
    label: 'SBRT BED10 > 100 Gy convention (Transl Lung Cancer Res review)',
    url: 'https://tlcr.amegroups.org/article/view/25009/html',
  },
  {
    id: 'jia-2021',
    label: 'Jia W et al. Radiat Oncol 2021;16:41 (EGFR-TKI + thoracic RT pneumonitis)',
    doi: '10.1186/s13014-021-01765-x',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7903606',
  },
  {
    id: 'mu-2023',
    label: 'Mu F et al. Cancer Manag Res 2023;15:351-362 (TKI generation and RT pneumonitis)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC10106805',
  },
  {
    id: 'io-rt-meta-2025',
    label: 'Meta-analysis of pneumonitis with immunotherapy and thoracic RT. Front Oncol 2025',
    pmid: '40313247',
  },
  {
    id: 'pacific',
    label: 'PACIFIC pneumonitis data (durvalumab after chemoradiotherapy, stage III), secondary report',
    doi: '10.1007/s10637-020-00917-2',
  },
  {
    id: 'durvalumab-dvh',
    label: 'Real-world chemoradiotherapy ± durvalumab: lung dose and symptomatic pneumonitis (Japan, n=302)',
    pmid: '34543942',
  },
  {
    id: 'quantec-lung',
    label:
      'Marks LB et al. Int J Radiat Oncol Biol Phys 2010;76(3 Suppl) (QUANTEC: lung review S70-S76; Table 1 S10-S19 with the heart limits)',
    pmid: '20171521',
    doi: '10.1016/j.ijrobp.2009.06.091',
  },
  {
    id: 'onishi-ild',
    label: 'Onishi H. Review: SBRT and interstitial lung disease (Ther Radiol Oncol)',
    url: 'https://tro.amegroups.org/article/view/5009/html',
  },
  {
    id: 'tracerx',
    label: 'Al Bakir M et al. Nature 2023;616(7957):534-542 (TRACERx metastases)',
    doi: '10.1038/s41586-023-05729-x',
  },
  {
    id: 'ni-2019',
    label: 'Ni J et al. Radiat Oncol 2019;14:44 (failure pattern on crizotinib)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6417092',
  },
];
