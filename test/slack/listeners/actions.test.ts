// The answer buttons as plain functions with typed Bolt arguments: ack first, the case comes back from the
// button's value, and an unreadable case or a Slack refusal is reported once with its code.
import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/slack/blocks/action-ids.js';
import { checkView } from '../../../src/slack/blocks/check-message.js';
import { whatIfValue } from '../../../src/slack/blocks/what-if.js';
import { encodeCaseToken } from '../../../src/slack/case-token.js';
import { editCase } from '../../../src/slack/listeners/actions/edit-case.js';
import { recordDecision } from '../../../src/slack/listeners/actions/record-decision.js';
import { shareInChannel } from '../../../src/slack/listeners/actions/share-in-channel.js';
import { showEvidence } from '../../../src/slack/listeners/actions/show-evidence.js';
import { whatIf } from '../../../src/slack/listeners/actions/what-if.js';
import { whatIfBack } from '../../../src/slack/listeners/actions/what-if-back.js';
import { exampleInput, PUBLIC_EXAMPLES } from '../../support/public-examples.js';
import {
  buttonClickArgs,
  CHANNEL_ID,
  platformError,
  type Recorder,
  recorder,
  USER_ID,
} from '../support/listener-args.js';

const EX4 = PUBLIC_EXAMPLES[3]!;
const TOKEN = encodeCaseToken(exampleInput(EX4) as Record<string, unknown>) ?? '';
const BROKEN = '{"ecog": 9';

const kinds = (r: Recorder) => r.steps.map((s) => (s.kind === 'api' ? s.method : s.kind));
const said = (r: Recorder) => r.responses().map((m) => JSON.stringify(m));

describe('Details (show_evidence)', () => {
  it('acks, then opens Details for the case in the button as a modal, within the view limits', async () => {
    const r = recorder();
    await showEvidence(r.deps)(buttonClickArgs(r, ACTION_IDS.showEvidence, TOKEN));
    expect(kinds(r)).toEqual(['ack', 'views.open']);
    const view = r.client.callsOf('views.open')[0]?.view as ModalView;
    expect(checkView(view)).toEqual([]);
    expect(JSON.stringify(view)).toMatch(/30 Gy \/ 10 fx/);
    expect(JSON.stringify(view)).toContain('*Case as understood*');
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
    expect(JSON.stringify(posts[0])).toContain(`Shared by <@${USER_ID}>`);
    // The preview is replaced (its buttons gone), not followed by another message.
    const last = r.responses().at(-1) as { replace_original?: boolean; blocks?: unknown[] };
    expect(last.replace_original).toBe(true);
    expect(JSON.stringify(last)).toContain(`Shared in <#${CHANNEL_ID}>`);
    expect(JSON.stringify(last)).not.toContain(ACTION_IDS.shareInChannel);
    // Details once in the thread.
    expect(posts).toHaveLength(2);
    expect(posts[1]).toMatchObject({ thread_ts: expect.any(String) });
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

describe('What if', () => {
  const ex5 = PUBLIC_EXAMPLES[4]!;
  const token5 = encodeCaseToken(exampleInput(ex5) as Record<string, unknown>) ?? '';

  it('answers the case again with the value set, in place, marked "What if", with a way back', async () => {
    const r = recorder();
    await whatIf(r.deps)(
      buttonClickArgs(r, `${ACTION_IDS.whatIf}:driver-egfr`, whatIfValue('driver-egfr', token5)),
    );
    expect(kinds(r)).toEqual(['ack', 'respond']);
    const m = r.responses()[0] as {
      replace_original?: boolean;
      blocks: { type: string; text?: { text: string } }[];
    };
    expect(m.replace_original).toBe(true);
    expect(m.blocks[0]!.text!.text).toMatch(/^What if EGFR ex19del\? .*Recommended/);
    const back = JSON.stringify(m);
    expect(back).toContain(ACTION_IDS.whatIfBack);
    expect(back).not.toContain(ACTION_IDS.shareInChannel);

    const r2 = recorder();
    await whatIfBack(r2.deps)(buttonClickArgs(r2, ACTION_IDS.whatIfBack, token5));
    const again = r2.responses()[0] as { replace_original?: boolean; blocks: { text?: { text: string } }[] };
    expect(again.replace_original).toBe(true);
    expect(again.blocks[0]!.text!.text).toContain('Insufficient information');
  });

  it('never sets a value the case rules out (a gene reported negative), and says so once', async () => {
    const negative = encodeCaseToken({ stage: { m: 'M1c' }, negativeFor: ['EGFR'], ecog: 1 }) ?? '';
    const r = recorder();
    await whatIf(r.deps)(
      buttonClickArgs(r, `${ACTION_IDS.whatIf}:driver-egfr`, whatIfValue('driver-egfr', negative)),
    );
    expect(kinds(r)).toEqual(['ack', 'respond']);
    expect(said(r)[0]).toContain('E_CASE_TOKEN');
  });

  it('rejects an unknown what-if or a broken case with E_CASE_TOKEN', async () => {
    for (const value of ['nope|{}', `ecog-2|${BROKEN}`, 'no bar at all']) {
      const r = recorder();
      await whatIf(r.deps)(buttonClickArgs(r, `${ACTION_IDS.whatIf}:x`, value));
      expect(said(r)[0]).toContain('E_CASE_TOKEN');
    }
  });
});
