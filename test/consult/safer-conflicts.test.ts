import { describe, expect, it } from 'vitest';
import { consultText } from '../../src/consult/consult.js';
import { saferConflicts } from '../../src/consult/safer-conflicts.js';

const now = new Date('2026-12-01T07:00:00Z');
const BASE =
  'EGFR ex19del adenocarcinoma, 2 bone mets, PET and brain MRI done, on osimertinib 3 months with PR, ';

describe('a conflict whose unknown would assume a favourable default', () => {
  it('answers "ECOG 2-3" at the worse value and says so in the question', async () => {
    const r = await consultText(`${BASE}ECOG 2-3, peripheral RUL 3 cm N0`, { now });
    if (r.kind !== 'answer') throw new Error('expected an answer');
    expect(r.output.verdict).toBe('not-recommended');
    const q = r.reading.conflicts.find((c) => c.fact === 'ecog');
    expect(q?.question).toMatch(/riskier reading \(ECOG 3\)/);
    expect(r.reading.understood.some((u) => u.fact === 'ecog')).toBe(false);
  });

  it('never lets "ECOG 1-2" be answered as ECOG 0–1', async () => {
    const r = await consultText(`${BASE}ECOG 1-2, peripheral RUL 3 cm N0`, { now });
    if (r.kind !== 'answer') throw new Error('expected an answer');
    expect(r.reading.answerCase.ecog).toBe(2);
    expect(r.reading.case.ecog).toBeUndefined();
    expect(r.output.verdict).not.toBe('recommended');
  });

  it('asks about ILD named only as possible and answers as if it were present', async () => {
    const r = await consultText(`${BASE}ECOG 1, peripheral RUL 3 cm N0, possible ILD on CT`, { now });
    if (r.kind !== 'answer') throw new Error('expected an answer');
    const q = r.reading.conflicts.find((c) => c.fact === 'lung.ild');
    expect(q?.question).toMatch(/interstitial lung disease as possible.*riskier reading \(ild\)/);
    expect(r.reading.case.lung?.ild).toBeUndefined();
    expect(r.reading.answerCase.lung?.ild).toBe('ild');
    expect(r.output.flags.map((f) => f.code)).toContain('ild');
    // Never the raw text in the question.
    expect(q?.question).not.toMatch(/on CT/);
  });

  it('takes IPF over ILD over none, ultracentral over central, prior RT when disputed', () => {
    const q = (fact: string, values: unknown[]) => ({ fact, values, question: `${fact}?` });
    const r = saferConflicts({}, [
      q('lung.ild', ['none', 'ipf']),
      q('primary.location', ['peripheral', 'ultracentral', 'central']),
      q('lung.priorThoracicRt', [false, true]),
      q('lifeExpectancyMonths', [12, 3]),
    ]);
    expect(r.case).toEqual({
      lung: { ild: 'ipf', priorThoracicRt: true },
      primary: { location: 'ultracentral' },
      lifeExpectancyMonths: 3,
    });
    expect(r.conflicts.every((c) => c.question.includes('Until it is confirmed'))).toBe(true);
  });

  it('takes the larger size and the least favourable of controlled responses', () => {
    const r = saferConflicts({}, [
      { fact: 'primary.sizeCm', values: [7.2, 5.9], question: 'size?' },
      { fact: 'therapy.response', values: ['PR', 'SD'], question: 'response?' },
    ]);
    expect(r.case).toEqual({ primary: { sizeCm: 7.2 }, therapy: { response: 'SD' } });
  });

  it('leaves other disputed facts unknown (a count, a response with PD, a driver): the engine asks', () => {
    const r = saferConflicts({ ecog: 1 }, [
      { fact: 'metastases.count', values: [3, 2], question: 'count?' },
      { fact: 'therapy.response', values: ['PR', 'PD'], question: 'response?' },
      { fact: 'driver', values: ['EGFR', 'ALK'], question: 'driver?' },
      { fact: 'lung.ild', values: ['none', 'none'], question: 'ild?' },
    ]);
    expect(r.case).toEqual({ ecog: 1 });
    expect(r.conflicts.map((c) => c.question)).toEqual(['count?', 'response?', 'driver?', 'ild?']);
  });
});
