// Every place where user text enters the product, enumerated: each gets the same identifiers, and none of them
// may reach a Slack message, a response_url, the Web API, the audit trail, a log line or the CLI's output.
// A new entry point belongs in this table.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsult } from '../../src/cli/consult.js';
import { createAuditPort } from '../../src/consult/index.js';
import { createApiHandler } from '../../src/http/api.js';
import { createLog } from '../../src/log/logger.js';
import {
  appMention,
  buttonClick,
  messageShortcut,
  slashCommand,
  viewSubmission,
} from '../../src/playground/slack-requests.js';
import { ACTION_IDS } from '../../src/slack/blocks/action-ids.js';
import { INTAKE_CALLBACK_ID } from '../../src/slack/views/intake-ids.js';
import { buttonsOf, type Harness, startHarness } from '../slack/support/harness.js';
import { setField, simulateState } from '../slack/views/helpers.js';

/** The identifiers every entry point receives; none of these strings may come out anywhere. */
const NAME = 'Mr John Smith';
const MRN = 'MRN 48213377';
const SECRETS = ['Smith', '48213377'];
const CASE = 'EGFR ex19del, 2 bone mets, ECOG 1';
const WITH_IDS = `${NAME} ${MRN}, ${CASE}`;

let h: Harness;
const cliOut: string[] = [];
const apiBodies: string[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Where each kind of output lives; the user's own channel messages are theirs, not ours. */
async function outputs(): Promise<Record<string, string>> {
  const rows: string[] = [];
  await h.store.exportAudit({ since: new Date(0), format: 'jsonl' }, (chunk) => {
    rows.push(chunk);
    return undefined;
  });
  return {
    'Web API calls': JSON.stringify(h.slack.calls),
    'response_url posts': JSON.stringify(h.slack.responses),
    'messages the app posted': JSON.stringify(h.slack.messages.filter((m) => m.source !== 'user')),
    'audit trail': rows.join(''),
    logs: h.logs.join('\n'),
    'CLI output': cliOut.join(''),
    'API responses': apiBodies.join('\n'),
  };
}

/** The outputs holding an identifier, by name (never the text itself: a failure must not print it). */
async function leaks(): Promise<string[]> {
  return Object.entries(await outputs())
    .filter(([, text]) => SECRETS.some((secret) => text.includes(secret)))
    .map(([where]) => where);
}

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 150));
}

/** The intake form prefilled from a preview's Edit case button: a complete case, ready to submit. */
async function prefilledModal(): Promise<ModalView> {
  const url = h.slack.newResponseUrl();
  const id = url.split('/').pop();
  await h.send(slashCommand(`stage IV adeno, ${CASE}`, url, 'trigger.privacy.form'));
  const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
  const edit = buttonsOf((answer.body as { blocks: unknown[] }).blocks).find(
    (b) => b.action_id === ACTION_IDS.editCase,
  );
  const opened = h.slack.callsOf('views.open').length;
  await h.send(buttonClick(ACTION_IDS.editCase, edit?.value ?? '', h.slack.newResponseUrl()));
  return (await h.slack.waitFor(() => h.slack.callsOf('views.open')[opened])).args.view as ModalView;
}

const ENTRY_POINTS: [string, () => Promise<void>][] = [
  ['slash command text', async () => void (await h.send(slashCommand(WITH_IDS, h.slack.newResponseUrl())))],
  [
    'slash command topic question',
    async () => {
      await h.send(
        slashCommand(`${NAME} ${MRN}: what dose for an ultracentral primary?`, h.slack.newResponseUrl()),
      );
    },
  ],
  [
    'evidence lookup',
    async () => {
      await h.send(slashCommand(`evidence NROG-002 for ${NAME} ${MRN}`, h.slack.newResponseUrl()));
    },
  ],
  ['mention text', async () => void (await h.send(appMention(`<@UBOT> ${WITH_IDS}`)))],
  [
    'mention evidence lookup',
    async () => void (await h.send(appMention(`<@UBOT> evidence CURB ${NAME} ${MRN}`))),
  ],
  [
    'message shortcut on a posted case',
    async () => {
      const m = h.slack.postUserMessage({ channel: 'C0BOARD', user: 'U0DOCTOR', text: WITH_IDS });
      await h.send(messageShortcut(m.ts, WITH_IDS, h.slack.newResponseUrl()));
    },
  ],
  [
    'intake form: the therapy agent field',
    async () => {
      const view = await prefilledModal();
      const values = simulateState(view);
      setField(values, 'agent', { type: 'plain_text_input', value: `osimertinib (${NAME} ${MRN})` });
      await h.send(viewSubmission(INTAKE_CALLBACK_ID, values, view.private_metadata ?? ''));
    },
  ],
  ['JSON API: free text', async () => void (await api({ text: WITH_IDS }))],
  [
    'JSON API: a structured string (therapy.agent)',
    async () => {
      await api({
        case: { driver: 'EGFR', metastases: { burden: 'oligo' }, therapy: { agent: `${NAME} ${MRN}` } },
      });
    },
  ],
  ['JSON API: a malformed body', async () => void (await api(`{"text": "${WITH_IDS}`))],
  ['CLI free text', async () => void (await cli(['--json', WITH_IDS]))],
  [
    'CLI --input with a structured string',
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'privacy-')), 'case.json');
      writeFileSync(
        file,
        JSON.stringify({
          driver: 'EGFR',
          metastases: { burden: 'oligo' },
          therapy: { agent: `${NAME} ${MRN}` },
        }),
      );
      await cli(['--input', file]);
    },
  ],
  [
    'answer buttons carrying a case back',
    async () => {
      const url = h.slack.newResponseUrl();
      const id = url.split('/').pop();
      await h.send(slashCommand(WITH_IDS, url, 'trigger.privacy.buttons'));
      const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
      const share = buttonsOf((answer.body as { blocks: unknown[] }).blocks).find(
        (b) => b.action_id === ACTION_IDS.showEvidence,
      );
      await h.send(buttonClick(ACTION_IDS.showEvidence, share?.value ?? '', h.slack.newResponseUrl()));
    },
  ],
];

const LOG = createLog('debug', (l) => h.logs.push(l));
const handler = () =>
  createApiHandler({
    log: LOG,
    now: () => new Date(),
    audit: createAuditPort(h.store, LOG, () => new Date()),
  });

async function api(body: unknown): Promise<void> {
  const { createServer } = await import('node:http');
  const handle = handler();
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/consult`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  apiBodies.push(await res.text());
  await new Promise<void>((r) => server.close(() => r()));
}

async function cli(argv: string[]): Promise<void> {
  await runConsult(argv, {
    out: (s) => cliOut.push(s),
    err: (s) => cliOut.push(s),
    now: () => new Date(),
    audit: createAuditPort(h.store, LOG, () => new Date()),
  });
}

describe('every entry point of user text goes through the identifier guard', () => {
  it.each(ENTRY_POINTS)(
    '%s: no identifier reaches Slack, the audit trail, a log or the output',
    async (_name, send) => {
      await send();
      await settle();
      expect(await leaks()).toEqual([]);
    },
  );

  it('the entry points were exercised (something was answered, recorded and logged)', async () => {
    expect(h.slack.responses.length).toBeGreaterThan(3);
    expect(h.slack.callsOf('views.open').length).toBeGreaterThan(0);
    expect(apiBodies.some((b) => b.includes('"verdict"'))).toBe(true);
    expect(cliOut.join('')).toContain('verdict');
    const rows = await h.store.listRecentConsults({ limit: 100 });
    expect(rows.map((r) => r.surface)).toEqual(
      expect.arrayContaining(['slack-command', 'slack-modal', 'http', 'cli']),
    );
  });
});
