// Public types of the identifier guard (HIPAA Safe Harbor, 45 CFR §164.514(b)(2)).

/** The identifier kinds the guard reports. Labelled account, plan, licence, device and similar
 * "other unique identifying numbers" are reported as `mrn`, the closest kind. */
export const IDENTIFIER_KINDS = [
  'name',
  'mrn',
  'date',
  'phone',
  'email',
  'ssn',
  'address',
  'age-over-89',
  'url',
  'ip',
  'zip',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** One detected identifier: `start`/`end` are UTF-16 offsets (`end` exclusive) into the text named where it is used. */
export interface IdentifierHit {
  kind: IdentifierKind;
  start: number;
  end: number;
}

export interface GuardOptions {
  /** The year "now" for birth years that imply an age over 89 (default {@link DEFAULT_REFERENCE_YEAR}); pass the
   * consult's clock year. The guard never reads a clock itself. */
  referenceYear?: number;
}

/** Used when no reference year is passed, so that the guard stays deterministic. */
export const DEFAULT_REFERENCE_YEAR = 2026;

export interface GuardResult {
  /** The NORMALISED text (`normalized`) with every hit replaced by its placeholder; everything else is
   * byte-identical to `normalized`, not to the input: NFKC, invisible characters removed, space and dash variants
   * folded, Slack escapes and markup decoded, and nothing past the length cap. Parse this, not the input. */
  redacted: string;
  /** Offsets into the ORIGINAL input; sorted by `start`, never overlapping. A hit inside decoded Slack markup
   * covers the whole markup token. */
  hits: IdentifierHit[];
  /** Distinct kinds of `hits`, sorted. */
  kinds: IdentifierKind[];
  /** The normalised text `redacted` was built from (it still contains the identifiers: never log or store it). */
  normalized: string;
  /** The same hits as offsets into `normalized`. */
  normalizedHits: IdentifierHit[];
  /** True when the input was longer than MAX_GUARD_INPUT_LENGTH: the rest was not read and is not in `redacted`. */
  truncated: boolean;
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
