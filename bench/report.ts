// The table npm run bench prints and the JSON it writes: figures per target and connection count, the ratios
// between targets measured in the same run, and every target of issues 7 and 17 with its value and whether it
// is met (null when it could not be measured).
import type { LatencyReport } from './stats.js';

interface Run {
  connections: number;
  loadAverage: string;
  requests: number;
  answeredPerSecond: number;
  ackP50Ms: number;
  ackP99Ms: number;
  eventLoopCpuMsPerCommand: number | null;
  allThreadsCpuMsPerCommand: number | null;
  non2xx: number;
  errors: number;
}
interface Target {
  name: 'app' | 'standard' | 'ack-only';
  rssMbReady: number | null;
  runs: Run[];
  commandsBeforeRss: number;
  rssMbAfter10k: number | null;
  delivery: { concurrency: number; requests: number; lost: number; p50Ms: number; p99Ms: number }[];
  problem?: string;
}
interface Input {
  machine: Record<string, unknown>;
  engine: LatencyReport & { cases: number };
  parser: LatencyReport & { cases: number; meanChars: number };
  targets: Target[];
  cold: { app: number[]; bareBolt: number[]; appCpu: number[]; bareBoltCpu: number[] };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !b ? null : a / b;
const f1 = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(1);
const f2 = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(2);
const f0 = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(0);

interface Goal {
  name: string;
  value: number | null;
  target: number;
  unit: string;
  lowerIsBetter: boolean;
}

function goals(input: Input, run: (t: Target['name'], c: number) => Run | undefined): Goal[] {
  const t = (n: Target['name']) => input.targets.find((x) => x.name === n);
  const app = t('app');
  const cpu =
    app?.runs.map((r) => r.eventLoopCpuMsPerCommand ?? Number.NaN).filter((x) => !Number.isNaN(x)) ?? [];
  return [
    { name: 'engine p99', value: input.engine.p99Us, target: 50, unit: 'µs', lowerIsBetter: true },
    { name: 'parser p99', value: input.parser.p99Us, target: 100, unit: 'µs', lowerIsBetter: true },
    ...[10, 50].map((c) => ({
      name: `answered throughput vs standard Bolt, ${c} conns`,
      value: ratio(run('app', c)?.answeredPerSecond, run('standard', c)?.answeredPerSecond),
      target: 0.8,
      unit: '×',
      lowerIsBetter: false,
    })),
    {
      name: 'ack p99 at 50 conns vs ack-only Bolt',
      value: ratio(run('app', 50)?.ackP99Ms, run('ack-only', 50)?.ackP99Ms),
      target: 2,
      unit: '×',
      lowerIsBetter: true,
    },
    {
      name: 'event-loop CPU per command (worst run)',
      value: cpu.length ? Math.max(...cpu) : null,
      target: 1.5,
      unit: 'ms',
      lowerIsBetter: true,
    },
    {
      name: 'RSS after 10,000 commands vs ack-only Bolt',
      value: ratio(app?.rssMbAfter10k, t('ack-only')?.rssMbAfter10k),
      target: 1.1,
      unit: '×',
      lowerIsBetter: true,
    },
    {
      name: 'cold start vs bare Bolt compiled (medians)',
      value: ratio(median(input.cold.app), median(input.cold.bareBolt)),
      target: 1.2,
      unit: '×',
      lowerIsBetter: true,
    },
    {
      name: 'cold start CPU vs bare Bolt compiled (medians)',
      value: ratio(median(input.cold.appCpu), median(input.cold.bareBoltCpu)),
      target: 1.2,
      unit: '×',
      lowerIsBetter: true,
    },
  ];
}

const met = (g: Goal) =>
  g.value === null ? null : g.lowerIsBetter ? g.value <= g.target : g.value >= g.target;

export function report(input: Input): { text: string; json: unknown } {
  const run = (n: Target['name'], c: number) =>
    input.targets.find((x) => x.name === n)?.runs.find((r) => r.connections === c);
  const m = input.machine;
  const lines: string[] = [
    `Thoracic RT Advisor benchmark — ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.date}`,
    `load average before the run: ${m.loadAverageAtStart}; our app runs as: ${m.appCommand}`,
    '',
    `engine   ${input.engine.runs} evaluations over ${input.engine.cases} cases: ${f0(input.engine.perSecond)} /s, p50 ${f1(input.engine.p50Us)} µs, p99 ${f1(input.engine.p99Us)} µs`,
    `parser   ${input.parser.runs} parses, mean ${input.parser.meanChars} chars: ${f0(input.parser.perSecond)} /s, p50 ${f1(input.parser.p50Us)} µs, p99 ${f1(input.parser.p99Us)} µs`,
    '',
    'signed /thoracic-rt over loopback HTTP (autocannon); answered/s = answers at the response_url (acks for ack-only)',
    '  target    conns | answered/s | ×standard | ×ack-only | ack p50 / p99 ms | p99 ×ack-only | CPU ms/cmd loop / all | load avg',
  ];
  for (const t of input.targets) {
    for (const r of t.runs) {
      const std = run('standard', r.connections);
      const ack = run('ack-only', r.connections);
      lines.push(
        `  ${t.name.padEnd(9)} ${String(r.connections).padStart(5)} | ${f0(r.answeredPerSecond).padStart(10)} | ${f2(ratio(r.answeredPerSecond, std?.answeredPerSecond)).padStart(9)} | ${f2(ratio(r.answeredPerSecond, ack?.answeredPerSecond)).padStart(9)} | ${`${f1(r.ackP50Ms)} / ${f1(r.ackP99Ms)}`.padStart(16)} | ${f2(ratio(r.ackP99Ms, ack?.ackP99Ms)).padStart(13)} | ${`${f2(r.eventLoopCpuMsPerCommand)} / ${f2(r.allThreadsCpuMsPerCommand)}`.padStart(21)} | ${r.loadAverage.split(' ').slice(0, 3).join(' ')}`,
      );
    }
  }
  const bad = input.targets.flatMap((t) => t.runs).filter((r) => r.non2xx + r.errors > 0);
  if (bad.length > 0) lines.push(`  (non-2xx or errors in ${bad.length} run(s): results may be invalid)`);
  for (const t of input.targets) {
    for (const d of t.delivery) {
      lines.push(
        `answer delivery, ${t.name} (${d.requests} commands, ${d.concurrency} at a time): p50 ${f1(d.p50Ms)} ms, p99 ${f1(d.p99Ms)} ms${d.lost ? `, ${d.lost} not delivered within 5 s` : ''}`,
      );
    }
  }
  lines.push(
    `RSS MB when ready → after ${input.targets[0]?.commandsBeforeRss ?? 'n/a'} commands: ${input.targets.map((t) => `${t.name} ${f0(t.rssMbReady)} → ${f0(t.rssMbAfter10k)}`).join('; ')}`,
  );
  lines.push(
    `cold start, spawn → port open: app (production build) ${input.cold.app.map(f0).join(', ')} ms; bare Bolt compiled ${input.cold.bareBolt.map(f0).join(', ')} ms`,
  );
  lines.push(
    `  CPU until port open (all threads), medians: app ${f0(median(input.cold.appCpu))} ms, bare Bolt ${f0(median(input.cold.bareBoltCpu))} ms`,
  );
  const gs = goals(input, run);
  lines.push('', 'targets');
  for (const g of gs) {
    const ok = met(g);
    lines.push(
      `  ${g.name.padEnd(48)} ${(g.unit === '×' ? f2(g.value) : f1(g.value)).padStart(8)} ${g.unit.padEnd(3)} ${g.lowerIsBetter ? '≤' : '≥'} ${String(g.target).padEnd(5)} ${ok === null ? 'NOT MEASURED' : ok ? 'MET' : 'NOT MET'}`,
    );
  }
  for (const t of input.targets) if (t.problem) lines.push(`problem: ${t.problem}`);
  return {
    text: lines.join('\n'),
    json: {
      machine: input.machine,
      engine: input.engine,
      parser: input.parser,
      http: { loadGenerator: 'autocannon', targets: input.targets },
      coldStartMs: {
        note: 'spawn until the port accepts a connection; app = npm run start:prod, bare Bolt = bench/server.ts ack-only compiled',
        app: input.cold.app,
        appMedian: median(input.cold.app),
        bareBolt: input.cold.bareBolt,
        bareBoltMedian: median(input.cold.bareBolt),
        appCpuMedian: median(input.cold.appCpu),
        bareBoltCpuMedian: median(input.cold.bareBoltCpu),
      },
      targets: gs.map((g) => ({ ...g, met: met(g) })),
    },
  };
}
