import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { UserProfile } from '../domain/types.js';
import { ApiError } from '../lib/errors.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';
import { logger } from '../lib/logger.js';
import { assignWaiting } from '../routing/rebalance.js';
import { listDepartments } from '../store/configuration.js';
import { auditWrite } from '../store/config-items.js';
import { transactWrite } from '../store/table.js';
import { getUser, listAgents, userItem } from '../store/users.js';
import { authorOf } from '../tickets/items.js';

const agentParams = z.object({ id: z.string().min(1).max(200) });
const agentPatch = z
  .strictObject({
    departmentIds: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
    away: z.boolean().optional(),
  })
  .refine((body) => body.departmentIds !== undefined || body.away !== undefined, {
    message: 'must change departmentIds or away',
  });

async function loadAgent(id: string): Promise<UserProfile> {
  const user = await getUser(id);
  if (!user || user.role === 'customer')
    throw new ApiError(
      'user.notFound',
      `There is no agent ${id}; agents appear after their first request.`,
    );
  return user;
}

/** Admin routes for agents: the users whose tokens carried the agent or admin role. */
export const routes: Record<string, Route> = {
  'GET /api/v1/admin/agents': route({
    access: 'admin',
    run: async () => json(200, { items: await listAgents(), nextCursor: null }),
  }),

  'GET /api/v1/admin/agents/{id}': route({
    access: 'admin',
    params: agentParams,
    run: async ({ params }) => json(200, await loadAgent(params.id)),
  }),

  'PATCH /api/v1/admin/agents/{id}': route({
    access: 'admin',
    params: agentParams,
    body: agentPatch,
    run: async ({ params, body, principal }) => {
      const before = await loadAgent(params.id);
      if (body.departmentIds) {
        const known = new Set((await listDepartments()).map((department) => department.id));
        const unknown = body.departmentIds.filter((id) => !known.has(id));
        if (unknown.length > 0) {
          throw new ApiError(
            'validation.failed',
            `departmentIds: ${unknown.join(', ')} do not exist`,
            { departmentIds: `${unknown.join(', ')} do not exist` },
          );
        }
      }
      const after: UserProfile = {
        ...before,
        departmentIds: body.departmentIds ?? before.departmentIds,
        away: body.away ?? before.away,
      };
      const at = new Date().toISOString();
      await transactWrite([
        { Put: { Item: userItem(after) } },
        auditWrite({
          id: randomUUID(),
          at,
          actor: authorOf(principal),
          action: 'update',
          collection: 'agents',
          targetId: after.id,
          before,
          after,
        }),
      ]);
      if (before.away && !after.away) await assignToReturningAgent(after);
      return json(200, after);
    },
  }),
};

export const handler = createHandler(routes);

/** An agent coming back frees capacity: waiting tickets of their departments get assigned. */
async function assignToReturningAgent(agent: UserProfile): Promise<void> {
  try {
    const departments = (await listDepartments()).filter((department) =>
      department.agentIds.includes(agent.id),
    );
    for (const department of departments) await assignWaiting(department.id);
  } catch (error) {
    logger.warn('assigning waiting tickets failed', { user_id: agent.id, error: String(error) });
  }
}
