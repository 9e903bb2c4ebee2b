import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';
import { heartbeat } from '../presence/heartbeat.js';
import { presenceBody } from '../schemas/presence.js';
import { referenceParams } from '../schemas/tickets.js';

/** Agent presence: the heartbeat an open ticket view sends, which returns who else is viewing. */
export const routes: Record<string, Route> = {
  'POST /api/v1/agent/tickets/{reference}/presence': route({
    access: 'agent',
    params: referenceParams,
    body: presenceBody,
    run: async ({ principal, params, body }) =>
      json(200, await heartbeat(principal, params.reference, body.typing ?? false)),
  }),
};

export const handler = createHandler(routes);
