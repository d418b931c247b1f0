// The contract suite: one table of free-text cases goes through every front end (the CLI, the JSON API, the
// slash command and a mention), and each must report what the consult use case answers in process — the same
// facts, verdict, timing, flag codes, missing facts and citation ids. In the spirit of hono's one suite over
// many runtimes: a front end that reads or renders differently fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsult } from '../../src/cli/consult.js';
import { consultText } from '../../src/consult/index.js';
import type { Output } from '../../src/engine/index.js';
import { appMention, slashCommand } from '../../src/playground/slack-requests.js';
import { IDENTIFIER_LABEL, MISSING_LABEL, TIMING_LABEL, VERDICT_LABEL } from '../../src/present/labels.js';
import { ACTION_IDS } from '../../src/slack/blocks/action-ids.js';
import { citedCitations, shortLabel } from '../../src/slack/blocks/card-references.js';
import { decodeCaseToken } from '../../src/slack/case-token.js';
import { escapeMrkdwn } from '../../src/slack/mrkdwn.js';
import type { ConsultRecord } from '../../src/store/index.js';
import { buttonsOf, HARNESS_MODES, type Harness, startHarness } from '../slack/support/harness.js';
import { CONTRACT_CASES } from './cases.js';

const NOW = new Date('2026-11-27T07:00:00Z');

/** What a front end reports about one answer, in comparable form. */
interface Report {
  case: unknown;
  verdict: string;
  timing?: string;
  flagCodes: string[];
  missing?: string[];
  citationIds: string[];
}

const sorted = (xs: readonly string[]) => [...xs].sort();

function reportOf(o: Output): Report {
  return {
    case: o.case,
    verdict: o.verdict,
    timing: o.timing,
    flagCodes: sorted(o.flags.map((f) => f.code)),
    missing: [...o.missing],
    citationIds: sorted(o.citations.map((c) => c.id)),
  };
}

async function expected(text: string): Promise<Output> {
  const consult = await consultText(text, { now: NOW });
  if (consult.kind !== 'answer') throw new Error(`not a case: ${text}`);
  return consult.output;
}

let http: Harness;
let seq = 0;
beforeAll(async () => {
  http = await startHarness({ now: () => NOW });
});
afterAll(async () => {
  await http.close();
});

async function viaCli(text: string): Promise<Report & { identifiersRemoved: string[] }> {
  let out = '';
  const code = await runConsult(['--json', text], { out: (s) => (out += s), err: () => {}, now: () => NOW });
  expect(code).toBe(0);
  const body = JSON.parse(out) as Output & { identifiersRemoved: string[] };
  return { ...reportOf(body), identifiersRemoved: body.identifiersRemoved };
}

async function viaHttp(text: string): Promise<Report & { identifiersRemoved: string[] }> {
  const res = await fetch(`${http.url}/api/v1/consult`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Output & { identifiersRemoved: string[] };
  return { ...reportOf(body), identifiersRemoved: body.identifiersRemoved };
}

/** A Slack answer's report: the audit row it recorded (the buttons of a preview must carry the same case). */
function slackReport(row: ConsultRecord, blocks: unknown[]): Report {
  const token = buttonsOf(blocks).find((b) => b.action_id === ACTION_IDS.editCase)?.value;
  if (token !== undefined) {
    const decoded = decodeCaseToken(token);
    expect(decoded.ok && decoded.case).toEqual(row.case);
  }
  return {
    case: row.case,
    verdict: row.verdict,
    flagCodes: sorted(row.flagCodes),
    citationIds: sorted(row.citationIds),
  };
}

async function viaCommand(h: Harness, text: string): Promise<{ report: Report; shown: string }> {
  seq += 1;
  const trigger = `trigger.contract.${seq}`;
  const responseUrl = h.slack.newResponseUrl();
  const id = responseUrl.split('/').pop();
  expect((await h.send(slashCommand(text, responseUrl, trigger))).status).toBe(200);
  await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
  const row = await waitRow(h, `command:${trigger}`);
  const bodies = h.slack.responses.filter((r) => r.id === id).map((r) => r.body as { blocks?: unknown[] });
  return {
    report: slackReport(
      row,
      bodies.flatMap((b) => b.blocks ?? []),
    ),
    shown: JSON.stringify(bodies),
  };
}

async function viaMention(h: Harness, text: string): Promise<{ report: Report; shown: string }> {
  const req = appMention(`<@U0BOT> ${text}`);
  const envelope = JSON.parse(req.body) as { event_id: string; event: { ts: string } };
  expect((await h.send(req)).status).toBe(200);
  const row = await waitRow(h, `event:${envelope.event_id}`);
  const thread = await h.slack.waitFor(() => {
    const ms = h.slack.messages.filter((m) => m.threadTs === envelope.event.ts && !m.ephemeralTo);
    // The card, then Details once in its thread.
    return ms.length > 1 && ms;
  });
  return {
    report: slackReport(
      row,
      thread.flatMap((m) => m.blocks),
    ),
    shown: JSON.stringify(thread),
  };
}

async function waitRow(h: Harness, key: string): Promise<ConsultRecord> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const rows = await h.store.listRecentConsults({ limit: 500 });
    const row = rows.find((r) => r.idempotencyKey === key);
    if (row) return row;
    if (Date.now() > deadline) throw new Error(`no audit row for ${key}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * What a Slack answer must show of the output. The card: the verdict, timing, each critical and warning flag, the
 * first dose options, each missing fact, and a short link for the references those lines cite. With Details (a
 * shared answer's thread): every flag and every cited reference in full.
 */
function expectShown(shown: string, o: Output, withDetails: boolean): void {
  const has = (s: string) => expect(shown).toContain(JSON.stringify(escapeMrkdwn(s)).slice(1, -1));
  has(VERDICT_LABEL[o.verdict]);
  const definitive = o.verdict !== 'not-applicable' && o.verdict !== 'insufficient-information';
  if (definitive && o.timing !== 'none') has(TIMING_LABEL[o.timing]);
  for (const f of o.flags) if (withDetails || f.severity !== 'info') has(f.text);
  for (const d of o.doseOptions.slice(0, 3)) has(d.schedule);
  for (const m of o.missing) has(MISSING_LABEL[m] ?? m);
  const cited = citedCitations(o);
  const onCard = [...o.flags.filter((f) => f.severity !== 'info'), ...o.doseOptions.slice(0, 3)];
  for (const c of cited) {
    if (withDetails) has(c.label);
    else if (onCard.some((x) => x.citations.includes(c.id))) has(shortLabel(c));
  }
  // A reference nothing cites is never shown.
  for (const c of o.citations) if (!cited.includes(c)) expect(shown).not.toContain(c.label);
}

describe.each(CONTRACT_CASES)('the CLI and the JSON API answer "%s" alike', (text) => {
  it('the same facts, verdict, timing, flags, missing facts and citations as the use case', async () => {
    const want = reportOf(await expected(text));
    const cli = await viaCli(text);
    const viaApi = await viaHttp(text);
    expect({ ...cli, identifiersRemoved: undefined }).toEqual({ ...want, identifiersRemoved: undefined });
    expect(viaApi).toEqual(cli);
  });
});

describe.each(HARNESS_MODES)('Slack in %s mode', (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode, now: () => NOW });
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(CONTRACT_CASES)(
    'the slash command and a mention answer "%s" as the use case does',
    async (text) => {
      const output = await expected(text);
      const want = reportOf(output);
      const core = {
        case: want.case,
        verdict: want.verdict,
        flagCodes: want.flagCodes,
        citationIds: want.citationIds,
      };
      const command = await viaCommand(h, text);
      expect(command.report).toEqual(core);
      expectShown(command.shown, output, false);
      const mention = await viaMention(h, text);
      expect(mention.report).toEqual(core);
      expectShown(mention.shown, output, true);
      for (const k of (await viaCli(text)).identifiersRemoved)
        expect(command.shown).toContain(IDENTIFIER_LABEL[k]);
    },
  );
});
