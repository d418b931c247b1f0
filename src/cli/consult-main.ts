// Process entry point of `npm run consult`.
import { runConsult } from './consult.js';

runConsult(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  now: () => new Date(),
  stdin: process.stdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`consult: unexpected failure [E_CONSULT_INTERNAL]: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
