// A job resumed after a send that a crash cut (marked "sending", never confirmed): a chat.postMessage is looked
// for in Slack by its message metadata and posted only if absent; a thread reply whose first post is unknown
// finds that post the same way, and is left out rather than posted in the channel; a response_url message is
// sent again with replace_original where its part allows. Run against the loopback Slack fake.
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import { DELIVERY_EVENT, sendParts } from '../../src/slack/queue/execute.js';
import type { Part } from '../../src/slack/queue/registry.js';
import { postToResponseUrl, type Transport } from '../../src/slack/queue/transport.js';

const CHANNEL = 'C0BOARD';
const JOB = '0b6c1f2e-1111-4222-8333-444455556666';
const msg = (text: string) => ({ text, blocks: [] });

let fake: SlackWebApiFake;
let transport: Transport;

async function startFake(options = {}) {
  fake = new SlackWebApiFake({ teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' }, options);
  await fake.start();
  const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  transport = { respond: (url, m, r) => postToResponseUrl(url, m, r), client: async () => client };
}

beforeEach(() => startFake());
afterEach(() => fake.stop());

/** A post the crashed attempt made, as Slack keeps it. */
async function postedBefore(part: number, text: string, threadTs?: string): Promise<string> {
  const client = await transport.client({});
  const res = await client.chat.postMessage({
    channel: CHANNEL,
    text,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    metadata: { event_type: DELIVERY_EVENT, event_payload: { job_id: JOB, part } },
  });
  return res.ts!;
}

const shared: Part[] = [
  { via: 'post', channel: CHANNEL, message: msg('answer') },
  { via: 'post', channel: CHANNEL, threadTs: 'first', message: msg('evidence') },
];

describe('a post whose send was cut', () => {
  it('is not posted again when Slack has it (found by its metadata); its ts threads the rest', async () => {
    const ts = await postedBefore(0, 'answer');
    const sent = await sendParts(shared, 0, {}, transport, { jobId: JOB, uncertain: true });
    expect(sent).toEqual({ firstTs: ts });
    const posts = fake.callsOf('chat.postMessage');
    expect(posts.filter((c) => c.args.text === 'answer')).toHaveLength(1);
    const evidence = fake.messages.filter((m) => m.text === 'evidence');
    expect(evidence.map((m) => m.threadTs)).toEqual([ts]);
    expect(String(fake.callsOf('conversations.history')[0]?.args.include_all_metadata)).toBe('true');
  });

  it('is posted, once, with its metadata, when Slack does not have it', async () => {
    const sent = await sendParts(shared.slice(0, 1), 0, {}, transport, { jobId: JOB, uncertain: true });
    expect(sent).not.toBe(false);
    const answers = fake.messages.filter((m) => m.text === 'answer');
    expect(answers).toHaveLength(1);
    expect(answers[0]?.metadata).toEqual({
      event_type: DELIVERY_EVENT,
      event_payload: { job_id: JOB, part: 0 },
    });
  });

  it('in a thread is looked for with conversations.replies', async () => {
    const parent = fake.postUserMessage({ channel: CHANNEL, user: 'U1', text: 'question' }).ts;
    await postedBefore(0, 'reply', parent);
    const parts: Part[] = [{ via: 'post', channel: CHANNEL, threadTs: parent, message: msg('reply') }];
    await sendParts(parts, 0, {}, transport, { jobId: JOB, uncertain: true });
    expect(fake.messages.filter((m) => m.text === 'reply')).toHaveLength(1);
    expect(fake.callsOf('conversations.replies')).toHaveLength(1);
  });

  it('is posted again when Slack cannot be read, and the resume says so', async () => {
    await postedBefore(0, 'answer');
    fake.failNext('conversations.history', { error: 'missing_scope' });
    const notes: string[] = [];
    await sendParts(shared.slice(0, 1), 0, {}, transport, {
      jobId: JOB,
      uncertain: true,
      note: (m) => notes.push(m),
    });
    expect(fake.messages.filter((m) => m.text === 'answer')).toHaveLength(2);
    expect(notes).toEqual(['interrupted send could not be looked up; sending again']);
  });
});

describe('a shared answer resumed past its first post', () => {
  it('threads the evidence under the first post, found by its metadata', async () => {
    const ts = await postedBefore(0, 'answer');
    const sent = await sendParts(shared, 1, {}, transport, { jobId: JOB });
    expect(sent).toEqual({ firstTs: ts });
    expect(fake.messages.filter((m) => m.text === 'evidence').map((m) => m.threadTs)).toEqual([ts]);
  });

  it('never posts the evidence in the channel when the first post cannot be found', async () => {
    const notes: string[] = [];
    const sent = await sendParts(shared, 1, {}, transport, { jobId: JOB, note: (m) => notes.push(m) });
    expect(sent).toEqual({ firstTs: undefined });
    expect(fake.messages.filter((m) => m.text === 'evidence')).toHaveLength(0);
    expect(notes).toContain('thread reply left out: its first post was not found');
  });
});

describe('a response_url message whose send was cut', () => {
  const command: Part[] = [{ via: 'response_url', message: msg('card'), replaceOnResend: true }];

  it('is sent again with replace_original', async () => {
    const url = fake.newResponseUrl();
    await sendParts(command, 0, { responseUrl: url }, transport, { jobId: JOB, uncertain: true });
    expect(fake.responses.map((r) => r.body.replace_original)).toEqual([true]);
  });

  it('without the assumption, the fake posts a second copy (Slack documents nothing else)', async () => {
    const url = fake.newResponseUrl();
    await postToResponseUrl(url, msg('card'));
    await sendParts(command, 0, { responseUrl: url }, transport, { jobId: JOB, uncertain: true });
    expect(fake.messages.filter((m) => m.text === 'card')).toHaveLength(2);
  });

  it('under the assumption that it replaces its own post, the user sees one copy', async () => {
    await fake.stop();
    await startFake({ commandUrlReplacesOwnPost: true });
    const url = fake.newResponseUrl();
    await postToResponseUrl(url, msg('card'));
    await sendParts(command, 0, { responseUrl: url }, transport, { jobId: JOB, uncertain: true });
    expect(fake.messages.filter((m) => m.text === 'card')).toHaveLength(1);
  });

  it('is sent plainly when it is not a first message (replace_original could replace an earlier one)', async () => {
    const url = fake.newResponseUrl();
    const parts: Part[] = [...command, { via: 'response_url', message: msg('privacy') }];
    await sendParts(parts, 1, { responseUrl: url }, transport, { jobId: JOB, uncertain: true });
    expect(fake.responses.map((r) => r.body.replace_original)).toEqual([false]);
  });
});

describe('the fake Slack, as Slack documents it', () => {
  it('returns message metadata from conversations.history only with include_all_metadata', async () => {
    await postedBefore(0, 'answer');
    const client = await transport.client({});
    const plain = await client.conversations.history({ channel: CHANNEL });
    const full = await client.conversations.history({ channel: CHANNEL, include_all_metadata: true });
    const meta = (r: typeof plain) => (r.messages?.[0] as { metadata?: unknown } | undefined)?.metadata;
    expect(plain.messages).toHaveLength(1);
    expect(meta(plain)).toBeUndefined();
    expect(meta(full)).toMatchObject({
      event_type: DELIVERY_EVENT,
    });
  });

  it('keeps ephemeral messages out of history and answers thread_not_found for an unknown thread', async () => {
    const client = await transport.client({});
    await client.chat.postEphemeral({ channel: CHANNEL, user: 'U1', text: 'only you' });
    expect((await client.conversations.history({ channel: CHANNEL })).messages).toEqual([]);
    await expect(client.conversations.replies({ channel: CHANNEL, ts: '1.000001' })).rejects.toThrow(
      /thread_not_found/,
    );
  });
});

describe('a modal whose views.open was cut', () => {
  const modal = (triggerId: string): Part[] => [
    {
      via: 'modal',
      triggerId,
      view: { type: 'modal', title: { type: 'plain_text', text: 'Details' }, blocks: [] },
    },
  ];

  it('counts as opened when Slack says its single-use trigger was exchanged', async () => {
    await fake.stop();
    await startFake({ strictTriggers: true });
    const trigger = fake.issueTrigger('U1');
    await sendParts(modal(trigger), 0, {}, transport, { jobId: JOB });
    const notes: string[] = [];
    const again = await sendParts(modal(trigger), 0, {}, transport, {
      jobId: JOB,
      uncertain: true,
      note: (m) => notes.push(m),
    });
    expect(again).not.toBe(false);
    expect(fake.views).toHaveLength(1);
    expect(notes).toEqual(['interrupted modal was opened already']);
  });

  it('fails when the trigger was exchanged on a first attempt (someone else opened it)', async () => {
    await fake.stop();
    await startFake({ strictTriggers: true });
    const trigger = fake.issueTrigger('U1');
    await sendParts(modal(trigger), 0, {}, transport, { jobId: JOB });
    await expect(sendParts(modal(trigger), 0, {}, transport, { jobId: JOB })).rejects.toThrow(
      /exchanged_trigger_id/,
    );
  });
});
