// `npm start`. Until the Slack app lands, this prints how to use the product from a terminal and shows one
// worked example, so a fresh clone demonstrates the engine with no workspace and no database.
import { evaluate, RULESET } from './engine/index.js';

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

const result = evaluate(example, { now: new Date() });
const line = result.ok ? result.output.summary : 'example invalid';

process.stdout.write(`Thoracic RT Advisor — ruleset ${RULESET.version} (${RULESET.citations.length} cited sources)

Decision support on definitive thoracic RT to the primary tumour in stage IV NSCLC.

Try it:
  npm run consult -- --input examples/ex1-egfr-oligo-naive.json
  npm run --silent consult -- --json --input examples/ex5-metastatic-driver-not-stated.json | jq .verdict
  npm run consult -- "adeno EGFR ex19del, 2 bone mets + 1 adrenal, ECOG 1, TKI-naive, PET and brain MRI done"
  npm run consult -- --help

Example (examples/ex1-egfr-oligo-naive.json):
  ${line}
`);
