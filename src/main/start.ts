// Composition root of `npm start`: reads configuration once and runs the Slack app, or, with no Slack
// credentials, the local Slack playground (the same app, with an emulated Slack on PORT): its URL first, then
// one line about the CLI.
// A misconfiguration names every bad variable and exits with 2.
import { type AppConfig, loadEnvironment, readConfig } from '../config/env.js';
import { codeOf, errorFields } from '../errors/index.js';
import { createLog, type Log } from '../log/logger.js';
import { configSecrets } from '../log/secrets.js';
import { openStore } from '../store/index.js';
import { scheduleRetention } from './retention.js';

// Each mode loads only its own code: a Slack deployment never loads the playground, nor the playground Bolt's
// production wiring (dynamic imports; the production build keeps them as separate chunks).

const result = readConfig(loadEnvironment());
if (!result.ok) {
  process.stderr.write(
    `Configuration problem (fix the environment or .env, then start again):\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exitCode = 2;
} else {
  const { config } = result;
  const log = createLog(config.logLevel, undefined, configSecrets(config));
  if (config.mode.kind === 'none') {
    startLocal(config, log).catch((err: unknown) => {
      log.error('playground failed', errorFields(err, 'E_PLAYGROUND'));
      process.exitCode = 1;
    });
  } else {
    const mode = config.mode;
    startSlack(config, mode, log).catch((err: unknown) => {
      if (codeOf(err) === 'E_TOKEN_KEY') {
        process.stderr.write(
          `Token encryption problem (set TOKEN_ENCRYPTION_KEY, or the old key in TOKEN_ENCRYPTION_KEY_PREVIOUS): ${(err as Error).message}\n`,
        );
        process.exit(2);
      }
      log.error('start failed', errorFields(err, 'E_START'));
      process.exitCode = 1;
    });
  }
}

async function startSlack(config: AppConfig, mode: Exclude<AppConfig['mode'], { kind: 'none' }>, log: Log) {
  const { runSlackServer } = await import('./slack-server.js');
  await runSlackServer(config, mode, log);
}

/** The playground with the same store, retention and readiness as a Slack deployment. */
async function startLocal(config: AppConfig, log: Log): Promise<void> {
  const [{ runPlayground }, { readinessHandler }, { printGuide }] = await Promise.all([
    import('./playground.js'),
    import('./slack-server.js'),
    import('./guide.js'),
  ]);
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
    return;
  }
  printGuide((s) => process.stdout.write(s));
}
