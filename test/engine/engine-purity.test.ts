// The engine must stay pure: no framework, no I/O, no environment, no clock, no other layer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engineDir = fileURLToPath(new URL('../../src/engine', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(engineDir);
const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('engine purity', () => {
  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(engineDir, f), f]))(
    '%s imports only zod and engine modules',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(importRe)) {
        const spec = m[1] ?? m[2] ?? '';
        const allowed =
          spec === 'zod' || spec.startsWith('./') || (spec.startsWith('../') && isInsideEngine(file, spec));
        expect(allowed, `${relative(engineDir, file)} imports ${spec}`).toBe(true);
      }
    },
  );

  it.each(files.map((f) => [relative(engineDir, f), f]))(
    '%s uses no clock, randomness, environment or console',
    (_name, file) => {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
      expect(code).not.toMatch(/\bDate\.now\(|new Date\(|Math\.random\(|process\.|console\.|require\(/);
    },
  );
});

function isInsideEngine(file: string, spec: string): boolean {
  const target = join(file, '..', spec);
  return !relative(engineDir, target).startsWith('..');
}

describe('fact vector (the compiled conditions read facts by catalogue index)', () => {
  it("derive builds the facts object with the catalogue's keys in catalogue order", async () => {
    const { derive } = await import('../../src/engine/derive.js');
    const { factKeysInOrder } = await import('../../src/engine/facts.js');
    const d = derive({ driver: 'EGFR', metastases: { count: 2, organs: 1 } }, []);
    expect(factKeysInOrder(d.facts)).toBe(true);
  });
});

describe('shared answer parts (flags, statements, dose options and citations are built once per ruleset)', () => {
  it('are frozen, so one caller cannot change what another answer shows', async () => {
    const { evaluate } = await import('../../src/engine/index.js');
    const input = {
      stage: { m: 'M1c' },
      driver: 'EGFR',
      egfrVariant: 'ex19del',
      metastases: { count: 8, organs: 4 },
      primary: { location: 'central' },
    };
    const now = new Date('2026-11-27T07:00:00Z');
    const a = evaluate(input, { now });
    const b = evaluate(input, { now });
    if (!a.ok || !b.ok) throw new Error('expected answers');
    // A dose option that states assumptions is the answer's own object (its citations list is shared).
    const doses = a.output.doseOptions.map((d) => (d.assumes ? d.citations : d));
    const parts = [...a.output.flags, ...a.output.statements, ...a.output.citations, ...doses];
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) expect(Object.isFrozen(p)).toBe(true);
    const flag = a.output.flags[0]!;
    expect(() => {
      flag.citations.push('no-such-trial');
    }).toThrow(TypeError);
    expect(() => {
      (flag as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(b.output.flags[0]).toEqual(flag);
    // The arrays that hold them are each answer's own.
    expect(a.output.flags).not.toBe(b.output.flags);
  });
});
