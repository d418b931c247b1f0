// App Home: how to use the app, the ruleset version and example commands.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Case } from '../../../engine/index.js';
import { errorFields } from '../../../errors/index.js';
import { caseLines } from '../../../present/case-lines.js';
import { type ConsultRecord, DECISION_REASON_INFO } from '../../../store/index.js';
import { buildHome, type HomeOptions } from '../../blocks/home.js';
import type { SlackDeps } from '../../deps.js';
import { explainSlackError } from '../../slack-errors.js';
import { outcomeLabel } from '../../views/decision-modal.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, body, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      const history = await userHistory(deps, event.user, (body as { team_id?: string }).team_id, client);
      await client.views.publish({
        user_id: event.user,
        view: buildHome({
          rulesetVersion: deps.ruleset.version,
          citationCount: deps.ruleset.citations.length,
          examples: homeExamples(deps),
          ...history,
        }),
      });
    } catch (err) {
      deps.log.warn('home publish failed', { code: explainSlackError(err).code });
    }
  };
}

/** The user's recent consults and decisions and the team's concordance; nothing if the store is unavailable. */
async function userHistory(
  deps: SlackDeps,
  userId: string,
  teamId: string | undefined,
  client: WebClient,
): Promise<Partial<HomeOptions>> {
  if (!deps.store) return {};
  try {
    const [consults, decisions, concordance] = await Promise.all([
      deps.store.listRecentConsults({ userId, limit: 10 }),
      deps.store.listDecisions({ userId, limit: 10 }),
      deps.store.concordance(teamId ? { teamId } : {}),
    ]);
    const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const links = await Promise.all(consults.map((c) => permalinkOf(client, c)));
    return {
      recent: consults.map((c, i) => ({
        when: when(c.at),
        at: c.at,
        permalink: links[i],
        verdict: c.verdict,
        summary: caseLines(c.case as Case)
          .slice(0, 3)
          .join(' · '),
      })),
      decisions: decisions.map((d) => ({
        when: when(d.at),
        at: d.at,
        outcome: outcomeLabel(d.outcome),
        reason: DECISION_REASON_INFO[d.reason].label,
      })),
      concordance,
    };
  } catch (err) {
    deps.log.warn('home history unavailable', errorFields(err, 'E_STORE'));
    return {};
  }
}

/** The shared answer's permalink; none when it was not shared or Slack does not give one. */
async function permalinkOf(client: WebClient, c: ConsultRecord): Promise<string | undefined> {
  if (!c.slackChannelId || !c.slackThreadTs) return undefined;
  try {
    const res = await client.chat.getPermalink({ channel: c.slackChannelId, message_ts: c.slackThreadTs });
    return typeof res.permalink === 'string' ? res.permalink : undefined;
  } catch {
    return undefined;
  }
}

function homeExamples(deps: SlackDeps): string[] {
  const pick = (id: string, n: number) => deps.intents.find((i) => i.id === id)?.examples.slice(0, n) ?? [];
  return [...pick('consult', 2), ...pick('dose', 1), ...pick('evidence', 1)].map((e) => `/thoracic-rt ${e}`);
}
