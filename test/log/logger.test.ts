import { describe, expect, it } from 'vitest';
import { boltLogger, createLog, scrub } from '../../src/log/logger.js';

describe('logger', () => {
  it('writes one JSON line per entry with level, message and fields', () => {
    const lines: string[] = [];
    createLog('info', (l) => lines.push(l)).info('consult', { verdict: 'consider' });
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', msg: 'consult', verdict: 'consider' });
    expect(typeof entry.time).toBe('string');
  });

  it('drops entries below the level', () => {
    const lines: string[] = [];
    const log = createLog('warn', (l) => lines.push(l));
    log.info('x');
    log.debug('y');
    expect(lines).toEqual([]);
  });

  it('scrubs Slack tokens from messages and fields', () => {
    const lines: string[] = [];
    createLog('info', (l) => lines.push(l)).error('failed with xoxb-123-456-abcdef', {
      token: 'xapp-1-A-secret',
    });
    expect(lines.join()).not.toMatch(/xoxb-123|xapp-1-A-secret/);
    expect(scrub('Bearer xoxp-9-9-zz')).toBe('Bearer [token]');
  });

  it("never forwards Bolt's debug output, which can contain payloads", () => {
    const lines: string[] = [];
    const bolt = boltLogger(
      createLog('debug', (l) => lines.push(l)),
      'debug',
    );
    bolt.debug('payload: {"text":"patient text"}');
    bolt.warn('a warning');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('a warning');
  });
});
