import { describe, expect, it } from 'vitest';

import {
  addBusinessMinutes,
  compileCalendar,
  DEFAULT_CALENDAR,
  MAX_CLOSED_DAYS,
  type Calendar,
} from '../../../../functions/domain/calendar/index.js';

const weekdays = (intervals: [string, string][]): Calendar['hours'] => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
});

const splitDay: Calendar = {
  name: 'Split day',
  timezone: 'UTC',
  hours: weekdays([
    ['09:00', '13:00'],
    ['14:00', '18:00'],
  ]),
};

function due(calendar: Calendar, start: string, minutes: number): string {
  return addBusinessMinutes(calendar, new Date(start), minutes).toISOString();
}

describe('addBusinessMinutes', () => {
  describe('start position', () => {
    it('counts from the start inside an interval', () => {
      expect(due(splitDay, '2025-01-13T10:00:00Z', 60)).toBe('2025-01-13T11:00:00.000Z');
    });

    it('counts from opening before the first interval', () => {
      expect(due(splitDay, '2025-01-13T07:00:00Z', 60)).toBe('2025-01-13T10:00:00.000Z');
    });

    it('counts from the next interval between intervals', () => {
      expect(due(splitDay, '2025-01-13T13:30:00Z', 60)).toBe('2025-01-13T15:00:00.000Z');
    });

    it('counts from the next day after the last interval', () => {
      expect(due(splitDay, '2025-01-13T19:00:00Z', 60)).toBe('2025-01-14T10:00:00.000Z');
    });

    it('counts from Monday when started on a weekend', () => {
      expect(due(splitDay, '2025-01-11T12:00:00Z', 60)).toBe('2025-01-13T10:00:00.000Z');
    });

    it('counts from the next interval when started at an interval end', () => {
      expect(due(splitDay, '2025-01-13T13:00:00Z', 30)).toBe('2025-01-13T14:30:00.000Z');
    });
  });

  describe('deadline position', () => {
    it('returns the interval end when the target uses it up exactly', () => {
      expect(due(splitDay, '2025-01-13T12:00:00Z', 60)).toBe('2025-01-13T13:00:00.000Z');
      expect(due(splitDay, '2025-01-17T17:00:00Z', 60)).toBe('2025-01-17T18:00:00.000Z');
    });

    it('carries a target across several days', () => {
      expect(due(splitDay, '2025-01-13T09:00:00Z', 5 * 480)).toBe('2025-01-17T18:00:00.000Z');
      expect(due(splitDay, '2025-01-13T09:00:00Z', 5 * 480 + 1)).toBe('2025-01-20T09:01:00.000Z');
    });

    it('keeps fractions of a minute to the millisecond', () => {
      expect(due(splitDay, '2025-01-13T09:00:00Z', 0.5)).toBe('2025-01-13T09:00:30.000Z');
    });
  });

  describe('zero minutes', () => {
    it('returns the start when the calendar is open', () => {
      expect(due(splitDay, '2025-01-13T10:15:00Z', 0)).toBe('2025-01-13T10:15:00.000Z');
    });

    it('returns the opening when started before it', () => {
      expect(due(splitDay, '2025-01-13T06:00:00Z', 0)).toBe('2025-01-13T09:00:00.000Z');
    });

    it('returns the next opening when started at a closing time', () => {
      expect(due(splitDay, '2025-01-13T13:00:00Z', 0)).toBe('2025-01-13T14:00:00.000Z');
      expect(due(splitDay, '2025-01-17T18:00:00Z', 0)).toBe('2025-01-20T09:00:00.000Z');
    });
  });

  describe('24:00 ends', () => {
    const evenings: Calendar = {
      name: 'Evenings',
      timezone: 'UTC',
      hours: { mon: [['18:00', '24:00']], tue: [['00:00', '06:00']] },
    };
    const weekend: Calendar = {
      name: 'Weekend',
      timezone: 'UTC',
      hours: { sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] },
    };

    it('joins an interval ending at 24:00 with one starting at 00:00', () => {
      expect(due(evenings, '2025-01-13T23:00:00Z', 120)).toBe('2025-01-14T01:00:00.000Z');
    });

    it('returns midnight when the target ends there', () => {
      expect(due(evenings, '2025-01-13T23:00:00Z', 60)).toBe('2025-01-14T00:00:00.000Z');
    });

    it('counts 48 hours across two whole days', () => {
      expect(due(weekend, '2025-01-10T12:00:00Z', 48 * 60)).toBe('2025-01-13T00:00:00.000Z');
      expect(due(weekend, '2025-01-10T12:00:00Z', 48 * 60 + 1)).toBe('2025-01-18T00:01:00.000Z');
    });
  });

  describe('one-weekday calendar', () => {
    const wednesdays: Calendar = {
      name: 'Wednesday mornings',
      timezone: 'UTC',
      hours: { wed: [['10:00', '12:00']] },
    };

    it('waits for the next Wednesday', () => {
      expect(due(wednesdays, '2025-01-09T10:00:00Z', 60)).toBe('2025-01-15T11:00:00.000Z');
    });

    it('spreads a long target over several weeks', () => {
      expect(due(wednesdays, '2025-01-09T10:00:00Z', 180)).toBe('2025-01-22T11:00:00.000Z');
    });
  });

  describe('zones east and west of UTC', () => {
    const tokyo: Calendar = {
      name: 'Tokyo office',
      timezone: 'Asia/Tokyo',
      hours: weekdays([['09:00', '18:00']]),
    };
    const kolkata: Calendar = {
      name: 'Kolkata office',
      timezone: 'Asia/Kolkata',
      hours: weekdays([['09:00', '18:00']]),
    };
    const losAngeles: Calendar = {
      name: 'Los Angeles office',
      timezone: 'America/Los_Angeles',
      hours: weekdays([['09:00', '17:00']]),
    };

    it('uses the Tokyo date when it differs from the UTC date', () => {
      // Sunday 23:30 UTC is Monday 08:30 in Tokyo.
      expect(due(tokyo, '2025-01-12T23:30:00Z', 30)).toBe('2025-01-13T00:30:00.000Z');
    });

    it('carries a Tokyo Friday over the weekend', () => {
      expect(due(tokyo, '2025-01-17T17:00:00+09:00', 120)).toBe('2025-01-20T01:00:00.000Z');
    });

    it('counts Kolkata half-hour offsets exactly', () => {
      expect(due(kolkata, '2025-01-13T17:30:00+05:30', 60)).toBe('2025-01-14T04:00:00.000Z');
    });

    it('uses the Los Angeles date when it differs from the UTC date', () => {
      // Saturday 00:30 UTC is Friday 16:30 in Los Angeles.
      expect(due(losAngeles, '2025-01-18T00:30:00Z', 60)).toBe('2025-01-20T17:30:00.000Z');
    });

    it('carries a Los Angeles Friday over the weekend', () => {
      expect(due(losAngeles, '2025-01-17T16:00:00-08:00', 120)).toBe('2025-01-20T18:00:00.000Z');
    });
  });

  describe('compiled calendars', () => {
    it('gives the same deadline as the calendar object', () => {
      const compiled = compileCalendar(splitDay);
      const start = new Date('2025-01-13T12:00:00Z');

      const fromCompiled = addBusinessMinutes(compiled, start, 300);
      const fromObject = addBusinessMinutes(splitDay, start, 300);

      expect(fromCompiled.toISOString()).toBe(fromObject.toISOString());
    });

    it('sees a change to a calendar object between calls', () => {
      const calendar: Calendar = structuredClone(DEFAULT_CALENDAR);
      const start = new Date('2025-01-13T16:00:00Z');
      const before = addBusinessMinutes(calendar, start, 120);

      calendar.hours.mon = [['09:00', '18:00']];
      const after = addBusinessMinutes(calendar, start, 120);

      expect(before.toISOString()).toBe('2025-01-14T10:00:00.000Z');
      expect(after.toISOString()).toBe('2025-01-13T18:00:00.000Z');
    });
  });

  describe('invalid input', () => {
    const start = new Date('2025-01-13T09:00:00Z');

    it('rejects negative minutes', () => {
      expect(() => addBusinessMinutes(DEFAULT_CALENDAR, start, -1)).toThrow(RangeError);
      expect(() => addBusinessMinutes(DEFAULT_CALENDAR, start, -1)).toThrow(/Invalid minutes -1/);
    });

    it('rejects minutes that are not finite', () => {
      expect(() => addBusinessMinutes(DEFAULT_CALENDAR, start, Number.NaN)).toThrow(RangeError);
      expect(() => addBusinessMinutes(DEFAULT_CALENDAR, start, Infinity)).toThrow(RangeError);
    });

    it('rejects an invalid start date', () => {
      expect(() => addBusinessMinutes(DEFAULT_CALENDAR, new Date('nope'), 60)).toThrow(
        /Invalid start/,
      );
    });

    it('rejects an invalid calendar naming it', () => {
      const broken = { ...DEFAULT_CALENDAR, name: 'Broken', timezone: 'Mars/Olympus_Mons' };

      expect(() => addBusinessMinutes(broken, start, 60)).toThrow(RangeError);
      expect(() => addBusinessMinutes(broken, start, 60)).toThrow(/Calendar "Broken" is invalid/);
    });

    it('rejects a calendar without opening hours naming it', () => {
      const closed: Calendar = { name: 'Closed', timezone: 'Europe/Berlin', hours: {} };

      expect(() => addBusinessMinutes(closed, start, 60)).toThrow(RangeError);
      expect(() => addBusinessMinutes(closed, start, 60)).toThrow(
        `Calendar "Closed" has no opening hours on ${MAX_CLOSED_DAYS} consecutive days`,
      );
    });

    it('walks beyond two years when the calendar opens weekly', () => {
      const wednesdays: Calendar = {
        name: 'Wednesday mornings',
        timezone: 'UTC',
        hours: { wed: [['10:00', '12:00']] },
      };

      // 150 weeks of two hours each, starting on Wednesday 2025-01-15.
      expect(due(wednesdays, '2025-01-15T10:00:00Z', 150 * 120)).toBe('2027-11-24T12:00:00.000Z');
    });
  });
});
