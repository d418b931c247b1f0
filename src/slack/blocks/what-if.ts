// One-click what-ifs: a missing critical fact, or a fact that flips the verdict (driver, ECOG, burden,
// progression), set to one plausible value. Pure: the listener applies the patch and answers the case again
// through src/consult. A what-if never proposes a value the case rules out (a gene reported negative, a driver
// already stated, a burden the lesion counts already decide).
import type { Case, Output } from '../../engine/index.js';

export const WHAT_IF_KEYS = [
  'driver-egfr',
  'driver-alk',
  'driver-none',
  'stage-iv',
  'burden-oligo',
  'burden-poly',
  'progression-oligo',
  'progression-poly',
  'ecog-1',
  'ecog-2',
] as const;
export type WhatIfKey = (typeof WHAT_IF_KEYS)[number];

export interface WhatIfChoice {
  key: WhatIfKey;
  /** Button text: "What if EGFR ex19del?" */
  label: string;
}

const LABEL: Record<WhatIfKey, string> = {
  'driver-egfr': 'EGFR ex19del',
  'driver-alk': 'ALK',
  'driver-none': 'no driver',
  'stage-iv': 'stage IV (M1)',
  'burden-oligo': 'oligometastatic',
  'burden-poly': 'polymetastatic',
  'progression-oligo': 'oligoprogression',
  'progression-poly': 'polyprogression',
  'ecog-1': 'ECOG 1',
  'ecog-2': 'ECOG 2',
};

/** The short words of a what-if, for the card's "What if …" banner. */
export function whatIfWords(key: WhatIfKey): string {
  return LABEL[key];
}

const choice = (key: WhatIfKey): WhatIfChoice => ({ key, label: `What if ${LABEL[key]}?` });

function driverChoices(c: Case): WhatIfKey[] {
  const negative = new Set<string>(c.negativeFor ?? []);
  const out: WhatIfKey[] = [];
  if (!negative.has('EGFR')) out.push('driver-egfr');
  if (!negative.has('ALK')) out.push('driver-alk');
  out.push('driver-none');
  return out;
}

function countsDecideBurden(c: Case): boolean {
  return c.metastases?.count !== undefined || c.metastases?.organs !== undefined;
}

function flipChoices(c: Case): WhatIfKey[] {
  const out: WhatIfKey[] = [];
  if (c.ecog === undefined && c.karnofsky === undefined) out.push('ecog-1');
  else if (c.ecog !== undefined) out.push(c.ecog === 2 ? 'ecog-1' : 'ecog-2');
  if (c.metastases?.burden !== undefined && !countsDecideBurden(c)) {
    out.push(c.metastases.burden === 'oligo' ? 'burden-poly' : 'burden-oligo');
  }
  const pattern = c.progression?.pattern;
  if (pattern === 'oligoprogression') out.push('progression-poly');
  if (pattern === 'polyprogression') out.push('progression-oligo');
  return out;
}

/** At most four what-ifs: first the missing critical facts, then the verdict-flipping facts. */
export function whatIfChoices(output: Output): WhatIfChoice[] {
  if (output.verdict === 'not-applicable') return [];
  const c = output.case as Case;
  const keys: WhatIfKey[] = [];
  for (const fact of output.missing) {
    if (fact === 'driver') keys.push(...driverChoices(c));
    if (fact === 'stage') keys.push('stage-iv');
    if (fact === 'metastases') keys.push('burden-oligo', 'burden-poly');
    if (fact === 'progression') keys.push('progression-oligo', 'progression-poly');
  }
  if (output.missing.length === 0) keys.push(...flipChoices(c));
  return [...new Set(keys)].slice(0, 4).map(choice);
}

/** The case with the what-if's value set; undefined when the case rules the value out. */
export function applyWhatIf(c: Case, key: WhatIfKey): Case | undefined {
  const negative = new Set<string>(c.negativeFor ?? []);
  if (key.startsWith('driver-') && c.driver !== undefined) return undefined;
  switch (key) {
    case 'driver-egfr':
      return negative.has('EGFR') ? undefined : { ...c, driver: 'EGFR', egfrVariant: 'ex19del' };
    case 'driver-alk': {
      if (negative.has('ALK')) return undefined;
      const { egfrVariant: _drop, ...rest } = c;
      return { ...rest, driver: 'ALK' };
    }
    case 'driver-none': {
      const { egfrVariant: _drop, ...rest } = c;
      return { ...rest, driver: 'none' };
    }
    case 'stage-iv':
      return { ...c, stage: { ...c.stage, m: 'M1' } };
    case 'burden-oligo':
    case 'burden-poly':
      if (countsDecideBurden(c) && c.metastases?.burden !== undefined) return undefined;
      return { ...c, metastases: { ...c.metastases, burden: key === 'burden-oligo' ? 'oligo' : 'poly' } };
    case 'progression-oligo':
    case 'progression-poly':
      return {
        ...c,
        progression: {
          ...c.progression,
          pattern: key === 'progression-oligo' ? 'oligoprogression' : 'polyprogression',
        },
      };
    case 'ecog-1':
    case 'ecog-2': {
      const { karnofsky: _drop, ...rest } = c;
      return { ...rest, ecog: key === 'ecog-1' ? 1 : 2 };
    }
  }
}

/** Button value of a what-if: `key|caseToken` (the token is at most 1900 characters, the value 2000). */
export function whatIfValue(key: WhatIfKey, caseToken: string): string {
  return `${key}|${caseToken}`;
}

export function readWhatIfValue(value: unknown): { key: WhatIfKey; token: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const bar = value.indexOf('|');
  const key = value.slice(0, bar);
  if (bar < 0 || !(WHAT_IF_KEYS as readonly string[]).includes(key)) return undefined;
  return { key: key as WhatIfKey, token: value.slice(bar + 1) };
}
