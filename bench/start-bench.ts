// Cold start of `npm start` under tsx against the production build (`node dist/main/start.js`): spawn → the
// playground's "Playground:" line (port open), median of 5 runs each. Run `npm run build` first. Prints figures.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const runs = 5;

async function once(cmd: string, args: string[], port: number): Promise<number> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'start-bench-'));
  const child = spawn(cmd, args, {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: String(port), SQLITE_PATH: join(dir, 's.sqlite') },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let ready = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!ready && out.includes('Playground:')) {
        ready = true;
        const ms = performance.now() - started;
        child.kill('SIGTERM');
        child.once('exit', () => resolve(ms));
      }
    });
    child.once('exit', (code) => {
      if (!ready) reject(new Error(`${cmd} exited ${code} before ready`));
    });
  });
}

async function median(cmd: string, args: string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once(cmd, args, 39_000 + i));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

if (!existsSync(join(root, 'dist/main/start.js'))) throw new Error('run npm run build first');
const tsx = await median(join(root, 'node_modules/.bin/tsx'), ['src/main/start.ts']);
const node = await median(process.execPath, ['dist/main/start.js']);
process.stdout.write(
  `cold start, spawn → port open (median of ${runs}): tsx src/main/start.ts ${tsx.toFixed(0)} ms, node dist/main/start.js ${node.toFixed(0)} ms\n`,
);
