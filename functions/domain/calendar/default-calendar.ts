import type { Calendar } from './types.js';

/**
 * Calendar used when a policy names none: Monday to Friday 09:00–17:00 UTC, no holidays. The
 * object is shared, so copy it before changing it.
 */
export const DEFAULT_CALENDAR: Calendar = {
  name: 'Default',
  timezone: 'UTC',
  hours: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: [],
};
