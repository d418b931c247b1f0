// Composition root of `npm start`: reads configuration once and runs the Slack app, or, with no Slack
// credentials, the local Slack playground (the same app, with an emulated Slack on PORT) and the CLI guide.
// A misconfiguration names every bad variable and exits with 2.
import { config as loadDotenv } from 'dotenv';
import { type AppConfig, readConfig } from './config/env.js';
import { createLog, type Log } from './log/logger.js';
import { configSecrets } from './log/secrets.js';
import { runPlayground } from './playground/run.js';
import { printGuide } from './run/guide.js';
import { scheduleRetention } from './run/retention.js';
import { readinessHandler, runSlackServer } from './run/slack-server.js';
import { openStore } from './store/index.js';

loadDotenv({ quiet: true });
const result = readConfig(process.env);
if (!result.ok) {
  process.stderr.write(
    `Configuration problem (fix the environment or .env, then start again):\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exitCode = 2;
} else {
  const { config } = result;
  const log = createLog(config.logLevel, undefined, configSecrets(config));
  if (config.mode.kind === 'none') {
    printGuide(new Date(), (s) => process.stdout.write(s));
    startLocal(config, log).catch((err: unknown) => {
      log.error('playground failed', {
        code: (err as { code?: string }).code ?? 'E_PLAYGROUND',
        name: (err as Error).name,
      });
      process.exitCode = 1;
    });
  } else {
    runSlackServer(config, config.mode, log).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'E_TOKEN_KEY') {
        process.stderr.write(
          `Token encryption problem (set TOKEN_ENCRYPTION_KEY, or the old key in TOKEN_ENCRYPTION_KEY_PREVIOUS): ${(err as Error).message}\n`,
        );
        process.exit(2);
      }
      log.error('start failed', {
        code: (err as { code?: string }).code ?? 'E_START',
        name: (err as Error).name,
      });
      process.exitCode = 1;
    });
  }
}

/** The playground with the same store, retention and readiness as a Slack deployment. */
async function startLocal(config: AppConfig, log: Log): Promise<void> {
  const store = await openStore(config.store);
  const stopRetention = scheduleRetention(store, config.retentionYears, log);
  const playground = await runPlayground(config, log, (s) => process.stdout.write(s), {
    deps: { store },
    routes: [{ path: '/readyz', method: ['GET'], handler: readinessHandler(store) }],
    onStop: async () => {
      stopRetention();
      await store.close();
    },
  });
  if (!playground) {
    stopRetention();
    await store.close();
  }
}
