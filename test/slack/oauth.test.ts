import { randomBytes } from 'node:crypto';
// Multi-workspace install: /slack/install → Slack's consent page → /slack/oauth_redirect, with the installation
// kept in the store and used for that workspace's requests.
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULESET } from '../../src/engine/index.js';
import { loadIntentsOrThrow } from '../../src/intents/load-intents.js';
import { createLog } from '../../src/log/logger.js';
import { deliver, SIGNING_SECRET, slashCommand } from '../../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createTokenCipher, openStore, type Store } from '../../src/store/index.js';

let slack: SlackWebApiFake;
let store: Store;
let server: Server;
let base = '';

beforeAll(async () => {
  slack = new SlackWebApiFake({ teamId: 'T0TEST', botUserId: 'UBOT', botId: 'BBOT' });
  await slack.start();
  store = await openStore({
    sqlitePath: join(await mkdtemp(join(tmpdir(), 'oauth-')), 'store.sqlite'),
    tokens: { cipher: createTokenCipher(randomBytes(32)) },
  });
  const log = createLog('error', () => {});
  const runtime = createSlackApp({
    mode: {
      kind: 'http-oauth',
      signingSecret: SIGNING_SECRET,
      oauth: {
        clientId: '123.456',
        clientSecret: 'client-secret-xyz',
        stateSecret: 'state-secret-0123456789',
      },
      installationStore: store.installationStore,
    },
    deps: { log, now: () => new Date(), intents: await loadIntentsOrThrow(), ruleset: RULESET, store },
    log,
    logLevel: 'error',
    slackApiUrl: slack.apiUrl,
    retries: 0,
  });
  server = createServer(runtime.receiver!.requestListener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await store.close();
  await slack.stop();
});

describe('OAuth install', () => {
  it('installs a workspace and then answers its slash commands with the installed token', async () => {
    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const consent = new URL(install.headers.get('location') ?? '');
    expect(consent.pathname).toBe('/oauth/v2/authorize');
    expect(consent.searchParams.get('client_id')).toBe('123.456');
    expect(consent.searchParams.get('scope')).toContain('commands');
    const state = consent.searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const redirect = await fetch(
      `${base}/slack/oauth_redirect?code=c0de&state=${encodeURIComponent(state)}`,
      {
        headers: { cookie },
        redirect: 'manual',
      },
    );
    expect(redirect.status).toBeLessThan(400);
    const saved = await store.installationStore.fetchInstallation({
      teamId: 'T0TEST',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(saved.bot?.token).toBe('xoxb-installed-c0de');

    const responseUrl = slack.newResponseUrl();
    const id = responseUrl.split('/').pop();
    const res = await deliver(
      `${base}/slack/events`,
      slashCommand('EGFR ex19del, oligometastatic, ECOG 1', responseUrl),
      {
        secret: SIGNING_SECRET,
      },
    );
    expect(res.status).toBe(200);
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === id));
    expect(JSON.stringify(answer.body)).toContain('Recommended');
  });

  it('refuses a callback with a forged state', async () => {
    const res = await fetch(`${base}/slack/oauth_redirect?code=c0de&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});
