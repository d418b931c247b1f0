// The audit export and the retention prune: the read and the delete that span consults, their decisions and the
// claims. The export streams in keyset pages (at, id), so memory stays flat whatever the table size and a row
// recorded during the export is either wholly in or out; the prune is one DELETE (decisions cascade).
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { type AuditDecision, type AuditRow, csvHeader, csvLine, jsonLine } from './audit-format.js';
import { deleteExpiredClaims } from './claims.js';
import { CONSULT_COLUMNS } from './consults.js';
import type { ConsultsTable, Database } from './schema.js';
import type { Store } from './types.js';
import { validate } from './validate.js';

export type AuditExportAggregate = Pick<Store, 'exportAudit' | 'pruneOlderThan'>;

const EXPORT_PAGE = 500;
const ExportOptionsSchema = z.object({ since: z.date(), format: z.enum(['csv', 'jsonl']) });

type ConsultRow = Selectable<ConsultsTable>;
type Cursor = { at: number; id: string };

async function exportAudit(
  db: Kysely<Database>,
  opts: unknown,
  write: (chunk: string) => void | Promise<void>,
): Promise<number> {
  const { since, format } = validate(ExportOptionsSchema, opts, 'export');
  if (format === 'csv') await write(csvHeader());
  let after: Cursor | undefined;
  let count = 0;
  for (;;) {
    const rows = await consultPage(db, since.getTime(), after);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    const byConsult = await decisionsOf(db, ids);
    for (const r of rows) {
      const row = toAuditRow(r, byConsult.get(r.id) ?? []);
      await write(format === 'csv' ? csvLine(row) : jsonLine(row));
      count++;
    }
    const last = rows[rows.length - 1]!;
    after = { at: Number(last.at_ms), id: last.id };
    if (rows.length < EXPORT_PAGE) break;
  }
  return count;
}

/** The next page of consults at or after `sinceMs`, strictly after the cursor, oldest first. */
function consultPage(
  db: Kysely<Database>,
  sinceMs: number,
  after: Cursor | undefined,
): Promise<ConsultRow[]> {
  let sel = db.selectFrom('consults').select(CONSULT_COLUMNS).where('at_ms', '>=', sinceMs);
  if (after) {
    const { at, id } = after;
    sel = sel.where((eb) => eb.or([eb('at_ms', '>', at), eb.and([eb('at_ms', '=', at), eb('id', '>', id)])]));
  }
  return sel.orderBy('at_ms').orderBy('id').limit(EXPORT_PAGE).execute();
}

/** The decisions on these consults, oldest first, grouped by consult id. */
async function decisionsOf(
  db: Kysely<Database>,
  consultIds: string[],
): Promise<Map<string, AuditDecision[]>> {
  const decisions = await db
    .selectFrom('decisions')
    .select(['id', 'consult_id', 'at_ms', 'user_id', 'outcome', 'reason', 'note'])
    .where('consult_id', 'in', consultIds)
    .orderBy('at_ms')
    .orderBy('id')
    .execute();
  const byConsult = new Map<string, AuditDecision[]>();
  for (const d of decisions) {
    const list = byConsult.get(d.consult_id) ?? [];
    list.push({
      id: d.id,
      at: isoOf(d.at_ms),
      userId: d.user_id,
      outcome: d.outcome,
      reason: d.reason,
      note: d.note,
    });
    byConsult.set(d.consult_id, list);
  }
  return byConsult;
}

async function pruneOlderThan(db: Kysely<Database>, now: () => Date, cutoff: Date): Promise<number> {
  validate(z.date(), cutoff, 'cutoff');
  // Decisions go with their consult (ON DELETE CASCADE): one statement, atomic in both dialects.
  const res = await db.deleteFrom('consults').where('at_ms', '<', cutoff.getTime()).executeTakeFirst();
  await deleteExpiredClaims(db, now().getTime());
  // Finished delivery jobs hold the same structured facts as their audit rows: they go with the same period.
  await db
    .deleteFrom('delivery_jobs')
    .where('state', '=', 'done')
    .where('done_at_ms', '<', cutoff.getTime())
    .execute();
  return Number(res.numDeletedRows);
}

function isoOf(msValue: number | string): string {
  return new Date(Number(msValue)).toISOString();
}

/** The stored JSON, or the raw text when it does not parse: the export shows a damaged row rather than stopping. */
function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toAuditRow(r: ConsultRow, decisions: AuditDecision[]): AuditRow {
  return {
    id: r.id,
    at: isoOf(r.at_ms),
    recordedAt: isoOf(r.recorded_at_ms),
    teamId: r.team_id,
    channelId: r.channel_id,
    userId: r.user_id,
    surface: r.surface,
    rulesetVersion: r.ruleset_version,
    verdict: r.verdict,
    flagCodes: parseJsonOr(r.flag_codes),
    citationIds: parseJsonOr(r.citation_ids),
    ruleIds: parseJsonOr(r.rule_ids),
    outputSha256: r.output_sha256,
    slackChannelId: r.slack_channel_id,
    slackThreadTs: r.slack_thread_ts,
    apiKeyName: r.api_key_name,
    case: parseJsonOr(r.case_json),
    decisions,
  };
}

export function auditExportAggregate(db: Kysely<Database>, now: () => Date): AuditExportAggregate {
  return {
    exportAudit: (opts, write) => exportAudit(db, opts, write),
    pruneOlderThan: (cutoff) => pruneOlderThan(db, now, cutoff),
  };
}
