import type { Status } from '../enums.js';
import { isOpenStatus } from '../enums.js';
import type { TargetSet } from './policy.js';
import {
  isRunning,
  pauseTimer,
  resumeTimer,
  retargetTimer,
  startTimer,
  stopTimer,
  type ClockMath,
  type Timer,
} from './timer.js';

/** The policy settings a ticket's clocks run under, resolved for its priority. */
export interface SlaTerms {
  policyId: string;
  calendarId: string;
  businessHours: boolean;
  warningMinutes: number;
  targets: TargetSet;
}

/** Every SLA clock of a ticket, stored on the ticket item. */
export interface SlaClock extends SlaTerms {
  firstResponse: Timer | null;
  nextResponse: Timer | null;
  /** Number of next-response cycles started; a cycle's warning and breach fire once. */
  nextResponseCycle: number;
  resolution: Timer | null;
  pausedAt: string | null;
}

/** The ticket fields the clocks react to. */
export interface ClockTicket {
  status: Status;
  firstResponseAt: string | null;
  lastAgentReplyAt: string | null;
  lastRequesterReplyAt: string | null;
}

type TimerName = 'firstResponse' | 'nextResponse' | 'resolution';

/** Starts the clocks of a new ticket. */
export function startClock(terms: SlaTerms, at: string, math: ClockMath): SlaClock {
  const start = (target: number | null | undefined) =>
    target ? startTimer(target, at, terms.warningMinutes, math) : null;
  return {
    ...terms,
    firstResponse: start(terms.targets.firstResponse),
    nextResponse: null,
    nextResponseCycle: 0,
    resolution: start(terms.targets.resolution),
    pausedAt: null,
  };
}

function mapTimers(
  clock: SlaClock,
  change: (timer: Timer, name: TimerName) => Timer | null,
): SlaClock {
  const apply = (name: TimerName) => (clock[name] ? change(clock[name], name) : null);
  return {
    ...clock,
    firstResponse: apply('firstResponse'),
    nextResponse: apply('nextResponse'),
    resolution: apply('resolution'),
  };
}

/**
 * Moves the clocks to new terms (another policy, calendar or priority), keeping the minutes
 * each clock has used. A clock whose new target is empty stops.
 */
export function retargetClock(
  clock: SlaClock,
  terms: SlaTerms,
  at: string,
  math: { before: ClockMath; after: ClockMath },
): SlaClock {
  const next = mapTimers(clock, (timer, name) => {
    const target = terms.targets[name];
    if (!target) return stopTimer(timer, at, math.before);
    return retargetTimer(timer, target, at, terms.warningMinutes, math);
  });
  return { ...next, ...terms };
}

function startNextResponse(clock: SlaClock, at: string, math: ClockMath): SlaClock {
  const target = clock.targets.nextResponse;
  if (!target || isRunning(clock.nextResponse)) return clock;
  return {
    ...clock,
    nextResponse: startTimer(target, at, clock.warningMinutes, math),
    nextResponseCycle: clock.nextResponseCycle + 1,
  };
}

function onStatusChange(
  clock: SlaClock,
  from: Status,
  to: Status,
  at: string,
  math: ClockMath,
): SlaClock {
  if (!isOpenStatus(to)) {
    return { ...mapTimers(clock, (timer) => stopTimer(timer, at, math)), pausedAt: null };
  }
  if (to === 'waiting_on_customer') {
    const resolution = clock.resolution ? pauseTimer(clock.resolution, at, math) : null;
    return { ...clock, resolution, pausedAt: at };
  }
  let next = clock;
  if (from === 'waiting_on_customer' || !isOpenStatus(from)) {
    const resolution = next.resolution
      ? resumeTimer(next.resolution, at, next.warningMinutes, math)
      : null;
    next = { ...next, resolution, pausedAt: null };
  }
  return next;
}

/**
 * Advances the clocks over one change of a ticket:
 * - the first public agent reply meets the first response;
 * - a public agent reply ends the running next-response cycle;
 * - a requester message after the first response starts a cycle unless one runs;
 * - `waiting_on_customer` pauses the resolution clock and leaving it resumes it;
 * - resolving or closing stops every clock; reopening resumes resolution and starts a
 *   next-response cycle (or resumes the first response when there was none yet).
 */
export function advanceClock(
  clock: SlaClock,
  before: ClockTicket,
  after: ClockTicket,
  at: string,
  math: ClockMath,
): SlaClock {
  let next = clock;
  if (before.status !== after.status)
    next = onStatusChange(next, before.status, after.status, at, math);
  if (after.status === 'reopened' && before.status !== 'reopened') {
    if (after.firstResponseAt) next = startNextResponse(next, at, math);
    else if (next.firstResponse)
      next = {
        ...next,
        firstResponse: resumeTimer(next.firstResponse, at, next.warningMinutes, math),
      };
  }
  if (!before.firstResponseAt && after.firstResponseAt && next.firstResponse) {
    next = { ...next, firstResponse: stopTimer(next.firstResponse, after.firstResponseAt, math) };
  }
  if (
    after.lastAgentReplyAt !== before.lastAgentReplyAt &&
    after.lastAgentReplyAt &&
    next.nextResponse
  ) {
    next = { ...next, nextResponse: stopTimer(next.nextResponse, after.lastAgentReplyAt, math) };
  }
  const requesterWrote =
    after.lastRequesterReplyAt !== before.lastRequesterReplyAt && after.lastRequesterReplyAt;
  if (requesterWrote && after.firstResponseAt && isOpenStatus(after.status)) {
    next = startNextResponse(next, after.lastRequesterReplyAt!, math);
  }
  return next;
}
