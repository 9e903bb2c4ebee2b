import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import type { Attachment, CustomerTicketDetail, Ticket } from '../shared/api-types.js';
import type { EscalatedAttachmentPicker } from '../attachments/attachment-picker.js';
import {
  DEFAULT_MAX_ATTACHMENT_SIZE_KB,
  DEFAULT_MAX_ATTACHMENTS,
  saveBlob,
} from '../shared/attachments.js';
import { baseStyles } from '../shared/base-styles.js';
import type { EscalatedClient } from '../shared/client.js';
import { clientContext, sessionContext } from '../shared/context.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { emit, type TicketRatedDetail } from '../shared/events.js';
import { renderFieldError } from '../shared/form-field.js';
import { formatDateTime, priorityLabel } from '../shared/format.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import { loadElement } from '../shared/lazy.js';
import { customerCanClose, customerCanReopen, statusLabel } from '../shared/status.js';
import { attachmentBlockReason } from '../shared/composer.js';
import { renderThread, threadStyles } from '../shared/thread.js';
import type { SessionUser } from '../shared/token-source.js';
import { validateReplyBody } from '../shared/validation.js';
import { ESCALATED_VERSION } from '../shared/version.js';
import { confirmStyles, formStyles, ticketStyles } from './portal.styles.js';
import type { DepartmentOption } from './ticket-form.js';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One of the customer's tickets, used inside `<escalated-portal>`: the conversation without
 * internal notes, a reply form with attachments, Close / Reopen, and on resolved or closed
 * tickets the satisfaction rating. Closing asks for confirmation in place.
 *
 * @summary A customer's view of one ticket.
 * @tagname escalated-portal-ticket
 * @csspart header - Subject, reference, status, priority and department.
 * @csspart thread - The list of messages.
 * @csspart reply - A public message.
 * @csspart link - A link in a message.
 * @csspart composer - The reply form.
 * @csspart attachments - The files of a message.
 * @csspart attachment - One file of a message, with its download button.
 * @csspart rating - The satisfaction rating.
 * @csspart toolbar - The Close / Reopen buttons.
 * @csspart confirm - The question and buttons that confirm closing the ticket.
 * @fires {CustomEvent<ReplyCreatedDetail>} escalated-reply-created - `{ reference, replyId,
 *   internal: false }` after a reply is sent.
 * @fires {CustomEvent<TicketUpdatedDetail>} escalated-ticket-updated - `{ reference, ticket }`
 *   after the ticket is closed or reopened.
 * @fires {CustomEvent<TicketRatedDetail>} escalated-ticket-rated - `{ reference, rating }` after
 *   the customer rates the ticket.
 * @since 0.1.0
 */
export class EscalatedPortalTicket extends LitElement {
  static readonly escalatedVersion = ESCALATED_VERSION;

  static override styles = [baseStyles, threadStyles, formStyles, ticketStyles, confirmStyles];

  /** Reference of the ticket to show, e.g. `ESC-00042`. */
  @property() reference = '';

  /** BCP 47 locale for dates. */
  @property() locale = '';

  /** Departments whose names the header shows; a department not listed here is left out. */
  @property({ attribute: false }) departments: readonly DepartmentOption[] = [];

  /** Maximum size of one attachment, in KB. */
  @property({ type: Number, attribute: 'max-attachment-size-kb' })
  maxAttachmentSizeKb: number = DEFAULT_MAX_ATTACHMENT_SIZE_KB;

  /** Maximum number of attachments per reply. */
  @property({ type: Number, attribute: 'max-attachments' })
  maxAttachments: number = DEFAULT_MAX_ATTACHMENTS;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client: EscalatedClient | null = null;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: SessionUser | null = null;

  @state() private detail: CustomerTicketDetail | null = null;
  @state() private loadState: LoadState = 'idle';
  @state() private loadError = '';
  @state() private replyError = '';
  @state() private actionError = '';
  @state() private busy = false;
  @state() private confirmingClose = false;

  @query('#reply-body') private replyBody?: HTMLTextAreaElement;
  @query('escalated-attachment-picker') private picker?: EscalatedAttachmentPicker;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private readonly keys = new IdempotencyKeys();

  private loading: Promise<void> = Promise.resolve();
  // True once the client changed under the current reference: the ticket belongs to the
  // previous user or API, so it is not requested again until a new reference is set.
  private staleReference = false;

  /** Moves focus to the ticket's heading once the ticket has loaded. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    await this.loading;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  // Disconnecting aborted any running request, so a moved element loads its data again.
  override connectedCallback(): void {
    super.connectedCallback();
    loadElement('escalated-attachment-picker', () => import('../attachments/define.js'));
    if (this.hasUpdated) void this.load(true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('reference')) {
      this.staleReference = false;
      this.confirmingClose = false;
    } else if (changed.has('client') && changed.get('client')) {
      this.requests.abortAll();
      this.staleReference = true;
      this.detail = null;
      this.loadState = 'idle';
      this.confirmingClose = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('client') || changed.has('reference')) void this.load();
  }

  /** Reloads the ticket. With `quiet`, the current content stays visible meanwhile. */
  load(quiet = false): Promise<void> {
    const client = this.client;
    if (!client || !this.reference || this.staleReference) return this.loading;
    this.loading = this.fetchDetail(client, quiet);
    return this.loading;
  }

  private async fetchDetail(client: EscalatedClient, quiet: boolean): Promise<void> {
    const signal = this.requests.start('load');
    if (!quiet) this.loadState = 'loading';
    try {
      this.detail = await client.getTicket(this.reference, { signal });
      this.loadState = 'ready';
    } catch (error) {
      if (isAbortError(error)) return;
      this.loadError = errorMessage(error);
      this.loadState = 'error';
    }
  }

  override render(): TemplateResult {
    if (this.loadState === 'error') {
      return html`<div class="error" role="alert">
          <span>${this.loadError}</span>
          <button type="button" @click=${() => this.load()}>Try again</button>
        </div>
        ${this.announcer.render()}`;
    }
    if (!this.detail || this.loadState !== 'ready') {
      return html`<p class="muted" aria-busy="true">Loading ticket…</p>
        ${this.announcer.render()}`;
    }
    const { ticket, replies } = this.detail;
    const threadOptions = {
      viewerId: this.session?.id,
      locale: this.locale || undefined,
      onDownload: (attachment: Attachment) => void this.download(attachment),
    };
    return html`<div class="stack">
      ${this.renderHeader(ticket)} ${renderThread(ticket, replies, threadOptions)}
      ${this.renderRating(ticket)} ${this.renderComposer()} ${this.renderActions(ticket)}
      ${this.announcer.render()}
    </div>`;
  }

  private renderHeader(ticket: Ticket): TemplateResult {
    return html`<div class="ticket-header" part="header">
      <h2 class="subject" tabindex="-1">${ticket.subject}</h2>
      <p class="meta">
        <span class="reference">${ticket.reference}</span>
        <span class="chip status-${ticket.status}" part="status"
          >${statusLabel(ticket.status)}</span
        >
        <span class="chip priority-${ticket.priority}" part="priority"
          >${priorityLabel(ticket.priority)} priority</span
        >
        ${this.renderDepartment(ticket)}
        <span class="muted"
          >Opened ${formatDateTime(ticket.createdAt, this.locale || undefined)}</span
        >
      </p>
    </div>`;
  }

  private renderDepartment(ticket: Ticket): TemplateResult | typeof nothing {
    const department = this.departments.find((option) => option.id === ticket.departmentId);
    if (!department) return nothing;
    return html`<span class="department" part="department">Department: ${department.name}</span>`;
  }

  private renderRating(ticket: Ticket): TemplateResult | typeof nothing {
    if (ticket.status !== 'resolved' && ticket.status !== 'closed') return nothing;
    loadElement('escalated-ticket-rating', () => import('./define-rating.js'));
    return html`<escalated-ticket-rating
      exportparts="rating"
      reference=${ticket.reference}
      locale=${this.locale}
      .rating=${this.detail?.rating ?? null}
      @escalated-ticket-rated=${this.onRated}
    ></escalated-ticket-rating>`;
  }

  private onRated(event: CustomEvent<TicketRatedDetail>): void {
    if (this.detail) this.detail = { ...this.detail, rating: event.detail.rating };
  }

  private async download(attachment: Attachment): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const signal = this.requests.start(`download-${attachment.id}`);
      saveBlob(await client.downloadAttachment(attachment.id, { signal }), attachment.fileName);
    } catch (error) {
      if (!isAbortError(error)) this.actionError = errorMessage(error);
    }
  }

  private renderComposer(): TemplateResult {
    return html`<form class="stack composer" part="composer" novalidate @submit=${this.onReply}>
      <div class="field">
        <label for="reply-body">Your reply</label>
        <textarea
          id="reply-body"
          name="body"
          aria-invalid=${this.replyError ? 'true' : 'false'}
          aria-describedby="reply-body-error"
        ></textarea>
        ${renderFieldError('reply-body-error', this.replyError)}
      </div>
      <escalated-attachment-picker
        exportparts="dropzone, files, file, rejections"
        max-size-kb=${this.maxAttachmentSizeKb}
        max-files=${this.maxAttachments}
      ></escalated-attachment-picker>
      <div class="toolbar">
        <button class="primary" type="submit" ?disabled=${this.busy}>Send reply</button>
      </div>
    </form>`;
  }

  private renderActions(ticket: Ticket): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
      ${customerCanClose(ticket.status) ? this.renderClose() : nothing}
      ${
        customerCanReopen(ticket.status)
          ? html`<button
              id="reopen"
              type="button"
              ?disabled=${this.busy}
              @click=${() => this.changeState('reopen')}
            >
              Reopen ticket
            </button>`
          : nothing
      }
      ${this.actionError ? html`<div class="error" role="alert">${this.actionError}</div>` : nothing}
    </div>`;
  }

  /** Renders "Close ticket", or while it awaits confirmation, the question and its buttons. */
  private renderClose(): TemplateResult {
    if (!this.confirmingClose) {
      return html`<button id="close" type="button" ?disabled=${this.busy} @click=${this.askClose}>
        Close ticket
      </button>`;
    }
    return html`<div
      class="confirm"
      part="confirm"
      role="group"
      aria-labelledby="close-question"
      @keydown=${this.onConfirmKeydown}
    >
      <span id="close-question">Close this ticket?</span>
      <button
        id="close-confirm"
        class="primary"
        type="button"
        ?disabled=${this.busy}
        @click=${() => this.changeState('close')}
      >
        Yes, close it
      </button>
      <button id="close-cancel" type="button" ?disabled=${this.busy} @click=${this.cancelClose}>
        Keep it open
      </button>
    </div>`;
  }

  private async askClose(): Promise<void> {
    this.confirmingClose = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#close-confirm')?.focus();
  }

  private async cancelClose(): Promise<void> {
    this.confirmingClose = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#close')?.focus();
  }

  private onConfirmKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.cancelClose();
  }

  private async onReply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const textarea = this.replyBody;
    if (!client || !textarea || this.busy) return;
    const body = textarea.value.trim();
    this.replyError = validateReplyBody(body).body ?? attachmentBlockReason(this.picker) ?? '';
    if (this.replyError) {
      textarea.focus();
      return;
    }
    await this.sendReply(client, textarea, body);
  }

  private async sendReply(client: EscalatedClient, textarea: HTMLTextAreaElement, body: string) {
    this.busy = true;
    try {
      const attachmentIds = this.picker?.attachmentIds ?? [];
      const input = attachmentIds.length ? { body, attachmentIds } : { body };
      const idempotencyKey = this.keys.keyFor({ reference: this.reference, ...input });
      const signal = this.requests.start('reply');
      const { reply } = await client.replyToTicket(this.reference, input, {
        signal,
        idempotencyKey,
      });
      this.keys.complete();
      textarea.value = '';
      this.picker?.clear();
      await this.load(true);
      void this.announcer.say('Reply sent.');
      emit(this, 'escalated-reply-created', {
        reference: this.reference,
        replyId: reply.id,
        internal: false,
      });
    } catch (error) {
      if (isAbortError(error)) return;
      this.replyError = fieldErrors(error).body ?? errorMessage(error);
    } finally {
      this.busy = false;
    }
    textarea.focus();
  }

  private async changeState(action: 'close' | 'reopen'): Promise<void> {
    const client = this.client;
    if (!client || this.busy) return;
    this.busy = true;
    this.actionError = '';
    try {
      const signal = this.requests.start('state');
      const call = action === 'close' ? client.closeTicket : client.reopenTicket;
      const { ticket } = await call.call(client, this.reference, { signal });
      await this.load(true);
      void this.announcer.say(action === 'close' ? 'Ticket closed.' : 'Ticket reopened.');
      emit(this, 'escalated-ticket-updated', { reference: this.reference, ticket });
    } catch (error) {
      if (isAbortError(error)) return;
      this.actionError = errorMessage(error);
    } finally {
      this.busy = false;
      this.confirmingClose = false;
    }
    await this.updateComplete;
    const next = this.renderRoot.querySelector<HTMLElement>(
      action === 'close' ? '#reopen' : '#close',
    );
    (next ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-portal-ticket': EscalatedPortalTicket;
  }
}
