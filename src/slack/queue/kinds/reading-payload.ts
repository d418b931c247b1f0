// What a queued text request keeps of its reading: the route, the case facts (schema-valid, structured), the
// identifier kinds removed, the parser's conflict questions (built from parsed values, never the user's words)
// and how many fragments were ignored. Never the text itself.
import { z } from 'zod';
import { IDENTIFIER_KINDS, type Route } from '../../../consult/index.js';
import { CaseSchema, TOPICS } from '../../../engine/index.js';

export const IdentifierKindsSchema = z.array(z.enum(IDENTIFIER_KINDS)).max(20);

export const ReadingPayloadSchema = z.object({
  route: z.enum(['help', 'topic', 'empty', 'answer']),
  topic: z.enum(TOPICS).optional(),
  case: CaseSchema.optional(),
  identifiersRemoved: IdentifierKindsSchema,
  conflicts: z.array(z.string().min(1).max(500)).max(20),
  ignoredCount: z.number().int().min(0).max(100_000),
});
export type ReadingPayload = z.infer<typeof ReadingPayloadSchema>;

/** The payload of a routed text; undefined for routes answered at once (the form, an evidence lookup). */
export function readingPayload(routed: Route): ReadingPayload | undefined {
  if (routed.kind === 'form' || routed.kind === 'evidence') return undefined;
  const r = routed.reading;
  return {
    route: routed.kind,
    ...(routed.kind === 'topic' ? { topic: routed.topic } : {}),
    // A topic question keeps its case facts too: the answer is narrowed to what was asked (an ultracentral dose).
    ...(routed.kind === 'answer' || routed.kind === 'topic' ? { case: r.case } : {}),
    identifiersRemoved: [...r.identifiersRemoved],
    conflicts: r.conflicts.map((c) => c.question),
    ignoredCount: r.ignored.length,
  };
}
