import { describe, expect, it } from 'vitest';

import {
  addBusinessMinutes,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  type Pause,
} from '../../../../functions/domain/calendar/index.js';

function pause(from: string, to: string): Pause {
  return { from: new Date(from), to: new Date(to) };
}

function due(start: string, minutes: number, pauses: Pause[]): string {
  return addBusinessMinutes(DEFAULT_CALENDAR, new Date(start), minutes, pauses).toISOString();
}

describe('addBusinessMinutes with pauses', () => {
  it('moves the deadline by the paused business time', () => {
    const unpaused = due('2025-01-13T09:00:00Z', 240, []);
    const paused = due('2025-01-13T09:00:00Z', 240, [
      pause('2025-01-13T10:00:00Z', '2025-01-13T12:00:00Z'),
    ]);

    expect(unpaused).toBe('2025-01-13T13:00:00.000Z');
    expect(paused).toBe('2025-01-13T15:00:00.000Z');
  });

  it('moves the deadline by paused business time on both sides of a weekend', () => {
    const paused = due('2025-01-17T15:00:00Z', 120, [
      pause('2025-01-17T16:00:00Z', '2025-01-20T10:00:00Z'),
    ]);

    expect(paused).toBe('2025-01-20T11:00:00.000Z');
  });

  it('changes nothing when paused outside business hours', () => {
    const pauses = [
      pause('2025-01-17T17:00:00Z', '2025-01-20T09:00:00Z'),
      pause('2025-01-20T18:00:00Z', '2025-01-21T08:00:00Z'),
    ];

    expect(due('2025-01-17T16:00:00Z', 480, pauses)).toBe('2025-01-20T16:00:00.000Z');
  });

  it('changes nothing when paused before the start or after the deadline', () => {
    const pauses = [
      pause('2025-01-13T09:00:00Z', '2025-01-13T10:00:00Z'),
      pause('2025-01-13T12:00:00Z', '2025-01-13T14:00:00Z'),
    ];

    expect(due('2025-01-13T10:00:00Z', 120, pauses)).toBe('2025-01-13T12:00:00.000Z');
  });

  it('counts from the end of a pause that contains the start', () => {
    const pauses = [pause('2025-01-13T09:00:00Z', '2025-01-13T11:00:00Z')];

    expect(due('2025-01-13T10:00:00Z', 60, pauses)).toBe('2025-01-13T12:00:00.000Z');
    expect(due('2025-01-13T10:00:00Z', 0, pauses)).toBe('2025-01-13T11:00:00.000Z');
  });

  it('counts overlapping pauses once', () => {
    const pauses = [
      pause('2025-01-13T10:00:00Z', '2025-01-13T12:00:00Z'),
      pause('2025-01-13T11:00:00Z', '2025-01-13T13:00:00Z'),
    ];

    expect(due('2025-01-13T09:00:00Z', 120, pauses)).toBe('2025-01-13T14:00:00.000Z');
  });

  it('ignores an empty pause', () => {
    const pauses = [pause('2025-01-13T10:00:00Z', '2025-01-13T10:00:00Z')];

    expect(due('2025-01-13T09:00:00Z', 120, pauses)).toBe('2025-01-13T11:00:00.000Z');
  });

  it('resumes after a pause lasting years', () => {
    const pauses = [pause('2025-01-13T09:30:00Z', '2035-01-01T00:00:00Z')];

    expect(due('2025-01-13T09:00:00Z', 60, pauses)).toBe('2035-01-01T09:30:00.000Z');
  });

  it('rejects a pause that ends before it starts', () => {
    const pauses = [pause('2025-01-13T12:00:00Z', '2025-01-13T10:00:00Z')];

    expect(() => due('2025-01-13T09:00:00Z', 60, pauses)).toThrow(RangeError);
    expect(() => due('2025-01-13T09:00:00Z', 60, pauses)).toThrow(/Invalid pauses\[0\]/);
  });
});

describe('businessMinutesBetween with pauses', () => {
  it('leaves out paused business time', () => {
    const minutes = businessMinutesBetween(
      DEFAULT_CALENDAR,
      new Date('2025-01-13T09:00:00Z'),
      new Date('2025-01-13T17:00:00Z'),
      [pause('2025-01-13T10:00:00Z', '2025-01-13T12:00:00Z')],
    );

    expect(minutes).toBe(360);
  });

  it('round-trips a paused deadline', () => {
    const start = new Date('2025-01-17T15:00:00Z');
    const pauses = [pause('2025-01-17T16:00:00Z', '2025-01-20T10:00:00Z')];

    const deadline = addBusinessMinutes(DEFAULT_CALENDAR, start, 120, pauses);

    expect(businessMinutesBetween(DEFAULT_CALENDAR, start, deadline, pauses)).toBe(120);
  });
});
