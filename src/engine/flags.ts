// Which flags of decision-spec §5 a case raises. Flags never change the verdict here; the verdict
// modifiers live in decide.ts.
import type { Case } from './case-schema.js';
import type { Decision } from './decide.js';
import type { Derived } from './derive.js';
import type { FlagVariantKey } from './knowledge/flags.js';

const TARGETABLE = new Set(['EGFR', 'ALK', 'ROS1', 'RET', 'MET', 'BRAF', 'NTRK', 'HER2']);
const PALLIATIVE_SYMPTOMS = new Set(['hemoptysis', 'airway-obstruction', 'chest-pain', 'svc-syndrome']);

export interface FlagSelection {
  keys: FlagVariantKey[];
  assumptions: string[];
}

export function selectFlags(c: Case, d: Derived, decision: Decision): FlagSelection {
  const keys: FlagVariantKey[] = [];
  const assumptions: string[] = [];
  const inScope = decision.baseVerdict !== 'not-applicable';

  if (d.ecog !== undefined && d.ecog >= 3) keys.push('ps-poor:default');
  if (c.lifeExpectancyMonths !== undefined && c.lifeExpectancyMonths < 6)
    keys.push('limited-life-expectancy:default');
  if (d.ecog === 2) keys.push('ps-borderline:default');
  if (c.lung?.ild === 'ild') keys.push('ild:ild');
  if (c.lung?.ild === 'ipf') keys.push('ild:ipf');
  if (c.lung?.priorThoracicRt === true) keys.push('prior-thoracic-rt:default');
  if (d.serosal) keys.push('serosal-disease:default');
  if (c.brain === 'untreated-asymptomatic') keys.push('brain-mets-untreated:asymptomatic');
  if (c.brain === 'symptomatic') keys.push('brain-mets-untreated:symptomatic');

  if (inScope) {
    const pet = c.staging?.petCt;
    const mri = c.staging?.brainMri;
    if (pet === 'not-done' || mri === 'not-done') keys.push('staging-incomplete:not-done');
    else if (pet === undefined || mri === undefined) keys.push('staging-incomplete:not-stated');
  }

  const t = c.therapy ?? {};
  const active = t.status !== 'off-treatment';
  const plannedTkiAssumed = t.regimen === undefined && c.driver !== undefined && TARGETABLE.has(c.driver);
  if (active && (t.regimen === 'egfr-tki' || t.regimen === 'other-tki' || plannedTkiAssumed)) {
    keys.push('tki-pneumonitis:default');
    if (plannedTkiAssumed && inScope)
      assumptions.push('systemic therapy not stated: a targeted TKI is assumed for the targetable driver');
  }
  // Driver-negative first-line therapy is almost always checkpoint-inhibitor based, so a naive or unstated
  // regimen is flagged as a planned one, as for TKIs with a targetable driver.
  const plannedIoAssumed =
    t.regimen === undefined &&
    (t.status === undefined || t.status === 'naive') &&
    (c.driver === 'none' || c.driver === 'KRAS');
  if (active && (t.regimen === 'io' || t.regimen === 'chemo-io' || plannedIoAssumed)) {
    keys.push('immunotherapy-pneumonitis:default');
    if (plannedIoAssumed && inScope)
      assumptions.push(
        'systemic therapy not stated: a checkpoint inhibitor is assumed for driver-negative disease',
      );
  }

  if (c.primary?.location === 'central') keys.push('central:default');
  if (c.primary?.location === 'ultracentral' || c.primary?.endobronchial === true)
    keys.push('ultracentral:default');
  if (c.symptoms?.some((s) => PALLIATIVE_SYMPTOMS.has(s))) keys.push('palliative-indication:default');
  if (c.driver === 'EGFR' && (c.egfrVariant === 'exon20ins' || c.egfrVariant === 'uncommon'))
    keys.push('uncommon-egfr:default');
  if (decision.rule === 'egfr-beyond-oligo-organ') keys.push('trial-preferred:egfr-beyond-oligo-organ');
  if (decision.rule === 'no-driver-oligo') keys.push('trial-preferred:no-driver-oligo');

  if (inScope && d.ecog === undefined) {
    keys.push('ps-unknown:default');
    assumptions.push('ecog assumed 0-1');
  }
  if (d.ecogFromKarnofsky) keys.push('ps-converted:default');
  return { keys, assumptions };
}
