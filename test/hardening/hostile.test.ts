// Hostile input, property-based: whatever people type in the slash command, whatever shape a modal submission
// takes, whatever body reaches the JSON API, the app answers (never 5xx), every answer is a valid Slack message
// or a contract-valid output or a clear error, and no answer pings anyone or carries a link the user wrote.
// Requests Slack did not sign (forged, missing, stale, replayed) are rejected with no side effect.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputSchema } from '../../src/engine/index.js';
import {
  CHANNEL,
  SIGNING_SECRET,
  sign,
  slashCommand,
  USER,
  viewSubmission,
} from '../../src/playground/slack-requests.js';
import { simulateState } from '../../src/playground/view-state.js';
import { checkMessage } from '../../src/slack/blocks/check-message.js';
import { INTAKE_CALLBACK_ID, INTAKE_FIELDS, INTAKE_IDS } from '../../src/slack/views/intake-ids.js';
import { buildIntakeModal } from '../../src/slack/views/intake-modal.js';
import { encodeMetadata } from '../../src/slack/views/modal-metadata.js';
import { type Harness, startHarness } from '../slack/support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

let seq = 0;
const trigger = () => {
  seq += 1;
  return `trigger.hostile.${seq}`;
};

// ------------------------------------------------------------------------------------------ arbitraries
const INJECTIONS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0HOSTILE>',
  '<@U123>',
  '<@U123|bob>',
  '<#C0HOSTILE>',
  '<https://evil.example|click>',
  '<http://evil.example/login>',
  'https://evil.example/raw',
  '*bold*',
  '_italic_',
  '~strike~',
  '`code`',
  '```block```',
  '&lt;!channel&gt;',
  '> quote',
  '\u202Eevil\u202C',
];
const CLINICAL = [
  'EGFR ex19del',
  'adeno',
  'squamous',
  '2 bone mets + 1 adrenal',
  'ECOG 1',
  'oligometastatic',
  'PR after 3 months osimertinib',
  'haemoptysis',
  'Mr John Smith MRN 12345678',
  'dose?',
  'form',
  'help',
  'evidence NROG-002',
];
const controlChars = fc.string({
  unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
  maxLength: 10,
});
const fragment = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...CLINICAL),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  controlChars,
);
const commandText = fc.array(fragment, { maxLength: 8 }).map((xs) => xs.join(' '));

// ------------------------------------------------------------------------------------------- checks
/** A ping or a user-written link in anything the app sent to Slack. */
function injectionsIn(s: string): string[] {
  const found: string[] = [];
  for (const re of [
    /<!(channel|here|everyone|subteam)/,
    /<@U123/,
    /<#C0HOSTILE/,
    /<[^<>|]*evil\.example/,
    /\]\(https?:\/\/evil\.example/,
  ]) {
    const m = re.exec(s);
    if (m) found.push(m[0]);
  }
  return found;
}

function everythingSent(): { text: string; blocks: unknown[] }[] {
  const out: { text: string; blocks: unknown[] }[] = [];
  for (const r of h.slack.responses) {
    const b = r.body as { text?: unknown; blocks?: unknown };
    out.push({ text: String(b.text ?? ''), blocks: Array.isArray(b.blocks) ? b.blocks : [] });
  }
  for (const c of h.slack.calls) {
    if (!c.method.startsWith('chat.')) continue;
    const blocks = typeof c.args.blocks === 'string' ? JSON.parse(c.args.blocks) : c.args.blocks;
    out.push({ text: String(c.args.text ?? ''), blocks: Array.isArray(blocks) ? blocks : [] });
  }
  return out;
}

function expectAllSentSafe() {
  for (const m of everythingSent()) {
    expect(checkMessage({ text: m.text, blocks: m.blocks as never })).toEqual([]);
    expect(injectionsIn(JSON.stringify(m))).toEqual([]);
  }
  for (const v of h.slack.views) expect(injectionsIn(JSON.stringify(v.view))).toEqual([]);
}

/** Sends one command and waits for its answer (a response_url post, or the intake modal for `form`). */
async function command(text: string): Promise<void> {
  const responseUrl = h.slack.newResponseUrl();
  const id = responseUrl.split('/').pop();
  const opened = h.slack.callsOf('views.open').length;
  const res = await h.send(slashCommand(text, responseUrl, trigger()));
  expect(res.status).toBe(200);
  await h.slack.waitFor(
    () => h.slack.responses.some((r) => r.id === id) || h.slack.callsOf('views.open').length > opened,
    3000,
  );
}

describe('slash-command text', () => {
  it('any text: 200, an answer or the form, valid messages, no ping, no user link', async () => {
    await fc.assert(fc.asyncProperty(commandText, command), { numRuns: 50 });
    expectAllSentSafe();
  });

  it('every injection, alone and inside a real case', async () => {
    for (const inj of INJECTIONS) {
      await command(inj);
      await command(`adeno EGFR ex19del ${inj}, 2 bone mets + 1 adrenal ${inj} ECOG 1 ${inj}`);
    }
    expectAllSentSafe();
  });

  it('oversized text (~20 kB) with injections and control characters', async () => {
    const chunk = `EGFR L858R adeno, 3 bone mets, ECOG 1 <!channel> <@U123> <https://evil.example|click> *_~\` \u0000\u0007 `;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 18_000, max: 22_000 }),
        fc.constantFrom(...INJECTIONS),
        async (n, inj) => {
          await command(`${inj} ${chunk.repeat(Math.ceil(n / chunk.length)).slice(0, n)} ${inj}`);
        },
      ),
      { numRuns: 4 },
    );
    expectAllSentSafe();
  });
});

// ----------------------------------------------------------------------------------------- intake modal
const metadata = encodeMetadata({ origin: 'command', channelId: CHANNEL.id, userId: USER.id }).value;
const validState = simulateState(buildIntakeModal({ metadata }));
const elementTypes = [
  'number_input',
  'static_select',
  'plain_text_input',
  'checkboxes',
  'radio_buttons',
  'multi_static_select',
];
const hostileString = fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 40 }), controlChars);
const option = fc.record(
  {
    value: fc.oneof(hostileString, fc.anything({ maxDepth: 2 })),
    text: fc.oneof(
      fc.record({ type: fc.constant('plain_text'), text: hostileString }),
      fc.anything({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);
const elementState = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record(
    {
      type: fc.oneof(fc.constantFrom(...elementTypes), fc.string({ maxLength: 10 })),
      value: fc.oneof(hostileString, fc.constant(null), fc.double(), fc.anything({ maxDepth: 2 })),
      selected_option: fc.oneof(fc.constant(null), option, fc.anything({ maxDepth: 2 })),
      selected_options: fc.oneof(fc.array(option, { maxLength: 4 }), fc.anything({ maxDepth: 2 })),
      selected_date: fc.oneof(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  ),
);
const fieldIds = INTAKE_FIELDS.map((f) => INTAKE_IDS[f]);
/** The real form's state with a few fields replaced by hostile shapes. */
const mutatedState = fc
  .array(fc.tuple(fc.constantFrom(...fieldIds), elementState, fc.boolean()), { maxLength: 6 })
  .map((edits) => {
    const values: Record<string, unknown> = structuredClone(validState);
    for (const [{ blockId, actionId }, state, wholeBlock] of edits) {
      values[blockId] = wholeBlock ? state : { [actionId]: state };
    }
    return values;
  });
const randomShape = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.dictionary(
    fc.oneof(fc.constantFrom(...fieldIds.map((f) => f.blockId)), fc.string({ maxLength: 8 })),
    fc.dictionary(fc.oneof(fc.constantFrom(...fieldIds.map((f) => f.actionId)), fc.string()), elementState),
  ),
);
/** `{"a":[{"a":[…]}]}` as text, `depth` levels deep (too deep for JSON.stringify's recursion). */
function deeplyNestedJson(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}{"value":"<!channel>"}${close}`;
}
function deeplyNested(depth: number): unknown {
  let v: unknown = { value: '<!channel>' };
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

async function submit(values: unknown, privateMetadata = metadata) {
  const res = await h.send(
    viewSubmission(INTAKE_CALLBACK_ID, values, privateMetadata, {
      view: { id: `V0H${seq}`, hash: `h${seq}` },
    }),
  );
  seq += 1;
  expect(res.status).toBe(200);
  if (res.body !== '') {
    const ack = JSON.parse(res.body) as { response_action?: string; errors?: Record<string, unknown> };
    expect(ack.response_action).toBe('errors');
    for (const [block, message] of Object.entries(ack.errors ?? {})) {
      expect(typeof block).toBe('string');
      expect(typeof message).toBe('string');
      expect(injectionsIn(String(message))).toEqual([]);
    }
  }
}

describe('intake modal submissions', () => {
  it('the real form with hostile field states: 200, field errors or an answer', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedState, (v) => submit(v)),
      { numRuns: 40 },
    );
    await new Promise((r) => setTimeout(r, 200));
    expectAllSentSafe();
  });

  it('random shapes for state.values and private_metadata', async () => {
    await fc.assert(
      fc.asyncProperty(randomShape, fc.oneof(fc.constant(metadata), fc.string({ maxLength: 50 })), (v, m) =>
        submit(v, m),
      ),
      { numRuns: 40 },
    );
    await submit(deeplyNested(2000));
    await submit({ [INTAKE_IDS.ecog.blockId]: { [INTAKE_IDS.ecog.actionId]: deeplyNested(2000) } });
    await new Promise((r) => setTimeout(r, 200));
    expectAllSentSafe();
  });
});

// ------------------------------------------------------------------------------------------- JSON API
async function api(body: string, contentType = 'application/json') {
  const res = await fetch(`${h.url}/api/v1/consult`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  const text = await res.text();
  expect(res.status).toBeLessThan(500);
  expect([200, 400, 413, 415, 422]).toContain(res.status);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  if (res.status === 200) {
    // A free-text answer is the output contract plus what was read from the text (README, JSON API).
    const { understood: _u, ignored: _g, conflicts: _c, identifiersRemoved: _i, ...output } = parsed;
    expect(OutputSchema.safeParse(output).error?.issues ?? []).toEqual([]);
  } else expect(typeof parsed.error).toBe('string');
  return res.status;
}

describe('JSON API bodies', () => {
  it('random JSON, wrong types and non-objects: 200 with the contract or a 4xx with a reason', async () => {
    const body = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.anything({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
      fc.record({ text: fc.oneof(commandText, fc.anything({ maxDepth: 2 })) }).map((v) => JSON.stringify(v)),
      fc
        .record({
          case: fc.oneof(
            fc.anything({ maxDepth: 3 }),
            fc.record(
              {
                driver: fc.oneof(fc.constantFrom('EGFR', 'none', 'ALK'), fc.anything({ maxDepth: 1 })),
                ecog: fc.oneof(fc.integer({ min: -5, max: 9 }), fc.anything({ maxDepth: 1 })),
                metastases: fc.anything({ maxDepth: 2 }),
              },
              { requiredKeys: [] },
            ),
          ),
        })
        .map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(body, (b) => api(b).then(() => undefined)),
      { numRuns: 60 },
    );
  });

  it('deeply nested, oversized and non-JSON bodies are refused cleanly', async () => {
    expect(await api(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)).toBeGreaterThanOrEqual(400);
    expect(await api(`{"case":${deeplyNestedJson(5000)}}`)).toBe(400);
    expect(await api(JSON.stringify({ text: 'x'.repeat(200_000) }))).toBe(413);
    expect(await api('{"text": "EGFR', 'application/json')).toBe(400);
    expect(await api('text=EGFR', 'text/plain')).toBe(415);
    expect(await api(JSON.stringify({ text: `EGFR ex19del ${'<!channel> '.repeat(200)}` }))).toBe(200);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});

// ------------------------------------------------------------------------------------------ signatures
describe('requests Slack did not sign', () => {
  async function sideEffects() {
    const rows = await h.store.listRecentConsults({ limit: 1000 });
    return {
      calls: h.slack.calls.length,
      responses: h.slack.responses.length,
      messages: h.slack.messages.length,
      rows: rows.length,
    };
  }
  const fresh = () => Math.floor(Date.now() / 1000);
  const raw = (body: string, headers: Record<string, string>) =>
    fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });

  it('forged, missing, malformed and stale signatures, and a replay: 401, nothing happens', async () => {
    const before = await sideEffects();
    const req = slashCommand('EGFR ex19del, 2 bone mets, ECOG 1', h.slack.newResponseUrl(), trigger());
    const now = fresh();
    const statuses: number[] = [];
    statuses.push((await h.send(req, { signature: null })).status);
    statuses.push((await h.send(req, { signature: sign(req.body, now, 'not-the-secret') })).status);
    statuses.push((await h.send(req, { signature: sign(`${req.body}&x=1`, now) })).status);
    statuses.push((await h.send(req, { signature: `v1=${sign(req.body, now).slice(3)}` })).status);
    statuses.push((await h.send(req, { timestamp: now - 6 * 60 })).status);
    // A request captured seven minutes ago, replayed byte for byte with its own (then valid) signature.
    const old = now - 7 * 60;
    statuses.push(
      (
        await raw(req.body, {
          'x-slack-request-timestamp': String(old),
          'x-slack-signature': sign(req.body, old),
        })
      ).status,
    );
    statuses.push((await raw(req.body, { 'x-slack-signature': sign(req.body, now) })).status);
    statuses.push(
      (await raw(req.body, { 'x-slack-request-timestamp': 'abc', 'x-slack-signature': sign(req.body, now) }))
        .status,
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (sig) => {
        statuses.push((await h.send(req, { signature: sig })).status);
      }),
      { numRuns: 30 },
    );
    expect(statuses.map((s, i) => [i, s]).filter(([, s]) => s !== 401)).toEqual([]);
    await new Promise((r) => setTimeout(r, 150));
    expect(await sideEffects()).toEqual(before);
  });

  // Regression: Bolt only rejects timestamps more than five minutes in the past; src/slack/future-timestamp-guard.ts
  // rejects the future side too, so a captured request cannot be replayed for longer than five minutes.
  it('a signature dated six minutes in the future is rejected (401)', async () => {
    const req = slashCommand('EGFR ex19del, 2 bone mets, ECOG 1', h.slack.newResponseUrl(), trigger());
    expect((await h.send(req, { timestamp: fresh() + 6 * 60 })).status).toBe(401);
  });

  it('the same request, correctly signed now, is accepted (the checks above are not vacuous)', async () => {
    const responseUrl = h.slack.newResponseUrl();
    const id = responseUrl.split('/').pop();
    const req = slashCommand('EGFR ex19del, 2 bone mets, ECOG 1', responseUrl, trigger());
    expect((await h.send(req, { signature: sign(req.body, fresh(), SIGNING_SECRET) })).status).toBe(200);
    await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
  });
});
