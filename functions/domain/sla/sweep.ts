import type { Status } from '../enums.js';
import { isOpenStatus } from '../enums.js';
import type { TicketSla } from '../types.js';
import type { SlaClock } from './clock.js';
import type { SlaTarget } from './policy.js';
import { isRunning, type Timer } from './timer.js';

const TARGETS: readonly SlaTarget[] = ['firstResponse', 'nextResponse', 'resolution'];

/** A warning or breach that has become due on one clock. */
export interface DueEvent {
  target: SlaTarget;
  kind: 'warning' | 'breach';
  /** Next-response cycle, or 0 for the other clocks: a (target, cycle, kind) fires once. */
  cycle: number;
  at: string;
}

function warningPending(timer: Timer): boolean {
  return timer.warnedAt === null && timer.breachedAt === null && timer.warnAt < timer.dueAt;
}

/** Returns the warnings and breaches that are due at `now` and not yet recorded. */
export function dueEvents(clock: SlaClock, now: string): DueEvent[] {
  const events: DueEvent[] = [];
  for (const target of TARGETS) {
    const timer = clock[target];
    if (!isRunning(timer)) continue;
    const cycle = target === 'nextResponse' ? clock.nextResponseCycle : 0;
    if (timer.breachedAt === null && timer.dueAt <= now) {
      events.push({ target, kind: 'breach', cycle, at: timer.dueAt });
    } else if (warningPending(timer) && timer.warnAt <= now) {
      events.push({ target, kind: 'warning', cycle, at: timer.warnAt });
    }
  }
  return events;
}

/** Marks due events as recorded; a breach also settles a warning that never fired. */
export function recordEvents(clock: SlaClock, events: DueEvent[], now: string): SlaClock {
  const next = { ...clock };
  for (const event of events) {
    const timer = next[event.target];
    if (!timer) continue;
    next[event.target] =
      event.kind === 'breach'
        ? { ...timer, breachedAt: event.at, warnedAt: timer.warnedAt ?? now }
        : { ...timer, warnedAt: now };
  }
  return next;
}

/** Returns the earliest instant a warning or breach of a running clock falls due, if any. */
export function nextCheckAt(clock: SlaClock): string | null {
  const instants: string[] = [];
  for (const target of TARGETS) {
    const timer = clock[target];
    if (!isRunning(timer)) continue;
    if (warningPending(timer)) instants.push(timer.warnAt);
    if (timer.breachedAt === null) instants.push(timer.dueAt);
  }
  return instants.length > 0 ? instants.sort()[0]! : null;
}

function state(clock: SlaClock, status: Status, now: string): TicketSla['state'] {
  const timers = TARGETS.map((target) => clock[target]).filter(
    (timer): timer is Timer => timer !== null,
  );
  const breached = timers.some((t) => t.breachedAt !== null || (isRunning(t) && t.dueAt <= now));
  if (breached) return 'breached';
  const running = timers.filter(isRunning);
  if (!isOpenStatus(status) || (running.length === 0 && clock.pausedAt === null)) return 'met';
  if (running.length === 0) return 'paused';
  return running.some((t) => t.warnAt <= now) ? 'warning' : 'on_track';
}

/** The public `sla` object of a ticket at `now`. */
export function slaView(clock: SlaClock, status: Status, now: string): TicketSla {
  const nextResponse = clock.nextResponse;
  return {
    policyId: clock.policyId,
    firstResponseDueAt: clock.firstResponse?.dueAt ?? null,
    nextResponseDueAt: isRunning(nextResponse) ? nextResponse.dueAt : null,
    resolutionDueAt: clock.resolution?.dueAt ?? null,
    firstResponseBreachedAt: clock.firstResponse?.breachedAt ?? null,
    nextResponseBreachedAt: nextResponse?.breachedAt ?? null,
    resolutionBreachedAt: clock.resolution?.breachedAt ?? null,
    pausedAt: clock.pausedAt,
    state: state(clock, status, now),
  };
}

/** Returns the earliest deadline and warning instant among running clocks, for the queue. */
export function earliestDeadline(clock: SlaClock): { dueAt: string; warnAt: string } | null {
  const running = TARGETS.map((target) => clock[target]).filter(isRunning);
  if (running.length === 0) return null;
  const dueAt = running.map((timer) => timer.dueAt).sort()[0]!;
  const warnAt = running.map((timer) => timer.warnAt).sort()[0]!;
  return { dueAt, warnAt };
}
