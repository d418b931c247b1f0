// Reads and validates every intents/*.json at start-up. A problem names the file and the field, e.g.
// "dose.json: examples: give at least 10 realistic examples".
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Intent, IntentFileSchema } from './intent-schema.js';

/** The repository's intents/ folder, found from this module so that the working directory does not matter. */
export const DEFAULT_INTENTS_DIR = fileURLToPath(new URL('../../intents/', import.meta.url));

export type LoadIntentsResult = { ok: true; intents: Intent[] } | { ok: false; problems: string[] };

export interface IntentSource {
  file: string;
  text: string;
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Validate file contents (pure; the loaders below only read the folder). */
export function validateIntentSources(sources: readonly IntentSource[]): LoadIntentsResult {
  const problems: string[] = [];
  const intents: Intent[] = [];
  for (const { file, text } of sources) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      problems.push(`${file}: (file): not valid JSON (${(err as Error).message})`);
      continue;
    }
    const parsed = IntentFileSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${file}: ${fieldPath(issue.path)}: ${issue.message}`);
      continue;
    }
    const expected = file.replace(/\.json$/, '');
    if (parsed.data.id !== expected) {
      problems.push(`${file}: id: "${parsed.data.id}" must match the file name ("${expected}")`);
      continue;
    }
    intents.push(parsed.data);
  }
  if (sources.length === 0) problems.push('(folder): no intent files found');

  const owner = new Map<string, string>();
  for (const intent of intents) {
    intent.subcommands.forEach((sub, i) => {
      const other = owner.get(sub);
      if (other)
        problems.push(`${intent.id}.json: subcommands[${i}]: "${sub}" is already a subcommand of ${other}`);
      else owner.set(sub, intent.id);
    });
  }
  for (const flag of ['empty', 'fallback'] as const) {
    const marked = intents.filter((i) => i[flag] === true).map((i) => i.id);
    if (intents.length > 0 && marked.length !== 1) {
      problems.push(
        `(folder): ${flag}: exactly one intent must set "${flag}": true (found ${marked.length})`,
      );
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, intents };
}

function isIntentFile(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.');
}

/** Read and validate every intents/*.json (sorted by file name). */
export async function loadIntents(dir: string = DEFAULT_INTENTS_DIR): Promise<LoadIntentsResult> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isIntentFile).sort();
  } catch (err) {
    return { ok: false, problems: [`(folder): cannot read ${dir} (${(err as Error).message})`] };
  }
  const sources = await Promise.all(
    names.map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })),
  );
  return validateIntentSources(sources);
}

/** The same, synchronously, for start-up code that cannot await. */
export function loadIntentsSync(dir: string = DEFAULT_INTENTS_DIR): LoadIntentsResult {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isIntentFile).sort();
  } catch (err) {
    return { ok: false, problems: [`(folder): cannot read ${dir} (${(err as Error).message})`] };
  }
  return validateIntentSources(names.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') })));
}

export class IntentLoadError extends Error {
  readonly code = 'E_INTENTS_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`intents are invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'IntentLoadError';
  }
}

/** Load or throw an IntentLoadError listing every problem. */
export function loadIntentsOrThrow(dir: string = DEFAULT_INTENTS_DIR): Intent[] {
  const result = loadIntentsSync(dir);
  if (!result.ok) throw new IntentLoadError(result.problems);
  return result.intents;
}
