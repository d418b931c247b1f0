// After `tsc -p tsconfig.build.json`: copies the files the app reads at run time next to the compiled modules
// that read them (the playground page, read relative to dist/playground/routes.js). intents/*.json is read from
// the repository root (../../intents/ from dist/intents/), so it is not copied.
import { cpSync, rmSync } from 'node:fs';

const page = new URL('../src/playground/page/', import.meta.url);
const out = new URL('../dist/playground/page/', import.meta.url);
rmSync(out, { recursive: true, force: true });
cpSync(page, out, { recursive: true });
process.stdout.write('build: copied src/playground/page/ to dist/playground/page/\n');
