import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import type { Announcer, RequestScope } from '../shared/controllers.js';
import type { AdminApi } from './admin-api.js';
import type { ConfigMeta } from './admin-types.js';
import type { AnyCollectionSpec, OneTimeValue, RowAction } from './collection-spec.js';

/** Returns the selector of `control` in the table row of the item `id`. */
export function rowSelector(id: string, control: string): string {
  return `tr[data-id="${CSS.escape(id)}"] ${control}`;
}

/** The parts of the collection panel that the row buttons read and act on. */
export interface RowActionsPanel {
  /** Returns the admin API client, or null before the context provides one. */
  api: () => AdminApi | null;
  /** Moves focus to the first element matching `selector`, after rendering. */
  focus: (selector: string) => Promise<void>;
  /** Shows a value that the API returns only once. */
  reveal: (value: OneTimeValue) => void;
  /** Drops `item` from the table once the API has deleted it. */
  removeItem: (item: ConfigMeta) => void;
  startEdit: (spec: AnyCollectionSpec, item: ConfigMeta) => void;
  openDetail: (item: ConfigMeta) => void;
}

interface RowState {
  /** Id of the item whose deletion waits for confirmation. */
  confirmingId: string | null;
  deletingId: string | null;
  /** Error message per item id, shown in that item's row. */
  rowErrors: Record<string, string>;
  /** Row action waiting for confirmation: the item's id and the action's index in the spec. */
  pendingAction: { id: string; index: number } | null;
  runningActionId: string | null;
}

/**
 * The buttons in each row of a collection's table: Edit, the detail view, the spec's row
 * actions and Delete. Deleting, and a row action with a question, ask for confirmation in the
 * row, and a failure such as 409 `config.inUse` shows in the row.
 */
export class RowActions {
  private state: RowState = {
    confirmingId: null,
    deletingId: null,
    rowErrors: {},
    pendingAction: null,
    runningActionId: null,
  };

  /** @param requests - The panel's request scope, so disconnecting aborts a running action. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly requests: RequestScope,
    private readonly announcer: Announcer,
    private readonly panel: RowActionsPanel,
  ) {}

  /** Renders the buttons or the open confirmation of `item`'s row, and its error. */
  render(spec: AnyCollectionSpec, item: ConfigMeta): TemplateResult {
    const name = spec.nameOf(item);
    const error = this.state.rowErrors[item.id];
    const pending = this.state.pendingAction?.id === item.id ? this.state.pendingAction : null;
    const action = pending ? spec.rowActions?.[pending.index] : undefined;
    let buttons: TemplateResult;
    if (this.state.confirmingId === item.id) buttons = this.renderDeleteConfirm(spec, item);
    else if (action) buttons = this.renderActionConfirm(item, action);
    else buttons = this.renderRowButtons(spec, item, name);
    return html`<div class="actions-row">${buttons}</div>
      ${error ? html`<div class="error row-error" role="alert">${error}</div>` : nothing}`;
  }

  /** Closes an open delete confirmation, as opening the editor does. */
  closeDeleteConfirm(): void {
    this.set({ confirmingId: null });
  }

  private renderRowButtons(spec: AnyCollectionSpec, item: ConfigMeta, name: string) {
    const builtIn = spec.builtInIds?.includes(item.id) ?? false;
    const verb = spec.deleteWords?.verb ?? 'Delete';
    const hiddenName = html`<span class="visually-hidden"> ${name}</span>`;
    return html`${
      spec.editable === false
        ? nothing
        : html`<button class="edit" type="button" @click=${() => this.panel.startEdit(spec, item)}>
            Edit${hiddenName}
          </button>`
    }
    ${
      spec.detail
        ? html`<button class="detail" type="button" @click=${() => this.panel.openDetail(item)}>
            ${spec.detail.label}${hiddenName}
          </button>`
        : nothing
    }
    ${(spec.rowActions ?? []).map(
      (action, index) =>
        html`<button
          class=${action.className}
          type="button"
          ?disabled=${this.state.runningActionId === item.id}
          @click=${() => this.startAction(item, action, index)}
        >
          ${action.label}${hiddenName}
        </button>`,
    )}
    ${
      builtIn
        ? html`<span class="chip">Built in</span>`
        : html`<button class="delete" type="button" @click=${() => this.askDelete(item.id)}>
            ${verb}${hiddenName}
          </button>`
    }`;
  }

  private renderDeleteConfirm(spec: AnyCollectionSpec, item: ConfigMeta): TemplateResult {
    const name = spec.nameOf(item);
    const verb = spec.deleteWords?.verb ?? 'Delete';
    const deleting = this.state.deletingId === item.id;
    return html`<span class="confirm" role="group" aria-label="Confirm: ${verb} ${name}">
      <span>${verb} “${name}”?</span>
      <button
        class="danger confirm-delete"
        type="button"
        ?disabled=${deleting}
        @click=${() => this.deleteItem(spec, item)}
      >
        ${deleting ? 'Working…' : verb}
      </button>
      <button class="cancel-delete" type="button" @click=${() => this.cancelDelete(item.id)}>
        Keep
      </button>
    </span>`;
  }

  private renderActionConfirm(item: ConfigMeta, action: RowAction<ConfigMeta>): TemplateResult {
    const question = action.confirm?.(item) ?? `${action.label}?`;
    const running = this.state.runningActionId === item.id;
    return html`<span class="confirm" role="group" aria-label=${question}>
      <span>${question}</span>
      <button
        class="danger confirm-action"
        type="button"
        ?disabled=${running}
        @click=${() => this.runAction(item, action)}
      >
        ${running ? 'Working…' : action.label}
      </button>
      <button class="cancel-action" type="button" @click=${() => this.cancelAction(item, action)}>
        Cancel
      </button>
    </span>`;
  }

  private startAction(item: ConfigMeta, action: RowAction<ConfigMeta>, index: number): void {
    this.set({ confirmingId: null });
    if (!action.confirm) {
      void this.runAction(item, action);
      return;
    }
    this.set({ pendingAction: { id: item.id, index } });
    void this.panel.focus(rowSelector(item.id, '.confirm-action'));
  }

  private cancelAction(item: ConfigMeta, action: RowAction<ConfigMeta>): void {
    this.set({ pendingAction: null });
    void this.panel.focus(rowSelector(item.id, `.${CSS.escape(action.className)}`));
  }

  private async runAction(item: ConfigMeta, action: RowAction<ConfigMeta>): Promise<void> {
    const api = this.panel.api();
    if (!api || this.state.runningActionId) return;
    const { [item.id]: _dropped, ...rest } = this.state.rowErrors;
    this.set({ runningActionId: item.id, rowErrors: rest });
    try {
      const result = await action.run(item, api, this.requests.start('row-action'));
      this.set({ pendingAction: null });
      void this.announcer.say(result.message);
      if (result.reveal) this.panel.reveal(result.reveal);
    } catch (error) {
      if (isAbortError(error)) return;
      const rowErrors = { ...this.state.rowErrors, [item.id]: errorMessage(error) };
      this.set({ pendingAction: null, rowErrors });
    } finally {
      this.set({ runningActionId: null });
    }
  }

  private askDelete(id: string): void {
    const { [id]: _dropped, ...rest } = this.state.rowErrors;
    this.set({ confirmingId: id, pendingAction: null, rowErrors: rest });
    void this.panel.focus(rowSelector(id, '.confirm-delete'));
  }

  private cancelDelete(id: string): void {
    this.set({ confirmingId: null });
    void this.panel.focus(rowSelector(id, '.delete'));
  }

  private async deleteItem(spec: AnyCollectionSpec, item: ConfigMeta): Promise<void> {
    const api = this.panel.api();
    if (!api || this.state.deletingId) return;
    this.set({ deletingId: item.id });
    const signal = this.requests.start('delete');
    try {
      await api.remove(spec.collection, item.id, { signal });
      this.panel.removeItem(item);
      this.set({ confirmingId: null });
      const done = spec.deleteWords?.done ?? 'Deleted';
      void this.announcer.say(`${done} ${spec.noun} “${spec.nameOf(item)}”.`);
      await this.panel.focus('#list-heading');
    } catch (error) {
      if (isAbortError(error)) return;
      const rowErrors = { ...this.state.rowErrors, [item.id]: errorMessage(error) };
      this.set({ confirmingId: null, rowErrors });
      await this.panel.focus(rowSelector(item.id, '.delete'));
    } finally {
      this.set({ deletingId: null });
    }
  }

  private set(change: Partial<RowState>): void {
    this.state = { ...this.state, ...change };
    this.host.requestUpdate();
  }
}
