import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputSchema } from '../../src/engine/index.js';
import { createApiHandler } from '../../src/http/api.js';
import { createLog } from '../../src/log/logger.js';

let server: Server;
let base = '';
const logs: string[] = [];
const recorded: string[] = [];

beforeAll(async () => {
  const handle = createApiHandler({
    log: createLog('debug', (l) => logs.push(l)),
    now: () => new Date('2026-11-27T07:00:00Z'),
    audit: {
      record: async (out) => {
        recorded.push(out.verdict);
        return undefined;
      },
    },
  });
  server = createServer((req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON answers
async function json(res: Response): Promise<any> {
  return res.json();
}

const post = (body: string, type = 'application/json') =>
  fetch(`${base}/api/v1/consult`, { method: 'POST', headers: { 'content-type': type }, body });

describe('POST /api/v1/consult', () => {
  it('answers structured facts with the output contract', async () => {
    const res = await post(
      JSON.stringify({
        case: { driver: 'EGFR', egfrVariant: 'ex19del', metastases: { burden: 'oligo' }, ecog: 3 },
      }),
    );
    expect(res.status).toBe(200);
    const out = await json(res);
    expect(OutputSchema.safeParse(out).success).toBe(true);
    expect(out.verdict).toBe('not-recommended');
    expect(recorded).toContain('not-recommended');
  });

  it('answers free text with the facts understood and never logs the text', async () => {
    const res = await post(
      JSON.stringify({
        text: 'Mr Smith, EGFR L858R adenocarcinoma, 4 mets in 2 organs, ECOG 1, PR after 8 weeks osimertinib',
      }),
    );
    expect(res.status).toBe(200);
    const out = await json(res);
    expect(out.verdict).toBe('recommended');
    expect(out.timing).toBe('now-as-consolidation');
    expect(out.understood.length).toBeGreaterThan(3);
    expect(out.identifiersRemoved).toContain('name');
    expect(JSON.stringify(out)).not.toContain('Smith');
    expect(logs.join('')).not.toMatch(/Smith|osimertinib|L858R/);
  });

  it.each([
    ['invalid JSON', '{"case":', 400, /invalid_json/],
    ['an empty body', '', 400, /empty_body/],
    ['both text and case', JSON.stringify({ text: 'x', case: {} }), 400, /exactly one/],
    ['an unknown field (not echoed)', JSON.stringify({ caze: {} }), 400, /unknown field; use only/],
    ['a fact out of range', JSON.stringify({ case: { ecog: 7 } }), 400, /case\.ecog/],
    ['a wrong type', JSON.stringify({ text: 42 }), 400, /"path":"text"/],
  ])('rejects %s with a 400 naming the problem', async (_name, body, status, match) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(await res.text()).toMatch(match);
  });

  it('rejects a body over 100 kB with 413', async () => {
    const res = await post(JSON.stringify({ text: 'a'.repeat(110 * 1024) }));
    expect(res.status).toBe(413);
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await post('text=EGFR', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
  });

  it('rejects GET with 405', async () => {
    const res = await fetch(`${base}/api/v1/consult`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('GET /api/v1/ruleset and openapi.json', () => {
  it('returns the version, rules and citations', async () => {
    const res = await fetch(`${base}/api/v1/ruleset`);
    const rs = await json(res);
    expect(rs.version).toBe('2026.2.0');
    expect(rs.rules.length).toBeGreaterThan(10);
    expect(rs.citations.find((c: { id: string }) => c.id === 'nrog-002').pmid).toBe('39374473');
  });

  it('describes the API', async () => {
    const doc = await json(await fetch(`${base}/api/v1/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/consult');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await fetch(`${base}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect((await json(res)).error).toBe('not_found');
  });
});
