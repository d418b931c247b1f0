// The playground without a browser: its own endpoints drive the real app through signed Slack requests, and
// what the app does comes back as the emulator's state (messages, modals, Home tab) and as live updates.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/playground/emulator.js';
import { deliver, slashCommand } from '../../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import { stateFromEntries } from '../../src/playground/view-state.js';
import { ACTION_IDS } from '../../src/slack/blocks/action-ids.js';
import { INTAKE_IDS } from '../../src/slack/views/intake-ids.js';
import { buildIntakeModal } from '../../src/slack/views/intake-modal.js';
import { FIRST_EXAMPLE, startTestPlayground, type TestPlayground } from './support.js';

let pg: TestPlayground;
beforeAll(async () => {
  pg = await startTestPlayground();
});
afterAll(async () => {
  await pg.close();
});

const CHANNEL = 'C0TUMOURBOARD';
const ecog = INTAKE_IDS.ecog.blockId;

function newMessages(before: number, pick: (m: MessageView) => boolean) {
  return (s: { messages: MessageView[] }) => s.messages.slice(before).find(pick);
}

function buttonsOf(m: MessageView): { block_id?: string; action_id: string; text: { text: string } }[] {
  const blocks = m.blocks as { type: string; block_id?: string; elements?: { action_id: string }[] }[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => ({ ...e, block_id: b.block_id }))) as never;
}

async function ask(text: string): Promise<MessageView> {
  const before = (await pg.state()).messages.length;
  const res = await pg.post('message', { text });
  expect(res).toEqual({ status: 200, json: { ok: true } });
  return pg.until(newMessages(before, (m) => m.user.bot && m.ephemeral));
}

describe('the page and its live updates', () => {
  it('serves the page, its scripts and the health check on one port', async () => {
    const page = await fetch(pg.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('aria-label="Message"');
    for (const file of ['app.js', 'blocks.js', 'mrkdwn.js', 'style.css']) {
      const res = await fetch(`${pg.origin}/playground/${file}`);
      expect(res.status, file).toBe(200);
    }
    const health = await fetch(`${pg.origin}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true });
  });

  it('streams the state as server-sent events, and again after each change', async () => {
    const controller = new AbortController();
    const res = await fetch(`${pg.origin}/playground/events?token=${pg.pageToken}`, {
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const frames: { messages: MessageView[] }[] = [];
    const readUntil = async (pred: () => boolean) => {
      while (!pred()) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (frame.includes('event: state') && data) frames.push(JSON.parse(data.slice(6)));
          end = buffer.indexOf('\n\n');
        }
      }
    };
    await readUntil(() => frames.length >= 1);
    await pg.post('message', { text: 'Tumour board starts at 8:00 & runs <1 h' });
    await readUntil(() =>
      frames.some((f) => f.messages.some((m) => m.text === 'Tumour board starts at 8:00 &amp; runs &lt;1 h')),
    );
    controller.abort();
    await reader.cancel().catch(() => {});
  });
});

describe('slash commands', () => {
  it('delivers /thoracic-rt as a signed request; the ephemeral answer appears in the channel', async () => {
    const answer = await ask(`/thoracic-rt ${FIRST_EXAMPLE}`);
    expect(answer.channel).toBe(CHANNEL);
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('Recommended');
    // The card links the references its lines cite (short label + DOI/PubMed link).
    expect(JSON.stringify(answer.blocks)).toMatch(/\[1\] <https:\/\/[^|]+\|NROG-002>/);
    expect(buttonsOf(answer).map((b) => b.action_id)).toContain(ACTION_IDS.shareInChannel);
    // The command itself is not posted (Slack does not show it), and nothing of the case is logged.
    const state = await pg.state();
    expect(state.messages.some((m) => m.text.includes('ex19del') && !m.user.bot)).toBe(false);
    expect(pg.logs.join('\n')).not.toContain('ex19del');
  });

  it('rejects requests not signed with the secret generated at start', async () => {
    const req = slashCommand('help', pg.slack.newResponseUrl());
    const forged = await deliver(`${pg.origin}/slack/events`, req, { secret: 'not-the-playground-secret' });
    expect(forged.status).toBe(401);
    const genuine = await deliver(`${pg.origin}/slack/events`, req, { secret: pg.signingSecret });
    expect(genuine.status).toBe(200);
  });

  it('answers an unknown command as Slack does', async () => {
    const before = (await pg.state()).messages.length;
    const res = await pg.post('message', { text: '/thoracic-rx help' });
    expect(res.json).toMatchObject({ ok: false });
    const m = await pg.until(newMessages(before, (x) => x.user.name === 'Slackbot'));
    expect(m.text).toContain('is not a valid command');
    expect(m.ephemeral).toBe(true);
  });
});

describe('modals', () => {
  it('round-trips field errors (ECOG 7), then answers the fixed form and closes it', async () => {
    await pg.post('message', { text: '/thoracic-rt form' });
    const modal = await pg.until((s) => s.modal);
    expect(modal.view.callback_id).toBe('intake_submit');

    const bad = await pg.post('view-submit', { viewId: modal.id, values: { [ecog]: { value: '7' } } });
    expect(bad.status).toBe(200);
    const errors = bad.json.errors as Record<string, string>;
    expect(errors[ecog]).toMatch(/ECOG/);
    const shown = await pg.state();
    expect(shown.modal?.id).toBe(modal.id);
    expect(shown.modal?.errors[ecog]).toMatch(/ECOG/);

    const before = shown.messages.length;
    const good = await pg.post('view-submit', {
      viewId: modal.id,
      values: {
        [ecog]: { value: '1' },
        [INTAKE_IDS.stageM.blockId]: { selected: ['M1c'] },
        [INTAKE_IDS.driver.blockId]: { selected: ['EGFR:ex19del'] },
        // Core fields: the form opens collapsed (Burden is behind "More facts").
        [INTAKE_IDS.lesionCount.blockId]: { value: '3' },
        [INTAKE_IDS.organs.blockId]: { value: '2' },
      },
    });
    expect(good.json).toEqual({ ok: true, closed: true });
    expect((await pg.state()).modal).toBeNull();
    const answer = await pg.until(newMessages(before, (m) => m.user.bot && m.ephemeral));
    expect(answer.channel).toBe(CHANNEL);
    expect(JSON.stringify(answer.blocks)).toMatch(/definitive thoracic RT/);
  });

  it('Cancel closes the modal without a request to the app', async () => {
    await pg.post('global-shortcut', {});
    const modal = await pg.until((s) => s.modal);
    expect(await pg.post('view-close', { viewId: modal.id })).toEqual({ status: 200, json: { ok: true } });
    expect((await pg.state()).modal).toBeNull();
    expect((await pg.post('view-submit', { viewId: modal.id, values: {} })).json).toMatchObject({
      ok: false,
    });
  });

  it('the message shortcut opens the form prefilled from the message', async () => {
    const before = (await pg.state()).messages.length;
    await pg.post('message', { text: 'Next case: adeno EGFR L858R, 2 bone mets, ECOG 1' });
    const posted = await pg.until(newMessages(before, (m) => !m.user.bot));
    expect((await pg.post('message-shortcut', { channel: CHANNEL, ts: posted.ts })).json).toEqual({
      ok: true,
    });
    const modal = await pg.until((s) => s.modal);
    expect(JSON.stringify(modal.view)).toContain('L858R');
    expect(JSON.parse(String(modal.view.private_metadata))).toMatchObject({ threadTs: posted.ts });
    await pg.post('view-close', { viewId: modal.id, all: true });
  });
});

describe('buttons, threads, mentions and the Home tab', () => {
  it('Share in channel posts the answer in the channel with the evidence in its thread', async () => {
    const preview = await ask(`/thoracic-rt ${FIRST_EXAMPLE}`);
    const share = buttonsOf(preview).find((b) => b.action_id === ACTION_IDS.shareInChannel)!;
    const before = (await pg.state()).messages.length;
    const res = await pg.post('action', {
      channel: preview.channel,
      ts: preview.ts,
      blockId: share.block_id ?? '',
      actionId: share.action_id,
    });
    expect(res.json).toEqual({ ok: true });
    const parent = await pg.until(newMessages(before, (m) => m.user.bot && !m.ephemeral && !m.threadTs));
    expect(parent.text).toContain('Recommended');
    const withReplies = await pg.until(
      (s) => s.messages.find((m) => m.ts === parent.ts && m.replyCount > 0) ?? undefined,
    );
    const replies = (await pg.state()).messages.filter((m) => m.threadTs === withReplies.ts);
    expect(JSON.stringify(replies.map((r) => r.blocks))).toMatch(/References/);
  });

  it('@Thoracic RT becomes a mention; the app answers in the thread', async () => {
    const before = (await pg.state()).messages.length;
    await pg.post('message', { text: '@Thoracic RT what dose for a central primary?' });
    const question = await pg.until(newMessages(before, (m) => !m.user.bot));
    expect(question.text).toBe('<@UBOT> what dose for a central primary?');
    const reply = await pg.until(newMessages(before, (m) => m.user.bot && m.threadTs === question.ts));
    expect(JSON.stringify(reply.blocks)).toMatch(/Gy/);
  });

  it('a modal opened after the Home tab was published twice is the modal, not the Home tab', async () => {
    await pg.post('home', {});
    await pg.post('home', {});
    await pg.until((s) => s.home);
    const home = (await pg.state()).home!;
    expect((await pg.post('message', { text: '/thoracic-rt form' })).json).toEqual({ ok: true });
    const modal = await pg.until((s) => (s.modal && s.modal.id !== home.id ? s.modal : undefined));
    expect(modal.view.callback_id).toBe('intake_submit');
    const ids = pg.slack.views.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('opening the Home tab publishes the app home', async () => {
    expect((await pg.post('home', {})).json).toEqual({ ok: true });
    const home = await pg.until((s) => s.home);
    expect(JSON.stringify(home.view)).toContain('/thoracic-rt');
  });

  it('serves the JSON API beside the emulator', async () => {
    const res = await fetch(`${pg.origin}/api/v1/consult`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ case: { driver: 'none', metastases: { burden: 'poly' }, ecog: 1 } }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { verdict: string }).verdict).toBe('not-recommended');
  });
});

describe('requests that do not come from the page', () => {
  it('refuses other hosts, other origins, non-JSON bodies and malformed requests', async () => {
    // A page on another host name that resolves to this machine (DNS rebinding) is refused.
    const other = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${pg.origin}/playground/state`,
        { headers: { host: 'evil.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(other).toBe(421);
    const cross = await fetch(`${pg.origin}/playground/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(cross.status).toBe(403);
    const form = await fetch(`${pg.origin}/playground/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-playground-token': pg.pageToken },
      body: 'text=hi',
    });
    expect(form.status).toBe(415);
    const bad = await pg.post('message', { text: 42 });
    expect(bad.status).toBe(400);
  });
});

describe('pieces', () => {
  it('stateFromEntries keeps initial values and maps chosen values to their options', () => {
    const view = buildIntakeModal({ metadata: '', initial: { ecog: 2, driver: 'ALK' }, expanded: true });
    const values = stateFromEntries(view, {
      [INTAKE_IDS.stageM.blockId]: { selected: ['M1a'] },
      [INTAKE_IDS.sites.blockId]: { selected: ['bone', 'not-an-option', 'liver'] },
    });
    expect(values[ecog]).toEqual({ [INTAKE_IDS.ecog.actionId]: { type: 'number_input', value: '2' } });
    const m = values[INTAKE_IDS.stageM.blockId]?.[INTAKE_IDS.stageM.actionId] as {
      selected_option: { value: string };
    };
    expect(m.selected_option.value).toBe('M1a');
    const sites = values[INTAKE_IDS.sites.blockId]?.[INTAKE_IDS.sites.actionId] as {
      selected_options: { value: string }[];
    };
    expect(sites.selected_options.map((o) => o.value)).toEqual(['bone', 'liver']);
  });

  it('with strict triggers, views.open needs a fresh trigger_id', async () => {
    let now = 1_000_000;
    const fake = new SlackWebApiFake(undefined, { strictTriggers: true, now: () => now });
    const url = await fake.start();
    const open = async (trigger: string) => {
      const res = await fetch(`${url}/api/views.open`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ trigger_id: trigger, view: { type: 'modal', blocks: [] } }),
      });
      return (await res.json()) as { ok: boolean; error?: string };
    };
    try {
      expect(await open('made.up')).toMatchObject({ ok: false, error: 'invalid_trigger_id' });
      const fresh = fake.issueTrigger('U1');
      expect(await open(fresh)).toMatchObject({ ok: true });
      const stale = fake.issueTrigger('U1');
      now += 3001;
      expect(await open(stale)).toMatchObject({ ok: false, error: 'expired_trigger_id' });
    } finally {
      await fake.stop();
    }
  });
});
