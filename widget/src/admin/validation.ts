import type { OpeningInterval } from './admin-types.js';

/** Field path → message for each failing field, keyed like the API's 422 `fields`. */
export type FieldErrorMap = Record<string, string>;

const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** True for an interval start: `HH:MM` from 00:00 to 23:59. */
export function isStartTime(value: string): boolean {
  return TIME_OF_DAY.test(value);
}

/** True for an interval end: `HH:MM` from 00:01 to 24:00. */
export function isEndTime(value: string): boolean {
  return value === '24:00' || (TIME_OF_DAY.test(value) && value !== '00:00');
}

/**
 * Checks one weekday's intervals as the API does: each a valid start before a valid end, the
 * list sorted by start and without overlaps. Messages go to `path.index` for the interval and
 * to `path.index.0` or `path.index.1` for its start or end.
 */
export function checkDayIntervals(
  intervals: readonly OpeningInterval[],
  path: string,
  errors: FieldErrorMap,
): void {
  intervals.forEach(([start, end], index) => {
    if (!isStartTime(start))
      errors[`${path}.${index}.0`] = 'Enter a start time from 00:00 to 23:59.';
    if (!isEndTime(end)) errors[`${path}.${index}.1`] = 'Enter an end time from 00:01 to 24:00.';
    if (isStartTime(start) && isEndTime(end) && start >= end) {
      errors[`${path}.${index}`] = `The interval ${start}–${end} must start before it ends.`;
    }
  });
  for (let index = 1; index < intervals.length; index += 1) {
    const [previousStart, previousEnd] = intervals[index - 1]!;
    const [start, end] = intervals[index]!;
    if (`${path}.${index}` in errors) continue;
    if (start < previousStart) {
      errors[`${path}.${index}`] =
        `Intervals must be sorted by start time: ${start}–${end} comes after ${previousStart}–${previousEnd}.`;
    } else if (start < previousEnd) {
      errors[`${path}.${index}`] =
        `The interval ${start}–${end} overlaps ${previousStart}–${previousEnd}.`;
    }
  }
}

/** Result of reading a whole number from a text input. */
export interface NumberReading {
  value: number | null;
  error?: string;
}

/**
 * Reads a whole number from `raw`. Empty text gives `null` when `optional`, else an error;
 * anything else must be an integer from `min` to `max`.
 */
export function readWholeNumber(
  raw: string,
  label: string,
  range: { min: number; max: number; optional?: boolean; unit?: string },
): NumberReading {
  const text = raw.trim();
  if (text === '') {
    return range.optional ? { value: null } : { value: null, error: `Enter the ${label}.` };
  }
  const value = Number(text);
  const unit = range.unit ? ` ${range.unit}` : '';
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) {
    return { value: null, error: `${capitalise(label)} must be a whole number${unit}.` };
  }
  if (value < range.min || value > range.max) {
    const limits = `${range.min.toLocaleString('en')} to ${range.max.toLocaleString('en')}`;
    return { value: null, error: `${capitalise(label)} must be from ${limits}${unit}.` };
  }
  return { value };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** True when the browser's time zone data contains `name` (an IANA name such as Europe/Berlin). */
export function isTimeZone(name: string): boolean {
  if (!name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO-8601 instant with a UTC offset, such as `2025-01-10T16:30:00Z`. */
export function isInstant(text: string): boolean {
  return INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** True for a colour written as `#rrggbb`. */
export function isHexColour(text: string): boolean {
  return HEX_COLOUR.test(text);
}

/** Splits comma-separated names into trimmed, non-empty names. */
export function splitNames(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** Returns how `minutes` reads in hours, e.g. "4 h" or "1 h 30 min", or "" below an hour. */
export function minutesAsHours(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 60) return '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
