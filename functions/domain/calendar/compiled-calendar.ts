import { IANAZone } from 'luxon';
import { z } from 'zod';

import { mergeSpans, type Span } from './spans.js';
import { calendarSchema, WEEKDAYS, type Calendar, type Holiday } from './types.js';

/** Maximum number of compiled calendars kept between calls; the oldest is evicted first. */
const MAX_CACHED_CALENDARS = 64;

/** Maximum number of local dates whose open spans one compiled calendar keeps (about 11 years). */
const MAX_CACHED_DAYS = 4096;

/**
 * Validated calendar in the form the arithmetic reads: times as minutes of the day, holidays by
 * date, and the open spans of each local date already computed. Create it with
 * `compileCalendar`. Only its cache of open spans changes afterwards.
 */
export class CompiledCalendar {
  /** Open spans in epoch milliseconds, by local date as days since 1970-01-01. */
  readonly #openSpansByDay = new Map<number, readonly Span[]>();

  constructor(
    readonly name: string,
    readonly zone: IANAZone,
    /** Opening spans in minutes of the day, indexed like `WEEKDAYS` (0 is Monday). */
    readonly hoursByWeekday: readonly (readonly Span[])[],
    /** Closed spans in minutes of the day, by `YYYY-MM-DD` for one-off holidays. */
    readonly oneOffClosures: ReadonlyMap<string, readonly Span[]>,
    /** Closed spans in minutes of the day, by `MM-DD` for recurring holidays. */
    readonly recurringClosures: ReadonlyMap<string, readonly Span[]>,
  ) {}

  /** Returns the stored open spans of a local date, or computes and stores them. */
  openSpansOf(day: number, compute: () => readonly Span[]): readonly Span[] {
    const cached = this.#openSpansByDay.get(day);
    if (cached !== undefined) {
      return cached;
    }

    const spans = compute();
    if (this.#openSpansByDay.size >= MAX_CACHED_DAYS) {
      this.#openSpansByDay.clear();
    }
    this.#openSpansByDay.set(day, spans);
    return spans;
  }
}

/** Calendar as stored, or one already compiled for repeated use. */
export type CalendarLike = Calendar | CompiledCalendar;

const cache = new Map<string, CompiledCalendar>();

/**
 * Validates and compiles a calendar, reusing an earlier result for a calendar with the same JSON
 * text, so changing a calendar object between calls is safe. Every function that takes a
 * calendar compiles it this way. Passing a compiled calendar skips serialising it for the
 * lookup, which `bench/calendar.bench.ts` shows to cost more than a short deadline's arithmetic.
 *
 * @throws RangeError naming the calendar and each invalid field when the calendar is invalid.
 * @example
 * const compiled = compileCalendar(calendar);
 * const deadlines = tickets.map((ticket) => addBusinessMinutes(compiled, ticket.createdAt, 240));
 */
export function compileCalendar(calendar: CalendarLike): CompiledCalendar {
  if (calendar instanceof CompiledCalendar) {
    return calendar;
  }

  const key = JSON.stringify(calendar);
  const cached = cache.get(key);
  if (cached !== undefined) {
    return cached;
  }

  const compiled = buildCompiledCalendar(calendar);
  if (cache.size >= MAX_CACHED_CALENDARS) {
    const oldestKey = cache.keys().next().value;
    if (oldestKey !== undefined) {
      cache.delete(oldestKey);
    }
  }
  cache.set(key, compiled);
  return compiled;
}

function buildCompiledCalendar(calendar: Calendar): CompiledCalendar {
  const parsed = calendarSchema.safeParse(calendar);
  if (!parsed.success) {
    const name = typeof calendar?.name === 'string' ? calendar.name : '(unnamed)';
    throw new RangeError(`Calendar "${name}" is invalid:\n${z.prettifyError(parsed.error)}`);
  }

  const { name, timezone, hours, holidays = [] } = parsed.data;
  const hoursByWeekday = WEEKDAYS.map((weekday) =>
    mergeSpans((hours[weekday] ?? []).map(([start, end]) => toMinuteSpan(start, end))),
  );
  const oneOff = holidays.filter((holiday) => holiday.recurring !== true);
  const recurring = holidays.filter((holiday) => holiday.recurring === true);
  return new CompiledCalendar(
    name,
    IANAZone.create(timezone),
    hoursByWeekday,
    groupClosures(oneOff, (date) => date),
    groupClosures(recurring, (date) => date.slice(5)),
  );
}

/** Groups the closed spans of holidays by the key that `keyOf` takes from each date. */
function groupClosures(
  holidays: readonly Holiday[],
  keyOf: (date: string) => string,
): Map<string, Span[]> {
  const closures = new Map<string, Span[]>();
  for (const holiday of holidays) {
    const key = keyOf(holiday.date);
    const span = toMinuteSpan(holiday.from ?? '00:00', holiday.to ?? '24:00');
    closures.set(key, mergeSpans([...(closures.get(key) ?? []), span]));
  }
  return closures;
}

function toMinuteSpan(start: string, end: string): Span {
  return { start: toMinuteOfDay(start), end: toMinuteOfDay(end) };
}

/** Converts a validated `HH:MM` (including `24:00`) to minutes after midnight. */
function toMinuteOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
