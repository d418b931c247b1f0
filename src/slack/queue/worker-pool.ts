// The in-process workers of the delivery queue: a bounded pool that leases due jobs (from this process or any
// replica), keeps the leases alive while it works, delivers, and marks each job done with its audit row in one
// transaction. A retryable failure goes back to the queue with back-off (or Slack's Retry-After); a permanent
// one, or a job older than its response_url, ends with a coded error shown to the user.
import { randomUUID } from 'node:crypto';
import { codeOf, errorFields } from '../../errors/index.js';
import { withRequestId } from '../../log/request-context.js';
import type { JobCompletion, JobNotice, JobRecord, Jobs, QueueDepth } from '../../store/index.js';
import type { SlackDeps } from '../deps.js';
import { yieldToAcks } from '../yield-to-acks.js';
import { sendParts } from './execute.js';
import { EXPIRED_NOTICE, expireJob, reportJobFailure, type Told } from './notify-user.js';
import type { JobContext, KindRegistry, Plan } from './registry.js';
import { classifyFailure, type FailureClass, type Transport } from './transport.js';

export interface QueueOptions {
  jobs: Jobs;
  kinds: KindRegistry;
  deps: SlackDeps;
  transport: Transport;
  /** Jobs worked at once by this process. Default 4. */
  concurrency?: number;
  /** Jobs this process may hold leased at enqueue while waiting for a worker (its own, never claimed). Default 32. */
  prefetch?: number;
  /** Lease length; renewed every third of it while a job runs. Default 10 s. */
  leaseMs?: number;
  /** How often the queue is checked for jobs of other replicas and retries due. Default 250 ms. */
  pollMs?: number;
  /** Delivery attempts before a retryable failure becomes permanent. Default 6. */
  maxAttempts?: number;
  /** How long an answer can still be delivered (Slack's response_url: 30 minutes). */
  lifetimeMs?: number;
}

export interface DeliveryQueue {
  readonly owner: string;
  /** Starts the workers and logs one line per job found waiting (the recovery after a restart). */
  start(): Promise<void>;
  /** A job was just enqueued here: look now rather than at the next poll. */
  notify(): void;
  /** A lease for the job about to be enqueued here, while this process has room for it (else undefined: the job
   * is written unleased and any worker claims it). The caller then `take`s the leased job, or `cancel`s. */
  reserve(): Reservation | undefined;
  /** Stops leasing; resolves true when running jobs finished within `timeoutMs`. */
  stop(timeoutMs: number): Promise<boolean>;
  depth(): Promise<QueueDepth>;
  readonly running: number;
}

export interface Reservation {
  owner: string;
  leaseMs: number;
  /** Runs the job written with this lease (after the current turn, so the ack goes out first). */
  take(job: JobRecord): void;
  /** The job was not written with the lease (a duplicate, or the write failed). */
  cancel(): void;
}

export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

/** A job key may qualify its request beyond the audit row's key after a '#' (a command's response_url digest):
 * the audit row keeps the request's own key (`command:<trigger id>`). */
export function auditKey(jobKey: string): string {
  return jobKey.split('#')[0] ?? jobKey;
}

export function backoffMs(attempt: number): number {
  const base = Math.min(60_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export function createDeliveryQueue(opts: QueueOptions): DeliveryQueue {
  return new WorkerPool(opts);
}

class WorkerPool implements DeliveryQueue {
  readonly owner = `${process.pid}:${randomUUID()}`;
  private readonly cfg: Required<Omit<QueueOptions, 'jobs' | 'kinds' | 'deps' | 'transport'>>;
  private readonly jobs: Jobs;
  private readonly deps: SlackDeps;
  private readonly active = new Set<string>();
  /** Leased at enqueue by this process, waiting for a worker (their leases renewed with the running ones'). */
  private readonly waiting: JobRecord[] = [];
  /** Reservations handed out whose job is not written yet. */
  private reserved = 0;
  private readonly idle: (() => void)[] = [];
  private stopped = true;
  private polling = false;
  private again = false;
  /** The last poll stopped with the pool full, so due jobs may still be waiting. */
  private backlog = false;
  private timer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: QueueOptions) {
    this.cfg = {
      concurrency: opts.concurrency ?? 4,
      prefetch: opts.prefetch ?? 32,
      leaseMs: opts.leaseMs ?? 10_000,
      pollMs: opts.pollMs ?? 250,
      maxAttempts: opts.maxAttempts ?? 6,
      lifetimeMs: opts.lifetimeMs ?? RESPONSE_URL_LIFETIME_MS,
    };
    this.jobs = opts.jobs;
    this.deps = opts.deps;
  }

  get running(): number {
    return this.active.size;
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    try {
      for (const j of await this.jobs.pending(1000)) {
        this.deps.log.info('job resumed', {
          job: j.id,
          kind: j.kind,
          ageMs: this.deps.now().getTime() - j.createdAt.getTime(),
          attempts: j.attempts,
        });
      }
    } catch (err) {
      this.deps.log.error('queue recovery listing failed', errorFields(err, 'E_STORE'));
    }
    this.renewTimer = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.cfg.leaseMs / 3)));
    this.renewTimer.unref?.();
    void this.poll();
  }

  notify(): void {
    if (!this.stopped) setImmediate(() => void this.poll());
  }

  /** How many more jobs this process may hold leased (running, waiting, or reserved for an enqueue). */
  private room(): number {
    const held = this.active.size + this.waiting.length + this.reserved;
    return Math.max(0, this.cfg.concurrency + this.cfg.prefetch - held);
  }

  reserve(): Reservation | undefined {
    if (this.stopped || this.room() === 0) return undefined;
    this.reserved += 1;
    let open = true;
    const close = () => {
      if (!open) return false;
      open = false;
      this.reserved -= 1;
      return true;
    };
    return {
      owner: this.owner,
      leaseMs: this.cfg.leaseMs,
      take: (job) => {
        if (!close()) return;
        this.waiting.push(job);
        setImmediate(() => this.drainWaiting());
      },
      cancel: () => void close(),
    };
  }

  /** Starts waiting jobs while workers are free (also while stopping: they were acknowledged and are leased). */
  private drainWaiting(): void {
    while (this.waiting.length > 0 && this.active.size < this.cfg.concurrency)
      this.launch(this.waiting.shift()!);
  }

  async stop(timeoutMs: number): Promise<boolean> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const ok =
      (this.active.size === 0 && this.waiting.length === 0) ||
      (await new Promise<boolean>((resolve) => {
        const t = setTimeout(() => resolve(false), timeoutMs);
        this.idle.push(() => {
          clearTimeout(t);
          resolve(true);
        });
      }));
    if (this.renewTimer) clearInterval(this.renewTimer);
    return ok;
  }

  depth(): Promise<QueueDepth> {
    return this.jobs.depth();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), ms);
    this.timer.unref?.();
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = true;
    try {
      do {
        this.again = false;
        // Full: whatever is due waits for a free worker, which looks again when its job ends.
        if (this.active.size >= this.cfg.concurrency) this.backlog = true;
        // Jobs this process leased at enqueue go first; the queue is asked only for the workers left over.
        this.drainWaiting();
        while (!this.stopped && this.active.size < this.cfg.concurrency) {
          // A worker is free and nothing waits here: lease enough for the workers and the waiting room at once,
          // so a backlog costs one claim per batch rather than one per job.
          const want = this.room();
          if (want === 0) break;
          const got = await this.jobs.claim(this.owner, this.cfg.leaseMs, want);
          this.waiting.push(...got);
          this.drainWaiting();
          // Fewer than asked for: nothing else was due (each claim is a write transaction, so no empty re-ask).
          this.backlog = got.length === want;
          if (!this.backlog) break;
        }
      } while (this.again && !this.stopped);
    } catch (err) {
      this.deps.log.error('queue poll failed', errorFields(err, 'E_STORE'));
    } finally {
      this.polling = false;
      this.schedule(this.cfg.pollMs);
    }
  }

  private launch(job: JobRecord): void {
    this.active.add(job.id);
    void withRequestId(() => this.runJob(job), job.id)
      .catch((err: unknown) => this.deps.log.error('job failed unexpectedly', errorFields(err, 'E_INTERNAL')))
      .finally(() => {
        this.active.delete(job.id);
        this.drainWaiting();
        if (this.active.size === 0) for (const r of this.idle.splice(0)) r();
        // Only a pool that was full can have left due jobs behind; new ones notify, the timer finds the rest.
        if (!this.stopped && this.backlog) void this.poll();
      });
  }

  private async runJob(job: JobRecord): Promise<void> {
    // The plan is the CPU-heavy part (parse, engine, Block Kit): one job's per event-loop turn, so that requests
    // already waiting on their sockets are acknowledged first (acks never queue behind a burst of answers).
    await yieldToAcks();
    if (job.uncertain)
      this.deps.log.warn('job resumed after an interrupted send', { job: job.id, part: job.partsDone });
    const plan = await this.planOf(job);
    // The user was being told this job failed or expired: tell them that, once, rather than deliver now.
    if (job.notice) return this.resumeNotice(job, job.notice, plan.ok ? plan.plan : undefined);
    if (!plan.ok) return this.fail(job, plan.failure);
    if (this.deps.now().getTime() - job.createdAt.getTime() > this.cfg.lifetimeMs)
      return this.expire(job, plan.plan);
    try {
      const sent = await sendParts(plan.plan.parts, job.partsDone, job.target, this.opts.transport, {
        beforeSend: () => this.jobs.markSending(this.owner, job.id),
        afterSend: (i) => this.jobs.markPartDone(this.owner, job.id, i + 1),
        jobId: job.id,
        uncertain: job.uncertain,
        note: (msg, fields) => this.deps.log.warn(msg, { job: job.id, ...fields }),
      });
      if (!sent) return this.deps.log.warn('job lease lost; another worker has it', { job: job.id });
      await this.finish(job, plan.plan, sent.firstTs);
    } catch (err) {
      await this.fail(job, classifyFailure(err), err, plan.plan);
    }
  }

  /** The audit row of a job's answer: delivered, or its failure reported to the user. */
  private auditOf(job: JobRecord, plan: Plan | undefined): JobCompletion['consult'] {
    if (!plan?.audit || this.opts.kinds.get(job.kind)?.retryableByUser) return undefined;
    return { ...plan.audit, id: job.id, at: job.createdAt, idempotencyKey: auditKey(job.idempotencyKey) };
  }

  private async planOf(
    job: JobRecord,
  ): Promise<{ ok: true; plan: Plan } | { ok: false; failure: FailureClass }> {
    const kind = this.opts.kinds.get(job.kind);
    const payload = kind?.payload.safeParse(job.payload);
    if (!kind || !payload?.success)
      return {
        ok: false,
        failure: { code: 'E_JOB_INVALID', message: 'That request could not be read back.', retryable: false },
      };
    const ctx: JobContext = {
      deps: this.deps,
      jobId: job.id,
      idempotencyKey: job.idempotencyKey,
      createdAt: job.createdAt,
      target: job.target,
    };
    try {
      return { ok: true, plan: await kind.plan(payload.data, ctx) };
    } catch (err) {
      const code = codeOf(err) ?? 'E_INTERNAL';
      return { ok: false, failure: { code, message: 'Something went wrong on our side.', retryable: false } };
    }
  }

  private async finish(job: JobRecord, plan: Plan, firstTs: string | undefined): Promise<void> {
    const channel = job.target.channel;
    const threadTs = job.target.threadTs ?? firstTs;
    const done = await this.jobs.complete(this.owner, job.id, {
      outcome: 'delivered',
      consult: plan.audit && {
        ...plan.audit,
        id: job.id,
        at: job.createdAt,
        idempotencyKey: auditKey(job.idempotencyKey),
      },
      thread: plan.rememberThread && channel && threadTs ? { channel, ts: threadTs } : undefined,
    });
    if (!done) return this.deps.log.warn('job lease lost before completion', { job: job.id });
    if (plan.audit) this.deps.log.info('consult', { job: job.id, attempts: job.attempts, ...plan.log });
  }

  private async fail(job: JobRecord, f: FailureClass, err?: unknown, plan?: Plan): Promise<void> {
    const log = this.deps.log;
    if (f.retryable && job.attempts < this.cfg.maxAttempts) {
      const delay = Math.max(f.retryAfterMs ?? 0, backoffMs(job.attempts));
      log.warn('delivery retry', { job: job.id, code: f.code, attempt: job.attempts, delayMs: delay });
      await this.jobs.retryLater(this.owner, job.id, new Date(this.deps.now().getTime() + delay), f.code);
      return;
    }
    log.warn('delivery failed', {
      job: job.id,
      code: f.code,
      attempt: job.attempts,
      errorName: (err as Error)?.name,
    });
    await this.report(job, { outcome: 'reported', code: f.code, message: f.message }, plan);
  }

  private resumeNotice(job: JobRecord, notice: JobNotice, plan: Plan | undefined): Promise<void> {
    this.deps.log.warn('job resumed after an interrupted notice', { job: job.id, code: notice.code });
    return notice.outcome === 'expired' ? this.expire(job, plan) : this.report(job, notice, plan);
  }

  /** Records the notice (once) before it is sent, so a resume knows the user may have been told. */
  private async noticeRecorded(job: JobRecord, notice: JobNotice): Promise<boolean> {
    if (job.notice || (await this.jobs.markNotice(this.owner, job.id, notice))) return true;
    this.deps.log.warn('job lease lost before its notice; another worker has it', { job: job.id });
    return false;
  }

  private async report(job: JobRecord, notice: JobNotice, plan: Plan | undefined): Promise<void> {
    if (!(await this.noticeRecorded(job, notice))) return;
    const kind = this.opts.kinds.get(job.kind);
    const told = await reportJobFailure(this.deps, this.opts.transport, job, notice, {
      inThread: kind?.reportInThread,
      replaceOnResend: kind?.commandResponseUrl,
    });
    // Slack could not be reached to tell them: the notice is tried again later (looked for first, it may have
    // arrived), so an audit row still means the user was told, as far as attempts allow.
    if (await this.noticeRetriedLater(job, told, notice.code)) return;
    await this.jobs.complete(this.owner, job.id, {
      outcome: 'reported',
      errorCode: notice.code,
      consult: this.auditOf(job, plan),
      releaseKey: kind?.retryableByUser,
    });
  }

  private async expire(job: JobRecord, plan: Plan | undefined): Promise<void> {
    if (!(await this.noticeRecorded(job, EXPIRED_NOTICE))) return;
    const told = await expireJob(this.deps, this.opts.transport, job);
    if (!told.ok && (await this.noticeRetriedLater(job, told, told.code))) return;
    const errorCode = told.ok ? 'E_DELIVERY_EXPIRED' : told.code;
    await this.jobs.complete(this.owner, job.id, {
      outcome: 'expired',
      errorCode,
      consult: told.ok ? this.auditOf(job, plan) : undefined,
    });
    this.deps.log.warn('job expired', { job: job.id, kind: job.kind, userTold: told.ok });
  }

  /** A notice Slack could not take for now is tried again after a back-off, while attempts remain. */
  private async noticeRetriedLater(job: JobRecord, told: Told, code: string): Promise<boolean> {
    if (told.ok || !told.retryable || job.attempts >= this.cfg.maxAttempts) return false;
    const at = new Date(this.deps.now().getTime() + backoffMs(job.attempts));
    await this.jobs.retryLater(this.owner, job.id, at, code);
    return true;
  }

  private async renew(): Promise<void> {
    if (this.active.size === 0 && this.waiting.length === 0) return;
    try {
      const ids = [...this.active, ...this.waiting.map((j) => j.id)];
      await this.jobs.renew(this.owner, ids, this.cfg.leaseMs);
    } catch (err) {
      this.deps.log.error('lease renewal failed', errorFields(err, 'E_STORE'));
    }
  }
}
