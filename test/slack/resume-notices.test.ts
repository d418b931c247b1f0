// A job that ends without its answer tells its user once, even when the process dies between telling them and
// marking the job done: a worker whose completion never happens (the kill) leaves the job leased with its notice
// recorded; a second worker (the restarted process, or a replica) takes it when the lease expires and looks for
// the notice in Slack (thread, DM: by its message metadata) before sending it again; a slash command's
// response_url notice is resent with replace_original. Against the loopback Slack fake and a real SQLite store.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLog } from '../../src/log/logger.js';
import { type FakeOptions, SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { DELIVERY_EVENT } from '../../src/slack/queue/execute.js';
import { NOTICE_PART } from '../../src/slack/queue/notify-user.js';
import { defineKind, kindRegistry } from '../../src/slack/queue/registry.js';
import { postToResponseUrl, type Transport } from '../../src/slack/queue/transport.js';
import { createDeliveryQueue, type DeliveryQueue } from '../../src/slack/queue/worker-pool.js';
import { type Jobs, type JobTarget, openStore, type Store } from '../../src/store/index.js';

const CHANNEL = 'C0BOARD';
const USER = 'U0ASKER';
const LEASE_MS = 150;
const NOW = () => new Date();

/** Kinds whose plan fails for good (a coded error shown to the user), as a command's and a mention's would. */
const boom = () => {
  throw new Error('engine failure');
};
const kinds = kindRegistry([
  defineKind({ name: 'fails', payload: z.object({}), plan: boom }),
  defineKind({ name: 'fails-in-thread', payload: z.object({}), reportInThread: true, plan: boom }),
  defineKind({ name: 'fails-command', payload: z.object({}), commandResponseUrl: true, plan: boom }),
  defineKind({
    name: 'answers',
    payload: z.object({}),
    plan: () => ({ parts: [{ via: 'post', channel: CHANNEL, message: { text: 'answer', blocks: [] } }] }),
  }),
]);

let fake: SlackWebApiFake;
let store: Store;
const queues: DeliveryQueue[] = [];
let logs: string[] = [];

afterEach(async () => {
  for (const q of queues.splice(0)) await q.stop(50);
  await store?.close();
  await fake?.stop();
});

async function setUp(options: FakeOptions = {}, now?: () => Date) {
  fake = new SlackWebApiFake({ teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' }, options);
  await fake.start();
  const sqlitePath = join(await mkdtemp(join(tmpdir(), 'notices-')), 'store.sqlite');
  store = await openStore({ sqlitePath, ...(now ? { now } : {}) });
  logs = [];
}

/** A worker process. `killedBeforeCompletion`: it dies after telling the user, before the job is marked done. */
function worker(opts: { killedBeforeCompletion?: boolean; now?: () => Date } = {}) {
  const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  const transport: Transport = {
    respond: (u, m, r) => postToResponseUrl(u, m, r),
    client: async () => client,
  };
  const log = createLog('debug', (line) => logs.push(line));
  const deps = { log, now: opts.now ?? NOW } as unknown as SlackDeps;
  const jobs: Jobs = opts.killedBeforeCompletion
    ? { ...store.jobs, complete: () => new Promise<never>(() => {}) }
    : store.jobs;
  const q = createDeliveryQueue({ jobs, kinds, deps, transport, leaseMs: LEASE_MS, pollMs: 20 });
  queues.push(q);
  return q;
}

async function enqueue(kind: string, target: JobTarget, at = new Date()) {
  const { id } = await store.jobs.enqueue({
    kind,
    idempotencyKey: `k:${Math.random()}`,
    payload: {},
    target,
    rulesetVersion: 'test',
    at,
  });
  return id;
}

async function until(cond: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 5000;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Runs the job on a worker killed after its notice, then on a second worker; resolves when it is done. */
async function killedThenResumed(id: string, sent: () => boolean, now?: () => Date) {
  const first = worker({ killedBeforeCompletion: true, ...(now ? { now } : {}) });
  await first.start();
  await until(sent, 'the first notice');
  // The kill: this process does nothing more; its lease runs out.
  await first.stop(0);
  const second = worker(now ? { now } : {});
  await second.start();
  await until(async () => (await store.jobs.get(id))?.state === 'done', 'the resumed job');
  return (await store.jobs.get(id))!;
}

const withCode = (code: RegExp) => (m: { text: string; blocks: unknown[] }) =>
  code.test(JSON.stringify([m.text, m.blocks]));
const logged = (msg: string) => logs.filter((l) => l.includes(`"msg":"${msg}"`)).length;

describe('a failure notice whose job was killed before its completion', () => {
  it('in a mention thread: found there by its metadata, not posted again', async () => {
    await setUp();
    const parent = fake.postUserMessage({ channel: CHANNEL, user: USER, text: 'question' }).ts;
    const id = await enqueue('fails-in-thread', { channel: CHANNEL, threadTs: parent, user: USER });
    const notices = () => fake.messages.filter((m) => m.threadTs === parent && withCode(/E_INTERNAL/)(m));
    const job = await killedThenResumed(id, () => notices().length > 0);
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.metadata).toEqual({
      event_type: DELIVERY_EVENT,
      event_payload: { job_id: id, part: NOTICE_PART },
    });
    expect(job).toMatchObject({ outcome: 'reported', errorCode: 'E_INTERNAL', attempts: 2 });
    expect(fake.callsOf('conversations.replies')).toHaveLength(1);
    expect(logged('job resumed after an interrupted notice')).toBe(1);
    expect(logged('interrupted notice found in Slack; not sent again')).toBe(1);
  });

  it('in a direct message: the DM is opened, read, and the notice not sent again', async () => {
    await setUp();
    const id = await enqueue('fails', { user: USER });
    const dm = fake.dmChannelOf(USER);
    const notices = () => fake.messages.filter((m) => m.channel === dm && withCode(/E_INTERNAL/)(m));
    await killedThenResumed(id, () => notices().length > 0);
    expect(notices()).toHaveLength(1);
    expect(fake.callsOf('conversations.open').map((c) => c.args.users)).toEqual([USER]);
    const read = fake.callsOf('conversations.history');
    expect(read.map((c) => [c.args.channel, String(c.args.include_all_metadata)])).toEqual([[dm, 'true']]);
  });

  it('that never reached Slack (killed mid-send) is sent on the resume, once', async () => {
    await setUp();
    const parent = fake.postUserMessage({ channel: CHANNEL, user: USER, text: 'question' }).ts;
    const id = await enqueue('fails-in-thread', { channel: CHANNEL, threadTs: parent, user: USER });
    // The first attempt's post is lost on the way (Slack never stored it), then the process dies.
    fake.failNext('chat.postMessage', { error: 'fake_connection_dropped' });
    const first = worker({ killedBeforeCompletion: true });
    await first.start();
    await until(() => fake.callsOf('chat.postMessage').length === 1, 'the lost notice');
    await until(() => logged('could not report failure to user') === 1, 'its failure');
    await first.stop(0);
    await worker().start();
    await until(async () => (await store.jobs.get(id))?.state === 'done', 'the resumed job');
    expect(fake.messages.filter((m) => m.threadTs === parent && withCode(/E_INTERNAL/)(m))).toHaveLength(1);
  });

  it('is posted again when Slack cannot be read (no history scope), and the resume says so', async () => {
    await setUp();
    const id = await enqueue('fails', { user: USER });
    const dm = fake.dmChannelOf(USER);
    const notices = () => fake.messages.filter((m) => m.channel === dm && withCode(/E_INTERNAL/)(m));
    const first = worker({ killedBeforeCompletion: true });
    await first.start();
    await until(() => notices().length > 0, 'the first notice');
    await first.stop(0);
    fake.failNext('conversations.history', { error: 'missing_scope' });
    await worker().start();
    await until(async () => (await store.jobs.get(id))?.state === 'done', 'the resumed job');
    expect(notices()).toHaveLength(2);
    expect(logged('interrupted notice could not be looked up; sending again')).toBe(1);
  });
});

describe("a failure notice through a slash command's response_url, killed before its completion", () => {
  it('is resent with replace_original; under the assumption that it replaces its own post, shown once', async () => {
    await setUp({ commandUrlReplacesOwnPost: true });
    const url = fake.newResponseUrl({ channel: CHANNEL, user: USER });
    const id = await enqueue('fails-command', { responseUrl: url, channel: CHANNEL, user: USER });
    const posts = () => fake.responses.filter((r) => withCode(/E_INTERNAL/)({ text: '', blocks: [r.body] }));
    await killedThenResumed(id, () => posts().length > 0);
    expect(posts().map((r) => r.body.replace_original)).toEqual([false, true]);
    expect(fake.messages.filter((m) => m.responseId && withCode(/E_INTERNAL/)(m))).toHaveLength(1);
    expect(logged('interrupted notice sent again, replacing its earlier copy')).toBe(1);
  });

  it("through another kind's response_url (a button's: it would replace the card) it is resent plainly", async () => {
    await setUp();
    const url = fake.newResponseUrl({ channel: CHANNEL, user: USER });
    const id = await enqueue('fails', { responseUrl: url, channel: CHANNEL, user: USER });
    const posts = () => fake.responses.filter((r) => withCode(/E_INTERNAL/)({ text: '', blocks: [r.body] }));
    await killedThenResumed(id, () => posts().length > 0);
    expect(posts().map((r) => r.body.replace_original)).toEqual([false, false]);
    expect(logged('interrupted notice sent again; it may show twice')).toBe(1);
  });
});

describe('the expired-job direct message, killed before its completion', () => {
  it('is found in the DM and not sent again; the job ends expired', async () => {
    await setUp();
    const late = () => new Date(Date.now() + 31 * 60_000);
    const id = await enqueue('answers', { channel: CHANNEL, user: USER });
    const dm = fake.dmChannelOf(USER);
    const told = () => fake.messages.filter((m) => m.channel === dm && withCode(/E_DELIVERY_EXPIRED/)(m));
    const job = await killedThenResumed(id, () => told().length > 0, late);
    expect(told()).toHaveLength(1);
    expect(told()[0]?.metadata?.event_payload).toEqual({ job_id: id, part: NOTICE_PART });
    expect(job).toMatchObject({ outcome: 'expired', errorCode: 'E_DELIVERY_EXPIRED' });
    expect(fake.messages.filter((m) => m.text === 'answer')).toHaveLength(0);
  });

  it('a job resumed after its notice tells the same thing, even if its answer could now be delivered', async () => {
    await setUp();
    // Killed while telling the user of an expiry; the restarted process's clock says the job is young (a clock
    // step back): it must not deliver the answer now, after the user was told none would come.
    const id = await enqueue('answers', { channel: CHANNEL, user: USER });
    const dm = fake.dmChannelOf(USER);
    const told = () => fake.messages.filter((m) => m.channel === dm && withCode(/E_DELIVERY_EXPIRED/)(m));
    const first = worker({ killedBeforeCompletion: true, now: () => new Date(Date.now() + 31 * 60_000) });
    await first.start();
    await until(() => told().length > 0, 'the first DM');
    await first.stop(0);
    await worker().start();
    await until(async () => (await store.jobs.get(id))?.state === 'done', 'the resumed job');
    expect(told()).toHaveLength(1);
    expect(fake.messages.filter((m) => m.text === 'answer')).toHaveLength(0);
    expect((await store.jobs.get(id))?.outcome).toBe('expired');
  });
});

describe('a job whose retry comes after its response_url lifetime', () => {
  it('is not answered late: its user is told once in a DM', async () => {
    let t = Date.now();
    const clock = () => new Date(t);
    await setUp({}, clock);
    const id = await enqueue('answers', { channel: CHANNEL, user: USER }, clock());
    fake.failNext('chat.postMessage', { status: 500 });
    await worker({ now: clock }).start();
    await until(() => logged('delivery retry') === 1, 'the retry');
    // The retry is due after Slack's 30 minutes (a long outage, or Retry-After).
    t += 31 * 60_000;
    await until(async () => (await store.jobs.get(id))?.state === 'done', 'the job');
    const dm = fake.dmChannelOf(USER);
    expect(fake.messages.filter((m) => m.text === 'answer')).toHaveLength(0);
    expect(fake.messages.filter((m) => m.channel === dm && withCode(/E_DELIVERY_EXPIRED/)(m))).toHaveLength(
      1,
    );
    expect((await store.jobs.get(id))?.outcome).toBe('expired');
  });
});

describe('a failure notice that Slack could not take (5xx)', () => {
  it('is tried again later, looked for first, and shown once; the job ends reported', async () => {
    await setUp();
    const parent = fake.postUserMessage({ channel: CHANNEL, user: USER, text: 'question' }).ts;
    const id = await enqueue('fails-in-thread', { channel: CHANNEL, threadTs: parent, user: USER });
    fake.failNext('chat.postMessage', { status: 500 });
    await worker().start();
    await until(async () => (await store.jobs.get(id))?.state === 'done', 'the job');
    expect(fake.messages.filter((m) => m.threadTs === parent && withCode(/E_INTERNAL/)(m))).toHaveLength(1);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
    expect(fake.callsOf('conversations.replies')).toHaveLength(1);
    expect(await store.jobs.get(id)).toMatchObject({
      outcome: 'reported',
      errorCode: 'E_INTERNAL',
      attempts: 2,
    });
  });
});
