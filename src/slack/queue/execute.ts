// Sends a plan's messages in order through a transport, from the first one not yet delivered. The worker pool
// wraps each send in a "sending" mark and each success in a "part done" mark, so a resumed job skips what
// already reached Slack; without a store (tests) the same code sends everything once.
// A send cut by a crash (marked but never confirmed) may or may not have reached Slack. Every chat.postMessage
// of a job carries message metadata naming the job and the part, so the resumed job first looks for it in the
// channel (or thread) and posts only if it is not there; a response_url cannot be read back, so an uncertain
// response_url message is sent again (replacing its own earlier copy where the part allows it, see registry).
import type { WebClient } from '@slack/web-api';
import type { JobTarget } from '../../store/index.js';
import { slackErrorCode } from '../slack-errors.js';
import type { Part } from './registry.js';
import type { Transport } from './transport.js';

/** The metadata event type of every message a queued job posts: `{ job_id, part }`. */
export const DELIVERY_EVENT = 'thoracic_rt_delivery';

/** The metadata a job's post carries, so a resumed job can find it (`findPosted`). */
export function deliveryMetadata(jobId: string, part: number | 'notice') {
  return { event_type: DELIVERY_EVENT, event_payload: { job_id: jobId, part } };
}

export interface PartHooks {
  /** Before a part is sent; false stops (the lease was lost). */
  beforeSend?(index: number): Promise<boolean>;
  /** After part `index` reached Slack (not called for the last part: completion records that). */
  afterSend?(index: number): Promise<void>;
  /** The job's id, carried in each post's metadata so a resumed job can find what already reached Slack. */
  jobId?: string;
  /** The send of the first part to send (`from`) was cut: it may already be in Slack. */
  uncertain?: boolean;
  /** What a resume found or chose (log lines; never message text). */
  note?(msg: string, fields: Record<string, unknown>): void;
}

interface Ctx {
  target: JobTarget;
  transport: Transport;
  hooks: PartHooks;
  firstTs: string | undefined;
}

/** Sends parts[from…]; resolves to the ts of the first post (for the audit row's thread), or false if stopped. */
export async function sendParts(
  parts: readonly Part[],
  from: number,
  target: JobTarget,
  transport: Transport,
  hooks: PartHooks = {},
): Promise<{ firstTs: string | undefined } | false> {
  const ctx: Ctx = { target, transport, hooks, firstTs: undefined };
  if (from > 0) ctx.firstTs = await recoverFirstTs(parts, ctx);
  for (let i = from; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (part.via === 'post' && part.threadTs === 'first' && !ctx.firstTs) {
      // Its thread's first post is unknown: the reply is left out rather than posted in the channel.
      hooks.note?.('thread reply left out: its first post was not found', { part: i });
      if (!last) await hooks.afterSend?.(i);
      continue;
    }
    if (hooks.beforeSend && !(await hooks.beforeSend(i))) return false;
    const ts =
      hooks.uncertain && i === from ? await resendUncertain(part, i, ctx) : await sendPart(part, i, ctx);
    if (i === 0) ctx.firstTs = ts;
    if (!last) await hooks.afterSend?.(i);
  }
  return { firstTs: ctx.firstTs };
}

/** A job resumed past its first post: that post's ts (its thread and the audit row need it), from Slack. */
async function recoverFirstTs(parts: readonly Part[], ctx: Ctx): Promise<string | undefined> {
  const first = parts[0];
  if (first?.via !== 'post' || !ctx.hooks.jobId) return undefined;
  try {
    const client = await ctx.transport.client(ctx.target);
    const ts = await findPosted(client, first.channel, threadOf(first, undefined), ctx.hooks.jobId, 0);
    if (!ts) ctx.hooks.note?.('first post of a resumed job not found', { part: 0 });
    return ts;
  } catch (err) {
    ctx.hooks.note?.('first post of a resumed job could not be looked up', { error: (err as Error).name });
    return undefined;
  }
}

/** The part whose send was cut: not sent again if Slack has it (posts), else sent as safely as it allows. */
async function resendUncertain(part: Part, index: number, ctx: Ctx): Promise<string | undefined> {
  const note = ctx.hooks.note ?? (() => {});
  if (part.via === 'post' && ctx.hooks.jobId) {
    try {
      const client = await ctx.transport.client(ctx.target);
      const thread = threadOf(part, ctx.firstTs);
      const ts = await findPosted(client, part.channel, thread, ctx.hooks.jobId, index);
      if (ts) {
        note('interrupted send found in Slack; not sent again', { part: index });
        return ts;
      }
    } catch (err) {
      // Slack could not be read (e.g. a workspace without the history scope): send, at the risk of a copy.
      note('interrupted send could not be looked up; sending again', {
        part: index,
        error: (err as Error).name,
      });
    }
    return sendPart(part, index, ctx);
  }
  if (part.via === 'response_url' && part.replaceOnResend && !part.replaceOriginal) {
    note('interrupted send sent again, replacing its earlier copy', { part: index });
    return sendPart({ ...part, replaceOriginal: true }, index, ctx);
  }
  // A replacement (replace_original) is the same message again; a modal's trigger is single use (see
  // openModal); an ephemeral message may show twice.
  if (!(part.via === 'response_url' && part.replaceOriginal) && part.via !== 'modal')
    note('interrupted send sent again; it may show twice', { part: index, via: part.via });
  return sendPart(part, index, ctx);
}

/** A trigger_id is single use: `exchanged_trigger_id` on a resend means the modal was opened already. */
async function openModal(part: Extract<Part, { via: 'modal' }>, ctx: Ctx): Promise<undefined> {
  const client = await ctx.transport.client(ctx.target);
  try {
    await client.views.open({ trigger_id: part.triggerId, view: part.view });
  } catch (err) {
    if (!(ctx.hooks.uncertain && slackErrorCode(err) === 'exchanged_trigger_id')) throw err;
    ctx.hooks.note?.('interrupted modal was opened already', {});
  }
  return undefined;
}

function threadOf(part: Extract<Part, { via: 'post' }>, firstTs: string | undefined): string | undefined {
  return part.threadTs === 'first' ? firstTs : part.threadTs;
}

/** The ts of the message job `jobId` posted as part `index` (or its notice) in `channel` (or the thread), if Slack
 * has it. */
export async function findPosted(
  client: WebClient,
  channel: string,
  thread: string | undefined,
  jobId: string,
  index: number | 'notice',
): Promise<string | undefined> {
  let cursor: string | undefined;
  // A resumed job is seconds or minutes old: its post is among the channel's latest messages.
  for (let page = 0; page < 3; page++) {
    const args = { channel, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
    const res = thread
      ? await client.conversations.replies({ ...args, ts: thread })
      : await client.conversations.history(args);
    const messages = (res.messages ?? []) as { ts?: string; metadata?: unknown }[];
    const hit = messages.find((m) => isPart(m.metadata, jobId, index));
    if (hit?.ts) return hit.ts;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return undefined;
  }
  return undefined;
}

function isPart(metadata: unknown, jobId: string, index: number | 'notice'): boolean {
  const m = metadata as { event_type?: unknown; event_payload?: { job_id?: unknown; part?: unknown } };
  const part = m?.event_payload?.part;
  return (
    m?.event_type === DELIVERY_EVENT &&
    m.event_payload?.job_id === jobId &&
    (typeof index === 'number' ? Number(part) === index : part === index)
  );
}

async function sendPart(part: Part, index: number, ctx: Ctx): Promise<string | undefined> {
  const { target, transport } = ctx;
  if (part.via === 'modal') return openModal(part, ctx);
  const { text, blocks } = part.message;
  if (part.via === 'response_url') {
    if (!target.responseUrl) throw new Error('job has no response_url');
    await transport.respond(target.responseUrl, part.message, part.replaceOriginal);
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
  const thread = threadOf(part, ctx.firstTs);
  const jobId = ctx.hooks.jobId;
  const posted = await client.chat.postMessage({
    channel: part.channel,
    text,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(thread ? { thread_ts: thread } : {}),
    ...(jobId ? { metadata: deliveryMetadata(jobId, index) } : {}),
  });
  return posted.ts;
}
