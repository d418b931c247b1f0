// A fact stated with two values is left out of the case and returned as a question, never silently chosen.
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/parse/index.js';
import { get } from './support.js';

const cases: { text: string; fact: string; values: unknown[] }[] = [
  { text: 'ECOG 1 ... PS 3', fact: 'ecog', values: [1, 3] },
  { text: 'ECOG 1-2', fact: 'ecog', values: [1, 2] },
  {
    text: 'adenocarcinoma; squamous on repeat biopsy',
    fact: 'histology',
    values: ['adenocarcinoma', 'squamous'],
  },
  { text: 'EGFR ex19del and ALK rearranged', fact: 'driver', values: ['EGFR', 'ALK'] },
  { text: 'EGFR ex19del, L858R', fact: 'egfrVariant', values: ['ex19del', 'L858R'] },
  { text: 'PD-L1 80%, TPS 10%', fact: 'pdl1', values: [80, 10] },
  { text: 'stage IVA, M1c', fact: 'stage.group', values: [] },
  { text: 'stage IVA and stage IVB', fact: 'stage.group', values: ['IVA', 'IVB'] },
  { text: 'M1b ... M1c', fact: 'stage.m', values: ['M1b', 'M1c'] },
  {
    text: 'peripheral tumour, central on review',
    fact: 'primary.location',
    values: ['peripheral', 'central'],
  },
  { text: 'no ILD; UIP pattern', fact: 'lung.ild', values: ['none', 'ipf'] },
  { text: 'no brain mets; 2 brain mets s/p SRS', fact: 'brain', values: ['none', 'treated-stable'] },
  {
    text: 'treatment-naive, on osimertinib for 3 months',
    fact: 'therapy.status',
    values: ['naive', 'on-treatment'],
  },
  { text: 'driver negative, EGFR L858R', fact: 'driver', values: ['EGFR', 'none'] },
  { text: 'EGFR wt ... EGFR exon 19 deletion', fact: 'driver', values: ['EGFR', 'EGFR negative'] },
  { text: '2 mets: bone, liver, adrenal', fact: 'metastases.count', values: [2, '3 organs'] },
  { text: 'asymptomatic, mild cough', fact: 'symptoms', values: [[], ['cough']] },
  { text: 'tumour 3 cm ... primary 5 cm', fact: 'primary.sizeCm', values: [3, 5] },
  { text: 'RUL mass; LLL primary', fact: 'primary.lobe', values: ['RUL', 'LLL'] },
];

describe('conflicts', () => {
  it.each(cases.filter((c) => c.values.length > 0))('$text → conflict on $fact', ({ text, fact, values }) => {
    const r = parseCase(text);
    const conflict = r.conflicts.find((c) => c.fact === fact);
    expect(conflict, JSON.stringify(r.conflicts)).toBeDefined();
    expect(conflict?.values).toEqual(expect.arrayContaining(values));
    expect(conflict?.question).toMatch(/\?$/);
    expect(conflict?.spans.length).toBeGreaterThan(0);
    // Left out of the case, and not listed as understood.
    expect(get(r.case, fact)).toBeUndefined();
    expect(r.understood.some((u) => u.fact === fact)).toBe(false);
  });

  it('ECOG 1 ... PS 3 asks which is right and keeps ecog out of the case', () => {
    const r = parseCase('62M adeno ECOG 1, seen today PS 3');
    expect(r.case.ecog).toBeUndefined();
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ fact: 'ecog', values: [1, 3] });
    expect(r.conflicts[0]?.question).toContain('ECOG');
    expect(r.case.histology).toBe('adenocarcinoma');
  });

  // decision-spec §2: ECOG and Karnofsky disagreeing keep the stated ECOG (the engine flags ps-conflict); the
  // question is still asked.
  it('ECOG 0, KPS 60 asks which is right and keeps the stated ECOG', () => {
    const r = parseCase('ECOG 0, KPS 60');
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ fact: 'ecog', values: ['ECOG 0', 'KPS 60'] });
    expect(r.conflicts[0]?.question).toMatch(/\?$/);
    expect(r.case).toMatchObject({ ecog: 0, karnofsky: 60 });
  });

  it('a more specific value refines a general one without a conflict', () => {
    expect(parseCase('metastatic, stage IVB').case.stage?.group).toBe('IVB');
    expect(parseCase('central tumour, ultracentral (abuts the trachea)').case.primary?.location).toBe(
      'ultracentral',
    );
    expect(parseCase('ILD, UIP pattern').case.lung?.ild).toBe('ipf');
    expect(parseCase('T2 on CT, T2b on pathology').case.stage?.t).toBe('T2b');
    expect(parseCase('M1c, 9th edition M1c2').case.stage?.m).toBe('M1c2');
    for (const text of ['metastatic, stage IVB', 'ILD, UIP pattern'])
      expect(parseCase(text).conflicts).toEqual([]);
  });

  it('the same value stated twice is one fact, with both spans understood', () => {
    const r = parseCase('ECOG 1. Today ECOG 1.');
    expect(r.case.ecog).toBe(1);
    expect(r.understood.filter((u) => u.fact === 'ecog')).toHaveLength(2);
    expect(r.conflicts).toEqual([]);
  });

  it('EGFR stated as wild type for one gene and a different gene positive is not a conflict', () => {
    expect(parseCase('EGFR wt, ALK+').conflicts).toEqual([]);
  });
});
