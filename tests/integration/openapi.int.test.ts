import { describe, expect, it } from 'vitest';
import { loadRoutes } from '../../infra/local/routes.js';
import { api } from '../support/api.js';

describe('GET /openapi.json', () => {
  it('documents every route of serverless.yml', async () => {
    const result = await api('GET', '/openapi.json');
    const documented = Object.entries(result.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} /api/v1${path}`),
      )
      .sort();
    const declared = loadRoutes(process.cwd())
      .map((route) => route.routeKey)
      .filter((key) => key !== '$default')
      .sort();

    expect(result.status).toBe(200);
    expect(result.body.openapi).toBe('3.1.0');
    expect(documented).toEqual(declared);
  });

  it('describes request bodies and parameters from the validation schemas', async () => {
    const result = await api('GET', '/openapi.json');
    const create = result.body.paths['/tickets'].post;
    const queue = result.body.paths['/agent/tickets'].get;

    expect(create.requestBody.content['application/json'].schema.required).toEqual([
      'subject',
      'body',
    ]);
    expect(create.requestBody.content['application/json'].schema.properties.priority.enum).toEqual([
      'low',
      'medium',
      'high',
      'urgent',
      'critical',
    ]);
    expect(queue.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'view', 'sort', 'limit', 'cursor', 'q']),
    );
    expect(result.body.paths['/tickets/{reference}'].get.parameters[0]).toMatchObject({
      name: 'reference',
      in: 'path',
      required: true,
    });
  });
});
