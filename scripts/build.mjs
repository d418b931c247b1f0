// npm run build: the production build. esbuild bundles each composition root of src/main/ into dist/main/ (ESM,
// code shared between entries and the modules each mode imports lazily in chunks beside them), with the
// packages from node_modules inlined except the database drivers (better-sqlite3 is native; pg loads only with
// DATABASE_URL). Bundled, the app starts on about half the CPU of ~150 compiled files plus node_modules resolved
// one by one (README "Tests and benchmarks": cold start). Everything stays in
// dist/main/, so the files read at run time resolve as from src/main/ and src/playground/: intents/ and examples/
// from the repository root (../../), the playground page from dist/main/page/ (copied here).
// Type checking is `npm run typecheck`; esbuild only strips types. The guard's name word lists are evaluated here
// (scripts/name-lexicon-data.mjs), so compromise is not in the bundle. Bolt's App.js loads Socket Mode lazily
// (scripts/lazy-socket-mode.mjs).
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { lazySocketModePlugin } from './lazy-socket-mode.mjs';
import { nameLexiconPlugin } from './name-lexicon-data.mjs';

const ENTRIES = ['start', 'consult', 'audit', 'recheck', 'api-key', 'manifest'];
const root = new URL('..', import.meta.url);
const dist = new URL('dist/', root);

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root.pathname,
  entryPoints: ENTRIES.map((e) => `src/main/${e}.ts`),
  outdir: 'dist/main',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native or optional drivers stay in node_modules (pg is imported only with DATABASE_URL).
  external: ['better-sqlite3', 'pg', 'pg-native'],
  // Bundled CommonJS (Bolt, undici) calls require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // The guard's word lists as data, not compromise evaluated at every start; Socket Mode loaded on first use.
  plugins: [await nameLexiconPlugin(root.pathname), lazySocketModePlugin],
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
cpSync(new URL('src/playground/page/', root), new URL('main/page/', dist), { recursive: true });
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
process.stdout.write(`build: ${ENTRIES.length} entries, ${files.length} files in dist/main/ (page copied)\n`);
