// Structured JSON logs on stderr. Callers pass codes and ids only: never free text, case text or tokens.
// Implements Bolt's Logger interface so the framework's own messages come out the same way.
import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { currentRequestId } from './request-context.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Log {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const SECRET = /\b(xox[abpr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)\b/g;

/** Tokens can reach us inside framework error messages; scrub them before anything is written. */
export function scrub(s: string): string {
  return s.replace(SECRET, '[token]');
}

export function createLog(level: Level, write: (line: string) => void = (l) => process.stderr.write(l)): Log {
  const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const requestId = currentRequestId();
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level: lvl,
      msg: scrub(msg),
      ...(requestId ? { requestId } : {}),
      ...fields,
    });
    write(`${scrub(line)}\n`);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

/** Adapts Log to Bolt's Logger. Bolt's debug output can include payloads, so it is dropped entirely. */
export function boltLogger(log: Log, level: Level): BoltLogger {
  let current = level as unknown as LogLevel;
  const join = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ');
  return {
    debug: () => {},
    info: (...m) => log.info(join(m), { source: 'bolt' }),
    warn: (...m) => log.warn(join(m), { source: 'bolt' }),
    error: (...m) => log.error(join(m), { source: 'bolt' }),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => {},
  };
}
