// Composition root of `npm start`: reads configuration once and runs the Slack app, or, with no Slack
// credentials, prints the local guide. A misconfiguration names every bad variable and exits with 2.
import { config as loadDotenv } from 'dotenv';
import { readConfig } from './config/env.js';
import { createLog } from './log/logger.js';
import { printGuide } from './run/guide.js';
import { runSlackServer } from './run/slack-server.js';

loadDotenv({ quiet: true });
const result = readConfig(process.env);
if (!result.ok) {
  process.stderr.write(
    `Configuration problem (fix the environment or .env, then start again):\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exitCode = 2;
} else {
  const { config } = result;
  const log = createLog(config.logLevel);
  if (config.mode.kind === 'none') {
    printGuide(new Date(), (s) => process.stdout.write(s));
  } else {
    runSlackServer(config, config.mode, log).catch((err: unknown) => {
      log.error('start failed', {
        code: (err as { code?: string }).code ?? 'E_START',
        name: (err as Error).name,
      });
      process.exitCode = 1;
    });
  }
}
