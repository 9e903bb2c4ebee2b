import type { EventType } from '../enums.js';
import type { SlaTarget } from '../sla/policy.js';
import type { Ticket } from '../types.js';

/** Counters to add and samples to append on one aggregate item. */
export interface AggregateDelta {
  add: Record<string, number>;
  append: Record<string, number[]>;
}

/** Aggregate item address: a scope (`all`, a department, or an agent within a scope) and a UTC day. */
export interface AggregateKey {
  scope: string;
  day: string;
}

/** A ticket change, as the per-day report aggregates see it. */
export interface ReportChange {
  before: Ticket | null;
  after: Ticket;
  events: Array<{ type: EventType; field?: string; after?: unknown; before?: unknown }>;
  at: string;
  /** Author of a public reply in this change, for the per-agent counts. */
  replyAuthorId?: string;
  /** Id of whoever made the change; a resolution counts for the assignee, else for them. */
  actorId?: string;
}

const MINUTE_MS = 60_000;

/** Returns the UTC day (`YYYY-MM-DD`) of an instant. */
export function dayOf(instant: string): string {
  return instant.slice(0, 10);
}

function minutesBetween(from: string, to: string): number {
  return Math.round(((Date.parse(to) - Date.parse(from)) / MINUTE_MS) * 100) / 100;
}

function hasPolicy(ticket: Ticket): boolean {
  const targets = ticket.slaClock?.targets;
  return Boolean(targets && (targets.firstResponse || targets.nextResponse || targets.resolution));
}

function businessMinutes(
  ticket: Ticket,
  target: 'firstResponse' | 'resolution',
): number | undefined {
  const timer = ticket.slaClock?.[target];
  return timer ? Math.round(timer.elapsed * 100) / 100 : undefined;
}

class DeltaSet {
  readonly entries = new Map<string, { key: AggregateKey; delta: AggregateDelta }>();

  constructor(private readonly scopes: string[]) {}

  private entry(scope: string, day: string) {
    const id = `${scope}|${day}`;
    let found = this.entries.get(id);
    if (!found) {
      found = { key: { scope, day }, delta: { add: {}, append: {} } };
      this.entries.set(id, found);
    }
    return found.delta;
  }

  add(day: string, counter: string, amount = 1, extraScopes: string[] = []): void {
    for (const scope of [...this.scopes, ...extraScopes]) {
      const delta = this.entry(scope, day);
      delta.add[counter] = (delta.add[counter] ?? 0) + amount;
    }
  }

  append(day: string, list: string, value: number | undefined, extraScopes: string[] = []): void {
    if (value === undefined || !Number.isFinite(value)) return;
    for (const scope of [...this.scopes, ...extraScopes]) {
      const delta = this.entry(scope, day);
      (delta.append[list] ??= []).push(value);
    }
  }
}

function agentScopes(scopes: string[], agentId: string | null | undefined): string[] {
  return agentId ? scopes.map((scope) => `${scope}#agent#${agentId}`) : [];
}

/**
 * Works out what one ticket change adds to the per-day aggregates, for the installation
 * (`all`) and the ticket's department, and per agent: tickets created (and how many have an
 * SLA policy) on the creation day; first-response and resolution times, in calendar and
 * business minutes, on the day they happen; a ticket's first SLA breach against its creation
 * day (for compliance) and each breach by target on the breach day; ratings on the rating day.
 */
export function reportDeltas(
  change: ReportChange,
): Array<{ key: AggregateKey; delta: AggregateDelta }> {
  const { before, after, at } = change;
  const scopes = ['all', ...(after.departmentId ? [`department#${after.departmentId}`] : [])];
  const set = new DeltaSet(scopes);
  const today = dayOf(at);
  const resolverScopes = agentScopes(
    scopes,
    after.assigneeId ?? (change.actorId === 'system' ? undefined : change.actorId),
  );

  if (!before) {
    set.add(dayOf(after.createdAt), 'created');
    if (hasPolicy(after)) set.add(dayOf(after.createdAt), 'withPolicy');
  }
  if (!before?.firstResponseAt && after.firstResponseAt) {
    const responder = agentScopes(scopes, change.replyAuthorId);
    set.append(
      today,
      'firstResponseMinutes',
      minutesBetween(after.createdAt, after.firstResponseAt),
      responder,
    );
    set.append(
      today,
      'firstResponseBusinessMinutes',
      businessMinutes(after, 'firstResponse'),
      responder,
    );
  }
  if (change.replyAuthorId)
    set.add(today, 'agentReplies', 1, agentScopes(scopes, change.replyAuthorId));
  if (before && before.status !== 'resolved' && after.status === 'resolved') {
    set.add(today, 'resolved', 1, resolverScopes);
    set.append(today, 'resolutionMinutes', minutesBetween(after.createdAt, at), resolverScopes);
    set.append(
      today,
      'resolutionBusinessMinutes',
      businessMinutes(after, 'resolution'),
      resolverScopes,
    );
  }
  const breaches = change.events.filter((event) => event.type === 'sla.breached');
  for (const breach of breaches) set.add(today, `breaches.${String(breach.field as SlaTarget)}`);
  if (breaches.length > 0 && !wasBreached(before))
    set.add(dayOf(after.createdAt), 'breachedTickets');
  for (const rating of change.events.filter((event) => event.type === 'rating.submitted')) {
    const value = Number(rating.after);
    if (rating.before === null || rating.before === undefined) {
      set.add(today, 'ratings');
      set.add(today, 'ratingSum', value);
      set.add(today, `rating${value}`);
    } else {
      set.add(today, 'ratingSum', value - Number(rating.before));
      set.add(today, `rating${Number(rating.before)}`, -1);
      set.add(today, `rating${value}`);
    }
  }
  return [...set.entries.values()];
}

function wasBreached(ticket: Ticket | null): boolean {
  const clock = ticket?.slaClock;
  return Boolean(
    clock &&
    (clock.firstResponse?.breachedAt ||
      clock.nextResponse?.breachedAt ||
      clock.resolution?.breachedAt),
  );
}
