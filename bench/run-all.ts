// npm run bench: every figure of issue 7 in one run, printed as a table and written to bench/results.json.
//  - engine evaluations/s, p50/p99 (in process, the mixed cases of bench/engine-cases.ts);
//  - free-text parser p50/p99 on ~500-character cases (in process);
//  - signed /thoracic-rt over loopback HTTP, load from autocannon, against two server processes
//    (bench/server.ts): our app (the production composition, HTTP mode, throwaway SQLite) and a minimal Bolt app
//    that only acks: ack latency p50/p99 and requests/s at 1, 10 and 50 connections, and their ratio;
//  - answer delivery p99 (request sent → answer at the response_url), measured apart from the load runs;
//  - RSS of the app process after 10,000 requests; cold start (spawn → port open).
// The Slack Web API fake runs in this process and counts response_url arrivals. Reports only; never fails.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, createServer as createNetServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { evaluate } from '../src/engine/index.js';
import { parseCase } from '../src/parse/index.js';
import { deliver, SIGNING_SECRET, sign, slashCommand } from '../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../src/playground/slack-web-api.js';
import { PUBLIC_EXAMPLE_TEXTS } from '../test/support/public-examples.js';
import { BENCH_CASES } from './engine-cases.js';
import { measure, percentile } from './stats.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const RUN_DEADLINE_MS = 170_000;
const startedAt = Date.now();
/** How busy the machine was before this run started (other work skews the latency percentiles). */
const loadAtStart = loadavg()[0] ?? null;
const timeLeft = () => RUN_DEADLINE_MS - (Date.now() - startedAt);

// ---------------------------------------------------------------------------------------------- in process
const now = new Date('2026-11-27T07:00:00Z');
const engine = measure(
  BENCH_CASES,
  (c) => evaluate(c, { now }),
  Math.max(1, Math.round(40_000 / BENCH_CASES.length)),
);

/** Tumour-board referrals of about 500 characters, written for this benchmark. */
const PARSER_CASES: readonly string[] = [
  'MDT referral. 64M, former smoker (30 pack-years), lung adenocarcinoma of the right upper lobe, EGFR exon 19 deletion on tissue NGS, PD-L1 10%. PET-CT and brain MRI done: three metastases in two organs (two vertebral, one left adrenal), brain clear. ECOG 1. Started osimertinib 10 weeks ago with partial response at all sites. Peripheral primary 3.8 cm, no interstitial lung disease, no previous thoracic radiotherapy. Asks whether consolidative radiotherapy to the primary and residual sites is advised now.',
  'Woman of 57, never smoked. Non-squamous NSCLC with ALK fusion (EML4-ALK v3). Stage IVB at diagnosis: liver (2), bone (1), solitary brain metastasis treated with stereotactic radiosurgery. On lorlatinib for 6 months, good partial response; brain stable. Karnofsky 90. Central left lower lobe primary 4 cm with nodal disease at station 7. Mild exertional dyspnoea only. No ILD on CT. Please discuss thoracic RT to the primary and nodes, dose and timing relative to lorlatinib.',
  '74-year-old man, squamous cell lung cancer, no actionable driver, PD-L1 TPS 55%. Metastatic to both lungs and multiple bones (more than ten lesions), liver involvement. Completed four cycles of carboplatin/paclitaxel/pembrolizumab; stable disease overall, the primary slightly smaller. ECOG 2. Right hilar primary 6 cm encasing the bronchus intermedius, intermittent haemoptysis. COPD GOLD 3. Question: any role for thoracic radiotherapy beyond palliation, and what dose?',
  'New patient: 68F, adenocarcinoma LUL, KRAS G12C, PD-L1 negative. Staging PET shows a single right adrenal metastasis and one rib lesion; brain MRI negative. Treatment-naive, chemo-immunotherapy planned (carboplatin, pemetrexed, pembrolizumab). ECOG 0. Peripheral primary 2.6 cm, no nodes. Known mild interstitial changes (UIP pattern?) under review by respiratory. No prior chest RT. Should the board plan SBRT to all sites after induction, and is it safe with the ILD?',
  'Review after progression. 60M, EGFR L858R adenocarcinoma, on osimertinib 14 months. Now oligoprogression in the primary only (RLL, 3.1 cm, growing), other sites controlled: two bone and one liver metastasis stable. ECOG 1. No brain metastases on latest MRI. No previous radiotherapy to the chest, lung function adequate (FEV1 78%). Peripheral tumour, more than 2 cm from the proximal bronchial tree. Options: SBRT to the progressing primary while continuing osimertinib?',
  'Stage IV NSCLC NOS, 71F, ex-smoker. BRAF V600E, on dabrafenib and trametinib for 12 weeks with partial response. Oligometastatic at diagnosis: one brain lesion (SRS done), one liver lesion. WHO performance status 1. Ultracentral primary abutting the left main bronchus, 4.5 cm, no endobronchial component. Pleural effusion at diagnosis resolved. Life expectancy judged over one year. Tumour board asks about radical thoracic radiotherapy: dose, fractionation and toxicity with BRAF/MEK.',
];
const parser = measure(PARSER_CASES, (t) => parseCase(t), 3000, 2000);
const parserMeanChars = Math.round(PARSER_CASES.reduce((n, c) => n + c.length, 0) / PARSER_CASES.length);

// ----------------------------------------------------------------------------- the Web API fake, here
const fake = new SlackWebApiFake({ teamId: 'T0TEST', botUserId: 'UBOT', botId: 'BBOT' });
const arrivals = new Map<string, number>();
let arrived = 0;
const fakeServer: Server = createServer((req, res) => {
  const url = req.url ?? '';
  fake.handleRequest(req, res).then(
    (handled) => {
      if (!handled) {
        res.writeHead(404).end();
        return;
      }
      if (url.startsWith('/response/')) {
        arrived += 1;
        arrivals.set(url.slice('/response/'.length), performance.now());
        // The fake keeps every message; the benchmark needs only the counts.
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

// ------------------------------------------------------------------------------------- server processes
async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

interface Proc {
  child: ChildProcess;
  port: number;
  coldStartMs: number;
  stderr: string[];
}

async function startServer(mode: 'app' | 'minimal'): Promise<Proc> {
  const port = await freePort();
  const stderr: string[] = [];
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'server.ts'), mode, String(port)], {
    cwd: ROOT,
    env: { ...process.env, SLACK_API_URL: `${fake.baseUrl}/api/`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 50) stderr.push(d.toString());
  });
  const deadline = t0 + 20_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await portOpen(port)) return { child, port, coldStartMs: performance.now() - t0, stderr };
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  throw new Error(`${mode} server did not start: ${stderr.join('').slice(0, 500)}`);
}

async function stopServer(p: Proc): Promise<void> {
  if (p.child.exitCode !== null) return;
  const exited = new Promise<void>((r) => p.child.once('exit', () => r()));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function rssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

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

interface LoadResult {
  connections: number;
  /** RSS of the server process right after the run (app runs only). */
  rssMbAfter?: number | null;
  requests: number;
  perSecond: number;
  ackP50Ms: number;
  ackP99Ms: number;
  non2xx: number;
  errors: number;
}

async function load(
  port: number,
  connections: number,
  amount: number,
  maxSeconds: number,
): Promise<LoadResult> {
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
  // autocannon's own histogram keeps whole milliseconds and its duration whole seconds: keep each response's
  // exact latency (autocannon's hrtime measurement) and the time of the last response instead.
  const latencies: number[] = [];
  let lastResponse = 0;
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    lastResponse = performance.now();
  });
  const t0 = performance.now();
  const stop = setTimeout(() => instance.stop(), maxSeconds * 1000);
  const r = await instance;
  clearTimeout(stop);
  latencies.sort((a, b) => a - b);
  const done = r.requests.total;
  return {
    connections,
    requests: done,
    perSecond: done / ((lastResponse - t0) / 1000),
    ackP50Ms: percentile(latencies, 50),
    ackP99Ms: percentile(latencies, 99),
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** Waits (bounded) until the app has delivered every answer it acknowledged, so runs do not overlap. */
async function drain(expected: number, maxMs: number): Promise<number> {
  const t0 = performance.now();
  while (arrived < expected && performance.now() - t0 < maxMs) await new Promise((r) => setTimeout(r, 20));
  return performance.now() - t0;
}

async function deliveryLoop(port: number, total: number, concurrency: number) {
  const samples: number[] = [];
  let lost = 0;
  let next = 0;
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

const PLAN: { connections: number; amount: number; maxSeconds: number }[] = [
  { connections: 1, amount: 1500, maxSeconds: 12 },
  { connections: 10, amount: 3000, maxSeconds: 15 },
  { connections: 50, amount: 5000, maxSeconds: 20 },
];

// Our app: cold start, warm-up, load runs, delivery, RSS. A failure is reported (figures n/a), never thrown.
const problems: string[] = [];
const running: Proc[] = [];
const coldStarts: number[] = [];
const appRuns: LoadResult[] = [];
let delivery: Awaited<ReturnType<typeof deliveryLoop>>[] = [];
let appRssReady: number | null = null;
let appRss: number | null = null;
let appRssEnd: number | null = null;
let appRequests = 0;
let appRssAfter = 0;
try {
  for (let i = 0; i < 2; i++) {
    const p = await startServer('app');
    coldStarts.push(p.coldStartMs);
    await stopServer(p);
  }
  const app = await startServer('app');
  running.push(app);
  coldStarts.push(app.coldStartMs);
  await new Promise((r) => setTimeout(r, 300));
  appRssReady = rssMb(app.child.pid);
  // A first request (Bolt's auth.test, JIT), then a short warm-up.
  await deliver(`http://127.0.0.1:${app.port}/slack/events`, slashCommand(TEXTS[0]!, fake.newResponseUrl()));
  appRequests = 1 + (await load(app.port, 10, 500, 10)).requests;
  await drain(seq, 10_000);
  for (const step of PLAN) {
    const r = await load(app.port, step.connections, step.amount, step.maxSeconds);
    appRequests += r.requests;
    await drain(seq, 20_000);
    appRuns.push({ ...r, rssMbAfter: rssMb(app.child.pid) });
  }
  appRss = rssMb(app.child.pid);
  appRssAfter = appRequests;
  arrivals.clear();
  delivery = [await deliveryLoop(app.port, 200, 1), await deliveryLoop(app.port, 400, 10)];
  appRequests += 600;
  appRssEnd = rssMb(app.child.pid);
} catch (err) {
  problems.push(`app: ${(err as Error).message}`);
}
for (const p of running.splice(0)) await stopServer(p);

// The minimal Bolt app: the same runs.
const minimalColdStarts: number[] = [];
const minimalRuns: LoadResult[] = [];
let minimalRssReady: number | null = null;
let minimalRss: number | null = null;
try {
  for (let i = 0; i < 2; i++) {
    const p = await startServer('minimal');
    minimalColdStarts.push(p.coldStartMs);
    await stopServer(p);
  }
  const minimal = await startServer('minimal');
  running.push(minimal);
  minimalColdStarts.push(minimal.coldStartMs);
  await new Promise((r) => setTimeout(r, 300));
  minimalRssReady = rssMb(minimal.child.pid);
  await deliver(
    `http://127.0.0.1:${minimal.port}/slack/events`,
    slashCommand(TEXTS[0]!, fake.newResponseUrl()),
  );
  await load(minimal.port, 10, 500, 10);
  for (const step of PLAN) {
    if (timeLeft() < 30_000) break;
    minimalRuns.push(await load(minimal.port, step.connections, step.amount, step.maxSeconds));
  }
  minimalRss = rssMb(minimal.child.pid);
} catch (err) {
  problems.push(`minimal Bolt: ${(err as Error).message}`);
}
for (const p of running.splice(0)) await stopServer(p);
await fake.stop();
fakeServer.closeAllConnections();
await new Promise<void>((r) => fakeServer.close(() => r()));

// --------------------------------------------------------------------------------------------- report
const sortedCold = [...coldStarts].sort((a, b) => a - b);
const coldMedian = sortedCold.length > 0 ? sortedCold[Math.floor(sortedCold.length / 2)]! : null;
const sortedMinimalCold = [...minimalColdStarts].sort((a, b) => a - b);
const minimalColdMedian =
  sortedMinimalCold.length > 0 ? sortedMinimalCold[Math.floor(sortedMinimalCold.length / 2)]! : null;
const at50 = appRuns.find((r) => r.connections === 50);
const min50 = minimalRuns.find((r) => r.connections === 50);
const ratios = appRuns.map((r) => {
  const m = minimalRuns.find((x) => x.connections === r.connections);
  return { connections: r.connections, ratio: m ? r.perSecond / m.perSecond : null };
});
const worstRatio = Math.min(...ratios.map((r) => r.ratio ?? Number.POSITIVE_INFINITY));

interface Target {
  name: string;
  value: number | null;
  target: number;
  unit: string;
  lowerIsBetter: boolean;
}
const targets: Target[] = [
  { name: 'engine p99', value: engine.p99Us, target: 100, unit: 'µs', lowerIsBetter: true },
  { name: 'parser p99', value: parser.p99Us, target: 200, unit: 'µs', lowerIsBetter: true },
  {
    name: 'ack p99 at 50 connections',
    value: at50?.ackP99Ms ?? null,
    target: 20,
    unit: 'ms',
    lowerIsBetter: true,
  },
  {
    name: 'throughput vs minimal Bolt (worst)',
    value: Number.isFinite(worstRatio) ? worstRatio : null,
    target: 0.8,
    unit: '×',
    lowerIsBetter: false,
  },
  { name: `RSS after ${appRssAfter} requests`, value: appRss, target: 150, unit: 'MB', lowerIsBetter: true },
  { name: 'cold start (median of 3)', value: coldMedian, target: 1000, unit: 'ms', lowerIsBetter: true },
];
const met = (t: Target) =>
  t.value === null ? null : t.lowerIsBetter ? t.value <= t.target : t.value >= t.target;

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage1mAtStart: loadAtStart,
  date: new Date().toISOString(),
};

const f1 = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : n.toFixed(1));
const f0 = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : n.toFixed(0));
const lines: string[] = [];
lines.push(
  `Thoracic RT Advisor benchmark — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.date}, load average ${f1(machine.loadAverage1mAtStart)} before the run`,
);
lines.push('');
lines.push(
  `engine   ${engine.runs} evaluations over ${BENCH_CASES.length} cases: ${f0(engine.perSecond)} /s, p50 ${f1(engine.p50Us)} µs, p99 ${f1(engine.p99Us)} µs`,
);
lines.push(
  `parser   ${parser.runs} parses, mean ${parserMeanChars} chars: ${f0(parser.perSecond)} /s, p50 ${f1(parser.p50Us)} µs, p99 ${f1(parser.p99Us)} µs`,
);
lines.push('');
lines.push('signed /thoracic-rt over loopback HTTP (autocannon)');
lines.push('  conns | app req/s | app ack p50 / p99 ms | minimal req/s | minimal ack p50 / p99 ms | ratio');
for (const r of appRuns) {
  const m = minimalRuns.find((x) => x.connections === r.connections);
  const ratio = ratios.find((x) => x.connections === r.connections)?.ratio;
  lines.push(
    `  ${String(r.connections).padStart(5)} | ${f0(r.perSecond).padStart(9)} | ${`${f1(r.ackP50Ms)} / ${f1(r.ackP99Ms)}`.padStart(20)} | ${f0(m?.perSecond).padStart(13)} | ${`${f1(m?.ackP50Ms)} / ${f1(m?.ackP99Ms)}`.padStart(24)} | ${ratio === null || ratio === undefined ? 'n/a' : ratio.toFixed(2)}`,
  );
}
const bad = [...appRuns, ...minimalRuns].filter((r) => r.non2xx + r.errors > 0);
if (bad.length > 0) lines.push(`  (non-2xx or errors in ${bad.length} run(s): results may be invalid)`);
for (const d of delivery) {
  lines.push(
    `answer delivery (${d.requests} commands, ${d.concurrency} at a time): p50 ${f1(d.p50Ms)} ms, p99 ${f1(d.p99Ms)} ms${d.lost ? `, ${d.lost} not delivered within 5 s` : ''}`,
  );
}
lines.push(
  `RSS app ${f1(appRssReady)} MB when ready, ${appRuns.map((r) => f0(r.rssMbAfter)).join(' → ')} MB after each run, ${f1(appRss)} MB after ${appRssAfter} requests, ${f1(appRssEnd)} MB after ${appRequests}; minimal Bolt ${f1(minimalRssReady)} MB when ready, ${f1(minimalRss)} MB after its runs`,
);
lines.push(
  `cold start to port open (node --import tsx): app ${sortedCold.map((c) => f0(c)).join(', ')} ms; minimal Bolt ${sortedMinimalCold.map((c) => f0(c)).join(', ')} ms`,
);
lines.push('');
lines.push('targets');
for (const t of targets) {
  const ok = met(t);
  lines.push(
    `  ${t.name.padEnd(38)} ${(t.unit === '×' && t.value !== null ? t.value.toFixed(2) : f1(t.value)).padStart(9)} ${t.unit.padEnd(3)} ${t.lowerIsBetter ? '≤' : '≥'} ${String(t.target).padEnd(5)} ${ok === null ? 'NOT MEASURED' : ok ? 'MET' : 'NOT MET'}`,
  );
}
for (const p of problems) lines.push(`problem: ${p}`);
console.log(lines.join('\n'));

const results = {
  machine,
  engine: { cases: BENCH_CASES.length, ...engine },
  parser: { cases: PARSER_CASES.length, meanChars: parserMeanChars, ...parser },
  http: {
    loadGenerator: 'autocannon',
    app: appRuns,
    minimalBolt: minimalRuns,
    ratios,
    delivery,
    drainNote: 'each app run waits (bounded) until every acknowledged answer has reached its response_url',
  },
  rssMb: {
    appReady: appRssReady,
    app: appRss,
    appAfterRequests: appRssAfter,
    appAfterEachRun: appRuns.map((r) => ({ connections: r.connections, rssMb: r.rssMbAfter ?? null })),
    appEnd: appRssEnd,
    appEndAfterRequests: appRequests,
    minimalBoltReady: minimalRssReady,
    minimalBolt: minimalRss,
  },
  coldStartMs: {
    note: 'spawn of `node --import tsx bench/server.ts` until its port accepts a connection',
    samples: coldStarts,
    median: coldMedian,
    minimalBoltSamples: minimalColdStarts,
    minimalBoltMedian: minimalColdMedian,
  },
  ack50: { app: at50 ?? null, minimal: min50 ?? null },
  targets: targets.map((t) => ({ ...t, met: met(t) })),
  problems,
  wallSeconds: (Date.now() - startedAt) / 1000,
};
writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench/results.json (${results.wallSeconds.toFixed(0)} s)`);
