// Which flags of decision-spec §5 a case raises: every flag row whose condition is true over the facts
// (decision facts included). Flags never change the verdict; the modifiers do, in decide.ts.
import type { CompiledFlag, CompiledKnowledge } from './compiled.js';
import type { FactVector } from './facts.js';

export interface FlagSelection {
  flags: CompiledFlag[];
  assumptions: string[];
}

export function selectFlags(k: CompiledKnowledge, f: FactVector): FlagSelection {
  const flags: CompiledFlag[] = [];
  const assumptions: string[] = [];
  for (const flag of k.flags) {
    if (flag.when(f) !== true) continue;
    flags.push(flag);
    if (flag.row.assumption) assumptions.push(flag.row.assumption);
  }
  return { flags, assumptions };
}
