// npm run bench:queue: the store-side CPU of one queued command's life (enqueue before the ack, claim, the
// "sending" mark, completion with its audit row), in this process on a fresh SQLite file, with the table growing
// as it does under load (done rows stay). Figures, not assertions: CPU µs per job from process.cpuUsage().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, type Output } from '../src/engine/index.js';
import { exampleFiles, readExample } from '../src/main/examples.js';
import { openStore } from '../src/store/index.js';

const now = new Date('2026-11-27T07:00:00Z');
const outputs: Output[] = exampleFiles().map((f) => {
  const r = evaluate(readExample(f), { now });
  if (!r.ok) throw new Error(`${f} is invalid`);
  return r.output;
});
const RUNS = Number(process.env.BENCH_RUNS ?? 5000);
const WARMUP = 500;

const dir = mkdtempSync(join(tmpdir(), 'thoracic-rt-queue-bench-'));
const store = await openStore({ sqlitePath: join(dir, 'audit.sqlite') });
const owner = 'bench-owner';
let cpu = process.cpuUsage();
let t0 = performance.now();
for (let i = 0; i < WARMUP + RUNS; i++) {
  if (i === WARMUP) {
    cpu = process.cpuUsage();
    t0 = performance.now();
  }
  const key = `command:T${i}#d${i}`;
  await store.jobs.enqueue({
    kind: 'command',
    idempotencyKey: key,
    payload: { n: i },
    target: { responseUrl: `http://127.0.0.1:1/response/${i}`, channel: 'C1', user: 'U1', team: 'T1' },
    rulesetVersion: '2026.2.0',
    at: new Date(),
  });
  const [job] = await store.jobs.claim(owner, 10_000, 4);
  if (!job) throw new Error('nothing claimed');
  if (!(await store.jobs.markSending(owner, job.id))) throw new Error('lease lost');
  const done = await store.jobs.complete(owner, job.id, {
    outcome: 'delivered',
    consult: {
      id: job.id,
      at: job.createdAt,
      idempotencyKey: key.split('#')[0],
      teamId: 'T1',
      channelId: 'C1',
      userId: 'U1',
      surface: 'slack-command',
      output: outputs[i % outputs.length]!,
    },
  });
  if (!done?.consultId) throw new Error('not completed');
}
const used = process.cpuUsage(cpu);
const wall = performance.now() - t0;
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  `queue cycle (${RUNS} jobs): CPU ${((used.user + used.system) / RUNS).toFixed(0)} µs/job ` +
    `(user ${(used.user / RUNS).toFixed(0)}, system ${(used.system / RUNS).toFixed(0)}), wall ${((wall * 1000) / RUNS).toFixed(0)} µs/job`,
);
