/** Ticket statuses, in the order the API documents them. */
export const STATUSES = [
  'open',
  'in_progress',
  'waiting_on_customer',
  'waiting_on_agent',
  'escalated',
  'resolved',
  'closed',
  'reopened',
] as const;
export type Status = (typeof STATUSES)[number];

/** Priorities from lowest to highest. */
export const PRIORITIES = ['low', 'medium', 'high', 'urgent', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How a ticket arrived. */
export const CHANNELS = ['portal', 'guest', 'email', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Roles a host token can carry; an admin is also an agent. */
export const ROLES = ['customer', 'agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Statuses that end the work on a ticket; every other status counts as open. */
export const DONE_STATUSES: readonly Status[] = ['resolved', 'closed'];

/** Events recorded in the activity timeline and sent to webhooks and the hub. */
export const EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'ticket.status_changed',
  'ticket.assigned',
  'ticket.unassigned',
  'ticket.priority_changed',
  'ticket.department_changed',
  'ticket.escalated',
  'ticket.resolved',
  'ticket.closed',
  'ticket.reopened',
  'reply.created',
  'note.created',
  'sla.warning',
  'sla.breached',
  'tag.added',
  'tag.removed',
  'rating.submitted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Returns whether a status counts as open work. */
export function isOpenStatus(status: Status): boolean {
  return !DONE_STATUSES.includes(status);
}
