import { createHandler } from '../lib/handler.js';
import { json, route } from '../lib/http.js';
import { listDepartments } from '../store/configuration.js';
import { listAgents } from '../store/users.js';

/** Lookups the agent workspace needs: agents to assign and departments to route to. */
export const handler = createHandler({
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

  'GET /api/v1/agent/departments': route({
    access: 'agent',
    run: async () => json(200, { items: await listDepartments(), nextCursor: null }),
  }),
});
