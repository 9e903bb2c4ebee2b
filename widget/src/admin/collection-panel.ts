import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import { countOf } from '../shared/format.js';
import { AdminPanel, type LoadState } from './admin-panel.js';
import type { ConfigMeta } from './admin-types.js';
import { emptyLookups, loadLookups } from './collection-lookups.js';
import { RowActions, rowSelector } from './collection-rows.js';
import type { AnyCollectionSpec, Lookups } from './collection-spec.js';
import { FormErrors, type FieldMessages } from './form-controls.js';
import { renderListView } from './list-view.js';
import { RevealedValue } from './revealed-value.js';

interface Editor {
  /** Id of the item being edited, or null for a new one. */
  id: string | null;
  name: string;
  draft: object;
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
  @state() private detailItem: ConfigMeta | null = null;

  private readonly revealed = new RevealedValue(this, (selector) => this.focusLater(selector));
  private readonly rows = new RowActions(this, this.requests, this.announcer, {
    api: () => this.api,
    focus: (selector) => this.focusLater(selector),
    reveal: (value) => this.revealed.show(value),
    removeItem: (item) => (this.items = this.items.filter((other) => other.id !== item.id)),
    startEdit: (spec, item) => this.startEdit(spec, item),
    openDetail: (item) => this.openDetail(item),
  });

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
      ${this.revealed.render()} ${this.renderItems(spec)}`;
  }

  private renderItems(spec: AnyCollectionSpec): TemplateResult {
    const title = spec.title.toLowerCase();
    return renderListView({
      state: this.listState,
      error: this.listError,
      onRetry: () => void this.load(),
      loading: `Loading ${title}…`,
      items: this.items,
      empty: `No ${title} yet. Use “New ${spec.noun}” to add one.`,
      caption: spec.title,
      headers: spec.columns.map((column) => column.header),
      actionsColumn: true,
      renderRow: (item) => this.renderRow(spec, item),
    });
  }

  private renderRow(spec: AnyCollectionSpec, item: ConfigMeta): TemplateResult {
    return html`<tr part="row" data-id=${item.id}>
      ${spec.columns.map((column) => html`<td>${column.cell(item, this.lookups)}</td>`)}
      <td class="actions">${this.rows.render(spec, item)}</td>
    </tr>`;
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
    this.rows.closeDeleteConfirm();
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
      if (revealed) this.revealed.show(revealed);
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
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-collection': EscalatedAdminCollection;
  }
}
