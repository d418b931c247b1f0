// One-sentence summary, at most 140 characters (decision-spec §3). The population and reason words come from
// the deciding rows (knowledge/rules.ts), so the summary says what the rule actually matched.
import type { CompiledKnowledge, CompiledVerdictRule } from './compiled.js';
import type { Decision } from './decide.js';
import type { FactVector } from './facts.js';

export const SUMMARY_MAX = 140;

const TIMING_PHRASE: Record<Decision['timing'], string> = {
  upfront: 'upfront with first-line therapy',
  'after-induction': 'after induction',
  'now-as-consolidation': 'now as consolidation',
  'at-oligoprogression': 'as SBRT to the progressing sites',
  none: '',
};

function wordsOf(rule: CompiledVerdictRule | undefined, f: FactVector): string | undefined {
  if (!rule) return undefined;
  for (const w of rule.words) if (w.when === null || w.when(f) === true) return w.text;
  return undefined;
}

function reasonOf(k: CompiledKnowledge, id: string): string | undefined {
  const r = k.ruleById.get(id);
  return r && r.row.kind === 'modifier' ? r.row.reason : undefined;
}

export function summarise(
  k: CompiledKnowledge,
  decision: Decision,
  f: FactVector,
  palliative: boolean,
): string {
  const rule = k.ruleById.get(decision.rule) as CompiledVerdictRule | undefined;
  const words = wordsOf(rule, f);
  const timing = TIMING_PHRASE[decision.timing];
  switch (decision.verdict) {
    case 'not-applicable':
      return clamp(`Not applicable: ${words ?? 'this case'} is outside the stage IV NSCLC consensus.`);
    case 'insufficient-information':
      return clamp(
        `Insufficient information: state ${listMissing(decision.missing)} before a verdict on definitive thoracic RT.`,
      );
    case 'not-recommended': {
      const first = decision.applied[0];
      const why = (first && reasonOf(k, first)) ?? words ?? 'outside the evidence';
      const tail = palliative ? '; palliative thoracic RT is appropriate for symptoms.' : '.';
      return clamp(`Not recommended: definitive thoracic RT (${why})${tail}`);
    }
    case 'recommended':
      return clamp(
        `Recommended: definitive thoracic RT ${timing} for ${words ?? 'this case'} (phase III evidence).`,
      );
    case 'consider': {
      const reasons = decision.applied.map((id) => reasonOf(k, id)).filter(Boolean);
      const because = reasons.length > 0 ? `, lowered for ${reasons.join(' and ')}` : '';
      const core = `Consider definitive thoracic RT ${timing} for ${words ?? 'this case'}${because}`;
      const full = `${core}; discuss in the tumour board.`;
      return clamp(full.length <= SUMMARY_MAX ? full : `${core}.`);
    }
  }
}

function listMissing(missing: string[]): string {
  const words = missing.map((m) =>
    m === 'metastases' ? 'the metastatic burden' : m === 'stage' ? 'the stage' : `the ${m}`,
  );
  if (words.length <= 1) return words[0] ?? 'the missing facts';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function clamp(s: string): string {
  if (s.length <= SUMMARY_MAX) return s;
  const cut = s.slice(0, SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 80 ? space : cut.length)}…`;
}
