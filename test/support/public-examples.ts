// The nine public example cases of decision-spec §7 (ruleset 2026.2.0), each with a file in examples/: the free text as the spec writes
// it, the file holding its structured form, and the answer the current ruleset gives. Every test and bench that
// uses a public example imports it from here; the structured facts are read from examples/ (one copy).
import type { FlagCode, Timing, Verdict } from '../../src/engine/index.js';
import { readExample } from '../../src/main/examples.js';

export interface PublicExample {
  /** File in examples/. */
  file: string;
  /** The spec's free text. */
  text: string;
  verdict: Verdict;
  /** How Slack and the CLI show the verdict. */
  verdictLabel: string;
  timing: Timing;
  /** Flags that must appear. */
  flags: FlagCode[];
  /** Missing facts that must be listed. */
  missing: string[];
  /** Fact paths in the file that the free text does not state (or spells differently). */
  notInText: string[];
}

export const PUBLIC_EXAMPLES: readonly PublicExample[] = [
  {
    file: 'ex1-egfr-oligo-naive.json',
    text: 'adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive, PET and brain MRI done, peripheral 3 cm',
    verdict: 'recommended',
    verdictLabel: 'Recommended',
    // 2026.2.0 (§4.5): TKI-naive → after induction; upfront is the stated alternative.
    timing: 'after-induction',
    flags: ['tki-pneumonitis'],
    missing: [],
    notInText: ['stage'],
  },
  {
    file: 'ex2-egfr-oligo-osimertinib-ecog2.json',
    text: 'EGFR L858R, oligometastatic, PR after 3 months osimertinib, ECOG 2',
    verdict: 'consider',
    verdictLabel: 'Consider',
    timing: 'now-as-consolidation',
    flags: ['ps-borderline', 'tki-pneumonitis'],
    missing: [],
    notInText: [],
  },
  {
    file: 'ex3-squamous-no-driver-chemo-io.json',
    text: 'squamous, no driver, 2 liver mets, after 4 cycles carbo/paclitaxel/pembro SD, ECOG 0',
    verdict: 'consider',
    verdictLabel: 'Consider',
    timing: 'now-as-consolidation',
    flags: ['trial-preferred', 'immunotherapy-pneumonitis'],
    missing: [],
    // The reader spells the combination "carboplatin + paclitaxel + pembrolizumab".
    notInText: ['therapy.agent'],
  },
  {
    file: 'ex4-driver-negative-widespread-haemoptysis.json',
    text: 'adeno, driver negative, widespread bone and liver metastases, ECOG 1, haemoptysis',
    verdict: 'not-recommended',
    verdictLabel: 'Not recommended',
    timing: 'none',
    flags: ['palliative-indication'],
    missing: [],
    notInText: [],
  },
  {
    file: 'ex5-metastatic-driver-not-stated.json',
    text: 'metastatic NSCLC, 3 mets, ECOG 1 (driver not stated)',
    verdict: 'insufficient-information',
    verdictLabel: 'Insufficient information',
    timing: 'none',
    flags: [],
    missing: ['driver'],
    // "NSCLC" names the primary site (lung), not a histology.
    notInText: ['histology'],
  },
  {
    file: 'ex6-egfr-oligo-ecog3.json',
    text: 'EGFR ex19del, oligometastatic, ECOG 3',
    verdict: 'not-recommended',
    verdictLabel: 'Not recommended',
    timing: 'none',
    flags: ['ps-poor'],
    missing: [],
    notInText: [],
  },
  {
    file: 'ex7-egfr-alk-ros1-negative-naive.json',
    text: 'adeno, EGFR/ALK/ROS1 negative, 1 adrenal met, ECOG 0, treatment-naive',
    verdict: 'consider',
    verdictLabel: 'Consider',
    timing: 'after-induction',
    flags: ['trial-preferred', 'panel-incomplete'],
    missing: [],
    notInText: [],
  },
  {
    file: 'ex8-egfr-prior-chemort-metachronous.json',
    text: 'EGFR L858R, 1 liver met, ECOG 1, starting osimertinib, s/p concurrent chemoRT for stage III in 2021',
    verdict: 'consider',
    verdictLabel: 'Consider',
    timing: 'after-induction',
    flags: ['prior-thoracic-rt', 'tki-pneumonitis'],
    missing: [],
    notInText: [],
  },
  {
    file: 'ex9-colorectal-primary-lung-mets.json',
    text: 'colorectal cancer primary, KRAS G12D, 2 lung metastases, PR on FOLFOX',
    verdict: 'not-applicable',
    verdictLabel: 'Not applicable',
    timing: 'none',
    flags: [],
    missing: [],
    // The reader knows lung-cancer regimens only: FOLFOX (a colorectal regimen) is not read as chemotherapy.
    notInText: ['therapy.regimen', 'therapy.status'],
  },
];

/** The free texts alone, in order. */
export const PUBLIC_EXAMPLE_TEXTS: readonly string[] = PUBLIC_EXAMPLES.map((e) => e.text);

/** The example's structured facts, read from examples/. */
export function exampleInput(example: PublicExample): unknown {
  return readExample(example.file);
}

/** The example's facts without the paths its free text does not state: what reading the text must give. */
export function factsInText(example: PublicExample): Record<string, unknown> {
  const facts = structuredClone(exampleInput(example)) as Record<string, unknown>;
  for (const path of example.notInText) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let node: Record<string, unknown> | undefined = facts;
    for (const key of keys) node = node?.[key] as Record<string, unknown> | undefined;
    if (node) delete node[last];
  }
  return facts;
}
