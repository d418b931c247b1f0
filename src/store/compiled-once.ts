// Kysely builds and compiles every query afresh, which is tens of µs per statement and the delivery queue runs
// several per command. A query whose SQL text depends only on its shape is compiled once per dialect adapter
// (shared by a database and its transactions) and later calls bind their values to that text. The first compile
// checks that its parameters are exactly the given values in order; if not, that query is compiled every time.
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';

const compiledSql = new WeakMap<object, Map<string, string | null>>();

export function compiledOnce<R>(
  db: Kysely<Database>,
  name: string,
  values: readonly unknown[],
  build: () => Compilable<R>,
): CompiledQuery<R> {
  const adapter = db.getExecutor().adapter;
  let byName = compiledSql.get(adapter);
  if (!byName) {
    byName = new Map();
    compiledSql.set(adapter, byName);
  }
  const cached = byName.get(name);
  if (typeof cached === 'string') return CompiledQuery.raw(cached, [...values]) as CompiledQuery<R>;
  const compiled = build().compile();
  if (cached === undefined) {
    const same =
      compiled.parameters.length === values.length && compiled.parameters.every((p, i) => p === values[i]);
    byName.set(name, same ? compiled.sql : null);
  }
  return compiled;
}

/** Whether `name` runs from its cached text on `db`'s dialect (for tests). */
export function isCompiledOnce(db: Kysely<Database>, name: string): boolean {
  return typeof compiledSql.get(db.getExecutor().adapter)?.get(name) === 'string';
}
