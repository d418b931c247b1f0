// Negation and hedging must never flip a fact: "no X" is a known "no" (or nothing), "?X" is unknown.
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/parse/index.js';
import { check, get, type Row } from './support.js';

const negated: Row[] = [
  { text: 'no brain mets', expect: { brain: 'none' }, absent: ['metastases'] },
  { text: 'no ILD', expect: { lung: { ild: 'none' } } },
  { text: 'no haemoptysis', expect: {}, absent: ['symptoms'] },
  { text: 'denies cough or dyspnoea', expect: {}, absent: ['symptoms'] },
  { text: 'no SVCO, no stridor', expect: {}, absent: ['symptoms'] },
  { text: 'no liver or brain mets', expect: { brain: 'none' }, absent: ['metastases'] },
  { text: 'without endobronchial extension', expect: { primary: { endobronchial: false } } },
  { text: 'no prior thoracic radiotherapy', expect: { lung: { priorThoracicRt: false } } },
  { text: 'no malignant pleural effusion', expect: {}, absent: ['serosalDisease'] },
  { text: 'no EGFR mutation', expect: {}, absent: ['driver'] },
  { text: 'not oligometastatic', expect: {}, absent: ['metastases'] },
  {
    text: 'no progression on osimertinib',
    expect: { progression: { pattern: 'none' } },
    absent: ['therapy.response'],
  },
  { text: 'no ILD but haemoptysis', expect: { lung: { ild: 'none' }, symptoms: ['hemoptysis'] } },
  {
    text: 'no brain mets, 3 bone mets',
    expect: { brain: 'none', metastases: { count: 3, sites: ['bone'] } },
  },
  { text: 'no haemoptysis; cough', expect: { symptoms: ['cough'] } },
  { text: 'adrenal nodule - benign adenoma', expect: {}, absent: ['metastases'] },
  { text: 'non-small cell', expect: {}, absent: ['histology'] },
];

const hedged: Row[] = [
  { text: 'r/o ILD', expect: {}, absent: ['lung'] },
  { text: '?ILD', expect: {}, absent: ['lung'] },
  { text: '? ILD on CT', expect: {}, absent: ['lung'] },
  { text: 'possible ILD', expect: {}, absent: ['lung'] },
  { text: 'query ILD', expect: {}, absent: ['lung'] },
  { text: 'ILD?', expect: {}, absent: ['lung'] },
  { text: 'suspected IPF', expect: {}, absent: ['lung'] },
  { text: 'brain MRI pending', expect: { staging: { brainMri: 'not-done' } }, absent: ['brain'] },
  { text: 'possible adrenal met', expect: {}, absent: ['metastases'] },
  { text: 'adrenal met?', expect: {}, absent: ['metastases'] },
  { text: '3 bone mets, indeterminate liver lesion', expect: { metastases: { count: 3, sites: ['bone'] } } },
  { text: 'EGFR testing pending', expect: {}, absent: ['driver'] },
  { text: 'probable adenocarcinoma', expect: {}, absent: ['histology'] },
  { text: 'adeno vs squamous', expect: {}, absent: ['histology'] },
  { text: 'suspicious for leptomeningeal disease', expect: {}, absent: ['serosalDisease'] },
  { text: 'possible endobronchial component', expect: {}, absent: ['primary'] },
  { text: 'query haemoptysis', expect: {}, absent: ['symptoms'] },
];

describe('negation', () => {
  it.each(negated.map((r) => [r.text, r] as const))('%s', (_t, row) => {
    check(row);
  });
});

describe('hedging', () => {
  it.each(hedged.map((r) => [r.text, r] as const))('%s', (_t, row) => {
    check(row);
  });
});

describe('a negated or hedged fragment is read, not ignored', () => {
  it.each(['no haemoptysis', '?ILD', 'possible adrenal met', 'EGFR pending'])('%s', (text) => {
    expect(parseCase(text).ignored).toEqual([]);
  });
});

describe('negation never produces the positive value', () => {
  const pairs: [string, string, unknown][] = [
    ['no brain mets', 'brain', 'untreated-asymptomatic'],
    ['no ILD', 'lung.ild', 'ild'],
    ['no prior chest RT', 'lung.priorThoracicRt', true],
    ['no endobronchial component', 'primary.endobronchial', true],
  ];
  it.each(pairs)('%s', (text, path, positive) => {
    expect(get(parseCase(text).case, path)).not.toEqual(positive);
  });
});
