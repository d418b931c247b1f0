// Scores the parser on the phrasing corpus (test/parse/corpus/*.json) at the level of facts: every expected fact
// is a true positive when the reading gives that value, a false negative otherwise; a fact the reading gives with
// another value, a fact listed as absent that the reading gives, and a list item no phrasing expected are false
// positives. Texts go through readText, as every front end does (the guard decodes Slack markup first).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readText } from '../../../src/consult/read-text.js';

const Phrasing = z
  .object({
    text: z.string().min(1),
    /** Dotted case path → value; a list value is the whole list (order ignored). */
    yields: z.record(z.string(), z.unknown()).default({}),
    /** Paths that must stay unknown. */
    absent: z.array(z.string()).default([]),
    /** Facts that must be asked as conflicts. */
    conflicts: z.array(z.string()).default([]),
  })
  .strict();
const CorpusFile = z.object({ class: z.string().min(1), phrasings: z.array(Phrasing).min(1) }).strict();

export type Phrasing = z.infer<typeof Phrasing> & { cls: string };

const DIR = dirname(fileURLToPath(import.meta.url));

function parseJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${basename(path)}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Every phrasing of the corpus files in `dir` (the repository's corpus unless another is named). */
export function loadCorpus(dir = DIR): Phrasing[] {
  const out: Phrasing[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = CorpusFile.safeParse(parseJson(join(dir, file)));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    for (const p of parsed.data.phrasings) out.push({ ...p, cls: parsed.data.class });
  }
  return out;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  cls: string;
  text: string;
  fact: string;
  kind: 'missed' | 'wrong' | 'spurious';
  expected?: unknown;
  got?: unknown;
}

export interface Score {
  phrasings: number;
  total: Tally;
  byFact: Map<string, Tally>;
  byClass: Map<string, Tally>;
  misses: Miss[];
}

function get(obj: unknown, path: string): unknown {
  let node = obj;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function tally(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) {
    t = { tp: 0, fp: 0, fn: 0 };
    map.set(key, t);
  }
  return t;
}

function scoreList(fact: string, expected: unknown[], got: unknown, bump: Bump): void {
  const have = new Set(Array.isArray(got) ? got.map(String) : []);
  const want = new Set(expected.map(String));
  if (want.size === 0) {
    // An empty list is a fact of its own ("asymptomatic" = no symptoms).
    if (Array.isArray(got) && got.length === 0) bump(fact, 'tp');
    else bump(fact, 'fn', [], got);
  }
  for (const item of want) bump(fact, have.has(item) ? 'tp' : 'fn', item, got);
  for (const item of have) if (!want.has(item)) bump(fact, 'fp', undefined, item);
}

type Bump = (fact: string, kind: keyof Tally, expected?: unknown, got?: unknown) => void;

export function score(dir?: string): Score {
  const corpus = loadCorpus(dir);
  const s: Score = {
    phrasings: corpus.length,
    total: { tp: 0, fp: 0, fn: 0 },
    byFact: new Map(),
    byClass: new Map(),
    misses: [],
  };
  for (const p of corpus) {
    const reading = readText(p.text);
    const bump: Bump = (fact, kind, expected, got) => {
      s.total[kind]++;
      tally(s.byFact, fact)[kind]++;
      tally(s.byClass, p.cls)[kind]++;
      if (kind === 'tp') return;
      const miss: Miss = {
        cls: p.cls,
        text: p.text,
        fact,
        kind: kind === 'fp' ? (expected === undefined ? 'spurious' : 'wrong') : 'missed',
      };
      if (expected !== undefined) miss.expected = expected;
      if (got !== undefined) miss.got = got;
      s.misses.push(miss);
    };
    for (const [fact, expected] of Object.entries(p.yields)) {
      const got = get(reading.case, fact);
      if (Array.isArray(expected)) {
        scoreList(fact, expected, got, bump);
        continue;
      }
      if (got === expected) bump(fact, 'tp');
      else {
        bump(fact, 'fn', expected, got);
        if (got !== undefined) bump(fact, 'fp', expected, got);
      }
    }
    for (const fact of p.absent) {
      const got = get(reading.case, fact);
      if (got !== undefined && !(Array.isArray(got) && got.length === 0 && fact !== 'negativeFor'))
        bump(fact, 'fp', undefined, got);
    }
    const asked = new Set(reading.conflicts.map((c) => c.fact));
    for (const fact of p.conflicts) bump(`conflict:${fact}`, asked.has(fact) ? 'tp' : 'fn', 'asked');
  }
  return s;
}

export const recall = (t: Tally): number => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
export const precision = (t: Tally): number => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
