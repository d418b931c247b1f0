// npm run bench:engine: evaluations per second and p50/p99 latency over a mixed set of cases.
import { cpus } from 'node:os';
import { evaluate } from '../src/engine/index.js';
import { BENCH_CASES } from './engine-cases.js';
import { measure, verdictLine } from './stats.js';

const now = new Date('2026-11-27T07:00:00Z');
const report = measure(BENCH_CASES, (c) => evaluate(c, { now }), 5000);

console.log(`engine benchmark on ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`${report.runs} evaluations over ${BENCH_CASES.length} mixed cases`);
console.log(`evaluations/s: ${report.perSecond}`);
console.log(
  `p50: ${report.p50Us.toFixed(1)} µs   p99: ${report.p99Us.toFixed(1)} µs   max: ${report.maxUs.toFixed(1)} µs`,
);
console.log(verdictLine('engine p99', report.p99Us, 50, 'µs'));
