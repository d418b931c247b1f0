// What a server process costs, read from /proc (Linux): CPU time of its main thread (the event loop) in ns from
// schedstat, CPU time of all its threads (V8's GC and compiler helpers, libuv's pool, SQLite's checkpointer
// worker) from stat's utime + stime, which also counts threads that have exited, and its resident set size.
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

export interface CpuSnapshot {
  eventLoopNs: number;
  allThreadsNs: number;
}

export function cpuSnapshot(pid: number): CpuSnapshot | null {
  try {
    const sched = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { eventLoopNs: Number(sched[0]), allThreadsNs: (ticks * 1e9) / USER_HZ };
  } catch {
    return null;
  }
}

/** CPU ms per unit of work between two snapshots. */
export function cpuPer(
  before: CpuSnapshot | null,
  after: CpuSnapshot | null,
  units: number,
): { eventLoopMs: number; allThreadsMs: number } | null {
  if (!before || !after || units <= 0) return null;
  return {
    eventLoopMs: (after.eventLoopNs - before.eventLoopNs) / 1e6 / units,
    allThreadsMs: (after.allThreadsNs - before.allThreadsNs) / 1e6 / units,
  };
}

export function rssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return 'n/a';
  }
}
