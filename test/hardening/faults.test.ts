// Fault injection through the Slack Web API fake: rate limits, server errors, slow calls, Slack error codes and
// an expired response_url. For each: Slack's request still gets 200 at once, the user is told what happened and
// what to do (with an E_… code), the app keeps serving, and the audit trail is neither lost nor doubled.
// The harness runs the Web API client with `retries: 0`, so a 429 or a 500 is not retried by the client; the
// tests assert the explanation the user gets instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockActions,
  CHANNEL,
  globalShortcut,
  slashCommand,
  USER,
} from '../../src/playground/slack-requests.js';
import type { Fault } from '../../src/playground/slack-web-api.js';
import { ACTION_IDS } from '../../src/slack/blocks/action-ids.js';
import { checkMessage } from '../../src/slack/blocks/check-message.js';
import { GLOBAL_SHORTCUT_ID } from '../../src/slack/ids.js';
import { buttonsOf, type Harness, startHarness } from '../slack/support/harness.js';
import { PUBLIC_EXAMPLES } from '../support/public-examples.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

let seq = 0;
const unique = () => {
  seq += 1;
  return seq;
};

/** Distinct cases, so that each share test has its own idempotency key. */
const CASES = [
  ...PUBLIC_EXAMPLES.filter((e) => e.missing.length === 0).map((e) => e.text),
  'ALK positive adenocarcinoma, 3 bone mets, ECOG 0, PR after 6 months alectinib',
  'KRAS G12C adeno, single adrenal met, ECOG 1, treatment naive',
  'squamous, PD-L1 80%, 2 liver mets and 1 rib met, ECOG 1, SD after 4 cycles pembro',
  'EGFR L858R, 4 mets in 2 organs, ECOG 1, PR after 8 weeks osimertinib',
  'adeno, BRAF V600E, oligometastatic, ECOG 0, PR after 12 weeks dabrafenib',
];

async function sharePreview(text: string): Promise<string> {
  const responseUrl = h.slack.newResponseUrl();
  const id = responseUrl.split('/').pop();
  const res = await h.send(slashCommand(text, responseUrl, `trigger.fault.${unique()}`));
  expect(res.status).toBe(200);
  const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
  const share = buttonsOf((answer.body as { blocks: unknown[] }).blocks).find(
    (b) => b.action_id === ACTION_IDS.shareInChannel,
  );
  expect(share?.value).toBeTruthy();
  return share!.value!;
}

/** A click on "Share in channel" of the ephemeral preview `messageTs`. */
function shareClick(value: string, messageTs: string, responseUrl: string) {
  return blockActions({
    responseUrl,
    triggerId: `trigger.share.${unique()}`,
    message: { ts: messageTs, isEphemeral: true },
    actions: [
      {
        type: 'button',
        action_id: ACTION_IDS.shareInChannel,
        block_id: 'answer_actions',
        value,
        text: { type: 'plain_text', text: 'Share in channel' },
      },
    ],
  });
}

/** Everything the fake received after the marks, as one string (response_url bodies and Web API arguments). */
function since(mark: { responses: number; calls: number }): string {
  return JSON.stringify([h.slack.responses.slice(mark.responses), h.slack.calls.slice(mark.calls)]);
}
const markNow = () => ({
  responses: h.slack.responses.length,
  calls: h.slack.calls.length,
  messages: h.slack.messages.length,
});

async function waitForText(mark: { responses: number; calls: number }, pattern: RegExp, timeoutMs = 3000) {
  return h.slack.waitFor(() => pattern.test(since(mark)) && since(mark), timeoutMs);
}

async function sharedRows(keyPart: string) {
  const rows = await h.store.listRecentConsults({ limit: 1000 });
  return rows.filter((r) => r.surface === 'slack-action' && (r.idempotencyKey ?? '').includes(keyPart));
}

/** Answers that reached the channel (the fake stores a message only when the call succeeded). */
const parentPostsIn = (mark: { messages: number }) =>
  h.slack.messages
    .slice(mark.messages)
    .filter((m) => m.source === 'api' && m.channel === CHANNEL.id && !m.ephemeralTo && !m.threadTs);

function expectNoticesValid() {
  for (const r of h.slack.responses) {
    const b = r.body as { text?: string; blocks?: unknown[] };
    expect(checkMessage({ text: b.text ?? '', blocks: (b.blocks ?? []) as never })).toEqual([]);
  }
}

describe('Share in channel when chat.postMessage fails', () => {
  const FAULTS: [string, Fault, RegExp][] = [
    ['not_in_channel', { error: 'not_in_channel' }, /E_SLACK_NOT_IN_CHANNEL[\s\S]*|invite/i],
    ['channel_not_found', { error: 'channel_not_found' }, /E_SLACK_CHANNEL_NOT_FOUND/],
    ['invalid_blocks', { error: 'invalid_blocks' }, /E_SLACK_INVALID_BLOCKS/],
  ];
  const TRANSIENT: [string, Fault][] = [
    ['HTTP 500', { status: 500 }],
    ['HTTP 429 with retry-after', { status: 429, retryAfter: 0 }],
  ];

  // Transient failures are retried by the delivery queue with back-off: the share is posted once, audited once.
  it.each(TRANSIENT.map((f, i) => [...f, i] as const))(
    '%s: 200 at once, then the queue retries and posts once, with one audit row',
    async (_name, fault, i) => {
      const value = await sharePreview(CASES[(i + 2) % CASES.length]!);
      const messageTs = `1790009${String(i).padStart(3, '0')}.000001`;
      const mark = markNow();
      h.slack.failNext('chat.postMessage', fault);
      const res = await h.send(shareClick(value, messageTs, h.slack.newResponseUrl()));
      expect(res.status).toBe(200);
      await h.slack.waitFor(() => parentPostsIn(mark).length === 1, 5000);
      await h.settle(5000);
      expect(parentPostsIn(mark)).toHaveLength(1);
      expect(await sharedRows(messageTs)).toHaveLength(1);
      expect(h.logs.join('\n')).toMatch(/"msg":"delivery retry"/);
    },
  );

  it.each(FAULTS.map((f, i) => [...f, i] as const))(
    '%s: 200 at once, a notice with a code, at most one audit row, no double post',
    async (_name, fault, pattern, i) => {
      const value = await sharePreview(CASES[i]!);
      const messageTs = `1790001${String(i).padStart(3, '0')}.000001`;
      const mark = markNow();
      h.slack.failNext('chat.postMessage', fault);
      const responseUrl = h.slack.newResponseUrl();
      const res = await h.send(shareClick(value, messageTs, responseUrl));
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(2500);
      const seen = await waitForText(mark, /E_[A-Z_]+/);
      expect(seen).toMatch(pattern);
      expect(seen).toMatch(/E_[A-Z][A-Z_]+/);
      // Nothing reached the channel, and the failed share left at most one audit row.
      expect(parentPostsIn(mark)).toHaveLength(0);
      expect((await sharedRows(messageTs)).length).toBeLessThanOrEqual(1);
      // The app keeps serving.
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
      expectNoticesValid();
    },
  );

  it('a second click after a failed share never doubles the audit row or the post', async () => {
    const value = await sharePreview(CASES[5]!);
    const messageTs = '1790002000.000001';
    const mark = markNow();
    h.slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await h.send(shareClick(value, messageTs, h.slack.newResponseUrl()));
    await waitForText(mark, /E_SLACK_[A-Z_]+/);
    const second = h.slack.newResponseUrl();
    const secondId = second.split('/').pop();
    expect((await h.send(shareClick(value, messageTs, second))).status).toBe(200);
    await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === secondId));
    await new Promise((r) => setTimeout(r, 100));
    expect(parentPostsIn(mark).length).toBeLessThanOrEqual(1);
    expect((await sharedRows(messageTs)).length).toBeLessThanOrEqual(1);
  });

  // Regression: a failed share must free its key, or the "try again" notice would be followed by "already
  // shared" forever.
  it('a second click after a permanent failure posts the answer in the channel', async () => {
    const value = await sharePreview(CASES[6]!);
    const messageTs = '1790003000.000001';
    const mark = markNow();
    h.slack.failNext('chat.postMessage', { error: 'is_archived' });
    await h.send(shareClick(value, messageTs, h.slack.newResponseUrl()));
    await waitForText(mark, /E_SLACK_[A-Z_]+/);
    await h.send(shareClick(value, messageTs, h.slack.newResponseUrl()));
    await h.slack.waitFor(() => parentPostsIn(mark).length === 1, 1500);
  });

  // A 429 is retried no sooner than Slack's Retry-After, and is logged as rate limiting.
  it('a 429 is retried after its Retry-After (E_SLACK_RATELIMITED), then posted once', async () => {
    const value = await sharePreview(CASES[4]!);
    const mark = markNow();
    const logsBefore = h.logs.length;
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await h.send(shareClick(value, '1790005000.000001', h.slack.newResponseUrl()));
    await h.slack.waitFor(() => parentPostsIn(mark).length === 1, 6000);
    const retry = h.logs
      .slice(logsBefore)
      .map((l) => JSON.parse(l) as { msg: string; code?: string; delayMs?: number })
      .find((l) => l.msg === 'delivery retry');
    expect(retry).toMatchObject({ code: 'E_SLACK_RATELIMITED' });
    expect(retry?.delayMs).toBeGreaterThanOrEqual(1000);
  });

  it('a slow chat.postMessage (1.2 s) does not delay the acknowledgement; the answer is posted once', async () => {
    const value = await sharePreview(CASES[7]!);
    const messageTs = '1790004000.000001';
    const mark = markNow();
    h.slack.failNext('chat.postMessage', { delayMs: 1200 });
    const res = await h.send(shareClick(value, messageTs, h.slack.newResponseUrl()));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    await h.slack.waitFor(
      () => h.slack.messages.some((m) => m.channel === CHANNEL.id && !m.ephemeralTo),
      4000,
    );
    await waitForText(mark, /shared|posted/i, 4000);
    await h.settle();
    expect(parentPostsIn(mark)).toHaveLength(1);
    expect(await sharedRows(messageTs)).toHaveLength(1);
  });
});

describe('views.open failures (the intake form)', () => {
  const FAULTS: [string, Fault, RegExp][] = [
    ['expired_trigger_id', { error: 'expired_trigger_id' }, /E_SLACK_EXPIRED_TRIGGER_ID/],
    ['invalid_blocks', { error: 'invalid_blocks' }, /E_SLACK_INVALID_BLOCKS/],
    ['HTTP 500', { status: 500 }, /E_SLACK_[A-Z_]+/],
    ['HTTP 429 with retry-after', { status: 429, retryAfter: 0 }, /E_SLACK_[A-Z_]+/],
  ];

  it.each(FAULTS)(
    '/thoracic-rt form with %s: 200, then a notice with a code',
    async (_name, fault, pattern) => {
      const mark = markNow();
      h.slack.failNext('views.open', fault);
      const res = await h.send(slashCommand('form', h.slack.newResponseUrl(), `trigger.form.${unique()}`));
      expect(res.status).toBe(200);
      expect(await waitForText(mark, /E_[A-Z_]+/)).toMatch(pattern);
      expect(since(mark)).toMatch(/try again|report|admin|minute/i);
    },
  );

  it('global shortcut with expired_trigger_id: the notice arrives as a direct message', async () => {
    const mark = markNow();
    h.slack.failNext('views.open', { error: 'expired_trigger_id' });
    const res = await h.send(globalShortcut(GLOBAL_SHORTCUT_ID, { triggerId: `trigger.g.${unique()}` }));
    expect(res.status).toBe(200);
    await waitForText(mark, /E_SLACK_EXPIRED_TRIGGER_ID/);
    const dm = h.slack.calls
      .slice(mark.calls)
      .find(
        (c) =>
          c.method === 'chat.postMessage' && JSON.stringify(c.args).includes('E_SLACK_EXPIRED_TRIGGER_ID'),
      );
    expect(dm?.args.channel).toBe(USER.id);
  });
});

describe('an expired response_url', () => {
  it('a slash command whose response_url expired: the user gets an ephemeral notice, one audit row', async () => {
    const mark = markNow();
    const responseUrl = h.slack.newResponseUrl();
    h.slack.expireResponseUrl(responseUrl);
    const trigger = `trigger.expired.${unique()}`;
    const req = slashCommand(CASES[8]!, responseUrl, trigger);
    const res = await h.send(req);
    expect(res.status).toBe(200);
    const seen = await waitForText(mark, /E_RESPONSE_URL/);
    expect(seen).toMatch(/run the command again/i);
    const eph = h.slack.calls
      .slice(mark.calls)
      .find((c) => c.method === 'chat.postEphemeral' && JSON.stringify(c.args).includes('E_RESPONSE_URL'));
    expect(eph?.args).toMatchObject({ channel: CHANNEL.id, user: USER.id });
    // Slack retries a command it thinks was lost: the consult is still recorded once.
    expect(
      (await h.send(req, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }))
        .status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    const rows = (await h.store.listRecentConsults({ limit: 1000 })).filter(
      (r) => r.idempotencyKey === `command:${trigger}`,
    );
    expect(rows).toHaveLength(1);
  });

  it('when both the response_url and chat.postEphemeral fail, nothing crashes and the next command works', async () => {
    const responseUrl = h.slack.newResponseUrl();
    h.slack.expireResponseUrl(responseUrl);
    h.slack.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    expect((await h.send(slashCommand(CASES[9]!, responseUrl, `trigger.x.${unique()}`))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const next = h.slack.newResponseUrl();
    const id = next.split('/').pop();
    expect((await h.send(slashCommand(CASES[0]!, next, `trigger.y.${unique()}`))).status).toBe(200);
    await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
    expect(h.logs.join('\n')).toMatch(/could not report failure to user/);
  });
});
