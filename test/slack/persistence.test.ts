// The Slack surfaces and the store together, in HTTP and Socket Mode: audit rows, idempotency across retries
// and double clicks, board decisions announced in the thread, and App Home history.
import type { ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appHomeOpened,
  buttonClick,
  CHANNEL,
  event,
  slashCommand,
  USER,
  viewSubmission,
} from '../../src/playground/slack-requests.js';
import { ACTION_IDS } from '../../src/slack/blocks/action-ids.js';
import { DECISION_CALLBACK_ID, DECISION_IDS } from '../../src/slack/views/decision-modal.js';
import { type Button, buttonsOf, HARNESS_MODES, type Harness, startHarness } from './support/harness.js';

describe.each(HARNESS_MODES)('%s mode', (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode });
  });
  afterAll(async () => {
    await h.close();
  });

  async function preview(text: string): Promise<Button[]> {
    const responseUrl = h.slack.newResponseUrl();
    const id = responseUrl.split('/').pop();
    await h.send(slashCommand(text, responseUrl, `trigger.${Math.random()}`));
    const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
    // The audit row is written with the job's completion, just after the answer reached Slack.
    await h.settle();
    return buttonsOf((answer.body as { blocks: unknown[] }).blocks);
  }

  describe('audit trail from Slack', () => {
    it('records a slash-command consult with facts only, never the text', async () => {
      await preview(
        'Mrs Jones MRN 55512345, adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, quokka-marker',
      );
      const rows = await h.store.listRecentConsults({ limit: 50 });
      const row = rows.find((r) => r.surface === 'slack-command' && r.verdict === 'recommended');
      expect(row).toMatchObject({
        teamId: 'T0TEST',
        channelId: CHANNEL.id,
        userId: USER.id,
        rulesetVersion: '2026.2.0',
      });
      expect(row?.case).toMatchObject({ driver: 'EGFR', egfrVariant: 'ex19del' });
      expect(row?.outputSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toMatch(/Jones|55512345|quokka/);
    });
  });

  describe('Share in channel, twice', () => {
    it('posts once and records one consult, however often it is clicked', async () => {
      const share = (
        await preview('EGFR L858R, oligometastatic, PR after 3 months osimertinib, ECOG 2')
      ).find((b) => b.action_id === ACTION_IDS.shareInChannel)!;
      const before = h.slack.callsOf('chat.postMessage').length;
      const first = h.slack.newResponseUrl();
      const second = h.slack.newResponseUrl();
      await Promise.all([
        h.send(buttonClick(ACTION_IDS.shareInChannel, share.value!, first)),
        h.send(buttonClick(ACTION_IDS.shareInChannel, share.value!, second)),
      ]);
      await h.slack.waitFor(
        () => h.slack.responses.filter((r) => [first, second].some((u) => u.endsWith(r.id))).length === 2,
      );
      const parents = h.slack
        .callsOf('chat.postMessage')
        .slice(before)
        .filter((c) => c.args.channel === CHANNEL.id && !c.args.thread_ts);
      expect(parents).toHaveLength(1);
      const notices = JSON.stringify(
        h.slack.responses.filter((r) => [first, second].some((u) => u.endsWith(r.id))),
      );
      expect(notices).toMatch(/already shared/i);
      await h.settle();
      const actions = (await h.store.listRecentConsults({ limit: 50 })).filter(
        (r) => r.surface === 'slack-action',
      );
      expect(actions).toHaveLength(1);
      expect(actions[0]?.slackChannelId).toBe(CHANNEL.id);
    });
  });

  describe('Record board decision', () => {
    it('opens the decision modal from the shared answer, stores the decision and announces it in the thread', async () => {
      const share = (
        await preview('squamous, no driver, 2 liver mets, after 4 cycles carbo/paclitaxel/pembro SD, ECOG 0')
      ).find((b) => b.action_id === ACTION_IDS.shareInChannel)!;
      const posted = h.slack.messages.length;
      await h.send(buttonClick(ACTION_IDS.shareInChannel, share.value!, h.slack.newResponseUrl()));
      const parent = await h.slack.waitFor(() =>
        h.slack.messages
          .slice(posted)
          .find((m) => m.channel === CHANNEL.id && !m.threadTs && m.source === 'api'),
      );
      // The consult the button names is recorded with the job's completion, right after the post.
      await h.settle();
      const decide = buttonsOf(parent.blocks).find((b) => b.action_id === ACTION_IDS.recordDecision);
      expect(decide?.value).toBeTruthy();

      const opened = h.slack.callsOf('views.open').length;
      const click = JSON.parse(
        new URLSearchParams(
          buttonClick(ACTION_IDS.recordDecision, decide!.value!, h.slack.newResponseUrl()).body,
        ).get('payload')!,
      );
      click.message = { ts: parent.ts, type: 'message' };
      click.container = { type: 'message', message_ts: parent.ts, channel_id: CHANNEL.id };
      await h.send({
        body: new URLSearchParams({ payload: JSON.stringify(click) }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      });
      const modal = (await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened])).args
        .view as ModalView;
      expect(modal.callback_id).toBe(DECISION_CALLBACK_ID);

      const missing = await h.send(
        viewSubmission(
          DECISION_CALLBACK_ID,
          {
            [DECISION_IDS.outcome.blockId]: {
              [DECISION_IDS.outcome.actionId]: { type: 'radio_buttons', selected_option: null },
            },
            [DECISION_IDS.reason.blockId]: {
              [DECISION_IDS.reason.actionId]: { type: 'static_select', selected_option: null },
            },
          },
          modal.private_metadata ?? '',
        ),
      );
      expect(JSON.parse(missing.body)).toMatchObject({ response_action: 'errors' });

      const values = {
        [DECISION_IDS.outcome.blockId]: {
          [DECISION_IDS.outcome.actionId]: { type: 'radio_buttons', selected_option: { value: 'accepted' } },
        },
        [DECISION_IDS.reason.blockId]: {
          [DECISION_IDS.reason.actionId]: {
            type: 'static_select',
            selected_option: { value: 'as-recommended' },
          },
        },
        [DECISION_IDS.note.blockId]: {
          [DECISION_IDS.note.actionId]: {
            type: 'plain_text_input',
            value: 'Discussed with Dr Emily Carter, SBRT after cycle 4',
          },
        },
      };
      const before = h.slack.messages.length;
      const res = await h.send(viewSubmission(DECISION_CALLBACK_ID, values, modal.private_metadata ?? ''));
      expect(res.status).toBe(200);
      expect(res.body).toBe('');
      const announce = await h.slack.waitFor(() =>
        h.slack.messages.slice(before).find((m) => m.threadTs === parent.ts),
      );
      expect(announce.text).toMatch(/Accepted/);
      expect(announce.text).not.toMatch(/Carter|SBRT after/);
      const decisions = await h.store.listDecisions({ userId: USER.id, limit: 5 });
      expect(decisions[0]).toMatchObject({ outcome: 'accepted', reason: 'as-recommended' });
      expect(decisions[0]?.note).not.toContain('Carter');
      expect((await h.store.concordance({ teamId: 'T0TEST' })).decisions).toBeGreaterThanOrEqual(1);
    });
  });

  describe('events and App Home', () => {
    it('answers a retried mention (same event_id) only once', async () => {
      const envelope = {
        token: 'legacy',
        team_id: 'T0TEST',
        api_app_id: 'A0APP',
        type: 'event_callback',
        event_id: 'Ev0RETRY1',
        event_time: 1_790_000_000,
        event: {
          type: 'app_mention',
          user: USER.id,
          text: '<@UBOT> EGFR ex19del, oligometastatic, ECOG 1',
          ts: '1790000099.000001',
          channel: CHANNEL.id,
          event_ts: '1790000099.000001',
        },
      };
      const before = h.slack.callsOf('chat.postMessage').length;
      await h.send(event(envelope));
      await h.send(event(envelope), {
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      });
      await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').length > before);
      await new Promise((r) => setTimeout(r, 300));
      const texts = h.slack
        .callsOf('chat.postMessage')
        .slice(before)
        .filter((c) => c.args.thread_ts === '1790000099.000001')
        .map((c) => String(c.args.text));
      // One answer (its first message, then its continuation): no text is posted twice.
      expect(texts.length).toBeGreaterThan(0);
      expect(new Set(texts).size).toBe(texts.length);
      expect(
        (await h.store.listRecentConsults({ limit: 50 })).filter((r) => r.surface === 'slack-mention'),
      ).toHaveLength(1);
    });

    it('App Home shows recent consults, decisions and the team concordance', async () => {
      const published = h.slack.callsOf('views.publish').length;
      await h.send(appHomeOpened());
      const view = JSON.stringify(
        (await h.slack.waitFor(() => h.slack.callsOf('views.publish')[published])).args.view,
      );
      expect(view).toContain('Recent consults');
      expect(view).toContain('Your board decisions');
      expect(view).toMatch(/concordance/i);
    });
  });
});
