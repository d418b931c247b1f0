// npm run bench:engine: evaluations per second and p50/p99 latency over a mixed set of cases, plus figures that
// other load on the machine disturbs less: CPU time per evaluation (process.cpuUsage) and, of that, the share
// spent validating the input (the zod case schema at the engine's boundary).
import { cpus, loadavg } from 'node:os';
import { CanonicalCaseSchema, CaseSchema } from '../src/engine/case-schema.js';
import { evaluate } from '../src/engine/index.js';
import { BENCH_CASES } from './engine-cases.js';
import { measure, verdictLine } from './stats.js';

const now = new Date('2026-11-27T07:00:00Z');

/** Mean CPU time (user + system) per call over `runs` calls, after the timed run has warmed everything. */
function cpuPerCallUs(fn: (i: number) => unknown, runs: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / runs;
}

const loadBefore = loadavg();
const report = measure(BENCH_CASES, (c) => evaluate(c, { now }), 5000);
const cases = BENCH_CASES.length;
const runs = 60_000;
const cpuEval = cpuPerCallUs((i) => evaluate(BENCH_CASES[i % cases], { now }), runs);
const cpuParse = cpuPerCallUs((i) => {
  const c = BENCH_CASES[i % cases];
  if (!CanonicalCaseSchema.safeParse(c).success) CaseSchema.safeParse(c);
}, runs);
const loadAfter = loadavg();

console.log(`engine benchmark on ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`${report.runs} evaluations over ${cases} mixed cases`);
console.log(`evaluations/s: ${report.perSecond}`);
console.log(
  `p50: ${report.p50Us.toFixed(1)} µs   p99: ${report.p99Us.toFixed(1)} µs   max: ${report.maxUs.toFixed(1)} µs`,
);
console.log(
  `CPU per evaluation: ${cpuEval.toFixed(1)} µs, of which input validation ${cpuParse.toFixed(1)} µs (${runs} runs)`,
);
console.log(
  `load average (1 min) before ${loadBefore[0]?.toFixed(2)}, after ${loadAfter[0]?.toFixed(2)} on ${cpus().length} cores: wall-clock percentiles include time other processes took`,
);
console.log(verdictLine('engine p99', report.p99Us, 50, 'µs'));
