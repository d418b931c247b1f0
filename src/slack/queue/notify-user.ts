// Telling the user when a queued answer cannot be delivered: the failure's code through the response_url
// when it still works, else an ephemeral message in the channel, else a direct message from the app; a job
// older than its response_url tells its user in a direct message. The worker records the notice before it is
// sent (see worker-pool), so a job resumed after a crash between the notice and the job's completion tells the
// user once: a posted notice (thread, DM) carries message metadata `{ job_id, part: 'notice' }` and is looked
// for in Slack before it is posted again; a response_url notice is resent with replace_original on the same
// terms as an answer (a slash command's URL, nothing of the job delivered through it before).
import type { WebClient } from '@slack/web-api';
import { errorFields } from '../../errors/index.js';
import type { JobNotice, JobRecord } from '../../store/index.js';
import { buildNotice } from '../blocks/notice.js';
import type { SlackMessage } from '../blocks/types.js';
import type { SlackDeps } from '../deps.js';
import { deliveryMetadata, findPosted } from './execute.js';
import { classifyFailure, type Transport } from './transport.js';

/** Slack allows five uses of a response_url. */
const RESPONSE_URL_USES = 5;

/** The `part` of a notice's message metadata (an answer's parts are numbered). */
export const NOTICE_PART = 'notice';

export const EXPIRED_NOTICE: JobNotice = {
  outcome: 'expired',
  code: 'E_DELIVERY_EXPIRED',
  message:
    'Your last request could not be answered before its Slack link expired, so no answer was delivered. Please ask again.',
};

export interface NoticeOptions {
  /** Post the notice in the target's thread, for everyone there (a mention's failure). */
  inThread?: boolean | undefined;
  /** The response_url is a slash command's (no original message): a resent notice may replace its own copy. */
  replaceOnResend?: boolean | undefined;
}

interface Ctx {
  deps: SlackDeps;
  job: JobRecord;
  /** The notice was recorded by an earlier attempt: it may already be in Slack. */
  resumed: boolean;
}

const note = (ctx: Ctx, msg: string, fields: Record<string, unknown> = {}) =>
  ctx.deps.log.warn(msg, { job: ctx.job.id, ...fields });

export async function reportJobFailure(
  deps: SlackDeps,
  transport: Transport,
  job: JobRecord,
  f: Pick<JobNotice, 'code' | 'message'>,
  opts: NoticeOptions = {},
): Promise<Told> {
  const notice = buildNotice('error', `${f.message} (${f.code})`);
  const t = job.target;
  const ctx: Ctx = { deps, job, resumed: job.notice !== undefined };
  try {
    if (opts.inThread && t.channel && t.threadTs) {
      await postNotice(ctx, await transport.client(t), { channel: t.channel, thread: t.threadTs }, notice);
      return { ok: true };
    }
    if (t.responseUrl && f.code !== 'E_RESPONSE_URL' && job.partsDone < RESPONSE_URL_USES) {
      try {
        // As an answer's first message: replace_original can only replace this job's own earlier copy.
        const replace = ctx.resumed && opts.replaceOnResend === true && job.partsDone === 0;
        if (ctx.resumed)
          note(ctx, replace ? 'interrupted notice sent again, replacing its earlier copy' : RESENT_TWICE, {
            via: 'response_url',
          });
        await transport.respond(t.responseUrl, notice, replace);
        return { ok: true };
      } catch {
        // The link refused too: fall through to the Web API.
      }
    }
    const client = await transport.client(t);
    if (t.channel && t.user && !t.channel.startsWith('D')) {
      // An ephemeral message cannot be read back.
      if (ctx.resumed) note(ctx, RESENT_TWICE, { via: 'ephemeral' });
      await client.chat.postEphemeral({
        channel: t.channel,
        user: t.user,
        text: notice.text,
        blocks: notice.blocks,
      });
      return { ok: true };
    }
    if (!t.user) return { ok: false, retryable: false, code: f.code };
    await postNotice(ctx, client, { dmWith: t.user }, notice);
    return { ok: true };
  } catch (err) {
    deps.log.error('could not report failure to user', {
      ...errorFields(err, 'E_INTERNAL'),
      jobCode: f.code,
    });
    const failed = classifyFailure(err);
    return { ok: false, retryable: failed.retryable, code: failed.code };
  }
}

const RESENT_TWICE = 'interrupted notice sent again; it may show twice';

export type Told = { ok: true } | { ok: false; retryable: boolean; code: string };

/** A job older than its response_url: the user is told in a direct message that no answer will come. */
export async function expireJob(deps: SlackDeps, transport: Transport, job: JobRecord): Promise<Told> {
  const user = job.target.user;
  if (!user) return { ok: false, retryable: false, code: 'E_DELIVERY_EXPIRED' };
  const notice = buildNotice('error', `${EXPIRED_NOTICE.message} (${EXPIRED_NOTICE.code})`);
  const ctx: Ctx = { deps, job, resumed: job.notice !== undefined };
  try {
    await postNotice(ctx, await transport.client(job.target), { dmWith: user }, notice);
    return { ok: true };
  } catch (err) {
    const f = classifyFailure(err);
    deps.log.warn('could not tell the user of an expired job', { job: job.id, code: f.code });
    return { ok: false, retryable: f.retryable, code: f.code };
  }
}

type Where = { channel: string; thread: string } | { dmWith: string };

/** Posts the notice with its metadata; on a resume, only if Slack does not have it already. */
async function postNotice(ctx: Ctx, client: WebClient, where: Where, notice: SlackMessage): Promise<void> {
  if (ctx.resumed && (await foundInSlack(ctx, client, where))) return;
  await client.chat.postMessage({
    // A user id as the channel: the app's direct message with that user.
    channel: 'dmWith' in where ? where.dmWith : where.channel,
    ...('thread' in where ? { thread_ts: where.thread } : {}),
    text: notice.text,
    blocks: notice.blocks,
    unfurl_links: false,
    metadata: deliveryMetadata(ctx.job.id, NOTICE_PART),
  });
}

async function foundInSlack(ctx: Ctx, client: WebClient, where: Where): Promise<boolean> {
  try {
    // The DM's channel id (conversations.open, im:write); reading it needs im:history.
    const channel =
      'dmWith' in where
        ? (await client.conversations.open({ users: where.dmWith })).channel?.id
        : where.channel;
    if (!channel) throw new Error('conversations.open gave no channel');
    const thread = 'thread' in where ? where.thread : undefined;
    if (await findPosted(client, channel, thread, ctx.job.id, NOTICE_PART)) {
      note(ctx, 'interrupted notice found in Slack; not sent again');
      return true;
    }
  } catch (err) {
    // Slack could not be read (e.g. a workspace without the history scope): send, at the risk of a copy.
    note(ctx, 'interrupted notice could not be looked up; sending again', { error: (err as Error).name });
  }
  return false;
}
