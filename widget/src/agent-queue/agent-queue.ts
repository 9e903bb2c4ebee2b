import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import type { BulkAction, Dashboard, QueueQuery, Ticket } from '../shared/api-types.js';
import { DEFAULT_MAX_ATTACHMENT_SIZE_KB, DEFAULT_MAX_ATTACHMENTS } from '../shared/attachments.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { EscalatedElement } from '../shared/escalated-element.js';
import type { TicketUpdatedDetail } from '../shared/events.js';
import { countOf } from '../shared/format.js';
import { slaTokens } from '../sla-badge/sla-badge.styles.js';
import { bulkUpdate, getDashboard, setFollowing } from './agent-api.js';
import { queueStyles } from './agent-queue.styles.js';
import type { EscalatedAgentTicket } from './agent-ticket.js';
import {
  BULK_LIMIT,
  bulkStyles,
  EMPTY_BULK,
  renderBulkBar,
  summariseBulk,
  type BulkState,
} from './bulk.js';
import { dashboardStyles, renderDashboard } from './dashboard.js';
import { WorkspaceLookups } from './lookups.js';
import {
  hasFilters,
  NO_FILTERS,
  renderQueueFilters,
  type QueueFilterValues,
} from './queue-filters.js';
import {
  buildQueueQuery,
  DEFAULT_SORT,
  effectiveSort,
  isQueueView,
  VIEW_LABELS,
  type QueueSort,
  type QueueView,
} from './queue-query.js';
import { renderQueueToolbar } from './queue-toolbar.js';
import { renderQueueTable } from './queue-table.js';
import { hasCommandModifier, isTypingTarget, ShortcutHelp, shortcutStyles } from './shortcuts.js';

export { QUEUE_SORTS, QUEUE_VIEWS, type QueueSort, type QueueView } from './queue-query.js';

type ListState = 'idle' | 'loading' | 'ready' | 'error';

const PAGE_SIZE = 25;

/** Wait after the last keystroke in the search box before the queue reloads, in ms. */
export const SEARCH_DEBOUNCE_MS = 300;

// Parts of the nested ticket view, re-exported so `escalated-agent-queue::part(…)` reaches them.
const TICKET_PARTS =
  'header, facts, tag, status, controls, thread, reply, note, link, composer, composer-mode, ' +
  'activity, activity-entry, sla, sla-clocks, presence, follow, pinned, tag-editor, macro, ' +
  'rating, attachments, attachment, conflict, dropzone, files, file, rejections';

/**
 * The agent workspace: a dashboard summary, the ticket queue with quick views, filters, a sort
 * order, each ticket's SLA badge and bulk actions on selected tickets, and a ticket view with
 * replies, internal notes, attachments and every ticket change. Keyboard shortcuts work while
 * focus is inside the element and not in a text field; `?` lists them.
 *
 * @summary Agent ticket queue and ticket view.
 * @tagname escalated-agent-queue
 * @example
 * <escalated-agent-queue api-base="https://help.example.com/api/v1" view="mine" sort="sla"></escalated-agent-queue>
 *
 * @csspart base - The outer frame.
 * @csspart dashboard - The counts and the tickets breaching their SLA, above the queue.
 * @csspart toolbar - The view buttons, status filter and sort select.
 * @csspart filters - Search, priority, tag and creation date filters.
 * @csspart bulk-bar - Actions on the selected tickets.
 * @csspart bulk-summary - The outcome of the last bulk action, e.g. "3 of 5 updated."
 * @csspart list - The queue table, which scrolls sideways inside the element when too wide.
 * @csspart row - One ticket in the queue.
 * @csspart row-error - Why a bulk action failed on a ticket.
 * @csspart status - A status chip.
 * @csspart sla - A ticket's SLA badge (an `<escalated-sla-badge>`).
 * @csspart shortcut-help - The dialog that lists the keyboard shortcuts.
 * @csspart sla-clocks - The ticket view's list of SLA clocks.
 * @csspart facts - The ticket view's department, tags and number of followers.
 * @csspart source - On a hub, the installation that keeps a synced ticket and its reference there.
 * @csspart kept-elsewhere - On a hub, where to answer a synced ticket, shown in place of the composer.
 * @csspart tag - A tag chip.
 * @csspart presence - The other agents viewing or typing on the open ticket.
 * @csspart pinned - The open ticket's pinned notes.
 * @csspart link - A link in a message.
 * @csspart thread - A ticket's messages.
 * @csspart reply - A public message.
 * @csspart note - An internal note.
 * @csspart composer - The reply and note form.
 * @csspart controls - The status, priority, assignee and department selects.
 * @csspart activity - The activity timeline.
 * @cssproperty --escalated-sla-on-track - Colour of a ticket within its SLA targets.
 * @cssproperty --escalated-sla-warning - Colour of a ticket inside an SLA warning window.
 * @cssproperty --escalated-sla-breached - Colour of a ticket that missed an SLA target.
 * @cssproperty --escalated-sla-paused - Colour of a ticket whose SLA clocks are stopped.
 * @cssproperty --escalated-sla-met - Colour of a ticket whose SLA targets were all met.
 * @fires {CustomEvent<ReplyCreatedDetail>} escalated-reply-created - `{ reference, replyId,
 *   internal }` after a reply or note.
 * @fires {CustomEvent<TicketUpdatedDetail>} escalated-ticket-updated - `{ reference, ticket }`
 *   after a ticket change.
 * @since 0.1.0
 */
export class EscalatedAgentQueue extends EscalatedElement {
  static override styles = [
    ...EscalatedElement.styles,
    slaTokens,
    queueStyles,
    bulkStyles,
    dashboardStyles,
    shortcutStyles,
  ];

  /**
   * The quick view shown first: `all` (every open ticket), `mine`, `unassigned`, `urgent`,
   * `sla_breaching` or `following`.
   */
  @property() view: QueueView = 'all';

  /** The queue order: `updated` (last updated first), `created` (newest first) or `sla`. */
  @property() sort: QueueSort = DEFAULT_SORT;

  /** Department id that limits the queue, or empty for all departments. */
  @property() department = '';

  /** Maximum size of one attachment, in KB; the API's limit decides in the end. */
  @property({ type: Number, attribute: 'max-attachment-size-kb' })
  maxAttachmentSizeKb: number = DEFAULT_MAX_ATTACHMENT_SIZE_KB;

  /** Maximum number of attachments per message; the API's limit decides in the end. */
  @property({ type: Number, attribute: 'max-attachments' })
  maxAttachments: number = DEFAULT_MAX_ATTACHMENTS;

  @state() private statusFilter = '';
  @state() private filters: QueueFilterValues = NO_FILTERS;
  @state() private tickets: Ticket[] = [];
  @state() private nextCursor: string | null = null;
  @state() private listState: ListState = 'idle';
  @state() private listError = '';
  @state() private loadingMore = false;
  @state() private dashboard: Dashboard | null = null;
  @state() private bulk: BulkState = EMPTY_BULK;
  @state() private openReference = '';
  @state() private activeIndex = 0;

  @query('escalated-agent-ticket') private ticketView?: EscalatedAgentTicket;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private readonly lookups = new WorkspaceLookups(this);
  private listStale = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly help = new ShortcutHelp(this, () => this.focusHeading());
  private connection: AbortController | undefined;

  protected override willUpdate(changed: PropertyValues): void {
    const previousClient = this.client;
    super.willUpdate(changed);
    if (this.client === previousClient) return;
    // A new client means a new user or API: nothing shown or still loading belongs to it.
    this.requests.abortAll();
    this.lookups.clear();
    this.openReference = '';
    this.tickets = [];
    this.dashboard = null;
    this.bulk = EMPTY_BULK;
    this.nextCursor = null;
    this.listState = 'idle';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.connection = new AbortController();
    this.addEventListener('keydown', this.onShortcut, { signal: this.connection.signal });
    // Disconnecting aborted any running request, so a moved element loads its data again.
    if (!this.hasUpdated || !this.client) return;
    this.lookups.load(this.client);
    void this.loadDashboard();
    void this.loadQueue(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connection?.abort();
    clearTimeout(this.searchTimer);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('client') && this.client) {
      this.lookups.load(this.client);
      void this.loadDashboard();
    }
    const filtersChanged = ['client', 'view', 'sort', 'department', 'statusFilter', 'filters'].some(
      (name) => changed.has(name),
    );
    if (filtersChanged && this.client) void this.loadQueue();
    this.syncSortSelect();
  }

  // `?selected` alone does not move a select the user has already changed, so the shown order
  // is also set through `value`, e.g. when the SLA breaching view fixes the order.
  private syncSortSelect(): void {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#sort');
    const selectedSort = effectiveSort(this.view, this.sort);
    if (select && select.value !== selectedSort) select.value = selectedSort;
  }

  override render(): TemplateResult {
    return html`<div class="root" part="base">
      ${this.openReference ? this.renderTicket() : this.renderQueue()} ${this.help.render()}
      ${this.announcer.render()}
    </div>`;
  }

  private renderTicket(): TemplateResult {
    return html`<div class="stack">
      <div class="toolbar" part="toolbar">
        <button type="button" @click=${this.closeTicket}>Back to queue</button>
        ${this.renderHelpButton()}
      </div>
      <escalated-agent-ticket
        exportparts=${TICKET_PARTS}
        reference=${this.openReference}
        locale=${this.locale}
        max-attachment-size-kb=${this.maxAttachmentSizeKb}
        max-attachments=${this.maxAttachments}
        .agents=${this.lookups.agents}
        .departments=${this.lookups.departments}
        .tags=${this.lookups.tags}
        .cannedResponses=${this.lookups.cannedResponses}
        .macros=${this.lookups.macros}
        @escalated-ticket-updated=${this.onTicketUpdated}
        @escalated-reply-created=${this.markStale}
      ></escalated-agent-ticket>
    </div>`;
  }

  private renderHelpButton(): TemplateResult {
    return html`<button type="button" class="help-button" @click=${() => this.help.open()}>
      Keyboard shortcuts
    </button>`;
  }

  private renderQueue(): TemplateResult {
    return html`<div class="queue-header">
        <h2 tabindex="-1" id="heading">Ticket queue</h2>
        ${this.client ? this.renderHelpButton() : nothing}
      </div>
      ${
        this.client
          ? html`${renderDashboard(this.dashboard, {
              onView: (view) => this.setView(view),
              onOpen: (reference) => void this.openTicket(reference),
            })}
            ${this.renderToolbar()}
            ${renderQueueFilters(this.filters, this.lookups.tags, {
              onChange: (name, value) => this.setFilter(name, value),
              onSearch: (value) => this.onSearch(value),
              onClear: () => this.clearFilters(),
            })}`
          : nothing
      }
      ${this.renderBulk()} ${this.renderList()}`;
  }

  private renderToolbar(): TemplateResult {
    return renderQueueToolbar(
      { view: this.view, sort: this.sort, status: this.statusFilter },
      {
        onView: (view) => this.setView(view),
        onStatus: (event) => this.onStatusFilter(event),
        onSort: (event) => this.onSort(event),
        onRefresh: () => this.refresh(),
      },
    );
  }

  private renderBulk(): TemplateResult {
    const summary = this.bulk.summary
      ? html`<p class="bulk-summary" part="bulk-summary">
          <strong>${this.bulk.summary}</strong>
          ${
            this.bulk.failures.size
              ? html`${countOf(this.bulk.failures.size, 'ticket')} could not be changed; the reason
                is shown on each.`
              : nothing
          }
        </p>`
      : nothing;
    const bar = renderBulkBar(this.bulk, this.lookups, this.session?.role === 'admin', {
      onAction: (action, value) => void this.runBulk(action, value),
      onClear: () => this.clearSelection(),
      onAskDelete: () => void this.askBulkDelete(),
      onCancelDelete: () => (this.bulk = { ...this.bulk, confirmingDelete: false }),
    });
    return html`${summary}${bar}`;
  }

  private renderList(): TemplateResult {
    if (!this.client)
      return html`<p class="muted">Sign in as an agent to see the ticket queue.</p>`;
    if (this.listState === 'error') {
      return html`<div class="error" role="alert">
        <span>${this.listError}</span>
        <button type="button" @click=${() => this.loadQueue()}>Try again</button>
      </div>`;
    }
    if (this.listState !== 'ready')
      return html`<p class="muted" aria-busy="true">Loading tickets…</p>`;
    if (this.tickets.length === 0) {
      const message = hasFilters(this.filters)
        ? 'No tickets match these filters.'
        : 'No tickets match this view.';
      return html`<div class="empty" part="empty"><p>${message}</p></div>`;
    }
    const table = renderQueueTable(
      {
        tickets: this.tickets,
        activeIndex: this.activeIndex,
        bulk: this.bulk,
        agents: this.lookups.agents,
        locale: this.locale,
        viewLabel: isQueueView(this.view) ? VIEW_LABELS[this.view] : VIEW_LABELS.all,
      },
      {
        onFocusRow: (index) => (this.activeIndex = index),
        onOpen: (reference) => void this.openTicket(reference),
        onSelect: (reference) => this.toggleSelected(reference),
        onSelectAll: (on) => this.selectAll(on),
        onRowKeydown: (event) => this.onRowKeydown(event),
      },
    );
    return html`${table}
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

  private queueQuery(cursor?: string): QueueQuery {
    return buildQueueQuery({
      view: this.view,
      sort: this.sort,
      status: this.statusFilter,
      department: this.department,
      limit: PAGE_SIZE,
      cursor,
      ...this.filters,
    });
  }

  /** Reloads the queue from its first page with the current filters. */
  async loadQueue(quiet = false): Promise<void> {
    const client = this.client;
    if (!client) return;
    const signal = this.requests.start('queue');
    if (!quiet) this.listState = 'loading';
    try {
      const page = await client.listQueue(this.queueQuery(), { signal });
      this.tickets = page.items;
      this.nextCursor = page.nextCursor;
      this.activeIndex = Math.min(this.activeIndex, Math.max(page.items.length - 1, 0));
      this.listState = 'ready';
      this.listStale = false;
      this.keepVisibleSelection();
      if (!quiet) void this.announcer.say(`${countOf(page.items.length, 'ticket')} shown.`);
    } catch (error) {
      if (isAbortError(error)) return;
      this.listError = errorMessage(error);
      this.listState = 'error';
    }
  }

  private refresh(): void {
    void this.loadDashboard();
    void this.loadQueue();
  }

  /** Reloads the dashboard counts, which change with every ticket change anyone makes. */
  private async loadDashboard(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      this.dashboard = await getDashboard(client, { signal: this.requests.start('dashboard') });
    } catch (error) {
      // The queue works without the summary, so a failed dashboard is simply not shown.
      if (!isAbortError(error)) this.dashboard = null;
    }
  }

  private async loadMore(): Promise<void> {
    const client = this.client;
    if (!client || !this.nextCursor) return;
    const signal = this.requests.start('queue');
    this.loadingMore = true;
    try {
      const page = await client.listQueue(this.queueQuery(this.nextCursor), { signal });
      this.tickets = [...this.tickets, ...page.items];
      this.nextCursor = page.nextCursor;
      void this.announcer.say(`${countOf(page.items.length, 'more ticket')} loaded.`);
    } catch (error) {
      if (!isAbortError(error)) void this.announcer.say(errorMessage(error));
    } finally {
      this.loadingMore = false;
    }
  }

  private setView(view: QueueView): void {
    this.view = view;
  }

  private onStatusFilter(event: Event): void {
    this.statusFilter = (event.target as HTMLSelectElement).value;
  }

  private onSort(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value as QueueSort;
  }

  private setFilter(name: keyof QueueFilterValues, value: string): void {
    this.filters = { ...this.filters, [name]: value };
  }

  /** Applies the search text once typing pauses, so each keystroke does not reload. */
  private onSearch(value: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setFilter('search', value), SEARCH_DEBOUNCE_MS);
  }

  private clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.filters = NO_FILTERS;
    this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
  }

  // Bulk selection

  private toggleSelected(reference: string): void {
    const selected = new Set(this.bulk.selected);
    if (selected.has(reference)) selected.delete(reference);
    else if (selected.size < BULK_LIMIT) selected.add(reference);
    this.bulk = { ...this.bulk, selected, confirmingDelete: false };
  }

  private selectAll(on: boolean): void {
    const references = this.tickets.slice(0, BULK_LIMIT).map((ticket) => ticket.reference);
    this.bulk = { ...this.bulk, selected: new Set(on ? references : []), confirmingDelete: false };
  }

  private clearSelection(): void {
    this.bulk = { ...EMPTY_BULK };
    this.renderRoot.querySelector<HTMLElement>('#select-all')?.focus();
  }

  /** Drops selected tickets that a reload no longer lists. */
  private keepVisibleSelection(): void {
    const shown = new Set(this.tickets.map((ticket) => ticket.reference));
    const selected = new Set([...this.bulk.selected].filter((reference) => shown.has(reference)));
    if (selected.size !== this.bulk.selected.size) this.bulk = { ...this.bulk, selected };
  }

  private async askBulkDelete(): Promise<void> {
    this.bulk = { ...this.bulk, confirmingDelete: true };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#bulk-delete-confirm')?.focus();
  }

  /**
   * Applies `action` to the selected tickets. Tickets that failed stay selected and show their
   * error in the row, and the outcome reads "3 of 5 updated."
   */
  private async runBulk(action: BulkAction, value?: string | string[] | null): Promise<void> {
    const client = this.client;
    const references = [...this.bulk.selected];
    if (!client || references.length === 0 || this.bulk.running) return;
    this.bulk = { ...this.bulk, running: true, confirmingDelete: false };
    try {
      const signal = this.requests.start('bulk');
      const input = value === undefined ? { references, action } : { references, action, value };
      const { summary, failures } = summariseBulk(await bulkUpdate(client, input, { signal }));
      const selected = new Set(references.filter((reference) => failures.has(reference)));
      this.bulk = { selected, failures, summary, running: false, confirmingDelete: false };
      void this.announcer.say(summary);
      void this.loadDashboard();
      await this.loadQueue(true);
    } catch (error) {
      if (isAbortError(error)) return;
      this.bulk = { ...this.bulk, running: false, summary: errorMessage(error) };
      void this.announcer.say(errorMessage(error));
    }
  }

  // Keyboard

  private readonly onShortcut = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || hasCommandModifier(event) || !this.client) return;
    if (this.help.isOpen || isTypingTarget(event)) return;
    if (event.key === '?') {
      event.preventDefault();
      this.help.open();
      return;
    }
    const handled = this.openReference
      ? this.onTicketShortcut(event.key)
      : this.onQueueShortcut(event);
    if (handled) event.preventDefault();
  };

  private onTicketShortcut(key: string): boolean {
    const view = this.ticketView;
    if (key === 'Escape') void this.closeTicket();
    else if (key === 'r') void view?.focusComposer('reply');
    else if (key === 'n') void view?.focusComposer('note');
    else if (key === 's') view?.focusControl('status');
    else if (key === 'p') view?.focusControl('priority');
    else if (key === 'f') void view?.toggleFollow();
    else return false;
    return true;
  }

  private onQueueShortcut(event: KeyboardEvent): boolean {
    const ticket = this.tickets[this.activeIndex];
    if (!ticket) return false;
    // The first j or k from outside the list focuses the active row instead of skipping it.
    const step = this.isInRow(event) ? 1 : 0;
    if (event.key === 'j') this.focusRow(this.activeIndex + step);
    else if (event.key === 'k') this.focusRow(this.activeIndex - step);
    else if (event.key === 'x') this.toggleSelected(ticket.reference);
    else if (event.key === 'f') void this.toggleRowFollow(ticket);
    else if (event.key === 'Enter' && this.isInRow(event)) void this.openTicket(ticket.reference);
    else return false;
    return true;
  }

  private isInRow(event: KeyboardEvent): boolean {
    const target = event.composedPath()[0];
    return target instanceof Element && target.closest('tr[part~="row"]') !== null;
  }

  // Arrow keys, Home and End move between rows as in a list.
  private onRowKeydown(event: KeyboardEvent): void {
    const last = this.tickets.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: this.activeIndex + 1,
      ArrowUp: this.activeIndex - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.focusRow(next);
  }

  /** Makes row `index` (clamped to the list) the active one and focuses its subject button. */
  private focusRow(index: number): void {
    const next = Math.max(0, Math.min(index, this.tickets.length - 1));
    this.activeIndex = next;
    this.renderRoot.querySelector<HTMLElement>(`.row-button[data-index="${next}"]`)?.focus();
  }

  private async toggleRowFollow(ticket: Ticket): Promise<void> {
    const client = this.client;
    const selfId = this.session?.id;
    if (!client || !selfId) return;
    const following = !(ticket.followerIds ?? []).includes(selfId);
    try {
      const signal = this.requests.start(`follow-${ticket.reference}`);
      const now = await setFollowing(client, ticket.reference, following, { signal });
      const followerIds = (ticket.followerIds ?? []).filter((id) => id !== selfId);
      if (now) followerIds.push(selfId);
      this.replaceTicket({ ...ticket, followerIds });
      void this.announcer.say(
        now ? `Following ${ticket.reference}.` : `Stopped following ${ticket.reference}.`,
      );
    } catch (error) {
      if (!isAbortError(error)) void this.announcer.say(errorMessage(error));
    }
  }

  // Opening and closing tickets

  private async openTicket(reference: string): Promise<void> {
    this.openReference = reference;
    await this.updateComplete;
    await this.ticketView?.focusHeading();
  }

  private focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  private async closeTicket(): Promise<void> {
    const reference = this.openReference;
    this.openReference = '';
    if (this.listStale) {
      void this.loadDashboard();
      await this.loadQueue(true);
    }
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(
      `tr[data-reference="${CSS.escape(reference)}"] .row-button`,
    );
    (row ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
  }

  private onTicketUpdated(event: CustomEvent<TicketUpdatedDetail>): void {
    this.replaceTicket(event.detail.ticket);
    this.listStale = true;
  }

  private replaceTicket(ticket: Ticket): void {
    this.tickets = this.tickets.map((row) => (row.reference === ticket.reference ? ticket : row));
  }

  private markStale(): void {
    this.listStale = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-agent-queue': EscalatedAgentQueue;
  }
}
