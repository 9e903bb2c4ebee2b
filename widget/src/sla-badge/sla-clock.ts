import type { SlaState, Ticket } from '../shared/api-types.js';

/** The three SLA clocks of a ticket. */
export type SlaClockName = 'firstResponse' | 'nextResponse' | 'resolution';

/** The state a badge shows: an SLA state, or `none` for a ticket without an SLA policy. */
export type SlaDisplayState = SlaState | 'none';

/** The fields of a ticket that decide its SLA badge. */
export type SlaTicket = Pick<Ticket, 'sla' | 'firstResponseAt' | 'resolvedAt'>;

/** The deadline a badge counts down to. */
export interface SlaDeadline {
  clock: SlaClockName;
  dueAt: string;
}

/** Short labels of the badge, one per state. */
export const SLA_STATE_LABELS: Readonly<Record<SlaDisplayState, string>> = {
  on_track: 'On track',
  warning: 'Warning',
  breached: 'Breached',
  paused: 'Paused',
  met: 'Met',
  none: 'No SLA',
};

/** Names of the clocks, as a sentence starts them. */
export const SLA_CLOCK_LABELS: Readonly<Record<SlaClockName, string>> = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
};

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/**
 * Picks the deadline the agent has to act on next: the next response while that clock runs,
 * else the first response while no agent has replied yet, else the resolution. Returns null
 * without an SLA or when the chosen clock has no due date.
 */
export function pickDeadline(ticket: SlaTicket): SlaDeadline | null {
  const sla = ticket.sla;
  if (!sla) return null;
  if (sla.nextResponseDueAt) return { clock: 'nextResponse', dueAt: sla.nextResponseDueAt };
  if (!ticket.firstResponseAt && sla.firstResponseDueAt) {
    return { clock: 'firstResponse', dueAt: sla.firstResponseDueAt };
  }
  if (sla.resolutionDueAt) return { clock: 'resolution', dueAt: sla.resolutionDueAt };
  return null;
}

/** Returns the due dates of the clocks that are still running, as far as the ticket shows. */
function runningDueDates(ticket: SlaTicket): string[] {
  const sla = ticket.sla;
  if (!sla) return [];
  const running: Array<string | null> = [sla.nextResponseDueAt];
  if (!ticket.firstResponseAt) running.push(sla.firstResponseDueAt);
  if (!ticket.resolvedAt && !sla.pausedAt) running.push(sla.resolutionDueAt);
  return running.filter((dueAt): dueAt is string => dueAt !== null);
}

/**
 * Returns the state to show at `now`. The API computes `state` when it returns the ticket, so a page left
 * open goes stale: a running clock whose due date has passed shows as breached even when the
 * loaded state still says `on_track` or `warning`.
 */
export function displayState(ticket: SlaTicket, now: number): SlaDisplayState {
  const sla = ticket.sla;
  if (!sla) return 'none';
  if (sla.state !== 'on_track' && sla.state !== 'warning') return sla.state;
  const overdue = runningDueDates(ticket).some((dueAt) => Date.parse(dueAt) <= now);
  // NOTE: the policy's warning threshold is not part of the ticket, so a clock that enters
  // its warning window while the page is open keeps showing `on_track` until the next load.
  return overdue ? 'breached' : sla.state;
}

type DurationUnit = readonly [count: number, short: string, long: string];

/** Splits a duration into its two largest units: days and hours, else hours and minutes. */
function durationUnits(milliseconds: number): DurationUnit[] {
  const totalMinutes = Math.floor(Math.abs(milliseconds) / MINUTE_MS);
  const days = Math.floor(totalMinutes / DAY_MINUTES);
  const hours = Math.floor((totalMinutes % DAY_MINUTES) / HOUR_MINUTES);
  const minutes = totalMinutes % HOUR_MINUTES;
  const units: DurationUnit[] =
    days > 0
      ? [
          [days, 'd', 'day'],
          [hours, 'h', 'hour'],
        ]
      : [
          [hours, 'h', 'hour'],
          [minutes, 'm', 'minute'],
        ];
  return units.filter(([count]) => count > 0);
}

/**
 * Formats the size of a duration in compact units, e.g. "2 h 15 m", "3 d 4 h" or "< 1 m".
 * Seconds are dropped, a duration of a day or more leaves out the minutes, and the sign is
 * ignored.
 */
export function formatDuration(milliseconds: number): string {
  const units = durationUnits(milliseconds);
  if (units.length === 0) return '< 1 m';
  return units.map(([count, short]) => `${count} ${short}`).join(' ');
}

/** Formats the size of a duration in words for screen readers, e.g. "2 hours 15 minutes". */
export function formatDurationWords(milliseconds: number): string {
  const units = durationUnits(milliseconds);
  if (units.length === 0) return 'less than a minute';
  return units.map(([count, , long]) => `${count} ${long}${count === 1 ? '' : 's'}`).join(' ');
}

/**
 * Formats the countdown a badge shows: "due in 2 h 15 m" or "overdue by 12 m" for a running
 * clock, "paused" or "met" when the clocks have stopped, and an empty string without a
 * deadline.
 */
export function formatCountdown(ticket: SlaTicket, now: number): string {
  const state = displayState(ticket, now);
  if (state === 'paused' || state === 'met') return state;
  const deadline = pickDeadline(ticket);
  if (!deadline) return '';
  const remaining = Date.parse(deadline.dueAt) - now;
  return remaining > 0
    ? `due in ${formatDuration(remaining)}`
    : `overdue by ${formatDuration(remaining)}`;
}

/**
 * Describes the SLA in one sentence for screen readers, with the due date in full, e.g. "SLA on
 * track. First response due in 2 hours 15 minutes, at 13 Jan 2026, 09:30."
 *
 * @param formatInstant - Formats an ISO instant as a date and time in the reader's locale.
 */
export function describeSla(
  ticket: SlaTicket,
  now: number,
  formatInstant: (iso: string) => string,
): string {
  const state = displayState(ticket, now);
  if (state === 'none') return 'No SLA applies to this ticket.';
  const summary = `SLA ${SLA_STATE_LABELS[state].toLowerCase()}.`;
  const pausedAt = ticket.sla?.pausedAt;
  if (state === 'paused' && pausedAt) return `SLA paused since ${formatInstant(pausedAt)}.`;
  const deadline = pickDeadline(ticket);
  if (!deadline || state === 'paused' || state === 'met') return summary;
  const clock = SLA_CLOCK_LABELS[deadline.clock];
  const at = formatInstant(deadline.dueAt);
  const remaining = Date.parse(deadline.dueAt) - now;
  const words = formatDurationWords(remaining);
  return remaining > 0
    ? `${summary} ${clock} due in ${words}, at ${at}.`
    : `${summary} ${clock} overdue by ${words}, was due ${at}.`;
}
