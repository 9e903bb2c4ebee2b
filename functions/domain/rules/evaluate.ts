import type { SlaTarget } from '../sla/policy.js';
import type { Timer } from '../sla/timer.js';
import type { Ticket } from '../types.js';
import type { Condition, Rule } from './schema.js';

const MINUTE_MS = 60_000;
const SLA_TARGETS: readonly SlaTarget[] = ['firstResponse', 'nextResponse', 'resolution'];

/** A rule with its stored id. */
export type StoredRule = Rule & { id: string };

/** Returns the instant a duration-based condition counts from, or null when it does not run. */
function durationStart(condition: Condition, ticket: Ticket): string | null {
  if (condition.field === 'ageMinutes') return ticket.createdAt;
  if (condition.field === 'noFirstResponseMinutes')
    return ticket.firstResponseAt ? null : ticket.createdAt;
  if (condition.field === 'noAgentReplyMinutes') {
    const asked = ticket.lastRequesterReplyAt;
    const answered = ticket.lastAgentReplyAt;
    return asked && (!answered || answered < asked) ? asked : null;
  }
  return null;
}

function timersOf(ticket: Ticket, target: SlaTarget | 'any'): Timer[] {
  const clock = ticket.slaClock;
  if (!clock) return [];
  const names = target === 'any' ? SLA_TARGETS : [target];
  return names.map((name) => clock[name]).filter((timer): timer is Timer => timer !== null);
}

/** Instant an SLA condition became or will become true, or null when it cannot without a change. */
function slaReadyAt(condition: Condition, ticket: Ticket): string | null {
  if (condition.field !== 'slaWarning' && condition.field !== 'slaBreached') return null;
  const instants = timersOf(ticket, condition.value).map((timer) => {
    if (condition.field === 'slaBreached')
      return timer.breachedAt ?? (timer.runningSince ? timer.dueAt : null);
    return timer.warnedAt ?? timer.breachedAt ?? (timer.runningSince ? timer.warnAt : null);
  });
  const known = instants.filter((instant): instant is string => instant !== null).sort();
  return known[0] ?? null;
}

function listHolds(
  values: readonly string[],
  op: 'eq' | 'in' | 'not_in',
  expected: string | readonly string[],
): boolean {
  const wanted = Array.isArray(expected) ? expected : [expected as string];
  const hit = values.some((value) => wanted.includes(value));
  return op === 'not_in' ? !hit : hit;
}

/** Returns whether one condition holds for a ticket at `now`. */
export function conditionHolds(condition: Condition, ticket: Ticket, now: string): boolean {
  switch (condition.field) {
    case 'status':
    case 'priority':
    case 'channel':
      return listHolds([ticket[condition.field]], condition.op, condition.value);
    case 'departmentId':
      return listHolds(
        ticket.departmentId ? [ticket.departmentId] : [],
        condition.op,
        condition.value,
      );
    case 'tag':
      return listHolds(
        ticket.tags.map((tag) => tag.name.toLowerCase()),
        condition.op,
        Array.isArray(condition.value)
          ? condition.value.map((v) => v.toLowerCase())
          : condition.value.toLowerCase(),
      );
    case 'unassigned':
      return (ticket.assigneeId === null) === condition.value;
    case 'slaWarning':
    case 'slaBreached': {
      const readyAt = slaReadyAt(condition, ticket);
      return readyAt !== null && readyAt <= now;
    }
    default: {
      const start = durationStart(condition, ticket);
      const elapsed = start ? (Date.parse(now) - Date.parse(start)) / MINUTE_MS : 0;
      return condition.op === 'gte' ? elapsed >= condition.value : elapsed <= condition.value;
    }
  }
}

/** Returns whether every condition of a rule is met at `now`. */
export function ruleMatches(rule: Rule, ticket: Ticket, now: string): boolean {
  return rule.conditions.every((condition) => conditionHolds(condition, ticket, now));
}

/** Instant a condition that does not hold now will start to hold by time alone, or null. */
function readyAt(condition: Condition, ticket: Ticket): string | null {
  if (condition.field === 'slaWarning' || condition.field === 'slaBreached')
    return slaReadyAt(condition, ticket);
  if (!('op' in condition) || condition.op !== 'gte') return null;
  const start = durationStart(condition, ticket);
  return start ? new Date(Date.parse(start) + condition.value * MINUTE_MS).toISOString() : null;
}

/**
 * Returns when a rule should next be evaluated for a ticket: `now` when it matches, the
 * instant its time-based conditions will all hold when only time is missing, or null when it
 * cannot match until the ticket changes.
 */
export function ruleDueAt(rule: Rule, ticket: Ticket, now: string): string | null {
  let latest = now;
  for (const condition of rule.conditions) {
    if (conditionHolds(condition, ticket, now)) continue;
    const ready = readyAt(condition, ticket);
    if (ready === null || ready <= now) return null;
    if (ready > latest) latest = ready;
  }
  return latest;
}

/** Returns the key that makes a rule fire once per ticket, or once per ticket and SLA cycle. */
export function fireKey(rule: StoredRule, ticket: Ticket): string {
  if (rule.fireMode === 'once') return rule.id;
  return `${rule.id}#${ticket.slaClock?.nextResponseCycle ?? 0}`;
}

/** Active rules in evaluation order: by `order`, then by id for a stable tie-break. */
export function activeRules(rules: readonly StoredRule[]): StoredRule[] {
  return rules
    .filter((rule) => rule.active)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
