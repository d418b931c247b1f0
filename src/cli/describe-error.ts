// One line for an unexpected failure in a command-line tool: its code (if any) and the first line of its message.
import { codeOf } from '../errors/index.js';

export function describeError(err: unknown): string {
  const code = codeOf(err);
  const message = (err instanceof Error ? err.message.split('\n')[0] : String(err)) || 'unknown error';
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}
