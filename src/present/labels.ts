// Human words for the contract's codes, shared by every surface.
import type { EvidenceLevel, Timing, Verdict } from '../engine/index.js';

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
