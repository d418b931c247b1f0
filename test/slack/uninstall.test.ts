// app_uninstalled and tokens_revoked, delivered signed to the multi-workspace app, delete what they name from the
// installation store (sealed tokens and all), and nothing else.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULESET } from '../../src/engine/index.js';
import { loadIntentsOrThrow } from '../../src/intents/load-intents.js';
import { createLog } from '../../src/log/logger.js';
import { API_APP_ID, deliver, event, SIGNING_SECRET } from '../../src/playground/slack-requests.js';
import { SlackWebApiFake } from '../../src/playground/slack-web-api.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createTokenCipher, openStore, type Store } from '../../src/store/index.js';

let slack: SlackWebApiFake;
let store: Store;
let server: Server;
let base = '';
const logs: string[] = [];

const install = (team: string, userToken?: string): Installation<'v2', false> => ({
  team: { id: team, name: team },
  enterprise: undefined,
  user: { id: 'U1', token: userToken, scopes: userToken ? ['chat:write'] : undefined },
  bot: { id: 'B1', userId: 'UB1', token: `xoxb-${team}-secret`, scopes: ['commands'] },
  isEnterpriseInstall: false,
  authVersion: 'v2',
});
const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
let seq = 0;
const envelope = (team: string, inner: Record<string, unknown>) =>
  event({
    token: 'legacy',
    team_id: team,
    api_app_id: API_APP_ID,
    event: { ...inner, event_ts: '1790000000.000100' },
    type: 'event_callback',
    event_id: `Ev0UNINSTALL${++seq}`,
    event_time: 1790000000,
    authorizations: [{ team_id: team, user_id: 'UB1', is_bot: true, is_enterprise_install: false }],
  });
const rowsFor = async (team: string) =>
  store.installationStore.fetchInstallation(query(team)).then(
    (i) => i,
    () => undefined,
  );
const waitFor = async (cond: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 20));
};

beforeAll(async () => {
  slack = new SlackWebApiFake({ teamId: 'T0TEST', botUserId: 'UBOT', botId: 'BBOT' });
  await slack.start();
  store = await openStore({
    sqlitePath: join(await mkdtemp(join(tmpdir(), 'uninstall-')), 'store.sqlite'),
    tokens: { cipher: createTokenCipher(randomBytes(32)) },
  });
  const log = createLog('info', (l) => logs.push(l));
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
    logLevel: 'info',
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

describe('uninstall and revoked tokens', () => {
  it('app_uninstalled deletes that workspace installation and leaves the others', async () => {
    await store.installationStore.storeInstallation(install('T1'));
    await store.installationStore.storeInstallation(install('T2'));
    const res = await deliver(`${base}/slack/events`, envelope('T1', { type: 'app_uninstalled' }), {
      secret: SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
    await waitFor(async () => (await rowsFor('T1')) === undefined);
    expect(await rowsFor('T1')).toBeUndefined();
    expect((await rowsFor('T2'))?.bot?.token).toBe('xoxb-T2-secret');
    expect(logs.join('')).toMatch(/installation removed/);
    expect(logs.join('')).not.toMatch(/xoxb-T/);
  });

  it('tokens_revoked for the bot deletes the installation', async () => {
    await store.installationStore.storeInstallation(install('T3'));
    await deliver(
      `${base}/slack/events`,
      envelope('T3', { type: 'tokens_revoked', tokens: { bot: ['UB1'] } }),
      {
        secret: SIGNING_SECRET,
      },
    );
    await waitFor(async () => (await rowsFor('T3')) === undefined);
    expect(await rowsFor('T3')).toBeUndefined();
  });

  it('tokens_revoked for a user removes only that user token', async () => {
    await store.installationStore.storeInstallation(install('T4', 'xoxp-user-secret'));
    await deliver(
      `${base}/slack/events`,
      envelope('T4', { type: 'tokens_revoked', tokens: { oauth: ['U1'] } }),
      {
        secret: SIGNING_SECRET,
      },
    );
    await waitFor(async () => (await rowsFor('T4'))?.user.token === undefined);
    const left = await rowsFor('T4');
    expect(left?.bot?.token).toBe('xoxb-T4-secret');
    expect(left?.user).toEqual({ id: 'U1' });
  });

  it('an unsigned app_uninstalled deletes nothing', async () => {
    await store.installationStore.storeInstallation(install('T5'));
    const res = await deliver(`${base}/slack/events`, envelope('T5', { type: 'app_uninstalled' }), {
      secret: 'wrong-secret-0123456789',
    });
    expect(res.status).toBe(401);
    expect((await rowsFor('T5'))?.bot?.token).toBe('xoxb-T5-secret');
  });
});
