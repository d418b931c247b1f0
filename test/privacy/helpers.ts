import { expect } from 'vitest';
import type { GuardResult, IdentifierKind } from '../../src/privacy/index.js';

export const ALL_KINDS: readonly IdentifierKind[] = [
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
];

/** The kind of the hit that covers `text.slice(start, end)` entirely, or undefined. */
export function kindCovering(result: GuardResult, start: number, end: number): IdentifierKind | undefined {
  return result.hits.find((h) => h.start <= start && h.end >= end)?.kind;
}

/** Structural invariants every result must satisfy, whatever the input. */
export function expectWellFormed(text: string, result: GuardResult): void {
  let previousEnd = 0;
  let rebuilt = '';
  for (const h of result.hits) {
    expect(ALL_KINDS).toContain(h.kind);
    expect(Number.isInteger(h.start) && Number.isInteger(h.end)).toBe(true);
    expect(h.start).toBeGreaterThanOrEqual(previousEnd);
    expect(h.end).toBeGreaterThan(h.start);
    expect(h.end).toBeLessThanOrEqual(text.length);
    rebuilt += text.slice(previousEnd, h.start);
    rebuilt += placeholderOf(h.kind);
    previousEnd = h.end;
  }
  rebuilt += text.slice(previousEnd);
  expect(result.redacted).toBe(rebuilt);
  expect(result.kinds).toEqual([...new Set(result.hits.map((h) => h.kind))].sort());
  for (const h of result.hits) {
    const value = text.slice(h.start, h.end);
    expect(result.redacted.includes(value), `redacted still contains ${JSON.stringify(value)}`).toBe(false);
  }
}

function placeholderOf(kind: IdentifierKind): string {
  return kind === 'age-over-89' ? '[AGE>89]' : `[${kind.toUpperCase()}]`;
}
