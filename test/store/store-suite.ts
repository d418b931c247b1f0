// The store contract, run unchanged against SQLite (sqlite.test.ts) and PostgreSQL (postgres.test.ts).
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Installation } from '@slack/bolt';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RULESET_VERSION } from '../../src/engine/index.js';
import { recheck } from '../../src/recheck/recheck.js';
import {
  canonicalJson,
  createTokenCipher,
  DECISION_REASONS,
  MIGRATIONS,
  NOTE_MAX_CHARS,
  openStore,
  type Store,
  StoreError,
  type StoreOptions,
  sha256Hex,
} from '../../src/store/index.js';
import { defineJobsSuite } from './jobs-suite.js';
import { type Backend, exampleOutput, NOW, parseCsv, spawnChild, type TestDb } from './support.js';

const EXPECTED_COLUMNS: Record<string, string[]> = {
  consults: [
    'api_key_name',
    'at_ms',
    'case_json',
    'channel_id',
    'citation_ids',
    'flag_codes',
    'id',
    'idempotency_key',
    'output_sha256',
    'recorded_at_ms',
    'rule_ids',
    'ruleset_version',
    'slack_channel_id',
    'slack_thread_ts',
    'surface',
    'team_id',
    'timing',
    'user_id',
    'verdict',
  ],
  decisions: ['at_ms', 'consult_id', 'id', 'note', 'outcome', 'reason', 'recorded_at_ms', 'user_id'],
  claims: ['claimed_at_ms', 'expires_at_ms', 'key'],
  installations: [
    'enterprise_id',
    'installation_json',
    'is_enterprise_install',
    'key',
    'team_id',
    'updated_at_ms',
  ],
  api_keys: ['created_at_ms', 'id', 'key_prefix', 'key_sha256', 'name', 'revoked_at_ms'],
  schema_migrations: ['applied_at_ms', 'name'],
  delivery_jobs: [
    'attempts',
    'consult_id',
    'created_at_ms',
    'done_at_ms',
    'error_code',
    'id',
    'idempotency_key',
    'kind',
    'lease_expires_ms',
    'lease_owner',
    'notice_json',
    'outcome',
    'parts_done',
    'payload_json',
    'ruleset_version',
    'run_after_ms',
    'sending_since_ms',
    'state',
    'target_json',
  ],
};

export function defineStoreSuite(backend: Backend): void {
  describe(`store on ${backend.name}`, () => {
    let db: TestDb;
    const open: Store[] = [];
    let clock = NOW;
    const openHere = async (extra: Partial<StoreOptions> = {}) => {
      const s = await openStore({ ...db.options, now: () => clock, ...extra });
      open.push(s);
      return s;
    };
    const count = async (table: string, where?: [string, string]) => {
      let q = db.raw.selectFrom(table).select(sql<string | number>`count(*)`.as('n'));
      if (where) q = q.where(where[0], '=', where[1]);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };

    beforeAll(async () => {
      await backend.setup();
    });
    afterAll(async () => {
      await backend.teardown();
    });
    afterEach(async () => {
      clock = NOW;
      await Promise.all(open.splice(0).map((s) => s.close()));
      await db?.cleanup();
    });
    const fresh = async () => {
      db = await backend.fresh();
    };

    describe('migrations', () => {
      it('create every table once and are idempotent on reopen', async () => {
        await fresh();
        const a = await openHere();
        await a.close();
        const b = await openHere();
        expect(await b.ping()).toBe(true);
        expect(await count('schema_migrations')).toBe(MIGRATIONS.length);
        expect(b.dialect).toBe(backend.name);
      });

      it('are safe when three stores open the same new database at once, in one process', async () => {
        await fresh();
        const stores = await Promise.all([openHere(), openHere(), openHere()]);
        expect(await Promise.all(stores.map((s) => s.ping()))).toEqual([true, true, true]);
        expect(await count('schema_migrations')).toBe(MIGRATIONS.length);
      });

      it('are safe when three processes open the same new database at once', async () => {
        await fresh();
        const runs = [0, 1, 2].map(
          () =>
            new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
              const child = spawnChild(['open'], db.env);
              let out = '';
              let err = '';
              child.stdout.on('data', (d: Buffer) => {
                out += d.toString();
              });
              child.stderr.on('data', (d: Buffer) => {
                err += d.toString();
              });
              child.on('exit', (code) => resolve({ code, out, err }));
            }),
        );
        const results = await Promise.all(runs);
        for (const r of results) {
          expect(r.err).toBe('');
          expect(r.code).toBe(0);
          expect(r.out).toBe('opened\n');
        }
        expect(await count('schema_migrations')).toBe(MIGRATIONS.length);
      }, 60_000);

      it('leave no column for raw free text: the schema is exactly the audited list', async () => {
        await fresh();
        await openHere();
        const tables = await db.raw.introspection.getTables();
        const actual = Object.fromEntries(
          tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()] as const),
        );
        expect(actual).toEqual(EXPECTED_COLUMNS);
        // The only free text anywhere is the board's decision note, identifier-guarded by the caller and capped.
        const suspicious = /text|raw|message|prompt|query|summary|free|input|body/;
        const free = Object.entries(actual).flatMap(([t, cols]) =>
          cols.filter((c) => suspicious.test(c)).map((c) => `${t}.${c}`),
        );
        expect(free).toEqual([]);
      });
    });

    defineJobsSuite({ fresh: () => fresh(), open: () => openHere(), setClock: (d) => (clock = d), count });

    describe('consults', () => {
      it('stores the audit fields, the structured case and the hash of the full output', async () => {
        await fresh();
        const store = await openHere();
        const output = exampleOutput('ex2-egfr-oligo-osimertinib-ecog2');
        const at = new Date('2026-11-27T08:59:00.000Z');
        const { id, created } = await store.recordConsult({
          at,
          teamId: 'T1',
          channelId: 'C1',
          userId: 'U1',
          surface: 'slack-command',
          output,
        });
        expect(created).toBe(true);
        const c = await store.getConsult(id);
        expect(c).toMatchObject({
          id,
          at,
          recordedAt: NOW,
          teamId: 'T1',
          channelId: 'C1',
          userId: 'U1',
          surface: 'slack-command',
          rulesetVersion: RULESET_VERSION,
          verdict: 'consider',
          case: output.case,
          flagCodes: output.flags.map((f) => f.code),
          citationIds: output.citations.map((x) => x.id),
          ruleIds: ['egfr-oligo', 'ps-borderline'],
          slackChannelId: null,
          slackThreadTs: null,
        });
        // The deciding rules are the engine's own decidedBy, not re-derived from the trace.
        expect(c?.ruleIds).toEqual(output.decidedBy);
        expect(c?.outputSha256).toBe(sha256Hex(canonicalJson(output)));
        // Key order does not change the hash.
        const reordered = Object.fromEntries(Object.entries(output).reverse());
        expect(sha256Hex(canonicalJson(reordered))).toBe(c?.outputSha256);
        expect(await store.getConsult('nope')).toBeUndefined();
      });

      it('refuses a case that carries anything but structured facts', async () => {
        await fresh();
        const store = await openHere();
        const output = exampleOutput('ex1-egfr-oligo-naive');
        const tainted = { ...output, case: { ...output.case, notes: 'Mr John Smith, MRN 1234567' } };
        await expect(store.recordConsult({ at: NOW, surface: 'cli', output: tainted })).rejects.toThrow(
          StoreError,
        );
        expect(await count('consults')).toBe(0);
      });

      it('records one row for 20 concurrent calls with the same idempotency key, across two stores', async () => {
        await fresh();
        const a = await openHere();
        const b = await openHere();
        const output = exampleOutput('ex1-egfr-oligo-naive');
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? a : b).recordConsult({
              idempotencyKey: 'Ev0001:shared',
              at: NOW,
              surface: 'slack-action',
              output,
            }),
          ),
        );
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.id)).size).toBe(1);
        expect(await count('consults')).toBe(1);
        const other = await a.recordConsult({ idempotencyKey: 'Ev0002', at: NOW, surface: 'cli', output });
        expect(other.created).toBe(true);
        expect(await count('consults')).toBe(2);
      });

      it('treats a repeated explicit id as the same consult', async () => {
        await fresh();
        const store = await openHere();
        const output = exampleOutput('ex1-egfr-oligo-naive');
        expect(await store.recordConsult({ id: 'c-1', at: NOW, surface: 'http', output })).toEqual({
          id: 'c-1',
          created: true,
        });
        expect(await store.recordConsult({ id: 'c-1', at: NOW, surface: 'http', output })).toEqual({
          id: 'c-1',
          created: false,
        });
        await expect(
          store.recordConsult({ id: 'c-1', idempotencyKey: 'k', at: NOW, surface: 'http', output }),
        ).rejects.toMatchObject({ code: 'conflict' });
      });

      it('lists recent consults newest first, by team and by user', async () => {
        await fresh();
        const store = await openHere();
        const output = exampleOutput('ex1-egfr-oligo-naive');
        for (let i = 0; i < 5; i++) {
          await store.recordConsult({
            id: `c${i}`,
            at: new Date(NOW.getTime() + i * 1000),
            teamId: i < 3 ? 'TA' : 'TB',
            userId: i % 2 ? 'U1' : 'U2',
            surface: 'cli',
            output,
          });
        }
        expect((await store.listRecentConsults({ limit: 10 })).map((c) => c.id)).toEqual([
          'c4',
          'c3',
          'c2',
          'c1',
          'c0',
        ]);
        expect((await store.listRecentConsults({ teamId: 'TA', limit: 2 })).map((c) => c.id)).toEqual([
          'c2',
          'c1',
        ]);
        expect((await store.listRecentConsults({ userId: 'U1', limit: 10 })).map((c) => c.id)).toEqual([
          'c3',
          'c1',
        ]);
        await expect(store.listRecentConsults({ limit: 0 })).rejects.toThrow(StoreError);
      });
    });

    describe('claimOnce', () => {
      it('is true for the first claimant only, also under concurrency', async () => {
        await fresh();
        const a = await openHere();
        const b = await openHere();
        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claimOnce('Ev123')),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await a.claimOnce('Ev124')).toBe(true);
      });

      it('can be claimed again after it expires or is released', async () => {
        await fresh();
        const store = await openHere();
        expect(await store.claimOnce('k', 60_000)).toBe(true);
        clock = new Date(NOW.getTime() + 59_999);
        expect(await store.claimOnce('k', 60_000)).toBe(false);
        clock = new Date(NOW.getTime() + 60_000);
        expect(await store.claimOnce('k', 60_000)).toBe(true);
        expect(await store.claimOnce('k', 60_000)).toBe(false);
        await store.releaseClaim('k');
        expect(await store.claimOnce('k', 60_000)).toBe(true);
      });
    });

    describe('decisions', () => {
      it('records decisions, lists them and computes concordance from the latest decision per consult', async () => {
        await fresh();
        const store = await openHere();
        const rec = (name: string, teamId: string) =>
          store.recordConsult({ at: NOW, teamId, surface: 'slack-command', output: exampleOutput(name) });
        const recommended = await rec('ex1-egfr-oligo-naive', 'TA');
        const consider = await rec('ex2-egfr-oligo-osimertinib-ecog2', 'TA');
        const notRecommended = await rec('ex4-driver-negative-widespread-haemoptysis', 'TA');
        const insufficient = await rec('ex5-metastatic-driver-not-stated', 'TA');
        const otherTeam = await rec('ex1-egfr-oligo-naive', 'TB');
        const deferredOnly = await rec('ex1-egfr-oligo-naive', 'TA');
        const at = (s: number) => new Date(NOW.getTime() + s * 1000);

        // recommended: deferred, then accepted → followed
        await store.recordDecision({
          consultId: recommended.id,
          at: at(1),
          outcome: 'deferred',
          reason: 'insufficient-data',
        });
        await store.recordDecision({
          consultId: recommended.id,
          at: at(2),
          userId: 'U1',
          outcome: 'accepted',
          reason: 'as-recommended',
        });
        // consider: modified → not followed
        await store.recordDecision({
          consultId: consider.id,
          at: at(3),
          outcome: 'modified',
          reason: 'risk-benefit',
        });
        // not-recommended: declined → followed
        await store.recordDecision({
          consultId: notRecommended.id,
          at: at(4),
          userId: 'U1',
          outcome: 'declined',
          reason: 'as-recommended',
        });
        // insufficient information: accepted → counted, never followed
        await store.recordDecision({
          consultId: insufficient.id,
          at: at(5),
          outcome: 'accepted',
          reason: 'other',
        });
        // still deferred → left out
        await store.recordDecision({
          consultId: deferredOnly.id,
          at: at(6),
          outcome: 'deferred',
          reason: 'insufficient-data',
        });
        // other team: declined a recommended verdict → not followed
        await store.recordDecision({
          consultId: otherTeam.id,
          at: at(7),
          outcome: 'declined',
          reason: 'patient-preference',
          note: '  Patient prefers systemic therapy alone, "for now", after discussion.  ',
        });

        expect(await store.concordance({ teamId: 'TA' })).toEqual({ decisions: 4, followed: 2, share: 0.5 });
        expect(await store.concordance({ teamId: 'TB' })).toEqual({ decisions: 1, followed: 0, share: 0 });
        expect(await store.concordance()).toEqual({ decisions: 5, followed: 2, share: 0.4 });
        expect(await store.concordance({ teamId: 'nobody' })).toEqual({
          decisions: 0,
          followed: 0,
          share: null,
        });

        const mine = await store.listDecisions({ userId: 'U1', limit: 10 });
        expect(mine.map((d) => [d.consultId, d.outcome, d.verdict])).toEqual([
          [notRecommended.id, 'declined', 'not-recommended'],
          [recommended.id, 'accepted', 'recommended'],
        ]);
        const tb = await store.listDecisions({ teamId: 'TB', limit: 10 });
        expect(tb).toHaveLength(1);
        expect(tb[0]).toMatchObject({
          teamId: 'TB',
          reason: 'patient-preference',
          note: 'Patient prefers systemic therapy alone, "for now", after discussion.',
          recordedAt: NOW,
        });
        expect(await store.listDecisions({ teamId: 'TA', limit: 2 })).toHaveLength(2);
      });

      it('caps the note, and refuses unknown reasons and unknown consults', async () => {
        await fresh();
        const store = await openHere();
        const { id } = await store.recordConsult({
          at: NOW,
          surface: 'cli',
          output: exampleOutput('ex1-egfr-oligo-naive'),
        });
        await store.recordDecision({
          consultId: id,
          at: NOW,
          outcome: 'declined',
          reason: 'other',
          note: 'é'.repeat(5000),
        });
        const [d] = await store.listDecisions({ limit: 1 });
        expect(Array.from(d?.note ?? '')).toHaveLength(NOTE_MAX_CHARS);
        expect(d?.note?.endsWith('…')).toBe(true);
        await expect(
          store.recordDecision({ consultId: id, at: NOW, outcome: 'declined', reason: 'bored' as never }),
        ).rejects.toMatchObject({ code: 'invalid-input' });
        await expect(
          store.recordDecision({
            consultId: 'missing',
            at: NOW,
            outcome: 'accepted',
            reason: 'as-recommended',
          }),
        ).rejects.toMatchObject({ code: 'not-found' });
        expect(DECISION_REASONS).toContain('trial-enrolment');
      });
    });

    describe('audit export and retention', () => {
      const seed = async (store: Store) => {
        const output = exampleOutput('ex3-squamous-no-driver-chemo-io');
        const old = await store.recordConsult({
          id: 'old',
          at: new Date('2019-06-01T00:00:00Z'),
          surface: 'cli',
          output,
        });
        const recent = await store.recordConsult({
          id: 'recent',
          at: new Date('2026-02-01T10:00:00Z'),
          teamId: 'T,1',
          surface: 'slack-modal',
          output,
        });
        await store.recordDecision({
          consultId: old.id,
          at: new Date('2019-06-02T00:00:00Z'),
          outcome: 'accepted',
          reason: 'as-recommended',
        });
        await store.recordDecision({
          consultId: recent.id,
          at: new Date('2026-02-02T10:00:00Z'),
          outcome: 'modified',
          reason: 'clinical-judgement',
          note: 'Dose "adapted", see line 2\nline 2, with comma',
        });
        await store.recordDecision({
          consultId: recent.id,
          at: new Date('2026-02-03T10:00:00Z'),
          outcome: 'declined',
          reason: 'other',
          note: '=HYPERLINK("x")',
        });
        return output;
      };

      it('exports CSV with RFC 4180 quoting, from --since on', async () => {
        await fresh();
        const store = await openHere();
        const output = await seed(store);
        let text = '';
        const n = await store.exportAudit({ since: new Date('2026-01-01T00:00:00Z'), format: 'csv' }, (c) => {
          text += c;
        });
        expect(n).toBe(1);
        const rows = parseCsv(text);
        expect(rows).toHaveLength(2);
        const [header, row] = rows as [string[], string[]];
        const get = (col: string) => row[header.indexOf(col)];
        expect(get('id')).toBe('recent');
        expect(get('team_id')).toBe('T,1');
        expect(get('at')).toBe('2026-02-01T10:00:00.000Z');
        expect(JSON.parse(get('case_json') ?? '')).toEqual(output.case);
        expect(get('flag_codes')).toBe(output.flags.map((f) => f.code).join(';'));
        expect(get('decision_count')).toBe('2');
        expect(get('last_decision_outcome')).toBe('declined');
        expect(get('last_decision_note')).toBe(`'=HYPERLINK("x")`);
        expect(get('output_sha256')).toBe(sha256Hex(canonicalJson(output)));
        expect(row).toHaveLength(header.length);
      });

      it('exports JSON Lines with every decision, and pages through many rows in order', async () => {
        await fresh();
        const store = await openHere();
        await seed(store);
        const output = exampleOutput('ex1-egfr-oligo-naive');
        const extra = 520;
        const base = new Date('2026-03-01T00:00:00Z').getTime();
        await Promise.all(
          Array.from({ length: extra }, (_, i) =>
            store.recordConsult({
              id: `bulk-${String(i).padStart(4, '0')}`,
              at: new Date(base + (i % 7) * 1000),
              surface: 'http',
              output,
            }),
          ),
        );
        const lines: string[] = [];
        const n = await store.exportAudit(
          { since: new Date('2026-01-01T00:00:00Z'), format: 'jsonl' },
          (c) => {
            lines.push(c);
          },
        );
        expect(n).toBe(extra + 1);
        const rows = lines.map(
          (l) => JSON.parse(l) as { id: string; at: string; decisions: { note: string | null }[] },
        );
        expect(new Set(rows.map((r) => r.id)).size).toBe(extra + 1);
        const keys = rows.map((r) => `${r.at}|${r.id}`);
        expect(keys).toEqual([...keys].sort());
        const recent = rows.find((r) => r.id === 'recent');
        expect(recent?.decisions.map((d) => d.note)).toEqual([
          'Dose "adapted", see line 2\nline 2, with comma',
          '=HYPERLINK("x")',
        ]);
      });

      it('prunes consults and their decisions older than the cutoff, and expired claims', async () => {
        await fresh();
        const store = await openHere();
        await seed(store);
        await store.claimOnce('short', 1000);
        await store.claimOnce('long', 10 * 60_000);
        clock = new Date(NOW.getTime() + 5 * 60_000);
        expect(await store.pruneOlderThan(new Date('2020-11-27T00:00:00Z'))).toBe(1);
        expect(await store.getConsult('old')).toBeUndefined();
        expect(await store.getConsult('recent')).toBeDefined();
        expect(await count('decisions')).toBe(2);
        expect(await count('claims')).toBe(1);
        expect(await store.pruneOlderThan(new Date('2020-11-27T00:00:00Z'))).toBe(0);
      });
    });

    describe('API keys', () => {
      it('creates, verifies, lists and revokes keys; one active key per name; only hashes stored', async () => {
        await fresh();
        const store = await openHere();
        const { key, record } = await store.apiKeys.create('ehr');
        expect(await store.apiKeys.verify(key)).toMatchObject({
          id: record.id,
          name: 'ehr',
          revokedAt: null,
        });
        expect(await store.apiKeys.verify(`${key}x`)).toBeUndefined();
        await expect(store.apiKeys.create('ehr')).rejects.toMatchObject({ code: 'conflict' });
        // The database refuses a second active key of that name too, whoever writes it.
        await expect(
          db.raw
            .insertInto('api_keys')
            .values({
              id: 'x',
              name: 'ehr',
              key_sha256: 'h',
              key_prefix: 'p',
              created_at_ms: 1,
              revoked_at_ms: null,
            })
            .execute(),
        ).rejects.toThrow();
        const stored = JSON.stringify(await db.raw.selectFrom('api_keys').selectAll().execute());
        expect(stored).not.toContain(key);
        expect((await store.apiKeys.revoke('ehr'))?.revokedAt).toEqual(NOW);
        expect(await store.apiKeys.verify(key)).toBeUndefined();
        expect(await store.apiKeys.revoke('ehr')).toBeUndefined();
        const again = await store.apiKeys.create('ehr');
        // Same clock for both: list order between them is by id, so compare as a sorted list.
        expect((await store.apiKeys.list()).map((k) => [k.name, k.revokedAt === null]).sort()).toEqual([
          ['ehr', false],
          ['ehr', true],
        ]);
        expect(await store.apiKeys.verify(again.key)).toMatchObject({ id: again.record.id });
      });

      it('keeps the key name on API consults, in the record and in both export formats', async () => {
        await fresh();
        const store = await openHere();
        const output = exampleOutput('ex2-egfr-oligo-osimertinib-ecog2');
        const { id } = await store.recordConsult({ at: NOW, surface: 'http', output, apiKeyName: 'ehr' });
        await store.recordConsult({ at: NOW, surface: 'cli', output });
        expect((await store.getConsult(id))?.apiKeyName).toBe('ehr');
        const csv: string[] = [];
        await store.exportAudit({ since: new Date(0), format: 'csv' }, (c) => void csv.push(c));
        const [header, ...rows] = parseCsv(csv.join(''));
        const col = header!.indexOf('api_key_name');
        expect(col).toBe(header!.length - 1);
        expect(rows.map((r) => r[col]).sort()).toEqual(['', 'ehr']);
        const jsonl: string[] = [];
        await store.exportAudit({ since: new Date(0), format: 'jsonl' }, (c) => void jsonl.push(c));
        const names = jsonl.map((l) => (JSON.parse(l) as { apiKeyName: string | null }).apiKeyName);
        expect(names.sort()).toEqual(['ehr', null]);
      });
    });

    describe('Slack installations', () => {
      const teamInstall = (token: string): Installation<'v2', false> => ({
        team: { id: 'T1', name: 'Board' },
        enterprise: undefined,
        user: { id: 'U1', token: 'xoxp-user', scopes: ['chat:write'] },
        bot: { id: 'B1', userId: 'UB1', token, scopes: ['commands', 'chat:write'] },
        appId: 'A1',
        tokenType: 'bot',
        isEnterpriseInstall: false,
        authVersion: 'v2',
      });
      const orgInstall: Installation<'v2', true> = {
        team: undefined,
        enterprise: { id: 'E1', name: 'Hospital' },
        user: { id: 'U2', token: undefined, scopes: undefined },
        bot: { id: 'B2', userId: 'UB2', token: 'xoxb-org', scopes: ['commands'] },
        isEnterpriseInstall: true,
        authVersion: 'v2',
      };

      it('round-trips workspace and org installs, updates and deletes them', async () => {
        await fresh();
        const store = await openHere({ tokens: { cipher: createTokenCipher(randomBytes(32)) } });
        const inst = store.installationStore;
        await inst.storeInstallation(teamInstall('xoxb-1'));
        await inst.storeInstallation(orgInstall);
        expect(
          await inst.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }),
        ).toEqual(teamInstall('xoxb-1'));
        expect(
          await inst.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true }),
        ).toEqual(orgInstall);
        // Reinstall replaces the row.
        await inst.storeInstallation(teamInstall('xoxb-2'));
        const again = await inst.fetchInstallation({
          teamId: 'T1',
          enterpriseId: undefined,
          isEnterpriseInstall: false,
        });
        expect(again.bot?.token).toBe('xoxb-2');
        expect(await count('installations')).toBe(2);
        // A user's token revoked: the bot stays.
        await inst.deleteInstallation({
          teamId: 'T1',
          enterpriseId: undefined,
          isEnterpriseInstall: false,
          userId: 'U1',
        });
        const botOnly = await inst.fetchInstallation({
          teamId: 'T1',
          enterpriseId: undefined,
          isEnterpriseInstall: false,
        });
        expect(botOnly.bot?.token).toBe('xoxb-2');
        expect(botOnly.user).toEqual({ id: 'U1' });
        // Uninstalled.
        await inst.deleteInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
        await expect(
          inst.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }),
        ).rejects.toThrow(/no installation/);
        await expect(
          inst.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true }),
        ).resolves.toBeDefined();
      });
    });

    describe('re-check', () => {
      it('lists changed verdicts even at the same ruleset version, and skipped cases', async () => {
        await fresh();
        const store = await openHere();
        const good = exampleOutput('ex1-egfr-oligo-naive');
        const unchanged = await store.recordConsult({ at: NOW, surface: 'cli', output: good });
        // A row whose stored verdict differs from what the current engine gives for its case.
        const stale = await store.recordConsult({
          at: NOW,
          teamId: 'T1',
          surface: 'slack-command',
          output: { ...good, verdict: 'not-recommended' },
        });
        expect(await store.setConsultThread(stale.id, 'C9', '1700000000.000100')).toBe(true);
        expect(await store.setConsultThread('missing', 'C9', '1')).toBe(false);
        const invalid = await store.recordConsult({ at: NOW, surface: 'cli', output: good });
        await db.raw
          .updateTable('consults')
          .set({ case_json: '{"ecog":9}' })
          .where('id', '=', invalid.id)
          .execute();
        const broken = await store.recordConsult({ at: NOW, surface: 'cli', output: good });
        await db.raw
          .updateTable('consults')
          .set({ case_json: '{not json' })
          .where('id', '=', broken.id)
          .execute();

        const result = await recheck(store, { now: NOW });
        expect(result.checked).toBe(4);
        expect(result.unchanged).toBe(1);
        expect(result.changes).toEqual([
          expect.objectContaining({
            consultId: stale.id,
            oldVerdict: 'not-recommended',
            newVerdict: 'recommended',
            storedRulesetVersion: RULESET_VERSION,
            rulesetVersion: RULESET_VERSION,
            newRuleIds: ['egfr-oligo'],
            teamId: 'T1',
            slackChannelId: 'C9',
            slackThreadTs: '1700000000.000100',
          }),
        ]);
        expect(result.skipped.map((s) => s.consultId).sort()).toEqual([invalid.id, broken.id].sort());
        expect(result.skipped.find((s) => s.consultId === invalid.id)?.reason).toMatch(/ecog/);
        expect(result.changes.map((c) => c.consultId)).not.toContain(unchanged.id);
      });
    });

    describe('durability', () => {
      it('keeps every acknowledged consult when the writer is killed with SIGKILL mid-burst', async () => {
        await fresh();
        await openHere(); // migrate first, so the child's burst starts at once
        const child = spawnChild(['burst'], db.env);
        const acked: string[] = [];
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
        });
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.on('exit', (_c, sig) => resolve(sig)),
        );
        const lines = createInterface({ input: child.stdout });
        const closed = new Promise<void>((resolve) => lines.once('close', () => resolve()));
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`child too slow; stderr: ${stderr}`)), 45_000);
          lines.on('line', (line) => {
            if (line === 'ready') return;
            acked.push(line);
            if (acked.length === 300) {
              child.kill('SIGKILL');
              clearTimeout(timer);
              resolve();
            }
          });
          child.on('exit', () => {
            clearTimeout(timer);
            if (acked.length < 300) reject(new Error(`child exited early; stderr: ${stderr}`));
          });
        });
        expect(await exited).toBe('SIGKILL');
        // Lines already in the pipe when it died were acknowledged too.
        await closed;
        expect(acked.length).toBeGreaterThanOrEqual(300);

        const after = await openHere();
        const missing: string[] = [];
        for (const id of acked) if (!(await after.getConsult(id))) missing.push(id);
        expect(missing).toEqual([]);
        expect(await count('consults', ['team_id', 'TCRASH'])).toBeGreaterThanOrEqual(acked.length);
      }, 60_000);
    });
  });
}
