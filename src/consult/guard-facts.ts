// Structured case facts can carry free text too (a therapy agent typed in a form or sent to the API). Every
// string in them goes through the identifier guard before the engine, the store or a message sees it.
import { guardIdentifiers, type IdentifierKind } from '../privacy/index.js';

export interface GuardedFacts {
  facts: unknown;
  identifiersRemoved: IdentifierKind[];
}

const MAX_DEPTH = 8;

export function guardFacts(facts: unknown): GuardedFacts {
  const kinds = new Set<IdentifierKind>();
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') {
      const g = guardIdentifiers(value);
      for (const k of g.kinds) kinds.add(k);
      return g.hits.length > 0 ? g.redacted : value;
    }
    // Deeper than any valid case: left as is; the engine's schema rejects it.
    if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, depth + 1);
    return out;
  };
  const guarded = walk(facts, 0);
  return { facts: guarded, identifiersRemoved: [...kinds].sort() };
}
