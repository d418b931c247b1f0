// app_uninstalled: the workspace (or organisation) removed the app; its installation and tokens are deleted.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { removeInstallation } from './remove-installation.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_uninstalled'>;

export function appUninstalled(deps: SlackDeps) {
  return async ({ context }: Args): Promise<void> => {
    await removeInstallation(deps, context, 'app_uninstalled');
  };
}
