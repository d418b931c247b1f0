// Bolt's InstallationStore over the installations table: one row per workspace (`team:<id>`), or per Enterprise
// Grid organisation for an org-wide install (`enterprise:<id>`), holding the installation JSON Bolt gave us.
// The JSON holds bot and user tokens, so it is stored sealed with AES-256-GCM (token-crypto.ts); without a
// TOKEN_ENCRYPTION_KEY nothing can be stored or read.
import type { Installation, InstallationQuery } from '@slack/bolt';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './schema.js';
import { type TokenCipher, TokenKeyError } from './token-crypto.js';
import type { Store } from './types.js';

export function installationKey(q: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (q.isEnterpriseInstall) {
    if (!q.enterpriseId) throw new Error('an enterprise install needs an enterprise id');
    return `enterprise:${q.enterpriseId}`;
  }
  if (!q.teamId) throw new Error('a workspace install needs a team id');
  return `team:${q.teamId}`;
}

const StoredInstallation = z
  .object({
    team: z.object({ id: z.string() }).loose().optional(),
    enterprise: z.object({ id: z.string() }).loose().optional(),
    user: z.object({ id: z.string() }).loose(),
  })
  .loose();

export function createInstallationStore(
  db: Kysely<Database>,
  now: () => Date,
  cipher?: TokenCipher,
): Store['installationStore'] {
  const keyed = (): TokenCipher => {
    if (!cipher)
      throw new TokenKeyError(
        'TOKEN_ENCRYPTION_KEY is not set: Slack installations cannot be stored or read',
      );
    return cipher;
  };
  const fetchRow = async (key: string) => {
    const row = await db
      .selectFrom('installations')
      .select('installation_json')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? { installation_json: keyed().open(row.installation_json, key) } : undefined;
  };

  return {
    async storeInstallation(installation) {
      await upsertInstallation(db, installationRow(installation, now, keyed()));
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      const row = await fetchRow(key);
      if (!row) throw new Error(`no installation stored for ${key}`);
      const parsed = StoredInstallation.safeParse(JSON.parse(row.installation_json));
      if (!parsed.success) throw new Error(`the installation stored for ${key} is malformed`);
      return parsed.data as unknown as Installation<'v1' | 'v2', boolean>;
    },

    /** Bolt calls this on app_uninstalled / tokens_revoked. With a user id, only that user's token is removed
     * (the bot keeps working); without one, the whole installation goes. */
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      if (query.userId) {
        const row = await fetchRow(key);
        if (!row) return;
        const inst = JSON.parse(row.installation_json) as { user?: { id?: string } };
        if (inst.user?.id !== query.userId) return;
        inst.user = { id: query.userId };
        await db
          .updateTable('installations')
          .set({ installation_json: keyed().seal(JSON.stringify(inst), key), updated_at_ms: now().getTime() })
          .where('key', '=', key)
          .execute();
        return;
      }
      await db.deleteFrom('installations').where('key', '=', key).execute();
    },
  };
}

type InstallationRow = {
  key: string;
  enterprise_id: string | null;
  team_id: string | null;
  is_enterprise_install: number;
  installation_json: string;
  updated_at_ms: number;
};

/** The row for an installation: its key, and the installation sealed under the current token key. */
function installationRow(installation: Installation, now: () => Date, cipher: TokenCipher): InstallationRow {
  const isEnterprise = installation.isEnterpriseInstall === true;
  const key = installationKey({
    isEnterpriseInstall: isEnterprise,
    enterpriseId: installation.enterprise?.id,
    teamId: installation.team?.id,
  });
  return {
    key,
    enterprise_id: installation.enterprise?.id ?? null,
    team_id: installation.team?.id ?? null,
    is_enterprise_install: isEnterprise ? 1 : 0,
    installation_json: cipher.seal(JSON.stringify(installation), key),
    updated_at_ms: now().getTime(),
  };
}

async function upsertInstallation(db: Kysely<Database>, row: InstallationRow): Promise<void> {
  await db
    .insertInto('installations')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        enterprise_id: row.enterprise_id,
        team_id: row.team_id,
        is_enterprise_install: row.is_enterprise_install,
        installation_json: row.installation_json,
        updated_at_ms: row.updated_at_ms,
      }),
    )
    .execute();
}
