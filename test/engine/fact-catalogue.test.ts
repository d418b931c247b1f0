// The one fact catalogue (src/engine/facts.ts): its case paths are exactly the case schema's, the condition
// facts point at them, every missing fact has a question, and nothing in src walks zod's internals instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CanonicalCaseSchema } from '../../src/engine/case-schema.js';
import { criticalMissing } from '../../src/engine/derive.js';
import { CASE_FIELD_BY_PATH, CASE_FIELDS, FACTS, MISSING_QUESTIONS } from '../../src/engine/facts.js';
import { isCaseFact } from '../../src/intents/intent-schema.js';
import { MISSING_LABEL } from '../../src/present/labels.js';

interface JsonNode {
  type?: string;
  properties?: Record<string, JsonNode>;
}

/** Dotted paths of the schema's JSON Schema (zod's public export), with whether each is a list. */
function schemaPaths(): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const walk = (node: JsonNode, prefix: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.set(path, child.type === 'array');
      walk(child, path);
    }
  };
  walk(z.toJSONSchema(CanonicalCaseSchema) as JsonNode, '');
  return out;
}

describe('fact catalogue', () => {
  it('lists exactly the case schema paths, with the same list-or-single shape', () => {
    const fromSchema = schemaPaths();
    expect(CASE_FIELDS.map((f) => f.path).sort()).toEqual([...fromSchema.keys()].sort());
    for (const f of CASE_FIELDS) expect(f.list, f.path).toBe(fromSchema.get(f.path));
  });

  it('points every condition fact at a case path', () => {
    for (const f of FACTS) if (f.path !== '') expect(CASE_FIELD_BY_PATH.has(f.path), f.name).toBe(true);
  });

  it('has a question for every critical fact the engine can report missing', () => {
    const all = criticalMissing('unknown', undefined, undefined, undefined, undefined, 'PD');
    expect(all).toEqual(['stage', 'driver', 'metastases', 'progression']);
    for (const m of all) expect(MISSING_QUESTIONS[m], m).toMatch(/\w/);
    expect(MISSING_LABEL).toEqual(MISSING_QUESTIONS);
  });

  it('is what intent files are checked against', () => {
    expect(isCaseFact('metastases.count')).toBe(true);
    expect(isCaseFact('metastases.colour')).toBe(false);
    expect(isCaseFact('toString')).toBe(false);
  });

  it('is the only source of fact paths: no module in src reads zod internals', () => {
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = join(dir, name);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const offenders = files(src).filter((f) => /\._zod\b|\._def\b|\.def\??\./.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(src, f))).toEqual([]);
  });
});
