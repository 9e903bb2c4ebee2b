import { describe, expect, it } from 'vitest';

import {
  calendarSchema,
  compileCalendar,
  DEFAULT_CALENDAR,
  type Calendar,
} from '../../../../functions/domain/calendar/index.js';

const berlinOffice = {
  name: 'Berlin office',
  timezone: 'Europe/Berlin',
  hours: {
    mon: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    tue: [['09:00', '17:00']],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [['00:00', '24:00']],
  },
  holidays: [
    { date: '2025-12-25', recurring: true },
    { date: '2025-12-24', from: '12:00', to: '24:00' },
  ],
};

function withHours(hours: unknown): unknown {
  return { ...berlinOffice, hours };
}

function withHoliday(holiday: unknown): unknown {
  return { ...berlinOffice, holidays: [holiday] };
}

function issuesOf(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = calendarSchema.safeParse(input);
  return result.success ? [] : result.error.issues;
}

describe('calendarSchema', () => {
  describe('accepts', () => {
    it('a calendar with split days, whole days and partial holidays', () => {
      expect(issuesOf(berlinOffice)).toEqual([]);
    });

    it('the default calendar', () => {
      expect(issuesOf(DEFAULT_CALENDAR)).toEqual([]);
    });

    it('a calendar without holidays or weekdays', () => {
      expect(issuesOf({ name: 'Closed', timezone: 'UTC', hours: {} })).toEqual([]);
    });

    it('intervals that touch', () => {
      const hours = {
        mon: [
          ['09:00', '12:00'],
          ['12:00', '13:00'],
        ],
      };

      expect(issuesOf(withHours(hours))).toEqual([]);
    });
  });

  describe('rejects', () => {
    it('overlapping intervals', () => {
      const hours = {
        mon: [
          ['09:00', '13:00'],
          ['12:00', '18:00'],
        ],
      };

      const issues = issuesOf(withHours(hours));

      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toEqual(['hours', 'mon', 1]);
      expect(issues[0]?.message).toBe('interval 12:00–18:00 overlaps 09:00–13:00');
    });

    it('intervals out of order', () => {
      const hours = {
        mon: [
          ['14:00', '18:00'],
          ['09:00', '13:00'],
        ],
      };

      const issues = issuesOf(withHours(hours));

      expect(issues[0]?.path).toEqual(['hours', 'mon', 1]);
      expect(issues[0]?.message).toMatch(/must be sorted by start time/);
    });

    it.each([
      ['equal', ['10:00', '10:00']],
      ['reversed', ['17:00', '09:00']],
    ])('an interval whose start is not before its end (%s)', (_case, interval) => {
      const issues = issuesOf(withHours({ tue: [interval] }));

      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toEqual(['hours', 'tue', 0]);
      expect(issues[0]?.message).toBe('the interval start must be before its end');
    });

    it.each([
      ['25:00 as an end', ['09:00', '25:00'], 1],
      ['24:30 as an end', ['09:00', '24:30'], 1],
      ['24:00 as a start', ['24:00', '24:00'], 0],
      ['00:00 as an end', ['00:00', '00:00'], 1],
      ['a single-digit hour', ['9:00', '17:00'], 0],
      ['minutes past 59', ['09:60', '17:00'], 0],
    ])('%s', (_case, interval, index) => {
      const issues = issuesOf(withHours({ wed: [interval] }));

      expect(issues.length).toBeGreaterThan(0);
      expect(issues[0]?.path).toEqual(['hours', 'wed', 0, index]);
    });

    it('an interval that is not a pair', () => {
      expect(issuesOf(withHours({ thu: [['09:00']] }))).not.toEqual([]);
      expect(issuesOf(withHours({ thu: [['09:00', '12:00', '13:00']] }))).not.toEqual([]);
    });

    it.each(['Mars/Olympus_Mons', 'Europe/Berlinn', '+02:00', ''])(
      'the unknown time zone "%s"',
      (timezone) => {
        const issues = issuesOf({ ...berlinOffice, timezone });

        expect(issues).toHaveLength(1);
        expect(issues[0]?.path).toEqual(['timezone']);
        expect(issues[0]?.message).toContain('unknown IANA time zone');
      },
    );

    it('an unknown weekday key', () => {
      const issues = issuesOf(withHours({ monday: [['09:00', '17:00']] }));

      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toEqual(['hours']);
      expect(issues[0]?.message).toContain('monday');
    });

    it('an unknown top-level field', () => {
      const issues = issuesOf({ ...berlinOffice, zone: 'UTC' });

      expect(issues[0]?.message).toContain('zone');
    });

    it('a missing or blank name', () => {
      const withoutName: Record<string, unknown> = { ...berlinOffice };
      delete withoutName.name;

      expect(issuesOf(withoutName)[0]?.path).toEqual(['name']);
      expect(issuesOf({ ...berlinOffice, name: '  ' })[0]?.path).toEqual(['name']);
    });

    it('a holiday date that does not exist', () => {
      const issues = issuesOf(withHoliday({ date: '2025-02-30' }));

      expect(issues[0]?.path).toEqual(['holidays', 0, 'date']);
    });

    it('a holiday with from but no to', () => {
      const issues = issuesOf(withHoliday({ date: '2025-12-24', from: '12:00' }));

      expect(issues[0]?.path).toEqual(['holidays', 0, 'to']);
      expect(issues[0]?.message).toMatch(/from and to must be given together/);
    });

    it('a holiday whose from is not before its to', () => {
      const issues = issuesOf(withHoliday({ date: '2025-12-24', from: '14:00', to: '12:00' }));

      expect(issues[0]?.path).toEqual(['holidays', 0, 'to']);
      expect(issues[0]?.message).toBe('from (14:00) must be before to (12:00)');
    });

    it('an unknown holiday field', () => {
      const issues = issuesOf(withHoliday({ date: '2025-12-24', yearly: true }));

      expect(issues[0]?.path).toEqual(['holidays', 0]);
    });
  });
});

describe('compileCalendar', () => {
  it('names the calendar and the invalid field', () => {
    const broken = withHours({ mon: [['09:00', '25:00']] }) as Calendar;

    expect(() => compileCalendar(broken)).toThrow(RangeError);
    expect(() => compileCalendar(broken)).toThrow(/Calendar "Berlin office" is invalid/);
    expect(() => compileCalendar(broken)).toThrow(/hours\.mon\[0\]\[1\]/);
  });
});
