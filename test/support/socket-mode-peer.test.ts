// The loopback Socket Mode peer itself: one-time tickets, hello first, acks matched by envelope_id, and Slack's
// 3 s limit for an envelope nobody acknowledges. A bare `ws` client plays the app.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { slashCommand, viewSubmission } from '../../src/playground/slack-requests.js';
import { envelopeOf, SocketModePeer } from './socket-mode-peer.js';

let peer: SocketModePeer | undefined;
const clients: WebSocket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.terminate();
  await peer?.close();
  peer = undefined;
});

/** Connects and resolves with the first message (hello) or the close code. */
function connect(url: string): Promise<{ ws: WebSocket; first: Promise<string | number> }> {
  const ws = new WebSocket(url);
  clients.push(ws);
  const first = new Promise<string | number>((resolve) => {
    ws.once('message', (d) => resolve(d.toString()));
    ws.once('close', (code) => resolve(code));
  });
  return Promise.resolve({ ws, first });
}

describe('SocketModePeer', () => {
  it('greets a valid ticket with hello and refuses a reused or unknown one', async () => {
    peer = await SocketModePeer.start('A0TEST');
    const url = peer.nextUrl();
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[0-9a-f-]+&app_id=A0TEST$/);
    const first = await (await connect(url)).first;
    expect(JSON.parse(String(first))).toMatchObject({ type: 'hello', connection_info: { app_id: 'A0TEST' } });
    expect(await (await connect(url)).first).toBe(4001);
    expect(await (await connect(url.replace(/ticket=[^&]+/, 'ticket=nope'))).first).toBe(4001);
    expect(peer.connections).toHaveLength(1);
  });

  it('resolves with the ack that carries the envelope_id, and records any other message', async () => {
    peer = await SocketModePeer.start();
    const { ws, first } = await connect(peer.nextUrl());
    await first;
    ws.on('message', (d) => {
      const e = JSON.parse(d.toString()) as { envelope_id: string; type: string };
      ws.send(JSON.stringify({ envelope_id: 'someone-else', payload: {} }));
      ws.send(JSON.stringify({ envelope_id: e.envelope_id, payload: { response_action: 'clear' } }));
    });
    const ack = await peer.send('interactive', { type: 'view_submission' });
    expect(ack.payload).toEqual({ response_action: 'clear' });
    expect(peer.unexpected).toEqual([{ envelope_id: 'someone-else', payload: {} }]);
  });

  it('rejects an envelope that is not acknowledged within 3 s', async () => {
    peer = await SocketModePeer.start();
    await (await connect(peer.nextUrl())).first;
    await expect(peer.send('slash_commands', { command: '/x' })).rejects.toThrow(
      /not acknowledged within 3000 ms/,
    );
  });

  it('cannot send without an open connection', async () => {
    peer = await SocketModePeer.start();
    await expect(peer.send('events_api', {})).rejects.toThrow(/no open connection/);
  });
});

describe('envelopeOf', () => {
  it('maps a slash command form to slash_commands and an interactivity payload to interactive', () => {
    const c = envelopeOf(slashCommand('help', 'http://r/1'));
    expect(c.type).toBe('slash_commands');
    expect(c.payload).toMatchObject({ command: '/thoracic-rt', text: 'help', response_url: 'http://r/1' });
    const v = envelopeOf(viewSubmission('cb', {}, '{}'));
    expect(v.type).toBe('interactive');
    expect(v.payload).toMatchObject({ type: 'view_submission', view: { callback_id: 'cb' } });
  });

  it('refuses url_verification, which Socket Mode does not carry', () => {
    expect(() =>
      envelopeOf({ body: JSON.stringify({ type: 'url_verification' }), contentType: 'application/json' }),
    ).toThrow(/HTTP mode only/);
  });
});
