// Bolt rejects signed requests older than five minutes but not ones dated in the future, which would stretch
// the window in which a captured request can be replayed. This guard rejects both directions before Bolt runs.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export function rejectFutureTimestamps(
  next: Listener,
  nowSeconds = () => Math.floor(Date.now() / 1000),
): Listener {
  return (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const ts = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isFinite(ts) && ts > nowSeconds() + MAX_CLOCK_SKEW_SECONDS) {
      req.resume();
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_request', message: 'request timestamp is in the future' }));
      return;
    }
    next(req, res);
  };
}
