// npm run bench: every figure of issues 7 and 17 in one run, printed as a table and written to bench/results.json.
//  - engine evaluations/s, p50/p99 and free-text parser p50/p99 (in this process);
//  - signed /thoracic-rt over loopback HTTP, load from autocannon at 1, 10 and 50 connections, against three
//    processes started one after another (bench/targets.ts): our production build and two Bolt peers with the
//    same receiver and signing, an ack-only app and a standard app that acks and respond()s a static 3-block
//    answer. Per target and run: answered throughput (answers at the response_url per second; acks for the
//    ack-only app), ack p50/p99, event-loop and all-threads CPU per command (/proc), RSS after 10,000 commands;
//  - answer delivery p50/p99 (request sent → answer at the response_url), measured apart from the load runs;
//  - cold start (spawn → port open) of our production build against the bare Bolt app compiled.
// The Slack Web API fake runs in this process. The machine may be shared: the load average is recorded before
// every run, and ratios between targets measured in the same run are the figures to read. Reports only.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { evaluate } from '../src/engine/index.js';
import { parseCase } from '../src/parse/index.js';
import { deliver, SIGNING_SECRET, sign, slashCommand } from '../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../src/playground/slack-web-api.js';
import { PUBLIC_EXAMPLE_TEXTS } from '../test/support/public-examples.js';
import { BENCH_CASES } from './engine-cases.js';
import { PARSER_CASES } from './parser-cases.js';
import { type CpuSnapshot, cpuPer, cpuSnapshot, loadAverage, rssMb } from './proc-stats.js';
import { report } from './report.js';
import { measure, percentile } from './stats.js';
import { buildAll, type Proc, startProdArgs, startTarget, stopTarget, type TargetName } from './targets.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const startedAt = Date.now();
const loadAtStart = loadAverage();

// ---------------------------------------------------------------------------------------------- in process
const now = new Date('2026-11-27T07:00:00Z');
const engine = measure(
  BENCH_CASES,
  (c) => evaluate(c, { now }),
  Math.max(1, Math.round(40_000 / BENCH_CASES.length)),
);
const parser = measure(PARSER_CASES, (t) => parseCase(t), 3000, 2000);
const parserMeanChars = Math.round(PARSER_CASES.reduce((n, c) => n + c.length, 0) / PARSER_CASES.length);

if (!process.env.BENCH_NO_BUILD) await buildAll();

// ----------------------------------------------------------------------------- the Web API fake, here
const fake = new SlackWebApiFake({ teamId: 'T0TEST', botUserId: 'UBOT', botId: 'BBOT' });
/** Time of the last message at each response_url (an answer may take several). */
const arrivals = new Map<string, number>();
let lastArrival = 0;
const fakeServer: Server = createServer((req, res) => {
  const url = req.url ?? '';
  fake.handleRequest(req, res).then(
    (handled) => {
      if (!handled) {
        res.writeHead(404).end();
        return;
      }
      if (url.startsWith('/response/')) {
        lastArrival = performance.now();
        arrivals.set(url.slice('/response/'.length), lastArrival);
        // The fake keeps every message; the benchmark needs only the times.
        fake.responses.length = 0;
        fake.messages.length = 0;
      } else fake.calls.length = 0;
    },
    () => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    },
  );
});
await new Promise<void>((r) => fakeServer.listen(0, '127.0.0.1', r));
fake.attach(`http://127.0.0.1:${(fakeServer.address() as AddressInfo).port}`);
const apiUrl = `${fake.baseUrl}/api/`;

// ------------------------------------------------------------------------------------- load generation
const TEXTS = PUBLIC_EXAMPLE_TEXTS;
let seq = 0;
/** A fresh signed /thoracic-rt request: its own trigger_id and response_url, signed now (valid 5 minutes). */
function signedCommand(): { body: string; headers: Record<string, string>; id: string } {
  seq += 1;
  const responseUrl = fake.newResponseUrl();
  const req = slashCommand(TEXTS[seq % TEXTS.length]!, responseUrl, `bench.${seq}.${Date.now()}`);
  const ts = Math.floor(Date.now() / 1000);
  return {
    body: req.body,
    id: responseUrl.split('/').pop()!,
    headers: {
      'content-type': req.contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(req.body, ts, SIGNING_SECRET),
    },
  };
}

export interface LoadResult {
  connections: number;
  loadAverage: string;
  requests: number;
  acksPerSecond: number;
  /** Answers at the response_url per second (acks per second for the ack-only app). */
  answeredPerSecond: number;
  answered: number;
  ackP50Ms: number;
  ackP99Ms: number;
  eventLoopCpuMsPerCommand: number | null;
  allThreadsCpuMsPerCommand: number | null;
  rssMbAfter: number | null;
  non2xx: number;
  errors: number;
}

async function autocannonRun(port: number, connections: number, amount: number, maxSeconds: number) {
  // Without a callback autocannon returns its instance (an event emitter), which is also a promise of the result.
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    amount,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (r) => {
          const s = signedCommand();
          return { ...r, body: s.body, headers: s.headers };
        },
      },
    ],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  // autocannon's own histogram keeps whole milliseconds: keep each response's exact latency instead.
  const latencies: number[] = [];
  let lastResponse = 0;
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    lastResponse = performance.now();
  });
  const stop = setTimeout(() => instance.stop(), maxSeconds * 1000);
  const r = await instance;
  clearTimeout(stop);
  latencies.sort((a, b) => a - b);
  return { r, latencies, lastResponse };
}

/** Waits (bounded) until `expected` response_urls have an answer and nothing more arrived for 100 ms. */
async function drain(expected: number, maxMs: number): Promise<void> {
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    if (arrivals.size >= expected && performance.now() - lastArrival > 100) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function load(p: Proc, connections: number, amount: number, maxSeconds: number): Promise<LoadResult> {
  const answers = p.name !== 'ack-only';
  arrivals.clear();
  const loadAvg = loadAverage();
  const before: CpuSnapshot | null = cpuSnapshot(p.pid);
  const t0 = performance.now();
  const { r, latencies, lastResponse } = await autocannonRun(p.port, connections, amount, maxSeconds);
  const done = r.requests.total;
  if (answers) await drain(done, 30_000);
  const after = cpuSnapshot(p.pid);
  const answered = answers ? arrivals.size : latencies.length;
  const end = answers ? Math.max(...arrivals.values()) : lastResponse;
  const cpu = cpuPer(before, after, done);
  return {
    connections,
    loadAverage: loadAvg,
    requests: done,
    acksPerSecond: done / ((lastResponse - t0) / 1000),
    answeredPerSecond: answered / ((end - t0) / 1000),
    answered,
    ackP50Ms: percentile(latencies, 50),
    ackP99Ms: percentile(latencies, 99),
    eventLoopCpuMsPerCommand: cpu?.eventLoopMs ?? null,
    allThreadsCpuMsPerCommand: cpu?.allThreadsMs ?? null,
    rssMbAfter: rssMb(p.pid),
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function deliveryLoop(port: number, total: number, concurrency: number) {
  const samples: number[] = [];
  let lost = 0;
  let next = 0;
  arrivals.clear();
  const worker = async () => {
    while (next < total) {
      next += 1;
      const s = signedCommand();
      const t0 = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: s.headers,
        body: s.body,
        signal: AbortSignal.timeout(5000),
      });
      await res.text();
      const until = t0 + 5000;
      while (!arrivals.has(s.id) && performance.now() < until) await new Promise((r) => setTimeout(r, 1));
      const at = arrivals.get(s.id);
      if (at === undefined) lost += 1;
      else samples.push(at - t0);
      arrivals.delete(s.id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  samples.sort((a, b) => a - b);
  return {
    concurrency,
    requests: total,
    lost,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
  };
}

/** 1 + 500 warm-up + 1500 + 3000 + 5000 = 10,001 commands before the RSS reading. */
const PLAN: { connections: number; amount: number; maxSeconds: number }[] = [
  { connections: 1, amount: 1500, maxSeconds: 30 },
  { connections: 10, amount: 3000, maxSeconds: 30 },
  { connections: 50, amount: 5000, maxSeconds: 40 },
];

export interface TargetResult {
  name: TargetName;
  rssMbReady: number | null;
  runs: LoadResult[];
  commandsBeforeRss: number;
  rssMbAfter10k: number | null;
  delivery: Awaited<ReturnType<typeof deliveryLoop>>[];
  problem?: string;
}

async function measureTarget(name: TargetName): Promise<TargetResult> {
  const out: TargetResult = {
    name,
    rssMbReady: null,
    runs: [],
    commandsBeforeRss: 0,
    rssMbAfter10k: null,
    delivery: [],
  };
  let p: Proc | undefined;
  try {
    p = await startTarget(name, apiUrl);
    await new Promise((r) => setTimeout(r, 300));
    out.rssMbReady = rssMb(p.pid);
    // A first request (Bolt's auth.test, JIT), then a short warm-up.
    await deliver(`http://127.0.0.1:${p.port}/slack/events`, slashCommand(TEXTS[0]!, fake.newResponseUrl()));
    const warm = await load(p, 10, 500, 20);
    out.commandsBeforeRss = 1 + warm.requests;
    for (const step of PLAN) {
      const r = await load(p, step.connections, step.amount, step.maxSeconds);
      out.commandsBeforeRss += r.requests;
      out.runs.push(r);
    }
    out.rssMbAfter10k = rssMb(p.pid);
    if (name !== 'ack-only')
      out.delivery = [await deliveryLoop(p.port, 200, 1), await deliveryLoop(p.port, 400, 10)];
  } catch (err) {
    out.problem = `${name}: ${(err as Error).message}`;
  } finally {
    if (p) await stopTarget(p);
  }
  return out;
}

/** Cold starts, alternating between the two so that the machine's state affects both alike. */
async function coldStarts(rounds: number) {
  const out = {
    app: [] as number[],
    bareBolt: [] as number[],
    appCpu: [] as number[],
    bareBoltCpu: [] as number[],
  };
  for (let i = 0; i < rounds; i++) {
    for (const name of ['app', 'ack-only'] as const) {
      const p = await startTarget(name, apiUrl);
      (name === 'app' ? out.app : out.bareBolt).push(p.coldStartMs);
      if (p.coldStartCpuMs !== null) (name === 'app' ? out.appCpu : out.bareBoltCpu).push(p.coldStartCpuMs);
      await stopTarget(p);
    }
  }
  return out;
}

/** One throwaway database on the server of `url` (created here, dropped after). */
async function withBenchDatabase<T>(url: string, fn: (dbUrl: string) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const name = `bench_replicas_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    try {
      return await fn(u.toString());
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  } finally {
    await admin.end();
  }
}

export interface ReplicaRun {
  replicas: number;
  connections: number;
  commands: number;
  answered: number;
  answeredPerSecond: number;
  loadAverage: string;
}

/** `n` app processes on one PostgreSQL database; the connections split between them; answers counted together. */
async function replicaRun(
  dbUrl: string,
  n: number,
  connections: number,
  amount: number,
): Promise<ReplicaRun> {
  const procs: Proc[] = [];
  try {
    for (let i = 0; i < n; i++) procs.push(await startTarget('app', apiUrl, dbUrl));
    for (const p of procs) {
      await deliver(
        `http://127.0.0.1:${p.port}/slack/events`,
        slashCommand(TEXTS[0]!, fake.newResponseUrl()),
      );
      await autocannonRun(p.port, 10, 300, 20);
    }
    // The warm-ups' last answers land before the count starts.
    await drain(0, 10_000);
    arrivals.clear();
    const loadAvg = loadAverage();
    const t0 = performance.now();
    const runs = await Promise.all(
      procs.map((p) => autocannonRun(p.port, Math.ceil(connections / n), Math.ceil(amount / n), 40)),
    );
    const sent = runs.reduce((k, r) => k + r.r.requests.total, 0);
    await drain(sent, 60_000);
    const end = Math.max(...arrivals.values());
    return {
      replicas: n,
      connections,
      commands: sent,
      answered: arrivals.size,
      answeredPerSecond: arrivals.size / ((end - t0) / 1000),
      loadAverage: loadAvg,
    };
  } finally {
    for (const p of procs) await stopTarget(p);
  }
}

/** BENCH_REPLICAS_DATABASE_URL: one and two replicas of the app on one PostgreSQL, 50 connections, 5,000 commands. */
async function replicaRuns(): Promise<ReplicaRun[] | undefined> {
  const url = process.env.BENCH_REPLICAS_DATABASE_URL;
  if (!url) return undefined;
  return withBenchDatabase(url, async (dbUrl) => [
    await replicaRun(dbUrl, 1, 50, 5000),
    await replicaRun(dbUrl, 2, 50, 5000),
  ]);
}

const only = process.env.BENCH_ONLY?.split(',') as TargetName[] | undefined;
const results: TargetResult[] = [];
for (const name of ['app', 'standard', 'ack-only'] as const) {
  if (!only || only.includes(name)) results.push(await measureTarget(name));
}
const replicas = await replicaRuns().catch((err: unknown) => {
  console.error(`replica runs failed: ${(err as Error).message}`);
  return undefined;
});
const cold = await coldStarts(7);
await fake.stop();
fakeServer.closeAllConnections();
await new Promise<void>((r) => fakeServer.close(() => r()));

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: loadAtStart,
  date: new Date().toISOString(),
  appCommand: `node ${startProdArgs().join(' ')}`,
};
const { text, json } = report({
  machine,
  engine: { cases: BENCH_CASES.length, ...engine },
  parser: { cases: PARSER_CASES.length, meanChars: parserMeanChars, ...parser },
  targets: results,
  cold,
});
console.log(text);
if (replicas) {
  console.log('\nreplicas on one PostgreSQL (50 connections split between them, 5,000 commands):');
  for (const r of replicas)
    console.log(
      `  ${r.replicas} app process(es): ${r.answeredPerSecond.toFixed(0)} answered/s (${r.answered}/${r.commands}), load ${r.loadAverage}`,
    );
}
const wallSeconds = (Date.now() - startedAt) / 1000;
writeFileSync(
  join(HERE, 'results.json'),
  `${JSON.stringify({ ...(json as object), ...(replicas ? { replicas } : {}), wallSeconds }, null, 2)}\n`,
);
console.log(`\nwrote bench/results.json (${wallSeconds.toFixed(0)} s, load average now ${loadAverage()})`);
