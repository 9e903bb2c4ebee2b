import { css, html, nothing, type TemplateResult } from 'lit';
import type { Ticket, TicketSla } from '../shared/api-types.js';
import { formatDateTime } from '../shared/format.js';
import { SLA_CLOCK_LABELS, type SlaClockName } from '../sla-badge/sla-clock.js';

/** Styles of {@link renderSlaClocks}. */
export const slaClockStyles = css`
  .sla-clocks {
    display: grid;
    gap: var(--escalated-space-sm);
    margin: 0;
  }

  .sla-clocks dt {
    font-weight: 600;
  }

  .sla-clocks dd {
    margin: 0;
  }

  .sla-clocks .clock-breached {
    color: var(--escalated-sla-breached);
  }
`;

/** The state of one clock: its due date and a short status line. */
interface ClockStatus {
  dueAt: string | null;
  status: string;
  breached: boolean;
}

type Formatter = (iso: string) => string;

function firstResponseStatus(ticket: Ticket, sla: TicketSla, at: Formatter): ClockStatus {
  const dueAt = sla.firstResponseDueAt;
  if (sla.firstResponseBreachedAt) {
    return { dueAt, status: `Breached ${at(sla.firstResponseBreachedAt)}`, breached: true };
  }
  if (ticket.firstResponseAt) {
    return { dueAt, status: `Answered ${at(ticket.firstResponseAt)}`, breached: false };
  }
  return { dueAt, status: dueAt ? 'Running' : 'No target', breached: false };
}

function nextResponseStatus(sla: TicketSla, at: Formatter): ClockStatus {
  const dueAt = sla.nextResponseDueAt;
  const breachedAt = sla.nextResponseBreachedAt;
  if (dueAt && breachedAt) return { dueAt, status: `Breached ${at(breachedAt)}`, breached: true };
  if (dueAt) return { dueAt, status: 'Running', breached: false };
  // A breach of an earlier cycle stays recorded after the clock stopped.
  const status = breachedAt ? `Not running, last breached ${at(breachedAt)}` : 'Not running';
  return { dueAt: null, status, breached: false };
}

function resolutionStatus(ticket: Ticket, sla: TicketSla, at: Formatter): ClockStatus {
  const dueAt = sla.resolutionDueAt;
  if (sla.resolutionBreachedAt) {
    return { dueAt, status: `Breached ${at(sla.resolutionBreachedAt)}`, breached: true };
  }
  if (ticket.resolvedAt)
    return { dueAt, status: `Resolved ${at(ticket.resolvedAt)}`, breached: false };
  if (sla.pausedAt) {
    // While paused, the due date moves later by the paused business time.
    return { dueAt, status: `Paused since ${at(sla.pausedAt)}`, breached: false };
  }
  return { dueAt, status: dueAt ? 'Running' : 'No target', breached: false };
}

/**
 * Marks a running clock whose due date passed after the ticket loaded. The API records the
 * breach on its next check, so the stored fields can lag behind.
 */
function withOverdue(clock: ClockStatus, now: number): ClockStatus {
  if (clock.breached || clock.status !== 'Running' || !clock.dueAt) return clock;
  if (Date.parse(clock.dueAt) > now) return clock;
  return { ...clock, status: 'Overdue', breached: true };
}

function renderClock(name: SlaClockName, clock: ClockStatus, at: Formatter): TemplateResult {
  return html`<div class=${clock.breached ? 'clock-breached' : ''} data-clock=${name}>
    <dt>${SLA_CLOCK_LABELS[name]}</dt>
    ${
      clock.dueAt
        ? html`<dd>Due <time datetime=${clock.dueAt}>${at(clock.dueAt)}</time></dd>`
        : nothing
    }
    <dd>${clock.status}</dd>
  </div>`;
}

/**
 * Renders the ticket's three SLA clocks with their due dates and whether each is running,
 * met, paused or breached, or a line saying that no SLA applies.
 */
export function renderSlaClocks(
  ticket: Ticket,
  locale: string | undefined,
  now: number,
): TemplateResult {
  const sla = ticket.sla;
  if (!sla) return html`<p class="muted">No SLA applies to this ticket.</p>`;
  const at: Formatter = (iso) => formatDateTime(iso, locale);
  const clocks: Array<[SlaClockName, ClockStatus]> = [
    ['firstResponse', firstResponseStatus(ticket, sla, at)],
    ['nextResponse', nextResponseStatus(sla, at)],
    ['resolution', resolutionStatus(ticket, sla, at)],
  ];
  return html`<dl class="sla-clocks" part="sla-clocks">
    ${clocks.map(([name, clock]) => renderClock(name, withOverdue(clock, now), at))}
  </dl>`;
}
