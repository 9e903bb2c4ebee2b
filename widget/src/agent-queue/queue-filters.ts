import { html, type TemplateResult } from 'lit';
import { PRIORITIES, type TagDefinition } from '../shared/api-types.js';
import { priorityLabel } from '../shared/format.js';

/** The extra filters' current values. Dates are calendar days such as `2026-01-13`. */
export interface QueueFilterValues {
  priority: string;
  tag: string;
  search: string;
  createdFrom: string;
  createdTo: string;
}

/** The filters a fresh queue starts with: none. */
export const NO_FILTERS: QueueFilterValues = {
  priority: '',
  tag: '',
  search: '',
  createdFrom: '',
  createdTo: '',
};

/** Callbacks of the filter controls. `onSearch` fires on every keystroke. */
export interface QueueFilterHandlers {
  onChange: (name: keyof QueueFilterValues, value: string) => void;
  onSearch: (value: string) => void;
  onClear: () => void;
}

/** Returns true when any filter is set. */
export function hasFilters(values: QueueFilterValues): boolean {
  return Object.values(values).some(Boolean);
}

/**
 * Renders the search box and the priority, tag and creation date filters. Tags are offered
 * from the catalogue and searched by name.
 */
export function renderQueueFilters(
  values: QueueFilterValues,
  tags: readonly TagDefinition[],
  handlers: QueueFilterHandlers,
): TemplateResult {
  const change = (name: keyof QueueFilterValues) => (event: Event) =>
    handlers.onChange(name, (event.target as HTMLInputElement | HTMLSelectElement).value);
  return html`<div class="filters" part="filters" role="search" aria-label="Filter tickets">
    <div class="filter search">
      <label for="search">Search</label>
      <input
        id="search"
        type="search"
        placeholder="Reference, subject or requester"
        .value=${values.search}
        @input=${(event: Event) => handlers.onSearch((event.target as HTMLInputElement).value)}
      />
    </div>
    <div class="filter">
      <label for="priority-filter">Priority</label>
      <select id="priority-filter" @change=${change('priority')}>
        <option value="" ?selected=${!values.priority}>Any priority</option>
        ${PRIORITIES.map(
          (priority) =>
            html`<option value=${priority} ?selected=${priority === values.priority}>
              ${priorityLabel(priority)}
            </option>`,
        )}
      </select>
    </div>
    <div class="filter">
      <label for="tag-filter">Tag</label>
      <select id="tag-filter" @change=${change('tag')}>
        <option value="" ?selected=${!values.tag}>Any tag</option>
        ${tags.map(
          (tag) =>
            html`<option value=${tag.name} ?selected=${tag.name === values.tag}>
              ${tag.name}
            </option>`,
        )}
      </select>
    </div>
    <div class="filter">
      <label for="created-from">Created from</label>
      <input
        id="created-from"
        type="date"
        .value=${values.createdFrom}
        max=${values.createdTo || '9999-12-31'}
        @change=${change('createdFrom')}
      />
    </div>
    <div class="filter">
      <label for="created-to">Created to</label>
      <input
        id="created-to"
        type="date"
        .value=${values.createdTo}
        min=${values.createdFrom || '1970-01-01'}
        @change=${change('createdTo')}
      />
    </div>
    <button type="button" ?disabled=${!hasFilters(values)} @click=${handlers.onClear}>
      Clear filters
    </button>
  </div>`;
}
