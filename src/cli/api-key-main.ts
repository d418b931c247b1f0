// Composition root of `npm run api-key`. Exit codes: 0 done, 2 bad arguments, configuration or a refused
// command (one line naming what is wrong), 1 anything else.
import { config as loadDotenv } from 'dotenv';
import { openStore, type Store, StoreError, storeOptionsFromEnv } from '../store/index.js';
import { API_KEY_USAGE, parseApiKeyArgs, runApiKeyCommand } from './api-key.js';
import { describeError } from './describe-error.js';

loadDotenv({ quiet: true });
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
  let store: Store;
  try {
    store = await openStore(storeOptionsFromEnv(process.env));
  } catch (err) {
    if (err instanceof StoreError && err.code === 'config') return fail(2, err.message);
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
