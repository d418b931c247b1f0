// What a queued text request keeps of its reading: the route, the case facts (schema-valid, structured), the
// identifier kinds removed, the parser's conflict questions (built from parsed values, never the user's words)
// and how many fragments were ignored; for an evidence lookup, the ids of the ruleset entries it matched. Never
// the text itself.
import { z } from 'zod';
import { IDENTIFIER_KINDS, type Route } from '../../../consult/index.js';
import { CaseSchema, type Ruleset, TOPICS } from '../../../engine/index.js';
import { matchEvidence } from '../../blocks/evidence-lookup.js';

export const IdentifierKindsSchema = z.array(z.enum(IDENTIFIER_KINDS)).max(20);

const RulesetIds = z.array(z.string().min(1).max(100)).max(1000);
export const EvidenceMatchSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('usage') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('found'), citations: RulesetIds, statements: RulesetIds }),
]);

export const ReadingPayloadSchema = z.object({
  route: z.enum(['help', 'topic', 'empty', 'answer', 'evidence']),
  evidence: EvidenceMatchSchema.optional(),
  topic: z.enum(TOPICS).optional(),
  case: CaseSchema.optional(),
  identifiersRemoved: IdentifierKindsSchema,
  conflicts: z.array(z.string().min(1).max(500)).max(20),
  ignoredCount: z.number().int().min(0).max(100_000),
});
export type ReadingPayload = z.infer<typeof ReadingPayloadSchema>;

/** The payload of a routed text; undefined for the form (opened at once: a trigger id lasts 3 s). */
export function readingPayload(routed: Route, ruleset: Ruleset): ReadingPayload | undefined {
  if (routed.kind === 'form') return undefined;
  const r = routed.reading;
  return {
    route: routed.kind,
    // The lookup is matched here, before the ack: the queue keeps what matched, never the query.
    ...(routed.kind === 'evidence' ? { evidence: matchEvidence(routed.query, ruleset) } : {}),
    ...(routed.kind === 'topic' ? { topic: routed.topic } : {}),
    // A topic question keeps its case facts too: the answer is narrowed to what was asked (an ultracentral dose).
    ...(routed.kind === 'answer' || routed.kind === 'topic' ? { case: r.answerCase } : {}),
    identifiersRemoved: [...r.identifiersRemoved],
    conflicts: r.conflicts.map((c) => c.question),
    ignoredCount: r.ignored.length,
  };
}
