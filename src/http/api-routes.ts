// The JSON API as routes for Bolt's HTTPReceiver (HTTP mode) or any node:http server (Socket Mode).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from '../slack/app.js';
import { type ApiDeps, createApiHandler } from './api.js';

export const API_PATHS = ['/api/v1/consult', '/api/v1/ruleset', '/api/v1/openapi.json'] as const;

export function apiRoutes(deps: ApiDeps): HttpRoute[] {
  const handle = createApiHandler(deps);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res);
  };
  return API_PATHS.map((path) => ({ path, method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], handler }));
}
