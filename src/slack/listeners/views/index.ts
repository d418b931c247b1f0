import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { COMPLETE_CALLBACK_ID } from '../../views/complete-modal.js';
import { DECISION_CALLBACK_ID } from '../../views/decision-modal.js';
import { INTAKE_CALLBACK_ID } from '../../views/intake-ids.js';
import { completeSubmit } from './complete-submit.js';
import { decisionSubmit } from './decision-submit.js';
import { intakeSubmit } from './intake-submit.js';

export function register(app: App, deps: SlackDeps): void {
  app.view(INTAKE_CALLBACK_ID, intakeSubmit(deps));
  app.view(DECISION_CALLBACK_ID, decisionSubmit(deps));
  app.view(COMPLETE_CALLBACK_ID, completeSubmit(deps));
}
