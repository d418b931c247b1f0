// Turns Slack API failures into something the user can act on, with a stable code for support.
import { ErrorCode } from '@slack/web-api';
import { codeOf, ERROR_CODES } from '../errors/index.js';
import { RespondError } from './bolt.js';

export interface ExplainedError {
  /** Stable code shown to the user and logged (never with message text). */
  code: string;
  /** What to tell the user: what happened and what to do. */
  message: string;
}

const PLATFORM: Record<string, string> = {
  not_in_channel: 'I am not a member of this channel. Invite me with `/invite @Thoracic RT`, then try again.',
  channel_not_found:
    'I cannot see this channel (private or archived?). Invite me, or use the answer shown only to you.',
  is_archived: 'This channel is archived, so I cannot post in it.',
  expired_trigger_id: 'That took too long to open the form. Please try again.',
  exchanged_trigger_id: 'That form was already opened. Please click again.',
  invalid_trigger_id: 'Slack did not accept the request to open the form. Please try again.',
  invalid_blocks: 'Slack rejected the formatting of the answer. Please report this code to your Slack admin.',
  msg_blocks_too_long:
    'The answer was too long for one Slack message. Please report this code to your Slack admin.',
  view_too_large: 'The form was too large for Slack. Please report this code to your Slack admin.',
  restricted_action: 'A workspace setting does not allow me to post here.',
  ratelimited: 'Slack is rate-limiting me right now. Please try again in a minute.',
};

export function explainSlackError(err: unknown): ExplainedError {
  if (err instanceof RespondError) {
    return {
      code: 'E_RESPONSE_URL',
      message: 'This answer link has expired (Slack keeps them for 30 minutes). Run the command again.',
    };
  }
  const code = codeOf(err);
  const slackCode = slackErrorCode(err);
  if (slackCode) {
    return {
      code: `E_SLACK_${slackCode.toUpperCase()}`,
      message: PLATFORM[slackCode] ?? `Slack refused the request (${slackCode}). Please try again.`,
    };
  }
  // The client retries a 429 itself; when it gives up, the rate limit arrives wrapped in a request error.
  const original = (err as { original?: { message?: string } })?.original?.message ?? '';
  if (
    code === ErrorCode.RateLimitedError ||
    (code === ErrorCode.RequestError && /rate limit/i.test(original))
  )
    return { code: 'E_SLACK_RATELIMITED', message: PLATFORM.ratelimited! };
  if (code === ErrorCode.RequestError || code === ErrorCode.HTTPError) {
    return { code: 'E_SLACK_UNREACHABLE', message: 'I could not reach Slack. Please try again in a moment.' };
  }
  return { code: 'E_INTERNAL', message: ERROR_CODES.E_INTERNAL };
}

/** The Slack error code of a platform error, if it is one. */
export function slackErrorCode(err: unknown): string | undefined {
  if (codeOf(err) !== ErrorCode.PlatformError) return undefined;
  const data = (err as { data?: unknown }).data;
  const error = typeof data === 'object' && data !== null ? (data as { error?: unknown }).error : undefined;
  return typeof error === 'string' && error !== '' ? error : undefined;
}
