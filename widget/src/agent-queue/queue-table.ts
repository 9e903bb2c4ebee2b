import { html, nothing, type TemplateResult } from 'lit';
import type { Ticket, UserSummary } from '../shared/api-types.js';
import { agentName, displayName, priorityLabel } from '../shared/format.js';
import { statusLabel } from '../shared/status.js';
import { BULK_LIMIT, type BulkState } from './bulk.js';

/** The tickets, focus and selection the queue table renders. */
export interface QueueTableState {
  tickets: readonly Ticket[];
  /** Index of the row in the tab order. Other rows take focus only through keys or clicks. */
  activeIndex: number;
  bulk: BulkState;
  agents: readonly UserSummary[];
  locale: string;
  viewLabel: string;
}

/** Callbacks of the queue table. */
export interface QueueTableHandlers {
  onFocusRow: (index: number) => void;
  onOpen: (reference: string) => void;
  onSelect: (reference: string) => void;
  onSelectAll: (on: boolean) => void;
  onRowKeydown: (event: KeyboardEvent) => void;
}

/**
 * Renders the queue as a table with a selection checkbox per row and one for the page. Rows
 * use a roving tabindex: only the active row's checkbox and subject button are in the tab
 * order. A row whose last bulk change failed is marked and shows why.
 */
export function renderQueueTable(
  state: QueueTableState,
  handlers: QueueTableHandlers,
): TemplateResult {
  return html`<div class="table-wrap">
    <table part="list">
      <caption class="visually-hidden">
        Tickets in the ${state.viewLabel} view
      </caption>
      <thead>
        <tr>
          <th scope="col" class="select">${renderSelectAll(state, handlers)}</th>
          <th scope="col">Reference</th>
          <th scope="col">Subject</th>
          <th scope="col">Requester</th>
          <th scope="col">Status</th>
          <th scope="col">Priority</th>
          <th scope="col">Assignee</th>
          <th scope="col">SLA</th>
        </tr>
      </thead>
      <tbody @keydown=${handlers.onRowKeydown}>
        ${state.tickets.map((ticket, index) => renderRow(ticket, index, state, handlers))}
      </tbody>
    </table>
  </div>`;
}

function renderSelectAll(state: QueueTableState, handlers: QueueTableHandlers): TemplateResult {
  const selectable = state.tickets.slice(0, BULK_LIMIT);
  const selected = selectable.filter((ticket) => state.bulk.selected.has(ticket.reference));
  const all = selected.length > 0 && selected.length === selectable.length;
  return html`<input
    type="checkbox"
    id="select-all"
    aria-label="Select all tickets on this page"
    .checked=${all}
    .indeterminate=${selected.length > 0 && !all}
    @change=${(event: Event) => handlers.onSelectAll((event.target as HTMLInputElement).checked)}
  />`;
}

function renderRow(
  ticket: Ticket,
  index: number,
  state: QueueTableState,
  handlers: QueueTableHandlers,
): TemplateResult {
  const active = index === state.activeIndex;
  const failure = state.bulk.failures.get(ticket.reference);
  return html`<tr
    part="row"
    class=${failure ? 'failed' : ''}
    data-reference=${ticket.reference}
    data-failed=${failure ? 'true' : 'false'}
  >
    <td class="select">
      <input
        type="checkbox"
        class="row-select"
        tabindex=${active ? 0 : -1}
        aria-label=${`Select ${ticket.reference}`}
        .checked=${state.bulk.selected.has(ticket.reference)}
        @focus=${() => handlers.onFocusRow(index)}
        @change=${() => handlers.onSelect(ticket.reference)}
      />
    </td>
    <td class="reference">${ticket.reference}</td>
    <td class="subject">
      <button
        class="link row-button"
        type="button"
        tabindex=${active ? 0 : -1}
        data-index=${index}
        @focus=${() => handlers.onFocusRow(index)}
        @click=${() => handlers.onOpen(ticket.reference)}
      >
        ${ticket.subject}
      </button>
      ${failure ? html`<span class="row-error" part="row-error">${failure}</span>` : nothing}
    </td>
    <td>${displayName(ticket.requester)}</td>
    <td>
      <span class="chip status-${ticket.status}" part="status">${statusLabel(ticket.status)}</span>
    </td>
    <td>
      <span class="chip priority-${ticket.priority}">${priorityLabel(ticket.priority)}</span>
    </td>
    <td>${agentName(ticket.assigneeId, state.agents)}</td>
    <td>
      <escalated-sla-badge
        part="sla"
        .ticket=${ticket}
        locale=${state.locale}
      ></escalated-sla-badge>
    </td>
  </tr>`;
}
