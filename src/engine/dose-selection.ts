// Chooses two or three dose options by location, size, nodes and setting (decision-spec §6); never a
// single directive, never 7 Gy × 8 for an ultracentral primary, never 60 Gy / 8 with endobronchial invasion.
import type { Case } from './case-schema.js';
import type { Decision } from './decide.js';
import type { Derived } from './derive.js';
import type { DoseOptionId } from './knowledge/dose-options.js';

const MAX_OPTIONS = 3;

export interface DoseSelection {
  ids: DoseOptionId[];
  assumptions: string[];
}

export function selectDoseOptions(c: Case, d: Derived, decision: Decision): DoseSelection {
  const assumptions: string[] = [];
  const palliative = c.symptoms?.some((s) =>
    ['hemoptysis', 'airway-obstruction', 'chest-pain', 'svc-syndrome'].includes(s),
  );

  if (decision.verdict === 'not-recommended') {
    if (!palliative) return { ids: [], assumptions };
    const fit =
      (d.ecog === undefined || d.ecog <= 2) &&
      (c.lifeExpectancyMonths === undefined || c.lifeExpectancyMonths >= 6);
    return { ids: fit ? ['pal-30-10', 'pal-20-5'] : ['pal-20-5', 'pal-17-2', 'pal-10-1'], assumptions };
  }
  if (decision.verdict !== 'recommended' && decision.verdict !== 'consider') return { ids: [], assumptions };

  if (decision.rule === 'oligoprogression') {
    if (c.progression?.primaryProgressing === true) {
      const primary = primaryOptions(c, d, assumptions).slice(0, 2);
      return { ids: unique<DoseOptionId>([...primary, 'opd-sbrt-5']).slice(0, MAX_OPTIONS), assumptions };
    }
    return { ids: ['opd-sbrt-5', 'opd-sbrt-3'], assumptions };
  }
  return { ids: primaryOptions(c, d, assumptions).slice(0, MAX_OPTIONS), assumptions };
}

function primaryOptions(c: Case, d: Derived, assumptions: string[]): DoseOptionId[] {
  const egfr = d.driverGroup === 'egfr-common';
  const n = c.stage?.n?.toUpperCase();
  const nodePositive = n === undefined || n === 'NX' ? undefined : n !== 'N0';
  const size = c.primary?.sizeCm;
  const location = c.primary?.location;

  if (location === 'ultracentral' || c.primary?.endobronchial === true) {
    if (c.primary?.endobronchial === true) return ['hypo-60-15', 'conv-60-30'];
    return ['ultracentral-60-8', 'hypo-60-15', 'conv-60-30'];
  }
  if (location === 'central') {
    if (egfr || nodePositive === true) return ['conv-60-30', 'sbrt-50-5', 'central-70-10'];
    return ['sbrt-50-5', 'central-60-8', 'central-70-10'];
  }
  if (location === 'peripheral') {
    if (nodePositive === true || (size !== undefined && size > 5)) {
      return egfr ? ['conv-60-30', 'sbrt-25-40-5'] : ['conv-60-30', 'hypo-60-15'];
    }
    if (nodePositive === undefined)
      assumptions.push('nodal stage not stated: SBRT options assume node-negative');
    if (size === undefined) assumptions.push('primary size not stated: SBRT options assume ≤5 cm');
    return egfr ? ['sbrt-54-3', 'sbrt-50-5', 'sbrt-25-40-5'] : ['sbrt-54-3', 'sbrt-48-4', 'sbrt-50-5'];
  }
  assumptions.push(
    'primary location not stated: options span conventional and SBRT; fractionation must follow location',
  );
  return egfr ? ['conv-60-30', 'sbrt-25-40-5', 'sbrt-50-5'] : ['conv-60-30', 'sbrt-50-5'];
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
