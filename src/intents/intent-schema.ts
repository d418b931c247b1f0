// The shape of one file in intents/: what a user can ask, the words that signal it, and examples.
// Adding an intent is a new JSON file plus its handler; classification reads only this data.
import { z } from 'zod';
import { CASE_FIELD_BY_PATH } from '../engine/facts.js';

/** A case fact of decision-spec §2: a top-level field ("driver") or a nested one ("metastases.count"), as the
 * engine's fact catalogue lists them. */
export function isCaseFact(path: string): boolean {
  return CASE_FIELD_BY_PATH.has(path);
}

const Trigger = z.union([
  z.string().trim().min(1).max(80),
  z
    .object({
      phrase: z.string().trim().min(1).max(80),
      /** Score when the phrase occurs; by default the number of words in the phrase. */
      weight: z.number().positive().max(100),
    })
    .strict(),
]);

export const IntentFileSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
    description: z.string().trim().min(1).max(300),
    triggers: z.array(Trigger).min(1),
    /** Leading words that select this intent outright ("evidence CURB"). */
    subcommands: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a subcommand is one lower-case word')),
    facts: z
      .array(
        z.string().refine(isCaseFact, {
          message: 'not a case fact of decision-spec §2 (see CASE_FIELDS in src/engine/facts.ts)',
        }),
      )
      .min(0),
    examples: z.array(z.string().trim().min(1).max(2000)).min(10, 'give at least 10 realistic examples'),
    /** Score per case fact the parser finds in the text, once there are at least `minCaseFacts`. */
    caseFactWeight: z.number().min(0).max(10).optional(),
    minCaseFacts: z.number().int().min(1).max(20).optional(),
    /** This intent answers an empty message (exactly one intent). */
    empty: z.boolean().optional(),
    /** This intent answers when nothing else scores (exactly one intent). */
    fallback: z.boolean().optional(),
  })
  .strict();

export type Intent = z.output<typeof IntentFileSchema>;
export type IntentTrigger = z.output<typeof Trigger>;
