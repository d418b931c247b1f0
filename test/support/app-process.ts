// The real app (`src/main/start.ts`) as a child process in HTTP mode against the loopback Slack fake, for the
// crash and replica tests: start it, wait for "ready", send it signed requests, kill it (SIGKILL or SIGTERM).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { SIGNING_SECRET } from '../../src/playground/slack-requests.js';

export interface AppProcess {
  child: ChildProcess;
  base: string;
  output: string[];
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the app with `store` (SQLITE_PATH or DATABASE_URL) and a short delivery lease. */
export async function startAppProcess(
  slackApiUrl: string,
  store: { sqlitePath?: string; databaseUrl?: string },
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/start.ts'], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-test-1-2-abc',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: slackApiUrl,
      PORT: String(port),
      DATABASE_URL: store.databaseUrl ?? '',
      SQLITE_PATH: store.sqlitePath ?? '',
      LOG_LEVEL: 'info',
      DELIVERY_LEASE_MS: '1500',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const started = Date.now();
  while (!output.join('').includes('"msg":"ready"')) {
    if (Date.now() - started > 40_000) throw new Error(`app did not start:\n${output.join('')}`);
    if (child.exitCode !== null) throw new Error(`app exited ${child.exitCode}:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}

/** Log lines of the app with this message. */
export function logLines(output: string[], msg: string): Record<string, unknown>[] {
  return output
    .join('')
    .split('\n')
    .filter((l) => l.includes(`"msg":"${msg}"`))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
