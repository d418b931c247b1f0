// Shared helpers for the parser tests: a table row is a phrasing and the facts it must (and must not) give.
import { expect } from 'vitest';
import type { CaseInput } from '../../src/engine/case-schema.js';
import { CaseSchema } from '../../src/engine/case-schema.js';
import { type ParseResult, parseCase } from '../../src/parse/index.js';

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export interface Row {
  text: string;
  expect: DeepPartial<CaseInput>;
  /** Dotted fact paths that must be absent from the case. */
  absent?: string[];
  /** Facts that must be reported as conflicts. */
  conflicts?: string[];
}

export function get(obj: unknown, path: string): unknown {
  let node = obj;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Parse, check the case against the schema, the expected facts, the absent ones and the conflicts. */
export function check(row: Row): ParseResult {
  const result = parseCase(row.text);
  expect(CaseSchema.safeParse(result.case).success, 'case must satisfy CaseSchema').toBe(true);
  expect(result.case).toMatchObject(row.expect as Record<string, unknown>);
  for (const path of row.absent ?? [])
    expect(get(result.case, path), `${path} must be absent`).toBeUndefined();
  const conflicted = result.conflicts.map((c) => c.fact);
  for (const fact of row.conflicts ?? []) expect(conflicted, `conflict on ${fact}`).toContain(fact);
  if (!row.conflicts) expect(conflicted, 'no conflicts expected').toEqual([]);
  return result;
}
