// Which rules decided a verdict, read from the engine's trace: the first verdict rule that matched and every
// modifier that changed the verdict. Derivations (facts worked out from the case) are not listed.
import { RULESET } from '../engine/index.js';

const KIND = new Map<string, string>(RULESET.rules.map((r) => [r.id, r.kind]));

export function decidingRules(output: { trace: readonly { rule: string; result: boolean }[] }): string[] {
  const out: string[] = [];
  let verdictRule = false;
  for (const entry of output.trace) {
    if (!entry.result) continue;
    const kind = KIND.get(entry.rule);
    if (kind === 'verdict' && !verdictRule) {
      out.push(entry.rule);
      verdictRule = true;
    } else if (kind === 'modifier') {
      out.push(entry.rule);
    }
  }
  return out;
}
