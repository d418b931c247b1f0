// One-sentence summary, at most 140 characters (decision-spec §3).
import type { Decision } from './decide.js';

export const SUMMARY_MAX = 140;

const TIMING_PHRASE: Record<Decision['timing'], string> = {
  upfront: 'upfront with first-line therapy',
  'after-induction': 'after induction systemic therapy',
  'now-as-consolidation': 'now as consolidation',
  'at-oligoprogression': 'as SBRT to the progressing sites',
  none: '',
};

const POPULATION: Partial<Record<Decision['rule'], string>> = {
  oligoprogression: 'oligoprogression',
  'egfr-oligo': 'EGFR-mutant oligometastatic NSCLC',
  'egfr-beyond-oligo-organ': 'EGFR-mutant disease beyond 3 organs',
  'other-driver-oligo': 'oligometastatic NSCLC with a targetable driver',
  'no-driver-oligo': 'driver-negative oligometastatic NSCLC',
};

const REASON_NOT_RECOMMENDED: Partial<Record<string, string>> = {
  'ps-poor': 'ECOG 3–4',
  'limited-life-expectancy': 'life expectancy under 6 months',
  polyprogression: 'polyprogression: change systemic therapy',
  polymetastatic: 'polymetastatic, no targetable driver',
};

const DOWNGRADE_REASON: Partial<Record<string, string>> = {
  'ild-cap': 'ILD',
  'prior-thoracic-rt-cap': 'prior thoracic RT',
  'ps-borderline': 'ECOG 2',
};

export function summarise(decision: Decision, palliative: boolean): string {
  return clamp(sentence(decision, palliative));
}

function sentence(decision: Decision, palliative: boolean): string {
  const timing = TIMING_PHRASE[decision.timing];
  switch (decision.verdict) {
    case 'not-applicable':
      return `Not applicable: ${decision.outOfScopeReason ?? 'this case'} is outside the stage IV NSCLC consensus.`;
    case 'insufficient-information':
      return `Insufficient information: state ${listMissing(decision.missing)} before a verdict on definitive thoracic RT.`;
    case 'not-recommended': {
      const why = REASON_NOT_RECOMMENDED[decision.applied[0] ?? decision.rule] ?? 'outside the evidence';
      const tail = palliative ? '; palliative thoracic RT is appropriate for symptoms.' : '.';
      return `Not recommended: definitive thoracic RT (${why})${tail}`;
    }
    case 'recommended':
      return `Recommended: definitive thoracic RT ${timing} for ${POPULATION[decision.rule] ?? 'this case'} (phase III evidence).`;
    case 'consider': {
      const downgrades = decision.applied.map((r) => DOWNGRADE_REASON[r]).filter(Boolean);
      const because = downgrades.length > 0 ? `, lowered for ${downgrades.join(' and ')}` : '';
      const population = POPULATION[decision.rule] ?? 'this case';
      return `Consider definitive thoracic RT ${timing} for ${population}${because}; discuss in the tumour board.`;
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
