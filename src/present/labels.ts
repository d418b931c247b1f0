// Human words for the contract's codes, shared by every surface.
import {
  type EvidenceLevel,
  MISSING_QUESTIONS,
  type Timing,
  type Topic,
  type Verdict,
} from '../engine/index.js';

export const VERDICT_LABEL: Record<Verdict, string> = {
  recommended: 'Recommended',
  consider: 'Consider',
  'not-recommended': 'Not recommended',
  'insufficient-information': 'Insufficient information',
  'not-applicable': 'Not applicable',
};

export const TIMING_LABEL: Record<Timing, string> = {
  upfront: 'upfront, with first-line systemic therapy',
  'after-induction': 'after induction systemic therapy, if no progression',
  'now-as-consolidation': 'now, as consolidation',
  'at-oligoprogression': 'at oligoprogression, to the progressing sites',
  none: 'none',
};

export const EVIDENCE_LABEL: Record<EvidenceLevel, string> = {
  'phase-3-rct': 'phase III randomized trials',
  'phase-2-rct': 'phase II randomized trials',
  retrospective: 'retrospective studies',
  extrapolation: 'extrapolation from other populations',
  consensus: 'consensus and trial eligibility',
};

export const DISCLAIMER =
  'Decision support for clinicians, not a directive: check the sources and decide in the multidisciplinary tumour board.';

/** The disclaimer in a compact card's footer; Details carries the full DISCLAIMER. */
export const CARD_DISCLAIMER =
  'Decision support, not a directive: check the sources; the tumour board decides.';

export const TOPIC_LABEL: Record<Topic, string> = {
  candidacy: 'Candidacy',
  timing: 'Timing',
  dose: 'Dose and fractionation',
  'target-volume': 'Target volume',
  safety: 'Safety',
  selection: 'Patient selection',
};

/** The critical facts an answer can miss, as a question a clinician can answer (the engine's fact catalogue). */
export const MISSING_LABEL: Readonly<Record<string, string>> = MISSING_QUESTIONS;

/** Identifier kinds removed by the guard, in words (never the identifiers themselves). */
export const IDENTIFIER_LABEL: Readonly<Record<string, string>> = {
  name: 'names',
  mrn: 'record or account numbers',
  date: 'dates',
  phone: 'phone numbers',
  email: 'email addresses',
  ssn: 'social security numbers',
  address: 'addresses',
  'age-over-89': 'ages over 89',
  url: 'web addresses',
  ip: 'IP addresses',
  zip: 'ZIP codes',
};

/** A label from one of the tables above, or undefined: own keys only ("toString" is not a label). */
export function labelIn(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
