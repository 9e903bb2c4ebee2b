import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isAbortError } from '../shared/api-error.js';
import type { Dashboard, Ticket } from '../shared/api-types.js';
import type { EscalatedClient } from '../shared/client.js';
import type { RequestScope } from '../shared/controllers.js';
import { getDashboard } from './agent-api.js';
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

/** The signed-in agent's dashboard summary, null before the first load and after a failed one. */
export class DashboardSummary {
  dashboard: Dashboard | null = null;

  /**
   * @param requests - The element's request scope, so a new client aborts a running load.
   * @param client - Returns the element's current client, or null when no user is signed in.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly requests: RequestScope,
    private readonly client: () => EscalatedClient | null,
  ) {}

  /** Reloads the dashboard counts, which change with every ticket change anyone makes. */
  async load(): Promise<void> {
    const client = this.client();
    if (!client) return;
    try {
      this.set(await getDashboard(client, { signal: this.requests.start('dashboard') }));
    } catch (error) {
      // The queue works without the summary, so a failed dashboard is simply not shown.
      if (!isAbortError(error)) this.set(null);
    }
  }

  /** Forgets the summary, as for a new user. */
  clear(): void {
    this.set(null);
  }

  private set(dashboard: Dashboard | null): void {
    this.dashboard = dashboard;
    this.host.requestUpdate();
  }
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
