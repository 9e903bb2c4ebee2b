import { IANAZone } from 'luxon';
import { z } from 'zod';

/** Weekday keys of `hours`, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Weekday key of `hours`. */
export type Weekday = (typeof WEEKDAYS)[number];

const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Wall-clock time `HH:MM` from `00:00` to `23:59`, used where an interval starts. */
export const startTimeSchema = z
  .string()
  .regex(TIME_OF_DAY, 'must be a time of day as HH:MM between 00:00 and 23:59');

/** Wall-clock time `HH:MM` from `00:01` to `24:00`, used where an interval ends. */
export const endTimeSchema = z
  .string()
  .refine(
    (value) => value === '24:00' || (TIME_OF_DAY.test(value) && value !== '00:00'),
    'must be a time of day as HH:MM between 00:01 and 24:00',
  );

/** Opening interval `[start, end]` within one local day, with the end excluded. */
export const openingIntervalSchema = z
  .tuple([startTimeSchema, endTimeSchema])
  .refine(([start, end]) => start < end, 'the interval start must be before its end');

/** Opening intervals of one weekday, sorted by start time and not overlapping. */
export const dayHoursSchema = z.array(openingIntervalSchema).superRefine((intervals, context) => {
  for (let index = 1; index < intervals.length; index += 1) {
    const [previousStart, previousEnd] = intervals[index - 1]!;
    const [start, end] = intervals[index]!;
    if (start < previousStart) {
      context.addIssue({
        code: 'custom',
        message: `intervals must be sorted by start time: ${start}–${end} comes after ${previousStart}–${previousEnd}`,
        path: [index],
      });
    } else if (start < previousEnd) {
      context.addIssue({
        code: 'custom',
        message: `interval ${start}–${end} overlaps ${previousStart}–${previousEnd}`,
        path: [index],
      });
    }
  }
});

/** Opening hours per weekday. A weekday that is missing or empty has no business hours. */
export const weekHoursSchema = z.strictObject({
  mon: dayHoursSchema.optional(),
  tue: dayHoursSchema.optional(),
  wed: dayHoursSchema.optional(),
  thu: dayHoursSchema.optional(),
  fri: dayHoursSchema.optional(),
  sat: dayHoursSchema.optional(),
  sun: dayHoursSchema.optional(),
});

/**
 * Closed local date, or the part of it from `from` to `to` when both are given. A recurring
 * holiday repeats the month and day of `date` every year, so one on 02-29 closes only leap days.
 */
export const holidaySchema = z
  .strictObject({
    date: z.iso.date('must be a calendar date as YYYY-MM-DD'),
    recurring: z.boolean().optional(),
    from: startTimeSchema.optional(),
    to: endTimeSchema.optional(),
  })
  .superRefine((holiday, context) => {
    if ((holiday.from === undefined) !== (holiday.to === undefined)) {
      context.addIssue({
        code: 'custom',
        message: 'from and to must be given together, or both left out to close the whole day',
        path: [holiday.from === undefined ? 'from' : 'to'],
      });
    } else if (
      holiday.from !== undefined &&
      holiday.to !== undefined &&
      holiday.from >= holiday.to
    ) {
      context.addIssue({
        code: 'custom',
        message: `from (${holiday.from}) must be before to (${holiday.to})`,
        path: ['to'],
      });
    }
  });

/** IANA time zone name such as `Europe/Berlin` or `UTC`, as known to the runtime's Intl data. */
export const timeZoneSchema = z.string().refine((name) => IANAZone.isValidZone(name), {
  error: (issue) =>
    `unknown IANA time zone "${String(issue.input)}"; use a name such as Europe/Berlin or UTC`,
});

/** Business calendar: opening hours per weekday in one time zone, minus holidays. */
export const calendarSchema = z.strictObject({
  name: z.string().trim().min(1),
  timezone: timeZoneSchema,
  hours: weekHoursSchema,
  holidays: z.array(holidaySchema).optional(),
});

/** Business calendar as accepted by `calendarSchema`. */
export type Calendar = z.infer<typeof calendarSchema>;

/** Holiday of a calendar. */
export type Holiday = z.infer<typeof holidaySchema>;

/** Instant range `[from, to)` during which a clock does not run. */
export interface Pause {
  from: Date;
  to: Date;
}
