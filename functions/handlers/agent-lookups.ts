import { ticketDriver } from '../drivers/index.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';
import { usableBy } from '../domain/macros.js';
import { listConfigItems } from '../store/config-items.js';
import { listDepartments } from '../store/configuration.js';
import { listTags } from '../tickets/tags.js';
import { listAgents } from '../store/users.js';

/** Lookups the agent workspace needs: agents to assign and departments to route to. */
export const routes: Record<string, Route> = {
  'GET /api/v1/agent/agents': route({
    access: 'agent',
    run: async () => {
      const agents = await listAgents();
      const items = agents.map(({ id, name, email, role, departmentIds, away, lastSeenAt }) => ({
        id,
        name,
        email,
        role,
        departmentIds,
        away,
        lastSeenAt,
      }));
      return json(200, { items, nextCursor: null });
    },
  }),

  'GET /api/v1/agent/tags': route({
    access: 'agent',
    run: async () => json(200, { items: await listTags(), nextCursor: null }),
  }),

  'GET /api/v1/agent/canned-responses': route({
    access: 'agent',
    run: async ({ principal }) => {
      const items = await listConfigItems<{
        title: string;
        body: string;
        shared: boolean;
        ownerId: string | null;
      }>('CANNED_RESPONSE');
      return json(200, {
        items: items.filter((item) => usableBy(item, principal.id)),
        nextCursor: null,
      });
    },
  }),

  'GET /api/v1/agent/macros': route({
    access: 'agent',
    run: async ({ principal }) => {
      const items = await listConfigItems<{
        name: string;
        shared: boolean;
        ownerId: string | null;
      }>('MACRO');
      return json(200, {
        items: items.filter((item) => usableBy(item, principal.id)),
        nextCursor: null,
      });
    },
  }),

  'GET /api/v1/agent/dashboard': route({
    access: 'agent',
    runsInCloud: true,
    run: ({ principal }) => ticketDriver().agent.dashboard(principal),
  }),

  'GET /api/v1/agent/departments': route({
    access: 'agent',
    run: async () => json(200, { items: await listDepartments(), nextCursor: null }),
  }),
};

export const handler = createHandler(routes);
