import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Case, CaseSchema } from '../../src/engine/index.js';
import { caseLines } from '../../src/present/case-lines.js';
import { buildAnswer } from '../../src/slack/blocks/answer.js';
import { buildEvidence } from '../../src/slack/blocks/evidence.js';
import { escapeMrkdwn } from '../../src/slack/mrkdwn.js';
import { evaluateOk } from '../engine/support.js';
import { EXAMPLES } from '../slack/blocks/support.js';

function parse(input: unknown): Case {
  return CaseSchema.parse(input);
}

describe('caseLines', () => {
  it('describes example 1 fact by fact', () => {
    expect(caseLines(EXAMPLES[0]![1].case as Case)).toEqual([
      'Histology: adenocarcinoma',
      'Stage: cM1c',
      'Driver: EGFR ex19del',
      'Metastases: 3 lesions in 2 organs (bone, adrenal)',
      'ECOG 1',
      'Therapy: treatment-naive',
      'Primary: peripheral, 3 cm',
      'Staging: PET-CT done, brain MRI done',
    ]);
  });

  it('describes a full case in a fixed order', () => {
    const c = parse({
      primarySite: 'lung',
      histology: 'squamous',
      stage: { t: 'T2b', n: 'N2', m: 'M1c', edition: 8 },
      driver: 'EGFR',
      egfrVariant: 'L858R',
      pdl1: 50,
      metastases: { count: 1, organs: 1, sites: ['brain'], burden: 'oligo' },
      serosalDisease: ['pleural-effusion'],
      brain: 'treated-stable',
      karnofsky: 70,
      therapy: {
        status: 'on-treatment',
        regimen: 'egfr-tki',
        agent: 'osimertinib',
        months: 3,
        response: 'PR',
      },
      progression: { pattern: 'oligoprogression', sites: 2, primaryProgressing: true },
      primary: { location: 'central', sizeCm: 4.5, lobe: 'RUL', endobronchial: true },
      symptoms: ['hemoptysis', 'dyspnea'],
      lung: { ild: 'ild', priorThoracicRt: false },
      staging: { petCt: 'done', brainMri: 'not-done' },
      lifeExpectancyMonths: 4,
    });
    expect(caseLines(c)).toEqual([
      'Primary site: lung',
      'Histology: squamous cell carcinoma',
      'Stage: cT2bN2M1c (8th ed.)',
      'Driver: EGFR L858R',
      'PD-L1 TPS 50%',
      'Metastases: 1 lesion in 1 organ (brain); oligometastatic',
      'Serosal disease: pleural effusion',
      'Brain metastases: treated, stable',
      'Karnofsky 70 (≈ ECOG 2)',
      'Therapy: on osimertinib (EGFR TKI) for 3 months, PR',
      'Progression: oligoprogression (2 sites), primary progressing',
      'Primary: central, 4.5 cm, RUL, endobronchial',
      'Symptoms: haemoptysis, dyspnoea',
      'Lung: ILD, no prior thoracic RT',
      'Staging: PET-CT done, brain MRI not done',
      'Life expectancy: 4 months',
    ]);
  });

  it('says "Stage IV" for a stage group alone and "none" for empty lists', () => {
    const lines = caseLines(parse({ stage: { group: 'IV' }, symptoms: [], serosalDisease: false }));
    expect(lines).toEqual(['Stage IV', 'Serosal disease: none', 'Symptoms: none']);
  });

  it('returns no line for an empty case', () => {
    expect(caseLines({})).toEqual([]);
  });

  it('flattens a drug name to one plain line; Slack escapes it at its edge, so it cannot ping or link', () => {
    const hostile = '<!channel> & <https://evil|click>\nnext';
    const lines = caseLines(parse({ therapy: { status: 'on-treatment', agent: hostile } }));
    expect(lines).toEqual(['Therapy: on <!channel> & <https://evil|click> next']);
    const answer = buildAnswer(
      evaluateOk({
        driver: 'none',
        metastases: { burden: 'poly' },
        therapy: { status: 'on-treatment', agent: hostile },
      }),
      {
        mode: 'preview',
        caseToken: '',
      },
    );
    // The case as understood is in Details (the shared thread or the Details modal).
    const text = JSON.stringify([
      ...answer,
      ...buildEvidence(
        evaluateOk({
          driver: 'none',
          metastases: { burden: 'poly' },
          therapy: { status: 'on-treatment', agent: hostile },
        }),
      ),
    ]);
    expect(text).toContain('Therapy: on &lt;!channel&gt; &amp; &lt;https://evil|click&gt; next');
    expect(text).not.toContain('<!channel>');
  });

  it('never lets random drug names produce controls or line breaks, nor markup once escaped', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('<!channel>', '<@U123>', '<https://evil|click>', '&', '\n', '\u0000', '\u202e'),
    );
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 5 }), (parts) => {
        const agent = parts.join('');
        for (const line of caseLines({ therapy: { status: 'on-treatment', agent } } as Case)) {
          expect(line).not.toMatch(/[\n\r]/);
          expect(line).not.toMatch(/\p{Cc}/u);
          expect(escapeMrkdwn(line)).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
