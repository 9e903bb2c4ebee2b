import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BulkAction } from '../shared/api-types.js';
import { DEFAULT_MAX_ATTACHMENT_SIZE_KB, DEFAULT_MAX_ATTACHMENTS } from '../shared/attachments.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { EscalatedElement } from '../shared/escalated-element.js';
import { countOf } from '../shared/format.js';
import { slaTokens } from '../sla-badge/sla-badge.styles.js';
import { queueStyles } from './agent-queue.styles.js';
import { bulkStyles } from './bulk.js';
import { BulkSelection } from './bulk-selection.js';
import { DashboardSummary, dashboardStyles, renderDashboard } from './dashboard.js';
import { WorkspaceLookups } from './lookups.js';
import {
  hasFilters,
  NO_FILTERS,
  renderQueueFilters,
  type QueueFilterValues,
} from './queue-filters.js';
import { QueueKeyboard } from './queue-keyboard.js';
import { QueueList } from './queue-list.js';
import {
  DEFAULT_SORT,
  effectiveSort,
  isQueueView,
  VIEW_LABELS,
  type QueueSort,
  type QueueView,
} from './queue-query.js';
import { renderQueueToolbar } from './queue-toolbar.js';
import { renderQueueTable } from './queue-table.js';
import { ShortcutHelp, shortcutStyles } from './shortcuts.js';
import { TicketPane } from './ticket-pane.js';

export { QUEUE_SORTS, QUEUE_VIEWS, type QueueSort, type QueueView } from './queue-query.js';

/** Wait after the last keystroke in the search box before the queue reloads, in ms. */
export const SEARCH_DEBOUNCE_MS = 300;

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
 * @csspart kept-elsewhere - On a hub, where to reply to a synced ticket, shown in place of the composer.
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

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private readonly lookups = new WorkspaceLookups(this);
  private readonly list = new QueueList(this, this.requests, this.announcer, {
    client: () => this.client,
    filters: () => ({
      view: this.view,
      sort: this.sort,
      status: this.statusFilter,
      department: this.department,
      ...this.filters,
    }),
  });
  private readonly selection = new BulkSelection(
    this,
    this.requests,
    this.announcer,
    () => this.client,
  );
  private readonly summary = new DashboardSummary(this, this.requests, () => this.client);
  // Closing a ticket that changed reloads the queue, because the change may move it.
  private readonly ticket = new TicketPane(this, async () => {
    if (this.list.stale) await this.reloadQuietly();
  });
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly help = new ShortcutHelp(this, () => this.focusHeading());
  private readonly keyboard = new QueueKeyboard(this, this.help, {
    isSignedIn: () => Boolean(this.client),
    list: this.list,
    selection: this.selection,
    ticket: this.ticket,
    toggleFollow: (ticket) => void this.list.toggleFollow(this.session?.id, ticket),
  });

  protected override willUpdate(changed: PropertyValues): void {
    const previousClient = this.client;
    super.willUpdate(changed);
    if (this.client === previousClient) return;
    // A new client means a new user or API: nothing shown or still loading belongs to it.
    this.requests.abortAll();
    this.lookups.clear();
    this.ticket.reset();
    this.list.clear();
    this.summary.clear();
    this.selection.reset();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Disconnecting aborted any running request, so a moved element loads its data again.
    if (!this.hasUpdated || !this.client) return;
    this.lookups.load(this.client);
    void this.summary.load();
    void this.loadQueue(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('client') && this.client) {
      this.lookups.load(this.client);
      void this.summary.load();
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
      ${this.ticket.reference ? this.renderTicket() : this.renderQueue()} ${this.help.render()}
      ${this.announcer.render()}
    </div>`;
  }

  private renderTicket(): TemplateResult {
    return this.ticket.render({
      locale: this.locale,
      maxAttachmentSizeKb: this.maxAttachmentSizeKb,
      maxAttachments: this.maxAttachments,
      lookups: this.lookups,
      helpButton: this.renderHelpButton(),
      onTicketUpdated: (event) => this.list.markChanged(event.detail.ticket),
      onReplyCreated: () => this.list.markChanged(),
    });
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
          ? html`${renderDashboard(this.summary.dashboard, {
              onView: (view) => (this.view = view),
              onOpen: (reference) => void this.ticket.open(reference),
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
        onView: (view) => (this.view = view),
        onStatus: (event) => (this.statusFilter = (event.target as HTMLSelectElement).value),
        onSort: (event) => (this.sort = (event.target as HTMLSelectElement).value as QueueSort),
        onRefresh: () => this.refresh(),
      },
    );
  }

  private renderBulk(): TemplateResult {
    const isAdmin = this.session?.role === 'admin';
    return this.selection.render(this.lookups, isAdmin, (action, value) => {
      void this.runBulk(action, value);
    });
  }

  private renderList(): TemplateResult {
    if (!this.client)
      return html`<p class="muted">Sign in as an agent to see the ticket queue.</p>`;
    return this.list.render({
      emptyMessage: hasFilters(this.filters)
        ? 'No tickets match these filters.'
        : 'No tickets match this view.',
      renderRows: () => this.renderTable(),
      onRetry: () => void this.loadQueue(),
    });
  }

  private renderTable(): TemplateResult {
    return renderQueueTable(
      {
        tickets: this.list.tickets,
        activeIndex: this.keyboard.activeIndex,
        bulk: this.selection.state,
        agents: this.lookups.agents,
        locale: this.locale,
        viewLabel: isQueueView(this.view) ? VIEW_LABELS[this.view] : VIEW_LABELS.all,
      },
      {
        onFocusRow: (index) => (this.keyboard.activeIndex = index),
        onOpen: (reference) => void this.ticket.open(reference),
        onSelect: (reference) => this.selection.toggle(reference),
        onSelectAll: (on) => this.selection.selectAll(this.list.tickets, on),
        onRowKeydown: (event) => this.keyboard.onRowKeydown(event),
      },
    );
  }

  /** Reloads the queue from its first page with the current filters. */
  async loadQueue(quiet = false): Promise<void> {
    if (!(await this.list.load(quiet))) return;
    const count = this.list.tickets.length;
    this.keyboard.clampActive(count);
    this.selection.keepVisible(this.list.tickets);
    if (!quiet) void this.announcer.say(`${countOf(count, 'ticket')} shown.`);
  }

  private refresh(): void {
    void this.summary.load();
    void this.loadQueue();
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

  private async runBulk(action: BulkAction, value?: string | string[] | null): Promise<void> {
    if (await this.selection.run(action, value)) await this.reloadQuietly();
  }

  private focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  /** Reloads the dashboard and the queue after a change, keeping the current rows meanwhile. */
  private async reloadQuietly(): Promise<void> {
    void this.summary.load();
    await this.loadQueue(true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-agent-queue': EscalatedAgentQueue;
  }
}
