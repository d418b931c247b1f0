// Names after a title, a role word or a label where the word after the cue is also a clinical or common word, is
// written in upper or lower case, sits inside Slack italics, or follows a French, German, Spanish or Dutch title.
import { describe, it } from 'vitest';
import { expectKept as keeps, expectRemoved as removes } from './helpers.js';

function removesName(text: string, ...secrets: string[]): void {
  removes(text, secrets, 'name');
}

describe('a title before a stop-listed surname', () => {
  it.each([
    ['Seen with Mrs Graves, 2 liver mets', 'Graves'],
    ['Mr Barrett has a solitary adrenal lesion', 'Barrett'],
    ['Dr Pearson will present the PET', 'Pearson'],
    ['Mrs Fair: ECOG 1, for SABR', 'Fair'],
    ['Superior sulcus tumour in Mr Horner, T3N0', 'Horner'],
    ["Dr Lambert's patient, KRAS G12C", 'Lambert'],
  ])('%s', (text, surname) => removesName(text, surname));

  it('takes a stop-listed given name and the surname after it', () => {
    removesName('Referral from Mrs Laura Patel, EGFR ex19del', 'Laura', 'Patel');
    removesName('Mr Ivor Lewis, squamous, T2N1', 'Ivor', 'Lewis');
  });

  it('keeps the eponym itself and a title followed by a review word', () => {
    keeps('Pancoast tumour with Horner syndrome');
    keeps('Ivor Lewis oesophagectomy in 2019');
    keeps('Prof. Review pending');
    keeps('Dr to review, Mr to discuss');
    keeps('Dr Plan: restage after 2 cycles');
  });
});

describe('titles in other cases and languages', () => {
  it.each([
    ['_Mrs Kowalczyk_ for SBRT to the primary', 'Kowalczyk'],
    ['MR ADEBAYO, PS 1, 3 bone mets', 'ADEBAYO'],
    ["MRS O'DONNELL for consolidative RT", "O'DONNELL"],
    ['mrs hartley, oligoprogression', 'hartley'],
    ['Dr. okafor reviewed the CT', 'okafor'],
    ['Mme Lefebvre, ALK positive', 'Lefebvre'],
    ['Frau Schneider, EGFR L858R', 'Schneider'],
    ['Sra. Fernández Ruiz, stage IVA', 'Fernández', 'Ruiz'],
  ])('%s', (text, ...secrets) => removesName(text, ...secrets));

  it('keeps MR imaging and MS as abbreviations', () => {
    keeps('MR brain showed 2 new mets');
    keeps('MR Brain: no metastases');
    keeps('MR angio of the SVC');
    keeps('MR SPINE clear');
    keeps('MS 3 lesions');
    keeps('Ms to discuss');
  });
});

describe('lower-case names after a role word or a label', () => {
  it.each([
    ['pt jones for SABR to the adrenal', 'jones'],
    ['patient mary jones, adeno', 'mary', 'jones'],
    ['Name: patel', 'patel'],
  ])('%s', (text, ...secrets) => removesName(text, ...secrets));

  it('keeps lower-case clinical words after a role word', () => {
    keeps('pt stable on osimertinib');
    keeps('pt declined chemotherapy');
    keeps('patient may benefit from SABR');
    keeps('pt mobilising, afebrile');
    keeps('miss a dose of pembro');
  });
});

describe('a stop-listed given name before a surname, without a title', () => {
  it.each([
    ['Laura Patel, 66F, adeno', 'Laura'],
    ['Alex Turner 58M squamous', 'Alex'],
    ['Destiny Okoro, 49F, EGFR', 'Destiny'],
    ['Laura Jones, EGFR ex19del', 'Laura'],
  ])('%s', (text, given) => removesName(text, given));

  it('keeps the trials named like them', () => {
    keeps('LAURA trial: consolidation osimertinib');
    keeps('ALEX trial alectinib vs crizotinib');
    keeps('Alex trial data');
    keeps('Destiny Lung01 trial');
  });
});

describe('initials and apostrophe particles after a title', () => {
  it.each([
    ['Mr K.P. for SBRT', 'K.P.'],
    ['Dr B. reviewed the PET', 'B.'],
    ["Mrs d'Arcy, adeno", "d'Arcy"],
  ])('%s', (text, secret) => removesName(text, secret));

  it('keeps a title followed by a lone capital without a stop', () => {
    keeps('Dr A to review');
    keeps('MR T2 lesion');
  });
});
