import { expect } from '@open-wc/testing';
import type { TicketSla } from '../../../widget/src/shared/api-types.js';
import {
  describeSla,
  displayState,
  formatCountdown,
  formatDuration,
  formatDurationWords,
  pickDeadline,
  type SlaTicket,
} from '../../../widget/src/sla-badge/sla-clock.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function iso(offsetMs: number): string {
  return new Date(NOW + offsetMs).toISOString();
}

function sla(fields: Partial<TicketSla>): TicketSla {
  return {
    policyId: 'default',
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    resolutionDueAt: null,
    firstResponseBreachedAt: null,
    nextResponseBreachedAt: null,
    resolutionBreachedAt: null,
    pausedAt: null,
    state: 'on_track',
    ...fields,
  };
}

function ticket(fields: Partial<TicketSla> | null, extra: Partial<SlaTicket> = {}): SlaTicket {
  return {
    sla: fields === null ? null : sla(fields),
    firstResponseAt: null,
    resolvedAt: null,
    ...extra,
  };
}

// Due dates of the three clocks, relative to NOW.
const FIRST_DUE = iso(2 * HOUR + 15 * MINUTE);
const NEXT_DUE = iso(40 * MINUTE);
const RESOLUTION_DUE = iso(3 * 24 * HOUR + 4 * HOUR);

describe('pickDeadline', () => {
  it('picks the first response while nobody has answered', () => {
    const deadline = pickDeadline(
      ticket({ firstResponseDueAt: FIRST_DUE, resolutionDueAt: RESOLUTION_DUE }),
    );

    expect(deadline).to.deep.equal({ clock: 'firstResponse', dueAt: FIRST_DUE });
  });

  it('picks the next response when that clock runs', () => {
    const deadline = pickDeadline(
      ticket(
        {
          firstResponseDueAt: FIRST_DUE,
          nextResponseDueAt: NEXT_DUE,
          resolutionDueAt: RESOLUTION_DUE,
        },
        { firstResponseAt: iso(-HOUR) },
      ),
    );

    expect(deadline).to.deep.equal({ clock: 'nextResponse', dueAt: NEXT_DUE });
  });

  it('picks the resolution once the first response happened', () => {
    const deadline = pickDeadline(
      ticket(
        { firstResponseDueAt: iso(-HOUR), resolutionDueAt: RESOLUTION_DUE },
        { firstResponseAt: iso(-2 * HOUR) },
      ),
    );

    expect(deadline).to.deep.equal({ clock: 'resolution', dueAt: RESOLUTION_DUE });
  });

  it('picks the resolution when the policy has no first-response target', () => {
    const deadline = pickDeadline(ticket({ resolutionDueAt: RESOLUTION_DUE }));

    expect(deadline).to.deep.equal({ clock: 'resolution', dueAt: RESOLUTION_DUE });
  });

  it('returns null without an SLA or without due dates', () => {
    expect(pickDeadline(ticket(null))).to.equal(null);
    expect(pickDeadline(ticket({}))).to.equal(null);
  });
});

describe('displayState', () => {
  it('keeps the loaded state while every running clock is in time', () => {
    expect(displayState(ticket({ firstResponseDueAt: FIRST_DUE }), NOW)).to.equal('on_track');
    const warning = ticket({ firstResponseDueAt: iso(10 * MINUTE), state: 'warning' });
    expect(displayState(warning, NOW)).to.equal('warning');
  });

  it('shows a passed due date of a running clock as breached', () => {
    const stale = ticket({ firstResponseDueAt: iso(-12 * MINUTE), state: 'warning' });
    expect(displayState(stale, NOW)).to.equal('breached');
    const resolution = ticket(
      { nextResponseDueAt: NEXT_DUE, resolutionDueAt: iso(-MINUTE) },
      { firstResponseAt: iso(-HOUR) },
    );
    expect(displayState(resolution, NOW)).to.equal('breached');
  });

  it('ignores passed due dates of stopped clocks', () => {
    const answered = ticket(
      { firstResponseDueAt: iso(-HOUR), resolutionDueAt: RESOLUTION_DUE },
      { firstResponseAt: iso(-2 * HOUR) },
    );
    expect(displayState(answered, NOW)).to.equal('on_track');
    const met = ticket(
      { resolutionDueAt: iso(-HOUR), state: 'met' },
      { firstResponseAt: iso(-3 * HOUR), resolvedAt: iso(-2 * HOUR) },
    );
    expect(displayState(met, NOW)).to.equal('met');
    const paused = ticket({
      resolutionDueAt: iso(-HOUR),
      pausedAt: iso(-3 * HOUR),
      state: 'paused',
    });
    expect(displayState(paused, NOW)).to.equal('paused');
  });

  it('returns none without an SLA', () => {
    expect(displayState(ticket(null), NOW)).to.equal('none');
  });
});

describe('formatDuration', () => {
  const cases: Array<[number, string, string]> = [
    [2 * HOUR + 15 * MINUTE + 30_000, '2 h 15 m', '2 hours 15 minutes'],
    [12 * MINUTE, '12 m', '12 minutes'],
    [-12 * MINUTE - 59_000, '12 m', '12 minutes'],
    [HOUR, '1 h', '1 hour'],
    [3 * 24 * HOUR + 4 * HOUR + 59 * MINUTE, '3 d 4 h', '3 days 4 hours'],
    [24 * HOUR + 5 * MINUTE, '1 d', '1 day'],
    [59_000, '< 1 m', 'less than a minute'],
    [0, '< 1 m', 'less than a minute'],
  ];

  for (const [milliseconds, short, words] of cases) {
    it(`formats ${milliseconds} ms as "${short}"`, () => {
      expect(formatDuration(milliseconds)).to.equal(short);
      expect(formatDurationWords(milliseconds)).to.equal(words);
    });
  }
});

describe('formatCountdown', () => {
  it('counts down to a deadline in the future', () => {
    const onTrack = ticket({ firstResponseDueAt: FIRST_DUE, resolutionDueAt: RESOLUTION_DUE });

    expect(formatCountdown(onTrack, NOW)).to.equal('due in 2 h 15 m');
  });

  it('counts down in the warning state', () => {
    const warning = ticket({ firstResponseDueAt: iso(20 * MINUTE), state: 'warning' });

    expect(formatCountdown(warning, NOW)).to.equal('due in 20 m');
  });

  it('counts up from a passed deadline', () => {
    const breached = ticket({
      firstResponseDueAt: iso(-12 * MINUTE),
      firstResponseBreachedAt: iso(-12 * MINUTE),
      state: 'breached',
    });

    expect(formatCountdown(breached, NOW)).to.equal('overdue by 12 m');
  });

  it('counts down to the next deadline of a ticket breached earlier', () => {
    const breachedBefore = ticket(
      {
        firstResponseDueAt: iso(-3 * HOUR),
        firstResponseBreachedAt: iso(-3 * HOUR),
        nextResponseDueAt: NEXT_DUE,
        state: 'breached',
      },
      { firstResponseAt: iso(-2 * HOUR) },
    );

    expect(formatCountdown(breachedBefore, NOW)).to.equal('due in 40 m');
  });

  it('says paused and met for stopped clocks', () => {
    const paused = ticket({
      resolutionDueAt: RESOLUTION_DUE,
      pausedAt: iso(-HOUR),
      state: 'paused',
    });
    const met = ticket(
      { resolutionDueAt: RESOLUTION_DUE, state: 'met' },
      { resolvedAt: iso(-HOUR) },
    );

    expect(formatCountdown(paused, NOW)).to.equal('paused');
    expect(formatCountdown(met, NOW)).to.equal('met');
  });

  it('is empty without an SLA', () => {
    expect(formatCountdown(ticket(null), NOW)).to.equal('');
  });
});

describe('describeSla', () => {
  const format = (value: string) => `[${value}]`;

  it('names the clock, the remaining time and the due instant', () => {
    const onTrack = ticket({ firstResponseDueAt: FIRST_DUE });

    expect(describeSla(onTrack, NOW, format)).to.equal(
      `SLA on track. First response due in 2 hours 15 minutes, at [${FIRST_DUE}].`,
    );
  });

  it('names the overdue time of a breached clock', () => {
    const breached = ticket({ firstResponseDueAt: iso(-12 * MINUTE), state: 'warning' });

    expect(describeSla(breached, NOW, format)).to.equal(
      `SLA breached. First response overdue by 12 minutes, was due [${iso(-12 * MINUTE)}].`,
    );
  });

  it('gives the pause instant of a paused ticket', () => {
    const paused = ticket({
      resolutionDueAt: RESOLUTION_DUE,
      pausedAt: iso(-HOUR),
      state: 'paused',
    });

    expect(describeSla(paused, NOW, format)).to.equal(`SLA paused since [${iso(-HOUR)}].`);
  });

  it('states met and missing SLAs', () => {
    const met = ticket(
      { resolutionDueAt: RESOLUTION_DUE, state: 'met' },
      { resolvedAt: iso(-HOUR) },
    );

    expect(describeSla(met, NOW, format)).to.equal('SLA met.');
    expect(describeSla(ticket(null), NOW, format)).to.equal('No SLA applies to this ticket.');
  });
});
