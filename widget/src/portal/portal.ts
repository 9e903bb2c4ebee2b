import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import type { GuestTicketResult, Ticket } from '../shared/api-types.js';
import { DEFAULT_MAX_ATTACHMENT_SIZE_KB, DEFAULT_MAX_ATTACHMENTS } from '../shared/attachments.js';
import { EscalatedClient } from '../shared/client.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { EscalatedElement } from '../shared/escalated-element.js';
import type { TicketCreatedDetail } from '../shared/events.js';
import { formatDateTime, formatRelative } from '../shared/format.js';
import { loadElement } from '../shared/lazy.js';
import { statusLabel } from '../shared/status.js';
import { TokenSource } from '../shared/token-source.js';
import {
  clearGuestSession,
  guestLink,
  loadGuestSession,
  readGuestLink,
  saveGuestSession,
  withoutGuestToken,
  type GuestSession,
} from './guest-session.js';
import type { EscalatedPortalTicket } from './portal-ticket.js';
import { portalStyles, ticketStyles } from './portal.styles.js';
import type { DepartmentOption, EscalatedTicketForm } from './ticket-form.js';

type PortalView = { name: 'list' } | { name: 'new' } | { name: 'ticket'; reference: string };

type ListState = 'idle' | 'loading' | 'ready' | 'error';

const PAGE_SIZE = 25;

// Parts of the nested form and ticket elements, re-exported so `escalated-portal::part(…)`
// reaches them from the host page.
const NESTED_PARTS =
  'form, form-error, field-error, header, status, priority, department, thread, reply, ' +
  'link, composer, toolbar, confirm, attachments, attachment, dropzone, files, file, ' +
  'rejections, rating';

const TICKET_TAG = 'escalated-portal-ticket';

// The ticket view is a separate chunk, loaded when a ticket opens, because the list and the
// new-ticket form that the portal shows first do not need it.
function loadTicketView(): void {
  loadElement(TICKET_TAG, () => import('./define-ticket.js'));
}

/** Reads the `departments` attribute, a JSON array of `{ id, name }`, ignoring anything else. */
function parseDepartments(value: string | null): DepartmentOption[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is DepartmentOption =>
        typeof entry?.id === 'string' && typeof entry?.name === 'string',
    );
  } catch {
    return [];
  }
}

/**
 * The customer portal: the signed-in customer's tickets, a form to open one, and each
 * ticket's conversation with reply, attachments, close, reopen and rating.
 *
 * Without `token` and `tokenProvider`, visitors can open a ticket as a guest with their name
 * and email. The API returns a token for that ticket only, which the portal keeps in
 * sessionStorage for the tab and shows as a link. Guest email links to the page,
 * `?ticket=<reference>#escalated-token=<token>`, open that ticket; the token is then removed
 * from the address bar.
 *
 * @summary Customer help desk portal.
 * @tagname escalated-portal
 * @example
 * <escalated-portal api-base="https://help.example.com/api/v1"></escalated-portal>
 * <script type="module">
 *   document.querySelector('escalated-portal').tokenProvider = () => fetchMyEscalatedToken();
 * </script>
 *
 * @csspart base - The outer frame.
 * @csspart header - The heading and the main buttons.
 * @csspart list - The list of tickets.
 * @csspart row - One ticket in the list.
 * @csspart status - A status chip.
 * @csspart priority - The open ticket's priority chip.
 * @csspart department - The open ticket's department.
 * @csspart empty - The message shown when there are no tickets.
 * @csspart form - The new-ticket form.
 * @csspart thread - A ticket's messages.
 * @csspart reply - One public message.
 * @csspart link - A link in a message.
 * @csspart composer - The reply form.
 * @csspart toolbar - A row of buttons.
 * @csspart confirm - The question and buttons that confirm closing a ticket.
 * @csspart guest-access - A guest's link back to their ticket, with copy and forget buttons.
 * @csspart attachments - The files of a message.
 * @csspart attachment - One file of a message, with its download button.
 * @csspart dropzone - The area of the reply form that takes dropped files.
 * @csspart files - The files picked for a reply, with upload progress.
 * @csspart rating - The satisfaction rating of a resolved or closed ticket.
 * @fires {CustomEvent<TicketCreatedDetail>} escalated-ticket-created - `{ reference }` after the
 *   customer opens a ticket.
 * @fires {CustomEvent<ReplyCreatedDetail>} escalated-reply-created - `{ reference, replyId,
 *   internal }` after the customer replies.
 * @fires {CustomEvent<TicketUpdatedDetail>} escalated-ticket-updated - `{ reference, ticket }`
 *   after a close or reopen.
 * @fires {CustomEvent<TicketRatedDetail>} escalated-ticket-rated - `{ reference, rating }` after
 *   the customer rates a ticket.
 * @since 0.1.0
 */
export class EscalatedPortal extends EscalatedElement {
  static override styles = [...EscalatedElement.styles, ticketStyles, portalStyles];

  /** Departments customers may choose from, as a JSON array of `{ id, name }`. */
  @property({ converter: { fromAttribute: parseDepartments } })
  departments: DepartmentOption[] = [];

  /** Maximum size of one attachment, in KB; the API's limit decides in the end. */
  @property({ type: Number, attribute: 'max-attachment-size-kb' })
  maxAttachmentSizeKb: number = DEFAULT_MAX_ATTACHMENT_SIZE_KB;

  /** Maximum number of attachments per reply; the API's limit decides in the end. */
  @property({ type: Number, attribute: 'max-attachments' })
  maxAttachments: number = DEFAULT_MAX_ATTACHMENTS;

  @state() private guestSession: GuestSession | null = null;
  @state() private view: PortalView = { name: 'list' };
  @state() private tickets: Ticket[] = [];
  @state() private nextCursor: string | null = null;
  @state() private listState: ListState = 'idle';
  @state() private listError = '';
  @state() private loadingMore = false;

  @query(TICKET_TAG) private ticketView?: EscalatedPortalTicket;
  @query('escalated-ticket-form') private ticketForm?: EscalatedTicketForm;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private listStale = false;
  // A client without a token, which sends guest tickets.
  private anonymousClient: EscalatedClient | null = null;
  // Reference to open once the client for a new guest token exists.
  private pendingReference = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('apiBase')) {
      const tokens = new TokenSource(undefined, undefined);
      this.anonymousClient = this.apiBase ? new EscalatedClient(this.apiBase, tokens) : null;
    }
    const previousClient = this.client;
    super.willUpdate(changed);
    if (this.client === previousClient) return;
    // A new client means a new user or API: nothing shown or still loading belongs to it.
    this.requests.abortAll();
    this.view = { name: 'list' };
    this.tickets = [];
    this.nextCursor = null;
    this.listState = 'idle';
    if (this.client && this.isGuest && this.pendingReference) {
      this.view = { name: 'ticket', reference: this.pendingReference };
    }
    this.pendingReference = '';
  }

  // Disconnecting aborted any running request, so a moved element loads its data again.
  override connectedCallback(): void {
    super.connectedCallback();
    this.restoreGuestSession();
    if (this.hasUpdated && this.view.name === 'list') void this.loadList(true);
  }

  /** True while the portal acts with a guest's ticket-scoped token. */
  private get isGuest(): boolean {
    return !this.hostSignedIn && Boolean(this.guestToken);
  }

  /** True when visitors may open a guest ticket, because the API is set and no user is signed in. */
  private get offersGuestTickets(): boolean {
    return Boolean(this.apiBase) && !this.hostSignedIn;
  }

  /**
   * Takes the guest access from a guest link in the page URL, else from this tab's
   * sessionStorage. A token found in the URL is stored and then removed from the address bar.
   */
  private restoreGuestSession(): void {
    if (this.guestSession) return;
    const fromLink = readGuestLink(window.location.href);
    if (fromLink) {
      saveGuestSession(fromLink);
      const cleaned = withoutGuestToken(window.location.href);
      window.history.replaceState(window.history.state, '', cleaned);
    }
    const session = fromLink ?? loadGuestSession();
    if (session) this.useGuestSession(session);
  }

  private useGuestSession(session: GuestSession): void {
    this.guestSession = session;
    this.pendingReference = session.reference;
    this.guestToken = session.token;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('client') && this.client) void this.loadList();
  }

  override render(): TemplateResult {
    return html`<div class="root" part="base">
      ${this.renderHeader()} ${this.renderView()} ${this.announcer.render()}
    </div>`;
  }

  private renderHeader(): TemplateResult {
    const signedOut = !this.client;
    const heading = signedOut
      ? 'Contact support'
      : this.view.name === 'new'
        ? 'New ticket'
        : 'Your support tickets';
    const showHeading = signedOut || this.view.name !== 'ticket';
    return html`<div class="portal-header" part="header">
      ${showHeading ? html`<h2 tabindex="-1" id="heading">${heading}</h2>` : nothing}
      <div class="toolbar" part="toolbar">
        ${
          signedOut
            ? nothing
            : this.view.name === 'list'
              ? html`<button
                  class="primary"
                  type="button"
                  ?disabled=${!this.client}
                  @click=${this.showForm}
                >
                  New ticket
                </button>`
              : html`<button type="button" @click=${this.showList}>Back to all tickets</button>`
        }
      </div>
    </div>`;
  }

  private renderView(): TemplateResult {
    if (!this.client && !this.offersGuestTickets) {
      return html`<p class="muted">Sign in to see your support tickets and open new ones.</p>`;
    }
    if (!this.client || this.view.name === 'new') return this.renderForm();
    const guestAccess = this.isGuest ? this.renderGuestAccess() : nothing;
    if (this.view.name === 'ticket') {
      loadTicketView();
      return html`${guestAccess}<escalated-portal-ticket
          exportparts=${NESTED_PARTS}
          reference=${this.view.reference}
          locale=${this.locale}
          max-attachment-size-kb=${this.maxAttachmentSizeKb}
          max-attachments=${this.maxAttachments}
          .departments=${this.departments}
          @escalated-reply-created=${this.markListStale}
          @escalated-ticket-updated=${this.markListStale}
        ></escalated-portal-ticket>`;
    }
    return html`${guestAccess}${this.renderList()}`;
  }

  /** Renders the new-ticket form, which asks guests for their name and email as well. */
  private renderForm(): TemplateResult {
    const guest = !this.hostSignedIn;
    return html`${
        this.client
          ? nothing
          : html`<p class="intro">
              Sign in to see all your tickets, or open a ticket as a guest: we reply by email and
              give you a link back to the conversation.
            </p>`
      }
      <escalated-ticket-form
        exportparts=${NESTED_PARTS}
        ?guest=${guest}
        .guestClient=${this.anonymousClient}
        .onGuestCreated=${this.onGuestCreated}
        .departments=${this.departments}
        @escalated-ticket-created=${this.onTicketCreated}
      ></escalated-ticket-form>`;
  }

  private renderGuestAccess(): TemplateResult | typeof nothing {
    const session = this.guestSession;
    if (!session) return nothing;
    const link = guestLink(session, window.location.href);
    return html`<section class="guest-access stack" part="guest-access" aria-label="Guest access">
      <p>
        You are using a guest link. Keep this link to come back to your ticket; anyone who has it
        can read and answer the ticket.
      </p>
      <div class="field">
        <label for="guest-link">Your link</label>
        <input id="guest-link" readonly .value=${link} @focus=${this.selectAll} />
      </div>
      <div class="toolbar">
        <button type="button" @click=${() => this.copyLink(link)}>Copy link</button>
        <button type="button" @click=${this.forgetGuest}>Forget this ticket on this device</button>
      </div>
    </section>`;
  }

  private selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  private async copyLink(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      void this.announcer.say('Link copied.');
    } catch {
      // The clipboard API needs a secure context and permission; the field stays selectable.
      this.renderRoot.querySelector<HTMLInputElement>('#guest-link')?.focus();
      void this.announcer.say('The link could not be copied. Copy it from the field.');
    }
  }

  private readonly onGuestCreated = (result: GuestTicketResult): void => {
    const session = { token: result.accessToken, reference: result.ticket.reference };
    saveGuestSession(session);
    this.useGuestSession(session);
    void this.focusOpenTicket();
  };

  private async focusOpenTicket(): Promise<void> {
    await this.updateComplete;
    // Until its chunk has loaded, the ticket view is an element without `focusHeading`.
    await customElements.whenDefined(TICKET_TAG);
    await this.ticketView?.focusHeading();
  }

  private async forgetGuest(): Promise<void> {
    clearGuestSession();
    this.guestSession = null;
    this.guestToken = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    void this.announcer.say('The guest link was removed from this device.');
  }

  private renderList(): TemplateResult {
    if (this.listState === 'error') {
      return html`<div class="error" role="alert">
        <span>${this.listError}</span>
        <button type="button" @click=${() => this.loadList()}>Try again</button>
      </div>`;
    }
    if (this.listState !== 'ready') {
      return html`<p class="muted" aria-busy="true">Loading your tickets…</p>`;
    }
    if (this.tickets.length === 0) {
      return html`<div class="empty" part="empty">
        <p>You have no support tickets yet. Choose “New ticket” to ask us anything.</p>
      </div>`;
    }
    return html`<ul class="ticket-list" part="list" aria-label="Your support tickets">
        ${this.tickets.map((ticket) => this.renderRow(ticket))}
      </ul>
      ${
        this.nextCursor
          ? html`<button
              class="more"
              type="button"
              ?disabled=${this.loadingMore}
              @click=${this.loadMore}
            >
              ${this.loadingMore ? 'Loading…' : 'Load more'}
            </button>`
          : nothing
      }`;
  }

  private renderRow(ticket: Ticket): TemplateResult {
    const locale = this.locale || undefined;
    return html`<li part="row">
      <button
        class="row-button"
        type="button"
        data-reference=${ticket.reference}
        @click=${() => this.openTicket(ticket.reference)}
      >
        <span class="chip status-${ticket.status}" part="status"
          >${statusLabel(ticket.status)}</span
        >
        <span class="reference">${ticket.reference}</span>
        <span class="subject">${ticket.subject}</span>
        <time datetime=${ticket.updatedAt} title=${formatDateTime(ticket.updatedAt, locale)}>
          Updated ${formatRelative(ticket.updatedAt, locale)}
        </time>
      </button>
    </li>`;
  }

  /** Reloads the ticket list from its first page. */
  async loadList(quiet = false): Promise<void> {
    const client = this.client;
    if (!client) return;
    const signal = this.requests.start('list');
    if (!quiet) this.listState = 'loading';
    try {
      const page = await client.listOwnTickets({ limit: PAGE_SIZE }, { signal });
      this.tickets = page.items;
      this.nextCursor = page.nextCursor;
      this.listState = 'ready';
      this.listStale = false;
    } catch (error) {
      if (isAbortError(error)) return;
      this.listError = errorMessage(error);
      this.listState = 'error';
    }
  }

  private async loadMore(): Promise<void> {
    const client = this.client;
    if (!client || !this.nextCursor) return;
    const signal = this.requests.start('list');
    this.loadingMore = true;
    try {
      const page = await client.listOwnTickets(
        { limit: PAGE_SIZE, cursor: this.nextCursor },
        { signal },
      );
      this.tickets = [...this.tickets, ...page.items];
      this.nextCursor = page.nextCursor;
      void this.announcer.say(`${page.items.length} more tickets loaded.`);
    } catch (error) {
      if (!isAbortError(error)) void this.announcer.say(errorMessage(error));
    } finally {
      this.loadingMore = false;
    }
  }

  private async openTicket(reference: string): Promise<void> {
    this.view = { name: 'ticket', reference };
    await this.focusOpenTicket();
  }

  private async showForm(): Promise<void> {
    this.view = { name: 'new' };
    await this.updateComplete;
    await this.ticketForm?.updateComplete;
    this.ticketForm?.focus();
  }

  private async showList(): Promise<void> {
    const previous = this.view.name === 'ticket' ? this.view.reference : undefined;
    this.view = { name: 'list' };
    if (this.listStale) await this.loadList(true);
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(
      `.row-button[data-reference="${CSS.escape(previous ?? '')}"]`,
    );
    (row ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
  }

  private onTicketCreated(event: CustomEvent<TicketCreatedDetail>): void {
    // A guest ticket comes with its own token, handled by onGuestCreated.
    if (!this.hostSignedIn) return;
    this.listStale = true;
    void this.loadList(true);
    void this.openTicket(event.detail.reference);
  }

  private markListStale(): void {
    this.listStale = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-portal': EscalatedPortal;
  }
}
