// Background WAL checkpoints for the SQLite store. better-sqlite3 is synchronous, so a checkpoint run by the
// connection that commits (SQLite's automatic one, every 1000 pages) stalls the event loop and the answer being
// recorded for tens of milliseconds. Instead a worker thread with its own connection runs PASSIVE checkpoints
// (they never block writers or readers) every `intervalMs`; the main connection's automatic checkpoint stays on
// at a higher threshold as a safety net, should the worker ever stop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: try again next tick */ }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'stop') { clearInterval(timer); db.close(); parentPort.postMessage('stopped'); }
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Pages after which the committing connection checkpoints by itself (≈ 40 MB of WAL with 4 KiB pages). */
export const SAFETY_NET_AUTOCHECKPOINT_PAGES = 10_000;

export function startCheckpointer(path: string, intervalMs: number, busyTimeoutMs: number): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, intervalMs, busyTimeoutMs, driver },
  });
  worker.unref();
  // A failing worker only means checkpoints fall back to the safety net; it must never crash the app.
  worker.on('error', () => {});
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = () => resolve();
        worker.once('exit', done);
        worker.once('message', () => {
          void worker.terminate().then(done, done);
        });
        worker.postMessage('stop');
        // A wedged worker must not hold close() forever.
        setTimeout(() => {
          void worker.terminate().then(done, done);
        }, 2000).unref();
      });
      return stopped;
    },
  };
}
