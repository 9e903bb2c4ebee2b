export { addBusinessMinutes, businessMinutesBetween, MAX_CLOSED_DAYS } from './business-time.js';
export { addCalendarMinutes, calendarMinutesBetween } from './calendar-time.js';
export { compileCalendar, CompiledCalendar, type CalendarLike } from './compiled-calendar.js';
export { DEFAULT_CALENDAR } from './default-calendar.js';
export { openIntervals, type OpenInterval } from './intervals.js';
export {
  calendarSchema,
  dayHoursSchema,
  endTimeSchema,
  holidaySchema,
  openingIntervalSchema,
  startTimeSchema,
  timeZoneSchema,
  weekHoursSchema,
  WEEKDAYS,
  type Calendar,
  type Holiday,
  type Pause,
  type Weekday,
} from './types.js';
