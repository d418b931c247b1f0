// A fact the text states twice, differently, is asked about (decision-spec §4.2: conflicting values leave it
// unknown). For the few facts where "unknown" lets the engine assume the favourable default (ECOG 0–1, no ILD,
// a peripheral tumour, no prior RT), the answer meanwhile uses the riskier of the stated values, and the question
// says so: "ECOG 2-3" must not be answered as ECOG 0–1. Two sizes take the larger, and responses that all show
// disease control (CR, PR, SD) the least favourable, since the rules read only "controlled or not".
import type { Case } from '../engine/index.js';

interface Conflict {
  fact: string;
  values: unknown[];
  question: string;
}

/** Riskier first; a value not listed is never chosen. */
const ORDER: Record<string, readonly unknown[]> = {
  'lung.ild': ['ipf', 'ild'],
  'primary.location': ['ultracentral', 'central'],
  'primary.endobronchial': [true],
  'lung.priorThoracicRt': [true],
  'lung.poorFunction': [true],
};

function riskier(fact: string, values: readonly unknown[]): unknown {
  if (fact === 'ecog') {
    const numbers = values.filter((v): v is number => typeof v === 'number');
    return numbers.length === values.length ? Math.max(...numbers) : undefined;
  }
  // "7.2 -> 5.9 cm" read as two sizes: dose options are chosen for the larger.
  if (fact === 'primary.sizeCm') {
    const numbers = values.filter((v): v is number => typeof v === 'number');
    return numbers.length === values.length ? Math.max(...numbers) : undefined;
  }
  // "SD in bone, PR at primary": every value is disease control, which is what the rules read; a PD among them
  // is kept by the parser itself (decision-spec §4.2), so none is chosen here.
  if (fact === 'therapy.response') {
    if (values.includes('PD')) return undefined;
    return ['SD', 'PR', 'CR'].find((v) => values.includes(v));
  }
  if (fact === 'lifeExpectancyMonths') {
    const numbers = values.filter((v): v is number => typeof v === 'number');
    return numbers.length === values.length ? Math.min(...numbers) : undefined;
  }
  const order = ORDER[fact];
  return order?.find((v) => values.includes(v));
}

function describe(fact: string, value: unknown): string {
  if (fact === 'ecog') return `ECOG ${value}`;
  if (fact === 'lifeExpectancyMonths') return `${value} months`;
  if (fact === 'primary.sizeCm') return `${value} cm`;
  if (value === true) return 'yes';
  return String(value);
}

/** The case with the riskier value of each such conflict, and the conflicts' questions saying which was used. */
export function saferConflicts<C extends Conflict>(
  c: Case,
  conflicts: readonly C[],
): { case: Case; conflicts: C[] } {
  let out: Case = c;
  const asked = conflicts.map((conflict) => {
    const value = riskier(conflict.fact, conflict.values);
    if (value === undefined) return conflict;
    out = withValue(out, conflict.fact, value);
    return {
      ...conflict,
      question: `${conflict.question} Until it is confirmed, the answer uses the riskier reading (${describe(conflict.fact, value)}).`,
    };
  });
  return { case: out, conflicts: asked };
}

function withValue(c: Case, path: string, value: unknown): Case {
  const [head, leaf] = path.split('.') as [string, string | undefined];
  const copy = { ...c } as Record<string, unknown>;
  if (leaf === undefined) copy[head] = value;
  else copy[head] = { ...((copy[head] as Record<string, unknown> | undefined) ?? {}), [leaf]: value };
  return copy as Case;
}
