import type { QueueQuery } from '../shared/api-types.js';
import { isTicketStatus } from '../shared/status.js';

/**
 * Quick views of the queue: every open ticket, the agent's own, nobody's, or the tickets whose
 * SLA is in warning or breached. Without a status filter the API lists only open tickets, so
 * resolved and closed tickets are reached through the status filter.
 */
export const QUEUE_VIEWS = ['all', 'mine', 'unassigned', 'sla_breaching'] as const;

/** One of {@link QUEUE_VIEWS}. */
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** Labels of the quick-view buttons. */
export const VIEW_LABELS: Readonly<Record<QueueView, string>> = {
  all: 'All open',
  mine: 'Mine',
  unassigned: 'Unassigned',
  sla_breaching: 'SLA breaching',
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

/** Filters chosen in the queue's toolbar. Unknown values are left out of the query. */
export interface QueueFilters {
  view: string;
  sort: string;
  status: string;
  department: string;
  limit: number;
  cursor?: string;
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
  if (filters.cursor) query.cursor = filters.cursor;
  return query;
}
