// The pool's claims: a claim that returns fewer jobs than asked for ends the poll (each claim is a write
// transaction), yet a pool that was full still picks up the jobs it left waiting as soon as a worker is free.
// A job enqueued with the pool's reservation is leased in its INSERT and worked here without any claim; past
// the pool's room, jobs are written unleased and claimed as workers free up.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Log } from '../../src/log/logger.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { defineKind, kindRegistry } from '../../src/slack/queue/registry.js';
import type { Transport } from '../../src/slack/queue/transport.js';
import { createDeliveryQueue, type DeliveryQueue } from '../../src/slack/queue/worker-pool.js';
import { type Jobs, openStore, type Store } from '../../src/store/index.js';

const quiet: Log = { debug() {}, info() {}, warn() {}, error() {} };
const kinds = kindRegistry([
  defineKind({
    name: 'test-answer',
    payload: z.object({ n: z.number() }),
    plan: (p) => ({ parts: [{ via: 'response_url', message: { text: `answer ${p.n}`, blocks: [] } }] }),
  }),
]);

let store: Store | undefined;
let queue: DeliveryQueue | undefined;
afterEach(async () => {
  await queue?.stop(1000);
  await store?.close();
  queue = undefined;
  store = undefined;
});

async function pool(concurrency: number, hold?: Promise<void>, prefetch = 0) {
  store = await openStore({ sqlitePath: join(await mkdtemp(join(tmpdir(), 'pool-')), 'audit.sqlite') });
  const delivered: string[] = [];
  let claims = 0;
  const jobs: Jobs = {
    ...store.jobs,
    claim: (...args) => {
      claims++;
      return store!.jobs.claim(...args);
    },
  };
  const transport: Transport = {
    async respond(url) {
      await hold;
      delivered.push(url);
    },
    client: async () => {
      throw new Error('no Web API here');
    },
  };
  const deps = { log: quiet, now: () => new Date() } as unknown as SlackDeps;
  // The timer poll is a minute away: only notify() and finished jobs make the pool look.
  queue = createDeliveryQueue({ jobs, kinds, deps, transport, concurrency, prefetch, pollMs: 60_000 });
  const enqueue = (n: number, lease?: { owner: string; ms: number }) =>
    store!.jobs.enqueue({
      kind: 'test-answer',
      idempotencyKey: `k${n}`,
      payload: { n },
      target: { responseUrl: `https://hooks.example/r/${n}` },
      rulesetVersion: 'test',
      at: new Date(),
      lease,
    });
  /** What the ack path does: reserve, enqueue with the lease, hand the leased job over (or cancel). */
  const enqueueHere = async (n: number) => {
    const r = queue!.reserve();
    const res = await enqueue(n, r && { owner: r.owner, ms: r.leaseMs });
    if (r && res.leased) r.take(res.leased);
    else {
      r?.cancel();
      if (res.created) queue!.notify();
    }
    return { reserved: r !== undefined, ...res };
  };
  return { delivered, claims: () => claims, enqueue, enqueueHere, q: queue };
}

const until = async (cond: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('delivery worker pool', () => {
  it('a full pool delivers the jobs it left waiting once workers are free, without the timer', async () => {
    let release!: () => void;
    const p = await pool(2, new Promise<void>((r) => (release = r)));
    for (let n = 0; n < 5; n++) await p.enqueue(n);
    await p.q.start();
    await until(() => p.q.running === 2);
    release();
    await until(() => p.delivered.length === 5);
    expect(new Set(p.delivered).size).toBe(5);
    expect((await store!.jobs.depth()).queued).toBe(0);
  });

  it('one job notified: one claim, and none after it is done', async () => {
    const p = await pool(4);
    await p.q.start();
    await until(() => p.claims() === 1);
    await p.enqueue(1);
    p.q.notify();
    await until(() => p.delivered.length === 1);
    await until(() => p.q.running === 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(p.claims()).toBe(2);
  });

  it('jobs leased at enqueue are worked here with no claim; past its room the pool claims the rest', async () => {
    let release!: () => void;
    const p = await pool(2, new Promise<void>((r) => (release = r)), 1);
    await p.q.start();
    await until(() => p.claims() === 1);
    const results = [];
    for (let n = 0; n < 5; n++) results.push(await p.enqueueHere(n));
    // Two workers and one waiting: three leased in their INSERT, two left for a claim.
    expect(results.map((r) => r.reserved)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.leased?.attempts)).toEqual([1, 1, 1, undefined, undefined]);
    // Another replica cannot take the leased ones.
    expect((await store!.jobs.claim('other-replica', 10_000, 5)).map((j) => j.id).sort()).toEqual(
      [results[3]!.id, results[4]!.id].sort(),
    );
    await until(() => p.q.running === 2);
    release();
    await until(() => p.delivered.length === 3);
    expect(p.delivered.sort()).toEqual([0, 1, 2].map((n) => `https://hooks.example/r/${n}`));
    await until(() => p.q.running === 0);
    // The duplicate of a delivered job is not leased again.
    const dup = await p.enqueueHere(0);
    expect([dup.reserved, dup.created, dup.leased]).toEqual([true, false, undefined]);
  });
});
