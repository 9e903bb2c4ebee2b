import { PRIORITIES, type Priority, type QueueQuery } from '../shared/api-types.js';
import { isTicketStatus } from '../shared/status.js';

/**
 * Quick views of the queue: every open ticket, the agent's own, nobody's, the urgent and
 * critical ones, the tickets whose SLA is in warning or breached, and the ones the agent
 * follows. Without a status filter the API lists only open tickets, so resolved and closed
 * tickets are reached through the status filter.
 */
export const QUEUE_VIEWS = [
  'all',
  'mine',
  'unassigned',
  'urgent',
  'sla_breaching',
  'following',
] as const;

/** One of {@link QUEUE_VIEWS}. */
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** Labels of the quick-view buttons. */
export const VIEW_LABELS: Readonly<Record<QueueView, string>> = {
  all: 'All open',
  mine: 'Mine',
  unassigned: 'Unassigned',
  urgent: 'Urgent',
  sla_breaching: 'SLA breaching',
  following: 'Following',
};

/** Queue orders: last updated first, newest first, or earliest running SLA deadline first. */
export const QUEUE_SORTS = ['updated', 'created', 'sla'] as const;

/** One of {@link QUEUE_SORTS}. */
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** The order the API uses when the query names none. */
export const DEFAULT_SORT: QueueSort = 'updated';

/** Labels of the sort select. */
export const SORT_LABELS: Readonly<Record<QueueSort, string>> = {
  updated: 'Last updated',
  created: 'Created',
  sla: 'SLA deadline',
};

/**
 * Filters chosen in the queue's toolbar. Unknown values are left out of the query.
 * `createdFrom` and `createdTo` are calendar days (`2026-01-13`) in the reader's time zone.
 */
export interface QueueFilters {
  view: string;
  sort: string;
  status: string;
  department: string;
  limit: number;
  cursor?: string;
  priority?: string;
  tag?: string;
  search?: string;
  createdFrom?: string;
  createdTo?: string;
}

/** Returns true when `value` is one of {@link QUEUE_SORTS}. */
export function isQueueSort(value: unknown): value is QueueSort {
  return typeof value === 'string' && (QUEUE_SORTS as readonly string[]).includes(value);
}

/** Returns true when `value` is one of {@link QUEUE_VIEWS}. */
export function isQueueView(value: unknown): value is QueueView {
  return typeof value === 'string' && (QUEUE_VIEWS as readonly string[]).includes(value);
}

/**
 * Returns the order a view lists tickets in: the SLA breaching view always lists the most
 * urgent first (earliest deadline) regardless of `sort`, and other views follow `sort`.
 */
export function effectiveSort(view: string, sort: string): QueueSort {
  if (view === 'sla_breaching') return 'sla';
  return isQueueSort(sort) ? sort : DEFAULT_SORT;
}

/**
 * Builds the query of `GET /agent/tickets` from the toolbar's filters. The `all` view and the
 * default sort are left out, and so is the sort of the SLA breaching view, which has a fixed
 * order.
 */
export function buildQueueQuery(filters: QueueFilters): QueueQuery {
  const query: QueueQuery = { limit: filters.limit };
  const view = isQueueView(filters.view) ? filters.view : 'all';
  if (view !== 'all') query.view = view;
  const sort = effectiveSort(view, filters.sort);
  if (view !== 'sla_breaching' && sort !== DEFAULT_SORT) query.sort = sort;
  if (isTicketStatus(filters.status)) query.status = filters.status;
  if (filters.department) query.departmentId = filters.department;
  if (isPriority(filters.priority)) query.priority = filters.priority;
  if (filters.tag) query.tag = filters.tag;
  const search = filters.search?.trim();
  if (search) query.q = search;
  const from = localDayBounds(filters.createdFrom);
  if (from) query.createdFrom = from.start;
  const to = localDayBounds(filters.createdTo);
  if (to) query.createdTo = to.end;
  if (filters.cursor) query.cursor = filters.cursor;
  return query;
}

function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

/**
 * Returns the first and last millisecond of a calendar day (`2026-01-13`) in the reader's time
 * zone, as ISO instants, so "created to" includes the whole chosen day. An empty or invalid
 * day returns undefined.
 */
export function localDayBounds(
  day: string | undefined,
): { start: string; end: string } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const start = new Date(year, month, date);
  const next = new Date(year, month, date + 1);
  if (Number.isNaN(start.getTime()) || start.getDate() !== date) return undefined;
  return { start: start.toISOString(), end: new Date(next.getTime() - 1).toISOString() };
}
