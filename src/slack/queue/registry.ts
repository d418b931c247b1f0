// Job kinds: what a queued request turns into when a worker runs it. A kind validates its payload (structured
// facts only) and plans its delivery: the messages, in order, and the audit row written when they are all
// delivered. Planning is pure over the payload and the request time, so every attempt plans the same answer.
// New surfaces plug in by adding a kind here; the worker pool never changes.
import type { ModalView } from '@slack/types';
import type { z } from 'zod';
import type { ConsultInput, JobTarget } from '../../store/index.js';
import type { SlackMessage } from '../blocks/types.js';
import type { SlackDeps } from '../deps.js';

export interface JobContext {
  deps: SlackDeps;
  jobId: string;
  idempotencyKey: string;
  /** When the request was acknowledged: the answer is evaluated at this time on every attempt. */
  createdAt: Date;
  target: JobTarget;
}

/** One message and how it goes to Slack. `thread: 'first'` replies in the thread of this job's first post. */
export type Part =
  | {
      via: 'response_url';
      message: SlackMessage;
      replaceOriginal?: boolean | undefined;
      /** Sent again after an interrupted send, it goes with `replace_original` (README limits: a slash
       * command's response_url has no original message, and Slack's docs do not say what it replaces). Only
       * a job's first response_url message may set it, so it can only replace its own earlier copy. */
      replaceOnResend?: boolean | undefined;
    }
  | { via: 'post'; channel: string; threadTs?: string | 'first' | undefined; message: SlackMessage }
  /** A modal opened with the click's trigger_id (Slack accepts it for 3 s, once). */
  | { via: 'modal'; triggerId: string; view: ModalView }
  | {
      via: 'ephemeral';
      channel: string;
      user: string;
      threadTs?: string | undefined;
      message: SlackMessage;
    };

export interface Plan {
  parts: Part[];
  /** The audit row, written with the job's completion (its id is the job id, so buttons can name it). */
  audit?: Omit<ConsultInput, 'id' | 'at' | 'idempotencyKey'> | undefined;
  /** Keep the first post's thread with the audit row (shared answers, for re-check notes). */
  rememberThread?: boolean;
  /** Extra fields of the `consult` log line (never text). */
  log?: Record<string, unknown>;
}

export interface JobKind<P = unknown> {
  readonly name: string;
  readonly payload: z.ZodType<P>;
  /** A failure is reported in the target's thread, for everyone there (the request was visible there too). */
  readonly reportInThread?: boolean;
  /** A permanent failure frees the request's key (and writes no audit row), so the user's next click retries. */
  readonly retryableByUser?: boolean;
  /** The target's response_url is a slash command's (it came with no message): a failure notice resent after a
   * crash goes with replace_original, as the answer's first message does (README limits: an assumption). */
  readonly commandResponseUrl?: boolean;
  plan(payload: P, ctx: JobContext): Plan | Promise<Plan>;
}

export type KindRegistry = ReadonlyMap<string, JobKind>;

/** Erases a kind's payload type for the registry; payloads are re-validated with its schema on every run. */
export function defineKind<P>(kind: JobKind<P>): JobKind {
  return kind as unknown as JobKind;
}

export function kindRegistry(kinds: readonly JobKind[]): KindRegistry {
  const map = new Map<string, JobKind>();
  for (const k of kinds) {
    if (map.has(k.name)) throw new Error(`duplicate job kind ${k.name}`);
    map.set(k.name, k);
  }
  return map;
}
