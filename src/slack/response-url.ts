// Posting to a response_url kept in a modal's metadata (a view submission has no respond()): the answer to a
// form opened by the slash command goes back where the command was typed (works in private channels and DMs
// the bot is not in, where chat.postEphemeral fails), and a completion replaces the preview it came from.
import type { SlackMessage } from './blocks/types.js';

/** True when Slack accepted the message; false when the URL expired or refused (the caller falls back). */
export async function sendViaResponseUrl(
  url: string,
  message: SlackMessage,
  opts: { replaceOriginal: boolean },
): Promise<boolean> {
  if (!url.startsWith('https://')) return false;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        response_type: 'ephemeral',
        replace_original: opts.replaceOriginal,
        text: message.text,
        blocks: message.blocks,
      }),
      signal: AbortSignal.timeout(5000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** Replaces the message the modal was opened from (a preview). */
export function replaceViaResponseUrl(url: string, message: SlackMessage): Promise<boolean> {
  return sendViaResponseUrl(url, message, { replaceOriginal: true });
}
