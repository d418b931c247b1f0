// `npm run consult`: the engine in a terminal. Structured input (--input) or free text; --json for the contract.
// Exit codes: 0 answer printed, 2 bad input or usage, 1 unexpected failure (reported once, with a code).
import { type AuditPort, answerJson, consultCase, consultText } from '../consult/index.js';
import { type ConsultCommand, parseConsultArgs, USAGE } from './args.js';
import { readCaseJson } from './read-input.js';
import { readingLines, renderText } from './render-text.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => Date;
  stdin?: NodeJS.ReadableStream;
  /** Audit trail: every answer is recorded through it (the process entry point wires it to the store). */
  audit?: AuditPort;
}

export async function runConsult(argv: string[], io: Io): Promise<number> {
  const args = parseConsultArgs(argv);
  if (!args.ok) {
    io.err(`consult: ${args.message}\n`);
    return 2;
  }
  return runCommand(args.command, io);
}

function context(io: Io) {
  return {
    now: io.now(),
    ...(io.audit ? { audit: { port: io.audit, context: { surface: 'cli' as const } } } : {}),
  };
}

async function runCommand(command: ConsultCommand, io: Io): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.out(`${USAGE}\n`);
      return 0;
    case 'free-text': {
      const consult = await consultText(command.text, context(io));
      if (consult.kind === 'empty') {
        io.err(
          'consult: no case facts found in the text (e.g. "EGFR ex19del, 3 bone mets, ECOG 1"). Run with --help.\n',
        );
        return 2;
      }
      io.out(
        command.json
          ? `${JSON.stringify(answerJson(consult.output, consult.reading), null, 2)}\n`
          : renderText(consult.output, readingLines(consult.reading)),
      );
      return 0;
    }
    case 'structured': {
      const read = await readCaseJson(command.inputPath, io.stdin);
      if (!read.ok) {
        io.err(`consult: ${read.message}\n`);
        return 2;
      }
      const consult = await consultCase(read.value, context(io));
      if (!consult.ok) {
        const where = command.inputPath === '-' ? 'stdin' : command.inputPath;
        io.err(
          `consult: invalid case in ${where}: ${consult.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}\n`,
        );
        return 2;
      }
      io.out(
        command.json
          ? `${JSON.stringify(answerJson(consult.output, consult), null, 2)}\n`
          : renderText(consult.output, identifierLines(consult.identifiersRemoved)),
      );
      return 0;
    }
  }
}

function identifierLines(kinds: readonly string[]): string[] {
  return kinds.length > 0 ? [`Identifiers removed (${kinds.join(', ')}); they were not used or kept.`] : [];
}
