import { html, nothing, type TemplateResult } from 'lit';
import type { LoadState } from './admin-panel.js';

/** An admin list's items and load state, and the texts and columns of its table. */
export interface ListView<Item> {
  state: LoadState;
  /** The error message of the last failed load, shown with a "Try again" button. */
  error: string;
  onRetry: () => void;
  /** Shown while the list loads, e.g. "Loading agents…". */
  loading: string;
  items: readonly Item[];
  /** Shown in place of the table when the list has no items. */
  empty: string;
  /** The table's caption, read by screen readers only. */
  caption: string;
  headers: readonly string[];
  /** Adds a last column for each row's buttons, headed "Actions" for screen readers only. */
  actionsColumn?: boolean;
  renderRow: (item: Item) => TemplateResult;
  /** Rendered after the table, such as a "Load more" button. */
  footer?: TemplateResult;
}

/**
 * Renders an admin list by its load state: the error with a retry button, the loading
 * message, the empty message, or the table of items (part `list`, one row per item).
 */
export function renderListView<Item>(view: ListView<Item>): TemplateResult {
  if (view.state === 'error') {
    return html`<div class="error" role="alert">
      <span>${view.error}</span>
      <button type="button" @click=${view.onRetry}>Try again</button>
    </div>`;
  }
  if (view.state !== 'ready') return html`<p class="muted" aria-busy="true">${view.loading}</p>`;
  if (view.items.length === 0) {
    return html`<div class="empty" part="empty"><p>${view.empty}</p></div>`;
  }
  return html`<div class="table-wrap">
      <table part="list">
        <caption class="visually-hidden">
          ${view.caption}
        </caption>
        <thead>
          <tr>
            ${view.headers.map((header) => html`<th scope="col">${header}</th>`)}
            ${
              view.actionsColumn
                ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>`
                : nothing
            }
          </tr>
        </thead>
        <tbody>
          ${view.items.map((item) => view.renderRow(item))}
        </tbody>
      </table>
    </div>
    ${view.footer ?? nothing}`;
}
