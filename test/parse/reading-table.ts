// Phrasing tables read the way every front end reads text (readText: Slack markup decoded, the guard, then the
// parser): a row is a phrasing, the facts it must give, the facts it must leave unknown and what must be asked.
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/consult/read-text.js';
import { CaseSchema } from '../../src/engine/case-schema.js';
import { get } from './support.js';

export interface ReadingRow {
  text: string;
  /** Dotted case path → value. */
  facts?: Record<string, unknown>;
  /** Dotted case paths that must stay unknown. */
  absent?: string[];
  /** Facts that must be asked as conflicts. */
  conflicts?: string[];
  /** Facts that must not be asked (neither a conflict nor a suspicion). */
  notAsked?: string[];
}

export function checkReading(row: ReadingRow): void {
  const r = readText(row.text);
  expect(CaseSchema.safeParse(r.case).success).toBe(true);
  for (const [path, value] of Object.entries(row.facts ?? {})) expect(get(r.case, path), path).toEqual(value);
  for (const path of row.absent ?? []) expect(get(r.case, path), `${path} absent`).toBeUndefined();
  const asked = r.conflicts.map((c) => c.fact);
  for (const fact of row.conflicts ?? []) expect(asked, `conflict on ${fact}`).toContain(fact);
  for (const fact of row.notAsked ?? []) expect(asked, `${fact} not asked`).not.toContain(fact);
  // Every fact keeps its span in the redacted text.
  for (const u of r.understood) expect(r.redacted.slice(u.span.start, u.span.end)).toBe(u.text);
}

/** One describe per class, one test per row. */
export function describeReadingClasses(title: string, classes: Record<string, ReadingRow[]>): void {
  describe(title, () => {
    for (const [name, rows] of Object.entries(classes)) {
      describe(name, () => {
        for (const row of rows) it(row.text, () => checkReading(row));
      });
    }
  });
}
