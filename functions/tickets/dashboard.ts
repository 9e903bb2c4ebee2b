import type { Principal, Ticket } from '../domain/types.js';
import { INDEX, keys } from '../store/keys.js';
import { countItems, type PartitionQuery } from '../store/table.js';
import { listQueue, type QueueFilters } from './repository.js';
import { agentTicketView } from './views.js';

type Filter = NonNullable<PartitionQuery['filter']>;

/** Keeps tickets of the scoped departments and those without one (department scoping). */
export function scopeFilter(scope: string[] | undefined): Filter | undefined {
  if (!scope) return undefined;
  const values: Record<string, unknown> = { ':noDept': 'NULL' };
  scope.forEach((id, position) => (values[`:dept${position}`] = id));
  const listed = scope.map((_, position) => `:dept${position}`).join(', ');
  const inList = scope.length > 0 ? ` OR #dept IN (${listed})` : '';
  return {
    expression: `attribute_not_exists(#dept) OR attribute_type(#dept, :noDept)${inList}`,
    names: { '#dept': 'departmentId' },
    values,
  };
}

/** Joins two optional filters with AND. DynamoDB refuses parentheses around a whole filter. */
export function bothFilters(first?: Filter, second?: Filter): Filter | undefined {
  if (!first || !second) return first ?? second;
  return {
    expression: `(${first.expression}) AND (${second.expression})`,
    names: { ...first.names, ...second.names },
    values: { ...first.values, ...second.values },
  };
}

/**
 * Counts tickets resolved since `from` in the scoped departments. The resolved index keeps keys
 * only, so this reads each department's done queue from `from` on instead: a ticket resolved
 * today was last changed today.
 */
async function resolvedInScope(scope: string[], from: string, at: string) {
  const partitions = [...scope, null].map((id) => keys.departmentQueue(id, 'done'));
  const filter: Filter = {
    expression: '#status = :resolved AND resolvedAt >= :from',
    names: { '#status': 'status' },
    values: { ':resolved': 'resolved', ':from': from },
  };
  let value = 0;
  let capped = false;
  for (let start = 0; start < partitions.length; start += 10) {
    const batch = partitions.slice(start, start + 10);
    const query = (partition: string) =>
      countItems({ index: INDEX.department, partition, sortBetween: [from, `${at}#~`], filter });
    const counts = await Promise.all(batch.map(query));
    for (const result of counts) {
      value += result.value;
      capped ||= result.capped;
    }
  }
  return { value, capped };
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
 * Under department scoping every figure counts only the agent's departments and tickets
 * without one. Every figure comes from index queries; a count past ten pages is capped.
 */
export async function dashboard(
  principal: Principal,
  scope: string[] | undefined,
  now = new Date(),
) {
  const at = now.toISOString();
  const only = scopeFilter(scope);
  const open = { index: INDEX.queue, partition: keys.queue('open'), filter: only };
  const from = startOfDay(now);
  const results = await Promise.all([
    countItems(open),
    countItems({
      index: INDEX.assignee,
      partition: keys.assigneeQueue(principal.id, 'open'),
      filter: only,
    }),
    countItems({
      index: INDEX.assignee,
      partition: keys.assigneeQueue(null, 'open'),
      filter: only,
    }),
    countItems({
      ...open,
      filter: bothFilters(only, {
        expression: '#prio IN (:urgent, :critical)',
        names: { '#prio': 'priority' },
        values: { ':urgent': 'urgent', ':critical': 'critical' },
      }),
    }),
    countItems({
      index: INDEX.slaDeadline,
      partition: keys.slaDeadlines(),
      sortUpTo: `${at}#~`,
      filter: only,
    }),
    countItems({
      ...open,
      filter: bothFilters(only, {
        expression: 'contains(#followers, :me)',
        names: { '#followers': 'followerIds' },
        values: { ':me': principal.id },
      }),
    }),
    scope
      ? resolvedInScope(scope, from, at)
      : countItems({
          index: INDEX.aging,
          partition: keys.resolvedTickets(),
          sortBetween: [from, `${at}#~`],
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
