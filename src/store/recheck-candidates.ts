// What the re-check reads back from the consults: every stored case with the verdict and deciding rules it got,
// oldest first. A case whose stored JSON cannot be read is still listed, with caseError set, so the re-check can
// report it as skipped instead of failing the whole run.
import type { Kysely } from 'kysely';
import { parseRecheckRow } from './rows.js';
import type { Database } from './schema.js';
import type { RecheckCandidate } from './types.js';

export async function listCasesForRecheck(db: Kysely<Database>): Promise<RecheckCandidate[]> {
  const rows = await db
    .selectFrom('consults')
    .select([
      'id',
      'at_ms',
      'team_id',
      'channel_id',
      'ruleset_version',
      'verdict',
      'timing',
      'rule_ids',
      'case_json',
      'slack_channel_id',
      'slack_thread_ts',
    ])
    .orderBy('at_ms')
    .orderBy('id')
    .execute();
  return rows.map(toRecheckCandidate);
}

function toRecheckCandidate(row: unknown): RecheckCandidate {
  const r = parseRecheckRow(row);
  let caseFacts: unknown;
  let caseError: string | null = null;
  try {
    caseFacts = JSON.parse(r.case_json);
  } catch {
    caseError = 'stored case is not valid JSON';
  }
  return {
    id: r.id,
    at: new Date(r.at_ms),
    teamId: r.team_id,
    channelId: r.channel_id,
    rulesetVersion: r.ruleset_version,
    verdict: r.verdict,
    timing: r.timing,
    ruleIds: stringsOf(r.rule_ids),
    case: caseFacts,
    caseError,
    slackChannelId: r.slack_channel_id,
    slackThreadTs: r.slack_thread_ts,
  };
}

/** The strings of a stored JSON array; anything unreadable gives none (the re-check then compares no rules). */
function stringsOf(json: string): string[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
