// Opens the intake modal right after ack(): the trigger_id expires three seconds after Slack sent it.
import type { WebClient } from '@slack/web-api';
import type { CaseInput } from '../engine/index.js';
import { buildIntakeModal } from './views/intake-modal.js';
import { encodeMetadata, type ModalMetadata } from './views/modal-metadata.js';

export async function openIntake(
  client: WebClient,
  triggerId: string,
  metadata: ModalMetadata,
  initial?: CaseInput,
  notice?: string,
): Promise<void> {
  const encoded = encodeMetadata(metadata);
  await client.views.open({
    trigger_id: triggerId,
    view: buildIntakeModal({
      metadata: encoded.value,
      ...(initial ? { initial } : {}),
      ...(notice ? { notice } : {}),
    }),
  });
}
