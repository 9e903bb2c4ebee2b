import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { chooseAgent, isAvailable, type AgentLoad } from '../domain/routing.js';
import type { Department } from '../domain/types.js';
import { ddb } from '../lib/aws.js';
import { getSettings } from '../store/configuration.js';
import { nextCounterValue } from '../store/counters.js';
import { INDEX, keys } from '../store/keys.js';
import { tableName } from '../store/table.js';
import { getUser } from '../store/users.js';

/** Counts an agent's open tickets, reading at most `cap` index entries. */
async function openTicketCount(agentId: string, cap: number | null): Promise<number> {
  if (cap === null) return 0;
  const result = await ddb().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEX.assignee,
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.assigneeQueue(agentId, 'open') },
      Select: 'COUNT',
      Limit: cap,
    }),
  );
  return result.Count ?? 0;
}

async function loadsOf(
  department: Department,
  windowMinutes: number,
  now: number,
): Promise<Map<string, AgentLoad>> {
  const entries = await Promise.all(
    department.agentIds.map(async (id): Promise<[string, AgentLoad]> => {
      const profile = await getUser(id);
      const available =
        profile !== undefined &&
        profile.role !== 'customer' &&
        isAvailable(profile, now, windowMinutes);
      const openTickets = available ? await openTicketCount(id, department.maxOpenPerAgent) : 0;
      return [id, { id, available, openTickets }];
    }),
  );
  return new Map(entries);
}

/**
 * Takes the next round-robin turn of a department and returns the agent it goes to, or null
 * when nobody is available under the cap. The turn comes from an atomic counter, so
 * concurrent requests never share one; a turn whose agent is skipped is still used up.
 */
export async function pickRoundRobinAgent(
  department: Department,
  now = Date.now(),
): Promise<string | null> {
  if (department.agentIds.length === 0) return null;
  const { availabilityWindowMinutes } = await getSettings();
  const loads = await loadsOf(department, availabilityWindowMinutes, now);
  if (![...loads.values()].some((load) => load.available)) return null;
  const turn = await nextCounterValue(`round-robin#${department.id}`);
  return chooseAgent(department.agentIds, turn, loads, department.maxOpenPerAgent);
}
