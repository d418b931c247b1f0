// The public example cases in examples/*.json, read from the repository (not the working directory) so that
// the CLI guide, the tests and the benches all use the one copy a user can run with `--input`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const EXAMPLES_DIR = new URL('../../examples/', import.meta.url);

/** The file names in examples/, sorted (ex1… first). */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Path of an example, for a command line (`--input`). */
export function examplePath(file: string): string {
  return fileURLToPath(new URL(file, EXAMPLES_DIR));
}

/** An example's JSON, unvalidated: the engine's schema is the boundary that checks it. */
export function readExample(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, EXAMPLES_DIR), 'utf8')) as unknown;
}
