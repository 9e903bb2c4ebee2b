import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR,
  addBusinessMinutes,
  businessMinutesBetween,
  type Calendar,
} from '../../../../functions/domain/calendar/index.js';
import {
  advanceClock,
  retargetClock,
  startClock,
  type ClockTicket,
  type SlaTerms,
} from '../../../../functions/domain/sla/clock.js';
import {
  dueEvents,
  nextCheckAt,
  recordEvents,
  slaView,
} from '../../../../functions/domain/sla/sweep.js';
import type { ClockMath } from '../../../../functions/domain/sla/timer.js';

const ALWAYS_OPEN: Calendar = {
  name: '24/7',
  timezone: 'UTC',
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
  ),
};

function mathOf(calendar: Calendar): ClockMath {
  return {
    add: (start, minutes, pauses) => addBusinessMinutes(calendar, start, minutes, pauses),
    between: (from, to) => businessMinutesBetween(calendar, from, to),
  };
}

function terms(targets: SlaTerms['targets'], warningMinutes = 30): SlaTerms {
  return { policyId: 'p', calendarId: 'c', businessHours: true, warningMinutes, targets };
}

const open: ClockTicket = {
  status: 'open',
  firstResponseAt: null,
  lastAgentReplyAt: null,
  lastRequesterReplyAt: null,
};

describe('SLA clock on a 24/7 calendar', () => {
  const math = mathOf(ALWAYS_OPEN);
  const day = (time: string) => `2025-01-13T${time}:00.000Z`;

  it('does not breach next response after resolve, and restarts it on reopen', () => {
    let clock = startClock(
      terms({ firstResponse: 60, nextResponse: 60, resolution: 480 }),
      day('10:00'),
      math,
    );
    const created: ClockTicket = { ...open, lastRequesterReplyAt: day('10:00') };
    const agentReply: ClockTicket = {
      status: 'waiting_on_customer',
      firstResponseAt: day('10:05'),
      lastAgentReplyAt: day('10:05'),
      lastRequesterReplyAt: day('10:00'),
    };
    const thanks: ClockTicket = {
      ...agentReply,
      status: 'waiting_on_agent',
      lastRequesterReplyAt: day('10:10'),
    };
    const resolved: ClockTicket = { ...thanks, status: 'resolved' };
    const writesAgain: ClockTicket = {
      ...resolved,
      status: 'reopened',
      lastRequesterReplyAt: day('12:00'),
    };

    clock = advanceClock(clock, created, agentReply, day('10:05'), math);
    clock = advanceClock(clock, agentReply, thanks, day('10:10'), math);
    expect(clock.nextResponse?.dueAt).toBe(day('11:10'));
    clock = advanceClock(clock, thanks, resolved, day('10:12'), math);

    expect(dueEvents(clock, day('11:10'))).toEqual([]);
    expect(slaView(clock, 'resolved', day('11:10')).state).toBe('met');

    clock = advanceClock(clock, resolved, writesAgain, day('12:00'), math);
    expect(slaView(clock, 'reopened', day('12:00')).nextResponseDueAt).toBe(day('13:00'));
    expect(clock.nextResponseCycle).toBe(2);
  });

  it('records the first response as met without a breach', () => {
    let clock = startClock(terms({ firstResponse: 60 }), day('10:00'), math);
    clock = advanceClock(
      clock,
      open,
      {
        ...open,
        status: 'waiting_on_customer',
        firstResponseAt: day('10:30'),
        lastAgentReplyAt: day('10:30'),
      },
      day('10:30'),
      math,
    );

    expect(clock.firstResponse).toMatchObject({
      stoppedAt: day('10:30'),
      breachedAt: null,
      elapsed: 30,
    });
  });

  it('records a breach at the deadline when the reply comes late between sweeps', () => {
    let clock = startClock(terms({ firstResponse: 60 }), day('10:00'), math);
    clock = advanceClock(
      clock,
      open,
      {
        ...open,
        status: 'waiting_on_customer',
        firstResponseAt: day('11:20'),
        lastAgentReplyAt: day('11:20'),
      },
      day('11:20'),
      math,
    );

    expect(clock.firstResponse?.breachedAt).toBe(day('11:00'));
    expect(slaView(clock, 'waiting_on_customer', day('12:00')).state).toBe('breached');
  });
});

describe('SLA pauses on business hours', () => {
  const math = mathOf(DEFAULT_CALENDAR);

  it('moves the resolution deadline by the paused business time', () => {
    const createdAt = '2025-01-13T09:00:00.000Z';
    let clock = startClock(terms({ resolution: 480 }), createdAt, math);
    expect(clock.resolution?.dueAt).toBe('2025-01-13T17:00:00.000Z');

    const waiting: ClockTicket = { ...open, status: 'waiting_on_customer' };
    clock = advanceClock(clock, open, waiting, '2025-01-13T10:00:00.000Z', math);
    expect(slaView(clock, 'waiting_on_customer', '2025-01-13T11:00:00.000Z').state).toBe('paused');
    clock = advanceClock(
      clock,
      waiting,
      { ...waiting, status: 'waiting_on_agent' },
      '2025-01-13T12:00:00.000Z',
      math,
    );

    expect(clock.resolution?.elapsed).toBe(60);
    expect(clock.resolution?.dueAt).toBe('2025-01-14T11:00:00.000Z');
  });

  it('keeps elapsed business time when the priority target changes', () => {
    let clock = startClock(terms({ resolution: 480 }), '2025-01-13T09:00:00.000Z', math);

    clock = retargetClock(clock, terms({ resolution: 240 }), '2025-01-13T11:00:00.000Z', {
      before: math,
      after: math,
    });

    expect(clock.resolution?.elapsed).toBe(120);
    expect(clock.resolution?.dueAt).toBe('2025-01-13T13:00:00.000Z');
  });
});

describe('SLA sweep events', () => {
  const math = mathOf(ALWAYS_OPEN);

  it('warns once in the warning window, then breaches once', () => {
    let clock = startClock(terms({ resolution: 240 }, 30), '2025-01-13T09:00:00.000Z', math);
    expect(nextCheckAt(clock)).toBe('2025-01-13T12:30:00.000Z');
    expect(slaView(clock, 'open', '2025-01-13T09:00:00.000Z').state).toBe('on_track');

    const warning = dueEvents(clock, '2025-01-13T12:31:00.000Z');
    expect(warning).toEqual([
      { target: 'resolution', kind: 'warning', cycle: 0, at: '2025-01-13T12:30:00.000Z' },
    ]);
    clock = recordEvents(clock, warning, '2025-01-13T12:31:00.000Z');
    expect(dueEvents(clock, '2025-01-13T12:32:00.000Z')).toEqual([]);
    expect(nextCheckAt(clock)).toBe('2025-01-13T13:00:00.000Z');
    expect(slaView(clock, 'open', '2025-01-13T12:40:00.000Z').state).toBe('warning');

    const breach = dueEvents(clock, '2025-01-13T13:01:00.000Z');
    expect(breach).toEqual([
      { target: 'resolution', kind: 'breach', cycle: 0, at: '2025-01-13T13:00:00.000Z' },
    ]);
    clock = recordEvents(clock, breach, '2025-01-13T13:01:00.000Z');
    expect(dueEvents(clock, '2025-01-13T17:00:00.000Z')).toEqual([]);
    expect(nextCheckAt(clock)).toBeNull();
    expect(slaView(clock, 'open', '2025-01-13T17:00:00.000Z')).toMatchObject({
      state: 'breached',
      resolutionBreachedAt: '2025-01-13T13:00:00.000Z',
    });
  });

  it('skips the warning when a sweep first sees a ticket already overdue', () => {
    const clock = startClock(terms({ firstResponse: 60 }, 30), '2025-01-13T09:00:00.000Z', math);

    expect(dueEvents(clock, '2025-01-13T11:00:00.000Z').map((e) => e.kind)).toEqual(['breach']);
  });
});

describe('Kolkata calendar', () => {
  it('reads on_track at creation with a 4 h first-response target', () => {
    const kolkata: Calendar = {
      name: 'Kolkata',
      timezone: 'Asia/Kolkata',
      hours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '18:00']]]),
      ),
    };
    const createdAt = '2025-01-13T04:30:00.000Z';
    const clock = startClock(terms({ firstResponse: 240 }), createdAt, mathOf(kolkata));

    expect(slaView(clock, 'open', createdAt)).toMatchObject({
      firstResponseDueAt: '2025-01-13T08:30:00.000Z',
      state: 'on_track',
    });
  });
});
