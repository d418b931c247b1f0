// The ack seam of a listener: the request's job is written to the queue BEFORE the ack, so an acknowledged
// request is never lost; a retry, a replay or a double click finds its first row and adds nothing. Without a
// store (tests), or if the database refuses the write, the same plan runs in memory after the ack instead
// (logged), through the listener's own respond and client.
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { errorFields } from '../../errors/index.js';
import type { JobRecord, JobTarget } from '../../store/index.js';
import type { SlackDeps } from '../deps.js';
import { sendParts } from './execute.js';
import { JOB_KINDS } from './kinds/index.js';
import { reportJobFailure } from './notify-user.js';
import { classifyFailure, postToResponseUrl, type Transport } from './transport.js';

export interface JobRequest {
  kind: string;
  idempotencyKey: string;
  payload: unknown;
  target: JobTarget;
}

export interface Enqueued {
  /** `queued`: a worker delivers it; `duplicate`: an earlier request with this key did; `inline`: in memory. */
  status: 'queued' | 'duplicate' | 'inline';
  /** Call after the ack: runs the in-memory fallback, or does nothing. */
  afterAck(): Promise<void>;
}

const NOTHING = async () => {};

export async function enqueueJob(
  deps: SlackDeps,
  req: JobRequest,
  via: { respond?: RespondFn | undefined; client: WebClient },
): Promise<Enqueued> {
  if (deps.store && deps.queue) {
    // This process leases the job in its own INSERT when it has room to work it (no claim UPDATE after).
    const lease = deps.queue.reserve?.();
    try {
      const res = await deps.store.jobs.enqueue({
        ...req,
        rulesetVersion: deps.ruleset.version,
        at: deps.now(),
        lease: lease && { owner: lease.owner, ms: lease.leaseMs },
      });
      if (res.leased && lease) lease.take(res.leased);
      else {
        lease?.cancel();
        if (res.created) deps.queue.notify();
        else deps.log.info('duplicate request skipped', { job: res.id, kind: req.kind });
      }
      return { status: res.created ? 'queued' : 'duplicate', afterAck: NOTHING };
    } catch (err) {
      lease?.cancel();
      deps.log.error('job could not be queued; answering in memory', errorFields(err, 'E_STORE'));
    }
  }
  return { status: 'inline', afterAck: () => runInline(deps, req, inlineTransport(via)) };
}

function inlineTransport(via: { respond?: RespondFn | undefined; client: WebClient }): Transport {
  return {
    async respond(url, m, replaceOriginal = false) {
      // A view submission has no respond(): its response_url (from the modal's metadata) is posted to directly.
      if (!via.respond) return postToResponseUrl(url, m, replaceOriginal);
      await via.respond({
        response_type: 'ephemeral',
        replace_original: replaceOriginal,
        text: m.text,
        blocks: m.blocks,
      });
    },
    client: async () => via.client,
  };
}

/** The queue's plan and sends, in memory: no lease, no audit row of its own (the store is absent or down). */
async function runInline(deps: SlackDeps, req: JobRequest, transport: Transport): Promise<void> {
  const job: JobRecord = {
    id: `inline:${req.idempotencyKey}`,
    kind: req.kind,
    idempotencyKey: req.idempotencyKey,
    payload: req.payload,
    target: req.target,
    rulesetVersion: deps.ruleset.version,
    attempts: 1,
    partsDone: 0,
    createdAt: deps.now(),
    uncertain: false,
  };
  const kind = JOB_KINDS.get(req.kind);
  try {
    if (!kind) throw new Error(`unknown job kind ${req.kind}`);
    const plan = await kind.plan(kind.payload.parse(req.payload), {
      deps,
      jobId: job.id,
      idempotencyKey: req.idempotencyKey,
      createdAt: job.createdAt,
      target: req.target,
    });
    await sendParts(plan.parts, 0, req.target, transport);
    if (plan.audit) deps.log.info('consult', { inline: true, ...plan.log });
  } catch (err) {
    const f = classifyFailure(err);
    deps.log.warn('listener failed', { surface: req.kind, code: f.code });
    await reportJobFailure(deps, transport, job, f, { inThread: kind?.reportInThread });
  }
}
