// A web page open in the same browser as the playground cannot drive it: the Slack fakes refuse every browser
// request, and the page's endpoints want same-origin requests carrying the token of the page served at start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlayground, type TestPlayground } from './support.js';

let pg: TestPlayground;
beforeAll(async () => {
  pg = await startTestPlayground();
});
afterAll(async () => {
  await pg.close();
});

const json = { 'content-type': 'application/json' };
const EVIL = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

describe('cross-origin requests to the playground', () => {
  it('listens on loopback only (it asks for no API key)', () => {
    expect(pg.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the page with its token and a strict CSP with no inline script or style', async () => {
    const res = await fetch(pg.url);
    const html = await res.text();
    expect(html).toContain(`<meta name="playground-token" content="${pg.pageToken}" />`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    // The CSP would block these, so the page must not need them.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['another origin, with the token', { ...json, origin: 'https://evil.example' }, true],
    ['Sec-Fetch-Site: cross-site, with the token', { ...json, 'sec-fetch-site': 'cross-site' }, true],
    [
      'Sec-Fetch-Site: same-site (a sibling port or subdomain)',
      { ...json, 'sec-fetch-site': 'same-site' },
      true,
    ],
    ['no token', json, false],
  ])(
    'refuses a POST to the page endpoints from %s with 403 and changes nothing',
    async (_n, headers, withToken) => {
      const before = pg.emulator.snapshot().messages.length;
      const res = await fetch(`${pg.origin}/playground/message`, {
        method: 'POST',
        headers: { ...headers, ...(withToken ? { 'x-playground-token': pg.pageToken } : {}) },
        body: JSON.stringify({ text: 'forged by another page' }),
      });
      expect(res.status).toBe(403);
      expect(pg.emulator.snapshot().messages.length).toBe(before);
    },
  );

  it('refuses a wrong token and a text/plain form post (no preflight) with 403', async () => {
    const wrong = await fetch(`${pg.origin}/playground/message`, {
      method: 'POST',
      headers: { ...json, 'x-playground-token': `${pg.pageToken.slice(0, -1)}x` },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(wrong.status).toBe(403);
    const simple = await fetch(`${pg.origin}/playground/message`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...EVIL },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(simple.status).toBe(403);
    const state = await fetch(`${pg.origin}/playground/state`);
    expect(state.status).toBe(403);
    const events = await fetch(`${pg.origin}/playground/events`);
    expect(events.status).toBe(403);
  });

  it('accepts the page itself (same origin, with its token)', async () => {
    const res = await fetch(`${pg.origin}/playground/home`, {
      method: 'POST',
      headers: {
        ...json,
        origin: pg.origin,
        'sec-fetch-site': 'same-origin',
        'x-playground-token': pg.pageToken,
      },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['chat.postMessage', { channel: 'C0BOARD', text: 'forged' }],
    ['chat.update', { channel: 'C0BOARD', ts: '1.000001', text: 'edited' }],
    ['chat.delete', { channel: 'C0BOARD', ts: '1.000001' }],
  ])('refuses a browser POST to the Web API fake (%s) with 403 and changes nothing', async (method, body) => {
    const mine = () => pg.slack.calls.filter((c) => c.method === method).length;
    const before = mine();
    const browsers: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of browsers) {
      const res = await fetch(`${pg.origin}/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
          authorization: 'Bearer xoxb-playground-token',
        },
        body: new URLSearchParams(body).toString(),
      });
      expect(res.status).toBe(403);
    }
    expect(mine()).toBe(before);
  });

  it('refuses a browser POST to a response_url', async () => {
    const url = pg.slack.newResponseUrl();
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...json, ...EVIL },
      body: '{"text":"forged"}',
    });
    expect(res.status).toBe(403);
    expect(pg.slack.responses).toHaveLength(0);
  });
});
