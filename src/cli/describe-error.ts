// One line for an unexpected failure in a command-line tool: its code (if any) and the first line of its message.
export function describeError(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const message = (err instanceof Error ? err.message.split('\n')[0] : String(err)) || 'unknown error';
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
