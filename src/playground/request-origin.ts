// Who may call the playground's endpoints. The emulator's Web API fake (/api/*) and response_url fake
// (/response/*) are called by the app's own Slack client, never by a browser: any request carrying a browser's
// Origin or Sec-Fetch-Site header is refused, so a web page open in the same browser cannot post, edit or
// delete messages through them. The page's own endpoints (/playground/*) accept only same-origin requests that
// carry the token embedded in the page served at start-up: a custom header a cross-origin page cannot send
// without a CORS preflight, which is never granted.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const PAGE_TOKEN_HEADER = 'x-playground-token';

export function newPageToken(): string {
  return randomBytes(24).toString('base64url');
}

/** True when a browser sent this request (the Node Slack client sends neither header). */
export function fromBrowser(req: IncomingMessage): boolean {
  return req.headers.origin !== undefined || req.headers['sec-fetch-site'] !== undefined;
}

/** Why a request to the page's endpoints is refused, or undefined when it comes from the page itself. */
export function pageRequestProblem(
  req: IncomingMessage,
  allowedHosts: ReadonlySet<string>,
  token: string,
  tokenFromQuery?: string | null,
): string | undefined {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return 'cross-site requests are refused';
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
    return 'cross-origin requests are refused';
  }
  const given = String(req.headers[PAGE_TOKEN_HEADER] ?? tokenFromQuery ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    return 'reload the playground page (missing or stale page token)';
  return undefined;
}
