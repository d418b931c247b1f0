import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/env.js';

const KEY = Buffer.alloc(32, 1).toString('base64');
const OLD = Buffer.alloc(32, 2).toString('base64url');
const oauth = {
  SLACK_SIGNING_SECRET: '0123456789abcdef',
  SLACK_CLIENT_ID: '123.456',
  SLACK_CLIENT_SECRET: 'client-secret-xyz',
  SLACK_STATE_SECRET: 'state-secret-0123456789',
};

describe('security settings', () => {
  it('requires TOKEN_ENCRYPTION_KEY for multi-workspace install', () => {
    const r = readConfig(oauth);
    expect(!r.ok && r.problems.join()).toMatch(/TOKEN_ENCRYPTION_KEY is missing/);
  });

  it('decodes the current and previous keys (base64 or base64url)', () => {
    const r = readConfig({
      ...oauth,
      TOKEN_ENCRYPTION_KEY: KEY,
      TOKEN_ENCRYPTION_KEY_PREVIOUS: `${OLD}, ${KEY}`,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.tokenKeys.current).toEqual(Buffer.alloc(32, 1));
    expect(r.config.tokenKeys.previous).toEqual([Buffer.alloc(32, 2), Buffer.alloc(32, 1)]);
  });

  it('refuses a key that is not 32 bytes, without echoing it', () => {
    const short = Buffer.alloc(16, 3).toString('base64');
    const r = readConfig({ TOKEN_ENCRYPTION_KEY: short, TOKEN_ENCRYPTION_KEY_PREVIOUS: 'not-a-key!' });
    expect(r.ok).toBe(false);
    const text = !r.ok ? r.problems.join('\n') : '';
    expect(text).toMatch(/TOKEN_ENCRYPTION_KEY must be 32 random bytes/);
    expect(text).toMatch(/TOKEN_ENCRYPTION_KEY_PREVIOUS each comma-separated key/);
    expect(text).not.toContain(short);
    expect(text).not.toContain('not-a-key!');
  });

  it('refuses a previous key without a current one', () => {
    const r = readConfig({ TOKEN_ENCRYPTION_KEY_PREVIOUS: OLD });
    expect(!r.ok && r.problems.join()).toMatch(/without TOKEN_ENCRYPTION_KEY/);
  });

  it('reads the API limits and names a bad one', () => {
    const r = readConfig({
      API_RATE_LIMIT_PER_MINUTE: '120',
      API_RATE_BURST: '5',
      API_MAX_CONCURRENT: '2',
      API_BODY_LIMIT_KB: '8',
      API_TEXT_LIMIT_CHARS: '5000',
    });
    expect(r.ok && r.config.api).toEqual({
      ratePerMinute: 120,
      burst: 5,
      maxConcurrent: 2,
      bodyLimitBytes: 8192,
      textLimitChars: 5000,
    });
    const bad = readConfig({ API_MAX_CONCURRENT: '0', API_BODY_LIMIT_KB: 'lots' });
    expect(!bad.ok && bad.problems.join('\n')).toMatch(
      /API_MAX_CONCURRENT must be 1–1000[\s\S]*API_BODY_LIMIT_KB/,
    );
  });
});
