// "Details" (action id show_evidence, kept for older messages): the answer's details in a modal, to whoever
// clicked, on a preview or on a shared card. Queued before the ack (src/slack/queue/kinds/details-modal.ts);
// a second click on the same message by the same person within a few seconds (a double click) opens nothing more.
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { leaseOnce } from '../../audit.js';
import { decodeCaseToken } from '../../case-token.js';
import type { SlackDeps } from '../../deps.js';
import { DETAILS_MODAL, DetailsPayloadSchema } from '../../queue/kinds/index.js';
import { queueClick } from './queue-click.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/** Clicks this close together on one message are one click. */
export const DOUBLE_CLICK_MS = 5000;

export function showEvidence(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { body } = args;
    const value = (body.actions[0] as ButtonAction | undefined)?.value;
    const decoded = decodeCaseToken(value);
    const payload = decoded.ok ? { case: decoded.case, triggerId: body.trigger_id } : undefined;
    const job = { kind: DETAILS_MODAL, schema: DetailsPayloadSchema, payload, surface: 'show_evidence' };
    if (payload && !(await firstClick(deps, body, value ?? ''))) {
      await args.ack();
      deps.log.info('duplicate request skipped', { kind: DETAILS_MODAL, reason: 'double click' });
      return;
    }
    await queueClick(deps, args, job);
  };
}

/** The first click on this button of this message by this person for DOUBLE_CLICK_MS. */
async function firstClick(deps: SlackDeps, body: BlockAction, value: string): Promise<boolean> {
  const ts = (body.container as { message_ts?: string } | undefined)?.message_ts;
  if (!ts) return true;
  const digest = createHash('sha256').update(value).digest('hex').slice(0, 24);
  const lease = await leaseOnce(deps, `details:${ts}:${body.user.id}:${digest}`, DOUBLE_CLICK_MS);
  await lease?.keep(DOUBLE_CLICK_MS);
  return lease !== undefined;
}
