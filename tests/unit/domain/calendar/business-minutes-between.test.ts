import { describe, expect, it } from 'vitest';

import {
  addBusinessMinutes,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  type Calendar,
} from '../../../../functions/domain/calendar/index.js';

const berlinSplitDay: Calendar = {
  name: 'Berlin split day',
  timezone: 'Europe/Berlin',
  hours: {
    mon: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    tue: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '13:00']],
    sun: [['01:00', '04:00']],
  },
  holidays: [{ date: '2025-04-01', from: '09:00', to: '13:00' }],
};

function between(cal: Calendar, from: string, to: string): number {
  return businessMinutesBetween(cal, new Date(from), new Date(to));
}

describe('businessMinutesBetween', () => {
  it('counts the open minutes over a weekend', () => {
    expect(between(DEFAULT_CALENDAR, '2025-01-10T16:30:00Z', '2025-01-13T09:30:00Z')).toBe(60);
  });

  it('counts a whole working week', () => {
    expect(between(DEFAULT_CALENDAR, '2025-01-13T00:00:00Z', '2025-01-20T00:00:00Z')).toBe(5 * 480);
  });

  it('returns 0 over closed time', () => {
    expect(between(DEFAULT_CALENDAR, '2025-01-11T00:00:00Z', '2025-01-13T09:00:00Z')).toBe(0);
  });

  it('returns 0 for equal instants', () => {
    const minutes = between(DEFAULT_CALENDAR, '2025-01-13T10:00:00Z', '2025-01-13T10:00:00Z');

    expect(Object.is(minutes, 0)).toBe(true);
  });

  it('returns a negative count when to is before from', () => {
    expect(between(DEFAULT_CALENDAR, '2025-01-13T11:00:00Z', '2025-01-13T10:00:00Z')).toBe(-60);
    expect(
      Object.is(between(DEFAULT_CALENDAR, '2025-01-12T11:00:00Z', '2025-01-11T10:00:00Z'), 0),
    ).toBe(true);
  });

  it('returns fractions of a minute', () => {
    expect(between(DEFAULT_CALENDAR, '2025-01-13T09:00:00Z', '2025-01-13T09:00:30Z')).toBe(0.5);
  });

  it('counts real time across a daylight-saving change', () => {
    expect(between(berlinSplitDay, '2025-03-29T12:00:00Z', '2025-03-30T12:00:00Z')).toBe(120);
    expect(between(berlinSplitDay, '2025-10-25T12:00:00Z', '2025-10-26T12:00:00Z')).toBe(240);
  });

  it('rejects an invalid date', () => {
    expect(() =>
      businessMinutesBetween(DEFAULT_CALENDAR, new Date('2025-01-13T09:00:00Z'), new Date('')),
    ).toThrow(/Invalid to/);
  });

  describe('round trip with addBusinessMinutes', () => {
    // Starts every 97 minutes over three weeks around the Berlin spring change, so they land
    // inside, before, between and after intervals, on a partial holiday and on the change night.
    const starts = Array.from(
      { length: 300 },
      (_, index) => new Date(Date.parse('2025-03-20T00:00:00Z') + index * 97 * 60_000),
    );
    const targets = [0, 1, 59, 240, 481, 2880];

    it('counts back exactly the minutes that were added', () => {
      for (const start of starts) {
        for (const minutes of targets) {
          const deadline = addBusinessMinutes(berlinSplitDay, start, minutes);

          expect(businessMinutesBetween(berlinSplitDay, start, deadline)).toBe(minutes);
        }
      }
    });

    it('adds back the counted minutes to reach an open instant', () => {
      for (const start of starts) {
        const end = addBusinessMinutes(berlinSplitDay, new Date(start.getTime() + 86_400_000), 30);
        const minutes = businessMinutesBetween(berlinSplitDay, start, end);

        expect(addBusinessMinutes(berlinSplitDay, start, minutes).toISOString()).toBe(
          end.toISOString(),
        );
      }
    });
  });
});
