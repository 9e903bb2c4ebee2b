import { config } from '../lib/config.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';

const startedAt = new Date().toISOString();

/** Liveness and the hosting mode in use. */
export const routes: Record<string, Route> = {
  'GET /api/v1/health': route({
    access: 'public',
    run: async () =>
      json(200, { status: 'ok', mode: config().mode, stage: config().stage, startedAt }),
  }),
};

export const handler = createHandler(routes);
