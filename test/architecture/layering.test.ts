// The house's floors, checked on every import: pure wings stay pure, front ends reach the reader, the guard and
// the engine's evaluation only through src/consult/, no front end imports another, and Slack never imports the
// playground that emulates it. (The engine's own purity, clock and environment included, has its own test.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Import {
  /** The wing of the importing file (`slack` for src/slack/…). */
  from: string;
  file: string;
  /** The wing imported (`engine`), or the package (`zod`, `node:fs`). */
  to: string;
  /** The path inside the imported wing (`engine/evaluate.js`). */
  target: string;
  typeOnly: boolean;
}

function wingOf(path: string): string {
  return relative(SRC, path).split(sep)[0] ?? '';
}

const IMPORTS: Import[] = sourceFiles(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(importRe)].map((m) => {
    const spec = m[1] ?? m[2] ?? '';
    const typeOnly = /^(?:import|export)\s+type\s/.test(m[0]);
    if (!spec.startsWith('.')) return { from: wingOf(file), file, to: spec, target: spec, typeOnly };
    const resolved = join(file, '..', spec);
    return {
      from: wingOf(file),
      file,
      to: wingOf(resolved),
      target: relative(SRC, resolved).split(sep).join('/'),
      typeOnly,
    };
  });
});

const FRONT_ENDS = ['slack', 'http', 'cli'];
const PURE = {
  parse: ['parse', 'engine', 'zod'],
  // compromise's name lexicon is data (no I/O): the guard's given names and surnames.
  privacy: ['privacy', 'compromise/two'],
  present: ['present', 'engine'],
  errors: ['errors'],
};

const show = (i: Import) => `${relative(SRC, i.file)} → ${i.target}`;

describe('layering', () => {
  it('sees the whole source tree', () => {
    expect(new Set(IMPORTS.map((i) => i.from))).toEqual(
      expect.objectContaining({ size: expect.any(Number) }),
    );
    for (const wing of ['engine', 'parse', 'privacy', 'consult', 'slack', 'http', 'cli', 'store'])
      expect(IMPORTS.some((i) => i.from === wing)).toBe(true);
  });

  it.each(Object.entries(PURE))('%s/ is pure: it imports only %j (no I/O, no framework)', (wing, allowed) => {
    const bad = IMPORTS.filter((i) => i.from === wing && !allowed.includes(i.to) && !i.typeOnly);
    expect(bad.map(show)).toEqual([]);
  });

  it('parse/, privacy/ and present/ use no clock, environment, console or randomness', () => {
    const files = sourceFiles(SRC).filter((f) => ['parse', 'privacy', 'present'].includes(wingOf(f)));
    const bad = files.filter((f) =>
      /\bDate\.now\(|new Date\(\)|Math\.random\(|process\.|console\./.test(
        readFileSync(f, 'utf8').replace(/\/\/.*$/gm, ''),
      ),
    );
    expect(bad.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('front ends read, guard and evaluate only through consult/', () => {
    const bad = IMPORTS.filter(
      (i) =>
        FRONT_ENDS.includes(i.from) &&
        (i.to === 'parse' ||
          i.to === 'privacy' ||
          i.target === 'engine/evaluate.js' ||
          i.target === 'intents/classify.js'),
    );
    expect(bad.map(show)).toEqual([]);
    // The engine's index re-exports evaluate: a front end naming it bypasses the use case.
    const engineEvaluate = IMPORTS.filter((i) => FRONT_ENDS.includes(i.from) && i.to === 'engine').filter(
      (i) =>
        [...readFileSync(i.file, 'utf8').matchAll(importRe)].some(
          (m) => /\bevaluate\b/.test(m[0]) && (m[1] ?? '').includes('engine/'),
        ),
    );
    expect(engineEvaluate.map(show)).toEqual([]);
  });

  it('no front end imports another', () => {
    const bad = IMPORTS.filter(
      (i) => FRONT_ENDS.includes(i.from) && FRONT_ENDS.includes(i.to) && i.to !== i.from,
    );
    expect(bad.map(show)).toEqual([]);
  });

  it('slack/ never imports the playground that emulates it, and consult/ never imports a front end', () => {
    const bad = IMPORTS.filter(
      (i) =>
        (i.from === 'slack' && i.to === 'playground') ||
        (i.from === 'consult' && [...FRONT_ENDS, 'playground', 'main', 'run'].includes(i.to)),
    );
    expect(bad.map(show)).toEqual([]);
  });

  it('only the config module reads the environment', () => {
    const files = sourceFiles(SRC).filter(
      (f) => !['config', 'main', 'run'].includes(wingOf(f)) && !f.endsWith(`${sep}main.ts`),
    );
    const bad = files.filter((f) => /process\.env\b|from ['"]dotenv['"]/.test(readFileSync(f, 'utf8')));
    expect(bad.map((f) => relative(SRC, f))).toEqual([]);
  });
});
