// Free-text cases every front end must read and answer alike: the public examples of decision-spec §7 as a
// tumour board types them, plus identifiers, conflicts, hedges and topic-shaped questions about a case.
import { PUBLIC_EXAMPLE_TEXTS } from '../support/public-examples.js';

export const CONTRACT_CASES: readonly string[] = [
  ...PUBLIC_EXAMPLE_TEXTS,
  'Mr John Smith MRN 12345678, EGFR ex19del, 2 bone mets, ECOG 1, PET done',
  'ALK-rearranged adenocarcinoma, single brain met s/p SRS, 2 liver mets, ECOG 1, on alectinib 4 months, PR',
  'KRAS G12C, stage IVB, 4 mets in 2 organs, ECOG 0, ECOG 2, treatment-naive',
  'NSCLC, driver-negative, oligoprogression in the primary only on pembrolizumab, ECOG 1',
  'EGFR L858R, 3 bone mets, ECOG 1, on osimertinib 10 weeks, ILD on CT, central tumour 4 cm',
  'cT2bN2M1c adenocarcinoma, EGFR wt ALK neg, 8 liver mets, KPS 70',
];
