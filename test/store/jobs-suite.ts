// The delivery queue's store contract (store.jobs), part of the store suite on both dialects: one row per
// idempotency key, one lessee per job even under concurrent claims from two stores (replicas), leases that
// expire, and completion that writes the audit row and the done mark together, or neither.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { exampleOutput, NOW } from './support.js';

export interface JobsSuiteDeps {
  fresh(): Promise<void>;
  open(): Promise<Store>;
  setClock(d: Date): void;
  count(table: string, where?: [string, string]): Promise<number>;
}

const job = (key: string) => ({
  kind: 'command-reply',
  idempotencyKey: key,
  payload: { route: 'help', identifiersRemoved: [], conflicts: [], ignoredCount: 0 },
  target: { responseUrl: 'https://hooks.slack.com/commands/T1/1/abc', channel: 'C1', user: 'U1', team: 'T1' },
  rulesetVersion: '2026.2.0',
  at: NOW,
});

const consult = () => ({
  at: NOW,
  surface: 'slack-command' as const,
  teamId: 'T1',
  output: exampleOutput('ex2-egfr-oligo-osimertinib-ecog2'),
});

export function defineJobsSuite(t: JobsSuiteDeps): void {
  describe('delivery jobs', () => {
    it('keep one row per idempotency key: a retry or replay finds the first', async () => {
      await t.fresh();
      const store = await t.open();
      const first = await store.jobs.enqueue(job('command:a'));
      const again = await store.jobs.enqueue(job('command:a'));
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      expect(await t.count('delivery_jobs')).toBe(1);
      expect(await store.jobs.depth()).toMatchObject({ queued: 1, leased: 0, oldestAgeMs: 0 });
    });

    it('are leased to one owner at a time, even when two stores claim at once', async () => {
      await t.fresh();
      const [a, b] = [await t.open(), await t.open()];
      for (let i = 0; i < 20; i++) await a.jobs.enqueue(job(`k${i}`));
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).jobs.claim(`owner${i}`, 10_000, 3)),
      );
      const ids = claims.flat().map((j) => j.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(20);
      expect(await a.jobs.claim('late', 10_000, 5)).toEqual([]);
      expect((await a.jobs.depth()).leased).toBe(20);
    });

    it('pass to another owner once a lease expires, and not before; renewal keeps them', async () => {
      await t.fresh();
      const store = await t.open();
      const { id } = await store.jobs.enqueue(job('k'));
      const [mine] = await store.jobs.claim('w1', 5000, 1);
      expect(mine).toMatchObject({ id, attempts: 1, partsDone: 0, uncertain: false });
      t.setClock(new Date(NOW.getTime() + 4000));
      expect(await store.jobs.renew('w1', [id], 5000)).toBe(1);
      t.setClock(new Date(NOW.getTime() + 8000));
      expect(await store.jobs.claim('w2', 5000, 1)).toEqual([]);
      expect(await store.jobs.markSending('w1', id)).toBe(true);
      t.setClock(new Date(NOW.getTime() + 9001));
      const [taken] = await store.jobs.claim('w2', 5000, 1);
      // The first owner was sending when it stopped: the job says its message may have reached Slack.
      expect(taken).toMatchObject({ id, attempts: 2, uncertain: true });
      expect(await store.jobs.markSending('w1', id)).toBe(false);
      expect(
        await store.jobs.complete('w1', id, { outcome: 'delivered', consult: consult() }),
      ).toBeUndefined();
      expect(await t.count('consults')).toBe(0);
    });

    it('can be written already leased: first attempt, no claim by anyone until the lease expires', async () => {
      await t.fresh();
      const store = await t.open();
      const res = await store.jobs.enqueue({ ...job('k'), lease: { owner: 'w1', ms: 5000 } });
      expect(res.leased).toMatchObject({ id: res.id, attempts: 1, partsDone: 0, uncertain: false });
      expect(res.leased?.payload).toEqual(job('k').payload);
      expect(await store.jobs.get(res.id)).toMatchObject({ attempts: 1, payload: job('k').payload });
      expect(await store.jobs.claim('w2', 5000, 1)).toEqual([]);
      expect((await store.jobs.depth()).leased).toBe(1);
      expect(await store.jobs.markSending('w1', res.id)).toBe(true);
      // The lease runs on the store's clock, whatever the request's own time says.
      const old = await store.jobs.enqueue({
        ...job('k-old'),
        at: new Date(NOW.getTime() - 3_600_000),
        lease: { owner: 'w1', ms: 5000 },
      });
      expect(old.leased).toBeDefined();
      expect(await store.jobs.claim('w2', 5000, 1)).toEqual([]);
      // A retry of the same request while the job runs finds it and takes no lease.
      const again = await store.jobs.enqueue({ ...job('k'), lease: { owner: 'w3', ms: 5000 } });
      expect(again).toEqual({ id: res.id, created: false });
      t.setClock(new Date(NOW.getTime() + 5001));
      // The lessee stopped (a crash): the next claimant gets it as a second attempt that may have been sent.
      const taken = (await store.jobs.claim('w2', 5000, 2)).find((j) => j.id === res.id);
      expect(taken).toMatchObject({ id: res.id, attempts: 2, uncertain: true });
      expect(
        await store.jobs.complete('w1', res.id, { outcome: 'delivered', consult: consult() }),
      ).toBeUndefined();
    });

    it('complete with the audit row in one transaction, keyed by the job', async () => {
      await t.fresh();
      const store = await t.open();
      const { id } = await store.jobs.enqueue(job('command:x'));
      await store.jobs.claim('w', 10_000, 1);
      const done = await store.jobs.complete('w', id, {
        outcome: 'delivered',
        consult: { ...consult(), id, at: NOW, idempotencyKey: 'command:x' },
        thread: { channel: 'C1', ts: '1.2' },
      });
      expect(done).toEqual({ consultId: id });
      const row = await store.getConsult(id);
      expect(row).toMatchObject({ idempotencyKey: 'command:x', slackChannelId: 'C1', slackThreadTs: '1.2' });
      expect(await store.jobs.get(id)).toMatchObject({ state: 'done', outcome: 'delivered', consultId: id });
      expect(await store.jobs.depth()).toMatchObject({ queued: 0, oldestAgeMs: null });
      expect(await store.jobs.claim('w', 10_000, 1)).toEqual([]);
      expect(await store.jobs.complete('w', id, { outcome: 'delivered' })).toBeUndefined();
    });

    it('roll back the done mark when the audit row cannot be written', async () => {
      await t.fresh();
      const store = await t.open();
      const { id } = await store.jobs.enqueue(job('k'));
      await store.jobs.claim('w', 10_000, 1);
      const bad = { ...consult(), id, at: NOW, output: { ...consult().output, case: { text: 'free' } } };
      await expect(store.jobs.complete('w', id, { outcome: 'delivered', consult: bad })).rejects.toThrow();
      expect(await store.jobs.get(id)).toMatchObject({ state: 'queued' });
      expect(await t.count('consults')).toBe(0);
    });

    it('go back to the queue for a retry at the given time, with the failure code', async () => {
      await t.fresh();
      const store = await t.open();
      const { id } = await store.jobs.enqueue(job('k'));
      await store.jobs.claim('w', 10_000, 1);
      await store.jobs.markPartDone('w', id, 1);
      await store.jobs.retryLater('w', id, new Date(NOW.getTime() + 2000), 'E_SLACK_RATELIMITED');
      expect(await store.jobs.claim('w', 10_000, 1)).toEqual([]);
      t.setClock(new Date(NOW.getTime() + 2000));
      const [again] = await store.jobs.claim('w2', 10_000, 1);
      expect(again).toMatchObject({ id, attempts: 2, partsDone: 1, uncertain: false });
      expect(await store.jobs.get(id)).toMatchObject({ errorCode: 'E_SLACK_RATELIMITED' });
    });

    it('remember the notice being sent (only while leased), so a resumed job tells the user the same once', async () => {
      await t.fresh();
      const store = await t.open();
      const { id } = await store.jobs.enqueue(job('k'));
      const notice = { outcome: 'reported' as const, code: 'E_SLACK_REFUSED', message: 'Slack refused it.' };
      expect(await store.jobs.markNotice('nobody', id, notice)).toBe(false);
      await store.jobs.claim('w', 10_000, 1);
      expect(await store.jobs.markNotice('w', id, notice)).toBe(true);
      // The worker dies with the lease: the next claim reads the notice back.
      t.setClock(new Date(NOW.getTime() + 10_001));
      const [again] = await store.jobs.claim('w2', 10_000, 1);
      expect(again).toMatchObject({ id, attempts: 2, notice });
      expect(await store.jobs.markNotice('w', id, notice)).toBe(false);
      await expect(store.jobs.markNotice('w2', id, { ...notice, outcome: 'lost' as never })).rejects.toThrow(
        /notice/,
      );
    });

    it('finished jobs go with the retention prune; waiting ones stay', async () => {
      await t.fresh();
      const store = await t.open();
      const done = await store.jobs.enqueue(job('old'));
      const waiting = await store.jobs.enqueue(job('waiting'));
      await store.jobs.claim('w', 10_000, 2);
      await store.jobs.complete('w', done.id, { outcome: 'reported', errorCode: 'E_SLACK_IS_ARCHIVED' });
      t.setClock(new Date(NOW.getTime() + 60_000));
      await store.pruneOlderThan(new Date(NOW.getTime() + 1));
      expect(await store.jobs.get(done.id)).toBeUndefined();
      expect(await store.jobs.get(waiting.id)).toMatchObject({ state: 'queued' });
    });

    it('refuse a target that is not a response target', async () => {
      await t.fresh();
      const store = await t.open();
      await expect(
        store.jobs.enqueue({ ...job('k'), target: { responseUrl: 'javascript:alert(1)' } }),
      ).rejects.toThrow(/target/);
    });
  });
}
