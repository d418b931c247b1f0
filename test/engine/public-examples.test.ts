// The nine public example cases of decision-spec §7 (ruleset 2026.2.0), written as structured cases. Facts the free text
// does not state are left absent (unknown), as the spec requires.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlagCode, Timing, Verdict } from '../../src/engine/index.js';
import { checkFlagsAgainstFacts, checkOutput } from './invariants.js';
import { type CaseJson, evaluateOk, flagCodes } from './support.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface PublicExample {
  text: string;
  input: CaseJson;
  verdict: Verdict;
  timing?: Timing;
  flags?: FlagCode[];
  missing?: string[];
  notMissing?: string[];
  summary?: RegExp;
}

const EXAMPLES: PublicExample[] = [
  {
    text: 'adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive, PET and brain MRI done, peripheral 3 cm',
    input: {
      histology: 'adenocarcinoma',
      driver: 'EGFR',
      egfrVariant: 'ex19del',
      metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] },
      ecog: 1,
      therapy: { status: 'naive' },
      staging: { petCt: 'done', brainMri: 'done' },
      primary: { location: 'peripheral', sizeCm: 3 },
    },
    verdict: 'recommended',
    timing: 'after-induction',
    flags: ['tki-pneumonitis'],
    notMissing: ['stage', 'driver', 'metastases'],
  },
  {
    text: 'EGFR L858R, oligometastatic, PR after 3 months osimertinib, ECOG 2',
    input: {
      driver: 'EGFR',
      egfrVariant: 'L858R',
      metastases: { burden: 'oligo' },
      therapy: {
        status: 'on-treatment',
        regimen: 'egfr-tki',
        agent: 'osimertinib',
        months: 3,
        response: 'PR',
      },
      ecog: 2,
    },
    verdict: 'consider',
    timing: 'now-as-consolidation',
    flags: ['ps-borderline', 'tki-pneumonitis'],
  },
  {
    text: 'squamous, no driver, 2 liver mets, after 4 cycles carbo/paclitaxel/pembro SD, ECOG 0',
    input: {
      histology: 'squamous',
      driver: 'none',
      metastases: { count: 2, organs: 1, sites: ['liver'] },
      therapy: {
        status: 'on-treatment',
        regimen: 'chemo-io',
        agent: 'carboplatin/paclitaxel/pembrolizumab',
        cycles: 4,
        response: 'SD',
      },
      ecog: 0,
    },
    verdict: 'consider',
    timing: 'now-as-consolidation',
    flags: ['trial-preferred', 'immunotherapy-pneumonitis'],
  },
  {
    text: 'adeno, driver negative, widespread bone and liver metastases, ECOG 1, haemoptysis',
    input: {
      histology: 'adenocarcinoma',
      driver: 'none',
      metastases: { sites: ['bone', 'liver'], burden: 'poly' },
      ecog: 1,
      symptoms: ['hemoptysis'],
    },
    verdict: 'not-recommended',
    timing: 'none',
    flags: ['palliative-indication'],
    summary: /palliat/i,
  },
  {
    text: 'adeno, EGFR/ALK/ROS1 negative, 1 adrenal met, ECOG 0, treatment-naive',
    input: {
      histology: 'adenocarcinoma',
      negativeFor: ['EGFR', 'ALK', 'ROS1'],
      metastases: { count: 1, organs: 1, sites: ['adrenal'] },
      ecog: 0,
      therapy: { status: 'naive' },
    },
    verdict: 'consider',
    timing: 'after-induction',
    flags: ['trial-preferred', 'panel-incomplete'],
    notMissing: ['driver'],
  },
  {
    text: 'EGFR L858R, 1 liver met, ECOG 1, starting osimertinib, s/p concurrent chemoRT for stage III in 2021',
    input: {
      driver: 'EGFR',
      egfrVariant: 'L858R',
      metastases: { count: 1, organs: 1, sites: ['liver'] },
      ecog: 1,
      therapy: { status: 'naive', regimen: 'egfr-tki', agent: 'osimertinib' },
      lung: { priorThoracicRt: true },
    },
    verdict: 'consider',
    timing: 'after-induction',
    flags: ['prior-thoracic-rt', 'tki-pneumonitis'],
  },
  {
    text: 'colorectal cancer primary, KRAS G12D, 2 lung metastases, PR on FOLFOX',
    input: {
      primarySite: 'non-lung',
      driver: 'KRAS',
      metastases: { count: 2, organs: 1, sites: ['contralateral-lung'] },
      therapy: { status: 'on-treatment', regimen: 'chemo', response: 'PR' },
    },
    verdict: 'not-applicable',
    timing: 'none',
  },
  {
    text: 'metastatic NSCLC, 3 mets, ECOG 1 (driver not stated)',
    input: {
      histology: 'nsclc-nos',
      stage: { group: 'IV' },
      metastases: { count: 3 },
      ecog: 1,
    },
    verdict: 'insufficient-information',
    timing: 'none',
    missing: ['driver'],
    notMissing: ['stage', 'metastases'],
  },
  {
    text: 'EGFR ex19del, oligometastatic, ECOG 3',
    input: {
      driver: 'EGFR',
      egfrVariant: 'ex19del',
      metastases: { burden: 'oligo' },
      ecog: 3,
    },
    verdict: 'not-recommended',
    timing: 'none',
    flags: ['ps-poor'],
  },
];

describe('decision-spec §7 public examples', () => {
  it('lists the nine examples of §7, each also as a JSON file in examples/', () => {
    expect(EXAMPLES).toHaveLength(9);
    const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(9);
    const verdicts = files.map(
      (f) => evaluateOk(JSON.parse(readFileSync(join(ROOT, 'examples', f), 'utf8'))).verdict,
    );
    expect(verdicts.sort()).toEqual(EXAMPLES.map((e) => e.verdict).sort());
  });

  it.each(EXAMPLES.map((e) => [e.text, e] as const))('%s', (_text, example) => {
    const out = evaluateOk(example.input);
    checkOutput(out);
    checkFlagsAgainstFacts(example.input, out);

    expect(out.verdict).toBe(example.verdict);
    if (example.timing) expect(out.timing).toBe(example.timing);
    const codes = flagCodes(out);
    for (const code of example.flags ?? []) expect(codes).toContain(code);
    for (const fact of example.missing ?? []) expect(out.missing).toContain(fact);
    for (const fact of example.notMissing ?? []) expect(out.missing).not.toContain(fact);
    if (example.summary) expect(out.summary).toMatch(example.summary);
  });

  it('the insufficient example says what each driver would give', () => {
    const out = evaluateOk(EXAMPLES.find((e) => e.verdict === 'insufficient-information')?.input);
    expect(out.whatIf.some((w) => /\bEGFR\b/i.test(w.if))).toBe(true);
    expect(out.whatIf.length).toBeGreaterThanOrEqual(2);
    // 3 lesions in at most 3 organs is oligometastatic: EGFR → recommended, no driver → consider.
    expect(out.whatIf.map((w) => w.verdict)).toEqual(expect.arrayContaining(['recommended', 'consider']));
  });
});
