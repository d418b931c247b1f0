// Rows read back are checked with zod before they feed logic: both dialects give the same records (BIGINT comes
// back from PostgreSQL as a string), and a damaged row fails loudly with its id instead of misleading a caller.
import { z } from 'zod';
import { VERDICTS } from '../engine/index.js';
import {
  type ConsultRecord,
  DECISION_OUTCOMES,
  DECISION_REASONS,
  type DecisionRecord,
  StoreError,
  SURFACES,
} from './types.js';

const ms = z.coerce.number().int().nonnegative();
const text = z.string().nullable();
const jsonText = <T extends z.ZodType>(inner: T) =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner);
const stringList = jsonText(z.array(z.string()));

export const ConsultRowSchema = z.object({
  id: z.string().min(1),
  idempotency_key: text,
  at_ms: ms,
  recorded_at_ms: ms,
  team_id: text,
  channel_id: text,
  user_id: text,
  surface: z.enum(SURFACES),
  ruleset_version: z.string().min(1),
  case_json: jsonText(z.record(z.string(), z.unknown())),
  verdict: z.enum(VERDICTS),
  flag_codes: stringList,
  citation_ids: stringList,
  rule_ids: stringList,
  output_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  slack_channel_id: text,
  slack_thread_ts: text,
  api_key_name: text.optional(),
});

export const DecisionRowSchema = z.object({
  id: z.string().min(1),
  consult_id: z.string().min(1),
  at_ms: ms,
  recorded_at_ms: ms,
  user_id: text,
  outcome: z.enum(DECISION_OUTCOMES),
  reason: z.enum(DECISION_REASONS),
  note: text,
  team_id: text,
  verdict: z.enum(VERDICTS),
});

export const RecheckRowSchema = z.object({
  id: z.string().min(1),
  at_ms: ms,
  team_id: text,
  channel_id: text,
  ruleset_version: z.string(),
  verdict: z.string(),
  timing: text,
  rule_ids: z.string(),
  case_json: z.string(),
  slack_channel_id: text,
  slack_thread_ts: text,
});

function parseRow<T extends z.ZodType>(schema: T, row: unknown, table: string): z.output<T> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const id = (row as { id?: unknown } | undefined)?.id;
  const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(row)'} ${i.message}`).join('; ');
  throw new StoreError('bad-row', `${table} row ${String(id)} is malformed: ${where}`);
}

export function toConsultRecord(row: unknown): ConsultRecord {
  const r = parseRow(ConsultRowSchema, row, 'consults');
  return {
    id: r.id,
    idempotencyKey: r.idempotency_key,
    at: new Date(r.at_ms),
    recordedAt: new Date(r.recorded_at_ms),
    teamId: r.team_id,
    channelId: r.channel_id,
    userId: r.user_id,
    surface: r.surface,
    rulesetVersion: r.ruleset_version,
    case: r.case_json,
    verdict: r.verdict,
    flagCodes: r.flag_codes,
    citationIds: r.citation_ids,
    ruleIds: r.rule_ids,
    outputSha256: r.output_sha256,
    slackChannelId: r.slack_channel_id,
    slackThreadTs: r.slack_thread_ts,
    apiKeyName: r.api_key_name ?? null,
  };
}

export function toDecisionRecord(row: unknown): DecisionRecord {
  const r = parseRow(DecisionRowSchema, row, 'decisions');
  return {
    id: r.id,
    consultId: r.consult_id,
    at: new Date(r.at_ms),
    recordedAt: new Date(r.recorded_at_ms),
    userId: r.user_id,
    outcome: r.outcome,
    reason: r.reason,
    note: r.note,
    teamId: r.team_id,
    verdict: r.verdict,
  };
}

export function parseRecheckRow(row: unknown): z.output<typeof RecheckRowSchema> {
  return parseRow(RecheckRowSchema, row, 'consults');
}
