// Re-check: the pure comparison, the Slack notes (once per consult, ruleset and verdict; retried after a failure;
// the workspace's OAuth token first) and `npm run recheck` as a real process. SQLite here; the shared store suite
// runs the re-check against both databases.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Output, RULESET_VERSION } from '../../src/engine/index.js';
import { SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import { notifyChanges, recheckNote } from '../../src/recheck/notify.js';
import { compareCase, recheck } from '../../src/recheck/recheck.js';
import { parseRecheckArgs, recheckTable } from '../../src/recheck/report.js';
import { createTokenCipher, openStore, type RecheckCandidate, type Store } from '../../src/store/index.js';
import { exampleOutput, NOW, ROOT } from '../store/support.js';

let dir: string;
let path: string;
let store: Store;
let slack: SlackWebApiFake;
let apiUrl: string;

/** What the notes posted: whose token, where, and the text. */
function posts() {
  return slack.callsOf('chat.postMessage').map((c) => ({
    token: c.token,
    channel: c.args.channel,
    thread_ts: c.args.thread_ts,
    text: c.args.text,
  }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thoracic-rt-recheck-'));
  slack = new SlackWebApiFake();
  await slack.start();
  apiUrl = slack.apiUrl;
});
afterAll(async () => {
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  path = join(dir, `${Math.random().toString(36).slice(2)}.sqlite`);
  store = await openStore({
    sqlitePath: path,
    now: () => NOW,
    tokens: { cipher: createTokenCipher(randomBytes(32)) },
  });
  slack.calls.length = 0;
});
afterEach(async () => {
  await store.close();
});

/** ex1 is `recommended` today; stored as `consider`, it has "changed". */
async function seedStale(teamId = 'T1', thread = true) {
  const good = exampleOutput('ex1-egfr-oligo-naive');
  const { id } = await store.recordConsult({
    at: NOW,
    teamId,
    channelId: 'C1',
    surface: 'slack-command',
    output: { ...good, verdict: 'consider' },
  });
  if (thread) await store.setConsultThread(id, 'C1', '1700000000.000100');
  return id;
}

describe('compareCase', () => {
  const base: RecheckCandidate = {
    id: 'x',
    at: NOW,
    teamId: null,
    channelId: null,
    rulesetVersion: '2025.9.0',
    verdict: 'recommended',
    timing: null,
    ruleIds: ['egfr-oligo'],
    case: exampleOutput('ex1-egfr-oligo-naive').case,
    caseError: null,
    slackChannelId: null,
    slackThreadTs: null,
  };
  it('finds no change when the verdict is the same, whatever the stored version', () => {
    expect(compareCase(base, NOW)).toEqual({ kind: 'unchanged' });
  });
  it('reports old → new with the deciding rules', () => {
    const cmp = compareCase({ ...base, verdict: 'not-recommended', ruleIds: ['ps-poor'] }, NOW);
    expect(cmp).toMatchObject({
      kind: 'changed',
      change: {
        oldVerdict: 'not-recommended',
        newVerdict: 'recommended',
        oldRuleIds: ['ps-poor'],
        newRuleIds: ['egfr-oligo'],
        storedRulesetVersion: '2025.9.0',
        rulesetVersion: RULESET_VERSION,
      },
    });
  });
  it('skips, with a reason, a case the engine no longer accepts or that cannot be read', () => {
    expect(compareCase({ ...base, case: { ecog: 7 } }, NOW)).toMatchObject({
      kind: 'skipped',
      skipped: { consultId: 'x', reason: expect.stringMatching(/^stored case is not valid .*ecog/) },
    });
    expect(
      compareCase({ ...base, case: undefined, caseError: 'stored case is not valid JSON' }, NOW),
    ).toMatchObject({
      kind: 'skipped',
      skipped: { reason: 'stored case is not valid JSON' },
    });
  });
});

describe('Slack notes', () => {
  it('posts once in the original thread, and never twice', async () => {
    const stale = await seedStale();
    await seedStale('T1', false);
    const { changes } = await recheck(store, { now: NOW });
    expect(changes).toHaveLength(2);
    const first = await notifyChanges(changes, { store, botToken: 'xoxb-env', slackApiUrl: apiUrl });
    expect(first.map((n) => n.outcome).sort()).toEqual(['no-thread', 'posted']);
    expect(posts()).toEqual([
      {
        token: 'xoxb-env',
        channel: 'C1',
        thread_ts: '1700000000.000100',
        text: recheckNote(changes.find((c) => c.consultId === stale)!),
      },
    ]);
    expect(posts()[0]?.text).toContain('from *Consider* to *Recommended* (rules: egfr-oligo)');
    const second = await notifyChanges(changes, { store, botToken: 'xoxb-env', slackApiUrl: apiUrl });
    expect(second.find((n) => n.consultId === stale)?.outcome).toBe('already-posted');
    expect(posts()).toHaveLength(1);
  });

  it('releases the claim when Slack refuses, so the next run retries', async () => {
    await seedStale();
    const { changes } = await recheck(store, { now: NOW });
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const failed = await notifyChanges(changes, { store, botToken: 'xoxb-env', slackApiUrl: apiUrl });
    expect(failed).toEqual([
      { consultId: changes[0]?.consultId, outcome: 'failed', error: 'channel_not_found' },
    ]);
    const retried = await notifyChanges(changes, { store, botToken: 'xoxb-env', slackApiUrl: apiUrl });
    expect(retried[0]?.outcome).toBe('posted');
  });

  it("uses the workspace's OAuth installation before SLACK_BOT_TOKEN, and needs one of them", async () => {
    await seedStale('T1');
    await seedStale('T2');
    await store.installationStore.storeInstallation({
      team: { id: 'T1' },
      enterprise: undefined,
      user: { id: 'U1', token: undefined, scopes: undefined },
      bot: { id: 'B1', userId: 'UB1', token: 'xoxb-installed', scopes: ['chat:write'] },
      isEnterpriseInstall: false,
    });
    const { changes } = await recheck(store, { now: NOW });
    const notes = await notifyChanges(changes, { store, slackApiUrl: apiUrl });
    expect(notes.map((n) => n.outcome).sort()).toEqual(['no-token', 'posted']);
    expect(posts().map((p) => p.token)).toEqual(['xoxb-installed']);
  });
});

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/recheck.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', SLACK_BOT_TOKEN: '', SLACK_API_URL: '', ...env },
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
}

describe('npm run recheck', () => {
  it('parses its flags and renders a table', async () => {
    expect(parseRecheckArgs(['--json', '--no-post'])).toEqual({
      ok: true,
      help: false,
      json: true,
      post: false,
    });
    expect(parseRecheckArgs(['--bogus'])).toMatchObject({ ok: false });
    await seedStale();
    const result = await recheck(store, { now: NOW });
    const table = recheckTable(result, []);
    expect(table).toContain('1 consult(s) checked, 1 changed, 0 unchanged, 0 skipped');
    expect(table).toContain('consider → recommended');
  });

  it('lists the change as JSON and posts the note, as a real process', async () => {
    const id = await seedStale();
    await store.close();
    const r = await run(['--json'], {
      SQLITE_PATH: path,
      SLACK_BOT_TOKEN: 'xoxb-1-2',
      SLACK_API_URL: apiUrl,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { changes: { consultId: string; note: { outcome: string } }[] };
    expect(out.changes).toEqual([
      expect.objectContaining({ consultId: id, note: { consultId: id, outcome: 'posted' } }),
    ]);
    expect(posts()).toHaveLength(1);

    const table = await run(['--no-post'], { SQLITE_PATH: path });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Changed verdicts or timings:');
    expect(table.stdout).toContain(id);
    store = await openStore({ sqlitePath: path });
  }, 30_000);

  it('exits 2 with one line on a bad flag or token', async () => {
    const bad = await run(['--nope'], { SQLITE_PATH: path });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const token = await run([], { SQLITE_PATH: path, SLACK_BOT_TOKEN: 'not-a-token' });
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/^recheck: SLACK_BOT_TOKEN must be a bot token/);
  }, 30_000);
});

// Ruleset 2026.1.0 → 2026.2.0 (decision-spec §8): a store seeded with the answers 2026.1.0 gave (verdict,
// timing and deciding rules as that engine recorded them), re-checked with today's engine.
describe('re-check across the 2026.1.0 → 2026.2.0 change', () => {
  interface OldAnswer {
    example: string;
    verdict: Output['verdict'];
    timing: Output['timing'];
    decidedBy: string[];
  }
  const OLD: OldAnswer[] = [
    // §4.5: TKI-naive EGFR was upfront; now after induction (verdict unchanged, timing changed).
    { example: 'ex1-egfr-oligo-naive', verdict: 'recommended', timing: 'upfront', decidedBy: ['egfr-oligo'] },
    // §2: a partial panel was insufficient information; now driver none + panel-incomplete.
    {
      example: 'ex7-egfr-alk-ros1-negative-naive',
      verdict: 'insufficient-information',
      timing: 'none',
      decidedBy: ['critical-facts'],
    },
    // §4.5 again, under the prior-RT cap.
    {
      example: 'ex8-egfr-prior-chemort-metachronous',
      verdict: 'consider',
      timing: 'upfront',
      decidedBy: ['egfr-oligo', 'prior-thoracic-rt-cap'],
    },
    // Unchanged in 2026.2.0.
    {
      example: 'ex6-egfr-oligo-ecog3',
      verdict: 'not-recommended',
      timing: 'none',
      decidedBy: ['egfr-oligo', 'ps-poor'],
    },
  ];

  async function seedOld(): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const o of OLD) {
      const now = exampleOutput(o.example);
      const { id } = await store.recordConsult({
        at: NOW,
        teamId: 'T1',
        channelId: 'C1',
        surface: 'cli',
        output: {
          ...now,
          rulesetVersion: '2026.1.0',
          verdict: o.verdict,
          timing: o.timing,
          decidedBy: o.decidedBy,
        },
      });
      ids.set(o.example, id);
    }
    return ids;
  }

  it('lists verdict and timing changes with old → new and the rules that decided, and leaves the rest', async () => {
    const ids = await seedOld();
    const result = await recheck(store, { now: NOW });
    expect(result).toMatchObject({ rulesetVersion: '2026.2.0', checked: 4, unchanged: 1, skipped: [] });
    const byId = new Map(result.changes.map((c) => [c.consultId, c]));
    expect(byId.get(ids.get('ex1-egfr-oligo-naive') ?? '')).toMatchObject({
      storedRulesetVersion: '2026.1.0',
      oldVerdict: 'recommended',
      newVerdict: 'recommended',
      oldTiming: 'upfront',
      newTiming: 'after-induction',
      oldRuleIds: ['egfr-oligo'],
      newRuleIds: ['egfr-oligo'],
    });
    expect(byId.get(ids.get('ex7-egfr-alk-ros1-negative-naive') ?? '')).toMatchObject({
      oldVerdict: 'insufficient-information',
      newVerdict: 'consider',
      newTiming: 'after-induction',
      oldRuleIds: ['critical-facts'],
      newRuleIds: ['no-driver-oligo'],
    });
    expect(byId.get(ids.get('ex8-egfr-prior-chemort-metachronous') ?? '')).toMatchObject({
      oldTiming: 'upfront',
      newTiming: 'after-induction',
      newRuleIds: ['egfr-oligo', 'prior-thoracic-rt-cap'],
    });
    expect(byId.has(ids.get('ex6-egfr-oligo-ecog3') ?? '')).toBe(false);

    const table = recheckTable(result, []);
    expect(table).toContain('4 consult(s) checked, 3 changed, 1 unchanged, 0 skipped');
    expect(table).toMatch(/2026\.1\.0 → 2026\.2\.0\s+recommended → recommended\s+upfront → after-induction/);
    expect(table).toMatch(
      /insufficient-information → consider\s+none → after-induction\s+critical-facts → no-driver-oligo/,
    );
  });

  it('compares a row recorded before timings were stored on its verdict only', async () => {
    const ids = await seedOld();
    const db = new Sqlite(path);
    try {
      db.prepare('update consults set timing = null').run();
    } finally {
      db.close();
    }
    const result = await recheck(store, { now: NOW });
    // ex1 and ex8 changed only in timing: without a stored timing they are unchanged.
    expect(result.changes.map((c) => c.consultId)).toEqual([ids.get('ex7-egfr-alk-ros1-negative-naive')]);
    expect(result.changes[0]).toMatchObject({ oldTiming: null, newTiming: 'after-induction' });
    expect(recheckTable(result, [])).toContain('not recorded → after-induction');
  });

  it('says in the Slack note when only the timing changed', () => {
    const cmp = compareCase(
      {
        id: 'x',
        at: NOW,
        teamId: null,
        channelId: null,
        rulesetVersion: '2026.1.0',
        verdict: 'recommended',
        timing: 'upfront',
        ruleIds: ['egfr-oligo'],
        case: exampleOutput('ex1-egfr-oligo-naive').case,
        caseError: null,
        slackChannelId: null,
        slackThreadTs: null,
      },
      NOW,
    );
    expect(cmp.kind).toBe('changed');
    if (cmp.kind !== 'changed') return;
    expect(recheckNote(cmp.change)).toContain(
      'the timing for this case changed from *upfront* to *after-induction*',
    );
  });
});
