import type { ChangeResult } from '../domain/ticket-changes.js';
import {
  advanceClock,
  retargetClock,
  startClock,
  type SlaClock,
  type SlaTerms,
} from '../domain/sla/clock.js';
import type { SlaTarget } from '../domain/sla/policy.js';
import type { Ticket } from '../domain/types.js';
import { mathOfTerms, resolveTerms } from './terms.js';

const TARGETS: readonly SlaTarget[] = ['firstResponse', 'nextResponse', 'resolution'];

function sameTerms(a: SlaTerms, b: SlaTerms): boolean {
  return (
    a.policyId === b.policyId &&
    a.calendarId === b.calendarId &&
    a.businessHours === b.businessHours &&
    a.warningMinutes === b.warningMinutes &&
    JSON.stringify(a.targets) === JSON.stringify(b.targets)
  );
}

function newBreaches(before: SlaClock | null, after: SlaClock): ChangeResult['events'] {
  return TARGETS.filter((target) => after[target]?.breachedAt && !before?.[target]?.breachedAt).map(
    (target) => ({
      type: 'sla.breached' as const,
      field: target,
      after: after[target]!.breachedAt,
    }),
  );
}

/**
 * Advances a ticket's SLA clocks over a change from `before` (null for a new ticket) to
 * `after`: starts them on creation, moves them to new terms when the priority, department or
 * policy changed (keeping the time used), then applies replies and status changes. Returns the
 * ticket with its clocks and a `sla.breached` event for any breach the change revealed.
 */
export async function applySla(
  before: Ticket | null,
  after: Ticket,
  at: string,
): Promise<ChangeResult> {
  const resolved = await resolveTerms(after);
  if (!before || !before.slaClock) {
    const clock = startClock(resolved.terms, after.createdAt, resolved.math);
    return { ticket: { ...after, slaClock: clock }, events: [] };
  }
  // The change may already carry clock updates (a sweep recording a warning), so start there.
  const base = after.slaClock ?? before.slaClock;
  let clock = base;
  if (!sameTerms(clock, resolved.terms)) {
    clock = retargetClock(clock, resolved.terms, at, {
      before: await mathOfTerms(clock),
      after: resolved.math,
    });
  }
  clock = advanceClock(clock, before, after, at, resolved.math);
  return { ticket: { ...after, slaClock: clock }, events: newBreaches(base, clock) };
}
