// Exactly once, per surface, over real signed HTTP (and Socket Mode where Slack retries there too): a replay of
// the same signed body, a Slack retry (X-Slack-Retry-Num), a double click and a failed chat.postMessage
// followed by Slack's retry each end with one answer and one audit row; jobs left in the queue by a crash are
// resumed at start while their response_url lives, and their users told in a DM once it has expired.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appMention,
  buttonClick,
  CHANNEL,
  globalShortcut,
  messageShortcut,
  type SlackRequest,
  slashCommand,
  USER,
  viewSubmission,
} from '../../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import { ACTION_IDS } from '../../src/slack/blocks/action-ids.js';
import { GLOBAL_SHORTCUT_ID, MESSAGE_SHORTCUT_ID } from '../../src/slack/ids.js';
import { postToResponseUrl } from '../../src/slack/queue/transport.js';
import { INTAKE_CALLBACK_ID } from '../../src/slack/views/intake-ids.js';
import { buildIntakeModal } from '../../src/slack/views/intake-modal.js';
import { encodeMetadata } from '../../src/slack/views/modal-metadata.js';
import { openStore } from '../../src/store/index.js';
import { PUBLIC_EXAMPLES } from '../support/public-examples.js';
import { buttonsOf, HARNESS_MODES, type Harness, startHarness } from './support/harness.js';
import { simulateState } from './views/helpers.js';

const NOW = new Date('2026-11-27T07:00:00Z');
const TEXT = PUBLIC_EXAMPLES[0]!.text;
let h: Harness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Everything the fake has seen: calls, responses and stored messages. */
const seen = (x: Harness) => ({
  calls: x.slack.calls.length,
  responses: x.slack.responses.length,
  messages: x.slack.messages.length,
});
const grew = (x: Harness, before: ReturnType<typeof seen>) => {
  const now = seen(x);
  return now.calls + now.responses + now.messages - before.calls - before.responses - before.messages;
};

async function commandPreview(x: Harness): Promise<{ share: string; edit: string }> {
  const url = x.slack.newResponseUrl();
  const id = url.split('/').pop();
  await x.send(slashCommand(TEXT, url, `trigger.preview.${Math.random()}`));
  const answer = await x.slack.waitFor(() => x.slack.responses.find((r) => r.id === id));
  const buttons = buttonsOf((answer.body as { blocks: unknown[] }).blocks);
  await x.settle();
  return {
    share: buttons.find((b) => b.action_id === ACTION_IDS.shareInChannel)!.value!,
    edit: buttons.find((b) => b.action_id === ACTION_IDS.editCase)!.value!,
  };
}

/** A command's preview as the fake keeps it (its ts), and a button of it by action id prefix. */
async function previewMessage(x: Harness, text = PUBLIC_EXAMPLES[4]!.text) {
  const url = x.slack.newResponseUrl({ channel: CHANNEL.id, user: USER.id });
  const id = url.split('/').pop();
  await x.send(slashCommand(text, url, `trigger.preview.${Math.random()}`));
  const message = await x.slack.waitFor(() => x.slack.messages.find((m) => m.responseId === id));
  await x.settle();
  const button = (prefix: string) => buttonsOf(message.blocks).find((b) => b.action_id?.startsWith(prefix))!;
  return { message, button };
}

/** A click on the preview: its response_url's replace_original edits the preview, as in Slack. */
const clickOn = (x: Harness, ts: string, b: { action_id?: string; value?: string }) =>
  buttonClick(
    b.action_id!,
    b.value!,
    x.slack.newResponseUrl({ channel: CHANNEL.id, user: USER.id, messageTs: ts }),
  );

async function whatIfCard(x: Harness) {
  const { message, button } = await previewMessage(x);
  await x.send(clickOn(x, message.ts, button(`${ACTION_IDS.whatIf}:`)));
  await x.slack.waitFor(() => /What if/.test(message.text) && message);
  await x.settle();
  const back = buttonsOf(message.blocks).find((b) => b.action_id === ACTION_IDS.whatIfBack)!;
  return { message, back };
}

function intakeSubmission(): SlackRequest {
  const meta = encodeMetadata({ origin: 'command', channelId: CHANNEL.id, userId: USER.id });
  const view = buildIntakeModal({ metadata: meta.value, initial: { stage: 'IV', driver: 'none', ecog: 1 } });
  return viewSubmission(INTAKE_CALLBACK_ID, simulateState(view as never), meta.value, {
    view: { id: `V${Math.floor(Math.random() * 1e9)}`, hash: 'h1' },
  });
}

/** Shared answers in the channel: the message carrying the board-decision button (one per answer). */
const answerCards = (x: Harness) =>
  x.slack.messages.filter(
    (m) =>
      m.channel === CHANNEL.id && buttonsOf(m.blocks).some((b) => b.action_id === ACTION_IDS.recordDecision),
  );

type Surface = [string, (x: Harness) => Promise<SlackRequest>];
const SURFACES: Surface[] = [
  [
    'slash command',
    async (x) => slashCommand(TEXT, x.slack.newResponseUrl(), `trigger.replay.${Math.random()}`),
  ],
  // Not queued (answered at once after the ack): the replay check is the command's own digest claim.
  [
    'slash command opening the form',
    async (x) => slashCommand('form', x.slack.newResponseUrl(), `t.${Math.random()}`),
  ],
  [
    'slash command evidence lookup',
    async (x) => slashCommand('evidence PACIFIC', x.slack.newResponseUrl(), `t.${Math.random()}`),
  ],
  ['mention', async () => appMention(`<@UBOT> ${TEXT}`)],
  ['modal submission', async () => intakeSubmission()],
  [
    'share button',
    async (x) =>
      buttonClick(ACTION_IDS.shareInChannel, (await commandPreview(x)).share, x.slack.newResponseUrl()),
  ],
  [
    'edit button',
    async (x) => buttonClick(ACTION_IDS.editCase, (await commandPreview(x)).edit, x.slack.newResponseUrl()),
  ],
  [
    'what-if button',
    async (x) => {
      const { message, button } = await previewMessage(x);
      return clickOn(x, message.ts, button(`${ACTION_IDS.whatIf}:`));
    },
  ],
  [
    'what-if-back button',
    async (x) => {
      const { message, back } = await whatIfCard(x);
      return clickOn(x, message.ts, back);
    },
  ],
  [
    'details button',
    async (x) => {
      const { message, button } = await previewMessage(x);
      return clickOn(x, message.ts, button(ACTION_IDS.showEvidence));
    },
  ],
  ['message shortcut', async (x) => messageShortcut(MESSAGE_SHORTCUT_ID, TEXT, x.slack.newResponseUrl())],
  ['global shortcut', async () => globalShortcut(GLOBAL_SHORTCUT_ID)],
];

describe('a signed request replayed inside the five-minute window', () => {
  it.each(SURFACES)('%s: the replay gets 200 and no second answer', async (_name, build) => {
    h = await startHarness({ now: () => NOW });
    const x = h;
    const req = await build(x);
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await x.send(req, { timestamp })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    await x.settle();
    const before = seen(x);
    const rows = (await x.store.listRecentConsults({ limit: 100 })).length;
    expect((await x.send(req, { timestamp })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect(grew(x, before)).toBe(0);
    expect((await x.store.listRecentConsults({ limit: 100 })).length).toBe(rows);
    expect(x.logs.join('\n')).toContain('replayed request ignored');
  });
});

describe.each(HARNESS_MODES)('Slack retries in %s mode', (mode) => {
  it('a mention retried by Slack (X-Slack-Retry-Num) is answered and audited once', async () => {
    h = await startHarness({ mode, now: () => NOW });
    const req = appMention(`<@UBOT> ${TEXT}`);
    const key = `event:${(JSON.parse(req.body) as { event_id: string }).event_id}`;
    // Each delivery signed anew (later timestamps), as Slack does: past the replay guard, to the queue's key.
    const t = Math.floor(Date.now() / 1000);
    await h.send(req, { timestamp: t - 2 });
    for (const n of [1, 2])
      await h.send(req, {
        timestamp: t - 2 + n,
        headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' },
      });
    await h.settle();
    await new Promise((r) => setTimeout(r, 300));
    expect(answerCards(h)).toHaveLength(1);
    expect(h.logs.filter((l) => l.includes('"msg":"duplicate request skipped"'))).toHaveLength(2);
    const rows = (await h.store.listRecentConsults({ limit: 100 })).filter((r) => r.idempotencyKey === key);
    expect(rows).toHaveLength(1);
  });

  it('a failed chat.postMessage, then Slack retries the event: answered once, audited once', async () => {
    h = await startHarness({ mode, now: () => NOW });
    const req = appMention(`<@UBOT> ${TEXT}`);
    const key = `event:${(JSON.parse(req.body) as { event_id: string }).event_id}`;
    h.slack.failNext('chat.postMessage', { status: 500 });
    // Slack signs each delivery anew (a later timestamp): past the replay guard, to the queue's key.
    const t = Math.floor(Date.now() / 1000);
    await h.send(req, { timestamp: t - 1 });
    const x = h;
    // Slack's retry comes after the post failed (not while the first attempt may still succeed).
    await x.slack.waitFor(() => x.logs.some((l) => l.includes('"msg":"delivery retry"')), 5000);
    expect(x.slack.callsOf('chat.postMessage')).toHaveLength(1);
    await h.send(req, {
      timestamp: t,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' },
    });
    expect(x.logs.filter((l) => l.includes('"msg":"duplicate request skipped"'))).toHaveLength(1);
    await x.slack.waitFor(
      () =>
        x.slack.messages.some(
          (m) => m.channel === CHANNEL.id && /Recommended/.test(JSON.stringify(m.blocks)),
        ),
      5000,
    );
    await x.settle(5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(answerCards(x)).toHaveLength(1);
    // The failed post was retried by the queue (the first call failed, the card came from a later one).
    const first = x.slack.callsOf('chat.postMessage')[0]!;
    expect(answerCards(x)[0]?.metadata).toEqual(first.args.metadata);
    expect(
      (await x.store.listRecentConsults({ limit: 100 })).filter((r) => r.idempotencyKey === key),
    ).toHaveLength(1);
  });

  it('a double click on Share in channel posts once', async () => {
    h = await startHarness({ mode, now: () => NOW });
    const x = h;
    const { share } = await commandPreview(x);
    const before = x.slack.callsOf('chat.postMessage').length;
    const clicks = [x.slack.newResponseUrl(), x.slack.newResponseUrl()].map((url, i) =>
      buttonClick(ACTION_IDS.shareInChannel, share, url, { triggerId: `trigger.click.${i}` }),
    );
    await Promise.all(clicks.map((c) => x.send(c)));
    await x.settle();
    await new Promise((r) => setTimeout(r, 300));
    const parents = x.slack
      .callsOf('chat.postMessage')
      .slice(before)
      .filter((c) => c.args.channel === CHANNEL.id && !c.args.thread_ts);
    expect(parents).toHaveLength(1);
  });
});

describe('jobs left by a crash are resumed at start', () => {
  it('answered while the response_url lives (29 min), its user told once in a DM past it (31 min), or when its uses are spent', async () => {
    const sqlitePath = join(await mkdtemp(join(tmpdir(), 'resume-')), 'store.sqlite');
    // Where the jobs' response_urls point: a Slack fake started before the app restarts, whose URLs take 5 POSTs
    // (secondary sources; see the fake's option).
    const earlier = new SlackWebApiFake(
      { teamId: 'T0TEST', botUserId: 'UBOT', botId: 'BBOT' },
      { responseUrlMaxUses: 5 },
    );
    await earlier.start();
    const before = await openStore({ sqlitePath });
    const job = (key: string, at: Date, responseUrl: string) => ({
      kind: 'command-reply',
      idempotencyKey: key,
      payload: { route: 'help', identifiersRemoved: [], conflicts: [], ignoredCount: 0 },
      target: { responseUrl, channel: CHANNEL.id, user: USER.id, team: 'T0TEST' },
      rulesetVersion: '2026.2.0',
      at,
    });
    // The injected clock: the app restarts at NOW; one job is 29 minutes old, one 31 minutes, and one young job's
    // response_url was used five times already.
    const freshUrl = earlier.newResponseUrl();
    const staleUrl = earlier.newResponseUrl();
    const spentUrl = earlier.newResponseUrl();
    for (let i = 0; i < 5; i++) await postToResponseUrl(spentUrl, { text: `use ${i}`, blocks: [] });
    await expect(postToResponseUrl(spentUrl, { text: 'sixth', blocks: [] })).rejects.toThrow(/404/);
    const ids = {
      fresh: (await before.jobs.enqueue(job('command:fresh', minutesAgo(29), freshUrl))).id,
      stale: (await before.jobs.enqueue(job('command:stale', minutesAgo(31), staleUrl))).id,
      spent: (await before.jobs.enqueue(job('command:spent', minutesAgo(1), spentUrl))).id,
    };
    await before.close();
    try {
      h = await startHarness({ now: () => NOW, sqlitePath });
      const x = h;
      await x.settle(5000);
      expect(x.logs.filter((l) => l.includes('"msg":"job resumed"'))).toHaveLength(3);
      const fresh = earlier.responses.filter((r) => r.id === freshUrl.split('/').pop());
      expect(fresh).toHaveLength(1);
      expect(JSON.stringify(fresh[0]?.body)).toMatch(/thoracic-rt/);
      expect(earlier.responses.filter((r) => r.id === staleUrl.split('/').pop())).toHaveLength(0);
      const dms = x.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === USER.id);
      expect(dms).toHaveLength(1);
      expect(JSON.stringify(dms[0]?.args)).toContain('E_DELIVERY_EXPIRED');
      expect(dms[0]?.args.metadata).toMatchObject({ event_payload: { job_id: ids.stale, part: 'notice' } });
      expect(x.logs.join('\n')).toContain('"msg":"job expired"');
      // The spent URL refused the answer: its user is told, once, in the channel, with the code.
      const told = x.slack.callsOf('chat.postEphemeral');
      expect(told).toHaveLength(1);
      expect(told[0]?.args).toMatchObject({ channel: CHANNEL.id, user: USER.id });
      expect(JSON.stringify(told[0]?.args)).toContain('E_RESPONSE_URL');
      const outcome = async (id: string) => (await x.store.jobs.get(id))?.outcome;
      expect([await outcome(ids.fresh), await outcome(ids.stale), await outcome(ids.spent)]).toEqual([
        'delivered',
        'expired',
        'reported',
      ]);
    } finally {
      await earlier.stop();
    }
  });
});

const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe.each(HARNESS_MODES)('the ack of a mention in %s mode', (mode) => {
  it('comes only after its job is in the queue (a slow write holds the ack)', async () => {
    h = await startHarness({ mode, now: () => NOW });
    const x = h;
    const jobs = x.store.jobs;
    const enqueue = jobs.enqueue.bind(jobs);
    let written = false;
    jobs.enqueue = async (job) => {
      await new Promise((r) => setTimeout(r, 400));
      const res = await enqueue(job);
      written = true;
      return res;
    };
    const req = appMention(`<@UBOT> ${TEXT}`);
    expect((await x.send(req)).status).toBe(200);
    expect(written).toBe(true);
    await x.settle();
    await x.slack.waitFor(() => answerCards(x).length === 1, 5000);
  });
});

describe.each(HARNESS_MODES)('the what-if buttons in %s mode', (mode) => {
  it('a double click on What if shows one card in place of the preview (no second message)', async () => {
    h = await startHarness({ mode, now: () => NOW });
    const x = h;
    const { message, button } = await previewMessage(x);
    const before = x.slack.messages.length;
    const what = button(`${ACTION_IDS.whatIf}:`);
    await Promise.all([x.send(clickOn(x, message.ts, what)), x.send(clickOn(x, message.ts, what))]);
    await x.settle();
    await x.slack.waitFor(() => /What if/.test(message.text) && message);
    expect(x.slack.messages.length).toBe(before);
    expect(x.slack.messages.filter((m) => /What if/.test(m.text))).toEqual([message]);
  });

  it('a click sent again as a Slack retry (X-Slack-Retry-Num) is answered once', async () => {
    h = await startHarness({ mode, now: () => NOW });
    const x = h;
    const { message, back } = await whatIfCard(x);
    const posts = x.slack.responses.length;
    const click = clickOn(x, message.ts, back);
    // Signed again (a later timestamp), as Slack signs each delivery: past the replay guard, to the queue's key.
    const t = Math.floor(Date.now() / 1000);
    await x.send(click, { timestamp: t - 1 });
    await x.send(click, {
      timestamp: t,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await x.settle();
    await new Promise((r) => setTimeout(r, 300));
    expect(x.slack.responses.length - posts).toBe(1);
    expect(message.text).not.toMatch(/What if/);
    expect(x.logs.join('\n')).toContain('duplicate request skipped');
  });
});

describe.each(HARNESS_MODES)('the Details button in %s mode', (mode) => {
  it('a double click opens one modal; the same click retried opens none more', async () => {
    h = await startHarness({ mode, now: () => NOW });
    const x = h;
    const { message, button } = await previewMessage(x);
    const details = button(ACTION_IDS.showEvidence);
    await Promise.all([x.send(clickOn(x, message.ts, details)), x.send(clickOn(x, message.ts, details))]);
    await x.settle();
    await x.slack.waitFor(() => x.slack.callsOf('views.open').length > 0, 3000);
    const click = clickOn(x, message.ts, details);
    const t = Math.floor(Date.now() / 1000);
    await x.send(click, { timestamp: t - 1 });
    await x.send(click, { timestamp: t, headers: { 'x-slack-retry-num': '1' } });
    await x.settle();
    await new Promise((r) => setTimeout(r, 300));
    expect(x.slack.callsOf('views.open')).toHaveLength(1);
  });
});

describe('a Details job whose trigger has expired (as after a crash)', () => {
  it('tells the clicker, with the code, through the response_url', async () => {
    h = await startHarness({ now: () => NOW });
    const x = h;
    const { message, button } = await previewMessage(x);
    x.slack.failNext('views.open', { error: 'expired_trigger_id' });
    const click = clickOn(x, message.ts, button(ACTION_IDS.showEvidence));
    await x.send(click);
    await x.settle();
    const told = await x.slack.waitFor(() =>
      x.slack.responses.find((r) => /expired_trigger_id|E_SLACK/.test(JSON.stringify(r.body))),
    );
    expect(JSON.stringify(told.body)).toMatch(/Please try again/);
    expect(x.logs.join('\n')).toContain('"msg":"delivery failed"');
  });
});
