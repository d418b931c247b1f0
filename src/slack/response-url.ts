// Posting to a response_url kept in a modal's metadata (a view submission has no respond()): replaces the
// message the modal was opened from, e.g. the preview a "Complete the case" modal came from.
import type { SlackMessage } from './blocks/types.js';

/** True when Slack accepted the replacement; false when the URL expired or refused (the caller falls back). */
export async function replaceViaResponseUrl(url: string, message: SlackMessage): Promise<boolean> {
  if (!url.startsWith('https://')) return false;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, text: message.text, blocks: message.blocks }),
      signal: AbortSignal.timeout(5000),
    });
    return res.ok;
  } catch {
    return false;
  }
}
