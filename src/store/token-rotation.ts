// Start-up pass over the stored installations: every row must open with the configured keys; rows sealed with a
// previous key, or left in plain text by a version before encryption, are re-sealed under the current key. A
// missing or wrong key stops the start with a TokenKeyError (the composition root exits with 2), before the app
// could serve a workspace it cannot read the token of.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { type TokenCipher, TokenKeyError } from './token-crypto.js';

export async function resealInstallations(
  db: Kysely<Database>,
  cipher: TokenCipher | undefined,
  nowMs: number,
): Promise<{ checked: number; resealed: number }> {
  const rows = await db.selectFrom('installations').select(['key', 'installation_json']).execute();
  let resealed = 0;
  for (const row of rows) {
    const kid = cipher?.kidOf(row.installation_json) ?? sealedKid(row.installation_json);
    if (!cipher) {
      throw new TokenKeyError(
        `${rows.length} Slack installation(s) are stored${kid ? ` encrypted (key id ${kid})` : ' in plain text'} and TOKEN_ENCRYPTION_KEY is not set`,
      );
    }
    if (kid === cipher.currentKid) {
      cipher.open(row.installation_json, row.key);
      continue;
    }
    const plain = kid ? cipher.open(row.installation_json, row.key) : row.installation_json;
    await db
      .updateTable('installations')
      .set({ installation_json: cipher.seal(plain, row.key), updated_at_ms: nowMs })
      .where('key', '=', row.key)
      .where('installation_json', '=', row.installation_json)
      .execute();
    resealed++;
  }
  return { checked: rows.length, resealed };
}

function sealedKid(value: string): string | undefined {
  return /^enc:v1:([0-9a-f]{8}):/.exec(value)?.[1];
}
