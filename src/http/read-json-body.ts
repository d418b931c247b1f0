// Reads a JSON request body with a size limit. Every failure is a value with an HTTP status and a message.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; error: string; message: string };

export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return {
      ok: false,
      status: 415,
      error: 'unsupported_media_type',
      message: 'send the body as JSON with content-type: application/json',
    };
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    return tooLarge(limitBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      // Stop reading at once: the answer closes the connection, so the rest is never buffered.
      return tooLarge(limitBytes);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim())
    return {
      ok: false,
      status: 400,
      error: 'empty_body',
      message: 'the request body is empty; send a JSON object',
    };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // JSON.parse's message quotes the start of the body: never echoed.
    return { ok: false, status: 400, error: 'invalid_json', message: 'the body is not valid JSON' };
  }
}

function tooLarge(limit: number): BodyResult {
  return {
    ok: false,
    status: 413,
    error: 'payload_too_large',
    message: `the body is larger than ${Math.round(limit / 1024)} kB; a case is a few hundred bytes`,
  };
}
