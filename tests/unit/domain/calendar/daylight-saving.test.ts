import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  addBusinessMinutes,
  businessMinutesBetween,
  openIntervals,
  type Calendar,
} from '../../../../functions/domain/calendar/index.js';

// Changes used below (tz data as shipped with Node 20):
// Europe/Berlin      2025-03-30 02:00 CET -> 03:00 CEST; 2025-10-26 03:00 CEST -> 02:00 CET
// America/New_York   2025-03-09 02:00 EST -> 03:00 EDT; 2025-11-02 02:00 EDT -> 01:00 EST
// America/Santiago   2025-09-07 00:00 -04 -> 01:00 -03 (midnight does not exist)
// Australia/Lord_Howe 2025-10-05 02:00 +10:30 -> 02:30 +11 (a 30-minute change)

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

function calendar(name: string, timezone: string, hours: Calendar['hours']): Calendar {
  return { name, timezone, hours };
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

describe('daylight-saving changes', () => {
  describe('Europe/Berlin', () => {
    const nights = calendar('Berlin nights', 'Europe/Berlin', { sun: [['01:00', '04:00']] });
    const office = calendar('Berlin office', 'Europe/Berlin', weekdays([['09:00', '17:00']]));
    const always = calendar('Berlin always', 'Europe/Berlin', everyDay([['00:00', '24:00']]));

    it('counts 01:00–04:00 as two real hours in spring', () => {
      expect(spans(nights, '2025-03-30')).toEqual([
        ['2025-03-30T00:00:00.000Z', '2025-03-30T02:00:00.000Z'],
      ]);
      expect(due(nights, '2025-03-29T12:00:00Z', 120)).toBe('2025-03-30T02:00:00.000Z');
      expect(due(nights, '2025-03-29T12:00:00Z', 150)).toBe('2025-04-05T23:30:00.000Z');
    });

    it('counts 01:00–04:00 as four real hours in autumn', () => {
      expect(spans(nights, '2025-10-26')).toEqual([
        ['2025-10-25T23:00:00.000Z', '2025-10-26T03:00:00.000Z'],
      ]);
      expect(due(nights, '2025-10-25T12:00:00Z', 180)).toBe('2025-10-26T02:00:00.000Z');
      expect(due(nights, '2025-10-25T12:00:00Z', 240)).toBe('2025-10-26T03:00:00.000Z');
    });

    it('keeps office hours in local time across the spring change', () => {
      expect(due(office, '2025-03-28T16:00:00+01:00', 120)).toBe('2025-03-31T08:00:00.000Z');
    });

    it('keeps office hours in local time across the autumn change', () => {
      expect(due(office, '2025-10-24T16:00:00+02:00', 120)).toBe('2025-10-27T09:00:00.000Z');
    });

    it('counts real hours on a round-the-clock calendar', () => {
      expect(due(always, '2025-03-29T23:00:00+01:00', 240)).toBe('2025-03-30T02:00:00.000Z');
      expect(due(always, '2025-10-25T23:00:00+02:00', 240)).toBe('2025-10-26T01:00:00.000Z');
    });

    it('counts 23-hour and 25-hour change days', () => {
      const springDay = businessMinutesBetween(
        always,
        new Date('2025-03-30T00:00:00+01:00'),
        new Date('2025-03-31T00:00:00+02:00'),
      );
      const autumnDay = businessMinutesBetween(
        always,
        new Date('2025-10-26T00:00:00+02:00'),
        new Date('2025-10-27T00:00:00+01:00'),
      );

      expect(springDay).toBe(23 * 60);
      expect(autumnDay).toBe(25 * 60);
    });
  });

  describe('America/New_York', () => {
    const nights = calendar('New York nights', 'America/New_York', everyDay([['01:00', '04:00']]));
    const office = calendar('New York office', 'America/New_York', weekdays([['09:00', '17:00']]));
    const always = calendar('New York always', 'America/New_York', everyDay([['00:00', '24:00']]));

    it('counts 01:00–04:00 as two real hours in spring', () => {
      expect(spans(nights, '2025-03-09')).toEqual([
        ['2025-03-09T06:00:00.000Z', '2025-03-09T08:00:00.000Z'],
      ]);
    });

    it('counts 01:00–04:00 as four real hours in autumn', () => {
      expect(spans(nights, '2025-11-02')).toEqual([
        ['2025-11-02T05:00:00.000Z', '2025-11-02T09:00:00.000Z'],
      ]);
    });

    it('keeps office hours in local time across both changes', () => {
      expect(due(office, '2025-03-07T16:00:00-05:00', 120)).toBe('2025-03-10T14:00:00.000Z');
      expect(due(office, '2025-10-31T16:00:00-04:00', 120)).toBe('2025-11-03T15:00:00.000Z');
    });

    it('counts real hours on a round-the-clock calendar', () => {
      expect(due(always, '2025-03-08T23:00:00-05:00', 240)).toBe('2025-03-09T08:00:00.000Z');
      expect(due(always, '2025-11-01T23:00:00-04:00', 240)).toBe('2025-11-02T07:00:00.000Z');
    });
  });

  describe('interval boundaries in a skipped hour', () => {
    it('opens at the change when the opening time is skipped', () => {
      const cal = calendar('Berlin 02:30', 'Europe/Berlin', { sun: [['02:30', '05:00']] });

      // 02:30 does not exist, so the interval opens at 03:00 CEST (01:00 UTC) and lasts 2 hours.
      expect(spans(cal, '2025-03-30')).toEqual([
        ['2025-03-30T01:00:00.000Z', '2025-03-30T03:00:00.000Z'],
      ]);
      expect(due(cal, '2025-03-29T12:00:00Z', 0)).toBe('2025-03-30T01:00:00.000Z');
    });

    it('closes at the change when the closing time is skipped', () => {
      const cal = calendar('Berlin to 02:30', 'Europe/Berlin', { sun: [['01:00', '02:30']] });

      expect(spans(cal, '2025-03-30')).toEqual([
        ['2025-03-30T00:00:00.000Z', '2025-03-30T01:00:00.000Z'],
      ]);
    });

    it('drops an interval that lies wholly in the skipped hour', () => {
      const cal = calendar('Berlin gap only', 'Europe/Berlin', { sun: [['02:15', '02:45']] });

      expect(spans(cal, '2025-03-30')).toEqual([]);
      expect(spans(cal, '2025-04-06')).toEqual([
        ['2025-04-06T00:15:00.000Z', '2025-04-06T00:45:00.000Z'],
      ]);
    });

    it('joins intervals that touch inside the skipped hour', () => {
      const cal = calendar('Berlin split at gap', 'Europe/Berlin', {
        sun: [
          ['01:00', '02:30'],
          ['02:30', '04:00'],
        ],
      });

      expect(spans(cal, '2025-03-30')).toEqual([
        ['2025-03-30T00:00:00.000Z', '2025-03-30T02:00:00.000Z'],
      ]);
    });

    it('opens at the change in New York', () => {
      const cal = calendar('New York 02:30', 'America/New_York', { sun: [['02:30', '03:30']] });

      expect(spans(cal, '2025-03-09')).toEqual([
        ['2025-03-09T07:00:00.000Z', '2025-03-09T07:30:00.000Z'],
      ]);
    });

    it('joins whole days across a skipped midnight', () => {
      const cal = calendar('Santiago always', 'America/Santiago', everyDay([['00:00', '24:00']]));

      expect(spans(cal, '2025-09-06')).toEqual([
        ['2025-09-06T04:00:00.000Z', '2025-09-07T04:00:00.000Z'],
      ]);
      expect(spans(cal, '2025-09-07')).toEqual([
        ['2025-09-07T04:00:00.000Z', '2025-09-08T03:00:00.000Z'],
      ]);
      expect(due(cal, '2025-09-06T22:00:00-04:00', 240)).toBe('2025-09-07T06:00:00.000Z');
    });

    it('skips a 30-minute change on Lord Howe Island', () => {
      const cal = calendar('Lord Howe nights', 'Australia/Lord_Howe', {
        sun: [['01:00', '04:00']],
      });

      expect(spans(cal, '2025-10-05')).toEqual([
        ['2025-10-04T14:30:00.000Z', '2025-10-04T17:00:00.000Z'],
      ]);
    });
  });

  describe('interval boundaries in a repeated hour', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('opens at the first occurrence of a repeated opening time', () => {
      const cal = calendar('Berlin from 02:30', 'Europe/Berlin', { sun: [['02:30', '05:00']] });

      // The first 02:30 is CEST (00:30 UTC); 05:00 CET is 04:00 UTC.
      expect(spans(cal, '2025-10-26')).toEqual([
        ['2025-10-26T00:30:00.000Z', '2025-10-26T04:00:00.000Z'],
      ]);
    });

    it('closes at the first occurrence of a repeated closing time', () => {
      const cal = calendar('Berlin until 02:30', 'Europe/Berlin', { sun: [['01:00', '02:30']] });

      expect(spans(cal, '2025-10-26')).toEqual([
        ['2025-10-25T23:00:00.000Z', '2025-10-26T00:30:00.000Z'],
      ]);
    });

    it('resolves a repeated time the same in winter and in summer', () => {
      const hours = { sun: [['02:30', '05:00']] } satisfies Calendar['hours'];
      vi.useFakeTimers({ toFake: ['Date'] });

      vi.setSystemTime(new Date('2025-01-15T12:00:00Z'));
      const inWinter = spans(calendar('Berlin winter run', 'Europe/Berlin', hours), '2025-10-26');
      vi.setSystemTime(new Date('2025-07-15T12:00:00Z'));
      const inSummer = spans(calendar('Berlin summer run', 'Europe/Berlin', hours), '2025-10-26');

      expect(inWinter).toEqual(inSummer);
    });
  });
});
