// Build-time evaluation of src/privacy/name-lexicon-source.ts: the production bundle gets the three word lists
// as a JSON string instead of compromise and its lexicon expansion at every start (README: cold start). The
// module is bundled and run here once, so the lists are exactly what the source computes under tsx.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const SOURCE = 'src/privacy/name-lexicon-source.ts';

/** The lists as the source module computes them (bundled with compromise into a temporary file, imported). */
export async function evaluateNameLexicon(root) {
  const out = await build({
    absWorkingDir: root,
    entryPoints: [SOURCE],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const dir = mkdtempSync(join(tmpdir(), 'name-lexicon-'));
  try {
    const file = join(dir, 'source.mjs');
    writeFileSync(file, out.outputFiles[0].contents);
    const mod = await import(pathToFileURL(file).href);
    return mod.nameLexiconLists();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An esbuild plugin that replaces the source module by its evaluated lists. */
export async function nameLexiconPlugin(root) {
  const lists = await evaluateNameLexicon(root);
  const contents = `export function nameLexiconLists() { return JSON.parse(${JSON.stringify(JSON.stringify(lists))}); }\n`;
  return {
    name: 'name-lexicon-data',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]privacy[\\/]name-lexicon-source\.ts$/ }, () => ({
        contents,
        loader: 'js',
      }));
    },
  };
}
