// Shared by the answer buttons: the case travels in the button value and is validated on the way back.
import type { BlockAction, ButtonAction } from '@slack/bolt';
import { consultCase } from '../../../consult/index.js';
import type { Case, Output } from '../../../engine/index.js';
import { buildNotice } from '../../blocks/notice.js';
import type { SlackMessage } from '../../blocks/types.js';
import { decodeCaseToken } from '../../case-token.js';

export type ActionCase = { ok: true; case: Case; output: Output } | { ok: false; reason: string };

/** What a button whose case cannot be read again answers (an old or altered message). */
export function unreadableCaseNotice(): SlackMessage {
  return buildNotice('error', 'I could not read that case again (E_CASE_TOKEN). Run the command again.');
}

/** Decodes the button's case and answers it again through the consult use case (recording nothing). */
export async function caseFromAction(body: BlockAction, now: Date): Promise<ActionCase> {
  const action = body.actions[0] as ButtonAction | undefined;
  const decoded = decodeCaseToken(action?.value);
  if (!decoded.ok) return decoded;
  const result = await consultCase(decoded.case, { now });
  if (!result.ok) return { ok: false, reason: 'case token failed evaluation' };
  return { ok: true, case: decoded.case, output: result.output };
}

/** The channel a button was clicked in: ephemeral messages carry it in `container`. */
export function channelOf(body: BlockAction): string | undefined {
  const container = body.container as { channel_id?: string } | undefined;
  return body.channel?.id ?? container?.channel_id;
}
