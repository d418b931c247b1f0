// `npm run audit:export` / `audit:prune`: argument parsing, the retention cutoff, and the real process
// (stdout export, one-line errors with exit code 2).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAuditArgs, parseSince, retentionCutoff } from '../../src/store/audit-cli.js';
import { openStore } from '../../src/store/index.js';
import { exampleOutput, parseCsv, ROOT } from './support.js';

describe('audit arguments', () => {
  it('parses export dates and formats', () => {
    expect(parseAuditArgs(['export', '--since', '2026-01-01', '--format', 'jsonl'], {})).toEqual({
      ok: true,
      command: { kind: 'export', since: new Date('2026-01-01T00:00:00Z'), format: 'jsonl' },
    });
    expect(parseAuditArgs(['export', '--since', '2026-01-01T08:00:00+02:00'], {})).toMatchObject({
      ok: true,
      command: { since: new Date('2026-01-01T06:00:00Z'), format: 'csv' },
    });
    for (const since of ['2026-02-30', '01/02/2026', 'yesterday', '2026-01-01T08:00']) {
      expect(parseSince(since), since).toBeUndefined();
    }
    expect(parseAuditArgs(['export'], {})).toMatchObject({
      ok: false,
      message: expect.stringMatching(/--since/),
    });
    expect(parseAuditArgs(['export', '--since', '2026-01-01', '--format', 'xml'], {})).toMatchObject({
      ok: false,
      message: expect.stringMatching(/--format must be csv or jsonl/),
    });
    expect(parseAuditArgs(['export', '--since', '2026-01-01', '--what'], {})).toMatchObject({ ok: false });
  });

  it('takes the retention from the flag, else AUDIT_RETENTION_YEARS, else 6 years', () => {
    expect(parseAuditArgs(['prune'], {})).toEqual({ ok: true, command: { kind: 'prune', years: 6 } });
    expect(parseAuditArgs(['prune'], { AUDIT_RETENTION_YEARS: '10' })).toMatchObject({
      command: { years: 10 },
    });
    expect(
      parseAuditArgs(['prune', '--older-than-years', '7'], { AUDIT_RETENTION_YEARS: '10' }),
    ).toMatchObject({
      command: { years: 7 },
    });
    expect(parseAuditArgs(['prune'], { AUDIT_RETENTION_YEARS: 'six' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^AUDIT_RETENTION_YEARS must be/),
    });
    expect(parseAuditArgs(['prune', '--older-than-years', '0'], {})).toMatchObject({ ok: false });
    expect(retentionCutoff(new Date('2026-11-27T09:00:00Z'), 6)).toEqual(new Date('2020-11-27T09:00:00Z'));
  });
});

describe('audit commands as real processes', () => {
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thoracic-rt-audit-'));
    path = join(dir, 'audit.sqlite');
    const store = await openStore({ sqlitePath: path });
    const output = exampleOutput('ex1-egfr-oligo-naive');
    await store.recordConsult({
      id: 'ancient',
      at: new Date('2001-01-01T00:00:00Z'),
      surface: 'cli',
      output,
    });
    await store.recordConsult({ id: 'new', at: new Date('2026-06-01T00:00:00Z'), surface: 'cli', output });
    await store.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/audit.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', AUDIT_RETENTION_YEARS: '', SQLITE_PATH: path, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('exports to stdout, rejects bad arguments with one line and exit 2, and prunes', async () => {
    const csv = await run(['export', '--since', '2000-01-01', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(parseCsv(csv.stdout).map((r) => r[0])).toEqual(['id', 'ancient', 'new']);

    const bad = await run(['export', '--since', 'last-week']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^audit:export: --since must be a date such as 2026-01-01/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);

    const badEnv = await run(['prune'], { AUDIT_RETENTION_YEARS: '-1' });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toMatch(/^audit:prune: AUDIT_RETENTION_YEARS must be/);

    const badUrl = await run(['export', '--since', '2000-01-01'], { DATABASE_URL: 'mysql://x' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/^audit:export: DATABASE_URL must be a PostgreSQL URL/);

    const prune = await run(['prune', '--older-than-years', '6']);
    expect(prune.code).toBe(0);
    expect(prune.stdout).toMatch(/^pruned 1 consult\(s\)/);
    const jsonl = await run(['export', '--since', '2000-01-01', '--format', 'jsonl']);
    expect(
      jsonl.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual(['new']);
  }, 60_000);
});
