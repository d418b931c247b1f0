// `npm run recheck [-- --json] [--no-post]`: re-evaluate stored cases with the current ruleset, list changed
// verdicts and skipped cases, and post a note in the original Slack threads when credentials are available.
// Exit codes: 0 done, 2 bad arguments or configuration, 1 anything else.

import { describeError } from '../cli/describe-error.js';
import { loadEnvironment, readToolConfig } from '../config/env.js';
import { type NoteResult, notifyChanges } from '../recheck/notify.js';
import { recheck } from '../recheck/recheck.js';
import { parseRecheckArgs, RECHECK_USAGE, recheckJson, recheckTable } from '../recheck/report.js';
import { openStore, type Store } from '../store/index.js';
import { storeOptions } from './store-options.js';

const env = loadEnvironment();
const toolConfig = readToolConfig(env);
const fail = (code: number, message: string) => {
  process.stderr.write(`recheck: ${message}\n`);
  process.exitCode = code;
};

async function main(): Promise<void> {
  const args = parseRecheckArgs(process.argv.slice(2));
  if (!args.ok) return fail(2, args.message);
  if (args.help) {
    process.stdout.write(`${RECHECK_USAGE}\n`);
    return;
  }
  if (!toolConfig.ok) return fail(2, toolConfig.problems.join('; '));
  const { slackBotToken: botToken, slackApiUrl } = toolConfig.config;

  let store: Store;
  try {
    store = await openStore(storeOptions(toolConfig.config.store, toolConfig.config.tokenKeys));
  } catch (err) {
    return fail(1, `cannot open the database: ${describeError(err)}`);
  }
  try {
    const result = await recheck(store, { now: new Date() });
    const notes: NoteResult[] = args.post
      ? await notifyChanges(result.changes, { store, botToken, slackApiUrl })
      : [];
    process.stdout.write(args.json ? recheckJson(result, notes) : recheckTable(result, notes));
    const failed = notes.filter((n) => n.outcome === 'failed').length;
    if (failed > 0) fail(1, `${failed} Slack note(s) could not be posted; run again to retry them`);
  } catch (err) {
    fail(1, describeError(err));
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => fail(1, describeError(err)));
