// A signed request replayed inside Slack's five-minute window (the same signature over the same body) is
// acknowledged with 200 and not handled again, on any replica: its digest is claimed in the store once it has
// passed Bolt's signature check. Slack's own retries are new requests (new timestamp and signature); they are
// made idempotent by each surface's key (event id, trigger id, view hash) in the delivery queue.
// A slash command is not claimed here: a replay carries the same trigger id and response_url, so the command's
// job key (unique in the queue) already makes it a duplicate, with no claims row (one write fewer before every
// ack). The command's answers that are not queued (the form, evidence lookups, failures) claim the digest
// themselves through `firstDelivery` before acting.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { App } from '@slack/bolt';
import { errorFields } from '../errors/index.js';
import type { SlackDeps } from './deps.js';

/** Longer than Slack's replay window (5 min) plus the clock skew the timestamp guard allows (5 min). */
const REPLAY_WINDOW_MS = 11 * 60 * 1000;

/** Bolt's customPropertiesExtractor: the digest of the verified signature, timestamp and body. */
export function requestDigest(req: IncomingMessage): { requestDigest?: string } {
  const raw = (req as IncomingMessage & { rawBody?: Buffer }).rawBody;
  const signature = req.headers['x-slack-signature'];
  if (!raw || typeof signature !== 'string') return {};
  const ts = String(req.headers['x-slack-request-timestamp'] ?? '');
  const digest = createHash('sha256').update(signature).update('\n').update(ts).update('\n').update(raw);
  return { requestDigest: digest.digest('hex') };
}

/** True unless this exact signed request was handled before (on any replica); a store failure lets it through. */
export async function firstDelivery(deps: SlackDeps, context: object): Promise<boolean> {
  const digest = (context as { requestDigest?: unknown }).requestDigest;
  const store = deps.store;
  if (typeof digest !== 'string' || !store) return true;
  try {
    if (await store.claimOnce(`replay:${digest}`, REPLAY_WINDOW_MS)) return true;
  } catch (err) {
    deps.log.error('replay check failed', errorFields(err, 'E_CLAIM'));
    return true;
  }
  replayIgnored(deps, context);
  return false;
}

export function replayIgnored(deps: SlackDeps, context: object): void {
  deps.log.warn('replayed request ignored', { retryNum: (context as { retryNum?: number }).retryNum });
}

export function rejectReplays(app: App, deps: SlackDeps): void {
  app.use(async (args) => {
    // Slash commands check in their listener (see above).
    if (typeof (args.body as { command?: unknown }).command === 'string') return args.next();
    if (await firstDelivery(deps, args.context)) return args.next();
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  });
}
