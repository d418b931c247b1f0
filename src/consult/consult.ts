// The one consult use case, front-end neutral: text or structured facts in, one answer shape out. Slack, the
// CLI and the JSON API (and next a CDS Hooks service) all call these; none of them reads, guards or
// evaluates on its own.
import { type CaseIssue, evaluate, type Output } from '../engine/index.js';
import { CodedError } from '../errors/index.js';
import type { IdentifierKind } from '../privacy/index.js';
import type { AuditContext, AuditPort } from './audit-port.js';
import { guardFacts } from './guard-facts.js';
import { readText } from './read-text.js';
import type { Reading } from './reading.js';

export interface ConsultContext {
  now: Date;
  /** Where the answer is recorded; omitted, nothing is recorded (tests, previews of a what-if). */
  audit?: { port: AuditPort; context: AuditContext };
}

export type TextConsult =
  | { kind: 'answer'; reading: Reading; output: Output; consultId: string | undefined }
  | { kind: 'empty'; reading: Reading };

export type CaseConsult =
  | { ok: true; output: Output; identifiersRemoved: IdentifierKind[]; consultId: string | undefined }
  | { ok: false; issues: CaseIssue[] };

/** Free text: guard → parse → evaluate → record. A text with no case fact is `empty`, not an answer. */
export async function consultText(text: string | Reading, ctx: ConsultContext): Promise<TextConsult> {
  const reading = typeof text === 'string' ? readText(text, { now: ctx.now }) : text;
  if (reading.factCount === 0) return { kind: 'empty', reading };
  const result = evaluate(reading.answerCase, { now: ctx.now });
  // The parser promises a schema-valid case; an invalid one is our defect, never the user's.
  if (!result.ok)
    throw new CodedError(
      'E_PARSE_INVALID_CASE',
      `invalid case at ${result.issues.map((i) => i.path).join(', ')}`,
    );
  const consultId = await record(result.output, ctx);
  return { kind: 'answer', reading, output: result.output, consultId };
}

/** Structured facts (form, API, CLI file): guard every string → evaluate → record. Bad facts are issues. */
export async function consultCase(facts: unknown, ctx: ConsultContext): Promise<CaseConsult> {
  const guarded = guardFacts(facts, ctx.now);
  const result = evaluate(guarded.facts, { now: ctx.now });
  if (!result.ok) return { ok: false, issues: result.issues };
  const consultId = await record(result.output, ctx);
  return { ok: true, output: result.output, identifiersRemoved: guarded.identifiersRemoved, consultId };
}

async function record(output: Output, ctx: ConsultContext): Promise<string | undefined> {
  return ctx.audit ? ctx.audit.port.record(output, ctx.audit.context) : undefined;
}
