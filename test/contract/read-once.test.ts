// A request's text is guarded and parsed exactly once, whichever front end it arrives through: the router,
// the classifier and the consult share one reading.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runConsult } from '../../src/cli/consult.js';
import { parseCase } from '../../src/parse/index.js';
import { appMention, slashCommand } from '../../src/playground/slack-requests.js';
import { guardIdentifiers } from '../../src/privacy/index.js';
import { type Harness, startHarness } from '../slack/support/harness.js';

vi.mock('../../src/privacy/index.js', async (original) => {
  const real = await original<typeof import('../../src/privacy/index.js')>();
  return { ...real, guardIdentifiers: vi.fn(real.guardIdentifiers) };
});
vi.mock('../../src/parse/index.js', async (original) => {
  const real = await original<typeof import('../../src/parse/index.js')>();
  return { ...real, parseCase: vi.fn(real.parseCase) };
});

const TEXT = 'adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive - what dose?';
const guard = vi.mocked(guardIdentifiers);
const parse = vi.mocked(parseCase);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  guard.mockClear();
  parse.mockClear();
});

/** Waits until the app has finished the request (its answer is out), then reports the calls. */
async function counts(done: () => boolean) {
  await h.slack.waitFor(() => done() || undefined);
  await new Promise((r) => setTimeout(r, 50));
  return { guard: guard.mock.calls.length, parse: parse.mock.calls.length };
}

describe('one reading per request', () => {
  it('the slash command', async () => {
    const url = h.slack.newResponseUrl();
    const id = url.split('/').pop();
    await h.send(slashCommand(TEXT, url, 'trigger.once.1'));
    expect(await counts(() => h.slack.responses.some((r) => r.id === id))).toEqual({ guard: 1, parse: 1 });
  });

  it('a mention', async () => {
    const req = appMention(`<@U0BOT> ${TEXT}`);
    const ts = (JSON.parse(req.body) as { event: { ts: string } }).event.ts;
    await h.send(req);
    expect(await counts(() => h.slack.messages.some((m) => m.threadTs === ts))).toEqual({
      guard: 1,
      parse: 1,
    });
  });

  it('the JSON API', async () => {
    const res = await fetch(`${h.url}/api/v1/consult`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: TEXT }),
    });
    expect(res.status).toBe(200);
    expect({ guard: guard.mock.calls.length, parse: parse.mock.calls.length }).toEqual({
      guard: 1,
      parse: 1,
    });
  });

  it('the CLI', async () => {
    const code = await runConsult(['--json', TEXT], { out: () => {}, err: () => {}, now: () => new Date() });
    expect(code).toBe(0);
    expect({ guard: guard.mock.calls.length, parse: parse.mock.calls.length }).toEqual({
      guard: 1,
      parse: 1,
    });
  });
});
