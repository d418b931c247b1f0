// The one HTTP client of the Slack app: a `fetch`-shaped function over undici's request() on one pooled,
// keep-alive Agent, given to Bolt as clientOptions.fetch, so that respond() (response_url answers) and every
// WebClient call (Web API) share it. Node's built-in fetch is also undici, but its WHATWG layer (Request,
// Response, web streams, Headers) cost ~0.5 ms of event-loop CPU per answer in the profile; request() does the
// same exchange without it (README "Tests and benchmarks"). The body is read whole before returning (Slack's
// answers are small JSON), so a caller that ignores it (Bolt's respond()) never holds a pooled connection.
// Bodies other than text or bytes (multipart uploads) go through the built-in fetch unchanged.
import type { FetchFunction } from '@slack/web-api';
import { Agent, request } from 'undici';

export interface PooledFetchOptions {
  /** Open connections per origin (Slack's API, hooks.slack.com). */
  connections?: number;
  /** How long an idle connection is kept for reuse. */
  keepAliveMs?: number;
}

type FetchRequestInit = NonNullable<Parameters<FetchFunction>[1]>;
type FetchResponse = Awaited<ReturnType<FetchFunction>>;
type RawHeaders = Record<string, string | string[] | undefined>;

/** The read-only part of Headers the Slack clients use, over undici's lower-cased header record. */
class ResponseHeaders {
  constructor(private readonly raw: RawHeaders) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(', ') : v;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const key of Object.keys(this.raw)) {
      const v = this.get(key);
      if (v !== null) yield [key, v];
    }
  }
  [Symbol.iterator]() {
    return this.entries();
  }
}

class BufferedResponse implements FetchResponse {
  readonly ok: boolean;
  readonly statusText = '';
  readonly headers: ResponseHeaders;
  constructor(
    readonly url: string,
    readonly status: number,
    raw: RawHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new ResponseHeaders(raw);
  }
  async text(): Promise<string> {
    return this.body.toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.body;
    return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
  }
}

function plainHeaders(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers as [string, string][]);
  return headers as Record<string, string>;
}

/** A fetch for the Slack clients over one pooled keep-alive Agent (close() ends its connections). */
export function createPooledFetch(opts: PooledFetchOptions = {}): FetchFunction & { close(): Promise<void> } {
  const agent = new Agent({
    connections: opts.connections ?? 32,
    keepAliveTimeout: opts.keepAliveMs ?? 30_000,
  });
  const pooled = async (url: string | URL, init: FetchRequestInit = {}): Promise<FetchResponse> => {
    const body = init.body;
    if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      return (await fetch(url, init as RequestInit)) as unknown as FetchResponse;
    }
    const href = typeof url === 'string' ? url : url.href;
    const res = await request(href, {
      dispatcher: agent,
      method: (init.method ?? 'GET') as 'GET',
      headers: plainHeaders(init.headers),
      body: body ?? null,
      signal: init.signal ?? null,
    });
    const buf = Buffer.from(await res.body.arrayBuffer());
    return new BufferedResponse(href, res.statusCode, res.headers as RawHeaders, buf);
  };
  return Object.assign(pooled, { close: () => agent.close() });
}
