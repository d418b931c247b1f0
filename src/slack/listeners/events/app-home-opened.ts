// App Home: how to use the app, the ruleset version and example commands.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildHome } from '../../blocks/home.js';
import type { SlackDeps } from '../../deps.js';
import { explainSlackError } from '../../slack-errors.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({
        user_id: event.user,
        view: buildHome({
          rulesetVersion: deps.ruleset.version,
          citationCount: deps.ruleset.citations.length,
          examples: homeExamples(deps),
        }),
      });
    } catch (err) {
      deps.log.warn('home publish failed', { code: explainSlackError(err).code });
    }
  };
}

function homeExamples(deps: SlackDeps): string[] {
  const pick = (id: string, n: number) => deps.intents.find((i) => i.id === id)?.examples.slice(0, n) ?? [];
  return [...pick('consult', 2), ...pick('dose', 1), ...pick('evidence', 1)].map((e) => `/thoracic-rt ${e}`);
}
