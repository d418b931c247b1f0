// The real composition root as a process: `npm start` in HTTP mode with a test signing secret and SLACK_API_URL
// pointing at the loopback Slack fake. Each public example gets 200 within 3 s and its answer at the fake.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, SIGNING_SECRET, slashCommand } from '../../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import { openStore } from '../../src/store/index.js';
import { PUBLIC_EXAMPLES } from '../support/public-examples.js';

const EXAMPLES: [string, string][] = PUBLIC_EXAMPLES.map((e) => [e.text, e.verdictLabel]);

let slack: SlackWebApiFake;
let child: ChildProcess;
let base = '';
let sqlitePath = '';
const output: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  slack = new SlackWebApiFake({ teamId: 'T0TEST', botUserId: 'UBOT', botId: 'BBOT' });
  await slack.start();
  const port = await freePort();
  sqlitePath = join(await mkdtemp(join(tmpdir(), 'http-mode-')), 'store.sqlite');
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main/start.ts'], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-test-1-2-abc',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
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
    child.kill('SIGTERM');
    await exited;
  }
  await slack.stop();
});

describe('npm start in HTTP mode against a fake Slack', () => {
  it.each(EXAMPLES)('"%s" → 200 within 3 s, then "%s" at the fake', async (text, verdict) => {
    const responseUrl = slack.newResponseUrl();
    const id = responseUrl.split('/').pop();
    const res = await deliver(`${base}/slack/events`, slashCommand(text, responseUrl, `trigger.${id}`), {
      secret: SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === id), 5000);
    expect(JSON.stringify(answer.body)).toContain(verdict);
  });

  it('answers /healthz and /readyz, and logs no case text', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(output.join('')).not.toMatch(/haemoptysis|osimertinib|carbo\/paclitaxel/);
    // Each request's log lines carry its request id.
    const consults = output
      .join('')
      .split('\n')
      .filter((l) => l.includes('"msg":"consult"'))
      .map((l) => JSON.parse(l) as { requestId?: string });
    expect(consults).toHaveLength(EXAMPLES.length);
    expect(new Set(consults.map((c) => c.requestId)).size).toBe(EXAMPLES.length);
  });

  it('on SIGTERM right after an ack, still delivers and records that answer, then exits 0', async () => {
    const responseUrl = slack.newResponseUrl();
    const id = responseUrl.split('/').pop();
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const res = await deliver(
      `${base}/slack/events`,
      slashCommand(EXAMPLES[0]![0], responseUrl, `trigger.${id}`),
      {
        secret: SIGNING_SECRET,
      },
    );
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(slack.responses.find((r) => r.id === id)).toBeTruthy();
    expect(output.join('')).toContain('"msg":"stopping"');
    const store = await openStore({ sqlitePath });
    try {
      const rows = await store.listRecentConsults({ limit: 20 });
      expect(rows.filter((r) => r.surface === 'slack-command')).toHaveLength(EXAMPLES.length + 1);
    } finally {
      await store.close();
    }
  });
});
