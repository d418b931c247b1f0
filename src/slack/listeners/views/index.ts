import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { INTAKE_CALLBACK_ID } from '../../views/intake-ids.js';
import { intakeSubmit } from './intake-submit.js';

export function register(app: App, deps: SlackDeps): void {
  app.view(INTAKE_CALLBACK_ID, intakeSubmit(deps));
}
