// A stand-in for Slack's Web API on loopback: records chat.postMessage calls and answers with a fixed reply.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedMessage {
  token: string | undefined;
  channel: string | undefined;
  thread_ts: string | undefined;
  text: string | undefined;
}

export interface FakeSlack {
  url: string;
  posts: PostedMessage[];
  /** The next replies' `error` (ok: false) or undefined for success. */
  failWith: string | undefined;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const fake: FakeSlack = { url: '', posts: [], failWith: undefined, close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      const params = req.headers['content-type']?.includes('json')
        ? (JSON.parse(body) as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(body));
      res.setHeader('content-type', 'application/json');
      if (!req.url?.endsWith('/chat.postMessage')) {
        res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
        return;
      }
      fake.posts.push({
        token: req.headers.authorization?.replace(/^Bearer /, ''),
        channel: params.channel,
        thread_ts: params.thread_ts,
        text: params.text,
      });
      res.end(
        JSON.stringify(
          fake.failWith
            ? { ok: false, error: fake.failWith }
            : { ok: true, channel: params.channel, ts: '1.000200' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
