// The one error vocabulary: every code a user, an operator or a log line can see, with what it means. A code
// is stable (support and runbooks cite it); the text says what happened and what to do, never user content.

export const ERROR_CODES = {
  E_INTERNAL: 'Something went wrong on our side. Please try again; if it persists, tell your admin.',
  E_UNHANDLED: 'An error escaped a handler; it was logged and the request was answered with a failure.',
  E_START: 'The server could not start.',
  E_PLAYGROUND: 'The local playground could not start.',
  E_CONFIG: 'The configuration is invalid.',
  E_TOKEN_KEY: 'A stored Slack token cannot be opened with the configured TOKEN_ENCRYPTION_KEY.',
  E_INTENTS_INVALID: 'The intent definitions in intents/ are invalid.',
  E_PARSE_INVALID_CASE: 'The text was read into an invalid case (a defect of the reader, not of the text).',
  E_MODAL_CASE: 'The form produced an invalid case (a defect of the form reader).',
  E_CONSULT_INTERNAL: 'The consult failed unexpectedly.',
  E_API_INTERNAL: 'The API failed unexpectedly; try again.',
  E_AUDIT: 'The answer was given but could not be recorded in the audit trail.',
  E_STORE: 'The database did not answer.',
  E_CLAIM: 'The idempotency claim could not be made or released.',
  E_DECISION: 'The board decision could not be recorded.',
  E_RETENTION: 'Applying the audit retention period failed.',
  E_RESPONSE_URL: 'This answer link has expired (Slack keeps them for 30 minutes). Run the command again.',
  E_SLACK_UNREACHABLE: 'Slack could not be reached. Please try again in a moment.',
  E_SLACK_RATELIMITED: 'Slack is rate-limiting the app right now. Please try again in a minute.',
  E_SLACK_PLATFORM: 'Slack refused the request.',
  E_DELIVERY_EXPIRED:
    'The answer could not be delivered before its Slack link expired (30 minutes); you were told in a direct message.',
  E_JOB_INVALID:
    'A queued request could not be read back (unknown kind or invalid payload); it was not answered.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Slack platform errors keep Slack's own error name in the code (E_SLACK_NOT_IN_CHANNEL), for support. */
export type SlackPlatformCode = `E_SLACK_${Uppercase<string>}`;

export type AnyErrorCode = ErrorCode | SlackPlatformCode;

export function isErrorCode(value: unknown): value is AnyErrorCode {
  return typeof value === 'string' && (value in ERROR_CODES || /^E_SLACK_[A-Z0-9_]+$/.test(value));
}
