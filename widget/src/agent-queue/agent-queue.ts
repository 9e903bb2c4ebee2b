import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import type { Department, QueueQuery, Ticket, UserSummary } from '../shared/api-types.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { EscalatedElement } from '../shared/escalated-element.js';
import type { TicketUpdatedDetail } from '../shared/events.js';
import { agentName, countOf, displayName, priorityLabel } from '../shared/format.js';
import { statusLabel } from '../shared/status.js';
import { slaTokens } from '../sla-badge/sla-badge.styles.js';
import { queueStyles } from './agent-queue.styles.js';
import type { EscalatedAgentTicket } from './agent-ticket.js';
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

export { QUEUE_SORTS, QUEUE_VIEWS, type QueueSort, type QueueView } from './queue-query.js';

type ListState = 'idle' | 'loading' | 'ready' | 'error';

const PAGE_SIZE = 25;

// Parts of the nested ticket view, re-exported so `escalated-agent-queue::part(…)` reaches them.
const TICKET_PARTS =
  'header, facts, tag, status, controls, thread, reply, note, link, composer, composer-mode, ' +
  'activity, activity-entry, sla, sla-clocks';

/**
 * The agent workspace: the ticket queue with quick views, a status filter, a sort order and
 * each ticket's SLA badge, and a ticket view with replies, internal notes, status and assignee
 * changes, the SLA clocks and the activity timeline.
 *
 * @summary Agent ticket queue and ticket view.
 * @example
 * <escalated-agent-queue api-base="https://help.example.com/api/v1" view="mine" sort="sla"></escalated-agent-queue>
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - The view buttons, status filter and sort select.
 * @csspart list - The queue table, which scrolls sideways inside the element when too wide.
 * @csspart row - One ticket in the queue.
 * @csspart status - A status chip.
 * @csspart sla - A ticket's SLA badge (an `<escalated-sla-badge>`).
 * @csspart sla-clocks - The ticket view's list of SLA clocks.
 * @csspart facts - The ticket view's department, tags and number of followers.
 * @csspart tag - A tag chip.
 * @csspart link - A link in a message.
 * @csspart thread - A ticket's messages.
 * @csspart reply - A public message.
 * @csspart note - An internal note.
 * @csspart composer - The reply and note form.
 * @csspart controls - The status, priority and assignee selects.
 * @csspart activity - The activity timeline.
 * @cssproperty --escalated-color-note-surface - Background of internal notes.
 * @cssproperty --escalated-color-note-border - Border of internal notes.
 * @cssproperty --escalated-color-primary - Colour of primary buttons and the active view.
 * @cssproperty --escalated-sla-on-track - Colour of a ticket within its SLA targets.
 * @cssproperty --escalated-sla-warning - Colour of a ticket inside an SLA warning window.
 * @cssproperty --escalated-sla-breached - Colour of a ticket that missed an SLA target.
 * @cssproperty --escalated-sla-paused - Colour of a ticket whose SLA clocks are stopped.
 * @cssproperty --escalated-sla-met - Colour of a ticket whose SLA targets were all met.
 * @fires escalated-reply-created - `{ reference, replyId, internal }` after a reply or note.
 * @fires escalated-ticket-updated - `{ reference, ticket }` after a ticket change.
 * @since 0.1.0
 */
export class EscalatedAgentQueue extends EscalatedElement {
  static override styles = [...EscalatedElement.styles, slaTokens, queueStyles];

  /**
   * The quick view shown first: `all` (every open ticket), `mine`, `unassigned` or
   * `sla_breaching`.
   */
  @property() view: QueueView = 'all';

  /** The queue order: `updated` (last updated first), `created` (newest first) or `sla`. */
  @property() sort: QueueSort = DEFAULT_SORT;

  /** Department id that limits the queue, or empty for all departments. */
  @property() department = '';

  @state() private statusFilter = '';
  @state() private tickets: Ticket[] = [];
  @state() private nextCursor: string | null = null;
  @state() private listState: ListState = 'idle';
  @state() private listError = '';
  @state() private loadingMore = false;
  @state() private agents: UserSummary[] = [];
  @state() private departments: Department[] = [];
  @state() private openReference = '';
  @state() private activeIndex = 0;

  @query('escalated-agent-ticket') private ticketView?: EscalatedAgentTicket;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private listStale = false;

  protected override willUpdate(changed: PropertyValues): void {
    const previousClient = this.client;
    super.willUpdate(changed);
    if (this.client === previousClient) return;
    // A new client means a new user or API: nothing shown or still loading belongs to it.
    this.requests.abortAll();
    this.openReference = '';
    this.tickets = [];
    this.agents = [];
    this.departments = [];
    this.nextCursor = null;
    this.listState = 'idle';
  }

  // Disconnecting aborted any running request, so a moved element loads its data again.
  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return;
    void this.loadAgents();
    void this.loadDepartments();
    void this.loadQueue(true);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('client') && this.client) {
      void this.loadAgents();
      void this.loadDepartments();
    }
    const filtersChanged = ['client', 'view', 'sort', 'department', 'statusFilter'].some((name) =>
      changed.has(name),
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
      ${this.openReference ? this.renderTicket() : this.renderQueue()} ${this.announcer.render()}
    </div>`;
  }

  private renderTicket(): TemplateResult {
    return html`<div class="stack">
      <div class="toolbar" part="toolbar">
        <button type="button" @click=${this.closeTicket}>Back to queue</button>
      </div>
      <escalated-agent-ticket
        exportparts=${TICKET_PARTS}
        reference=${this.openReference}
        locale=${this.locale}
        .agents=${this.agents}
        .departments=${this.departments}
        @escalated-ticket-updated=${this.onTicketUpdated}
        @escalated-reply-created=${this.markStale}
      ></escalated-agent-ticket>
    </div>`;
  }

  private renderQueue(): TemplateResult {
    return html`<div class="queue-header">
        <h2 tabindex="-1" id="heading">Ticket queue</h2>
        ${this.client ? this.renderToolbar() : nothing}
      </div>
      ${this.renderList()}`;
  }

  private renderToolbar(): TemplateResult {
    return renderQueueToolbar(
      { view: this.view, sort: this.sort, status: this.statusFilter },
      {
        onView: (view) => this.setView(view),
        onStatus: (event) => this.onStatusFilter(event),
        onSort: (event) => this.onSort(event),
        onRefresh: () => void this.loadQueue(),
      },
    );
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
      return html`<div class="empty" part="empty"><p>No tickets match this view.</p></div>`;
    }
    return html`<div class="table-wrap">
        <table part="list">
          <caption class="visually-hidden">
            Tickets in the ${isQueueView(this.view) ? VIEW_LABELS[this.view] : VIEW_LABELS.all} view
          </caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Subject</th>
              <th scope="col">Requester</th>
              <th scope="col">Status</th>
              <th scope="col">Priority</th>
              <th scope="col">Assignee</th>
              <th scope="col">SLA</th>
            </tr>
          </thead>
          <tbody @keydown=${this.onRowKeydown}>
            ${this.tickets.map((ticket, index) => this.renderRow(ticket, index))}
          </tbody>
        </table>
      </div>
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

  private renderRow(ticket: Ticket, index: number): TemplateResult {
    return html`<tr part="row" data-reference=${ticket.reference}>
      <td class="reference">${ticket.reference}</td>
      <td class="subject">
        <button
          class="link row-button"
          type="button"
          tabindex=${index === this.activeIndex ? 0 : -1}
          data-index=${index}
          @focus=${() => (this.activeIndex = index)}
          @click=${() => this.openTicket(ticket.reference)}
        >
          ${ticket.subject}
        </button>
      </td>
      <td>${displayName(ticket.requester)}</td>
      <td>
        <span class="chip status-${ticket.status}" part="status"
          >${statusLabel(ticket.status)}</span
        >
      </td>
      <td>
        <span class="chip priority-${ticket.priority}">${priorityLabel(ticket.priority)}</span>
      </td>
      <td>${agentName(ticket.assigneeId, this.agents)}</td>
      <td>
        <escalated-sla-badge
          part="sla"
          .ticket=${ticket}
          locale=${this.locale}
        ></escalated-sla-badge>
      </td>
    </tr>`;
  }

  private queueQuery(cursor?: string): QueueQuery {
    return buildQueueQuery({
      view: this.view,
      sort: this.sort,
      status: this.statusFilter,
      department: this.department,
      limit: PAGE_SIZE,
      cursor,
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
      this.activeIndex = 0;
      this.listState = 'ready';
      this.listStale = false;
      if (!quiet) void this.announcer.say(`${countOf(page.items.length, 'ticket')} shown.`);
    } catch (error) {
      if (isAbortError(error)) return;
      this.listError = errorMessage(error);
      this.listState = 'error';
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

  private async loadAgents(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      this.agents = await client.listAgents({ signal: this.requests.start('agents') });
    } catch (error) {
      // Without the list, assignees show as ids and only "Unassigned" can be chosen.
      if (!isAbortError(error)) this.agents = [];
    }
  }

  private async loadDepartments(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const signal = this.requests.start('departments');
      this.departments = await client.listDepartments({ signal });
    } catch (error) {
      // Without the list, departments show as ids.
      if (!isAbortError(error)) this.departments = [];
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

  private onRowKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('row-button')) return;
    const last = this.tickets.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(this.activeIndex + 1, last),
      j: Math.min(this.activeIndex + 1, last),
      ArrowUp: Math.max(this.activeIndex - 1, 0),
      k: Math.max(this.activeIndex - 1, 0),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.activeIndex = next;
    this.renderRoot.querySelector<HTMLElement>(`.row-button[data-index="${next}"]`)?.focus();
  }

  private async openTicket(reference: string): Promise<void> {
    this.openReference = reference;
    await this.updateComplete;
    await this.ticketView?.focusHeading();
  }

  private async closeTicket(): Promise<void> {
    const reference = this.openReference;
    this.openReference = '';
    if (this.listStale) await this.loadQueue(true);
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(
      `tr[data-reference="${CSS.escape(reference)}"] .row-button`,
    );
    (row ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
  }

  private onTicketUpdated(event: CustomEvent<TicketUpdatedDetail>): void {
    const { ticket } = event.detail;
    this.tickets = this.tickets.map((row) => (row.reference === ticket.reference ? ticket : row));
    this.listStale = true;
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
