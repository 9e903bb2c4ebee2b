import { describe, expect, it } from 'vitest';

import {
  addBusinessMinutes,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  openIntervals,
  type Calendar,
  type Holiday,
} from '../../../../functions/domain/calendar/index.js';

function officeWith(name: string, holidays: Holiday[]): Calendar {
  return { ...DEFAULT_CALENDAR, name, holidays };
}

function due(cal: Calendar, start: string, minutes: number): string {
  return addBusinessMinutes(cal, new Date(start), minutes).toISOString();
}

function spans(cal: Calendar, localDate: string): string[][] {
  return openIntervals(cal, localDate).map(({ start, end }) => [
    start.toISOString(),
    end.toISOString(),
  ]);
}

describe('holidays', () => {
  it('closes the whole local day', () => {
    const cal = officeWith('Whole-day holiday', [{ date: '2025-01-15' }]);

    expect(spans(cal, '2025-01-15')).toEqual([]);
    expect(due(cal, '2025-01-14T16:00:00Z', 120)).toBe('2025-01-16T10:00:00.000Z');
  });

  it('closes only the afternoon with from and to', () => {
    const cal = officeWith('Christmas Eve afternoon', [
      { date: '2025-12-24', from: '12:00', to: '24:00' },
    ]);

    expect(spans(cal, '2025-12-24')).toEqual([
      ['2025-12-24T09:00:00.000Z', '2025-12-24T12:00:00.000Z'],
    ]);
    expect(due(cal, '2025-12-24T11:00:00Z', 120)).toBe('2025-12-25T10:00:00.000Z');
  });

  it('splits an interval around a closed hour', () => {
    const cal = officeWith('Staff meeting', [{ date: '2025-01-15', from: '12:00', to: '13:00' }]);

    expect(spans(cal, '2025-01-15')).toEqual([
      ['2025-01-15T09:00:00.000Z', '2025-01-15T12:00:00.000Z'],
      ['2025-01-15T13:00:00.000Z', '2025-01-15T17:00:00.000Z'],
    ]);
    expect(due(cal, '2025-01-15T11:00:00Z', 120)).toBe('2025-01-15T14:00:00.000Z');
  });

  it('closes until midnight on a round-the-clock calendar', () => {
    const cal: Calendar = {
      name: 'Always but Christmas Eve evening',
      timezone: 'UTC',
      hours: { wed: [['00:00', '24:00']], thu: [['00:00', '24:00']] },
      holidays: [{ date: '2025-12-24', from: '18:00', to: '24:00' }],
    };

    expect(due(cal, '2025-12-24T17:00:00Z', 120)).toBe('2025-12-25T01:00:00.000Z');
  });

  it('combines overlapping holidays on one date', () => {
    const cal = officeWith('Overlapping closures', [
      { date: '2025-01-15', from: '10:00', to: '12:00' },
      { date: '2025-01-15', from: '11:00', to: '14:00' },
      { date: '2025-01-15', recurring: true, from: '16:00', to: '24:00' },
    ]);

    expect(spans(cal, '2025-01-15')).toEqual([
      ['2025-01-15T09:00:00.000Z', '2025-01-15T10:00:00.000Z'],
      ['2025-01-15T14:00:00.000Z', '2025-01-15T16:00:00.000Z'],
    ]);
  });

  it('changes nothing on a day without opening hours', () => {
    const cal = officeWith('Saturday holiday', [{ date: '2025-01-18' }]);

    expect(due(cal, '2025-01-17T16:00:00Z', 120)).toBe('2025-01-20T10:00:00.000Z');
  });

  it('repeats a recurring date every year', () => {
    const cal = officeWith('New Year', [{ date: '2020-01-01', recurring: true }]);

    expect(spans(cal, '2025-01-01')).toEqual([]);
    expect(spans(cal, '2026-01-01')).toEqual([]);
    expect(spans(cal, '2025-01-02')).toHaveLength(1);
  });

  it('closes a recurring leap day only in leap years', () => {
    const cal: Calendar = {
      name: 'Leap day',
      timezone: 'UTC',
      hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
      holidays: [{ date: '2024-02-29', recurring: true }],
    };

    expect(spans(cal, '2028-02-29')).toEqual([]);
    expect(spans(cal, '2028-02-28')).toHaveLength(1);
    expect(spans(cal, '2028-03-01')).toEqual([]);
  });

  it('closes the local date of a zone east of UTC', () => {
    const cal: Calendar = {
      name: 'Tokyo always',
      timezone: 'Asia/Tokyo',
      hours: {
        mon: [['00:00', '24:00']],
        tue: [['00:00', '24:00']],
        wed: [['00:00', '24:00']],
        thu: [['00:00', '24:00']],
        fri: [['00:00', '24:00']],
        sat: [['00:00', '24:00']],
        sun: [['00:00', '24:00']],
      },
      holidays: [{ date: '2025-01-01' }],
    };

    const closedDay = businessMinutesBetween(
      cal,
      new Date('2024-12-31T15:00:00Z'),
      new Date('2025-01-01T15:00:00Z'),
    );

    expect(closedDay).toBe(0);
    expect(due(cal, '2024-12-31T14:00:00Z', 120)).toBe('2025-01-01T16:00:00.000Z');
  });

  it('closes a partial holiday in local time across a daylight-saving change', () => {
    const cal: Calendar = {
      name: 'Berlin Sunday',
      timezone: 'Europe/Berlin',
      hours: { sun: [['00:00', '24:00']] },
      holidays: [{ date: '2025-03-30', from: '00:00', to: '12:00' }],
    };

    expect(spans(cal, '2025-03-30')).toEqual([
      ['2025-03-30T10:00:00.000Z', '2025-03-30T22:00:00.000Z'],
    ]);
  });
});

describe('openIntervals', () => {
  it('lists the intervals of the default calendar', () => {
    expect(spans(DEFAULT_CALENDAR, '2025-01-13')).toEqual([
      ['2025-01-13T09:00:00.000Z', '2025-01-13T17:00:00.000Z'],
    ]);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => openIntervals(DEFAULT_CALENDAR, '2025-1-13')).toThrow(RangeError);
    expect(() => openIntervals(DEFAULT_CALENDAR, '2025-02-30')).toThrow(
      'Invalid local date "2025-02-30"',
    );
  });
});
