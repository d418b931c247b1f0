// Re-check on new evidence: re-evaluate every stored case with the current ruleset and list the consults whose
// verdict or timing changed. Answers are compared, not ruleset versions, so a change is reported even when the
// version was not bumped; a row recorded before timings were stored is compared on the verdict only; a stored
// case the engine no longer accepts is listed as skipped, never dropped.
import { evaluate, RULESET_VERSION } from '../engine/index.js';
import type { RecheckCandidate, Store } from '../store/types.js';

export interface VerdictChange {
  consultId: string;
  at: Date;
  teamId: string | null;
  channelId: string | null;
  slackChannelId: string | null;
  slackThreadTs: string | null;
  storedRulesetVersion: string;
  rulesetVersion: string;
  oldVerdict: string;
  newVerdict: string;
  /** null when the stored consult has no timing (recorded before it was stored). */
  oldTiming: string | null;
  newTiming: string;
  /** The rules that decided the stored verdict (as recorded with it). */
  oldRuleIds: string[];
  /** The rules that decide the verdict now (the engine's decidedBy: verdict rule, then modifiers that changed it). */
  newRuleIds: string[];
}

export interface SkippedCase {
  consultId: string;
  at: Date;
  storedRulesetVersion: string;
  reason: string;
}

export interface RecheckResult {
  rulesetVersion: string;
  checked: number;
  unchanged: number;
  changes: VerdictChange[];
  skipped: SkippedCase[];
}

export type CaseComparison =
  | { kind: 'unchanged' }
  | { kind: 'changed'; change: VerdictChange }
  | { kind: 'skipped'; skipped: SkippedCase };

/** The pure part: one stored case against the current engine. */
export function compareCase(c: RecheckCandidate, now: Date): CaseComparison {
  const skip = (reason: string): CaseComparison => ({
    kind: 'skipped',
    skipped: { consultId: c.id, at: c.at, storedRulesetVersion: c.rulesetVersion, reason },
  });
  if (c.caseError !== null) return skip(c.caseError);
  const result = evaluate(c.case, { now });
  if (!result.ok) {
    const first = result.issues[0];
    const more = result.issues.length > 1 ? ` (+${result.issues.length - 1} more)` : '';
    return skip(
      `stored case is not valid for ruleset ${RULESET_VERSION}: ${first?.path}: ${first?.message}${more}`,
    );
  }
  const out = result.output;
  const timingChanged = c.timing !== null && c.timing !== out.timing;
  if (out.verdict === c.verdict && !timingChanged) return { kind: 'unchanged' };
  return {
    kind: 'changed',
    change: {
      consultId: c.id,
      at: c.at,
      teamId: c.teamId,
      channelId: c.channelId,
      slackChannelId: c.slackChannelId,
      slackThreadTs: c.slackThreadTs,
      storedRulesetVersion: c.rulesetVersion,
      rulesetVersion: out.rulesetVersion,
      oldVerdict: c.verdict,
      newVerdict: out.verdict,
      oldTiming: c.timing,
      newTiming: out.timing,
      oldRuleIds: c.ruleIds,
      newRuleIds: [...out.decidedBy],
    },
  };
}

export async function recheck(
  store: Pick<Store, 'listCasesForRecheck'>,
  opts: { now: Date },
): Promise<RecheckResult> {
  const candidates = await store.listCasesForRecheck();
  const result: RecheckResult = {
    rulesetVersion: RULESET_VERSION,
    checked: candidates.length,
    unchanged: 0,
    changes: [],
    skipped: [],
  };
  for (const c of candidates) {
    const cmp = compareCase(c, opts.now);
    if (cmp.kind === 'unchanged') result.unchanged++;
    else if (cmp.kind === 'changed') result.changes.push(cmp.change);
    else result.skipped.push(cmp.skipped);
  }
  return result;
}
