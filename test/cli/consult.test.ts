import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runConsult } from '../../src/cli/consult.js';
import { OutputSchema } from '../../src/engine/index.js';
import { openStore } from '../../src/store/index.js';
import { PUBLIC_EXAMPLES } from '../support/public-examples.js';

function capture(stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      now: () => new Date('2026-11-27T07:00:00Z'),
      stdin: stdin === undefined ? undefined : Readable.from([stdin]),
    },
  };
}

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'consult-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('consult --input', () => {
  it('prints the contract JSON alone with --json', async () => {
    const c = capture();
    const code = await runConsult(['--json', '--input', 'examples/ex1-egfr-oligo-naive.json'], c.io);
    expect(code).toBe(0);
    expect(c.err).toEqual([]);
    const out = JSON.parse(c.out.join(''));
    expect(OutputSchema.safeParse(out).success).toBe(true);
    expect(out.verdict).toBe('recommended');
  });

  it('prints a readable answer with verdict, dose options, flags and numbered references', async () => {
    const c = capture();
    await runConsult(['--input', 'examples/ex4-driver-negative-widespread-haemoptysis.json'], c.io);
    const text = c.out.join('');
    expect(text).toMatch(/^NOT RECOMMENDED/);
    expect(text).toContain('palliative-indication');
    expect(text).toContain('30 Gy / 10 fx');
    expect(text).toMatch(/References\n {2}\[1\] /);
    expect(text).toContain('Decision support');
  });

  it('reads stdin with --input -', async () => {
    const c = capture(JSON.stringify({ driver: 'EGFR', metastases: { burden: 'oligo' }, ecog: 3 }));
    expect(await runConsult(['--json', '--input', '-'], c.io)).toBe(0);
    expect(JSON.parse(c.out.join('')).verdict).toBe('not-recommended');
  });

  it.each([
    ['a missing file', ['--input', '/no/such/case.json'], /file not found/],
    ['no case at all', [], /no case given/],
    ['an unknown option', ['--frobnicate'], /Unknown option/],
    ['both a file and free text', ['--input', 'x.json', 'EGFR'], /either --input FILE or free text/],
  ])('exits 2 with one line for %s', async (_name, argv, message) => {
    const c = capture();
    expect(await runConsult(argv, c.io)).toBe(2);
    expect(c.out).toEqual([]);
    const err = c.err.join('');
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 naming the JSON problem', async () => {
    const path = await tempFile('bad.json', '{"ecog": 1,');
    const c = capture();
    expect(await runConsult(['--input', path], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/invalid JSON/);
  });

  it('exits 2 naming each out-of-range field and what is allowed', async () => {
    const path = await tempFile('range.json', JSON.stringify({ ecog: 7, driver: 'EGFX' }));
    const c = capture();
    expect(await runConsult(['--input', path], c.io)).toBe(2);
    const err = c.err.join('');
    expect(err).toMatch(/ecog: ECOG must be a whole number from 0 to 4/);
    expect(err).toMatch(/driver: .*"EGFR"/);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('consult as a process', () => {
  it('is pipeable: npm run --silent consult -- --json prints JSON only, and records the consult', {
    timeout: 60_000,
  }, async () => {
    const sqlitePath = join(await mkdtemp(join(tmpdir(), 'consult-db-')), 'audit.sqlite');
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'consult', '--', '--json', '--input', 'examples/ex6-egfr-oligo-ecog3.json'],
      { encoding: 'utf8', env: { ...process.env, SQLITE_PATH: sqlitePath, DATABASE_URL: '' } },
    );
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(out.verdict).toBe('not-recommended');
    expect(out.flags.map((f: { code: string }) => f.code)).toContain('ps-poor');
    const store = await openStore({ sqlitePath });
    try {
      const rows = await store.listRecentConsults({ limit: 5 });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        surface: 'cli',
        verdict: 'not-recommended',
        rulesetVersion: '2026.2.0',
      });
    } finally {
      await store.close();
    }
  });

  it('exits with code 2 on bad input', { timeout: 30_000 }, async () => {
    await expect(
      promisify(execFile)('npm', ['run', '--silent', 'consult', '--', '--input', '/nope.json'], {
        encoding: 'utf8',
      }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/file not found/) });
  });
});

describe('consult "free text"', () => {
  const cases: [string, string, string, string[], string[]][] = [
    ...PUBLIC_EXAMPLES.map((e): [string, string, string, string[], string[]] => [
      e.text,
      e.verdict,
      e.timing,
      e.flags,
      e.missing,
    ]),
    [
      'EGFR L858R adenocarcinoma, 4 mets in 2 organs, ECOG 1, PR after 8 weeks osimertinib',
      'recommended',
      'now-as-consolidation',
      ['tki-pneumonitis'],
      [],
    ],
  ];

  it.each(cases)('"%s" → %s, %s', async (text, verdict, timing, flags, missing) => {
    const c = capture();
    expect(await runConsult(['--json', text], c.io)).toBe(0);
    const out = JSON.parse(c.out.join(''));
    expect(out.verdict).toBe(verdict);
    expect(out.timing).toBe(timing);
    expect(out.flags.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(flags));
    expect(out.missing).toEqual(expect.arrayContaining(missing));
    expect(out.understood.length).toBeGreaterThan(0);
    for (const u of out.understood) expect(text).toContain(u.text);
  });

  it('shows what was understood, conflicts and what was not used, and never prints identifiers', async () => {
    const c = capture();
    await runConsult(
      ['Mr John Smith MRN 12345678: EGFR ex19del, 2 bone mets, ECOG 1 ... PS 3, zebra crossing'],
      c.io,
    );
    const text = c.out.join('');
    expect(text).toContain('Understood');
    expect(text).toMatch(/Conflicts[\s\S]*ECOG|ecog/i);
    expect(text).toMatch(/Identifiers removed/);
    expect(text).not.toMatch(/Smith|12345678/);
  });
});
