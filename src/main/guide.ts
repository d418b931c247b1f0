// `npm start` without Slack credentials: how to use the product from a terminal, one worked example, and
// how to connect Slack, so a fresh clone demonstrates the engine with no workspace and no database.
import { evaluate, RULESET } from '../engine/index.js';

const example = {
  histology: 'adenocarcinoma',
  driver: 'EGFR',
  egfrVariant: 'ex19del',
  metastases: { count: 3, organs: 2, sites: ['bone', 'adrenal'] },
  ecog: 1,
  therapy: { status: 'naive' },
  staging: { petCt: 'done', brainMri: 'done' },
  primary: { location: 'peripheral', sizeCm: 3 },
};

export function printGuide(now: Date, write: (s: string) => void): void {
  const result = evaluate(example, { now });
  const line = result.ok ? result.output.summary : 'example invalid';

  write(`Thoracic RT Advisor — ruleset ${RULESET.version} (${RULESET.citations.length} cited sources)

Decision support on definitive thoracic RT to the primary tumour in stage IV NSCLC.

Try it:
  npm run consult -- --input examples/ex1-egfr-oligo-naive.json
  npm run --silent consult -- --json --input examples/ex5-metastatic-driver-not-stated.json | jq .verdict
  npm run consult -- "adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive, PET and brain MRI done"
  npm run consult -- --help

Example (examples/ex1-egfr-oligo-naive.json):
  ${line}

To connect Slack, set SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode);
see the README, "Set up in a Slack workspace".
`);
}
