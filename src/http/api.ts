// The JSON API, served in every mode: POST /api/v1/consult ({ text } or { case }) returns the output contract;
// GET /api/v1/ruleset returns the version, rules, statements, flags, dose options and citations; GET
// /api/v1/openapi.json describes both. Free text is read through the identifier guard and never logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  type AuditPort,
  answerJson,
  type ConsultContext,
  consultCase,
  consultText,
} from '../consult/index.js';
import { RULESET } from '../engine/index.js';
import { errorFields } from '../errors/index.js';
import type { Log } from '../log/logger.js';
import type { ApiAccess } from './api-access.js';
import { OPENAPI } from './openapi.js';
import { readJsonBody } from './read-json-body.js';

export const BODY_LIMIT_BYTES = 100 * 1024;
const MAX_TEXT = 20_000;

const consultBody = (maxText: number) =>
  z
    .object({
      text: z
        .string()
        .trim()
        .min(1, 'text is empty')
        .max(maxText, `text is longer than ${maxText} characters`)
        .optional(),
      case: z.record(z.string(), z.unknown()).optional(),
    })
    .strict()
    .refine((b) => (b.text === undefined) !== (b.case === undefined), {
      message: 'give exactly one of "text" (free text) or "case" (structured facts)',
    });

export interface ApiDeps {
  log: Log;
  now: () => Date;
  /** Audit trail: every answer is recorded through it (with the key's name); a failure never fails the answer. */
  audit?: AuditPort;
  /** API keys, rate limit and concurrency cap (api-access.ts); absent in unit tests of the answers. */
  access?: ApiAccess | undefined;
  /** Body and text caps (default 100 kB and 20,000 characters). */
  limits?: { bodyLimitBytes: number; textLimitChars: number } | undefined;
}

/** Handles /api/v1/* requests; returns false for any other path so the caller can route it elsewhere. */
export function createApiHandler(deps: ApiDeps) {
  const body = consultBody(deps.limits?.textLimitChars ?? MAX_TEXT);
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith('/api/v1/')) return false;
    const gate = deps.access
      ? await deps.access.admit(req)
      : { ok: true as const, apiKeyName: undefined, release() {} };
    if (!gate.ok) {
      send(res, gate.status, gate.body, gate.headers);
      return true;
    }
    try {
      if (path === '/api/v1/ruleset') {
        if (!allow(req, res, 'GET')) return true;
        send(res, 200, RULESET);
        return true;
      }
      if (path === '/api/v1/openapi.json') {
        if (!allow(req, res, 'GET')) return true;
        send(res, 200, OPENAPI);
        return true;
      }
      if (path === '/api/v1/consult') {
        if (!allow(req, res, 'POST')) return true;
        await consult(req, res, deps, body, gate.apiKeyName);
        return true;
      }
      send(res, 404, { error: 'not_found', message: 'no such API route; see /api/v1/openapi.json' });
      return true;
    } catch (err) {
      deps.log.error('api failure', errorFields(err, 'E_API_INTERNAL'));
      if (!res.headersSent)
        send(res, 500, {
          error: 'internal',
          code: errorFields(err, 'E_API_INTERNAL').code,
          message: 'unexpected failure; try again',
        });
      return true;
    } finally {
      gate.release();
    }
  };
}

async function consult(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
  schema: ReturnType<typeof consultBody>,
  apiKeyName: string | undefined,
): Promise<void> {
  const body = await readJsonBody(req, deps.limits?.bodyLimitBytes ?? BODY_LIMIT_BYTES);
  if (!body.ok) {
    send(res, body.status, { error: body.error, message: body.message });
    return;
  }
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    send(res, 400, { error: 'invalid_body', issues: toIssues(parsed.error.issues) });
    return;
  }
  const ctx: ConsultContext = {
    now: deps.now(),
    ...(deps.audit ? { audit: { port: deps.audit, context: { surface: 'http', apiKeyName } } } : {}),
  };
  if (parsed.data.case !== undefined) {
    const consult = await consultCase(parsed.data.case, ctx);
    if (!consult.ok) {
      send(res, 400, {
        error: 'invalid_case',
        issues: consult.issues.map(safeCaseIssue),
      });
      return;
    }
    send(res, 200, answerJson(consult.output, consult));
    return;
  }
  const consult = await consultText(parsed.data.text ?? '', ctx);
  if (consult.kind === 'empty') {
    send(res, 422, {
      error: 'no_case_facts',
      message: 'no case facts were found in "text" (e.g. "EGFR ex19del, 3 bone mets, ECOG 1")',
      identifiersRemoved: consult.reading.identifiersRemoved,
    });
    return;
  }
  send(res, 200, answerJson(consult.output, consult.reading));
}

function allow(req: IncomingMessage, res: ServerResponse, method: 'GET' | 'POST'): boolean {
  if (req.method === method) return true;
  res.setHeader('allow', method);
  send(res, 405, { error: 'method_not_allowed', message: `use ${method}` });
  return false;
}

function toIssues(
  issues: readonly { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[],
) {
  return issues.flatMap((i) => {
    const base = i.path.map(String);
    if (i.code === 'unrecognized_keys' && i.keys)
      // The field's name is the client's own text: it is not echoed.
      return i.keys.map(() => ({
        path: base.join('.') || '(body)',
        message: 'unknown field; use only "text" or "case"',
      }));
    return [{ path: base.join('.') || '(body)', message: i.message }];
  });
}

/** A case issue without the client's own field names (unknown facts are named by the engine, not echoed). */
function safeCaseIssue(i: { path: string; message: string }): { path: string; message: string } {
  if (!i.message.startsWith('unknown fact')) return { path: `case.${i.path}`, message: i.message };
  const parent = i.path.split('.').slice(0, -1).join('.');
  return {
    path: parent ? `case.${parent}` : 'case',
    message: 'unknown fact; check the field names against decision-spec §2 (see /api/v1/openapi.json)',
  };
}

/** Every API answer: JSON, never sniffed, never cached, no CORS headers (browsers on other origins get nothing). */
function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    // A body too large is not read to its end: the connection closes after the answer.
    ...(status === 413 ? { connection: 'close' } : {}),
    ...headers,
  });
  res.end(json);
}
