// Free text that is kept but never parsed (a board decision's note, an evidence query): identifiers removed
// before anything stores, logs or posts it.
import { guardIdentifiers, type IdentifierKind } from '../privacy/index.js';

export interface GuardedText {
  text: string;
  identifiersRemoved: IdentifierKind[];
}

export function guardText(text: string): GuardedText {
  const g = guardIdentifiers(text);
  return { text: g.redacted, identifiersRemoved: g.kinds };
}
