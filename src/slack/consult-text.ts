// Free text → answer, shared by the slash command, mentions and the message shortcut. Identifiers are
// removed before parsing, so nothing downstream ever holds them; only facts leave this function.

import type { Case } from '../engine/index.js';
import { evaluate, type Output } from '../engine/index.js';
import { type ParseResult, parseCase } from '../parse/index.js';
import { guardIdentifiers, type IdentifierKind } from '../privacy/index.js';

export interface ReadText {
  /** The text with identifiers replaced by placeholders: the only form anything downstream sees. */
  redacted: string;
  parsed: ParseResult;
  case: Case;
  identifiers: IdentifierKind[];
  conflicts: string[];
  ignoredCount: number;
  factCount: number;
  /** Facts that make the text a case rather than a general question (stage, driver, burden, progression). */
  coreFactCount: number;
}

const CORE_FACT = /^(stage|driver|egfrVariant|metastases|serosalDisease|progression|histology)\b/;

export function readCaseText(text: string): ReadText {
  const guard = guardIdentifiers(text);
  const parsed = parseCase(guard.redacted);
  return {
    redacted: guard.redacted,
    parsed,
    case: parsed.case,
    identifiers: guard.kinds,
    conflicts: parsed.conflicts.map((c) => c.question),
    ignoredCount: parsed.ignored.length,
    factCount: parsed.understood.length,
    coreFactCount: parsed.understood.filter((u) => CORE_FACT.test(u.fact)).length,
  };
}

type ReadMeta = Omit<ReadText, 'case' | 'parsed' | 'redacted'>;

export type TextConsult = ({ kind: 'answer'; output: Output } & ReadMeta) | ({ kind: 'empty' } & ReadMeta);

export function consultText(text: string, now: Date): TextConsult {
  return consultRead(readCaseText(text), now);
}

/** Evaluates text already read (so the intent classifier and the consult share one parse). */
export function consultRead(read: ReadText, now: Date): TextConsult {
  const { case: facts, parsed: _parsed, redacted: _redacted, ...meta } = read;
  if (read.factCount === 0) return { kind: 'empty', ...meta };
  const result = evaluate(facts, { now });
  if (!result.ok) {
    // The parser promises a schema-valid case; reaching this is a defect, reported with a code upstream.
    throw new ConsultDefect(result.issues.map((i) => i.path).join(', '));
  }
  return { kind: 'answer', output: result.output, ...meta };
}

export class ConsultDefect extends Error {
  readonly code = 'E_PARSE_INVALID_CASE';
  constructor(paths: string) {
    super(`parser produced an invalid case at ${paths}`);
    this.name = 'ConsultDefect';
  }
}
