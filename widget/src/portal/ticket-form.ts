import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import {
  DEFAULT_PRIORITY,
  PRIORITIES,
  PRIORITY_LABELS,
  type CreateTicketInput,
  type GuestTicketResult,
  type Priority,
} from '../shared/api-types.js';
import { baseStyles } from '../shared/base-styles.js';
import type { EscalatedClient } from '../shared/client.js';
import { clientContext } from '../shared/context.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { emit } from '../shared/events.js';
import { renderFieldError } from '../shared/form-field.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import {
  isValid,
  validateGuestContact,
  validateTicketDraft,
  type FieldErrors,
} from '../shared/validation.js';
import { ESCALATED_VERSION } from '../shared/version.js';
import { formStyles } from './portal.styles.js';

/** A department the customer may file a ticket under. */
export interface DepartmentOption {
  id: string;
  name: string;
}

// Fields of the form in display order, so the first invalid one receives focus.
const FIELD_ORDER = ['name', 'email', 'subject', 'body', 'priority', 'departmentId'] as const;

/**
 * The customer's "new ticket" form, used inside `<escalated-portal>`. It validates like the
 * API does before sending, shows the API's per-field messages, and reuses the idempotency key
 * when the same content is submitted again after a failure. With `guest`, it also requests a
 * name and email address and opens the ticket through `POST /guest/tickets`.
 *
 * @summary Form that opens a support ticket.
 * @tagname escalated-ticket-form
 * @csspart form - The form element.
 * @csspart field-error - The error line under a field.
 * @fires {CustomEvent<TicketCreatedDetail>} escalated-ticket-created - `{ reference }` after the
 *   API has created the ticket.
 * @since 0.1.0
 */
export class EscalatedTicketForm extends LitElement {
  static readonly escalatedVersion = ESCALATED_VERSION;

  static override styles = [baseStyles, formStyles];

  /** Departments to offer. The department field is hidden when the list is empty. */
  @property({ attribute: false }) departments: readonly DepartmentOption[] = [];

  /** Requests name and email and creates a guest ticket, which needs no sign-in. */
  @property({ type: Boolean }) guest = false;

  /** Client without a token that sends the guest ticket, used when `guest` is set. */
  @property({ attribute: false }) guestClient: EscalatedClient | null = null;

  /** Receives the guest ticket and its access token after a guest ticket was created. */
  @property({ attribute: false }) onGuestCreated: ((result: GuestTicketResult) => void) | undefined;

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

  /** Moves focus to the first field. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>(this.guest ? '#name' : '#subject')?.focus();
  }

  private get activeClient(): EscalatedClient | null {
    return this.guest ? this.guestClient : this.client;
  }

  override render(): TemplateResult {
    return html`<form part="form" class="stack" novalidate @submit=${this.onSubmit}>
      <p class="hint">All fields are required unless marked optional.</p>
      ${
        this.formError
          ? html`<div class="error" role="alert" part="form-error">${this.formError}</div>`
          : nothing
      }
      ${this.guest ? this.renderContact() : nothing}
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
        <button class="primary" type="submit" ?disabled=${this.submitting || !this.activeClient}>
          ${this.submitting ? 'Submitting…' : 'Submit ticket'}
        </button>
      </div>
      ${this.announcer.render()}
    </form>`;
  }

  private renderContact(): TemplateResult {
    return html`<div class="field">
        <label for="name">Your name</label>
        <input
          id="name"
          name="name"
          autocomplete="name"
          aria-invalid=${this.errors.name ? 'true' : 'false'}
          aria-describedby="name-error"
        />
        ${renderFieldError('name-error', this.errors.name)}
      </div>
      <div class="field">
        <label for="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          aria-invalid=${this.errors.email ? 'true' : 'false'}
          aria-describedby="email-error"
        />
        ${renderFieldError('email-error', this.errors.email)}
      </div>`;
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

  private readContact(): { name: string; email: string } {
    const data = new FormData(this.form);
    return {
      name: String(data.get('name') ?? '').trim(),
      email: String(data.get('email') ?? '').trim(),
    };
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.activeClient;
    if (!client || this.submitting) return;
    const draft = this.readDraft();
    const contact = this.guest ? this.readContact() : undefined;
    this.formError = '';
    this.errors = {
      ...(contact ? validateGuestContact(contact) : {}),
      ...validateTicketDraft(draft),
    };
    if (!isValid(this.errors)) {
      await this.focusFirstInvalid();
      return;
    }
    await this.submit(client, draft, contact);
  }

  private async submit(
    client: EscalatedClient,
    draft: CreateTicketInput,
    contact: { name: string; email: string } | undefined,
  ): Promise<void> {
    this.submitting = true;
    try {
      const idempotencyKey = this.keys.keyFor({ ...draft, ...contact });
      const signal = this.requests.start('create');
      const options = { signal, idempotencyKey };
      const guestResult = contact
        ? await client.createGuestTicket({ ...draft, ...contact }, options)
        : undefined;
      const { ticket } = guestResult ?? (await client.createTicket(draft, options));
      this.keys.complete();
      this.form.reset();
      void this.announcer.say(`Ticket ${ticket.reference} created.`);
      emit(this, 'escalated-ticket-created', { reference: ticket.reference });
      if (guestResult) this.onGuestCreated?.(guestResult);
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
