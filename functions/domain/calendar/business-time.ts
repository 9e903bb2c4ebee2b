import { compileCalendar, type CalendarLike, type CompiledCalendar } from './compiled-calendar.js';
import { toDurationMs, toEpochMs, toPauseSpans, pauseContaining } from './inputs.js';
import { openSpansOfDay } from './intervals.js';
import { DAY_MS, firstDayEndingAfter, lastDayStartingBefore, MINUTE_MS } from './local-time.js';
import { subtractSpans } from './spans.js';
import type { Pause } from './types.js';

/**
 * Number of consecutive local dates without opening hours after which a calendar counts as never
 * open. A calendar with any weekly hours reaches it only if holidays close two years in a row.
 */
export const MAX_CLOSED_DAYS = 731;

/**
 * Adds business minutes to an instant: the clock runs only while the calendar is open and no
 * pause is in progress. A deadline that uses up an interval exactly is that interval's end (Friday
 * 16:00 plus 60 minutes on a 09:00–17:00 calendar is Friday 17:00). Adding 0 minutes returns the
 * first open, unpaused instant at or after `start`. Intervals are half-open, so 0 minutes from
 * Friday 17:00 is Monday 09:00.
 *
 * @throws RangeError when `minutes` is negative or not finite, when a date is invalid, when a
 * pause ends before it starts, when the calendar is invalid, or when the calendar is closed on
 * `MAX_CLOSED_DAYS` consecutive dates.
 * @example
 * addBusinessMinutes(DEFAULT_CALENDAR, new Date('2025-01-10T16:30:00Z'), 60);
 * // → 2025-01-13T09:30:00.000Z (Friday 16:30 plus one hour is Monday 09:30)
 */
export function addBusinessMinutes(
  calendar: CalendarLike,
  start: Date,
  minutes: number,
  pauses: readonly Pause[] = [],
): Date {
  const startMs = toEpochMs(start, 'start');
  let remainingMs = toDurationMs(minutes);
  const compiled = compileCalendar(calendar);
  const pauseSpans = toPauseSpans(pauses);

  // Time before `cursor` has been counted or lies before `start`.
  let cursor = startMs;
  let day = firstDayEndingAfter(startMs);
  let closedDays = 0;
  for (;;) {
    const pause = pauseContaining(pauseSpans, cursor);
    if (pause !== undefined) {
      cursor = pause.end;
      day = Math.max(day, firstDayEndingAfter(cursor));
    }

    const open = openSpansOfDay(compiled, day);
    if (open.length === 0) {
      closedDays += 1;
      if (closedDays > MAX_CLOSED_DAYS) {
        throw neverOpenError(compiled, day);
      }
    } else {
      closedDays = 0;
      for (const span of subtractSpans(open, pauseSpans)) {
        if (span.end <= cursor) {
          continue;
        }
        const from = Math.max(span.start, cursor);
        const availableMs = span.end - from;
        if (remainingMs <= availableMs) {
          return new Date(from + remainingMs);
        }
        remainingMs -= availableMs;
        cursor = span.end;
      }
      cursor = Math.max(cursor, open[open.length - 1]!.end);
    }
    day += 1;
  }
}

/**
 * Counts the business minutes in `[from, to)`, leaving out paused time. The result may be
 * fractional, and it is negative when `to` is before `from`. For `minutes >= 0`,
 * `businessMinutesBetween(cal, start, addBusinessMinutes(cal, start, minutes))` equals `minutes`
 * to the millisecond.
 *
 * @throws RangeError when a date is invalid, a pause ends before it starts, or the calendar is
 * invalid.
 */
export function businessMinutesBetween(
  calendar: CalendarLike,
  from: Date,
  to: Date,
  pauses: readonly Pause[] = [],
): number {
  const fromMs = toEpochMs(from, 'from');
  const toMs = toEpochMs(to, 'to');
  if (toMs < fromMs) {
    const minutes = businessMinutesBetween(calendar, to, from, pauses);
    return minutes === 0 ? 0 : -minutes;
  }

  const compiled = compileCalendar(calendar);
  const pauseSpans = toPauseSpans(pauses);
  const lastDay = lastDayStartingBefore(toMs);
  let totalMs = 0;
  for (let day = firstDayEndingAfter(fromMs); day <= lastDay; day += 1) {
    for (const span of subtractSpans(openSpansOfDay(compiled, day), pauseSpans)) {
      totalMs += Math.max(0, Math.min(span.end, toMs) - Math.max(span.start, fromMs));
    }
  }
  return totalMs / MINUTE_MS;
}

function neverOpenError(compiled: CompiledCalendar, day: number): RangeError {
  const lastDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
  return new RangeError(
    `Calendar "${compiled.name}" has no opening hours on ${MAX_CLOSED_DAYS} consecutive days up to ${lastDate}; add opening hours or remove holidays`,
  );
}
