// What a topic question is about: the facts it states (an ultracentral primary, ILD, prior thoracic RT,
// endobronchial invasion), and the ruleset rows written for them. A row is "about" a fact when its condition
// names that fact with that value (not under a `not`): read from the rows' data, never evaluated.
import type { Case, Ruleset, Topic } from '../../engine/index.js';

type Cond = Ruleset['flags'][number]['when'];
type Scalar = string | number | boolean;

export interface Focus {
  /** Fact name (as the conditions name it) and value. */
  facts: readonly (readonly [string, Scalar])[];
  /** Words a reader sees, for the header ("ultracentral primary"). */
  words: readonly string[];
}

/** The focus of a question from the facts its reading understood; empty when it states none of them. */
export function focusOf(c: Case): Focus {
  const facts: [string, Scalar][] = [];
  const words: string[] = [];
  const loc = c.primary?.location;
  if (loc) {
    facts.push(['location', loc]);
    words.push(`${loc} primary`);
  }
  if (c.primary?.endobronchial === true) {
    facts.push(['endobronchial', true]);
    words.push('endobronchial invasion');
  }
  if (c.lung?.ild && c.lung.ild !== 'none') {
    facts.push(['ild', c.lung.ild]);
    words.push(c.lung.ild === 'ipf' ? 'IPF' : 'ILD');
  }
  if (c.lung?.priorThoracicRt === true) {
    facts.push(['priorThoracicRt', true]);
    words.push('prior thoracic RT');
  }
  return { facts, words };
}

/** True when the condition names one of the focus facts with its value (outside a `not`). */
export function mentions(cond: Cond | undefined, focus: Focus): boolean {
  if (!cond || focus.facts.length === 0) return false;
  const has = (fact: string, v: Scalar) => focus.facts.some(([f, want]) => f === fact && want === v);
  if ('eq' in cond) return has(cond.eq[0], cond.eq[1]);
  if ('in' in cond) return cond.in[1].some((v) => has(cond.in[0], v));
  if ('all' in cond) return cond.all.some((c) => mentions(c, focus));
  if ('any' in cond) return cond.any.some((c) => mentions(c, focus));
  return false;
}

export interface Focused {
  statements: Ruleset['statements'];
  doses: Ruleset['doseOptions'];
  flags: Ruleset['flags'];
}

/** The rows of a topic written for the focus: dose options and flags by condition, statements they select. */
export function focusedRows(topic: Topic, ruleset: Ruleset, focus: Focus): Focused {
  const doses = topic === 'dose' ? ruleset.doseOptions.filter((d) => mentions(d.when, focus)) : [];
  const flags = ruleset.flags.filter((f) => mentions(f.when, focus) && f.severity !== 'info');
  const ids = new Set([...doses, ...flags].flatMap((r) => (r.statements ?? []).flatMap((s) => s.ids)));
  const statements = ruleset.statements.filter((s) => ids.has(s.id) && s.topic === topic);
  // One flag per code (variants say the same thing for different settings).
  const seen = new Set<string>();
  const oneEach = flags.filter((f) => !seen.has(f.code) && seen.add(f.code));
  return { statements, doses, flags: topic === 'dose' || topic === 'safety' ? oneEach : [] };
}
