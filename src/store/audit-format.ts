// Audit export lines: CSV (RFC 4180: every field that holds a comma, quote, CR or LF is quoted, quotes doubled,
// CRLF line ends) and JSON Lines. Values come from the stored row as they are, apart from times (ISO 8601 UTC).
import { canonicalJson } from './canonical.js';

export interface AuditDecision {
  id: string;
  at: string;
  userId: string | null;
  outcome: string;
  reason: string;
  note: string | null;
}

export interface AuditRow {
  id: string;
  at: string;
  recordedAt: string;
  teamId: string | null;
  channelId: string | null;
  userId: string | null;
  surface: string;
  rulesetVersion: string;
  verdict: string;
  flagCodes: unknown;
  citationIds: unknown;
  ruleIds: unknown;
  outputSha256: string;
  slackChannelId: string | null;
  slackThreadTs: string | null;
  /** The API key's name for consults from the JSON API. */
  apiKeyName: string | null;
  /** The stored case JSON, parsed; the raw text when it is not valid JSON. */
  case: unknown;
  decisions: AuditDecision[];
}

export const CSV_COLUMNS = [
  'id',
  'at',
  'recorded_at',
  'team_id',
  'channel_id',
  'user_id',
  'surface',
  'ruleset_version',
  'verdict',
  'flag_codes',
  'citation_ids',
  'rule_ids',
  'output_sha256',
  'slack_channel_id',
  'slack_thread_ts',
  'case_json',
  'decision_count',
  'last_decision_at',
  'last_decision_user_id',
  'last_decision_outcome',
  'last_decision_reason',
  'last_decision_note',
  // Appended (not inserted) so that readers of the earlier column order keep working.
  'api_key_name',
] as const;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula: free text gets a leading
 * apostrophe in CSV so that opening the export cannot execute anything. JSONL keeps the text as stored. */
export function neutraliseFormula(s: string | null): string | null {
  return s !== null && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const list = (v: unknown) => (Array.isArray(v) ? v.join(';') : canonicalJson(v));

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvLine(r: AuditRow): string {
  const last = r.decisions[r.decisions.length - 1];
  const fields = [
    r.id,
    r.at,
    r.recordedAt,
    r.teamId,
    r.channelId,
    r.userId,
    r.surface,
    r.rulesetVersion,
    r.verdict,
    list(r.flagCodes),
    list(r.citationIds),
    list(r.ruleIds),
    r.outputSha256,
    r.slackChannelId,
    r.slackThreadTs,
    typeof r.case === 'string' ? r.case : canonicalJson(r.case),
    r.decisions.length,
    last?.at ?? null,
    last?.userId ?? null,
    last?.outcome ?? null,
    last?.reason ?? null,
    neutraliseFormula(last?.note ?? null),
    r.apiKeyName,
  ];
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function jsonLine(r: AuditRow): string {
  return `${JSON.stringify(r)}\n`;
}
