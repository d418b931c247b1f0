// Command-line arguments of `consult`, parsed into a command or a usage error (never thrown).
import { parseArgs } from 'node:util';

export type ConsultCommand =
  | { kind: 'help' }
  | { kind: 'structured'; inputPath: string; json: boolean }
  | { kind: 'free-text'; text: string; json: boolean };

export type ArgsResult = { ok: true; command: ConsultCommand } | { ok: false; message: string };

export const USAGE = `Usage:
  npm run consult -- --input case.json        structured case facts (decision-spec §2); '-' reads stdin
  npm run consult -- "free text case summary"  tumour-board free text
Options:
  --json      print the answer as the output-contract JSON alone (pipe to jq with npm run --silent)
  --help      this text`;

export function parseConsultArgs(argv: string[]): ArgsResult {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    return { ok: false, message: `${(err as Error).message.split('\n')[0]}. Run with --help for usage.` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, command: { kind: 'help' } };
  const json = values.json ?? false;
  const text = positionals.join(' ').trim();
  if (values.input !== undefined && text) {
    return { ok: false, message: 'give either --input FILE or free text, not both' };
  }
  if (values.input !== undefined) {
    if (!values.input) return { ok: false, message: '--input needs a file path (or - for stdin)' };
    return { ok: true, command: { kind: 'structured', inputPath: values.input, json } };
  }
  if (!text)
    return { ok: false, message: 'no case given: pass --input FILE or a free-text case. Run with --help.' };
  return { ok: true, command: { kind: 'free-text', text, json } };
}

const OPTIONS = {
  input: { type: 'string', short: 'i' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
