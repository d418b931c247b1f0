// OpenAPI 3.1 description of the JSON API (served at GET /api/v1/openapi.json).
import { RULESET_VERSION } from '../engine/index.js';

const issues = {
  type: 'array',
  items: {
    type: 'object',
    required: ['path', 'message'],
    properties: { path: { type: 'string' }, message: { type: 'string' } },
  },
};

const error = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string' }, message: { type: 'string' }, issues },
};

/** What every route can answer before it reads the request (api-access.ts). */
const GUARDED = {
  '401': {
    description: 'Missing, unknown or revoked API key (every Slack mode; the local playground asks for none)',
    content: { 'application/json': { schema: error } },
  },
  '429': {
    description: 'Rate limit of this key reached; see Retry-After (seconds)',
    content: { 'application/json': { schema: error } },
  },
  '503': {
    description: 'Too many requests in progress, or the key store unreachable; see Retry-After',
    content: { 'application/json': { schema: error } },
  },
} as const;

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Thoracic RT Advisor API',
    version: RULESET_VERSION,
    description:
      'Decision support on definitive thoracic RT to the primary tumour in stage IV NSCLC. Every answer follows the output contract of decision-spec §3 and records its ruleset version. Free text is stripped of identifiers before it is read and is never stored or logged.',
  },
  components: {
    securitySchemes: {
      apiKey: {
        type: 'http',
        scheme: 'bearer',
        description: 'A key from npm run api-key -- create --name <client>',
      },
    },
  },
  security: [{ apiKey: [] }],
  paths: {
    '/api/v1/consult': {
      post: {
        summary: 'Assess a case',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  {
                    type: 'object',
                    required: ['text'],
                    additionalProperties: false,
                    properties: {
                      text: { type: 'string', maxLength: 20000, description: 'tumour-board free text' },
                    },
                  },
                  {
                    type: 'object',
                    required: ['case'],
                    additionalProperties: false,
                    properties: {
                      case: { type: 'object', description: 'structured case facts (decision-spec §2)' },
                    },
                  },
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The answer (output contract); with `text`, also `understood` (fact, value, span and text in the redacted input), `ignored`, `conflicts` (fact, values, question, and kind: `conflict` when stated twice differently or `suspected` when named only as possible), `identifiersRemoved`; with `case`, `identifiersRemoved`',
          },
          '400': {
            description: 'Malformed body or invalid case, with issues by path',
            content: { 'application/json': { schema: error } },
          },
          '422': {
            description: 'The text holds no case fact',
            content: { 'application/json': { schema: error } },
          },
          '413': {
            description: 'Body larger than API_BODY_LIMIT_KB (default 100 kB)',
            content: { 'application/json': { schema: error } },
          },
          '415': {
            description: 'Body not sent as application/json',
            content: { 'application/json': { schema: error } },
          },
          ...GUARDED,
        },
      },
    },
    '/api/v1/ruleset': {
      get: {
        summary: 'The knowledge base: version, rules, statements, flags, dose options and citations',
        responses: { '200': { description: 'The ruleset' }, ...GUARDED },
      },
    },
    '/api/v1/openapi.json': {
      get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' }, ...GUARDED } },
    },
  },
} as const;
