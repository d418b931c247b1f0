// Arguments of `npm run audit:export` and `npm run audit:prune`, parsed into a command or a one-line usage error
// (never thrown), and the retention cutoff. The entry point is src/main/audit.ts.
import { parseArgs } from 'node:util';

export const DEFAULT_RETENTION_YEARS = 6;

export type AuditCommand =
  | { kind: 'help'; text: string }
  | { kind: 'export'; since: Date; format: 'csv' | 'jsonl' }
  | { kind: 'prune'; years: number };

export type AuditArgsResult = { ok: true; command: AuditCommand } | { ok: false; message: string };

export const EXPORT_USAGE = `Usage: npm run --silent audit:export -- --since 2026-01-01 [--format csv|jsonl]
Writes every consult recorded at or after --since (a date, or an ISO time with a zone), oldest first, with its
board decisions, to stdout. CSV (default) has one row per consult and its latest decision; JSONL has all of them.
The database: DATABASE_URL (PostgreSQL), else SQLITE_PATH, else data/thoracic-rt.sqlite.`;

export const PRUNE_USAGE = `Usage: npm run audit:prune -- [--older-than-years N]
Deletes consults (with their decisions) recorded more than N whole years ago, and expired idempotency claims.
N defaults to AUDIT_RETENTION_YEARS, else ${DEFAULT_RETENTION_YEARS} (HIPAA §164.316(b)(2)(i) keeps documentation 6 years).`;

/** `YYYY-MM-DD` (UTC midnight) or an ISO 8601 time with `Z` or an offset; anything else is undefined. */
export function parseSince(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(
    text.trim(),
  );
  if (!m) return undefined;
  const [, y, mo, d, time] = m;
  const date = new Date(time ? text.trim() : `${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject dates that JavaScript would roll over (2026-02-30 → March 2).
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (probe.getUTCMonth() !== Number(mo) - 1 || probe.getUTCDate() !== Number(d)) return undefined;
  return date;
}

function parseYears(text: string, what: string): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 100)
    return `${what} must be a whole number of years from 1 to 100`;
  return Number(t);
}

export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

export function parseAuditArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): AuditArgsResult {
  const [mode, ...rest] = argv;
  if (mode !== 'export' && mode !== 'prune') {
    return {
      ok: false,
      message: 'the first argument must be export or prune (use npm run audit:export / audit:prune)',
    };
  }
  let values: ReturnType<typeof parseArgs>['values'];
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options:
        mode === 'export'
          ? { since: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
          : { 'older-than-years': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (err) {
    return { ok: false, message: `${(err as Error).message.split('\n')[0]}. Run with --help for usage.` };
  }
  if (values.help)
    return { ok: true, command: { kind: 'help', text: mode === 'export' ? EXPORT_USAGE : PRUNE_USAGE } };

  if (mode === 'export') {
    if (typeof values.since !== 'string' || !values.since) {
      return { ok: false, message: '--since is required: a date such as 2026-01-01' };
    }
    const since = parseSince(values.since);
    if (!since) {
      return {
        ok: false,
        message: `--since must be a date such as 2026-01-01 or 2026-01-01T08:00:00Z (got "${values.since}")`,
      };
    }
    const format = values.format ?? 'csv';
    if (format !== 'csv' && format !== 'jsonl') {
      return { ok: false, message: `--format must be csv or jsonl (got "${String(format)}")` };
    }
    return { ok: true, command: { kind: 'export', since, format } };
  }

  const flag = values['older-than-years'];
  const fromEnv = env.AUDIT_RETENTION_YEARS?.trim();
  const years =
    typeof flag === 'string'
      ? parseYears(flag, '--older-than-years')
      : fromEnv
        ? parseYears(fromEnv, 'AUDIT_RETENTION_YEARS')
        : DEFAULT_RETENTION_YEARS;
  if (typeof years === 'string') return { ok: false, message: years };
  return { ok: true, command: { kind: 'prune', years } };
}
