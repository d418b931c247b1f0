// The JSON API as routes for Bolt's HTTPReceiver (HTTP mode) or any node:http server (Socket Mode).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiDeps, createApiHandler } from './api.js';

/** A route any node:http host can serve (Bolt's HTTPReceiver custom routes have this shape). */
export interface HttpRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export const API_PATHS = ['/api/v1/consult', '/api/v1/ruleset', '/api/v1/openapi.json'] as const;

export function apiRoutes(deps: ApiDeps): HttpRoute[] {
  const handle = createApiHandler(deps);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res);
  };
  return API_PATHS.map((path) => ({ path, method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], handler }));
}
