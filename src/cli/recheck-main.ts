// `npm run recheck [-- --json] [--no-post]`: re-evaluate stored cases with the current ruleset, list changed
// verdicts and skipped cases, and post a note in the original Slack threads when credentials are available.
// Exit codes: 0 done, 2 bad arguments or configuration, 1 anything else.
import { config as loadDotenv } from 'dotenv';
import { type NoteResult, notifyChanges } from '../recheck/notify.js';
import { recheck } from '../recheck/recheck.js';
import { parseRecheckArgs, RECHECK_USAGE, recheckJson, recheckTable } from '../recheck/report.js';
import { openStore, type Store, StoreError, storeOptionsFromEnv } from '../store/index.js';
import { describeError } from './describe-error.js';

loadDotenv({ quiet: true });
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
  const botToken = process.env.SLACK_BOT_TOKEN?.trim() || undefined;
  if (botToken && !/^xoxb-[A-Za-z0-9-]+$/.test(botToken)) {
    return fail(2, 'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"');
  }
  const slackApiUrl = process.env.SLACK_API_URL?.trim() || undefined;
  if (slackApiUrl && !/^https?:\/\/\S+$/.test(slackApiUrl)) {
    return fail(2, 'SLACK_API_URL must be an http(s) URL such as https://slack.com/api/');
  }

  let store: Store;
  try {
    store = await openStore(storeOptionsFromEnv(process.env));
  } catch (err) {
    if (err instanceof StoreError && err.code === 'config') return fail(2, err.message);
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
