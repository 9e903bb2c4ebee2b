import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import { countOf } from '../shared/format.js';
import type { AdminApi } from './admin-api.js';
import { AdminPanel, type LoadState } from './admin-panel.js';
import type { ConfigMeta } from './admin-types.js';
import type {
  AnyCollectionSpec,
  LookupName,
  Lookups,
  OneTimeValue,
  RowAction,
} from './collection-spec.js';
import { FormErrors, type FieldMessages } from './form-controls.js';

interface Editor {
  /** Id of the item being edited, or null for a new one. */
  id: string | null;
  name: string;
  draft: object;
}

function emptyLookups(): Lookups {
  return { agents: [], departments: [], calendars: [], policies: [] };
}

/** Loads the named lookup lists. A list that fails to load stays empty, so the form still works. */
async function loadLookups(
  api: AdminApi,
  names: readonly LookupName[],
  signal: AbortSignal,
): Promise<Lookups> {
  const lookups = emptyLookups();
  const loaders: Record<LookupName, () => Promise<void>> = {
    agents: async () => void (lookups.agents = await api.listAgents({ signal })),
    departments: async () => void (lookups.departments = await api.list('departments', { signal })),
    calendars: async () => void (lookups.calendars = await api.list('calendars', { signal })),
    policies: async () => void (lookups.policies = await api.list('sla-policies', { signal })),
  };
  await Promise.all(
    names.map((name) =>
      loaders[name]().catch((error: unknown) => {
        if (isAbortError(error)) throw error;
      }),
    ),
  );
  return lookups;
}

function rowSelector(id: string, control: string): string {
  return `tr[data-id="${CSS.escape(id)}"] ${control}`;
}

/**
 * One admin collection: a table of its items with edit and delete, and an editor that
 * replaces the table while an item is created or changed. The table's columns and the form's
 * controls come from the `spec` property. Esc or Cancel closes the editor and focus returns
 * to the button that opened it. Deleting asks for confirmation in the row and shows the API's
 * refusal (such as 409 `config.inUse`) there.
 *
 * @summary Table and editor of one admin collection.
 * @tagname escalated-admin-collection
 * @csspart list - The table of items.
 * @csspart row - One item in the table.
 * @csspart editor - The create or edit form.
 * @csspart form-error - The summary of what blocked saving.
 * @csspart field-error - The message under a control.
 */
export class EscalatedAdminCollection extends AdminPanel {
  /** Description of the collection: its columns, form, checks and request body. */
  @property({ attribute: false }) spec: AnyCollectionSpec | undefined;

  @state() private items: ConfigMeta[] = [];
  @state() private listState: LoadState = 'idle';
  @state() private listError = '';
  @state() private lookups: Lookups = emptyLookups();
  @state() private editor: Editor | null = null;
  @state() private fieldMessages: FieldMessages = {};
  @state() private formMessage = '';
  @state() private saving = false;
  @state() private confirmingId: string | null = null;
  @state() private deletingId: string | null = null;
  @state() private rowErrors: Record<string, string> = {};
  @state() private revealed: OneTimeValue | null = null;
  @state() private copyStatus = '';
  /** Row action waiting for confirmation: the item's id and the action's index in the spec. */
  @state() private pendingAction: { id: string; index: number } | null = null;
  @state() private runningActionId: string | null = null;
  @state() private detailItem: ConfigMeta | null = null;

  /** Selector of the control that gets focus back when the editor closes. */
  private returnFocusTo = '';

  protected override get reloadOn(): readonly string[] {
    return ['api', 'spec'];
  }

  protected override async load(quiet = false): Promise<void> {
    const { api, spec } = this;
    if (!api || !spec) return;
    const signal = this.requests.start('list');
    if (!quiet) this.listState = 'loading';
    try {
      const [items, lookups] = await Promise.all([
        api.list(spec.collection, { signal }),
        loadLookups(api, spec.lookups, signal),
      ]);
      this.items = spec.compare ? [...items].sort((a, b) => spec.compare!(a, b)) : items;
      this.lookups = lookups;
      this.listState = 'ready';
    } catch (error) {
      if (isAbortError(error)) return;
      this.listError = errorMessage(error);
      this.listState = 'error';
    }
  }

  override render(): TemplateResult | typeof nothing {
    const spec = this.spec;
    if (!spec) return nothing;
    return html`${this.renderView(spec)} ${this.announcer.render()}`;
  }

  private renderView(spec: AnyCollectionSpec): TemplateResult {
    if (this.editor) return this.renderEditor(spec, this.editor);
    if (this.detailItem && spec.detail) {
      return html`<div class="panel-header">
          <h3 id="detail-heading" tabindex="-1">${spec.detail.heading(this.detailItem)}</h3>
          <button class="back" type="button" @click=${this.closeDetail}>
            Back to ${spec.title.toLowerCase()}
          </button>
        </div>
        ${spec.detail.render(this.detailItem)}`;
    }
    return this.renderList(spec);
  }

  /** Renders the value the API showed once, until the admin dismisses it. */
  private renderRevealed(): TemplateResult | typeof nothing {
    const revealed = this.revealed;
    if (!revealed) return nothing;
    return html`<section class="one-time" aria-labelledby="one-time-heading">
      <h4 id="one-time-heading" tabindex="-1">${revealed.label}</h4>
      <p>Copy it now and store it safely. It will not be shown again.</p>
      <code class="one-time-value">${revealed.value}</code>
      <div class="actions-row">
        <button class="copy" type="button" @click=${this.copyRevealed}>Copy</button>
        <button class="dismiss" type="button" @click=${this.dismissRevealed}>
          I have stored it
        </button>
        <span class="copy-status" role="status">${this.copyStatus}</span>
      </div>
    </section>`;
  }

  private async copyRevealed(): Promise<void> {
    const revealed = this.revealed;
    if (!revealed) return;
    try {
      await navigator.clipboard.writeText(revealed.value);
      this.copyStatus = 'Copied.';
    } catch {
      this.copyStatus = 'Copying failed. Select the text and copy it yourself.';
    }
  }

  private dismissRevealed(): void {
    this.revealed = null;
    this.copyStatus = '';
    void this.focusLater('#list-heading');
  }

  private reveal(value: OneTimeValue): void {
    this.revealed = value;
    this.copyStatus = '';
    void this.focusLater('#one-time-heading');
  }

  private openDetail(item: ConfigMeta): void {
    this.detailItem = item;
    this.returnFocusTo = rowSelector(item.id, '.detail');
    void this.focusLater('#detail-heading');
  }

  private closeDetail(): void {
    this.detailItem = null;
    void this.restoreFocus();
  }

  private renderList(spec: AnyCollectionSpec): TemplateResult {
    return html`<div class="panel-header">
        <h3 id="list-heading" tabindex="-1">${spec.title}</h3>
        <button
          class="primary new-item"
          type="button"
          ?disabled=${this.listState !== 'ready'}
          @click=${this.startCreate}
        >
          New ${spec.noun}
        </button>
      </div>
      ${this.renderRevealed()} ${this.renderItems(spec)}`;
  }

  private renderItems(spec: AnyCollectionSpec): TemplateResult {
    if (this.listState === 'error') {
      return html`<div class="error" role="alert">
        <span>${this.listError}</span>
        <button type="button" @click=${() => this.load()}>Try again</button>
      </div>`;
    }
    if (this.listState !== 'ready') {
      return html`<p class="muted" aria-busy="true">Loading ${spec.title.toLowerCase()}…</p>`;
    }
    if (this.items.length === 0) {
      return html`<div class="empty" part="empty">
        <p>No ${spec.title.toLowerCase()} yet. Use “New ${spec.noun}” to add one.</p>
      </div>`;
    }
    return html`<div class="table-wrap">
      <table part="list">
        <caption class="visually-hidden">
          ${spec.title}
        </caption>
        <thead>
          <tr>
            ${spec.columns.map((column) => html`<th scope="col">${column.header}</th>`)}
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.items.map((item) => this.renderRow(spec, item))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(spec: AnyCollectionSpec, item: ConfigMeta): TemplateResult {
    return html`<tr part="row" data-id=${item.id}>
      ${spec.columns.map((column) => html`<td>${column.cell(item, this.lookups)}</td>`)}
      <td class="actions">${this.renderRowActions(spec, item)}</td>
    </tr>`;
  }

  private renderRowActions(spec: AnyCollectionSpec, item: ConfigMeta): TemplateResult {
    const name = spec.nameOf(item);
    const error = this.rowErrors[item.id];
    const pending = this.pendingAction?.id === item.id ? this.pendingAction : null;
    const action = pending ? spec.rowActions?.[pending.index] : undefined;
    let buttons: TemplateResult;
    if (this.confirmingId === item.id) buttons = this.renderDeleteConfirm(spec, item);
    else if (action) buttons = this.renderActionConfirm(item, action);
    else buttons = this.renderRowButtons(spec, item, name);
    return html`<div class="actions-row">${buttons}</div>
      ${error ? html`<div class="error row-error" role="alert">${error}</div>` : nothing}`;
  }

  private renderRowButtons(spec: AnyCollectionSpec, item: ConfigMeta, name: string) {
    const builtIn = spec.builtInIds?.includes(item.id) ?? false;
    const verb = spec.deleteWords?.verb ?? 'Delete';
    const hiddenName = html`<span class="visually-hidden"> ${name}</span>`;
    return html`${
      spec.editable === false
        ? nothing
        : html`<button class="edit" type="button" @click=${() => this.startEdit(spec, item)}>
            Edit${hiddenName}
          </button>`
    }
    ${
      spec.detail
        ? html`<button class="detail" type="button" @click=${() => this.openDetail(item)}>
            ${spec.detail.label}${hiddenName}
          </button>`
        : nothing
    }
    ${(spec.rowActions ?? []).map(
      (action, index) =>
        html`<button
          class=${action.className}
          type="button"
          ?disabled=${this.runningActionId === item.id}
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
    const deleting = this.deletingId === item.id;
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
    const running = this.runningActionId === item.id;
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
    this.confirmingId = null;
    if (!action.confirm) {
      void this.runAction(item, action);
      return;
    }
    this.pendingAction = { id: item.id, index };
    void this.focusLater(rowSelector(item.id, '.confirm-action'));
  }

  private cancelAction(item: ConfigMeta, action: RowAction<ConfigMeta>): void {
    this.pendingAction = null;
    void this.focusLater(rowSelector(item.id, `.${CSS.escape(action.className)}`));
  }

  private async runAction(item: ConfigMeta, action: RowAction<ConfigMeta>): Promise<void> {
    const api = this.api;
    if (!api || this.runningActionId) return;
    this.runningActionId = item.id;
    const { [item.id]: _dropped, ...rest } = this.rowErrors;
    this.rowErrors = rest;
    try {
      const result = await action.run(item, api, this.requests.start('row-action'));
      this.pendingAction = null;
      void this.announcer.say(result.message);
      if (result.reveal) this.reveal(result.reveal);
    } catch (error) {
      if (isAbortError(error)) return;
      this.pendingAction = null;
      this.rowErrors = { ...this.rowErrors, [item.id]: errorMessage(error) };
    } finally {
      this.runningActionId = null;
    }
  }

  private renderEditor(spec: AnyCollectionSpec, editor: Editor): TemplateResult {
    const errors = new FormErrors(this.fieldMessages, spec.collection);
    // The form is rendered first so that the summary lists only what no control showed.
    const fields = spec.renderForm({
      draft: editor.draft,
      errors,
      lookups: this.lookups,
      update: (change) => {
        change(editor.draft);
        this.requestUpdate();
      },
      showErrors: (fields, message) => {
        this.fieldMessages = fields;
        this.formMessage = message;
        void this.focusFirstProblem();
      },
    });
    const unshown = errors.unshown();
    const heading = editor.id ? `Edit ${spec.noun} “${editor.name}”` : `New ${spec.noun}`;
    return html`<section
      class="editor"
      part="editor"
      aria-labelledby="editor-heading"
      @keydown=${this.onEditorKeydown}
    >
      <h3 id="editor-heading" tabindex="-1">${heading}</h3>
      <form novalidate @submit=${this.onSubmit}>
        ${fields}
        ${
          this.formMessage || unshown.length > 0
            ? html`<div class="error form-error" role="alert" part="form-error">
                <p>${this.formMessage}</p>
                ${
                  unshown.length > 0
                    ? html`<ul>
                        ${unshown.map(([path, message]) => html`<li>${path}: ${message}</li>`)}
                      </ul>`
                    : nothing
                }
              </div>`
            : nothing
        }
        <div class="actions-row">
          <button class="primary save" type="submit" ?disabled=${this.saving}>
            ${this.saving ? 'Saving…' : 'Save'}
          </button>
          <button class="cancel" type="button" @click=${this.closeEditor}>Cancel</button>
        </div>
      </form>
    </section>`;
  }

  private startCreate(): void {
    const spec = this.spec;
    if (!spec) return;
    this.openEditor({ id: null, name: '', draft: spec.newDraft(this.session, this.lookups) });
    this.returnFocusTo = '.new-item';
  }

  private startEdit(spec: AnyCollectionSpec, item: ConfigMeta): void {
    this.openEditor({ id: item.id, name: spec.nameOf(item), draft: spec.draftOf(item) });
    this.returnFocusTo = rowSelector(item.id, '.edit');
  }

  private openEditor(editor: Editor): void {
    this.editor = editor;
    this.fieldMessages = {};
    this.formMessage = '';
    this.confirmingId = null;
    void this.focusLater('#editor-heading');
  }

  private closeEditor(): void {
    this.requests.start('save');
    this.editor = null;
    this.saving = false;
    void this.restoreFocus();
  }

  private async restoreFocus(): Promise<void> {
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>(this.returnFocusTo) ??
      this.renderRoot.querySelector<HTMLElement>('#list-heading');
    target?.focus();
  }

  private onEditorKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.closeEditor();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { api, spec, editor } = this;
    if (!api || !spec || !editor || this.saving) return;

    const problems = spec.validate(editor.draft, this.lookups);
    const count = Object.keys(problems).length;
    if (count > 0) {
      this.fieldMessages = problems;
      this.formMessage = `Nothing was saved. Correct ${countOf(count, 'field')} and save again.`;
      await this.focusFirstProblem();
      return;
    }

    this.fieldMessages = {};
    this.formMessage = '';
    this.saving = true;
    const signal = this.requests.start('save');
    try {
      const payload = spec.payloadOf(editor.draft);
      const saved = editor.id
        ? await api.update(spec.collection, editor.id, payload, { signal })
        : await api.create(spec.collection, payload, { signal });
      this.saving = false;
      this.editor = null;
      this.returnFocusTo = rowSelector(saved.id, spec.editable === false ? '.delete' : '.edit');
      // The create response is the only one that contains a secret or key, so it is kept now.
      const revealed = editor.id ? undefined : spec.revealOnCreate?.(saved);
      await this.load(true);
      void this.announcer.say(`Saved ${spec.noun} “${spec.nameOf(saved)}”.`);
      if (revealed) this.reveal(revealed);
      else await this.restoreFocus();
    } catch (error) {
      if (isAbortError(error)) return;
      this.saving = false;
      this.fieldMessages = fieldErrors(error);
      this.formMessage = `Nothing was saved. ${errorMessage(error)}`;
      await this.focusFirstProblem();
    }
  }

  /**
   * Focuses the first control with a message: an invalid control itself, or the first control
   * of a row or group whose message is about the row as a whole (an overlapping interval).
   */
  private async focusFirstProblem(): Promise<void> {
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>(
      '[aria-invalid="true"], .field-error:not(:empty)',
    );
    const control = first?.matches('.field-error')
      ? first.closest('.row, .field')?.querySelector<HTMLElement>('input, select, textarea')
      : first;
    (control ?? this.renderRoot.querySelector<HTMLElement>('#editor-heading'))?.focus();
  }

  private askDelete(id: string): void {
    this.confirmingId = id;
    this.pendingAction = null;
    const { [id]: _dropped, ...rest } = this.rowErrors;
    this.rowErrors = rest;
    void this.focusLater(rowSelector(id, '.confirm-delete'));
  }

  private cancelDelete(id: string): void {
    this.confirmingId = null;
    void this.focusLater(rowSelector(id, '.delete'));
  }

  private async deleteItem(spec: AnyCollectionSpec, item: ConfigMeta): Promise<void> {
    const api = this.api;
    if (!api || this.deletingId) return;
    this.deletingId = item.id;
    const signal = this.requests.start('delete');
    try {
      await api.remove(spec.collection, item.id, { signal });
      this.items = this.items.filter((candidate) => candidate.id !== item.id);
      this.confirmingId = null;
      const done = spec.deleteWords?.done ?? 'Deleted';
      void this.announcer.say(`${done} ${spec.noun} “${spec.nameOf(item)}”.`);
      await this.focusLater('#list-heading');
    } catch (error) {
      if (isAbortError(error)) return;
      this.confirmingId = null;
      this.rowErrors = { ...this.rowErrors, [item.id]: errorMessage(error) };
      await this.focusLater(rowSelector(item.id, '.delete'));
    } finally {
      this.deletingId = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-collection': EscalatedAdminCollection;
  }
}
