import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/env.js';

describe('readConfig', () => {
  it('runs without Slack when nothing is set', () => {
    const r = readConfig({});
    expect(r).toEqual({
      ok: true,
      config: {
        mode: { kind: 'none' },
        port: 3000,
        slackApiUrl: undefined,
        logLevel: 'info',
        store: {},
        retentionYears: 6,
        api: {
          ratePerMinute: 60,
          burst: 20,
          maxConcurrent: 4,
          bodyLimitBytes: 100 * 1024,
          textLimitChars: 20_000,
        },
        tokenKeys: { current: undefined, previous: [] },
        delivery: { leaseMs: 10_000, concurrency: 4 },
      },
    });
  });

  it('chooses Socket Mode with a bot and an app token', () => {
    const r = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-xyz' });
    expect(r.ok && r.config.mode.kind).toBe('socket');
  });

  it('chooses HTTP mode with a bot token and a signing secret, and reads PORT and SLACK_API_URL', () => {
    const r = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: '0123456789abcdef',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
    });
    expect(r.ok && r.config).toMatchObject({
      mode: { kind: 'http' },
      port: 8080,
      slackApiUrl: 'http://127.0.0.1:9999/api/',
    });
  });

  it('treats blank variables as unset', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: '  ', PORT: '' })).toMatchObject({
      ok: true,
      config: { mode: { kind: 'none' } },
    });
  });

  it('names every malformed variable at once', () => {
    const r = readConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: '70000', SLACK_API_URL: 'not a url' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.join('\n');
    expect(text).toMatch(/SLACK_BOT_TOKEN .*xoxb-/);
    expect(text).toMatch(/PORT .*65535/);
    expect(text).toMatch(/SLACK_API_URL .*http/);
  });

  it('says which variable completes a half configuration', () => {
    const bot = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' });
    expect(!bot.ok && bot.problems.join()).toMatch(/SLACK_APP_TOKEN or SLACK_SIGNING_SECRET/);
    const secret = readConfig({ SLACK_SIGNING_SECRET: '0123456789abcdef' });
    expect(!secret.ok && secret.problems.join()).toMatch(/SLACK_BOT_TOKEN is missing/);
  });

  it('reads the store and retention settings', () => {
    const r = readConfig({ DATABASE_URL: 'postgres://app@db:5432/rt', AUDIT_RETENTION_YEARS: '10' });
    expect(r.ok && r.config).toMatchObject({
      store: { databaseUrl: 'postgres://app@db:5432/rt' },
      retentionYears: 10,
    });
    const bad = readConfig({ DATABASE_URL: 'mysql://x', AUDIT_RETENTION_YEARS: '0' });
    expect(!bad.ok && bad.problems.join('\n')).toMatch(/DATABASE_URL[\s\S]*AUDIT_RETENTION_YEARS/);
  });

  it('chooses multi-workspace HTTP mode with the three OAuth variables and a signing secret', () => {
    const oauth = {
      SLACK_SIGNING_SECRET: '0123456789abcdef',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret-xyz',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    const r = readConfig(oauth);
    expect(r.ok && r.config.mode.kind).toBe('http-oauth');
    const partial = readConfig({ SLACK_CLIENT_ID: '123.456' });
    expect(!partial.ok && partial.problems.join()).toMatch(/go together/);
  });

  it('never echoes a secret value in a problem message', () => {
    const r = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-supersecret',
      SLACK_APP_TOKEN: 'bad-app-token-supersecret',
    });
    expect(!r.ok && r.problems.join()).not.toContain('supersecret');
  });
});

describe('npm start with a misconfiguration', () => {
  it('exits 2 naming the variable, without a stack trace', { timeout: 30_000 }, async () => {
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
    };
    await expect(
      promisify(execFile)('npx', ['tsx', 'src/main/start.ts'], { env, encoding: 'utf8' }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Configuration problem[\s\S]*SLACK_APP_TOKEN or SLACK_SIGNING_SECRET/),
    });
  });
});
