import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal, Ticket } from '../domain/types.js';
import { ddb } from '../lib/aws.js';
import { INDEX, keys } from '../store/keys.js';
import { buildQuery, type PartitionQuery } from '../store/table.js';
import { listQueue, type QueueFilters } from './repository.js';
import { agentTicketView } from './views.js';

/** Pages of a count; beyond them the count is a lower bound, marked by `countsCapped`. */
const MAX_COUNT_PAGES = 10;

async function count(query: PartitionQuery): Promise<{ value: number; capped: boolean }> {
  let value = 0;
  let startKey: Record<string, unknown> | undefined;
  for (let page = 0; page < MAX_COUNT_PAGES; page += 1) {
    const input = { ...buildQuery(query, 1000, startKey), Select: 'COUNT' as const };
    const result = await ddb().send(new QueryCommand(input));
    value += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
    if (!startKey) return { value, capped: false };
  }
  return { value, capped: true };
}

function startOfDay(now: Date): string {
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
  ).toISOString();
}

async function firstFive(filters: QueueFilters): Promise<ReturnType<typeof agentTicketView>[]> {
  const page = await listQueue(filters, 5);
  return page.items.map((ticket: Ticket) => agentTicketView(ticket));
}

/**
 * The agent's home: counts of open, mine, unassigned, urgent, SLA-breached, followed and
 * resolved-today tickets (UTC day), and up to five tickets of the lists that need attention.
 * Every figure comes from an index query; a count past ten pages is reported as capped.
 */
export async function dashboard(
  principal: Principal,
  scope: string[] | undefined,
  now = new Date(),
) {
  const at = now.toISOString();
  const open = { index: INDEX.queue, partition: keys.queue('open') };
  const results = await Promise.all([
    count(open),
    count({ index: INDEX.assignee, partition: keys.assigneeQueue(principal.id, 'open') }),
    count({ index: INDEX.assignee, partition: keys.assigneeQueue(null, 'open') }),
    count({
      ...open,
      filter: {
        expression: '#prio IN (:urgent, :critical)',
        names: { '#prio': 'priority' },
        values: { ':urgent': 'urgent', ':critical': 'critical' },
      },
    }),
    count({ index: INDEX.slaDeadline, partition: keys.slaDeadlines(), sortUpTo: `${at}#~` }),
    count({
      ...open,
      filter: {
        expression: 'contains(#followers, :me)',
        names: { '#followers': 'followerIds' },
        values: { ':me': principal.id },
      },
    }),
    count({
      index: INDEX.aging,
      partition: keys.resolvedTickets(),
      sortBetween: [startOfDay(now), `${at}#~`],
    }),
  ]);
  const [openCount, mine, unassigned, urgent, breached, following, resolvedToday] = results;
  const lists = {
    mine: await firstFive({ assigneeId: principal.id, visibleDepartments: scope }),
    unassigned: await firstFive({ assigneeId: null, visibleDepartments: scope }),
    breaching: await firstFive({ slaAtRiskAt: at, visibleDepartments: scope }),
  };
  return {
    counts: {
      open: openCount!.value,
      mine: mine!.value,
      unassigned: unassigned!.value,
      urgent: urgent!.value,
      breached: breached!.value,
      following: following!.value,
      resolvedToday: resolvedToday!.value,
    },
    countsCapped: results.some((result) => result.capped),
    lists,
  };
}
