// Runs the Slack app in Socket Mode or HTTP mode until SIGTERM/SIGINT, then stops cleanly.

import type { AppConfig } from '../config/env.js';
import { RULESET } from '../engine/index.js';
import { loadIntents } from '../intents/load-intents.js';
import type { Log } from '../log/logger.js';
import { createSlackApp, type SlackAppMode } from '../slack/app.js';

export async function runSlackServer(config: AppConfig, mode: SlackAppMode, log: Log): Promise<void> {
  const intents = await loadIntents();
  if (!intents.ok) {
    log.error('intents invalid', { problems: intents.problems });
    process.exitCode = 2;
    return;
  }
  const runtime = createSlackApp({
    mode,
    log,
    logLevel: config.logLevel,
    slackApiUrl: config.slackApiUrl,
    deps: { log, now: () => new Date(), intents: intents.intents, ruleset: RULESET },
  });
  if (mode.kind === 'http') await runtime.app.start(config.port);
  else await runtime.app.start();
  log.info('ready', {
    mode: mode.kind,
    ...(mode.kind === 'http' ? { port: config.port, endpoint: '/slack/events', health: '/healthz' } : {}),
    rulesetVersion: RULESET.version,
  });
  const stop = async (signal: string) => {
    log.info('stopping', { signal });
    await runtime.app.stop().catch((err: unknown) => log.warn('stop failed', { name: (err as Error).name }));
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
