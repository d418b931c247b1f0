// Structured case facts can carry free text too (a therapy agent typed in a form or sent to the API). Every
// string in them goes through the identifier guard before the engine, the store or a message sees it.
import { guardFields, type IdentifierKind } from '../privacy/index.js';

export interface GuardedFacts {
  facts: unknown;
  identifiersRemoved: IdentifierKind[];
}

export function guardFacts(facts: unknown, now?: Date): GuardedFacts {
  const g = guardFields(facts, now ? { referenceYear: now.getUTCFullYear() } : {});
  return { facts: g.value, identifiersRemoved: g.kinds };
}
