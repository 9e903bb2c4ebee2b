import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import {
  DEFAULT_PRIORITY,
  PRIORITIES,
  PRIORITY_LABELS,
  type CreateTicketInput,
  type Priority,
} from '../shared/api-types.js';
import { baseStyles } from '../shared/base-styles.js';
import type { EscalatedClient } from '../shared/client.js';
import { clientContext } from '../shared/context.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { emit } from '../shared/events.js';
import { renderFieldError } from '../shared/form-field.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import { isValid, validateTicketDraft, type FieldErrors } from '../shared/validation.js';
import { ESCALATED_VERSION } from '../shared/version.js';
import { formStyles } from './portal.styles.js';

/** A department the customer may file a ticket under. */
export interface DepartmentOption {
  id: string;
  name: string;
}

// Fields of the form in display order, so the first invalid one receives focus.
const FIELD_ORDER = ['subject', 'body', 'priority', 'departmentId'] as const;

/**
 * The customer's "new ticket" form, used inside `<escalated-portal>`. It validates like the
 * API does before sending, shows the API's per-field messages, and reuses the idempotency key
 * when the same content is submitted again after a failure.
 *
 * @summary Form that opens a support ticket.
 * @csspart form - The form element.
 * @csspart field-error - The error line under a field.
 * @fires escalated-ticket-created - `{ reference }` after the API has created the ticket.
 * @since 0.1.0
 */
export class EscalatedTicketForm extends LitElement {
  static readonly escalatedVersion = ESCALATED_VERSION;

  static override styles = [baseStyles, formStyles];

  /** Departments to offer. The department field is hidden when the list is empty. */
  @property({ attribute: false }) departments: readonly DepartmentOption[] = [];

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client: EscalatedClient | null = null;

  @state() private errors: FieldErrors = {};
  @state() private formError = '';
  @state() private submitting = false;

  @query('form') private form!: HTMLFormElement;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private readonly keys = new IdempotencyKeys();

  /** Moves focus to the subject field. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#subject')?.focus();
  }

  override render(): TemplateResult {
    return html`<form part="form" class="stack" novalidate @submit=${this.onSubmit}>
      <p class="hint">All fields are required unless marked optional.</p>
      ${
        this.formError
          ? html`<div class="error" role="alert" part="form-error">${this.formError}</div>`
          : nothing
      }
      <div class="field">
        <label for="subject">Subject</label>
        <input
          id="subject"
          name="subject"
          autocomplete="off"
          aria-invalid=${this.errors.subject ? 'true' : 'false'}
          aria-describedby="subject-error"
        />
        ${renderFieldError('subject-error', this.errors.subject)}
      </div>
      <div class="field">
        <label for="body">How can we help?</label>
        <textarea
          id="body"
          name="body"
          aria-invalid=${this.errors.body ? 'true' : 'false'}
          aria-describedby="body-error"
        ></textarea>
        ${renderFieldError('body-error', this.errors.body)}
      </div>
      ${this.renderPriority()} ${this.renderDepartment()}
      <div class="toolbar" part="toolbar">
        <button class="primary" type="submit" ?disabled=${this.submitting || !this.client}>
          ${this.submitting ? 'Submitting…' : 'Submit ticket'}
        </button>
      </div>
      ${this.announcer.render()}
    </form>`;
  }

  private renderPriority(): TemplateResult {
    return html`<div class="field">
      <label for="priority">Priority</label>
      <select id="priority" name="priority" aria-describedby="priority-error">
        ${PRIORITIES.map(
          (priority) =>
            html`<option value=${priority} ?selected=${priority === DEFAULT_PRIORITY}>
              ${PRIORITY_LABELS[priority]}
            </option>`,
        )}
      </select>
      ${renderFieldError('priority-error', this.errors.priority)}
    </div>`;
  }

  private renderDepartment(): TemplateResult | typeof nothing {
    if (this.departments.length === 0) return nothing;
    return html`<div class="field">
      <label for="departmentId">Department (optional)</label>
      <select id="departmentId" name="departmentId" aria-describedby="departmentId-error">
        <option value="">Not sure</option>
        ${this.departments.map((department) => html`<option value=${department.id}>${department.name}</option>`)}
      </select>
      ${renderFieldError('departmentId-error', this.errors.departmentId)}
    </div>`;
  }

  private readDraft(): CreateTicketInput {
    const data = new FormData(this.form);
    const draft: CreateTicketInput = {
      subject: String(data.get('subject') ?? '').trim(),
      body: String(data.get('body') ?? '').trim(),
      priority: String(data.get('priority') ?? DEFAULT_PRIORITY) as Priority,
    };
    const departmentId = String(data.get('departmentId') ?? '');
    if (departmentId) draft.departmentId = departmentId;
    return draft;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this.submitting) return;
    const draft = this.readDraft();
    this.formError = '';
    this.errors = validateTicketDraft(draft);
    if (!isValid(this.errors)) {
      await this.focusFirstInvalid();
      return;
    }
    await this.submit(client, draft);
  }

  private async submit(client: EscalatedClient, draft: CreateTicketInput): Promise<void> {
    this.submitting = true;
    try {
      const idempotencyKey = this.keys.keyFor(draft);
      const signal = this.requests.start('create');
      const { ticket } = await client.createTicket(draft, { signal, idempotencyKey });
      this.keys.complete();
      this.form.reset();
      void this.announcer.say(`Ticket ${ticket.reference} created.`);
      emit(this, 'escalated-ticket-created', { reference: ticket.reference });
    } catch (error) {
      if (isAbortError(error)) return;
      this.errors = { ...fieldErrors(error) };
      this.formError = errorMessage(error);
      await this.focusFirstInvalid();
    } finally {
      this.submitting = false;
    }
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const field = FIELD_ORDER.find((name) => this.errors[name]);
    if (field) this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-ticket-form': EscalatedTicketForm;
  }
}
