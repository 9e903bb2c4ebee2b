import { compileCalendar, type CalendarLike, type CompiledCalendar } from './compiled-calendar.js';
import { DAY_MS, localTimeToEpochMs, MINUTE_MS } from './local-time.js';
import { mergeSpans, subtractSpans, type Span } from './spans.js';

/** Instant range `[start, end)` during which a calendar is open. */
export interface OpenInterval {
  start: Date;
  end: Date;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Lists the open intervals of one local date (`YYYY-MM-DD` in the calendar's zone) as instants,
 * after removing holidays. Wall-clock times are resolved as `localTimeToEpochMs` describes, so
 * an interval on a daylight-saving night lasts the real time between its ends.
 *
 * @example
 * openIntervals(DEFAULT_CALENDAR, '2025-01-13');
 * // → [{ start: 2025-01-13T09:00:00.000Z, end: 2025-01-13T17:00:00.000Z }]
 */
export function openIntervals(calendar: CalendarLike, localDate: string): OpenInterval[] {
  const match = LOCAL_DATE.exec(localDate);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || new Date(day).toISOString().slice(0, 10) !== localDate) {
    throw new RangeError(`Invalid local date "${localDate}"; expected a date as YYYY-MM-DD`);
  }

  const spans = openSpansOfDay(compileCalendar(calendar), day / DAY_MS);
  return spans.map((span) => ({ start: new Date(span.start), end: new Date(span.end) }));
}

/**
 * Returns the open spans in epoch milliseconds of a local date given as days since 1970-01-01,
 * sorted and not overlapping. Results are kept on the compiled calendar for later calls.
 */
export function openSpansOfDay(compiled: CompiledCalendar, day: number): readonly Span[] {
  return compiled.openSpansOf(day, () => computeOpenSpans(compiled, day));
}

function computeOpenSpans(compiled: CompiledCalendar, day: number): readonly Span[] {
  const midnight = new Date(day * DAY_MS);
  // getUTCDay() counts from Sunday, but the compiled hours count from Monday.
  const hours = compiled.hoursByWeekday[(midnight.getUTCDay() + 6) % 7] ?? [];
  if (hours.length === 0) {
    return [];
  }

  const openMinutes = subtractSpans(hours, closuresOn(compiled, midnight));
  const spans: Span[] = [];
  for (const minutes of openMinutes) {
    const start = localTimeToEpochMs(compiled.zone, midnight.getTime() + minutes.start * MINUTE_MS);
    const end = localTimeToEpochMs(compiled.zone, midnight.getTime() + minutes.end * MINUTE_MS);
    // An interval that lies wholly inside a skipped hour converts to an empty span.
    if (start < end) {
      spans.push({ start, end });
    }
  }
  return spans;
}

/** Returns the holiday closures of a local date in minutes of the day, merged. */
function closuresOn(compiled: CompiledCalendar, midnight: Date): Span[] {
  const monthDay = `${pad(midnight.getUTCMonth() + 1)}-${pad(midnight.getUTCDate())}`;
  const date = `${String(midnight.getUTCFullYear()).padStart(4, '0')}-${monthDay}`;
  const oneOff = compiled.oneOffClosures.get(date) ?? [];
  const recurring = compiled.recurringClosures.get(monthDay) ?? [];
  return mergeSpans([...oneOff, ...recurring]);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
