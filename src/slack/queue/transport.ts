// How a planned message reaches Slack, and what a failure means for the job: retry later (Slack unreachable,
// rate limited: honouring Retry-After, 5xx) or give up and tell the user (the link expired, Slack refused).
import type { FetchFunction, WebClient } from '@slack/web-api';
import { ErrorCode } from '@slack/web-api';
import { codeOf } from '../../errors/index.js';
import type { JobTarget } from '../../store/index.js';
import type { SlackMessage } from '../blocks/types.js';
import { explainSlackError } from '../slack-errors.js';

export interface Transport {
  /** POSTs to a response_url: an ephemeral reply, or a replacement of the message it came from. */
  respond(url: string, message: SlackMessage, replaceOriginal?: boolean): Promise<void>;
  /** The Web API client for the job's workspace. */
  client(target: JobTarget): Promise<WebClient>;
}

/** A response_url POST that failed: the status, and Retry-After when Slack sent one. */
export class ResponseUrlError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`response_url answered ${status}`);
    this.name = 'ResponseUrlError';
  }
}

export async function postToResponseUrl(
  url: string,
  message: SlackMessage,
  replaceOriginal = false,
  timeoutMs = 10_000,
  /** The app's pooled client (src/slack/pooled-fetch.ts); the built-in fetch by default. */
  fetchFn: FetchFunction = globalThis.fetch as unknown as FetchFunction,
): Promise<void> {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      response_type: 'ephemeral',
      replace_original: replaceOriginal,
      text: message.text,
      blocks: message.blocks,
    }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new ResponseUrlError(res.status, retryAfterMs(res.headers.get('retry-after')));
}

function retryAfterMs(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

export interface FailureClass {
  code: string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number | undefined;
}

/** Sorts a delivery failure into retryable (with Slack's Retry-After if any) or permanent. */
export function classifyFailure(err: unknown): FailureClass {
  if (err instanceof ResponseUrlError) {
    if (err.status === 404 || err.status === 410 || err.status === 403) {
      return { code: 'E_RESPONSE_URL', message: EXPIRED_LINK, retryable: false };
    }
    const retryable = err.status === 429 || err.status >= 500;
    return {
      code: err.status === 429 ? 'E_SLACK_RATELIMITED' : 'E_SLACK_UNREACHABLE',
      message: 'I could not reach Slack. Please try again in a moment.',
      retryable,
      retryAfterMs: err.retryAfterMs,
    };
  }
  const explained = explainSlackError(err);
  const code = codeOf(err);
  if (code === ErrorCode.RateLimitedError) {
    const after = (err as { retryAfter?: number }).retryAfter;
    return {
      ...explained,
      retryable: true,
      retryAfterMs: typeof after === 'number' ? after * 1000 : undefined,
    };
  }
  if (code === ErrorCode.HTTPError) {
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    const after = (err as { headers?: Record<string, string> }).headers?.['retry-after'];
    return { ...explained, retryable: status === 429 || status >= 500, retryAfterMs: retryAfterMs(after) };
  }
  // fetch's network failures and timeouts, and the client's request errors: Slack was not reached.
  if (
    code === ErrorCode.RequestError ||
    (err instanceof Error && /fetch failed|timeout|aborted/i.test(err.message))
  )
    return { ...explained, retryable: true, retryAfterMs: wrappedRetryAfter(err) };
  return { ...explained, retryable: false };
}

const EXPIRED_LINK = 'This answer link has expired (Slack keeps them for 30 minutes). Run the command again.';

/** The client wraps a 429 it gave up on in a request error; its Retry-After is in the original's message. */
function wrappedRetryAfter(err: unknown): number | undefined {
  const original = (err as { original?: { message?: string; retryAfter?: number } })?.original;
  if (typeof original?.retryAfter === 'number') return original.retryAfter * 1000;
  const m = /retry-?after[^0-9]*(\d+)/i.exec(original?.message ?? '');
  return m ? Number(m[1]) * 1000 : undefined;
}
