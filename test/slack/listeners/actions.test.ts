// The answer buttons as plain functions with typed Bolt arguments: ack first, the case comes back from the
// button's value, and an unreadable case or a Slack refusal is reported once with its code.
import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/slack/blocks/action-ids.js';
import { encodeCaseToken } from '../../../src/slack/case-token.js';
import { editCase } from '../../../src/slack/listeners/actions/edit-case.js';
import { recordDecision } from '../../../src/slack/listeners/actions/record-decision.js';
import { shareInChannel } from '../../../src/slack/listeners/actions/share-in-channel.js';
import { showEvidence } from '../../../src/slack/listeners/actions/show-evidence.js';
import { exampleInput, PUBLIC_EXAMPLES } from '../../support/public-examples.js';
import {
  buttonClickArgs,
  CHANNEL_ID,
  platformError,
  type Recorder,
  recorder,
} from '../support/listener-args.js';

const EX4 = PUBLIC_EXAMPLES[3]!;
const TOKEN = encodeCaseToken(exampleInput(EX4) as Record<string, unknown>) ?? '';
const BROKEN = '{"ecog": 9';

const kinds = (r: Recorder) => r.steps.map((s) => (s.kind === 'api' ? s.method : s.kind));
const said = (r: Recorder) => r.responses().map((m) => JSON.stringify(m));

describe('Show evidence', () => {
  it('acks, then sends the full evidence for the case in the button to the asker', async () => {
    const r = recorder();
    await showEvidence(r.deps)(buttonClickArgs(r, ACTION_IDS.showEvidence, TOKEN));
    expect(r.steps[0]?.kind).toBe('ack');
    expect(r.responses().length).toBeGreaterThan(0);
    for (const m of r.responses()) expect(m.response_type).toBe('ephemeral');
    expect(said(r).join('\n')).toMatch(/palliative-indication|30 Gy \/ 10 fx/);
  });

  it.each([
    ['show evidence', showEvidence],
    ['edit case', (deps: Recorder['deps']) => editCase(deps)],
  ])('%s: an unreadable case is reported once with E_CASE_TOKEN', async (_name, listener) => {
    const r = recorder();
    await listener(r.deps)(buttonClickArgs(r, ACTION_IDS.showEvidence, BROKEN));
    expect(kinds(r)).toEqual(['ack', 'respond']);
    expect(said(r)[0]).toContain('E_CASE_TOKEN');
  });
});

describe('Edit case', () => {
  it('acks, then opens the intake modal prefilled with the case and the given notice', async () => {
    const r = recorder();
    await editCase(r.deps, 'Fill in what is missing')(buttonClickArgs(r, ACTION_IDS.editCase, TOKEN));
    expect(kinds(r)).toEqual(['ack', 'views.open']);
    const view = r.client.callsOf('views.open')[0]?.view as ModalView | undefined;
    expect(JSON.stringify(view)).toContain('Fill in what is missing');
    expect(JSON.parse(view?.private_metadata ?? '{}')).toMatchObject({
      origin: 'action',
      channelId: CHANNEL_ID,
    });
  });

  it('reports a refused modal once, with a code', async () => {
    const r = recorder();
    r.client.failNext('views.open', platformError('expired_trigger_id'));
    await editCase(r.deps)(buttonClickArgs(r, ACTION_IDS.editCase, TOKEN));
    expect(r.respond).toHaveBeenCalledTimes(1);
    expect(said(r)[0]).toContain('E_SLACK_EXPIRED_TRIGGER_ID');
  });
});

describe('Share in channel', () => {
  it('acks, posts the answer in the channel, then confirms to the user', async () => {
    const r = recorder();
    await shareInChannel(r.deps)(buttonClickArgs(r, ACTION_IDS.shareInChannel, TOKEN));
    expect(r.steps[0]?.kind).toBe('ack');
    const posts = r.client.callsOf('chat.postMessage');
    expect(posts[0]).toMatchObject({ channel: CHANNEL_ID });
    expect(JSON.stringify(posts[0])).toContain(EX4.verdictLabel);
    expect(said(r).at(-1)).toContain('Shared in the channel');
  });

  it('reports a refusal once, with a code, and does not claim it was shared', async () => {
    const r = recorder();
    r.client.failNext('chat.postMessage', platformError('not_in_channel'));
    await shareInChannel(r.deps)(buttonClickArgs(r, ACTION_IDS.shareInChannel, TOKEN));
    expect(r.respond).toHaveBeenCalledTimes(1);
    expect(said(r)[0]).toContain('E_SLACK_NOT_IN_CHANNEL');
    expect(said(r).join('\n')).not.toContain('Shared in');
  });
});

describe('Record decision', () => {
  it('without the consult in the audit trail, says so once with E_NO_CONSULT and opens nothing', async () => {
    const r = recorder();
    await recordDecision(r.deps)(buttonClickArgs(r, ACTION_IDS.recordDecision, 'no-such-consult'));
    expect(kinds(r)).toEqual(['ack', 'respond']);
    expect(said(r)[0]).toContain('E_NO_CONSULT');
  });
});
