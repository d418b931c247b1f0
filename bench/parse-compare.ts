// Differential check for parser rewrites: parses the same texts with this checkout's parser and a baseline's
// (PARSE_BASELINE_MODULE=/abs/path/src/parse/index.ts, e.g. a worktree of main) and prints every text whose
// results differ. The texts: the phrasing corpus, both benchmark case sets, long texts and seeded random mixes
// of corpus words and punctuation. Calls are interleaved, so state kept between parses shows up as a difference.
// Run: PARSE_BASELINE_MODULE=… npx tsx bench/parse-compare.ts [mixes]   (exits 1 when any result differs)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../src/parse/index.js';
import { PARSER_CASES } from './parser-cases.js';

const baselinePath = process.env.PARSE_BASELINE_MODULE;
if (!baselinePath) {
  console.error('parse-compare: set PARSE_BASELINE_MODULE to the baseline parser (…/src/parse/index.ts)');
  process.exit(2);
}
const baseline = ((await import(baselinePath)) as { parseCase: typeof parseCase }).parseCase;
const benchCases = readFileSync(new URL('./parse-bench.ts', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => /^ {2}'.{200,}',$/.test(l))
  .map((l) => l.trim().slice(1, -2).replace(/\\'/g, "'"));

const corpusDir = new URL('../test/parse/corpus/', import.meta.url).pathname;
const corpus: string[] = [];
for (const f of readdirSync(corpusDir).filter((n) => n.endsWith('.json'))) {
  const data = JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) as { phrasings: { text: string }[] };
  for (const p of data.phrasings) corpus.push(p.text);
}

// Seeded generator, so a difference can be reproduced.
let seed = 0x2026;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const words = [...new Set(corpus.join(' ').split(/\s+/))];
const puncts = [', ', '. ', '; ', ' (', ') ', ' + ', ': ', ' - ', '? ', ' / ', '\n'];
const mixes = Number(process.argv[2] ?? 20_000);
const texts = [...corpus, ...PARSER_CASES, ...benchCases];
const all = texts.join('\n');
texts.push(all.slice(0, 5_000), all.length > 20_000 ? all.slice(0, 25_000) : all + all + all);
for (let i = 0; i < mixes; i++) {
  const n = 3 + rand(40);
  let t = '';
  for (let k = 0; k < n; k++) {
    let w = words[rand(words.length)] as string;
    if (rand(7) === 0) w = w.toUpperCase();
    t += w + (rand(3) === 0 ? (puncts[rand(puncts.length)] as string) : ' ');
  }
  texts.push(t);
}

let differ = 0;
for (const text of texts) {
  const a = JSON.stringify(parseCase(text));
  const b = JSON.stringify(baseline(text));
  if (a !== b) {
    differ++;
    if (differ <= 10)
      console.log(
        `DIFF ${JSON.stringify(text.slice(0, 300))}\n  new  ${a.slice(0, 600)}\n  base ${b.slice(0, 600)}`,
      );
  }
}
console.log(`parse-compare: ${texts.length} texts, ${differ} differ`);
process.exitCode = differ > 0 ? 1 : 0;
