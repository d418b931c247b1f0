// The processes bench/run-all.ts measures, each started on its own free port with the Web API at the driver's
// fake: our production build (`npm run start:prod`'s node flags and entry, HTTP mode, a throwaway SQLite store)
// and the two Bolt peers of bench/server.ts, compiled once with esbuild (no tsx at run time in any of them).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SIGNING_SECRET } from '../src/playground/slack-requests.js';
import { cpuSnapshot } from './proc-stats.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..');
const PEER_FILE = join(HERE, '.out', 'server.mjs');

export type TargetName = 'app' | 'standard' | 'ack-only';

export interface Proc {
  name: TargetName;
  child: ChildProcess;
  pid: number;
  port: number;
  coldStartMs: number;
  /** CPU time (all threads) the process used until its port opened: steadier than wall time on a busy machine. */
  coldStartCpuMs: number | null;
  stderr: string[];
}

/** `npm run build`, then the peers: bundled local code, Bolt from node_modules as any compiled app loads it. */
export async function buildAll(): Promise<void> {
  const r = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.status})`);
  await build({
    entryPoints: [join(HERE, 'server.ts')],
    outfile: PEER_FILE,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}

/** The node flags and entry of `npm run start:prod` ("node [flags] dist/main/start.js"). */
export function startProdArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts['start:prod'] ?? '').split(/\s+/).filter(Boolean);
  if (words[0] !== 'node') throw new Error('start:prod is not "node …"');
  return [...(process.env.BENCH_APP_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean), ...words.slice(1)];
}

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function command(
  name: TargetName,
  port: number,
  apiUrl: string,
  databaseUrl = process.env.BENCH_DATABASE_URL,
): { args: string[]; env: NodeJS.ProcessEnv } {
  const base = { PATH: process.env.PATH ?? '', SLACK_API_URL: apiUrl, LOG_LEVEL: 'warn' };
  if (name !== 'app') return { args: [PEER_FILE, name, String(port)], env: base };
  return {
    args: startProdArgs(),
    env: {
      ...base,
      NODE_ENV: 'production',
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: String(port),
      SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'bench-store-')), 'bench.sqlite'),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  };
}

/** Spawns a target and measures spawn → port open (polled every 2 ms). */
export async function startTarget(name: TargetName, apiUrl: string, databaseUrl?: string): Promise<Proc> {
  const port = await freePort();
  const stderr: string[] = [];
  const { args, env } = command(name, port, apiUrl, databaseUrl);
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 50) stderr.push(d.toString());
  });
  const deadline = t0 + 20_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await portOpen(port)) {
      const coldStartMs = performance.now() - t0;
      const cpu = cpuSnapshot(child.pid ?? 0);
      const coldStartCpuMs = cpu ? cpu.allThreadsNs / 1e6 : null;
      return { name, child, pid: child.pid ?? 0, port, coldStartMs, coldStartCpuMs, stderr };
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not start: ${stderr.join('').slice(0, 500)}`);
}

export async function stopTarget(p: Proc): Promise<void> {
  if (p.child.exitCode !== null) return;
  const exited = new Promise<void>((r) => p.child.once('exit', () => r()));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
