// Evaluates the free-text parser on its phrasing corpus (test/parse/corpus/*.json): fact-level precision and
// recall by fact and by phrasing class. Run: npm run eval:parse  (add --verbose to list every miss; --corpus <dir>
// scores the corpus files of another folder the same way, e.g. a held-out set).
import { resolve } from 'node:path';
import { precision, recall, score, type Tally } from '../test/parse/corpus/score.js';

const RECALL_TARGET = 0.98;
const PRECISION_TARGET = 0.99;

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)} %`;

function row(name: string, t: Tally): string {
  return `  ${name.padEnd(34)} P ${pct(precision(t))}  R ${pct(recall(t))}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
}

function corpusDir(): string | undefined {
  const at = process.argv.indexOf('--corpus');
  if (at < 0) return undefined;
  const dir = process.argv[at + 1];
  if (!dir) {
    console.error('eval-parse: --corpus needs a folder of corpus .json files');
    process.exit(2);
  }
  return resolve(dir);
}

function scored(dir: string | undefined): ReturnType<typeof score> {
  try {
    return score(dir);
  } catch (err) {
    // A missing folder, a file that is not JSON or a row of the wrong shape: say which, without a stack trace.
    const what = err instanceof Error ? err.message : String(err);
    console.error(`eval-parse: cannot read the corpus${dir ? ` in ${dir}` : ''}: ${what}`);
    process.exit(2);
  }
}

function main(): void {
  const s = scored(corpusDir());
  console.log(`eval-parse: ${s.phrasings} phrasings`);
  console.log('by class');
  for (const [name, t] of [...s.byClass].sort(([a], [b]) => a.localeCompare(b))) console.log(row(name, t));
  console.log('by fact');
  for (const [name, t] of [...s.byFact].sort(([a], [b]) => a.localeCompare(b))) console.log(row(name, t));
  const r = recall(s.total);
  const p = precision(s.total);
  console.log(row('overall', s.total));
  console.log(
    `  recall    ${pct(r)} (target ≥ ${RECALL_TARGET * 100} %): ${r >= RECALL_TARGET ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  precision ${pct(p)} (target ≥ ${PRECISION_TARGET * 100} %): ${p >= PRECISION_TARGET ? 'met' : 'NOT met'}`,
  );
  if (process.argv.includes('--verbose')) {
    for (const m of s.misses)
      console.log(
        `  ${m.kind.toUpperCase()} [${m.cls}] ${m.fact} want ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)} in ${JSON.stringify(m.text)}`,
      );
  }
}

main();
