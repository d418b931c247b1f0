// Every Slack surface in Socket Mode (surface-suite.ts, the same tests as HTTP mode), then what only Socket Mode
// has: the hello handshake, envelope acks, disconnect / refresh / server-side close and reconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, slashCommand, viewSubmission } from '../../src/playground/slack-requests.js';
import { INTAKE_CALLBACK_ID } from '../../src/slack/views/intake-ids.js';
import { type Harness, startHarness } from './support/harness.js';
import { defineSurfaceSuite } from './surface-suite.js';

defineSurfaceSuite('socket');

describe('the Socket Mode connection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'socket' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('connects with the app-level token through apps.connections.open, then hello', () => {
    expect(h.slack.callsOf('apps.connections.open')).toHaveLength(1);
    expect(h.peer!.connections).toHaveLength(1);
    expect(h.peer!.open).toBe(true);
  });

  it('acks each envelope by its envelope_id, with the payload Bolt sends back', async () => {
    const command = await h.peer!.sendRequest(slashCommand('help', h.slack.newResponseUrl()));
    expect(command.payload).toEqual({});
    const mention = await h.peer!.sendRequest(appMention('<@UBOT> what dose for a central primary?'));
    expect(mention.payload).toEqual({});
    const invalid = await h.peer!.sendRequest(viewSubmission(INTAKE_CALLBACK_ID, {}, '{not json'));
    expect(command.envelope_id).not.toBe(mention.envelope_id);
    // A submission the app cannot read is answered in the ack (the modal stays open), never left unacked.
    expect(invalid.payload).toHaveProperty('response_action');
    expect(h.peer!.unexpected).toEqual([]);
  });

  it('ignores a message that is not JSON and goes on answering', async () => {
    h.peer!.connections.at(-1)!.send('{not json');
    const ack = await h.peer!.sendRequest(slashCommand('help', h.slack.newResponseUrl()));
    expect(ack.payload).toEqual({});
  });

  it('reconnects after `disconnect` (refresh_requested) with a new URL from apps.connections.open', async () => {
    const opened = h.slack.callsOf('apps.connections.open').length;
    const connections = h.peer!.connections.length;
    h.peer!.disconnect('refresh_requested');
    await h.peer!.connected(connections + 1);
    expect(h.slack.callsOf('apps.connections.open')).toHaveLength(opened + 1);
    await expectAnswersOnNewConnection(h);
  }, 30_000);

  it('reconnects after the server closes the socket without a disconnect message', async () => {
    const opened = h.slack.callsOf('apps.connections.open').length;
    const connections = h.peer!.connections.length;
    h.peer!.dropConnection();
    await h.peer!.connected(connections + 1);
    expect(h.slack.callsOf('apps.connections.open')).toHaveLength(opened + 1);
    await expectAnswersOnNewConnection(h);
  }, 30_000);
});

async function expectAnswersOnNewConnection(h: Harness): Promise<void> {
  const responseUrl = h.slack.newResponseUrl();
  const id = responseUrl.split('/').pop();
  const res = await h.send(slashCommand('EGFR ex19del, oligometastatic, ECOG 3', responseUrl));
  expect(res.body).toBe('');
  const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id));
  expect(JSON.stringify(answer.body)).toContain('Not recommended');
}
