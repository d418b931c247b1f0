// `npm start` as a user runs it (no Slack variables: the playground): the URL is the first line the app prints,
// then one line about the CLI; SIGTERM to the npm process, or Ctrl+C (SIGINT to the whole process group), stops
// the server: the port closes and no process of the group survives (npm → tsx → node, see package.json `exec`).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const HAS_PROC = existsSync('/proc/self/stat');
if (!HAS_PROC) console.warn('[skip] npm start process test: needs /proc (Linux) to list the process group.');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Live (non-zombie) processes whose process group is `pgid`, from /proc/<pid>/stat. */
function liveInGroup(pgid: number): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …; comm may contain spaces, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    const [state, , pgrp] = stat.slice(close + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') out.push(`${pid} ${stat.slice(0, close + 1)}`);
  }
  return out;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what} (waited ${timeoutMs} ms)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts `npm start` in its own process group and resolves once the app printed its two lines. */
async function npmStart(): Promise<{
  child: ChildProcess;
  port: number;
  lines: string[];
  exited: Promise<unknown>;
}> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'npm-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SQLITE_PATH: join(dir, 'store.sqlite'),
  };
  for (const k of [
    'SLACK_BOT_TOKEN',
    'SLACK_APP_TOKEN',
    'SLACK_SIGNING_SECRET',
    'SLACK_CLIENT_ID',
    'DATABASE_URL',
  ])
    delete env[k];
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += String(d)));
  child.stderr?.on('data', (d) => (stderr += String(d)));
  // npm's own banner ("> pkg start", "> exec tsx …") and blank lines come before the app's output.
  const lines = () => stdout.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('> '));
  await until(
    () => lines().length >= 2 || child.exitCode !== null,
    60_000,
    `npm start printed no URL (stdout: ${stdout}, stderr: ${stderr})`,
  );
  expect(child.exitCode, stderr).toBeNull();
  await until(() => portOpen(port), 10_000, 'the port did not open');
  return { child, port, lines: lines(), exited };
}

async function expectAllStopped(child: ChildProcess, port: number, exited: Promise<unknown>) {
  await exited;
  await until(async () => !(await portOpen(port)), 10_000, 'the port stayed open');
  await until(
    () => liveInGroup(child.pid!).length === 0,
    10_000,
    `processes survived: ${liveInGroup(child.pid!)}`,
  );
}

describe.runIf(HAS_PROC)('npm start (the playground)', () => {
  it('prints the URL first, then one line about the CLI; SIGTERM to npm stops everything', async () => {
    const { child, port, lines, exited } = await npmStart();
    try {
      expect(lines[0]).toBe(`Playground: http://localhost:${port}/`);
      expect(lines[1]).toContain('npm run consult -- --help');
      expect(lines[1]!.length).toBeLessThanOrEqual(100);
      expect(lines).toHaveLength(2);
      process.kill(child.pid!, 'SIGTERM');
      await expectAllStopped(child, port, exited);
      expect(child.exitCode).toBe(0);
    } finally {
      if (liveInGroup(child.pid!).length > 0) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 90_000);

  it('Ctrl+C (SIGINT to the process group) stops everything too', async () => {
    const { child, port, exited } = await npmStart();
    try {
      process.kill(-child.pid!, 'SIGINT');
      await expectAllStopped(child, port, exited);
    } finally {
      if (liveInGroup(child.pid!).length > 0) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 90_000);
});
