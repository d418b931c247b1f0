// Public types of the identifier guard (HIPAA Safe Harbor, 45 CFR §164.514(b)(2)).

/** The identifier kinds the guard reports. Labelled account, plan, licence, device and similar
 * "other unique identifying numbers" are reported as `mrn`, the closest kind. */
export type IdentifierKind =
  | 'name'
  | 'mrn'
  | 'date'
  | 'phone'
  | 'email'
  | 'ssn'
  | 'address'
  | 'age-over-89'
  | 'url'
  | 'ip'
  | 'zip';

/** One detected identifier: `start`/`end` are UTF-16 offsets into the input (`end` exclusive). */
export interface IdentifierHit {
  kind: IdentifierKind;
  start: number;
  end: number;
}

export interface GuardResult {
  /** The input with every hit replaced by its placeholder; everything else is byte-identical. */
  redacted: string;
  /** Sorted by `start`, never overlapping. */
  hits: IdentifierHit[];
  /** Distinct kinds of `hits`, sorted. */
  kinds: IdentifierKind[];
}

export const PLACEHOLDERS: Readonly<Record<IdentifierKind, string>> = {
  name: '[NAME]',
  mrn: '[MRN]',
  date: '[DATE]',
  phone: '[PHONE]',
  email: '[EMAIL]',
  ssn: '[SSN]',
  address: '[ADDRESS]',
  'age-over-89': '[AGE>89]',
  url: '[URL]',
  ip: '[IP]',
  zip: '[ZIP]',
};

/** A detection before overlaps are resolved; the higher `priority` names the kind of a merged span. */
export interface Candidate extends IdentifierHit {
  priority: number;
}
