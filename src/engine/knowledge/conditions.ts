// The condition language of the rule rows: eq, in, lt/lte/gt/gte, known, all/any/not over the facts of
// ../facts.ts, with unknown as a third value (null), as in cql-execution: a comparison with an unknown fact
// is unknown; `all` is false if any part is false, else unknown if any part is unknown; `any` is true if any
// part is true, else unknown if any is. Rows are compiled once to closures so evaluation stays fast.
import { FACT_INDEX, type FactName, type FactValue, type FactVector } from '../facts.js';

export type Scalar = string | number | boolean;

export type Cond =
  | { readonly eq: readonly [FactName, Scalar] }
  | { readonly in: readonly [FactName, readonly Scalar[]] }
  | { readonly lt: readonly [FactName, number] }
  | { readonly lte: readonly [FactName, number] }
  | { readonly gt: readonly [FactName, number] }
  | { readonly gte: readonly [FactName, number] }
  | { readonly known: FactName }
  | { readonly all: readonly Cond[] }
  | { readonly any: readonly Cond[] }
  | { readonly not: Cond }
  | { readonly always: true };

/** true, false, or null for unknown. */
export type Tri = boolean | null;
export type Compiled = (f: FactVector) => Tri;

/** Conditions read facts by index from a vector (../facts.ts toVector): one monomorphic element load per
 * leaf, where a lookup by name on the facts object would be a megamorphic keyed load in every closure. */
function slot(fact: FactName): number {
  const i = FACT_INDEX.get(fact);
  if (i === undefined) throw new Error(`unknown fact ${fact}`);
  return i;
}

function compare(fact: FactName, test: (v: number) => boolean): Compiled {
  const i = slot(fact);
  return (f) => {
    const v = f[i];
    return typeof v === 'number' ? test(v) : null;
  };
}

export function compile(c: Cond): Compiled {
  if ('eq' in c) {
    const [fact, want] = c.eq;
    const i = slot(fact);
    return (f) => {
      const v = f[i];
      return v === undefined ? null : v === want;
    };
  }
  if ('in' in c) {
    const [fact, values] = c.in;
    const set = new Set<FactValue>(values);
    const i = slot(fact);
    return (f) => {
      const v = f[i];
      return v === undefined ? null : set.has(v);
    };
  }
  if ('lt' in c) return compare(c.lt[0], (v) => v < c.lt[1]);
  if ('lte' in c) return compare(c.lte[0], (v) => v <= c.lte[1]);
  if ('gt' in c) return compare(c.gt[0], (v) => v > c.gt[1]);
  if ('gte' in c) return compare(c.gte[0], (v) => v >= c.gte[1]);
  if ('known' in c) {
    const i = slot(c.known);
    return (f) => f[i] !== undefined;
  }
  if ('all' in c) {
    const parts = c.all.map(compile);
    return (f) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(f);
        if (r === false) return false;
        if (r === null) unknown = true;
      }
      return unknown ? null : true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compile);
    return (f) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(f);
        if (r === true) return true;
        if (r === null) unknown = true;
      }
      return unknown ? null : false;
    };
  }
  if ('not' in c) {
    const inner = compile(c.not);
    return (f) => {
      const r = inner(f);
      return r === null ? null : !r;
    };
  }
  return () => true;
}

/** Every fact a condition names (for the loader's check and for stating assumptions). */
export function factsOf(c: Cond, out: Set<FactName> = new Set()): Set<FactName> {
  if ('eq' in c) out.add(c.eq[0]);
  else if ('in' in c) out.add(c.in[0]);
  else if ('lt' in c) out.add(c.lt[0]);
  else if ('lte' in c) out.add(c.lte[0]);
  else if ('gt' in c) out.add(c.gt[0]);
  else if ('gte' in c) out.add(c.gte[0]);
  else if ('known' in c) out.add(c.known);
  else if ('all' in c) for (const p of c.all) factsOf(p, out);
  else if ('any' in c) for (const p of c.any) factsOf(p, out);
  else if ('not' in c) factsOf(c.not, out);
  return out;
}

// Small builders so that rows read like the spec.
export const eq = (fact: FactName, value: Scalar): Cond => ({ eq: [fact, value] });
export const isIn = (fact: FactName, values: readonly Scalar[]): Cond => ({ in: [fact, values] });
export const lt = (fact: FactName, n: number): Cond => ({ lt: [fact, n] });
export const lte = (fact: FactName, n: number): Cond => ({ lte: [fact, n] });
export const gt = (fact: FactName, n: number): Cond => ({ gt: [fact, n] });
export const gte = (fact: FactName, n: number): Cond => ({ gte: [fact, n] });
export const known = (fact: FactName): Cond => ({ known: fact });
export const all = (...parts: Cond[]): Cond => ({ all: parts });
export const any = (...parts: Cond[]): Cond => ({ any: parts });
export const not = (part: Cond): Cond => ({ not: part });
export const ALWAYS: Cond = { always: true };

export type Blamer = (f: FactVector, out: FactName[]) => Tri;

/** Compiles `c` to a function that evaluates like `compile(c)` and, when the result is unknown, pushes onto
 * `out` the unknown facts the result rests on (a part already decided by the other parts is not blamed). */
export function compileBlame(c: Cond): Blamer {
  if ('all' in c || 'any' in c) {
    const parts = ('all' in c ? c.all : c.any).map(compileBlame);
    const decisive = !('all' in c);
    return (f, out) => {
      const mark = out.length;
      let unknown = false;
      for (const p of parts) {
        const r = p(f, out);
        if (r === decisive) {
          if (out.length !== mark) out.length = mark;
          return decisive;
        }
        if (r === null) unknown = true;
      }
      if (!unknown && out.length !== mark) out.length = mark;
      return unknown ? null : !decisive;
    };
  }
  if ('not' in c) {
    const inner = compileBlame(c.not);
    return (f, out) => {
      const r = inner(f, out);
      return r === null ? null : !r;
    };
  }
  const leaf = compile(c);
  const named = [...factsOf(c)];
  return (f, out) => {
    const r = leaf(f);
    if (r === null) for (const x of named) out.push(x);
    return r;
  };
}
