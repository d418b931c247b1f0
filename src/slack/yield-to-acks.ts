// After ack(), wait for a turn before CPU work, so that requests already waiting on the socket are acknowledged
// first: under load, acks stay fast and only the answers queue. Waiters are let through one per event-loop
// iteration, in arrival order: a burst of 50 commands no longer runs 50 answers (~1 ms each) back to back in
// one check phase while new requests wait for the poll phase (ack p99 at 50 connections was ~13× Bolt's).
// The backlog is bounded: past MAX_WAITING answers, work runs at once, so that under sustained overload acks are
// paced by answers again instead of acknowledged commands piling up in memory (with a 128 MB heap cap the
// unbounded backlog ran out of memory at 50 connections).
const MAX_WAITING = 64;
const waiting: (() => void)[] = [];
let scheduled = false;

function releaseOne(): void {
  scheduled = false;
  waiting.shift()?.();
  // Scheduled from the check phase, the next release runs in the next iteration, after its poll phase.
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(releaseOne);
}

export function yieldToAcks(): Promise<void> {
  if (waiting.length >= MAX_WAITING) return Promise.resolve();
  return new Promise((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}
