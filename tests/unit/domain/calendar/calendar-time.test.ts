import { describe, expect, it } from 'vitest';

import {
  addCalendarMinutes,
  calendarMinutesBetween,
  type Pause,
} from '../../../../functions/domain/calendar/index.js';

function pause(from: string, to: string): Pause {
  return { from: new Date(from), to: new Date(to) };
}

function due(start: string, minutes: number, pauses: Pause[] = []): string {
  return addCalendarMinutes(new Date(start), minutes, pauses).toISOString();
}

describe('addCalendarMinutes', () => {
  it('adds elapsed minutes regardless of weekday or hour', () => {
    expect(due('2025-01-11T23:30:00Z', 90)).toBe('2025-01-12T01:00:00.000Z');
  });

  it('counts real time across a daylight-saving change', () => {
    // Berlin skips 02:00–03:00 local time at 01:00 UTC on this date.
    expect(due('2025-03-30T00:30:00Z', 60)).toBe('2025-03-30T01:30:00.000Z');
  });

  it('moves the deadline by the paused time', () => {
    expect(
      due('2025-01-13T10:00:00Z', 90, [pause('2025-01-13T10:30:00Z', '2025-01-13T11:00:00Z')]),
    ).toBe('2025-01-13T12:00:00.000Z');
  });

  it('ignores pauses before the start and after the deadline', () => {
    const pauses = [
      pause('2025-01-13T08:00:00Z', '2025-01-13T10:00:00Z'),
      pause('2025-01-13T11:30:00Z', '2025-01-13T12:00:00Z'),
    ];

    expect(due('2025-01-13T10:00:00Z', 90, pauses)).toBe('2025-01-13T11:30:00.000Z');
  });

  it('counts from the end of a pause that contains the start', () => {
    const pauses = [pause('2025-01-13T09:00:00Z', '2025-01-13T11:00:00Z')];

    expect(due('2025-01-13T10:00:00Z', 30, pauses)).toBe('2025-01-13T11:30:00.000Z');
    expect(due('2025-01-13T10:00:00Z', 0, pauses)).toBe('2025-01-13T11:00:00.000Z');
  });

  it('returns the start for 0 minutes outside pauses', () => {
    expect(due('2025-01-13T10:00:00Z', 0)).toBe('2025-01-13T10:00:00.000Z');
  });

  it('rejects negative minutes', () => {
    expect(() => due('2025-01-13T10:00:00Z', -5)).toThrow(RangeError);
  });
});

describe('calendarMinutesBetween', () => {
  it('counts elapsed minutes outside pauses', () => {
    const minutes = calendarMinutesBetween(
      new Date('2025-01-13T10:00:00Z'),
      new Date('2025-01-13T12:00:00Z'),
      [pause('2025-01-13T09:00:00Z', '2025-01-13T10:30:00Z')],
    );

    expect(minutes).toBe(90);
  });

  it('returns a negative count when to is before from', () => {
    const minutes = calendarMinutesBetween(
      new Date('2025-01-13T12:00:00Z'),
      new Date('2025-01-13T10:00:00Z'),
    );

    expect(minutes).toBe(-120);
  });

  it('round-trips addCalendarMinutes with pauses', () => {
    const start = new Date('2025-01-13T10:00:00Z');
    const pauses = [pause('2025-01-13T10:30:00Z', '2025-01-14T10:30:00Z')];

    const deadline = addCalendarMinutes(start, 120, pauses);

    expect(calendarMinutesBetween(start, deadline, pauses)).toBe(120);
  });
});
