// Small pure pieces of the Slack layer.
import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { decodeCaseToken, encodeCaseToken, MAX_TOKEN_LENGTH } from '../../src/slack/case-token.js';
import { stripMentions } from '../../src/slack/listeners/events/app-mention.js';
import { explainSlackError } from '../../src/slack/slack-errors.js';

describe('case token', () => {
  it('round-trips structured facts', () => {
    const c = {
      driver: 'EGFR',
      egfrVariant: 'ex19del',
      metastases: { count: 3, organs: 2 },
      ecog: 1,
    } as const;
    const token = encodeCaseToken(c);
    expect(token?.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
    const back = decodeCaseToken(token);
    expect(back.ok && back.case).toMatchObject(c);
  });

  it.each([undefined, '', 'not json', '{"ecog": 9}', '[1,2]', 'x'.repeat(3000)])('rejects %s', (value) => {
    expect(decodeCaseToken(value).ok).toBe(false);
  });
});

describe('stripMentions', () => {
  it('removes user and bot mentions, keeping the question', () => {
    expect(stripMentions('<@UBOT> what dose <@U123|dr> for central?')).toBe('what dose for central?');
  });
});

describe('explainSlackError', () => {
  const platform = (error: string) =>
    Object.assign(new Error(error), { code: ErrorCode.PlatformError, data: { error } });

  it.each([
    ['not_in_channel', /invite/i],
    ['channel_not_found', /cannot see this channel/i],
    ['expired_trigger_id', /try again/i],
    ['invalid_blocks', /admin/i],
  ])('%s tells the user what to do', (code, advice) => {
    const e = explainSlackError(platform(code));
    expect(e.code).toBe(`E_SLACK_${code.toUpperCase()}`);
    expect(e.message).toMatch(advice);
  });

  it('gives network and unknown errors a code', () => {
    expect(explainSlackError(Object.assign(new Error('x'), { code: ErrorCode.RequestError })).code).toBe(
      'E_SLACK_UNREACHABLE',
    );
    expect(explainSlackError(new TypeError('boom')).code).toBe('E_INTERNAL');
  });
});
