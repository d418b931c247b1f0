// `npm start` without Slack credentials: how to use the product from a terminal, one worked example, and
// how to connect Slack, so a fresh clone demonstrates the engine with no workspace and no database.
import { evaluate, RULESET } from '../engine/index.js';
import { readExample } from './examples.js';

const EXAMPLE_FILE = 'ex1-egfr-oligo-naive.json';

export function printGuide(now: Date, write: (s: string) => void): void {
  const result = evaluate(readExample(EXAMPLE_FILE), { now });
  const line = result.ok ? result.output.summary : 'example invalid';

  write(`Thoracic RT Advisor — ruleset ${RULESET.version} (${RULESET.citations.length} cited sources)

Decision support on definitive thoracic RT to the primary tumour in stage IV NSCLC.

Try it:
  npm run consult -- --input examples/${EXAMPLE_FILE}
  npm run --silent consult -- --json --input examples/ex5-metastatic-driver-not-stated.json | jq .verdict
  npm run consult -- "adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive, PET and brain MRI done"
  npm run consult -- --help

Example (examples/${EXAMPLE_FILE}):
  ${line}

To connect Slack, set SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode);
see the README, "Set up in a Slack workspace".
`);
}
