import type { EventType, Priority, Status } from './enums.js';
import { canTransition, statusAfterAssign, transitionStamps } from './status-machine.js';
import type { Activity, Author, TagRef, Ticket } from './types.js';

/** A change an agent (or a rule, later) asks for; absent fields stay as they are. */
export interface TicketPatch {
  status?: Status;
  priority?: Priority;
  assigneeId?: string | null;
  departmentId?: string | null;
  addTags?: TagRef[];
  removeTags?: string[];
}

/** Result of applying a change: the next ticket and the timeline entries describing it. */
export interface ChangeResult {
  ticket: Ticket;
  events: Array<Omit<Activity, 'id' | 'createdAt' | 'actor'>>;
}

/** A transition the status machine forbids, named by both statuses. */
export class InvalidTransitionError extends Error {
  override name = 'InvalidTransitionError';
  constructor(
    readonly from: Status,
    readonly to: Status,
  ) {
    super(`A ticket cannot move from ${from} to ${to}.`);
  }
}

const STATUS_EVENTS: Partial<Record<Status, EventType>> = {
  resolved: 'ticket.resolved',
  closed: 'ticket.closed',
  reopened: 'ticket.reopened',
  escalated: 'ticket.escalated',
};

/**
 * Moves a ticket to a new status, setting or clearing `resolvedAt`/`closedAt`.
 * Throws {@link InvalidTransitionError} for a move the machine forbids, including a no-op.
 */
export function changeStatus(ticket: Ticket, to: Status, at: string): ChangeResult {
  if (!canTransition(ticket.status, to)) throw new InvalidTransitionError(ticket.status, to);
  return moveStatus(ticket, to, at);
}

/**
 * Applies one of the implicit moves a reply causes. These are rules of their own rather than
 * requests checked against the transition table: an agent's reply moves `waiting_on_agent` to
 * `waiting_on_customer`, which an explicit change may not do.
 */
export function implicitStatus(ticket: Ticket, to: Status, at: string): ChangeResult {
  return moveStatus(ticket, to, at);
}

function moveStatus(ticket: Ticket, to: Status, at: string): ChangeResult {
  const next: Ticket = { ...ticket, status: to, ...transitionStamps(to, at) };
  const events: ChangeResult['events'] = [
    { type: 'ticket.status_changed', field: 'status', before: ticket.status, after: to },
  ];
  const specific = STATUS_EVENTS[to];
  if (specific) events.push({ type: specific });
  return { ticket: next, events };
}

function changeAssignee(
  ticket: Ticket,
  assigneeId: string | null,
  explicitStatus: boolean,
  at: string,
): ChangeResult {
  if (ticket.assigneeId === assigneeId) return { ticket, events: [] };
  const type: EventType = assigneeId === null ? 'ticket.unassigned' : 'ticket.assigned';
  let next: Ticket = { ...ticket, assigneeId };
  const events: ChangeResult['events'] = [
    { type, field: 'assigneeId', before: ticket.assigneeId, after: assigneeId },
  ];
  const implied =
    assigneeId === null || explicitStatus ? undefined : statusAfterAssign(ticket.status);
  if (implied) {
    const moved = changeStatus(next, implied, at);
    next = moved.ticket;
    events.push(...moved.events);
  }
  return { ticket: next, events };
}

function changeTags(ticket: Ticket, add: TagRef[], remove: string[]): ChangeResult {
  const events: ChangeResult['events'] = [];
  const removing = new Set(remove.map((name) => name.toLowerCase()));
  let tags = ticket.tags.filter((tag) => {
    const drop = removing.has(tag.name.toLowerCase());
    if (drop) events.push({ type: 'tag.removed', field: 'tags', before: tag.name });
    return !drop;
  });
  for (const tag of add) {
    if (tags.some((existing) => existing.name.toLowerCase() === tag.name.toLowerCase())) continue;
    tags = [...tags, tag];
    events.push({ type: 'tag.added', field: 'tags', after: tag.name });
  }
  return { ticket: { ...ticket, tags }, events };
}

function changeField<K extends 'priority' | 'departmentId'>(
  ticket: Ticket,
  field: K,
  value: Ticket[K],
  type: EventType,
): ChangeResult {
  if (ticket[field] === value) return { ticket, events: [] };
  return {
    ticket: { ...ticket, [field]: value },
    events: [{ type, field, before: ticket[field], after: value }],
  };
}

/**
 * Applies an agent's change in a fixed order — status, assignee (with its implicit move to
 * in_progress unless the status was set explicitly), priority, department, tags — and returns
 * the ticket and one timeline entry per effect. Fields equal to the current value are no-ops.
 */
export function applyPatch(ticket: Ticket, patch: TicketPatch, at: string): ChangeResult {
  const steps: Array<(current: Ticket) => ChangeResult> = [];
  if (patch.status !== undefined) steps.push((t) => changeStatus(t, patch.status!, at));
  if (patch.assigneeId !== undefined) {
    steps.push((t) => changeAssignee(t, patch.assigneeId!, patch.status !== undefined, at));
  }
  if (patch.priority !== undefined)
    steps.push((t) => changeField(t, 'priority', patch.priority!, 'ticket.priority_changed'));
  if (patch.departmentId !== undefined) {
    steps.push((t) =>
      changeField(t, 'departmentId', patch.departmentId!, 'ticket.department_changed'),
    );
  }
  if (patch.addTags?.length || patch.removeTags?.length) {
    steps.push((t) => changeTags(t, patch.addTags ?? [], patch.removeTags ?? []));
  }
  return steps.reduce<ChangeResult>(
    (result, step) => {
      const next = step(result.ticket);
      return { ticket: next.ticket, events: [...result.events, ...next.events] };
    },
    { ticket, events: [] },
  );
}

/** Stamps change events with an actor and time, ready to store as activity. */
export function toActivities(
  events: ChangeResult['events'],
  actor: Author | null,
  at: string,
  newId: () => string,
): Activity[] {
  return events.map((event) => ({ id: newId(), actor, createdAt: at, ...event }));
}
