// What every listener needs, injected by the composition root (tests pass fakes).
import type { Ruleset } from '../engine/index.js';
import type { Intent } from '../intents/intent-schema.js';
import type { Log } from '../log/logger.js';

export interface SlackDeps {
  log: Log;
  now: () => Date;
  intents: readonly Intent[];
  ruleset: Ruleset;
}
