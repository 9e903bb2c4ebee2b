import { css, html, nothing, type TemplateResult } from 'lit';
import type { Dashboard, Ticket } from '../shared/api-types.js';
import type { QueueView } from './queue-query.js';

type CountName = keyof Dashboard['counts'];

// Each count, its label, and the queue view that lists those tickets, if any.
const COUNTS: ReadonlyArray<readonly [CountName, string, QueueView | null]> = [
  ['open', 'Open', 'all'],
  ['mine', 'Mine', 'mine'],
  ['unassigned', 'Unassigned', 'unassigned'],
  ['urgent', 'Urgent', 'urgent'],
  ['breached', 'SLA breached', 'sla_breaching'],
  ['following', 'Following', 'following'],
  ['resolvedToday', 'Resolved today', null],
];

/** Styles of {@link renderDashboard}. */
export const dashboardStyles = css`
  .dashboard {
    margin-block-end: var(--escalated-space-lg);
  }

  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .counts button,
  .counts .count-static {
    display: grid;
    justify-items: start;
    min-inline-size: 7em;
    padding: var(--escalated-space-sm) var(--escalated-space-md);
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-surface-muted);
  }

  .count-value {
    font-size: var(--escalated-font-size-lg);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .attention {
    margin: var(--escalated-space-sm) 0 0;
    padding-inline-start: var(--escalated-space-lg);
  }
`;

/** Callbacks of the dashboard: a count switches the queue view, a listed ticket opens. */
export interface DashboardHandlers {
  onView: (view: QueueView) => void;
  onOpen: (reference: string) => void;
}

/**
 * Renders the dashboard summary above the queue: the counts, each a button that shows those
 * tickets, and the tickets breaching their SLA that need attention first.
 */
export function renderDashboard(
  dashboard: Dashboard | null,
  handlers: DashboardHandlers,
): TemplateResult | typeof nothing {
  if (!dashboard) return nothing;
  return html`<section class="dashboard" part="dashboard" aria-labelledby="dashboard-heading">
    <h3 id="dashboard-heading" class="visually-hidden">Summary</h3>
    <ul class="counts">
      ${COUNTS.map(([name, label, view]) => renderCount(dashboard.counts[name] ?? 0, name, label, view, handlers))}
    </ul>
    ${renderAttention(dashboard.lists?.breaching ?? [], handlers)}
  </section>`;
}

function renderCount(
  value: number,
  name: CountName,
  label: string,
  view: QueueView | null,
  handlers: DashboardHandlers,
): TemplateResult {
  const content = html`<span class="count-value">${value}</span><span>${label}</span>`;
  return html`<li data-count=${name}>
    ${
      view
        ? html`<button type="button" @click=${() => handlers.onView(view)}>${content}</button>`
        : html`<span class="count-static">${content}</span>`
    }
  </li>`;
}

function renderAttention(
  tickets: readonly Ticket[],
  handlers: DashboardHandlers,
): TemplateResult | typeof nothing {
  if (tickets.length === 0) return nothing;
  return html`<p class="hint">Breaching their SLA:</p>
    <ul class="attention" aria-label="Tickets breaching their SLA">
      ${tickets.map(
        (ticket) =>
          html`<li>
            <button type="button" class="link" @click=${() => handlers.onOpen(ticket.reference)}>
              ${ticket.reference} · ${ticket.subject}
            </button>
          </li>`,
      )}
    </ul>`;
}
