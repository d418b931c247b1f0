// `npm run audit:export -- --since 2026-01-01 --format csv|jsonl` and `npm run audit:prune -- --older-than-years 6`.
// Exit codes: 0 done, 2 bad arguments or configuration (one line naming what is wrong), 1 anything else.

import { describeError } from '../cli/describe-error.js';
import { loadEnvironment, readToolConfig } from '../config/env.js';
import { parseAuditArgs, retentionCutoff } from '../store/audit-cli.js';
import { openStore, type Store } from '../store/index.js';

const env = loadEnvironment();
const toolConfig = readToolConfig(env);
const name = process.argv[2] === 'prune' ? 'audit:prune' : 'audit:export';
const fail = (code: number, message: string) => {
  process.stderr.write(`${name}: ${message}\n`);
  process.exitCode = code;
};

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // The reader went away (e.g. piped into head): stop quietly.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(): Promise<void> {
  const parsed = parseAuditArgs(process.argv.slice(2), env);
  if (!parsed.ok) return fail(2, parsed.message);
  const { command } = parsed;
  if (command.kind === 'help') {
    process.stdout.write(`${command.text}\n`);
    return;
  }
  if (!toolConfig.ok) return fail(2, toolConfig.problems.join('; '));
  let store: Store;
  try {
    store = await openStore(toolConfig.config.store);
  } catch (err) {
    return fail(1, `cannot open the database: ${describeError(err)}`);
  }
  try {
    if (command.kind === 'export') {
      const write = (chunk: string): undefined | Promise<void> =>
        process.stdout.write(chunk) ? undefined : new Promise((r) => process.stdout.once('drain', () => r()));
      const rows = await store.exportAudit({ since: command.since, format: command.format }, write);
      process.stderr.write(
        `${name}: ${rows} consult(s) since ${command.since.toISOString()} from ${store.location}\n`,
      );
    } else {
      const cutoff = retentionCutoff(new Date(), command.years);
      const deleted = await store.pruneOlderThan(cutoff);
      process.stdout.write(
        `pruned ${deleted} consult(s) and their decisions recorded before ${cutoff.toISOString()} ` +
          `(retention ${command.years} years) from ${store.location}\n`,
      );
    }
  } catch (err) {
    fail(1, describeError(err));
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => fail(1, describeError(err)));
