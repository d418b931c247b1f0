// The case facts travel in button values so that Share/Edit/Evidence work on any replica without a lookup.
// Only structured facts go in (never free text); they are validated again when they come back.
import { type Case, CaseSchema } from '../engine/index.js';

/** Button values may hold 2000 characters; keep a margin. */
export const MAX_TOKEN_LENGTH = 1900;

export function encodeCaseToken(c: Case | Record<string, unknown>): string | undefined {
  const token = JSON.stringify(c);
  return token.length <= MAX_TOKEN_LENGTH ? token : undefined;
}

export type DecodedCase = { ok: true; case: Case } | { ok: false; reason: string };

export function decodeCaseToken(value: unknown): DecodedCase {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TOKEN_LENGTH) {
    return { ok: false, reason: 'missing or oversized case token' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return { ok: false, reason: 'case token is not JSON' };
  }
  const parsed = CaseSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, case: parsed.data }
    : { ok: false, reason: 'case token failed validation' };
}
