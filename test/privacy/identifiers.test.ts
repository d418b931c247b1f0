// Every Safe Harbor identifier kind, embedded in tumour-board sentences: each must be found with its kind.
import { describe, expect, it } from 'vitest';
import { guardIdentifiers, type IdentifierKind } from '../../src/privacy/index.js';
import { expectWellFormed, kindCovering } from './helpers.js';

/** [kind, sentence, the identifier text that must be covered by a hit of that kind] */
type Case = readonly [IdentifierKind, string, string];

const NAMES: Case[] = [
  ['name', 'Mr Smith, 62F adeno EGFR ex19del, ECOG 1, for consolidative SABR', 'Mr Smith'],
  ['name', "Mrs. O'Neill: 70F squamous, 2 liver mets, SD after 4 cycles carbo/pacli/pembro", "Mrs. O'Neill"],
  ['name', 'Mrs O’Neill attended with her daughter; plan SBRT 60 Gy in 8 fx', 'O’Neill'],
  ['name', 'Referred by Dr Jane Doe (thoracic surgery) for RT to the RUL primary', 'Dr Jane Doe'],
  ['name', 'patient John Smith, 58M, cT2bN2M1c adeno, PR on osimertinib x3mo', 'John Smith'],
  ['name', 'pt: J. Smith, EGFR L858R, ECOG 2, oligometastatic', 'J. Smith'],
  ['name', 'Name: SMITH, John. Stage IVB adeno, PD-L1 80%', 'SMITH, John'],
  ['name', 'Patient: Jane Doe, 68F, squamous, ECOG 1', 'Jane Doe'],
  ['name', 'Ms Zoë Müller, 68F, ALK-rearranged adeno on alectinib', 'Zoë Müller'],
  ['name', 'Discussed with Prof. van der Berg re: SABR 54 Gy / 3 to the primary', 'van der Berg'],
  ['name', 'd/w Dr.Ng (resp) today: PET-CT shows 3 bone mets', 'Dr.Ng'],
  ['name', 'wife Mary present at clinic, patient keen on consolidative RT', 'Mary'],
  ['name', "Next of kin: Peter O'Brien (son), lives locally", "Peter O'Brien"],
  ['name', 'Seen by Dr. Smith-Jones and Dr McDonald in the lung MDT', 'Smith-Jones'],
  ['name', 'Seen by Dr. Smith-Jones and Dr McDonald in the lung MDT', 'McDonald'],
  ['name', 'Mr John A. Smith, 74M, ex-smoker, 40 pack-years, RUL 4.2 cm', 'John A. Smith'],
  ['name', 'Signed: Dr Aisha Patel, Clinical Oncology', 'Aisha Patel'],
  ['name', 'Dr SMITH reviewed the PET-CT: 3 bone mets, no brain mets', 'Dr SMITH'],
];

const RECORD_NUMBERS: Case[] = [
  ['mrn', 'MRN 12345678: 62F adeno EGFR ex19del, ECOG 1', '12345678'],
  ['mrn', 'MRN: A1234567, cT2bN2M1c, stage IVB', 'A1234567'],
  ['mrn', 'hosp no 1234567, oligoprogression in the primary only', '1234567'],
  ['mrn', 'NHS 943 476 5919, squamous, 2 liver mets', '943 476 5919'],
  ['mrn', 'Case #00123456 for the thoracic MDT: KRAS G12C, TPS 60%', '00123456'],
  ['mrn', 'Hospital number: RX1234567, PS 2, PR after 3 months osimertinib', 'RX1234567'],
  ['mrn', 'MR# 7788990, EGFR ex19del, brain MRI negative', '7788990'],
  ['mrn', 'Medical record number 44556677; for SABR-COMET-style ablation', '44556677'],
  ['mrn', 'Unit No: 0012345, adeno, 2 bone mets', '0012345'],
  ['mrn', 'CHI 0101011234: consolidative RT after induction', '0101011234'],
  ['mrn', 'Patient ID: P-00098765, widespread disease', 'P-00098765'],
  ['mrn', 'Medicare no 1EG4-TE5-MK73 on file; palliative RT 20 Gy/5', '1EG4-TE5-MK73'],
  ['mrn', 'Insurance ID: XJH123456789, ECOG 0', 'XJH123456789'],
  ['mrn', 'MRN#: 123456, EGFR ex19del, oligometastatic', '123456'],
  ['mrn', 'ID no. 98765432, adeno, TKI-naive', '98765432'],
  ['mrn', 'Acct 556677889 billed for SABR planning', '556677889'],
];

const DATES: Case[] = [
  ['date', 'DOB 03/04/1961, 62F adeno, ECOG 1', '03/04/1961'],
  ['date', 'PET-CT on 12 March 2024 showed 3 bone mets + R adrenal', '12 March 2024'],
  ['date', 'MRI brain 2024-03-12 negative; plan SBRT', '2024-03-12'],
  ['date', 'Started osimertinib 3/12/24, PR on CT at 8/52', '3/12/24'],
  ['date', 'CT 12-Mar-2024: stable RUL 2.8 cm primary', '12-Mar-2024'],
  ['date', 'EBUS on 12th of March 2024 confirmed N2 disease', '12th of March 2024'],
  ['date', 'Seen in clinic March 12th; consent for SBRT', 'March 12th'],
  ['date', 'SBRT completed Sept 5, 2023 with no pneumonitis', 'Sept 5, 2023'],
  ['date', 'DOB: 4 July 1952, squamous, ECOG 2', '4 July 1952'],
  ['date', 'Date of birth: 19610304; EGFR L858R', '19610304'],
  ['date', 'CT 12.03.2024: PR in primary and adrenal', '12.03.2024'],
  ['date', 'Last restaging March 2024, stable disease on pembro', 'March 2024'],
  ['date', 'Last scan 03/2024: oligoprogression in the primary', '03/2024'],
  ['date', 'd.o.b. 01-02-1950, PS 1, prior chest RT 2019', '01-02-1950'],
  ['date', 'DOB: 3rd April 1961, cT2bN2M1c adeno', '3rd April 1961'],
  ['date', 'Restaging MRI 2024-03-12T10:30, no new brain mets', '2024-03-12T10:30'],
];

const CONTACTS: Case[] = [
  ['phone', 'Family contact tel 020 7946 0958 if RT is offered', '020 7946 0958'],
  ['phone', 'Call (555) 123-4567 to book the SABR planning CT', '(555) 123-4567'],
  ['phone', 'Fax 555.765.4321 the PET report to the MDT coordinator', '555.765.4321'],
  ['phone', 'Daughter mobile +44 7700 900123, patient ECOG 1', '+44 7700 900123'],
  ['phone', 'Fax: 0161 496 0000 for the referral letter', '0161 496 0000'],
  ['phone', 'Pt contactable on +1 (617) 555-0199 about trial screening', '+1 (617) 555-0199'],
  ['phone', 'Husband on +33 1 23 45 67 89 (France), plan consolidative RT', '+33 1 23 45 67 89'],
  ['phone', 'GP surgery tel. 0113 243 3144, ECOG 1', '0113 243 3144'],
  ['phone', 'Son in Sydney on +61 2 9876 5432, agrees with SABR', '+61 2 9876 5432'],
  ['email', 'Send images to john.smith@example.com before the MDT', 'john.smith@example.com'],
  ['email', 'Reply to lung-mdt+tb@nhs.net with the dose plan 60 Gy/30 fx', 'lung-mdt+tb@nhs.net'],
  ['email', 'Patient emailed j_doe99@mail.co.uk asking about SBRT', 'j_doe99@mail.co.uk'],
  ['ssn', 'SSN 123-45-6789 on the referral form; 62F adeno', '123-45-6789'],
  ['ssn', 'social security number 123 45 6789, EGFR ex19del', '123 45 6789'],
  ['ssn', 'Insurance form lists 078-05-1120 for the patient', '078-05-1120'],
];

const PLACES: Case[] = [
  ['address', 'Lives at 42 Elm Street, Springfield, IL 62704, ECOG 1', '42 Elm Street'],
  ['address', 'Address: 221B Baker Street, London NW1 6XE. Adeno, 2 bone mets', '221B Baker Street'],
  ['address', 'Home 1600 Pennsylvania Avenue NW, Washington, DC 20500; PS 2', '1600 Pennsylvania Avenue NW'],
  ['address', 'Correspondence to PO Box 1234, stage IVB squamous', 'PO Box 1234'],
  ['address', "Flat 3, 15 Queen's Road, Leeds LS1 4AB: transport needed for 30 Gy/10 fx", "15 Queen's Road"],
  ['address', 'Lives in Leeds with wife, travels for SABR', 'Leeds'],
  ['address', 'Staying at 7 Oak Dr while on treatment', '7 Oak Dr'],
  ['zip', 'Postcode SW1A 1AA, travel time 2 h for daily RT', 'SW1A 1AA'],
  ['zip', 'ZIP 90210-1234 on file, ECOG 1', '90210-1234'],
  ['zip', 'Moved to Boston, MA 02139; 4.2 cm LUL mass', '02139'],
  ['zip', 'Postcode: M1 1AE; referred for consolidative RT', 'M1 1AE'],
];

const NETWORK: Case[] = [
  ['url', 'Images at https://portal.hospital.org/pt/123 for the MDT', 'https://portal.hospital.org/pt/123'],
  ['url', 'Trial info: www.trialsite.co.uk (patient portal)', 'www.trialsite.co.uk'],
  ['url', 'PACS link http://10.0.0.5:8080/pacs?study=991 attached', 'http://10.0.0.5:8080/pacs?study=991'],
  ['url', 'Personal blog mysite.example.org/jsmith mentions the diagnosis', 'mysite.example.org/jsmith'],
  ['ip', 'Portal login from 192.168.1.10 flagged, scan reviewed', '192.168.1.10'],
  ['ip', 'Upload host 2001:db8::8a2e:370:7334 for DICOM', '2001:db8::8a2e:370:7334'],
  ['ip', 'Remote access from 10.20.30.40 during the board', '10.20.30.40'],
];

const AGES: Case[] = [
  ['age-over-89', '92M EGFR L858R, ECOG 2, oligometastatic', '92M'],
  ['age-over-89', 'age 91, adeno, PS 2, 3 bone mets', 'age 91'],
  ['age-over-89', '93-year-old woman with squamous NSCLC and haemoptysis', '93-year-old'],
  ['age-over-89', '95 yo F, ALK+, on alectinib x 14 months', '95 yo'],
  ['age-over-89', '92 y/o male, cT3N1M1a, malignant effusion', '92 y/o'],
  ['age-over-89', 'Aged 90, fit, ECOG 1, wants consolidative RT', 'Aged 90'],
  ['age-over-89', '101 years old, frail, ECOG 3', '101 years old'],
  ['age-over-89', 'In her 90s with oligometastatic adeno', 'In her 90s'],
  ['age-over-89', 'A nonagenarian with EGFR ex19del', 'nonagenarian'],
  ['age-over-89', '94-yr-old man with 2 brain mets s/p SRS', '94-yr-old'],
  ['age-over-89', '96F EGFR ex19del, PR on osi', '96F'],
];

const ALL: Case[] = [...NAMES, ...RECORD_NUMBERS, ...DATES, ...CONTACTS, ...PLACES, ...NETWORK, ...AGES];

describe('guardIdentifiers: identifier cases', () => {
  it('has at least 60 cases and covers every kind', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ALL.map(([kind]) => kind)).size).toBe(11);
  });

  it.each(ALL)('%s in %j', (kind, sentence, identifier) => {
    const start = sentence.indexOf(identifier);
    expect(start, 'test case is consistent').toBeGreaterThanOrEqual(0);
    const result = guardIdentifiers(sentence);
    expect(kindCovering(result, start, start + identifier.length)).toBe(kind);
    expect(result.kinds).toContain(kind);
    expect(result.redacted).not.toContain(identifier);
    expectWellFormed(sentence, result);
  });
});
