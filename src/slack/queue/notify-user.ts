// Telling the user when a queued answer cannot be delivered: the failure's code through the response_url
// when it still works, else an ephemeral message in the channel, else a direct message from the app.
import { errorFields } from '../../errors/index.js';
import type { JobRecord } from '../../store/index.js';
import { buildNotice } from '../blocks/notice.js';
import type { SlackDeps } from '../deps.js';
import { classifyFailure, type FailureClass, type Transport } from './transport.js';

/** Slack allows five uses of a response_url. */
const RESPONSE_URL_USES = 5;

export async function reportJobFailure(
  deps: SlackDeps,
  transport: Transport,
  job: JobRecord,
  f: FailureClass,
  inThread = false,
): Promise<void> {
  const notice = buildNotice('error', `${f.message} (${f.code})`);
  const t = job.target;
  try {
    if (inThread && t.channel && t.threadTs) {
      const client = await transport.client(t);
      await client.chat.postMessage({
        channel: t.channel,
        thread_ts: t.threadTs,
        text: notice.text,
        blocks: notice.blocks,
        unfurl_links: false,
      });
      return;
    }
    if (t.responseUrl && f.code !== 'E_RESPONSE_URL' && job.partsDone < RESPONSE_URL_USES) {
      try {
        await transport.respond(t.responseUrl, notice);
        return;
      } catch {
        // The link refused too: fall through to the Web API.
      }
    }
    const client = await transport.client(t);
    if (t.channel && t.user && !t.channel.startsWith('D')) {
      await client.chat.postEphemeral({
        channel: t.channel,
        user: t.user,
        text: notice.text,
        blocks: notice.blocks,
      });
    } else if (t.user) {
      await client.chat.postMessage({ channel: t.user, text: notice.text, blocks: notice.blocks });
    }
  } catch (err) {
    deps.log.error('could not report failure to user', {
      ...errorFields(err, 'E_INTERNAL'),
      jobCode: f.code,
    });
  }
}

export type Told = { ok: true } | { ok: false; retryable: boolean; code: string };

/** A job older than its response_url: the user is told in a direct message that no answer will come. */
export async function expireJob(deps: SlackDeps, transport: Transport, job: JobRecord): Promise<Told> {
  const user = job.target.user;
  if (!user) return { ok: false, retryable: false, code: 'E_DELIVERY_EXPIRED' };
  const notice = buildNotice(
    'error',
    'Your last request could not be answered before its Slack link expired, so no answer was delivered. Please ask again. (E_DELIVERY_EXPIRED)',
  );
  try {
    const client = await transport.client(job.target);
    await client.chat.postMessage({ channel: user, text: notice.text, blocks: notice.blocks });
    return { ok: true };
  } catch (err) {
    const f = classifyFailure(err);
    deps.log.warn('could not tell the user of an expired job', { job: job.id, code: f.code });
    return { ok: false, retryable: f.retryable, code: f.code };
  }
}
