// `npm start` without Slack credentials: after the playground URL, one line on using the product from a
// terminal (`npm run consult -- --help` lists the inputs and examples; the README covers connecting Slack).
import { RULESET } from '../engine/index.js';

export function printGuide(write: (s: string) => void): void {
  write(`Terminal: npm run consult -- --help  (ruleset ${RULESET.version}; Ctrl+C stops the playground)\n`);
}
