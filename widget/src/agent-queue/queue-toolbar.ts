import { html, nothing, type TemplateResult } from 'lit';
import { statusLabel, TICKET_STATUSES } from '../shared/status.js';
import {
  effectiveSort,
  QUEUE_SORTS,
  QUEUE_VIEWS,
  SORT_LABELS,
  VIEW_LABELS,
  type QueueView,
} from './queue-query.js';

/** The toolbar's current choices. */
export interface QueueToolbarState {
  view: string;
  sort: string;
  status: string;
}

/** Callbacks of the toolbar's controls. */
export interface QueueToolbarHandlers {
  onView: (view: QueueView) => void;
  onStatus: (event: Event) => void;
  onSort: (event: Event) => void;
  onRefresh: () => void;
}

/** Renders the queue's quick-view buttons, status filter, sort select and refresh button. */
export function renderQueueToolbar(
  state: QueueToolbarState,
  handlers: QueueToolbarHandlers,
): TemplateResult {
  return html`<div class="toolbar" part="toolbar">
    <div class="views" role="group" aria-label="Queue view">
      ${QUEUE_VIEWS.map(
        (view) =>
          html`<button
            type="button"
            aria-pressed=${view === state.view ? 'true' : 'false'}
            @click=${() => handlers.onView(view)}
          >
            ${VIEW_LABELS[view]}
          </button>`,
      )}
    </div>
    <div class="status-filter">
      <label for="status-filter">Status</label>
      <select id="status-filter" @change=${handlers.onStatus}>
        <option value="" ?selected=${!state.status}>Any open status</option>
        ${TICKET_STATUSES.map(
          (status) =>
            html`<option value=${status} ?selected=${status === state.status}>
              ${statusLabel(status)}
            </option>`,
        )}
      </select>
    </div>
    ${renderSort(state, handlers)}
    <button type="button" @click=${handlers.onRefresh}>Refresh</button>
  </div>`;
}

/** Renders the sort select, which the SLA breaching view disables because its order is fixed. */
function renderSort(state: QueueToolbarState, handlers: QueueToolbarHandlers): TemplateResult {
  const fixed = state.view === 'sla_breaching';
  const selectedSort = effectiveSort(state.view, state.sort);
  return html`<div class="sort">
    <label for="sort">Sort by</label>
    <select
      id="sort"
      ?disabled=${fixed}
      aria-describedby=${fixed ? 'sort-hint' : nothing}
      @change=${handlers.onSort}
    >
      ${QUEUE_SORTS.map(
        (sort) =>
          html`<option value=${sort} ?selected=${sort === selectedSort}>
            ${SORT_LABELS[sort]}
          </option>`,
      )}
    </select>
    ${
      fixed
        ? html`<span id="sort-hint" class="hint">This view lists the most urgent first.</span>`
        : nothing
    }
  </div>`;
}
