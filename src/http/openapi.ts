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

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Thoracic RT Advisor API',
    version: RULESET_VERSION,
    description:
      'Decision support on definitive thoracic RT to the primary tumour in stage IV NSCLC. Every answer follows the output contract of decision-spec §3 and records its ruleset version. Free text is stripped of identifiers before it is read and is never stored or logged.',
  },
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
              'The answer (output contract); with `text`, also `understood` (fact, value, span and text in the redacted input), `ignored`, `conflicts`, `identifiersRemoved`; with `case`, `identifiersRemoved`',
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
            description: 'Body larger than 100 kB',
            content: { 'application/json': { schema: error } },
          },
          '415': {
            description: 'Body not sent as application/json',
            content: { 'application/json': { schema: error } },
          },
        },
      },
    },
    '/api/v1/ruleset': {
      get: {
        summary: 'The knowledge base: version, rules, statements, flags, dose options and citations',
        responses: { '200': { description: 'The ruleset' } },
      },
    },
    '/api/v1/openapi.json': {
      get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
    },
  },
} as const;
