// Shared by app_uninstalled and tokens_revoked: removes what Slack says is no longer valid from the installation
// store, so no token outlives an uninstall. Bolt skips authorization for these two events, so they arrive even
// though the workspace's token is already dead.
import type { Context } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

export async function removeInstallation(
  deps: SlackDeps,
  context: Context,
  why: 'app_uninstalled' | 'tokens_revoked',
  userId?: string,
): Promise<void> {
  const store = deps.store?.installationStore;
  if (!store) return;
  const query = {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
    ...(userId ? { userId } : {}),
  };
  try {
    await store.deleteInstallation(query);
    deps.log.info('installation removed', {
      event: why,
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      scope: userId ? 'user token' : 'installation',
    });
  } catch (err) {
    deps.log.error('installation removal failed', {
      event: why,
      code: (err as { code?: string }).code ?? 'E_INSTALLATION_DELETE',
      name: (err as Error).name,
    });
  }
}
