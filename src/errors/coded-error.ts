// An unexpected failure with a stable code. Expected failures (bad input, an unknown trial) are values, never
// thrown; what is thrown is a defect or an outage, and it is reported once, by its code.
import { type AnyErrorCode, ERROR_CODES, type ErrorCode, isErrorCode } from './codes.js';

export class CodedError extends Error {
  override readonly name = 'CodedError';
  constructor(
    readonly code: AnyErrorCode,
    message?: string,
    options?: { cause?: unknown },
  ) {
    super(message ?? (ERROR_CODES as Record<string, string>)[code] ?? code, options);
  }
}

/**
 * The one normaliser: any thrown value becomes a CodedError. A value that already carries a known code keeps
 * it; a store error keeps its kind in the message; anything else gets `fallback`. Only the code and the
 * error's class name are meant for logs; the message may hold a database's or library's words.
 */
export function toCodedError(err: unknown, fallback: ErrorCode = 'E_INTERNAL'): CodedError {
  if (err instanceof CodedError) return err;
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  return new CodedError(isErrorCode(code) ? code : fallback, message, { cause: err });
}

/** The code a thrown value carries, if it carries a string one (Node's, a library's or ours). */
export function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const code = (err as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** What a log line may say about a failure: its code and the class of the original error, never its text. */
export function errorFields(
  err: unknown,
  fallback: ErrorCode = 'E_INTERNAL',
): { code: string; name: string } {
  const coded = toCodedError(err, fallback);
  const original = coded.cause instanceof Error ? coded.cause.name : coded.name;
  return { code: coded.code, name: original };
}
