// `npm run consult`: the engine in a terminal. Structured input (--input) or free text; --json for the contract.
// Exit codes: 0 answer printed, 2 bad input or usage, 1 unexpected failure (reported once, with a code).
import { evaluate, type Output } from '../engine/index.js';
import { type ConsultCommand, parseConsultArgs, USAGE } from './args.js';
import { readCaseJson } from './read-input.js';
import { renderText } from './render-text.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => Date;
  stdin?: NodeJS.ReadableStream;
  /** Audit trail: called once per answer (the process entry point records it in the store). */
  record?: (output: Output) => Promise<void>;
}

export async function runConsult(argv: string[], io: Io): Promise<number> {
  const args = parseConsultArgs(argv);
  if (!args.ok) {
    io.err(`consult: ${args.message}\n`);
    return 2;
  }
  return runCommand(args.command, io);
}

async function runCommand(command: ConsultCommand, io: Io): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.out(`${USAGE}\n`);
      return 0;
    case 'free-text': {
      // Loaded on demand: structured consults do not pay for the parser's start-up.
      const { consultFreeText } = await import('./free-text.js');
      return consultFreeText(command.text, command.json, io);
    }
    case 'structured': {
      const read = await readCaseJson(command.inputPath, io.stdin);
      if (!read.ok) {
        io.err(`consult: ${read.message}\n`);
        return 2;
      }
      const result = evaluate(read.value, { now: io.now() });
      if (!result.ok) {
        const where = command.inputPath === '-' ? 'stdin' : command.inputPath;
        io.err(
          `consult: invalid case in ${where}: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}\n`,
        );
        return 2;
      }
      io.out(command.json ? `${JSON.stringify(result.output, null, 2)}\n` : renderText(result.output));
      await io.record?.(result.output);
      return 0;
    }
  }
}
