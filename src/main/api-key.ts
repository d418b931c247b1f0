// Composition root of `npm run api-key`. Exit codes: 0 done, 2 bad arguments, configuration or a refused
// command (one line naming what is wrong), 1 anything else.
import { API_KEY_USAGE, parseApiKeyArgs, runApiKeyCommand } from '../cli/api-key.js';
import { describeError } from '../cli/describe-error.js';
import { loadEnvironment, readToolConfig } from '../config/env.js';
import { openStore, type Store } from '../store/index.js';
import { storeOptions } from './store-options.js';

const toolConfig = readToolConfig(loadEnvironment());
const fail = (code: number, message: string) => {
  process.stderr.write(`api-key: ${message}\n`);
  process.exitCode = code;
};

async function main(): Promise<void> {
  const parsed = parseApiKeyArgs(process.argv.slice(2));
  if (!parsed.ok) return fail(2, `${parsed.message}\n${API_KEY_USAGE}`);
  const { command } = parsed;
  if (command.kind === 'help') {
    process.stdout.write(`${API_KEY_USAGE}\n`);
    return;
  }
  if (!toolConfig.ok) return fail(2, toolConfig.problems.join('; '));
  let store: Store;
  try {
    store = await openStore(storeOptions(toolConfig.config.store, toolConfig.config.tokenKeys));
  } catch (err) {
    return fail(1, `cannot open the database: ${describeError(err)}`);
  }
  try {
    process.exitCode = await runApiKeyCommand(
      command,
      store.apiKeys,
      (s) => process.stdout.write(s),
      (s) => process.stderr.write(s),
    );
  } catch (err) {
    fail(1, describeError(err));
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => fail(1, describeError(err)));
