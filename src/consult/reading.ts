// What one reading of a free text yields, in one shape for every front end: the text with identifiers
// replaced (the only form anything downstream holds), the facts understood with their spans in that text,
// the fragments not used, the conflicts left unknown, and the identifier kinds removed.
import { type Case, CORE_CASE_FIELDS } from '../engine/index.js';
import type { ParseResult, Span } from '../parse/index.js';
import type { IdentifierKind } from '../privacy/index.js';
import { saferConflicts } from './safer-conflicts.js';

export interface ReadFact {
  /** Dotted case path, e.g. `metastases.count`. */
  fact: string;
  value: unknown;
  /** Offsets into `Reading.redacted`. */
  span: Span;
  /** `redacted.slice(span.start, span.end)`: never holds an identifier. */
  text: string;
}

export interface ReadFragment {
  span: Span;
  text: string;
}

export interface ReadConflict {
  fact: string;
  values: unknown[];
  question: string;
  /** `conflict`: the text states two values and the fact is left unknown; `suspected`: the text names it only as
   * possible ("possible ILD") and the answer meanwhile uses that value. Both are asked; only the wording differs. */
  kind: 'conflict' | 'suspected';
}

export interface Reading {
  redacted: string;
  identifiersRemoved: IdentifierKind[];
  understood: ReadFact[];
  ignored: ReadFragment[];
  conflicts: ReadConflict[];
  /** The facts as a schema-valid case; conflicting or unknown facts are absent. */
  case: Case;
  /** The case an answer is given for: `case`, plus the riskier value of a conflict whose absence would let the
   * engine assume a favourable default ("ECOG 2-3" is not answered as ECOG 0–1; safer-conflicts.ts). */
  answerCase: Case;
  /** Dotted paths of every fact the text stated, understood or in conflict. */
  factPaths: string[];
  /** Distinct top-level facts stated (understood or in conflict). */
  factCount: number;
  /** Facts that make a text a case rather than a general question. */
  coreFactCount: number;
}

export function toReading(redacted: string, identifiers: IdentifierKind[], parsed: ParseResult): Reading {
  const understood = parsed.understood.map((u) => ({
    fact: u.fact,
    value: u.value,
    span: u.span,
    text: redacted.slice(u.span.start, u.span.end),
  }));
  const ignored = parsed.ignored
    .map((span) => ({ span, text: redacted.slice(span.start, span.end) }))
    .filter((f) => f.text.trim() !== '');
  // A suspected safety fact ("possible ILD") is asked like a conflict and answered at the suspected value.
  const safer = saferConflicts(parsed.case, [
    ...parsed.conflicts.map((c) => ({
      fact: c.fact,
      values: c.values,
      question: c.question,
      kind: 'conflict' as const,
    })),
    ...parsed.suspected.map((s) => ({
      fact: s.fact,
      values: [s.value],
      question: s.question,
      kind: 'suspected' as const,
    })),
  ]);
  const conflicts = safer.conflicts;
  const factPaths = [...understood.map((u) => u.fact), ...conflicts.map((c) => c.fact)];
  const topLevel = new Set(factPaths.map((p) => p.split('.')[0] as string));
  return {
    redacted,
    identifiersRemoved: identifiers,
    understood,
    ignored,
    conflicts,
    case: parsed.case,
    answerCase: safer.case,
    factPaths,
    factCount: topLevel.size,
    coreFactCount: [...topLevel].filter((f) => CORE_CASE_FIELDS.has(f)).length,
  };
}
