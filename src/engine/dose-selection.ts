// Offers up to three dose options of the case's setting (decision-spec §6), in the rows' order of preference.
// A row whose condition is false is never offered; one that is unknown only for facts it may assume is offered
// with those assumptions; any other unknown (e.g. the location) is not assumed. At oligoprogression at most two
// options treat the primary, so that SBRT to the progressing sites stays on the list.
import type { CompiledDose, CompiledKnowledge } from './compiled.js';
import { FACT_INDEX, type FactName, type FactVector } from './facts.js';
import type { DoseSetting } from './knowledge/dose-options.js';

const MAX_OPTIONS = 3;
const SETTING = FACT_INDEX.get('setting') as number;
const MAX_PRIMARY_AT_OLIGOPROGRESSION = 2;

export interface OfferedDose {
  dose: CompiledDose;
  assumes: string[];
}

export interface DoseSelection {
  offered: OfferedDose[];
  /** Eligible-in-setting rows that were not offered because their condition failed (for "why not"). */
  ineligible: CompiledDose[];
}

export function selectDoseOptions(k: CompiledKnowledge, f: FactVector): DoseSelection {
  const setting = f[SETTING] as DoseSetting | undefined;
  const offered: OfferedDose[] = [];
  const ineligible: CompiledDose[] = [];
  if (setting === undefined) return { offered, ineligible };
  let primaries = 0;
  const inSetting = k.doseBySetting.get(setting) ?? [];
  let preferred: CompiledDose[] | undefined;
  for (const x of inSetting) {
    if (x.prefer === null || x.prefer(f) !== true) continue;
    if (!preferred) preferred = [];
    preferred.push(x);
  }
  const ordered = preferred ? [...preferred, ...inSetting.filter((x) => !preferred.includes(x))] : inSetting;
  for (const dose of ordered) {
    const assumes = eligibility(dose, f);
    if (assumes === null) {
      ineligible.push(dose);
      continue;
    }
    if (offered.length >= MAX_OPTIONS) continue;
    const primary = dose.row.target === 'primary';
    if (setting === 'oligoprogression' && primary && primaries >= MAX_PRIMARY_AT_OLIGOPROGRESSION) continue;
    if (primary) primaries++;
    offered.push({ dose, assumes });
  }
  return { offered, ineligible };
}

/** The assumptions an eligible row makes, or null when it is not eligible (one pass over the condition). */
function eligibility(dose: CompiledDose, f: FactVector): string[] | null {
  if (BLAMED.length > 0) BLAMED.length = 0;
  const r = dose.blame(f, BLAMED);
  if (r === true) return NONE;
  if (r === false) return null;
  const out: string[] = [];
  for (const fact of BLAMED) {
    const words = dose.row.assumes[fact];
    if (words === undefined) return null;
    if (!out.includes(words)) out.push(words);
  }
  return out;
}

const BLAMED: FactName[] = [];
const NONE: string[] = [];
