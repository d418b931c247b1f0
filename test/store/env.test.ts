// Store configuration from the environment (read by the one config module), and the small store helpers.
import { describe, expect, it } from 'vitest';
import { readToolConfig } from '../../src/config/env.js';
import { capNote, DECISION_REASON_INFO, DECISION_REASONS, redactUrl } from '../../src/store/index.js';

describe('store configuration of the command-line tools', () => {
  it('reads DATABASE_URL, SQLITE_PATH and SQLITE_SYNCHRONOUS; blank values count as unset', () => {
    expect(readToolConfig({ DATABASE_URL: 'postgres://h/db' })).toMatchObject({
      ok: true,
      config: { store: { databaseUrl: 'postgres://h/db' } },
    });
    expect(
      readToolConfig({ DATABASE_URL: ' ', SQLITE_PATH: 'x.sqlite', SQLITE_SYNCHRONOUS: 'full' }),
    ).toMatchObject({ ok: true, config: { store: { sqlitePath: 'x.sqlite', sqliteSynchronous: 'full' } } });
    expect(readToolConfig({})).toMatchObject({ ok: true, config: { store: {} } });
    const bad = readToolConfig({ SQLITE_SYNCHRONOUS: 'off' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.problems.join()).toMatch(/SQLITE_SYNCHRONOUS must be full or normal/);
  });

  it('rejects a malformed bot token or API URL for the tools, naming the variable', () => {
    const bad = readToolConfig({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_API_URL: 'nope' });
    expect(bad.ok ? '' : bad.problems.join('\n')).toMatch(/SLACK_BOT_TOKEN[\s\S]*SLACK_API_URL/);
  });

  it('never shows a database password', () => {
    expect(redactUrl('postgres://app:s3cret@db:5432/rt')).toBe('postgres://app:***@db:5432/rt');
  });

  it('trims and caps notes; every reason has a label', () => {
    expect(capNote('   ')).toBeNull();
    expect(capNote(undefined)).toBeNull();
    expect(capNote(' ok ')).toBe('ok');
    for (const r of DECISION_REASONS) expect(DECISION_REASON_INFO[r].label.length).toBeGreaterThan(0);
  });
});
