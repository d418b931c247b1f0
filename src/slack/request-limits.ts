// Limits applied before Bolt reads a request: at most this many requests at once (the next one is refused
// with 503 and Retry-After, and its socket closed, rather than buffered), and bodies capped while they stream
// (Bolt's bodyLimit: 413 as soon as the cap is passed, before the signature is checked).
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Slack's largest payloads (a modal submission with its view) stay well under this. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Concurrent requests served; Slack retries an event refused with 503. */
export const MAX_CONCURRENT_REQUESTS = 128;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export function limitConcurrency(next: Listener, max = MAX_CONCURRENT_REQUESTS): Listener {
  let active = 0;
  return (req, res) => {
    if (active >= max) {
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', connection: 'close' });
      res.end(JSON.stringify({ error: 'busy', message: 'too many requests at once; retry shortly' }));
      return;
    }
    active += 1;
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      active -= 1;
    };
    res.once('close', release);
    res.once('finish', release);
    next(req, res);
  };
}
