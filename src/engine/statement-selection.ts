// Collects the statements the rows select (decision-spec §6): the applied modifiers, the deciding verdict
// rule, the raised flags and the offered dose options, each entry only when its condition holds.
import type { CompiledSel } from './compiled.js';
import type { FactVector } from './facts.js';

export function collectStatements(groups: readonly (readonly CompiledSel[])[], f: FactVector): string[] {
  const ids: string[] = [];
  for (const group of groups) {
    for (const sel of group) {
      if (sel.when !== null && sel.when(f) !== true) continue;
      for (const id of sel.ids) if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}
