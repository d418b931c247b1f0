// An evidence lookup is queued like every other reply: matched before the ack, the job keeps the ids of the
// ruleset entries it matched (never the query, which is user text), and the worker renders the same answer
// the listener used to send at once. Replays and retries of a lookup answer once (command and mention).
import { afterEach, describe, expect, it } from 'vitest';
import { route } from '../../src/consult/index.js';
import { RULESET } from '../../src/engine/index.js';
import { loadIntents } from '../../src/intents/load-intents.js';
import { appMention, CHANNEL, slashCommand } from '../../src/playground/slack-requests.js';
import { buildEvidenceLookup, renderEvidenceLookup } from '../../src/slack/blocks/evidence-lookup.js';
import { readingPayload } from '../../src/slack/queue/kinds/index.js';
import { HARNESS_MODES, type Harness, startHarness } from './support/harness.js';

const NOW = new Date('2026-11-27T07:00:00Z');
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the payload of an evidence lookup', () => {
  it('holds the matched ids, not the query, and renders the answer the query gives', async () => {
    const intents = await loadIntents();
    if (!intents.ok) throw new Error('intents invalid');
    const query = 'nrog 002';
    const routed = route(`evidence ${query}`, intents.intents, NOW);
    expect(routed.kind).toBe('evidence');
    const payload = readingPayload(routed, RULESET);
    expect(payload?.route).toBe('evidence');
    expect(payload?.evidence?.kind).toBe('found');
    expect(JSON.stringify(payload).toLowerCase()).not.toContain(query);
    const rendered = renderEvidenceLookup(payload!.evidence!, RULESET);
    expect(rendered).toEqual(buildEvidenceLookup(query, RULESET));
  });

  it('of ids the running ruleset lacks renders "nothing matches"', () => {
    const gone = renderEvidenceLookup({ kind: 'found', citations: ['NO-SUCH'], statements: [] }, RULESET);
    expect(gone.text).toBe('No evidence matches that query.');
  });
});

const lookups = (x: Harness) => x.slack.messages.filter((m) => m.text.startsWith('Evidence lookup'));

describe.each(HARNESS_MODES)('an evidence lookup in %s mode', (mode) => {
  it('by command: a replay and a retry of the same command answer once', async () => {
    h = await startHarness({ mode, now: () => NOW });
    const x = h;
    const req = slashCommand('evidence NROG-002', x.slack.newResponseUrl(), `trigger.ev.${Math.random()}`);
    const t = Math.floor(Date.now() / 1000);
    await x.send(req, { timestamp: t });
    await x.send(req, { timestamp: t });
    await x.send(req, { timestamp: t + 1, headers: { 'x-slack-retry-num': '1' } });
    await x.settle();
    await x.slack.waitFor(() => lookups(x).length > 0, 3000);
    await new Promise((r) => setTimeout(r, 300));
    expect(lookups(x)).toHaveLength(1);
  });

  it('by mention: Slack retries (X-Slack-Retry-Num) answer once, in the thread', async () => {
    h = await startHarness({ mode, now: () => NOW });
    const x = h;
    const req = appMention('<@UBOT> evidence NROG-002');
    await x.send(req);
    for (const n of ['1', '2'])
      await x.send(req, { headers: { 'x-slack-retry-num': n, 'x-slack-retry-reason': 'http_timeout' } });
    await x.settle();
    await x.slack.waitFor(() => lookups(x).length > 0, 3000);
    await new Promise((r) => setTimeout(r, 300));
    expect(lookups(x)).toHaveLength(1);
    expect(lookups(x)[0]).toMatchObject({ channel: CHANNEL.id });
    expect(lookups(x)[0]?.threadTs).toBeDefined();
  });
});
