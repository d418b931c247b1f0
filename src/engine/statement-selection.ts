// Picks the statements that explain a decision, topic by topic (decision-spec §6).
import type { Case } from './case-schema.js';
import type { Decision } from './decide.js';
import type { FlagVariantKey } from './knowledge/flags.js';
import type { StatementId } from './knowledge/statements.js';

const CANDIDACY: Partial<Record<Decision['rule'], StatementId>> = {
  scope: 'cand-out-of-scope',
  'critical-facts': 'cand-insufficient',
  polyprogression: 'cand-polyprogression',
  oligoprogression: 'cand-oligoprogression',
  'egfr-oligo': 'cand-egfr-oligo',
  'egfr-beyond-oligo-organ': 'cand-egfr-beyond-oligo-organ',
  'other-driver-oligo': 'cand-other-driver-oligo',
  'no-driver-oligo': 'cand-no-driver-oligo',
  polymetastatic: 'cand-polymetastatic',
};

export function selectStatements(c: Case, decision: Decision, flags: FlagVariantKey[]): StatementId[] {
  const ids: StatementId[] = [];
  const codes = new Set(flags.map(flagCode));
  const has = codes.has.bind(codes);
  if (decision.applied.includes('ps-poor')) ids.push('cand-ps-poor');
  if (decision.applied.includes('limited-life-expectancy')) ids.push('cand-limited-life-expectancy');
  const candidacy = CANDIDACY[decision.rule];
  if (candidacy) ids.push(candidacy);
  if (decision.rule === 'scope') return ids;

  if (decision.rule === 'oligoprogression') {
    const p = c.progression?.primaryProgressing;
    ids.push(
      p === true
        ? 'cand-oligoprogression-primary-progressing'
        : p === false
          ? 'cand-oligoprogression-primary-controlled'
          : 'cand-oligoprogression-primary-unknown',
    );
  }

  const definitive = decision.verdict === 'recommended' || decision.verdict === 'consider';
  if (definitive) {
    const egfr = decision.rule === 'egfr-oligo' || decision.rule === 'egfr-beyond-oligo-organ';
    if (decision.rule !== 'oligoprogression') ids.push('cand-biology');
    if (decision.rule === 'egfr-oligo') ids.push('cand-sindas-integrity');
    ids.push(...timingStatements(decision));
    if (decision.rule === 'oligoprogression') {
      ids.push('dose-oligoprogression', 'tv-progressing-sites');
    } else {
      ids.push('dose-location');
      if (egfr) ids.push('dose-sindas-bed');
      if (has('central')) ids.push('dose-central');
      if (has('ultracentral')) ids.push('dose-ultracentral');
      ids.push(
        ...(egfr
          ? (['tv-egfr', 'tv-all-sites'] as const)
          : (['tv-all-sites', 'tv-mediastinal-unsettled'] as const)),
      );
    }
    ids.push('safety-additive');
    if (egfr) ids.push('safety-egfr-trial-toxicity');
    if (decision.rule === 'no-driver-oligo') ids.push('safety-no-driver-trial-toxicity');
  }
  if (has('tki-pneumonitis') && definitive) ids.push('safety-tki');
  if (has('immunotherapy-pneumonitis') && definitive) ids.push('safety-io');
  if (has('ild')) ids.push('safety-ild');
  if (has('palliative-indication')) ids.push('dose-palliative');
  ids.push('selection-mdt');
  if (has('staging-incomplete') && decision.verdict !== 'not-recommended') ids.push('selection-staging');
  return [...new Set(ids)];
}

function flagCode(key: FlagVariantKey): string {
  return key.slice(0, key.indexOf(':'));
}

function timingStatements(decision: Decision): StatementId[] {
  switch (decision.rule) {
    case 'egfr-oligo':
      return [decision.timing === 'upfront' ? 'timing-egfr-upfront' : 'timing-egfr-consolidation'];
    case 'egfr-beyond-oligo-organ':
      return [
        decision.timing === 'after-induction' ? 'timing-egfr-after-induction' : 'timing-egfr-consolidation',
      ];
    case 'other-driver-oligo':
      return [
        decision.timing === 'after-induction'
          ? 'timing-other-driver-after-induction'
          : 'timing-other-driver-consolidation',
      ];
    case 'no-driver-oligo':
      return [
        decision.timing === 'after-induction'
          ? 'timing-no-driver-after-induction'
          : 'timing-no-driver-consolidation',
      ];
    case 'oligoprogression':
      return ['timing-oligoprogression'];
    default:
      return [];
  }
}
