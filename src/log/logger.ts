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

/** Every Slack token shape: bot, user, refresh (xoxe-, and xoxe.xoxp- rotating tokens), app-level, legacy
 * workspace (xoxa-), refresh (xoxr-) and session (xoxs-) tokens, whatever follows the prefix. */
const SLACK_TOKEN = /(?:xox[abeprs]-|xoxe\.|xapp-)[A-Za-z0-9._-]*/g;
/** user:password@ in any URL (connection strings), and password= in query strings. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s@"/]*@/gi;
const QUERY_PASSWORD = /([?&](?:password|pass|pwd|sslpassword)=)[^&\s"]*/gi;

/** Tokens and passwords can reach us inside framework error messages; scrub them before anything is written.
 * `secrets` are exact values known at start-up (the signing secret, the client secret, the database password). */
export function scrub(s: string, secrets: readonly string[] = []): string {
  let out = s
    .replace(SLACK_TOKEN, '[token]')
    .replace(URL_PASSWORD, '$1***@')
    .replace(QUERY_PASSWORD, '$1***');
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[secret]');
  return out;
}

export function createLog(
  level: Level,
  write: (line: string) => void = (l) => process.stderr.write(l),
  secrets: readonly string[] = [],
): Log {
  // JSON escaping can change how a secret reads inside a line: scrub both spellings.
  const known = [...new Set(secrets.flatMap((x) => [x, JSON.stringify(x).slice(1, -1)]))];
  const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const requestId = currentRequestId();
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level: lvl,
      msg: scrub(msg, known),
      ...(requestId ? { requestId } : {}),
      ...fields,
    });
    write(`${scrub(line, known)}\n`);
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
