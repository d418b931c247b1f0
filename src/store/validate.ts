// Input checks shared by the aggregates: every public write and query is read through zod, and a refusal is a
// StoreError('invalid-input') naming the field, never a driver error from a bad bind.
import { z } from 'zod';
import { StoreError } from './types.js';

export const SlackishId = z.string().trim().min(1).max(255);

export const ListQuerySchema = z.object({
  teamId: SlackishId.optional(),
  userId: SlackishId.optional(),
  limit: z.number().int().min(1).max(1000),
});

export function validate<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((i) => `${i.path.join('.') || what} ${i.message}`).join('; ');
  throw new StoreError('invalid-input', `${what}: ${where}`);
}
