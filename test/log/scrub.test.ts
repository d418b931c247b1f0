// The scrubber: no Slack token prefix, no connection-string password and no configured secret survives into
// a log line, whatever surrounds it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/env.js';
import { createLog, scrub } from '../../src/log/logger.js';
import { configSecrets } from '../../src/log/secrets.js';
import { redactUrl } from '../../src/store/index.js';

const PREFIXES = ['xoxb-', 'xoxp-', 'xoxe-', 'xoxe.', 'xapp-', 'xoxa-', 'xoxr-', 'xoxs-'];
const TOKEN_PREFIX = /xox[abeprs]-|xoxe\.|xapp-/;

describe('log scrubber', () => {
  it.each(PREFIXES)('removes %s tokens', (prefix) => {
    const token = `${prefix}1234-5678-AbCdEf`;
    expect(scrub(`call failed: ${token} (retry)`)).toBe('call failed: [token] (retry)');
  });

  it('removes rotating refresh tokens written as xoxe.xoxp-1-…', () => {
    expect(scrub('refresh xoxe.xoxp-1-Mi0yLTE0NTQ')).toBe('refresh [token]');
  });

  it('never lets a token prefix through, whatever surrounds it (property)', () => {
    const around = fc.string({ maxLength: 20 });
    const tail = fc.stringMatching(/^[A-Za-z0-9.-]{0,30}$/);
    fc.assert(
      fc.property(around, fc.constantFrom(...PREFIXES), tail, around, (a, p, t, b) => {
        const lines: string[] = [];
        createLog('info', (l) => lines.push(l)).error(`${a}${p}${t}${b}`, { detail: `${b}${p}${t}` });
        expect(lines.join('')).not.toMatch(TOKEN_PREFIX);
      }),
    );
  });

  it('removes connection-string passwords, in the userinfo and in the query', () => {
    const lines: string[] = [];
    const log = createLog('info', (l) => lines.push(l));
    log.info('pool error connecting to postgres://rt:s3cr%40t-pw@db:5432/rt');
    log.info('store open', {
      location: redactUrl('postgres://rt@db/rt?sslmode=require&password=hunter2-pw'),
    });
    log.info('store open', { location: redactUrl('postgresql://rt:hunter3-pw@db/rt') });
    const text = lines.join('');
    expect(text).not.toMatch(/s3cr|hunter2|hunter3/);
    expect(text).toContain('postgres://rt:***@db:5432/rt');
  });

  it('removes the signing secret, client secret and database password of the configuration', () => {
    const r = readConfig({
      SLACK_SIGNING_SECRET: 'signing-secret-0123456789',
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'client-secret-abcdef',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      DATABASE_URL: 'postgres://rt:pa55word-xyz@db/rt',
    });
    if (!r.ok) throw new Error(r.problems.join());
    const lines: string[] = [];
    const log = createLog('debug', (l) => lines.push(l), configSecrets(r.config));
    log.warn('signature mismatch using signing-secret-0123456789');
    log.error('oauth', { body: 'client_secret=client-secret-abcdef&state=state-secret-0123456789' });
    log.info('db', { note: 'password pa55word-xyz rejected' });
    const text = lines.join('');
    expect(text).not.toMatch(/signing-secret-0123|client-secret-abc|state-secret-0123|pa55word/);
    expect(text.match(/\[secret\]/g)).toHaveLength(4);
  });
});
