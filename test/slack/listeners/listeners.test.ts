// The listeners as plain functions, called with typed Bolt arguments (no HTTP, no signing): ack comes first,
// each route gets its own kind of reply, a failure is reported once with a code, and a mention's privacy notice
// goes to its author alone. The signed-HTTP tests in test/slack/app.test.ts drive the same listeners end to end.
import type { ModalView } from '@slack/types';
import { describe, expect, it, vi } from 'vitest';
import type { CaseInput } from '../../../src/engine/index.js';
import { thoracicRtCommand } from '../../../src/slack/listeners/commands/thoracic-rt.js';
import { appMention } from '../../../src/slack/listeners/events/app-mention.js';
import { assessMessage } from '../../../src/slack/listeners/shortcuts/assess-message.js';
import { newCase } from '../../../src/slack/listeners/shortcuts/new-case.js';
import { intakeSubmit } from '../../../src/slack/listeners/views/intake-submit.js';
import { INTAKE_CALLBACK_ID, INTAKE_IDS } from '../../../src/slack/views/intake-ids.js';
import { buildIntakeModal } from '../../../src/slack/views/intake-modal.js';
import { encodeMetadata } from '../../../src/slack/views/modal-metadata.js';
import { exampleInput, PUBLIC_EXAMPLES } from '../../support/public-examples.js';
import {
  appMentionArgs,
  CHANNEL_ID,
  globalShortcutArgs,
  messageShortcutArgs,
  platformError,
  type Recorder,
  recorder,
  slashCommandArgs,
  stateValues,
  USER_ID,
  viewSubmissionArgs,
} from '../support/listener-args.js';
import { setNumber, simulateState } from '../views/helpers.js';

const EX1 = PUBLIC_EXAMPLES[0]!;
const IDENTIFIED = 'Mr John Smith MRN 12345678, EGFR ex19del, 2 bone mets, ECOG 1, PET done';

const texts = (r: Recorder) => r.responses().map((m) => JSON.stringify(m));
const kinds = (r: Recorder) => r.steps.map((s) => (s.kind === 'api' ? s.method : s.kind));

describe('/thoracic-rt as a function', () => {
  it.each([
    ['help', /\/thoracic-rt/],
    ['evidence NROG-002', /NROG-002/],
    ['what dose for an ultracentral primary?', /60 Gy/],
    ['zebra crossing', /\/thoracic-rt help/],
    ['please assess', /could not find case facts/],
    [EX1.text, new RegExp(EX1.verdictLabel)],
  ])('"%s": ack first, then the reply through response_url', async (text, expected) => {
    const r = recorder();
    await thoracicRtCommand(r.deps)(slashCommandArgs(r, text));
    expect(r.steps[0]).toEqual({ kind: 'ack', response: undefined });
    expect(r.respond).toHaveBeenCalled();
    for (const m of r.responses())
      expect(m).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(texts(r).join('\n')).toMatch(expected);
    expect(r.client.callsOf('views.open')).toEqual([]);
  });

  it('the case answer is a preview with the verdict, and evidence and topic replies are not answers', async () => {
    const r = recorder();
    await thoracicRtCommand(r.deps)(slashCommandArgs(r, EX1.text));
    expect(texts(r).join('\n')).toMatch(/Share in channel|share_in_channel/);
    const topic = recorder();
    await thoracicRtCommand(topic.deps)(slashCommandArgs(topic, 'what dose for an ultracentral primary?'));
    expect(texts(topic).join('\n')).not.toMatch(/share_in_channel/);
  });

  it('"form" opens the intake modal (and says nothing through response_url)', async () => {
    const r = recorder();
    await thoracicRtCommand(r.deps)(slashCommandArgs(r, 'form'));
    expect(kinds(r)).toEqual(['ack', 'views.open']);
    const [open] = r.client.callsOf('views.open');
    expect(open?.trigger_id).toBe('trigger.unit.1');
    expect((open?.view as ModalView | undefined)?.callback_id).toBe(INTAKE_CALLBACK_ID);
    expect(r.respond).not.toHaveBeenCalled();
  });

  it('says in the answer which kinds of identifier were removed, naming the kinds and never the identifiers', async () => {
    const r = recorder();
    await thoracicRtCommand(r.deps)(slashCommandArgs(r, IDENTIFIED));
    const all = texts(r).join('\n');
    expect(all).toMatch(/Privacy:\* [^"]*names removed before reading/);
    expect(all).not.toMatch(/Smith|12345678/);
  });

  it('reports a failure once, with a code, when the form cannot open', async () => {
    const r = recorder();
    r.client.failNext('views.open', platformError('expired_trigger_id'));
    await thoracicRtCommand(r.deps)(slashCommandArgs(r, 'form'));
    expect(r.steps[0]?.kind).toBe('ack');
    expect(r.respond).toHaveBeenCalledTimes(1);
    expect(texts(r)[0]).toContain('E_SLACK_EXPIRED_TRIGGER_ID');
    expect(r.logs.join('\n')).toContain('E_SLACK_EXPIRED_TRIGGER_ID');
  });
});

describe('a mention as a function', () => {
  const posts = (r: Recorder) => r.client.callsOf('chat.postMessage');

  it.each([
    ['<@UBOT> help', /\/thoracic-rt/],
    ['<@UBOT> form', /\/thoracic-rt/],
    ['<@UBOT> evidence NROG-002', /NROG-002/],
    ['<@UBOT> what dose for an ultracentral primary?', /60 Gy/],
    ['<@UBOT> please assess', /could not find case facts/],
  ])('"%s": one reply in the thread, and no form (a mention has no trigger)', async (text, expected) => {
    const r = recorder();
    await appMention(r.deps)(appMentionArgs(r, text));
    expect(posts(r)).toHaveLength(1);
    expect(posts(r)[0]).toMatchObject({ channel: CHANNEL_ID, thread_ts: '1700000000.000100' });
    expect(JSON.stringify(posts(r)[0])).toMatch(expected);
    expect(r.client.callsOf('views.open')).toEqual([]);
  });

  it('answers a case in the thread it was asked in', async () => {
    const r = recorder();
    await appMention(r.deps)(appMentionArgs(r, `<@UBOT> ${EX1.text}`, { threadTs: '1699999999.000001' }));
    expect(posts(r)[0]).toMatchObject({ channel: CHANNEL_ID, thread_ts: '1699999999.000001' });
    expect(JSON.stringify(posts(r)[0])).toContain(EX1.verdictLabel);
  });

  it('sends the privacy notice to the author alone, before the answer, and never repeats the text', async () => {
    const r = recorder();
    await appMention(r.deps)(appMentionArgs(r, `<@UBOT> ${IDENTIFIED}`));
    const ephemerals = r.client.callsOf('chat.postEphemeral');
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]).toMatchObject({ channel: CHANNEL_ID, user: USER_ID });
    expect(JSON.stringify(ephemerals[0])).toContain('still visible in this channel');
    expect(kinds(r).indexOf('chat.postEphemeral')).toBeLessThan(kinds(r).indexOf('chat.postMessage'));
    expect(JSON.stringify(r.steps)).not.toMatch(/Smith|12345678/);
  });

  it('reports a failure once in the thread with a code, and gives up quietly when that fails too', async () => {
    const r = recorder();
    r.client.failNext('chat.postMessage', platformError('is_archived'));
    await appMention(r.deps)(appMentionArgs(r, `<@UBOT> ${EX1.text}`));
    expect(posts(r)).toHaveLength(2);
    expect(JSON.stringify(posts(r)[1])).toContain('E_SLACK_IS_ARCHIVED');
    expect(r.logs.join('\n')).toContain('E_SLACK_IS_ARCHIVED');

    const silent = recorder();
    silent.client.failNext('chat.postMessage', platformError('not_in_channel'));
    await expect(appMention(silent.deps)(appMentionArgs(silent, '<@UBOT> help'))).resolves.toBeUndefined();
    expect(silent.logs.join('\n')).toContain('E_SLACK_NOT_IN_CHANNEL');
  });
});

describe('the intake modal submitted, as a function', () => {
  const metadata = encodeMetadata({ origin: 'command', channelId: CHANNEL_ID, userId: USER_ID }).value;
  const values = (ecog?: string) => {
    const v = simulateState(buildIntakeModal({ metadata, initial: exampleInput(EX1) as CaseInput }));
    if (ecog !== undefined) setNumber(v, 'ecog', ecog);
    return stateValues(v);
  };

  it('acks with field errors under their inputs and posts nothing', async () => {
    const r = recorder();
    const args = viewSubmissionArgs(r, values('7'), metadata);
    await intakeSubmit(r.deps)(args);
    expect(args.ack).toHaveBeenCalledTimes(1);
    expect(args.ack.mock.calls[0]?.[0]).toMatchObject({
      response_action: 'errors',
      errors: { [INTAKE_IDS.ecog.blockId]: expect.stringMatching(/ECOG/) },
    });
    expect(kinds(r)).toEqual(['ack']);
  });

  it('acks first, then previews the answer to the user in the channel it came from', async () => {
    const r = recorder();
    const args = viewSubmissionArgs(r, values(), metadata);
    await intakeSubmit(r.deps)(args);
    expect(r.steps[0]).toEqual({ kind: 'ack', response: undefined });
    const ephemerals = r.client.callsOf('chat.postEphemeral');
    expect(ephemerals.length).toBeGreaterThan(0);
    expect(ephemerals[0]).toMatchObject({ channel: CHANNEL_ID, user: USER_ID });
    expect(JSON.stringify(ephemerals[0])).toContain(EX1.verdictLabel);
  });

  it('answers a form opened by the command through its response_url, not chat.postEphemeral', async () => {
    const urlMeta = encodeMetadata({
      origin: 'command',
      channelId: CHANNEL_ID,
      userId: USER_ID,
      responseUrl: 'https://hooks.slack.com/commands/T0/1/abc',
    }).value;
    const sent: { url: string; body: { replace_original?: boolean; text?: string } }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
      sent.push({ url, body: JSON.parse(init.body) });
      return new Response('ok', { status: 200 });
    });
    try {
      const r = recorder();
      await intakeSubmit(r.deps)(viewSubmissionArgs(r, values(), urlMeta));
      expect(sent).toHaveLength(1);
      expect(sent[0]!.url).toBe('https://hooks.slack.com/commands/T0/1/abc');
      expect(sent[0]!.body).toMatchObject({
        replace_original: false,
        text: expect.stringContaining(EX1.verdictLabel),
      });
      expect(r.client.callsOf('chat.postEphemeral')).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reports a failure to post once, with a code', async () => {
    const r = recorder();
    r.client.failNext('chat.postEphemeral', platformError('channel_not_found'));
    await intakeSubmit(r.deps)(viewSubmissionArgs(r, values(), metadata));
    const notices = r.client
      .callsOf('chat.postEphemeral')
      .filter((c) => JSON.stringify(c).includes('E_SLACK_'));
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0])).toContain('E_SLACK_CHANNEL_NOT_FOUND');
  });
});

describe('the shortcuts as functions', () => {
  it('the global shortcut acks, then opens a blank intake modal', async () => {
    const r = recorder();
    await newCase(r.deps)(globalShortcutArgs(r));
    expect(kinds(r)).toEqual(['ack', 'views.open']);
    expect(r.client.callsOf('views.open')[0]?.trigger_id).toBe('trigger.shortcut.1');
  });

  it('the global shortcut reports a failure once, by direct message, with a code', async () => {
    const r = recorder();
    r.client.failNext('views.open', platformError('expired_trigger_id'));
    await newCase(r.deps)(globalShortcutArgs(r));
    const dms = r.client.callsOf('chat.postMessage');
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatchObject({ channel: USER_ID });
    expect(JSON.stringify(dms[0])).toContain('E_SLACK_EXPIRED_TRIGGER_ID');
  });

  it('the message shortcut acks, then opens the modal prefilled from the message, without identifiers', async () => {
    const r = recorder();
    await assessMessage(r.deps)(messageShortcutArgs(r, IDENTIFIED));
    expect(kinds(r)).toEqual(['ack', 'views.open']);
    const view = r.client.callsOf('views.open')[0]?.view as ModalView;
    const shown = JSON.stringify(view);
    expect(shown).toContain('Identifiers were removed');
    expect(shown).not.toMatch(/Smith|12345678/);
    expect(JSON.parse(view.private_metadata ?? '{}')).toMatchObject({
      channelId: CHANNEL_ID,
      threadTs: '1700000000.000100',
    });
  });

  it('the message shortcut tells a suspected fact from a conflicting one', async () => {
    const r = recorder();
    await assessMessage(r.deps)(messageShortcutArgs(r, 'adenocarcinoma, ECOG 1, KPS 60, possible ILD on CT'));
    const shown = JSON.stringify(r.client.callsOf('views.open')[0]?.view);
    expect(shown).toMatch(/Conflicting facts left blank: [^.]*(ECOG|performance)/i);
    expect(shown).toMatch(/Named only as possible, left blank: [^"]*(ILD|interstitial)/i);
    const conflicting = shown.slice(shown.indexOf('Conflicting'), shown.indexOf('Named only'));
    expect(conflicting).not.toMatch(/ILD|interstitial/i);
  });

  it('the message shortcut reports a failure once through response_url, with a code', async () => {
    const r = recorder();
    r.client.failNext('views.open', platformError('exchanged_trigger_id'));
    await assessMessage(r.deps)(messageShortcutArgs(r, EX1.text));
    expect(r.respond).toHaveBeenCalledTimes(1);
    expect(texts(r)[0]).toContain('E_SLACK_EXCHANGED_TRIGGER_ID');
  });
});
