import { z } from 'zod';
import type { Route } from '../lib/http.js';

const BASE_PATH = '/api/v1';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const ERROR_ENVELOPE: JsonSchema = {
  type: 'object',
  required: ['error', 'requestId'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', examples: ['ticket.notFound'] },
        message: { type: 'string' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    requestId: { type: 'string' },
  },
};

function operation(group: string, routeKey: string, route: Route): JsonSchema {
  const body = route.body
    ? {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: toSchema(route.body) } },
        },
      }
    : {};
  return {
    operationId: routeKey.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
    tags: [group],
    security: route.access === 'public' ? [] : [{ bearer: [] }],
    'x-escalated-access': route.access,
    parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
    ...body,
    responses: {
      '2XX': {
        description: 'The result; see docs/api.md for each route.',
        content: { 'application/json': { schema: {} } },
      },
      '4XX': {
        description: 'A client error in the error envelope.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      '5XX': {
        description: 'An unexpected failure in the error envelope.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

/**
 * Builds the OpenAPI 3.1 document from the route tables of the HTTP functions: every route,
 * its path and query parameters and request body as JSON Schema generated from the same zod
 * schemas that validate requests.
 */
export function buildOpenApi(
  groups: Record<string, Record<string, Route>>,
  version: string,
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [group, routes] of Object.entries(groups)) {
    for (const [routeKey, route] of Object.entries(routes)) {
      const [method, fullPath] = routeKey.split(' ');
      if (!method || !fullPath?.startsWith(BASE_PATH)) continue;
      const path = fullPath.slice(BASE_PATH.length);
      paths[path] ??= {};
      paths[path]![method.toLowerCase()] = operation(group, routeKey, route);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Escalated API',
      version,
      description:
        'The HTTP API of an Escalated installation. Errors use one envelope; lists are cursor-paginated.',
    },
    servers: [{ url: BASE_PATH }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT or esk_ API key' },
      },
      schemas: { Error: ERROR_ENVELOPE },
    },
    paths,
  };
}
