import type { Priority, Status } from '../domain/enums.js';
import type { Activity, Reply, Ticket } from '../domain/types.js';
import { INDEX, keys, openness } from '../store/keys.js';
import { getItem, queryAll, queryPage, type Page, type PartitionQuery } from '../store/table.js';
import { fromItem } from './items.js';

/** A ticket with everything stored in its partition. */
export interface TicketRecord {
  ticket: Ticket;
  replies: Reply[];
  activity: Activity[];
}

/** Reads a ticket's item alone, strongly consistent. */
export async function loadTicket(reference: string): Promise<Ticket | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.ticket(reference));
  return item ? fromItem<Ticket>(item) : undefined;
}

/** Reads a ticket with its replies, notes and activity in one partition query. */
export async function loadTicketRecord(reference: string): Promise<TicketRecord | undefined> {
  const items = await queryAll<Record<string, unknown>>({
    partition: keys.ticketPartition(reference),
  });
  const ticketItem = items.find((item) => item.entity === 'ticket');
  if (!ticketItem) return undefined;
  return {
    ticket: fromItem<Ticket>(ticketItem),
    replies: items.filter((item) => item.entity === 'reply').map((item) => fromItem<Reply>(item)),
    activity: items
      .filter((item) => item.entity === 'activity')
      .map((item) => fromItem<Activity>(item)),
  };
}

function toTicketPage(page: Page<Record<string, unknown>>): Page<Ticket> {
  return { items: page.items.map((item) => fromItem<Ticket>(item)), nextCursor: page.nextCursor };
}

/** Lists a requester's tickets, newest activity first, optionally of one status. */
export async function listRequesterTickets(
  requesterId: string,
  options: { status?: Status; limit: number; cursor?: string },
): Promise<Page<Ticket>> {
  const query: PartitionQuery = {
    index: INDEX.requester,
    partition: keys.requesterTickets(requesterId),
    newestFirst: true,
  };
  if (options.status) {
    query.filter = {
      expression: '#status = :status',
      names: { '#status': 'status' },
      values: { ':status': options.status },
    };
  }
  return toTicketPage(await queryPage(query, options.limit, options.cursor));
}

/** Filters of the agent queue; `assigneeId: null` means unassigned. */
export interface QueueFilters {
  status?: Status;
  assigneeId?: string | null;
  departmentId?: string;
  /** When set, only tickets of these departments or without one (department scoping). */
  visibleDepartments?: string[];
  /** Order: newest activity (default), newest created, earliest SLA deadline, or priority. */
  sort?: 'updated' | 'created' | 'sla' | 'priority';
  /** Only tickets whose SLA is in warning or breached at this instant. */
  slaAtRiskAt?: string;
  priorities?: Priority[];
  /** A tag name, matched without regard to case. */
  tag?: string;
  /** Text searched in the reference, subject and requester name and email. */
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  /** Only tickets this agent follows. */
  followerId?: string;
}

function optionalParts(filters: QueueFilters): FilterPart[] {
  const parts: FilterPart[] = [];
  if (filters.priorities?.length) {
    const values = Object.fromEntries(filters.priorities.map((p, i) => [`:prio${i}`, p]));
    parts.push({
      expression: `#prio IN (${Object.keys(values).join(', ')})`,
      names: { '#prio': 'priority' },
      values,
    });
  }
  if (filters.tag) {
    parts.push({
      expression: 'contains(#tagNames, :tag)',
      names: { '#tagNames': 'tagNames' },
      values: { ':tag': filters.tag.toLowerCase() },
    });
  }
  if (filters.q) {
    parts.push({
      expression: 'contains(#search, :q)',
      names: { '#search': 'searchText' },
      values: { ':q': filters.q.toLowerCase() },
    });
  }
  if (filters.createdFrom) {
    parts.push({
      expression: '#created >= :createdFrom',
      names: { '#created': 'createdAt' },
      values: { ':createdFrom': filters.createdFrom },
    });
  }
  if (filters.createdTo) {
    parts.push({
      expression: '#created <= :createdTo',
      names: { '#created': 'createdAt' },
      values: { ':createdTo': filters.createdTo },
    });
  }
  if (filters.followerId) {
    parts.push({
      expression: 'contains(#followers, :follower)',
      names: { '#followers': 'followerIds' },
      values: { ':follower': filters.followerId },
    });
  }
  return parts;
}

/** Warning thresholds are at most a week of business minutes; on a sparse calendar that can span months, so look 90 days ahead. */
const MAX_WARNING_MS = 90 * 24 * 60 * 60 * 1000;

interface FilterPart {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

function filterParts(filters: QueueFilters, indexed: Set<keyof QueueFilters>): FilterPart[] {
  const parts: FilterPart[] = optionalParts(filters);
  if (filters.status && !indexed.has('status')) {
    parts.push({
      expression: '#status = :status',
      names: { '#status': 'status' },
      values: { ':status': filters.status },
    });
  }
  if (filters.assigneeId !== undefined && !indexed.has('assigneeId')) {
    parts.push(
      filters.assigneeId === null
        ? {
            expression: 'attribute_type(#assignee, :nullType)',
            names: { '#assignee': 'assigneeId' },
            values: { ':nullType': 'NULL' },
          }
        : {
            expression: '#assignee = :assignee',
            names: { '#assignee': 'assigneeId' },
            values: { ':assignee': filters.assigneeId },
          },
    );
  }
  if (filters.slaAtRiskAt) {
    parts.push({
      expression: '#warnAt <= :riskAt',
      names: { '#warnAt': 'slaWarnAt' },
      values: { ':riskAt': filters.slaAtRiskAt },
    });
  }
  if (filters.departmentId && !indexed.has('departmentId')) {
    parts.push({
      expression: '#dept = :dept',
      names: { '#dept': 'departmentId' },
      values: { ':dept': filters.departmentId },
    });
  }
  if (filters.visibleDepartments) {
    const values: Record<string, unknown> = {};
    filters.visibleDepartments.forEach((id, i) => (values[`:vis${i}`] = id));
    const list = Object.keys(values);
    const inList = list.length > 0 ? ` OR #vdept IN (${list.join(', ')})` : '';
    parts.push({
      expression: `(attribute_type(#vdept, :nullType)${inList})`,
      names: { '#vdept': 'departmentId' },
      values: { ...values, ':nullType': 'NULL' },
    });
  }
  return parts;
}

function combine(parts: FilterPart[]): PartitionQuery['filter'] {
  if (parts.length === 0) return undefined;
  return {
    expression: parts.map((p) => p.expression).join(' AND '),
    names: Object.assign({}, ...parts.map((p) => p.names)),
    values: Object.assign({}, ...parts.map((p) => p.values)),
  };
}

/**
 * Chooses the index that serves a queue request: the assignee's queue when an assignee is
 * given, else the department's, else the status's, else every open ticket. The state half
 * of the assignee and department keys comes from the status filter (open by default).
 * The remaining filters are applied while reading, within a bounded number of reads.
 */
export function planQueueQuery(filters: QueueFilters): PartitionQuery {
  const state = filters.status ? openness(filters.status) : 'open';
  if (filters.slaAtRiskAt || filters.sort === 'sla') {
    const riskHorizon = filters.slaAtRiskAt
      ? new Date(Date.parse(filters.slaAtRiskAt) + MAX_WARNING_MS).toISOString()
      : undefined;
    return {
      index: INDEX.slaDeadline,
      partition: keys.slaDeadlines(),
      sortUpTo: riskHorizon ? `${riskHorizon}#~` : undefined,
      filter: combine(filterParts(filters, new Set())),
    };
  }
  const base = { newestFirst: true };
  if (filters.sort === 'priority') {
    return {
      index: INDEX.priority,
      partition: keys.priorityQueue(state),
      filter: combine(filterParts(filters, new Set())),
    };
  }
  if (filters.sort === 'created') {
    return {
      ...base,
      index: INDEX.created,
      partition: keys.createdQueue(state),
      filter: combine(filterParts(filters, new Set())),
    };
  }
  if (filters.assigneeId !== undefined) {
    return {
      ...base,
      index: INDEX.assignee,
      partition: keys.assigneeQueue(filters.assigneeId, state),
      filter: combine(filterParts(filters, new Set(['assigneeId']))),
    };
  }
  if (filters.departmentId) {
    return {
      ...base,
      index: INDEX.department,
      partition: keys.departmentQueue(filters.departmentId, state),
      filter: combine(filterParts(filters, new Set(['departmentId', 'assigneeId']))),
    };
  }
  if (filters.status) {
    return {
      ...base,
      index: INDEX.status,
      partition: keys.statusQueue(filters.status),
      filter: combine(filterParts(filters, new Set(['status']))),
    };
  }
  return {
    ...base,
    index: INDEX.queue,
    partition: keys.queue('open'),
    filter: combine(filterParts(filters, new Set())),
  };
}

/** Lists the agent queue, newest activity first. */
export async function listQueue(
  filters: QueueFilters,
  limit: number,
  cursor?: string,
): Promise<Page<Ticket>> {
  return toTicketPage(await queryPage(planQueueQuery(filters), limit, cursor));
}
