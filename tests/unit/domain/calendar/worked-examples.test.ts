import { describe, expect, it } from 'vitest';

import {
  addBusinessMinutes,
  DEFAULT_CALENDAR,
  type Calendar,
} from '../../../../functions/domain/calendar/index.js';

const everyDay = (intervals: [string, string][]): Calendar['hours'] => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
  sat: intervals,
  sun: intervals,
});

const weekdays = (intervals: [string, string][]): Calendar['hours'] => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
});

describe('worked examples on the default calendar', () => {
  it('carries a Friday afternoon target over the weekend', () => {
    const due = addBusinessMinutes(DEFAULT_CALENDAR, new Date('2025-01-10T16:30:00Z'), 60);

    expect(due.toISOString()).toBe('2025-01-13T09:30:00.000Z');
  });

  it('counts from opening when created before opening', () => {
    const due = addBusinessMinutes(DEFAULT_CALENDAR, new Date('2025-01-08T07:00:00Z'), 120);

    expect(due.toISOString()).toBe('2025-01-08T11:00:00.000Z');
  });

  it.each([
    ['2025-01-13T09:00:00Z', 120, '2025-01-13T11:00:00.000Z'],
    ['2025-01-13T15:00:00Z', 240, '2025-01-14T11:00:00.000Z'],
    ['2026-02-27T15:00:00Z', 240, '2026-03-02T11:00:00.000Z'],
    ['2025-01-13T06:00:00Z', 60, '2025-01-13T10:00:00.000Z'],
  ])('%s plus %i minutes is %s', (start, minutes, expected) => {
    const due = addBusinessMinutes(DEFAULT_CALENDAR, new Date(start), minutes);

    expect(due.toISOString()).toBe(expected);
  });
});

describe('worked examples on other calendars', () => {
  const rome: Calendar = {
    name: 'Rome split day',
    timezone: 'Europe/Rome',
    hours: weekdays([
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ]),
  };

  it('skips the lunch break of a split day', () => {
    const due = addBusinessMinutes(rome, new Date('2025-01-13T11:00:00+01:00'), 240);

    expect(due.toISOString()).toBe(new Date('2025-01-13T16:00:00+01:00').toISOString());
  });

  it('counts from the afternoon when created during the break', () => {
    const due = addBusinessMinutes(rome, new Date('2025-01-13T13:30:00+01:00'), 60);

    expect(due.toISOString()).toBe(new Date('2025-01-13T15:00:00+01:00').toISOString());
  });

  it('joins whole days across midnight', () => {
    const always: Calendar = {
      name: 'Always',
      timezone: 'UTC',
      hours: everyDay([['00:00', '24:00']]),
    };

    const due = addBusinessMinutes(always, new Date('2025-01-13T22:00:00Z'), 240);

    expect(due.toISOString()).toBe('2025-01-14T02:00:00.000Z');
  });

  it('skips holidays on a daily Berlin calendar', () => {
    const berlin: Calendar = {
      name: 'Berlin daily',
      timezone: 'Europe/Berlin',
      hours: everyDay([['09:00', '21:00']]),
      holidays: [{ date: '2016-11-11' }, { date: '2016-11-13' }],
    };

    const due = addBusinessMinutes(berlin, new Date('2016-11-09T23:00:00+01:00'), 48 * 60);

    expect(due.toISOString()).toBe(new Date('2016-11-15T21:00:00+01:00').toISOString());
  });

  it('returns a UTC instant for a Kolkata calendar', () => {
    const kolkata: Calendar = {
      name: 'Kolkata office',
      timezone: 'Asia/Kolkata',
      hours: weekdays([['09:00', '18:00']]),
    };

    const due = addBusinessMinutes(kolkata, new Date('2025-01-13T10:00:00+05:30'), 240);

    expect(due.toISOString()).toBe('2025-01-13T08:30:00.000Z');
  });

  describe('recurring and one-off holidays', () => {
    const withHolidays: Calendar = {
      ...DEFAULT_CALENDAR,
      name: 'Default with holidays',
      holidays: [{ date: '2020-12-25', recurring: true }, { date: '2026-03-02' }],
    };

    it('blocks a recurring date in a later year', () => {
      const due = addBusinessMinutes(withHolidays, new Date('2026-12-24T17:00:00Z'), 60);

      expect(due.toISOString()).toBe('2026-12-28T10:00:00.000Z');
    });

    it('blocks a one-off date in its own year', () => {
      const due = addBusinessMinutes(withHolidays, new Date('2026-02-27T17:00:00Z'), 60);

      expect(due.toISOString()).toBe('2026-03-03T10:00:00.000Z');
    });

    it('leaves a one-off date open in the next year', () => {
      const due = addBusinessMinutes(withHolidays, new Date('2027-03-01T17:00:00Z'), 60);

      expect(due.toISOString()).toBe('2027-03-02T10:00:00.000Z');
    });
  });
});
