// npm run bench:store: the latency recordConsult adds to an answer, p50/p99/max, on the embedded SQLite file
// (synchronous NORMAL, the default, and FULL; WAL checkpoints in the worker thread, the default, or inline as
// SQLite does by itself), and on PostgreSQL too when BENCH_DATABASE_URL is set. Back-to-back calls: the worst case.
// Figures, not assertions. Target: ≤ 2 ms p99 with SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, type Output } from '../src/engine/index.js';
import { exampleFiles, readExample } from '../src/main/examples.js';
import { openStore, type StoreOptions } from '../src/store/index.js';
import { percentile, verdictLine } from './stats.js';

const now = new Date('2026-11-27T07:00:00Z');
const outputs: Output[] = exampleFiles().map((f) => {
  const r = evaluate(readExample(f), { now });
  if (!r.ok) throw new Error(`${f} is invalid`);
  return r.output;
});

const WARMUP = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 5000);

async function bench(label: string, opts: StoreOptions, target?: number): Promise<void> {
  const store = await openStore(opts);
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await store.recordConsult({
      at: new Date(),
      teamId: 'TBENCH',
      channelId: 'CBENCH',
      userId: `U${i % 17}`,
      surface: 'slack-command',
      idempotencyKey: `bench:${label}:${i}`,
      output: outputs[i % outputs.length]!,
    });
    if (i >= WARMUP) samples.push(Number(process.hrtime.bigint() - t0));
  }
  await store.close();
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50) / 1e6;
  const p99 = percentile(samples, 99) / 1e6;
  const max = samples[samples.length - 1]! / 1e6;
  console.log(
    `${label.padEnd(36)} p50 ${p50.toFixed(3)} ms   p99 ${p99.toFixed(3)} ms   max ${max.toFixed(2)} ms`,
  );
  if (target !== undefined) console.log(verdictLine(`${label} p99`, p99, target, 'ms'));
}

const dir = mkdtempSync(join(tmpdir(), 'thoracic-rt-bench-'));
try {
  console.log(`store benchmark on ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  console.log(
    `${RUNS} recordConsult calls each (idempotency key, ~14 KB output hashed), after ${WARMUP} warm-up calls`,
  );
  for (const sync of ['normal', 'full'] as const) {
    for (const checkpoint of ['worker', 'inline'] as const) {
      const isDefault = sync === 'normal' && checkpoint === 'worker';
      await bench(
        `sqlite ${sync}, ${checkpoint} ckpt${isDefault ? ' (default)' : ''}`,
        {
          sqlitePath: join(dir, `${sync}-${checkpoint}.sqlite`),
          sqliteSynchronous: sync,
          sqliteCheckpointIntervalMs: checkpoint === 'worker' ? 250 : 0,
        },
        2,
      );
    }
  }
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) await bench('postgres', { databaseUrl: pgUrl });
  else console.log('(set BENCH_DATABASE_URL to a scratch PostgreSQL database to measure it too)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
