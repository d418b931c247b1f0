// The real Bolt app, every surface, in one mode (app.test.ts: HTTP, signed requests to /slack/events;
// app-socket.test.ts: Socket Mode envelopes from the loopback peer), with the loopback Slack Web API fake and
// response_url out. Tests about signatures and HTTP routes run in HTTP mode only.
import type { ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appHomeOpened,
  appMention,
  blockActions,
  buttonClick,
  CHANNEL,
  event,
  form,
  globalShortcut,
  messageShortcut,
  slashCommand,
  USER,
  viewSubmission,
} from '../../src/playground/slack-requests.js';
import { ACTION_IDS } from '../../src/slack/blocks/action-ids.js';
import { checkMessage, checkView } from '../../src/slack/blocks/check-message.js';
import { GLOBAL_SHORTCUT_ID, MESSAGE_SHORTCUT_ID } from '../../src/slack/ids.js';
import { COMPLETE_CALLBACK_ID } from '../../src/slack/views/complete-modal.js';
import {
  INTAKE_CALLBACK_ID,
  INTAKE_FEWER_FACTS,
  INTAKE_FIELDS,
  INTAKE_IDS,
  INTAKE_MORE_FACTS,
  INTAKE_READ_SUMMARY,
  INTAKE_TOGGLE_BLOCK_ID,
} from '../../src/slack/views/intake-ids.js';
import { PUBLIC_EXAMPLES as PUBLIC } from '../support/public-examples.js';
import { buttonsOf, type Harness, type HarnessMode, startHarness } from './support/harness.js';
import { setNumber, setOption, simulateState } from './views/helpers.js';

const PUBLIC_EXAMPLES: [string, string][] = PUBLIC.map((e) => [e.text, e.verdictLabel]);

export function defineSurfaceSuite(mode: HarnessMode): void {
  describe(`the app in ${mode} mode`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ mode });
    });
    afterAll(async () => {
      await h.close();
    });

    type Blocks = {
      type: string;
      text?: { text: string };
      elements?: { action_id?: string; value?: string }[];
    }[];

    function allText(blocks: unknown[]): string {
      return JSON.stringify(blocks);
    }

    const buttons = buttonsOf;

    // Registered in HTTP mode only (not skipped in Socket Mode: these requests do not exist there).
    if (mode === 'http')
      describe('requests Slack did not sign (HTTP mode)', () => {
        it('rejects unsigned, wrong-secret and stale requests with 401 and no side effect', async () => {
          const before = h.slack.calls.length + h.slack.responses.length;
          const req = slashCommand('EGFR ex19del, oligometastatic', h.slack.newResponseUrl());
          expect((await h.send(req, { signature: null })).status).toBe(401);
          expect((await h.send(req, { signature: 'v0=deadbeef' })).status).toBe(401);
          const stale = Math.floor(Date.now() / 1000) - 10 * 60;
          expect((await h.send(req, { timestamp: stale })).status).toBe(401);
          await new Promise((r) => setTimeout(r, 100));
          expect(h.slack.calls.length + h.slack.responses.length).toBe(before);
        });

        it('answers url_verification with the challenge', async () => {
          const res = await h.send(event({ type: 'url_verification', challenge: 'c-123', token: 'legacy' }));
          expect(res.status).toBe(200);
          expect(res.body).toContain('c-123');
        });

        it('serves the JSON API beside /slack/events in HTTP mode', async () => {
          const res = await fetch(`${h.url}/api/v1/consult`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ case: { driver: 'none', metastases: { burden: 'poly' }, ecog: 1 } }),
          });
          expect(res.status).toBe(200);
          expect(((await res.json()) as { verdict: string }).verdict).toBe('not-recommended');
        });

        it('serves GET /healthz', async () => {
          const res = await fetch(`${h.url}/healthz`);
          expect(res.status).toBe(200);
          expect(await res.json()).toMatchObject({ ok: true, rulesetVersion: '2026.2.0' });
        });
      });

    describe('/thoracic-rt <case text>', () => {
      it.each(PUBLIC_EXAMPLES)(
        '"%s" → ack at once, then an ephemeral answer: %s',
        async (text, verdictLabel) => {
          const responseUrl = h.slack.newResponseUrl();
          const id = responseUrl.split('/').pop();
          const res = await h.send(slashCommand(text, responseUrl));
          expect(res.status).toBe(200);
          expect(res.body).toBe('');
          const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
          const body = answer.body as { response_type: string; text: string; blocks: unknown[] };
          expect(body.response_type).toBe('ephemeral');
          expect(body.text).toContain(verdictLabel);
          const header = (body.blocks as Blocks)[0];
          expect(header?.type).toBe('header');
          expect(header?.text?.text).toContain(verdictLabel);
          expect(checkMessage({ text: body.text, blocks: body.blocks as never })).toEqual([]);
          expect(allText(body.blocks)).toMatch(
            /<https:\/\/(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov|[^|>]+)[^|>]*\|/,
          );
          expect(allText(body.blocks)).toContain('2026.2.0');
          const ids = buttons(body.blocks).map((b) => b.action_id);
          expect(ids).toEqual(
            expect.arrayContaining([ACTION_IDS.shareInChannel, ACTION_IDS.editCase, ACTION_IDS.showEvidence]),
          );
          if (verdictLabel === 'Insufficient information') expect(ids).toContain(ACTION_IDS.completeCase);
        },
      );

      it('never echoes identifiers, says which kinds were removed, and logs no free text', async () => {
        const responseUrl = h.slack.newResponseUrl();
        const id = responseUrl.split('/').pop();
        const text =
          'Mr John Smith MRN 12345678 DOB 03/04/1961, EGFR ex19del, 2 bone mets, ECOG 1, zebra-marker';
        await h.send(slashCommand(text, responseUrl));
        const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
        const everything = JSON.stringify([answer.body, h.slack.calls]);
        for (const secret of ['Smith', '12345678', '03/04/1961', 'zebra-marker'])
          expect(everything).not.toContain(secret);
        expect(everything).toMatch(/identifier/i);
        expect(h.logs.join('\n')).not.toMatch(/Smith|12345678|zebra-marker|ex19del/);
      });

      it('help, evidence and topic questions work as subcommands', async () => {
        for (const [text, expected] of [
          ['help', /thoracic-rt/],
          ['evidence NROG-002', /39374473|NROG-002/],
          ['what dose for an ultracentral primary?', /60 Gy/],
        ] as const) {
          const responseUrl = h.slack.newResponseUrl();
          const id = responseUrl.split('/').pop();
          await h.send(slashCommand(text, responseUrl));
          const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
          expect(JSON.stringify(answer.body)).toMatch(expected);
        }
      });

      it('a topic answer is narrowed to the question, and its button opens the whole topic', async () => {
        const responseUrl = h.slack.newResponseUrl();
        const id = responseUrl.split('/').pop();
        await h.send(slashCommand('what dose for an ultracentral primary?', responseUrl));
        const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
        const text = JSON.stringify(answer.body);
        expect(text).toContain('60 Gy / 8 fx');
        expect(text).not.toContain('54 Gy / 3 fx');
        const all = buttons((answer.body as { blocks: unknown[] }).blocks).find(
          (b) => b.action_id === ACTION_IDS.topicDetails,
        );
        const opened = h.slack.callsOf('views.open').length;
        await h.send(buttonClick(ACTION_IDS.topicDetails, all!.value!, h.slack.newResponseUrl()));
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        expect(JSON.stringify(call.args.view)).toContain('54 Gy / 3 fx');
      });

      it('the form reads a pasted summary into its fields in place (views.update), without keeping the text', async () => {
        const opened = h.slack.callsOf('views.open').length;
        await h.send(slashCommand('form', h.slack.newResponseUrl()));
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        const view = call.args.view as ModalView;
        const stored = h.slack.views.at(-1)!;
        const values = simulateState(view);
        const summary = 'Mr John Smith, adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1';
        values[INTAKE_IDS.summary.blockId]![INTAKE_IDS.summary.actionId] = {
          type: 'plain_text_input',
          value: summary,
        };
        // An answer the summary does not touch is kept.
        setOption(values, 'brain', 'none');
        const updates = h.slack.callsOf('views.update').length;
        await h.send(
          blockActions({
            responseUrl: h.slack.newResponseUrl(),
            actions: [
              {
                type: 'button',
                action_id: INTAKE_READ_SUMMARY,
                block_id: 'intake_summary_actions',
              },
            ],
            view: { ...view, id: stored.id, hash: stored.hash, state: { values } },
          }),
        );
        const update = await h.slack.waitFor(() => h.slack.callsOf('views.update')[updates]);
        expect(update.args.view_id).toBe(stored.id);
        const updated = update.args.view as ModalView;
        const state = simulateState(updated);
        expect(JSON.stringify(state[INTAKE_IDS.driver.blockId])).toContain('EGFR:ex19del');
        expect(JSON.stringify(state[INTAKE_IDS.ecog.blockId])).toContain('"1"');
        expect(JSON.stringify(state[INTAKE_IDS.brain.blockId])).toContain('"none"');
        expect(JSON.stringify(updated)).not.toContain('Smith');
        expect(JSON.stringify(updated)).toMatch(/Identifiers were removed/);
      });

      it('form (or no text) opens the intake modal with channel and origin in private_metadata', async () => {
        const opened = h.slack.callsOf('views.open').length;
        await h.send(slashCommand('', h.slack.newResponseUrl(), 'trigger.form.1'));
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        expect(call.args.trigger_id).toBe('trigger.form.1');
        const view = call.args.view as ModalView;
        expect(view.callback_id).toBe(INTAKE_CALLBACK_ID);
        expect(JSON.parse(view.private_metadata ?? '{}')).toMatchObject({
          origin: 'command',
          channelId: CHANNEL.id,
        });
      });

      it('explains an expired trigger instead of failing silently', async () => {
        h.slack.failNext('views.open', { error: 'expired_trigger_id' });
        const responseUrl = h.slack.newResponseUrl();
        const id = responseUrl.split('/').pop();
        await h.send(slashCommand('form', responseUrl));
        const notice = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
        expect(JSON.stringify(notice.body)).toMatch(/try again/i);
        expect(JSON.stringify(notice.body)).toContain('E_SLACK_EXPIRED_TRIGGER_ID');
      });
    });

    async function previewFor(text: string) {
      const responseUrl = h.slack.newResponseUrl();
      const id = responseUrl.split('/').pop();
      await h.send(slashCommand(text, responseUrl));
      const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
      return buttons((answer.body as { blocks: unknown[] }).blocks);
    }

    describe('answer buttons', () => {
      it('Share in channel posts the answer in the channel and the evidence in its thread', async () => {
        const share = (await previewFor(PUBLIC_EXAMPLES[0]![0])).find(
          (b) => b.action_id === ACTION_IDS.shareInChannel,
        );
        const posted = h.slack.messages.length;
        const res = await h.send(
          buttonClick(ACTION_IDS.shareInChannel, share!.value!, h.slack.newResponseUrl()),
        );
        expect(res.status).toBe(200);
        const thread = await h.slack.waitFor(() => {
          const mine = h.slack.messages
            .slice(posted)
            .filter((m) => m.source === 'api' && m.channel === CHANNEL.id);
          return mine.length >= 2 ? mine : undefined;
        });
        const [parent, ...replies] = thread;
        expect(parent!.threadTs).toBeUndefined();
        expect(parent!.text).toContain('Recommended');
        for (const r of replies) expect(r.threadTs).toBe(parent!.ts);
        expect(JSON.stringify(replies.map((r) => r.blocks))).toMatch(/References|doi\.org/);
      });

      it('Share in channel explains not_in_channel and how to fix it', async () => {
        const share = (await previewFor(PUBLIC_EXAMPLES[1]![0])).find(
          (b) => b.action_id === ACTION_IDS.shareInChannel,
        );
        h.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
        const responseUrl = h.slack.newResponseUrl();
        const id = responseUrl.split('/').pop();
        await h.send(buttonClick(ACTION_IDS.shareInChannel, share!.value!, responseUrl));
        const notice = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
        expect(JSON.stringify(notice.body)).toMatch(/invite/i);
      });

      it('Edit case opens the modal prefilled with the case', async () => {
        const edit = (await previewFor(PUBLIC_EXAMPLES[0]![0])).find(
          (b) => b.action_id === ACTION_IDS.editCase,
        );
        const opened = h.slack.callsOf('views.open').length;
        await h.send(buttonClick(ACTION_IDS.editCase, edit!.value!, h.slack.newResponseUrl()));
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        const state = simulateState(call.args.view as ModalView);
        expect(JSON.stringify(state[INTAKE_IDS.driver.blockId])).toContain('ex19del');
      });

      it('Complete the case opens a small modal with only the missing facts, and answers the completed case', async () => {
        const complete = (await previewFor(PUBLIC_EXAMPLES[4]![0])).find(
          (b) => b.action_id === ACTION_IDS.completeCase,
        );
        const opened = h.slack.callsOf('views.open').length;
        await h.send(buttonClick(ACTION_IDS.completeCase, complete!.value!, h.slack.newResponseUrl()));
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        const view = call.args.view as ModalView;
        expect(view.callback_id).toBe(COMPLETE_CALLBACK_ID);
        expect(checkView(view)).toEqual([]);
        const inputs = view.blocks.filter((b) => b.type === 'input');
        expect(inputs.map((b) => b.block_id)).toEqual([INTAKE_IDS.driver.blockId]);

        const values = simulateState(view);
        values[INTAKE_IDS.driver.blockId]![INTAKE_IDS.driver.actionId] = {
          type: 'static_select',
          selected_option: { value: 'EGFR:ex19del' },
        };
        const before = h.slack.messages.length;
        const res = await h.send(viewSubmission(COMPLETE_CALLBACK_ID, values, view.private_metadata ?? ''));
        expect(res.status).toBe(200);
        const answer = await h.slack.waitFor(() =>
          h.slack.messages.slice(before).find((m) => m.ephemeralTo === USER.id),
        );
        expect(answer.text).toMatch(/^Recommended/);
      });

      it('Details opens the full evidence as a modal, within the view limits', async () => {
        const show = (await previewFor(PUBLIC_EXAMPLES[2]![0])).find(
          (b) => b.action_id === ACTION_IDS.showEvidence,
        );
        expect(JSON.stringify(show)).toContain('"Details"');
        const opened = h.slack.callsOf('views.open').length;
        await h.send(buttonClick(ACTION_IDS.showEvidence, show!.value!, h.slack.newResponseUrl()));
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        const view = call.args.view as ModalView;
        expect(checkView(view)).toEqual([]);
        expect(JSON.stringify(view)).toMatch(/NRG-LU002/);
      });

      it('a what-if answers the case again in place, and Back restores it', async () => {
        const buttonsNow = await previewFor(PUBLIC_EXAMPLES[4]![0]);
        const what = buttonsNow.find((b) => b.action_id === `${ACTION_IDS.whatIf}:driver-egfr`);
        expect(what).toBeDefined();
        const responseUrl = h.slack.newResponseUrl();
        const id = responseUrl.split('/').pop();
        await h.send(buttonClick(what!.action_id!, what!.value!, responseUrl));
        const changed = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
        expect(changed.body.replace_original).toBe(true);
        expect(JSON.stringify(changed.body)).toMatch(/What if EGFR ex19del\?/);
        const back = buttons((changed.body as { blocks: unknown[] }).blocks).find(
          (b) => b.action_id === ACTION_IDS.whatIfBack,
        );
        const backUrl = h.slack.newResponseUrl();
        const backId = backUrl.split('/').pop();
        await h.send(buttonClick(ACTION_IDS.whatIfBack, back!.value!, backUrl));
        const restored = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === backId));
        expect(JSON.stringify(restored.body)).toContain('Insufficient information');
        const header = (restored.body as { blocks: { text: { text: string } }[] }).blocks[0]!.text.text;
        expect(header).toMatch(/^:grey_question: Insufficient information/);
      });

      it('rejects a tampered case token with a clear message', async () => {
        const responseUrl = h.slack.newResponseUrl();
        const id = responseUrl.split('/').pop();
        await h.send(buttonClick(ACTION_IDS.showEvidence, '{"ecog": 9}', responseUrl));
        const notice = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
        expect(JSON.stringify(notice.body)).toContain('E_CASE_TOKEN');
      });
    });

    describe('intake modal submission', () => {
      async function openedModal(): Promise<ModalView> {
        const opened = h.slack.callsOf('views.open').length;
        await h.send(slashCommand('form', h.slack.newResponseUrl()));
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        return call.args.view as ModalView;
      }

      it('More facts expands the form in place (views.update) keeping every answer; Fewer facts keeps filled fields; submit answers', async () => {
        const responseUrl = h.slack.newResponseUrl();
        const opened = h.slack.callsOf('views.open').length;
        await h.send(slashCommand('form', responseUrl));
        const view = (await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened])).args
          .view as ModalView;
        const stored = h.slack.views.at(-1)!;
        const ids = (v: ModalView) => v.blocks.flatMap((b) => (b.type === 'input' ? [b.block_id] : []));
        expect(ids(view)).not.toContain(INTAKE_IDS.burden.blockId);
        expect(ids(view).length - 1).toBeLessThanOrEqual(12);
        const values = simulateState(view);
        setNumber(values, 'ecog', '1');
        setOption(values, 'stageM', 'M1c');
        setOption(values, 'driver', 'EGFR:ex19del');
        setOption(values, 'delivery', 'channel');
        const press = async (actionId: string, from: ModalView, state: typeof values) => {
          const updates = h.slack.callsOf('views.update').length;
          await h.send(
            blockActions({
              responseUrl: h.slack.newResponseUrl(),
              actions: [{ type: 'button', action_id: actionId, block_id: INTAKE_TOGGLE_BLOCK_ID }],
              view: {
                ...from,
                id: stored.id,
                hash: h.slack.views.find((v) => v.id === stored.id)!.hash,
                state: { values: state },
              },
            }),
          );
          const update = await h.slack.waitFor(() => h.slack.callsOf('views.update')[updates]);
          expect(update.args.view_id).toBe(stored.id);
          return update.args.view as ModalView;
        };

        const open = await press(INTAKE_MORE_FACTS, view, values);
        expect(checkView(open)).toEqual([]);
        expect(ids(open)).toEqual(INTAKE_FIELDS.map((f) => INTAKE_IDS[f].blockId));
        const carried = simulateState(open);
        const answer = (state: typeof values, f: keyof typeof INTAKE_IDS) => {
          const e = state[INTAKE_IDS[f].blockId]?.[INTAKE_IDS[f].actionId] as
            | { value?: string; selected_option?: { value: string } }
            | undefined;
          return e?.selected_option?.value ?? e?.value;
        };
        for (const f of ['ecog', 'stageM', 'driver', 'delivery'] as const)
          expect(answer(carried, f)).toBe(answer(values, f));
        expect(answer(carried, 'ecog')).toBe('1');

        setOption(carried, 'burden', 'oligo');
        const shut = await press(INTAKE_FEWER_FACTS, open, carried);
        expect(checkView(shut)).toEqual([]);
        // The burden holds an answer, so it stays; empty extra fields are hidden again.
        expect(ids(shut)).toContain(INTAKE_IDS.burden.blockId);
        expect(ids(shut)).not.toContain(INTAKE_IDS.stageT.blockId);

        const id = responseUrl.split('/').pop();
        const posted = h.slack.messages.length;
        const res = await h.send(
          viewSubmission(INTAKE_CALLBACK_ID, simulateState(shut), shut.private_metadata ?? '', {
            view: { ...shut, id: stored.id },
          }),
        );
        expect(res.status).toBe(200);
        expect(res.body).toBe('');
        // "Post in channel" was chosen before expanding, and survived both updates.
        const reply = await h.slack.waitFor(
          () =>
            h.slack.responses.find((r) => r.id === id) ??
            h.slack.messages.slice(posted).find((m) => m.channel === CHANNEL.id),
        );
        expect(JSON.stringify(reply)).toMatch(/definitive thoracic RT/i);
        expect(JSON.stringify(reply)).not.toMatch(/"ephemeral/);
      });

      it('returns field errors under their inputs (ECOG 7)', async () => {
        const view = await openedModal();
        const values = simulateState(view);
        setNumber(values, 'ecog', '7');
        const res = await h.send(viewSubmission(INTAKE_CALLBACK_ID, values, view.private_metadata ?? ''));
        expect(res.status).toBe(200);
        const body = JSON.parse(res.body);
        expect(body.response_action).toBe('errors');
        expect(body.errors[INTAKE_IDS.ecog.blockId]).toMatch(/ECOG/);
      });

      it('answers a valid case as an ephemeral preview in the channel it came from', async () => {
        const edit = (await previewFor(PUBLIC_EXAMPLES[0]![0])).find(
          (b) => b.action_id === ACTION_IDS.editCase,
        );
        const opened = h.slack.callsOf('views.open').length;
        await h.send(buttonClick(ACTION_IDS.editCase, edit!.value!, h.slack.newResponseUrl()));
        const view = (await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened])).args
          .view as ModalView;
        const ephemerals = h.slack.callsOf('chat.postEphemeral').length;
        const res = await h.send(
          viewSubmission(INTAKE_CALLBACK_ID, simulateState(view), view.private_metadata ?? ''),
        );
        expect(res.status).toBe(200);
        expect(res.body).toBe('');
        const call = await h.slack.waitFor(() => h.slack.callsOf('chat.postEphemeral')[ephemerals]);
        expect(call.args).toMatchObject({ channel: CHANNEL.id, user: USER.id });
        expect(String(call.args.text)).toContain('Recommended');
      });
    });

    describe('shortcuts and events', () => {
      it('message shortcut opens the modal prefilled from the message, answering in its thread', async () => {
        const opened = h.slack.callsOf('views.open').length;
        await h.send(
          messageShortcut(
            MESSAGE_SHORTCUT_ID,
            'Tumour board: adeno EGFR L858R, 2 bone mets, ECOG 1',
            h.slack.newResponseUrl(),
          ),
        );
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        const view = call.args.view as ModalView;
        expect(JSON.parse(view.private_metadata ?? '{}')).toMatchObject({
          origin: 'message-shortcut',
          channelId: CHANNEL.id,
          threadTs: '1790000000.000100',
        });
        const values = simulateState(view);
        expect(JSON.stringify(values[INTAKE_IDS.driver.blockId])).toContain('L858R');
        // Submitted, the answer is a visible reply in the message's thread (reply count, seen by everyone),
        // not an ephemeral message.
        const before = h.slack.messages.length;
        const posts = h.slack.callsOf('chat.postEphemeral').length;
        const res = await h.send(viewSubmission(INTAKE_CALLBACK_ID, values, view.private_metadata ?? ''));
        expect(res.status).toBe(200);
        const reply = await h.slack.waitFor(() =>
          h.slack.messages.slice(before).find((m) => m.threadTs === '1790000000.000100'),
        );
        expect(reply.ephemeralTo).toBeUndefined();
        expect(JSON.stringify(reply.blocks)).toContain(`Shared by <@${USER.id}>`);
        expect(h.slack.callsOf('chat.postEphemeral').length).toBe(posts);
      });

      it('global shortcut opens the blank modal', async () => {
        const opened = h.slack.callsOf('views.open').length;
        await h.send(globalShortcut(GLOBAL_SHORTCUT_ID));
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        expect((call.args.view as ModalView).callback_id).toBe(INTAKE_CALLBACK_ID);
      });

      it('@mention with a case answers in the thread', async () => {
        const before = h.slack.messages.length;
        const res = await h.send(
          appMention('<@UBOT> EGFR ex19del, 3 bone mets in 1 organ, ECOG 0, starting osimertinib'),
        );
        expect(res.status).toBe(200);
        const reply = await h.slack.waitFor(() =>
          h.slack.messages.slice(before).find((m) => m.channel === CHANNEL.id),
        );
        expect(reply.threadTs).toMatch(/^1790000010\./);
        expect(reply.text).toContain('Recommended');
      });

      it('@mention with a dose question answers by intent', async () => {
        const before = h.slack.messages.length;
        await h.send(appMention('<@UBOT> what dose for a central primary?'));
        const reply = await h.slack.waitFor(() =>
          h.slack.messages.slice(before).find((m) => m.channel === CHANNEL.id),
        );
        expect(JSON.stringify(reply.blocks)).toMatch(/Gy/);
      });

      it('App Home shows the ruleset version and example commands', async () => {
        const published = h.slack.callsOf('views.publish').length;
        await h.send(appHomeOpened());
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.publish')[published]);
        expect(call.args.user_id).toBe(USER.id);
        expect(JSON.stringify(call.args.view)).toContain('2026.2.0');
        expect(JSON.stringify(call.args.view)).toContain('/thoracic-rt');
      });

      it("App Home's New case button opens the intake form", async () => {
        const opened = h.slack.callsOf('views.open').length;
        await h.send(buttonClick(ACTION_IDS.newCaseHome, '', h.slack.newResponseUrl()));
        const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened]);
        expect((call.args.view as ModalView).callback_id).toBe(INTAKE_CALLBACK_ID);
      });

      if (mode === 'http')
        it('a malformed interactivity body gets a 4xx, not a crash', async () => {
          const res = await h.send(form({ payload: '{not json' }));
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        });
    });
  });
}
