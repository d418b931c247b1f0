// Clinical text without identifiers must pass through untouched, and redaction keeps the clinical facts.
import { describe, expect, it } from 'vitest';
import { guardIdentifiers } from '../../src/privacy/index.js';
import { PUBLIC_EXAMPLE_TEXTS } from '../support/public-examples.js';
import { expectWellFormed } from './helpers.js';

/** The public example cases of decision-spec §7. */
const SPEC_EXAMPLES = PUBLIC_EXAMPLE_TEXTS;

const CLINICAL = [
  '62F adeno EGFR ex19del, 3 bone mets + R adrenal, ECOG 1, PR on osi x3mo, RUL 2.8 cm peripheral, PET + MRI brain neg',
  'cT2bN2M1c stage IVB, PS 2, KPS 70, PD-L1 80%',
  'Plan SABR 54 Gy / 3 to the RUL primary, V20 < 30%',
  'Consolidative RT 60 Gy/30 fx after C4D1 of carbo/pem/pembro',
  'Brain met treated with SRS; alternative 12 Gy x 5 to the primary, now at 8/52 follow-up',
  'Prior chest RT 2019, UIP pattern on CT, FEV1 1.2 L',
  'T2N1M1b, 4.2 cm LUL mass, 28 mm adrenal lesion, x3 mo on osimertinib',
  'Discussed at MDT: eligible for NRG-LU002 or a SINDAS-like approach; NROG-002 supports RT in EGFR',
  'Evidence: SINDAS, CURB, NorthStar, RTOG 0813, PACIFIC, HILUS, SUNSET, SABR-COMET',
  'Osimertinib continued; Carboplatin and Pemetrexed held. IASLC and ASTRO guidance apply.',
  'PET-CT 3 months after induction: PR, no new lesions. MRI brain negative.',
  'KRAS G12C, TPS 1-49%, started sotorasib, ECOG 1',
  'ALK-rearranged adeno on alectinib x 14 months, oligoprogression in primary only',
  'Patient Reported Outcomes questionnaire completed; Patient Preference for SBRT documented',
  'ECOG 0-1, WHO PS 1, cT3 N1 M1a, malignant pleural effusion drained',
  'Dose 50 Gy in 5 fractions, BED10 100 Gy, central location',
  'Discussed with Dr. MRI brain reviewed, no lesions',
  'Ultracentral 5 cm hilar mass abutting the left main bronchus, consider 60 Gy in 8 fx',
  'Ki-67 30%, TTF-1 positive, napsin A positive',
  'PFS 25.5 vs 16.9 months (HR 0.43); OS 52.1 vs 34.4 months',
  'Pt PR on osi, plan consolidative SABR to primary',
  'Pt ECOG 1, 3 bone mets, T790M negative',
  'Age 75, 62F, 70M, 85 yo male on the waiting list',
  'Labs: Hb 125, Cr 78, eGFR 85, ALT 22',
  'Doses: 30 Gy/10 fx palliative, 20 Gy/5, 8 Gy x 1',
  'FLAURA2 regimen; MARIPOSA amivantamab + lazertinib',
  'Reviewed by thoracic oncology; Radiology: 3 mets, largest 1.8 cm in segment 7',
  'Stage IV (M1c) with 6 lesions in 3 organs; polymetastatic',
  'Lesions: L1 vertebra, R 6th rib, left adrenal 2.1 x 1.9 cm',
  'Timing: with first-line therapy or after 3-6 months of induction',
  'BRAF V600E on dabrafenib/trametinib, response PR, consider RT to residual primary',
  'Pack-years 40, ex-smoker since 2015, lives alone, independent',
  'CTCAE grade 2 pneumonitis after durvalumab in 2021',
  'Next review in 6 weeks; repeat CT at 3/12',
  'HER2 exon 20 insertion, trastuzumab deruxtecan 3rd line',
  'HR 0.56 (95% CI 0.38-0.82), p = 0.003',
  'ECOG 2 after 4 cycles; 92% adherence to osimertinib',
  'Stage IVA, M1b single brain met s/p SRS 21 Gy; ECOG 1 May need further imaging',
  'LLL 3.1 cm; mediastinal nodes 4R, 7, 10R positive on EBUS',
  'WBRT 20 Gy/5 in 2020, now oligoprogression at 12 months',
  'Trial ID NCT03410043 was discussed as an alternative',
  'Discussed with Thoracic Surgery and seen by Palliative Care; referred by GP',
  'wife present, son aware; patient prefers SBRT over surgery',
  'Dr. Plan: SABR 55 Gy in 5 fx to the primary',
  'Gene panel: EGFR, ALK, ROS1, RET, MET, BRAF, NTRK, HER2, KRAS, STK11, KEAP1, TP53',
  'KPS 90, PS 0, V5 < 60%, MLD < 20 Gy, D2cc oesophagus < 35 Gy',
  'CA 125 normal, CEA 12, CA 19-9 not done',
  'T 38.2, HR 92, BP 120/80, SpO2 95% on RA, RR 18; Hb 92 g/L',
  'Dose escalation 8-10-12 Gy per fraction; ruleset 2026.1.0',
  'Mx: SABR to primary; Mx Watch and wait for nodes',
  'd/w Rad Onc and Med Onc, agreed plan; partner site to deliver RT',
  'Patient Demographics and Patient Factors reviewed; Per Dr’s advice osimertinib continued',
  'Admitted to the ward with pneumonitis; CPS 95, TPS 90%',
  'Referred from St James’s for consideration of SABR; Rev CT in 3 months',
  'Trials: NCT02417662 (SABR-COMET-10), NCT03137771, protocol NRG-LU002 arm 2',
];

describe('guardIdentifiers: clinical text has no identifiers', () => {
  it('has at least 40 clinical sentences', () => {
    expect(SPEC_EXAMPLES.length + CLINICAL.length).toBeGreaterThanOrEqual(40);
  });

  it.each([...SPEC_EXAMPLES, ...CLINICAL])('%j', (sentence) => {
    const result = guardIdentifiers(sentence);
    expect(result.hits).toEqual([]);
    expect(result.kinds).toEqual([]);
    expect(result.redacted).toBe(sentence);
  });
});

describe('guardIdentifiers: redaction keeps the clinical facts', () => {
  const note =
    'Mr John Smith (MRN 12345678, DOB 03/04/1961), seen by Dr Jane Doe on 12 March 2024. ' +
    '62F adeno EGFR ex19del, 3 bone mets + R adrenal, ECOG 1, PR on osi x3mo, RUL 2.8 cm peripheral, ' +
    'PET + MRI brain neg. cT2bN2M1c stage IVB, PD-L1 80%. Plan SABR 54 Gy / 3, V20 < 30%. ' +
    'Prior chest RT 2019. Contact: tel 020 7946 0958, john.smith@example.com, 42 Elm Street, Leeds LS1 4AB.';

  it('removes every identifier of a full tumour-board note', () => {
    const result = guardIdentifiers(note);
    expectWellFormed(note, result);
    for (const secret of [
      'John Smith',
      '12345678',
      '03/04/1961',
      'Jane Doe',
      '12 March 2024',
      '7946 0958',
      'john.smith@example.com',
      'Elm Street',
      'LS1 4AB',
    ]) {
      expect(result.redacted).not.toContain(secret);
    }
    expect(result.kinds).toEqual(['address', 'date', 'email', 'mrn', 'name', 'phone']);
  });

  it('keeps the clinical facts byte-identical', () => {
    const { redacted } = guardIdentifiers(note);
    for (const fact of [
      '62F adeno EGFR ex19del, 3 bone mets + R adrenal, ECOG 1, PR on osi x3mo, RUL 2.8 cm peripheral',
      'PET + MRI brain neg.',
      'cT2bN2M1c stage IVB, PD-L1 80%.',
      'Plan SABR 54 Gy / 3, V20 < 30%.',
      'Prior chest RT 2019.',
    ]) {
      expect(redacted).toContain(fact);
    }
    expect(redacted).toBe(
      '[NAME] (MRN [MRN], DOB [DATE]), seen by [NAME] on [DATE]. ' +
        '62F adeno EGFR ex19del, 3 bone mets + R adrenal, ECOG 1, PR on osi x3mo, RUL 2.8 cm peripheral, ' +
        'PET + MRI brain neg. cT2bN2M1c stage IVB, PD-L1 80%. Plan SABR 54 Gy / 3, V20 < 30%. ' +
        'Prior chest RT 2019. Contact: tel [PHONE], [EMAIL], [ADDRESS].',
    );
  });

  it('keeps the facts around an age over 89 and a record number', () => {
    const { redacted } = guardIdentifiers('92M, NHS 943 476 5919, EGFR L858R, oligometastatic, ECOG 2');
    expect(redacted).toBe('[AGE>89], NHS [MRN], EGFR L858R, oligometastatic, ECOG 2');
  });

  // The name rule beside an identifier once backed off into "ROS1" and redacted its "RO" as a name.
  it.each([
    ['mail a@b.org, ROS1 fusion', 'mail [EMAIL], ROS1 fusion'],
    ['MRN 12345678 ROS1 fusion', 'MRN [MRN] ROS1 fusion'],
    ['tel 07700 900123, HER2 exon 20, ALK1 negative', 'tel [PHONE], HER2 exon 20, ALK1 negative'],
    ['DOB 03/04/1961 NTRK1 fusion', 'DOB [DATE] NTRK1 fusion'],
  ])('keeps a gene name with digits beside an identifier whole: %s', (text, expected) => {
    expect(guardIdentifiers(text).redacted).toBe(expected);
  });
});
