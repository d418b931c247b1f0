import type { App, BlockAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/action-ids.js';
import type { SlackDeps } from '../../deps.js';
import { INTAKE_FEWER_FACTS, INTAKE_MORE_FACTS, INTAKE_READ_SUMMARY } from '../../views/intake-ids.js';
import { completeCase } from './complete-case.js';
import { editCase } from './edit-case.js';
import { newCaseHome } from './new-case-home.js';
import { readSummary } from './read-summary.js';
import { recordDecision } from './record-decision.js';
import { shareInChannel } from './share-in-channel.js';
import { showEvidence } from './show-evidence.js';
import { toggleFacts } from './toggle-facts.js';
import { topicDetails } from './topic-details.js';
import { whatIf } from './what-if.js';
import { whatIfBack } from './what-if-back.js';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(ACTION_IDS.shareInChannel, shareInChannel(deps));
  app.action<BlockAction>(ACTION_IDS.editCase, editCase(deps));
  app.action<BlockAction>(ACTION_IDS.completeCase, completeCase(deps));
  app.action<BlockAction>(ACTION_IDS.showEvidence, showEvidence(deps));
  app.action<BlockAction>(ACTION_IDS.recordDecision, recordDecision(deps));
  app.action<BlockAction>(new RegExp(`^${ACTION_IDS.whatIf}:`), whatIf(deps));
  app.action<BlockAction>(ACTION_IDS.whatIfBack, whatIfBack(deps));
  app.action<BlockAction>(ACTION_IDS.topicDetails, topicDetails(deps));
  app.action<BlockAction>(INTAKE_READ_SUMMARY, readSummary(deps));
  app.action<BlockAction>(INTAKE_MORE_FACTS, toggleFacts(deps));
  app.action<BlockAction>(INTAKE_FEWER_FACTS, toggleFacts(deps));
  app.action<BlockAction>(ACTION_IDS.newCaseHome, newCaseHome(deps));
}
