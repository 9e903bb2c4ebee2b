import { toDurationMs, toEpochMs, toPauseSpans } from './inputs.js';
import { MINUTE_MS } from './local-time.js';
import type { Pause } from './types.js';

/**
 * Adds minutes of elapsed real time to an instant, for policies that count calendar time instead
 * of business hours. The clock stops during pauses. As with `addBusinessMinutes`, adding 0 minutes
 * returns the first unpaused instant at or after `start`.
 *
 * @throws RangeError when `minutes` is negative or not finite, a date is invalid, or a pause
 * ends before it starts.
 * @example
 * addCalendarMinutes(new Date('2025-01-13T10:00:00Z'), 90, [
 *   { from: new Date('2025-01-13T10:30:00Z'), to: new Date('2025-01-13T11:00:00Z') },
 * ]);
 * // → 2025-01-13T12:00:00.000Z
 */
export function addCalendarMinutes(
  start: Date,
  minutes: number,
  pauses: readonly Pause[] = [],
): Date {
  let cursor = toEpochMs(start, 'start');
  let remainingMs = toDurationMs(minutes);

  for (const pause of toPauseSpans(pauses)) {
    if (pause.end <= cursor) {
      continue;
    }
    const deadline = cursor + remainingMs;
    // A pause that begins exactly at a positive deadline comes too late to move it.
    if (pause.start > deadline || (pause.start === deadline && remainingMs > 0)) {
      break;
    }
    remainingMs -= Math.max(0, pause.start - cursor);
    cursor = pause.end;
  }
  return new Date(cursor + remainingMs);
}

/**
 * Counts the minutes of real time in `[from, to)` outside pauses. The result may be fractional,
 * and it is negative when `to` is before `from`.
 *
 * @throws RangeError when a date is invalid or a pause ends before it starts.
 */
export function calendarMinutesBetween(
  from: Date,
  to: Date,
  pauses: readonly Pause[] = [],
): number {
  const fromMs = toEpochMs(from, 'from');
  const toMs = toEpochMs(to, 'to');
  if (toMs < fromMs) {
    const minutes = calendarMinutesBetween(to, from, pauses);
    return minutes === 0 ? 0 : -minutes;
  }

  let pausedMs = 0;
  for (const pause of toPauseSpans(pauses)) {
    pausedMs += Math.max(0, Math.min(pause.end, toMs) - Math.max(pause.start, fromMs));
  }
  return (toMs - fromMs - pausedMs) / MINUTE_MS;
}
