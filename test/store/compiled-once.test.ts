import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledOnce, isCompiledOnce } from '../../src/store/compiled-once.js';
import type { Database } from '../../src/store/schema.js';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

async function jobsTable(): Promise<Kysely<Database>> {
  const k = new Kysely<Database>({ dialect: new SqliteDialect({ database: new Sqlite(':memory:') }) });
  await sql`create table delivery_jobs (id text primary key, state text not null, attempts integer not null)`.execute(
    k,
  );
  await sql`insert into delivery_jobs values ('a', 'queued', 0), ('b', 'queued', 0), ('c', 'done', 0)`.execute(
    k,
  );
  return k;
}

const bump = (k: Kysely<Database>, id: string, attempts: number) =>
  compiledOnce(k, 'bump', [attempts, id], () =>
    k.updateTable('delivery_jobs').set({ attempts }).where('id', '=', id),
  );

describe('compiledOnce', () => {
  it('reuses the first compile with later values, which reach the right rows', async () => {
    db = await jobsTable();
    await db.executeQuery(bump(db, 'a', 3));
    expect(isCompiledOnce(db, 'bump')).toBe(true);
    const second = bump(db, 'b', 7);
    expect(second.parameters).toEqual([7, 'b']);
    expect(Number((await db.executeQuery(second)).numAffectedRows)).toBe(1);
    const rows = await db.selectFrom('delivery_jobs').select(['id', 'attempts']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'a', attempts: 3 },
      { id: 'b', attempts: 7 },
      { id: 'c', attempts: 0 },
    ]);
  });

  it('compiles every time when the given values are not the compiled parameters in order', async () => {
    db = await jobsTable();
    const k = db;
    const wrongOrder = (id: string, attempts: number) =>
      compiledOnce(k, 'wrong', [id, attempts], () =>
        k.updateTable('delivery_jobs').set({ attempts }).where('id', '=', id),
      );
    await k.executeQuery(wrongOrder('a', 5));
    expect(isCompiledOnce(k, 'wrong')).toBe(false);
    await k.executeQuery(wrongOrder('b', 6));
    const b = await k.selectFrom('delivery_jobs').select('attempts').where('id', '=', 'b').executeTakeFirst();
    expect(b?.attempts).toBe(6);
  });
});
