// Every job kind the queue knows. A new surface adds its kind here (and enqueues it at its listener's ack).
import { kindRegistry } from '../registry.js';
import { cardInPlace } from './card-in-place.js';
import { commandReply } from './command-reply.js';
import { detailsModal } from './details-modal.js';
import { mentionReply } from './mention-reply.js';
import { modalAnswer } from './modal-answer.js';
import { shareAnswer } from './share-answer.js';

export { CARD_IN_PLACE, type CardPayload, CardPayloadSchema } from './card-in-place.js';
export { COMMAND_REPLY } from './command-reply.js';
export { DETAILS_MODAL, type DetailsPayload, DetailsPayloadSchema } from './details-modal.js';
export { MENTION_REPLY } from './mention-reply.js';
export { MODAL_ANSWER, type ModalPayload } from './modal-answer.js';
export { type ReadingPayload, readingPayload } from './reading-payload.js';
export { SHARE_ANSWER } from './share-answer.js';

export const JOB_KINDS = kindRegistry([
  cardInPlace,
  commandReply,
  detailsModal,
  mentionReply,
  modalAnswer,
  shareAnswer,
]);
