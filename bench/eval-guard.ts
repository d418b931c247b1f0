// Evaluates the identifier guard on test/privacy/corpus: recall per identifier class, overall identifier-string
// recall and the clinical false-positive rate. Run: npm run eval:guard  (add --verbose to list every miss).
import { guardIdentifiers } from '../src/privacy/index.js';
import { score } from '../test/privacy/corpus/score.js';

const RECALL_TARGET = 0.99;
const FP_TARGET = 0.01;

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const s = score(guardIdentifiers);
  console.log('eval-guard: identifier-string recall per class');
  for (const [cls, { total, removed }] of [...s.perClass].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      `  ${cls.padEnd(28)} ${String(removed).padStart(4)}/${String(total).padEnd(4)} ${pct(removed, total)}`,
    );
  }
  const recall = s.removed / s.identifierStrings;
  const fp = s.altered.length / s.clinicalTexts;
  console.log(
    `  overall recall   ${s.removed}/${s.identifierStrings} = ${pct(s.removed, s.identifierStrings)} (target ≥ ${RECALL_TARGET * 100} %): ${recall >= RECALL_TARGET ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  clinical altered ${s.altered.length}/${s.clinicalTexts} = ${pct(s.altered.length, s.clinicalTexts)} (target ≤ ${FP_TARGET * 100} %): ${fp <= FP_TARGET ? 'met' : 'NOT met'}`,
  );
  if (verbose) {
    for (const l of s.leaks)
      console.log(`  MISS [${l.cls}] ${JSON.stringify(l.value)} in ${JSON.stringify(l.text)}`);
    for (const a of s.altered)
      console.log(`  ALTERED ${JSON.stringify(a.text)} → ${JSON.stringify(a.redacted)}`);
  }
}

main();
