// The real composition root in Socket Mode as a process: `src/main/start.ts` with a bot token and an app-level token,
// SLACK_API_URL at the loopback Slack fake, whose apps.connections.open hands out the loopback Socket Mode peer.
// A slash command envelope is acked and answered, the JSON API and /healthz listen on PORT beside the socket,
// and SIGTERM closes the socket and exits 0.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from '../../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import { SocketModePeer } from '../support/socket-mode-peer.js';

let slack: SlackWebApiFake;
let peer: SocketModePeer;
let child: ChildProcess;
let apiKey = '';
let port = 0;
const output: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
    });
  });
}

beforeAll(async () => {
  slack = new SlackWebApiFake({ teamId: 'T0TEST', botUserId: 'UBOT', botId: 'BBOT' });
  await slack.start();
  peer = await SocketModePeer.start();
  slack.offerSocketMode(peer.nextUrl);
  port = await freePort();
  const sqlitePath = join(await mkdtemp(join(tmpdir(), 'socket-mode-')), 'store.sqlite');
  // A key for the JSON API, created the way an operator does (npm run api-key), in the app's database.
  const created = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/main/api-key.ts', 'create', '--name', 'socket-test'],
    { env: { ...process.env, DATABASE_URL: '', SQLITE_PATH: sqlitePath }, encoding: 'utf8' },
  );
  apiKey = created.stdout.trim().split('\n').at(-1) ?? '';
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main/start.ts'], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-test-1-2-abc',
      SLACK_APP_TOKEN: 'xapp-1-A0APP-1-abc',
      SLACK_SIGNING_SECRET: '',
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      DATABASE_URL: '',
      SQLITE_PATH: sqlitePath,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const started = Date.now();
  while (!output.join('').includes('"msg":"ready"')) {
    if (Date.now() - started > 30_000) throw new Error(`app did not start:\n${output.join('')}`);
    if (child.exitCode !== null) throw new Error(`app exited ${child.exitCode}:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 40_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
  await peer?.close();
  await slack?.stop();
});

describe('src/main/start.ts in Socket Mode against the loopback peer', () => {
  it('opened the socket with the app-level token and says it is ready in socket mode', () => {
    expect(slack.callsOf('apps.connections.open')).toHaveLength(1);
    expect(peer.open).toBe(true);
    expect(output.join('')).toMatch(/"msg":"ready","mode":"socket"/);
  });

  it('acks a slash command envelope and answers through response_url', async () => {
    const responseUrl = slack.newResponseUrl();
    const id = responseUrl.split('/').pop();
    const ack = await peer.sendRequest(slashCommand('EGFR ex19del, oligometastatic, ECOG 3', responseUrl));
    expect(ack.payload).toEqual({});
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === id), 5000);
    expect(JSON.stringify(answer.body)).toContain('Not recommended');
  });

  it('serves /healthz and the JSON API on PORT beside the socket, with a key only', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const consult = (authorization?: string) =>
      fetch(`http://127.0.0.1:${port}/api/v1/consult`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ case: { driver: 'none', metastases: { burden: 'poly' }, ecog: 1 } }),
      });
    expect((await consult()).status).toBe(401);
    expect((await consult('Bearer not-a-key')).status).toBe(401);
    const res = await consult(`Bearer ${apiKey}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { verdict: string }).verdict).toBe('not-recommended');
  });

  it('SIGTERM closes the socket and exits 0', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The peer sees the close frame (or the socket end) shortly after the exit.
    for (let i = 0; i < 50 && peer.open; i++) await new Promise((r) => setTimeout(r, 100));
    expect(peer.open).toBe(false);
  }, 20_000);
});
