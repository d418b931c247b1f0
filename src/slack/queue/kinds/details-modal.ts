// "Details", queued: the answer's details in a modal, opened with the click's trigger_id by a worker (at once,
// well inside Slack's 3 s). A trigger is single use and expires: a job resumed after a crash cannot open it, so
// it ends with the coded error shown to the clicker (click again) rather than silence.
import { z } from 'zod';
import { CaseSchema } from '../../../engine/index.js';
import { buildDetailsModal } from '../../blocks/details.js';
import { defineKind } from '../registry.js';
import { evaluateQueuedCase } from './evaluate-case.js';

export const DETAILS_MODAL = 'details-modal';

export const DetailsPayloadSchema = z.object({ case: CaseSchema, triggerId: z.string().min(1).max(255) });
export type DetailsPayload = z.infer<typeof DetailsPayloadSchema>;

export const detailsModal = defineKind<DetailsPayload>({
  name: DETAILS_MODAL,
  payload: DetailsPayloadSchema,
  async plan(p, { createdAt }) {
    const output = await evaluateQueuedCase(p.case, createdAt);
    return {
      parts: [{ via: 'modal', triggerId: p.triggerId, view: buildDetailsModal(output) }],
      log: { surface: 'show_evidence', verdict: output.verdict },
    };
  },
});
