import { expect } from 'vitest';
import {
  type GuardResult,
  guardIdentifiers,
  IDENTIFIER_KINDS,
  type IdentifierKind,
} from '../../src/privacy/index.js';

export const ALL_KINDS: readonly IdentifierKind[] = IDENTIFIER_KINDS;

/** The kind of the hit that covers `text.slice(start, end)` entirely, or undefined. */
export function kindCovering(result: GuardResult, start: number, end: number): IdentifierKind | undefined {
  return result.hits.find((h) => h.start <= start && h.end >= end)?.kind;
}

/** The guard removes every secret from `text` (naming `kind`, when given) and its result is well formed. */
export function expectRemoved(
  text: string,
  secrets: string | readonly string[],
  kind?: IdentifierKind,
): void {
  const r = guardIdentifiers(text);
  for (const s of typeof secrets === 'string' ? [secrets] : secrets)
    expect(r.redacted, text).not.toContain(s);
  if (kind) expect(r.kinds, text).toContain(kind);
  expectWellFormed(text, r);
}

/** The guard leaves `text` exactly as it is. */
export function expectKept(text: string): void {
  expect(guardIdentifiers(text).redacted).toBe(text);
}

/** Structural invariants every result must satisfy, whatever the input. `redacted` is built from the
 * normalised text; `hits` are offsets into the original input. */
export function expectWellFormed(text: string, result: GuardResult): void {
  let previousEnd = 0;
  for (const h of result.hits) {
    expect(ALL_KINDS).toContain(h.kind);
    expect(Number.isInteger(h.start) && Number.isInteger(h.end)).toBe(true);
    expect(h.start).toBeGreaterThanOrEqual(previousEnd);
    expect(h.end).toBeGreaterThan(h.start);
    expect(h.end).toBeLessThanOrEqual(text.length);
    previousEnd = h.end;
  }
  const norm = result.normalized;
  let rebuilt = '';
  previousEnd = 0;
  for (const h of result.normalizedHits) {
    expect(h.start).toBeGreaterThanOrEqual(previousEnd);
    expect(h.end).toBeGreaterThan(h.start);
    expect(h.end).toBeLessThanOrEqual(norm.length);
    rebuilt += norm.slice(previousEnd, h.start) + placeholderOf(h.kind);
    previousEnd = h.end;
  }
  rebuilt += norm.slice(previousEnd);
  expect(result.redacted).toBe(rebuilt);
  expect(result.kinds).toEqual([...new Set(result.normalizedHits.map((h) => h.kind))].sort());
  expect(result.hits.length > 0).toBe(result.normalizedHits.length > 0);
  // A value of four characters or more never survives anywhere; a shorter one never survives as a whole word.
  for (const h of result.normalizedHits) {
    const value = norm.slice(h.start, h.end);
    const survives =
      value.length >= 4
        ? result.redacted.includes(value)
        : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'u').test(
            result.redacted,
          );
    expect(survives, `redacted still contains ${JSON.stringify(value)}`).toBe(false);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function placeholderOf(kind: IdentifierKind): string {
  return kind === 'age-over-89' ? '[AGE>89]' : `[${kind.toUpperCase()}]`;
}
