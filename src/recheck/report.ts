// `npm run recheck` arguments and output: a readable table, or the result as JSON with --json.
import { parseArgs } from 'node:util';
import type { NoteResult } from './notify.js';
import type { RecheckResult } from './recheck.js';

export const RECHECK_USAGE = `Usage: npm run recheck -- [--json] [--no-post]
Re-evaluates every stored case with the current ruleset and lists the consults whose verdict changed (old → new,
the rules that decided each) and the stored cases that could not be re-evaluated.
With SLACK_BOT_TOKEN (or an OAuth installation of the consult's workspace) it posts a short note in the thread of
each changed answer that was shared in Slack, once per consult, ruleset and new verdict.
  --json      the result as JSON on stdout
  --no-post   do not post in Slack
The database: DATABASE_URL (PostgreSQL), else SQLITE_PATH, else data/thoracic-rt.sqlite.`;

export type RecheckArgs =
  | { ok: true; help: boolean; json: boolean; post: boolean }
  | { ok: false; message: string };

export function parseRecheckArgs(argv: readonly string[]): RecheckArgs {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean' },
        'no-post': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    });
    return { ok: true, help: values.help ?? false, json: values.json ?? false, post: !values['no-post'] };
  } catch (err) {
    return { ok: false, message: `${(err as Error).message.split('\n')[0]}. Run with --help for usage.` };
  }
}

export function recheckJson(result: RecheckResult, notes: readonly NoteResult[]): string {
  const noteOf = new Map(notes.map((n) => [n.consultId, n]));
  return `${JSON.stringify(
    {
      ...result,
      changes: result.changes.map((c) => ({ ...c, note: noteOf.get(c.consultId) ?? null })),
    },
    null,
    2,
  )}\n`;
}

export function recheckTable(result: RecheckResult, notes: readonly NoteResult[]): string {
  const lines = [
    `Re-check with ruleset ${result.rulesetVersion}: ${result.checked} consult(s) checked, ` +
      `${result.changes.length} changed, ${result.unchanged} unchanged, ${result.skipped.length} skipped.`,
  ];
  if (result.changes.length > 0) {
    const noteOf = new Map(notes.map((n) => [n.consultId, n]));
    const rows = result.changes.map((c) => {
      const note = noteOf.get(c.consultId);
      return [
        c.consultId,
        c.at.toISOString().slice(0, 16).replace('T', ' '),
        `${c.storedRulesetVersion} → ${c.rulesetVersion}`,
        `${c.oldVerdict} → ${c.newVerdict}`,
        `${c.oldTiming ?? 'not recorded'} → ${c.newTiming}`,
        `${c.oldRuleIds.join(', ') || '-'} → ${c.newRuleIds.join(', ') || '-'}`,
        note ? note.outcome + (note.error ? ` (${note.error})` : '') : 'not posted',
      ];
    });
    lines.push(
      '',
      'Changed verdicts or timings:',
      ...table(['consult', 'answered (UTC)', 'ruleset', 'verdict', 'timing', 'rules', 'Slack note'], rows),
    );
  }
  if (result.skipped.length > 0) {
    const rows = result.skipped.map((s) => [
      s.consultId,
      s.at.toISOString().slice(0, 16).replace('T', ' '),
      s.storedRulesetVersion,
      s.reason,
    ]);
    lines.push(
      '',
      'Skipped (not re-evaluated):',
      ...table(['consult', 'answered (UTC)', 'ruleset', 'reason'], rows),
    );
  }
  return `${lines.join('\n')}\n`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)];
}
