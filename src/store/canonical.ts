// Canonical JSON (object keys in UTF-16 code-unit order at every level, no whitespace, JSON.stringify's value
// rules) and its SHA-256. The same output always gives the same hash, whatever order its keys were built in, so
// an audit row can be checked later by re-running the engine on the stored case.
//
// recordConsult runs this on every answer, so it copies the value with sorted keys and lets the native
// JSON.stringify write it (≈ 60 µs for a 14 KB answer, little garbage). JavaScript puts integer-like keys ("9",
// "10") first in numeric order whatever the insertion order, so a value with such keys takes the slower encoder,
// which writes keys in code-unit order itself.
import { createHash } from 'node:crypto';

const INTEGER_KEYS = Symbol('integer-like keys');
const INTEGER_LIKE = /^(0|[1-9]\d*)$/;

export function canonicalJson(value: unknown): string {
  const sorted = sortKeys(value, 0);
  if (sorted === INTEGER_KEYS) return encode(value) ?? 'null';
  return JSON.stringify(sorted) ?? 'null';
}

/** The canonical JSON of an object and of one of its top-level members, with the keys sorted once for both
 * (the audit row stores the case and hashes the whole output). */
export function canonicalJsonWithMember(value: object, key: string): { json: string; member: string } {
  const sorted = sortKeys(value, 0);
  const member = (value as Record<string, unknown>)[key];
  if (sorted === INTEGER_KEYS || sorted === null || typeof sorted !== 'object') {
    return { json: canonicalJson(value), member: canonicalJson(member) };
  }
  return {
    json: JSON.stringify(sorted) ?? 'null',
    member: JSON.stringify((sorted as Record<string, unknown>)[key]) ?? 'null',
  };
}

function toJsonValue(value: unknown): unknown {
  return value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON: () => unknown }).toJSON()
    : value;
}

function sortKeys(input: unknown, depth: number): unknown {
  const value = toJsonValue(input);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 1000) throw new RangeError('canonicalJson: value nested too deeply');
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = sortKeys(value[i], depth + 1);
      if (v === INTEGER_KEYS) return INTEGER_KEYS;
      out[i] = v;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (INTEGER_LIKE.test(key)) return INTEGER_KEYS;
    const v = sortKeys((value as Record<string, unknown>)[key], depth + 1);
    if (v === INTEGER_KEYS) return INTEGER_KEYS;
    if (key === '__proto__') {
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    } else {
      out[key] = v;
    }
  }
  return out;
}

/** The general encoder: same output, keys written in code-unit order by hand. */
function encode(input: unknown): string | undefined {
  const value = toJsonValue(input);
  if (Array.isArray(value)) return `[${value.map((v) => encode(v) ?? 'null').join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const parts: string[] = [];
    for (const key of Object.keys(value).sort()) {
      const encoded = encode((value as Record<string, unknown>)[key]);
      if (encoded !== undefined) parts.push(`${JSON.stringify(key)}:${encoded}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
