// Posts a short note in the original Slack thread for each changed verdict whose answer was shared there. Each
// note is claimed in the database first (consult + ruleset + new verdict), so running the re-check again, or on
// two machines at once, never posts it twice; a failed post releases its claim so the next run retries it.

import { WebClient } from '@slack/web-api';
import { codeOf } from '../errors/index.js';
import { VERDICT_LABEL } from '../present/labels.js';
import type { Store } from '../store/types.js';
import type { VerdictChange } from './recheck.js';

export type NoteOutcome = 'posted' | 'already-posted' | 'no-thread' | 'no-token' | 'failed';

export interface NoteResult {
  consultId: string;
  outcome: NoteOutcome;
  /** For `failed`: the Slack error code or the error name, never a payload. */
  error?: string;
}

export type PostMessage = (args: {
  token: string;
  channel: string;
  thread_ts: string;
  text: string;
}) => Promise<unknown>;

export interface NotifyOptions {
  store: Pick<Store, 'claimOnce' | 'releaseClaim' | 'installationStore'>;
  /** Single-workspace token (SLACK_BOT_TOKEN); an OAuth installation of the consult's team wins over it. */
  botToken?: string | undefined;
  slackApiUrl?: string | undefined;
  /** Replaces the Web API call (tests). */
  post?: PostMessage | undefined;
}

const TEN_YEARS_MS = 10 * 366 * 24 * 60 * 60 * 1000;

const label = (v: string) => VERDICT_LABEL[v as keyof typeof VERDICT_LABEL] ?? v;

/** The note: codes and labels only, no case text. */
export function recheckNote(c: VerdictChange): string {
  const rules = c.newRuleIds.length > 0 ? ` (rules: ${c.newRuleIds.join(', ')})` : '';
  const what =
    c.oldVerdict !== c.newVerdict
      ? `the verdict for this case changed from *${label(c.oldVerdict)}* to *${label(c.newVerdict)}*`
      : `the timing for this case changed from *${c.oldTiming ?? 'not recorded'}* to *${c.newTiming}* (verdict *${label(c.newVerdict)}* unchanged)`;
  return (
    `:arrows_counterclockwise: Re-check with ruleset ${c.rulesetVersion}: ${what}${rules}. It was answered with ruleset ` +
    `${c.storedRulesetVersion}; ask again to see the current evidence. Decision support, not a directive.`
  );
}

export function noteClaimKey(c: VerdictChange): string {
  return `recheck-note:${c.consultId}:${c.rulesetVersion}:${c.newVerdict}:${c.newTiming}`;
}

export async function notifyChanges(
  changes: readonly VerdictChange[],
  opts: NotifyOptions,
): Promise<NoteResult[]> {
  const clients = new Map<string, WebClient>();
  const post: PostMessage =
    opts.post ??
    (async ({ token, ...args }) => {
      let client = clients.get(token);
      if (!client) {
        client = new WebClient(token, {
          ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
          retryConfig: { retries: 2 },
        });
        clients.set(token, client);
      }
      return client.chat.postMessage(args);
    });

  const results: NoteResult[] = [];
  for (const c of changes) {
    if (!c.slackChannelId || !c.slackThreadTs) {
      results.push({ consultId: c.consultId, outcome: 'no-thread' });
      continue;
    }
    const token = (await installedBotToken(opts.store, c.teamId)) ?? opts.botToken;
    if (!token) {
      results.push({ consultId: c.consultId, outcome: 'no-token' });
      continue;
    }
    const key = noteClaimKey(c);
    if (!(await opts.store.claimOnce(key, TEN_YEARS_MS))) {
      results.push({ consultId: c.consultId, outcome: 'already-posted' });
      continue;
    }
    try {
      await post({ token, channel: c.slackChannelId, thread_ts: c.slackThreadTs, text: recheckNote(c) });
      results.push({ consultId: c.consultId, outcome: 'posted' });
    } catch (err) {
      await opts.store.releaseClaim(key);
      results.push({ consultId: c.consultId, outcome: 'failed', error: errorCode(err) });
    }
  }
  return results;
}

async function installedBotToken(
  store: Pick<Store, 'installationStore'>,
  teamId: string | null,
): Promise<string | undefined> {
  if (!teamId) return undefined;
  try {
    const inst = await store.installationStore.fetchInstallation({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    return inst.bot?.token;
  } catch {
    return undefined;
  }
}

function errorCode(err: unknown): string {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  if (data && typeof data.error === 'string') return data.error;
  const code = codeOf(err);
  if (code !== undefined) return code;
  return err instanceof Error ? err.name : 'unknown';
}
