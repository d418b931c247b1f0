import type { KnownBlock } from '@slack/types';

/** One message to post: `text` is the notification and screen-reader fallback, always present and escaped. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
