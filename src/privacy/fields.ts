// The guard over structured input (an API body's agent and notes strings, a modal's fields): every string, at any
// depth, is replaced by its redacted form; numbers, booleans and null pass through. Keys are kept as they are.
import { guardIdentifiers } from './guard.js';
import type { GuardOptions, IdentifierKind } from './types.js';

export interface GuardFieldsResult<T> {
  /** A copy of the input with every string redacted (the shape and the keys are unchanged). */
  value: T;
  /** Dotted paths ("agents.0", "notes") of the strings in which something was found, in visiting order. */
  paths: string[];
  /** Distinct kinds found in any string, sorted. */
  kinds: IdentifierKind[];
  /** True when any string was longer than the guard's length cap (its tail was dropped). */
  truncated: boolean;
}

/** Structures deeper than this are not walked further; their strings are replaced by an empty string. */
const MAX_DEPTH = 16;

export interface GuardFieldsOptions extends GuardOptions {
  /** Strings the caller has checked the guard leaves exactly as they are, with these options (a closed
   * vocabulary such as the case schema's enum values): passed through without running the guard again. */
  unchanged?: ReadonlySet<string>;
}

export function guardFields<T>(input: T, options: GuardFieldsOptions = {}): GuardFieldsResult<T> {
  const unchanged = options.unchanged;
  const paths: string[] = [];
  const kinds = new Set<IdentifierKind>();
  let truncated = false;
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === 'string') {
      if (depth > MAX_DEPTH) return '';
      if (unchanged?.has(v)) return v;
      const r = guardIdentifiers(v, options);
      if (r.hits.length > 0) paths.push(path);
      for (const k of r.kinds) kinds.add(k);
      truncated ||= r.truncated;
      return r.redacted;
    }
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v))
      return v.map((x, i) => walk(x, path === '' ? String(i) : `${path}.${i}`, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, path === '' ? k : `${path}.${k}`, depth + 1);
    return out;
  };
  const value = walk(input, '', 0) as T;
  return { value, paths, kinds: [...kinds].sort(), truncated };
}

/** The words the guard returns exactly as they are (no hit, not cut) with `options`: a caller may pass them to
 * guardFields as `unchanged` for those options. */
export function unchangedByGuard(words: Iterable<string>, options: GuardOptions = {}): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const r = guardIdentifiers(w, options);
    if (r.hits.length === 0 && !r.truncated && r.redacted === w) out.add(w);
  }
  return out;
}
