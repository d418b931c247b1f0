// Sends a plan's messages in order through a transport, from the first one not yet delivered. The worker pool
// wraps each send in a "sending" mark and each success in a "part done" mark, so a resumed job skips what
// already reached Slack; without a store (tests) the same code sends everything once.
import type { JobTarget } from '../../store/index.js';
import type { Part } from './registry.js';
import type { Transport } from './transport.js';

export interface PartHooks {
  /** Before a part is sent; false stops (the lease was lost). */
  beforeSend?(index: number): Promise<boolean>;
  /** After part `index` reached Slack (not called for the last part: completion records that). */
  afterSend?(index: number): Promise<void>;
}

/** Sends parts[from…]; resolves to the ts of the first post (for the audit row's thread), or false if stopped. */
export async function sendParts(
  parts: readonly Part[],
  from: number,
  target: JobTarget,
  transport: Transport,
  hooks: PartHooks = {},
): Promise<{ firstTs: string | undefined } | false> {
  let firstTs: string | undefined;
  for (let i = from; i < parts.length; i++) {
    if (hooks.beforeSend && !(await hooks.beforeSend(i))) return false;
    const ts = await sendPart(parts[i]!, target, transport, firstTs);
    if (i === 0) firstTs = ts;
    if (i < parts.length - 1) await hooks.afterSend?.(i);
  }
  return { firstTs };
}

async function sendPart(
  part: Part,
  target: JobTarget,
  transport: Transport,
  firstTs: string | undefined,
): Promise<string | undefined> {
  const { text, blocks } = part.message;
  if (part.via === 'response_url') {
    if (!target.responseUrl) throw new Error('job has no response_url');
    await transport.respond(target.responseUrl, part.message);
    return undefined;
  }
  const client = await transport.client(target);
  if (part.via === 'ephemeral') {
    await client.chat.postEphemeral({
      channel: part.channel,
      user: part.user,
      text,
      blocks,
      ...(part.threadTs ? { thread_ts: part.threadTs } : {}),
    });
    return undefined;
  }
  // A continuation resumed after a crash may not know its first post's ts: it then goes to the channel.
  const thread = part.threadTs === 'first' ? firstTs : part.threadTs;
  const posted = await client.chat.postMessage({
    channel: part.channel,
    text,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(thread ? { thread_ts: thread } : {}),
  });
  return posted.ts;
}
