import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';
import { buildOpenApi } from '../openapi/document.js';
import { routes as adminAgents } from './admin-agents.js';
import { routes as adminWebhooks } from './admin-webhooks.js';
import { routes as adminReports } from './admin-reports.js';
import { routes as admin } from './admin.js';
import { routes as agentLookups } from './agent-lookups.js';
import { routes as agentTickets } from './agent-tickets.js';
import { routes as attachments } from './attachments.js';
import { routes as customerTickets } from './customer-tickets.js';
import { routes as guestTickets } from './guest-tickets.js';
import { routes as health } from './health.js';
import { routes as presence } from './presence.js';
import { routes as sync } from './sync.js';

let document: Record<string, unknown> | undefined;

export const routes: Record<string, Route> = {
  'GET /api/v1/openapi.json': route({
    access: 'public',
    runsInCloud: true,
    run: async () => {
      document ??= buildOpenApi(
        {
          operations: { ...health, ...routes },
          tickets: customerTickets,
          guests: guestTickets,
          attachments,
          agent: { ...agentTickets, ...agentLookups, ...presence },
          admin: { ...admin, ...adminAgents, ...adminReports, ...adminWebhooks },
          sync,
        },
        '1.0.0',
      );
      return json(200, document, { 'Cache-Control': 'public, max-age=300' });
    },
  }),
};

/** Serves the OpenAPI 3.1 document generated from the route tables and their zod schemas. */
export const handler = createHandler(routes);
