// One response_url message per answer: a slash command's later messages (the privacy notice after a topic
// answer or an empty-case notice) are folded into its first, within Slack's message budgets, so the
// replace_original resend after a crash covers the whole answer; what does not fit stays separate, in order.
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { RULESET } from '../../src/engine/index.js';
import { checkMessage } from '../../src/slack/blocks/check-message.js';
import { LIMITS } from '../../src/slack/blocks/limits-table.js';
import type { SlackMessage } from '../../src/slack/blocks/types.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { foldMessages } from '../../src/slack/queue/fold-messages.js';
import { JOB_KINDS } from '../../src/slack/queue/kinds/index.js';
import type { JobContext, Part } from '../../src/slack/queue/registry.js';

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const msg = (text: string, n = 1, size = 10): SlackMessage => ({
  text,
  blocks: Array.from({ length: n }, (_, i) => section(`${text} ${i} ${'x'.repeat(size)}`)),
});

describe('foldMessages', () => {
  it('folds the later messages into the first, after a divider, with both fallbacks', () => {
    const [one, ...rest] = foldMessages([msg('card', 3), msg('privacy')]);
    expect(rest).toEqual([]);
    expect(one!.blocks.map((b) => b.type)).toEqual(['section', 'section', 'section', 'divider', 'section']);
    expect(one!.text).toBe('card\n\nprivacy');
  });

  it('keeps a message that would pass the block count, and everything after it, separate and in order', () => {
    const out = foldMessages([msg('card', LIMITS.messageBlocks - 2), msg('big', 2), msg('small')]);
    expect(out.map((m) => m.text)).toEqual(['card', 'big', 'small']);
    expect(foldMessages([msg('card', LIMITS.messageBlocks - 2), msg('fits')])).toHaveLength(1);
  });

  it('keeps a message that would pass the text budget separate', () => {
    const half = Math.ceil(LIMITS.messageTextBudget / 2);
    expect(foldMessages([msg('a', 1, half), msg('b', 1, half)]).map((m) => m.text)).toEqual(['a', 'b']);
  });

  it('leaves one message, or none, as it is', () => {
    const one = msg('only');
    expect(foldMessages([one])).toEqual([one]);
    expect(foldMessages([])).toEqual([]);
  });
});

describe("a slash command's reply with a privacy notice", () => {
  const kind = JOB_KINDS.get('command-reply')!;
  const ctx = {
    deps: { ruleset: RULESET, intents: [] } as unknown as SlackDeps,
    jobId: 'j1',
    idempotencyKey: 'command:t1',
    createdAt: new Date('2026-11-27T07:00:00Z'),
    target: { responseUrl: 'https://hooks.slack.com/commands/T1/1/x', channel: 'C1', user: 'U1' },
  } satisfies JobContext;
  const reading = { identifiersRemoved: ['name', 'mrn'], conflicts: [], ignoredCount: 0 };

  it.each([
    ['a topic question', { route: 'topic', topic: 'dose', ...reading }],
    ['nothing usable', { route: 'empty', ...reading }],
  ])('%s: one response_url message holding the notice, resent with replace_original', async (_n, p) => {
    const { parts } = await kind.plan(kind.payload.parse(p), ctx);
    expect(parts).toHaveLength(1);
    const part = parts[0] as Extract<Part, { via: 'response_url' }>;
    expect(part).toMatchObject({ via: 'response_url', replaceOnResend: true });
    expect(JSON.stringify(part.message.blocks)).toMatch(/Identifiers \(.+\) were removed/);
    expect(part.message.blocks.length).toBeGreaterThan(2);
    expect(checkMessage(part.message)).toEqual([]);
  });
});
