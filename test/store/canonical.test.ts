// Canonical JSON: the hash of an answer must not depend on key order, and must match an independent encoder
// (keys sorted by UTF-16 code unit, as RFC 8785 orders them) for any JSON value, integer-like keys included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/store/index.js';

function reference(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function shuffleKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shuffleKeys);
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).reverse();
    const out: Record<string, unknown> = {};
    for (const [k, x] of entries)
      Object.defineProperty(out, k, {
        value: shuffleKeys(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return v;
}

describe('canonicalJson', () => {
  it('matches an independent encoder for any JSON value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const expected = reference(v);
        expect(canonicalJson(v)).toBe(expected);
        expect(canonicalJson(shuffleKeys(v))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('orders integer-like keys as text, keeps __proto__, drops undefined and uses toJSON', () => {
    const v = JSON.parse('{"b":1,"10":2,"9":3,"__proto__":{"x":1},"a":[{"z":1,"y":2}]}') as unknown;
    expect(canonicalJson(v)).toBe('{"10":2,"9":3,"__proto__":{"x":1},"a":[{"y":2,"z":1}],"b":1}');
    expect(canonicalJson({ b: undefined, a: new Date('2026-01-01T00:00:00Z') })).toBe(
      '{"a":"2026-01-01T00:00:00.000Z"}',
    );
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
