import { css, html, nothing, type TemplateResult } from 'lit';
import {
  PRIORITIES,
  type BulkAction,
  type BulkResult,
  type TagDefinition,
  type UserSummary,
} from '../shared/api-types.js';
import { countOf, displayName, priorityLabel } from '../shared/format.js';
import { statusLabel, TICKET_STATUSES } from '../shared/status.js';

/** Most tickets one bulk request may change, as the API allows. */
export const BULK_LIMIT = 100;

/** Styles of the bulk action bar and of rows marked by a failed bulk action. */
export const bulkStyles = css`
  .bulk-bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm) var(--escalated-space-md);
    align-items: end;
    padding: var(--escalated-space-sm) var(--escalated-space-md);
    margin-block-end: var(--escalated-space-md);
    border: var(--escalated-border-width) solid var(--escalated-color-primary);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-surface-muted);
  }

  .bulk-bar .field select,
  .bulk-bar .field input {
    width: auto;
  }

  .bulk-bar .inline-form {
    display: flex;
    gap: var(--escalated-space-xs);
    align-items: end;
  }

  .bulk-bar .confirm {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-xs);
    align-items: center;
    font-weight: 600;
  }

  .bulk-summary {
    margin-block-end: var(--escalated-space-md);
  }

  tr.failed {
    background: var(--escalated-color-danger-surface);
  }

  .row-error {
    display: block;
    color: var(--escalated-color-danger-text);
    font-size: var(--escalated-font-size-sm);
  }

  td.select,
  th.select {
    inline-size: 2.5em;
  }

  td.select input,
  th.select input {
    width: auto;
  }
`;

/** The tickets chosen for a bulk action and the outcome of the last one. */
export interface BulkState {
  selected: ReadonlySet<string>;
  /** Error message per reference whose change failed in the last bulk action. */
  failures: ReadonlyMap<string, string>;
  /** "3 of 5 updated." after a bulk action, else empty. */
  summary: string;
  running: boolean;
  confirmingDelete: boolean;
}

/** A bulk state with nothing selected. */
export const EMPTY_BULK: BulkState = {
  selected: new Set(),
  failures: new Map(),
  summary: '',
  running: false,
  confirmingDelete: false,
};

/** Callbacks of the bulk action bar. */
export interface BulkHandlers {
  onAction: (action: BulkAction, value?: string | string[] | null) => void;
  onClear: () => void;
  onAskDelete: () => void;
  onCancelDelete: () => void;
}

/**
 * Summarises a bulk result as "3 of 5 updated." and returns the error message of each
 * ticket that failed, by reference.
 */
export function summariseBulk(result: BulkResult): {
  summary: string;
  failures: Map<string, string>;
} {
  const failures = new Map<string, string>();
  for (const item of result.results) {
    if (!item.ok) failures.set(item.reference, item.error.message);
  }
  const total = result.results.length;
  return { summary: `${result.updated} of ${total} updated.`, failures };
}

/**
 * Renders the bar of actions on the selected tickets: assign, status, priority, add tag,
 * close, and for admins delete, which requests confirmation first. Selects apply their action
 * as soon as a value is picked.
 */
export function renderBulkBar(
  state: BulkState,
  lookups: { agents: readonly UserSummary[]; tags: readonly TagDefinition[] },
  isAdmin: boolean,
  handlers: BulkHandlers,
): TemplateResult | typeof nothing {
  const count = state.selected.size;
  if (count === 0) return nothing;
  const disabled = state.running;
  const pick = (action: BulkAction) => (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const value = select.value;
    select.value = '';
    if (value) handlers.onAction(action, value);
  };
  return html`<div class="bulk-bar" part="bulk-bar" role="group" aria-label="Bulk actions">
    <span class="bulk-count"><strong>${countOf(count, 'ticket')} selected</strong></span>
    <div class="field">
      <label for="bulk-assign">Assign</label>
      <select id="bulk-assign" ?disabled=${disabled} @change=${pickAssignee(handlers)}>
        <option value="">Choose…</option>
        <option value="-">Unassign</option>
        ${lookups.agents.map(
          (agent) => html`<option value=${agent.id}>${displayName(agent)}</option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="bulk-status">Status</label>
      <select id="bulk-status" ?disabled=${disabled} @change=${pick('status')}>
        <option value="">Choose…</option>
        ${TICKET_STATUSES.map((status) => html`<option value=${status}>${statusLabel(status)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="bulk-priority">Priority</label>
      <select id="bulk-priority" ?disabled=${disabled} @change=${pick('priority')}>
        <option value="">Choose…</option>
        ${PRIORITIES.map((priority) => html`<option value=${priority}>${priorityLabel(priority)}</option>`)}
      </select>
    </div>
    <form class="inline-form" novalidate @submit=${addTag(handlers)}>
      <div class="field">
        <label for="bulk-tag">Add tag</label>
        <input id="bulk-tag" name="tag" list="bulk-tag-options" autocomplete="off" />
        <datalist id="bulk-tag-options">
          ${lookups.tags.map((tag) => html`<option value=${tag.name}></option>`)}
        </datalist>
      </div>
      <button type="submit" ?disabled=${disabled}>Add</button>
    </form>
    <button type="button" ?disabled=${disabled} @click=${() => handlers.onAction('close')}>
      Close tickets
    </button>
    ${isAdmin ? renderDelete(state, count, handlers) : nothing}
    <button type="button" ?disabled=${disabled} @click=${handlers.onClear}>Clear selection</button>
  </div>`;
}

function pickAssignee(handlers: BulkHandlers) {
  return (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const value = select.value;
    select.value = '';
    if (value === '-') handlers.onAction('unassign');
    else if (value) handlers.onAction('assign', value);
  };
}

function addTag(handlers: BulkHandlers) {
  return (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('tag') as HTMLInputElement;
    const name = input.value.trim();
    if (!name) {
      input.focus();
      return;
    }
    input.value = '';
    handlers.onAction('add_tags', [name]);
  };
}

function renderDelete(state: BulkState, count: number, handlers: BulkHandlers): TemplateResult {
  if (!state.confirmingDelete) {
    return html`<button
      type="button"
      id="bulk-delete"
      ?disabled=${state.running}
      @click=${handlers.onAskDelete}
    >
      Delete tickets
    </button>`;
  }
  return html`<span class="confirm" role="group" aria-labelledby="bulk-delete-question">
    <span id="bulk-delete-question">Delete ${countOf(count, 'ticket')}?</span>
    <button
      type="button"
      class="primary"
      id="bulk-delete-confirm"
      ?disabled=${state.running}
      @click=${() => handlers.onAction('delete')}
    >
      Yes, delete
    </button>
    <button type="button" @click=${handlers.onCancelDelete}>Keep them</button>
  </span>`;
}
