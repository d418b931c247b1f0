// Store configuration from the environment, and the small helpers the Slack wiring uses.
import { describe, expect, it } from 'vitest';
import {
  capNote,
  DECISION_REASON_INFO,
  DECISION_REASONS,
  redactUrl,
  storeOptionsFromEnv,
} from '../../src/store/index.js';

describe('storeOptionsFromEnv', () => {
  it('prefers DATABASE_URL, then SQLITE_PATH, else the embedded default', () => {
    expect(storeOptionsFromEnv({ DATABASE_URL: 'postgres://h/db', SQLITE_PATH: 'x.sqlite' })).toEqual({
      databaseUrl: 'postgres://h/db',
    });
    expect(
      storeOptionsFromEnv({ DATABASE_URL: ' ', SQLITE_PATH: 'x.sqlite', SQLITE_SYNCHRONOUS: 'FULL' }),
    ).toEqual({
      sqlitePath: 'x.sqlite',
      sqliteSynchronous: 'full',
    });
    expect(storeOptionsFromEnv({})).toEqual({});
    expect(() => storeOptionsFromEnv({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      /SQLITE_SYNCHRONOUS must be full or normal/,
    );
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
