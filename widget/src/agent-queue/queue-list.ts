import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import type { Ticket } from '../shared/api-types.js';
import type { EscalatedClient } from '../shared/client.js';
import type { Announcer, RequestScope } from '../shared/controllers.js';
import { countOf } from '../shared/format.js';
import { setFollowing } from './agent-api.js';
import { buildQueueQuery, type QueueFilters } from './queue-query.js';

/** Loading state of the queue's first page. */
export type ListState = 'idle' | 'loading' | 'ready' | 'error';

/** The toolbar's filters, without the paging that {@link QueueList} adds. */
export type QueuePageFilters = Omit<QueueFilters, 'limit' | 'cursor'>;

/** Sources of the client and the filters, read by {@link QueueList} at each request. */
export interface QueueSource {
  /** Returns the element's current client, or null when no user is signed in. */
  client: () => EscalatedClient | null;
  filters: () => QueuePageFilters;
}

/** Message and callbacks of {@link QueueList.render}. */
export interface QueueListView {
  /** Shown when the first page has no tickets. */
  emptyMessage: string;
  /** Renders the loaded tickets. */
  renderRows: () => TemplateResult;
  onRetry: () => void;
}

const PAGE_SIZE = 25;

/**
 * The tickets the queue lists: the first page with the current filters, then the pages that
 * "Load more" appends. Reloading and loading more share the `queue` request, so starting one
 * cancels the other and a late page never mixes with a newer list.
 */
export class QueueList {
  tickets: Ticket[] = [];
  nextCursor: string | null = null;
  state: ListState = 'idle';
  error = '';
  loadingMore = false;
  /** True once a ticket changed in the ticket view, so closing the view reloads the list. */
  stale = false;

  /** @param requests - The element's request scope, so a new client aborts the list's loads. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly requests: RequestScope,
    private readonly announcer: Announcer,
    private readonly source: QueueSource,
  ) {}

  /**
   * Loads the first page in place of the list. With `quiet`, the current rows stay visible
   * meanwhile. Returns false when no user is signed in, or the load failed or was cancelled.
   */
  async load(quiet: boolean): Promise<boolean> {
    const client = this.source.client();
    if (!client) return false;
    const signal = this.requests.start('queue');
    if (!quiet) this.update({ state: 'loading' });
    try {
      const page = await client.listQueue(this.query(), { signal });
      this.update({ tickets: page.items, nextCursor: page.nextCursor, state: 'ready' });
      this.stale = false;
      return true;
    } catch (error) {
      if (isAbortError(error)) return false;
      this.update({ error: errorMessage(error), state: 'error' });
      return false;
    }
  }

  /** Appends the next page, announcing how many tickets it added or why it failed. */
  async loadMore(): Promise<void> {
    const client = this.source.client();
    if (!client || !this.nextCursor) return;
    const signal = this.requests.start('queue');
    this.update({ loadingMore: true });
    try {
      const page = await client.listQueue(this.query(this.nextCursor), { signal });
      this.update({ tickets: [...this.tickets, ...page.items], nextCursor: page.nextCursor });
      void this.announcer.say(`${countOf(page.items.length, 'more ticket')} loaded.`);
    } catch (error) {
      if (!isAbortError(error)) void this.announcer.say(errorMessage(error));
    } finally {
      this.update({ loadingMore: false });
    }
  }

  /** Follows `ticket` as the agent `selfId`, or stops following it, and updates its row. */
  async toggleFollow(selfId: string | undefined, ticket: Ticket): Promise<void> {
    const client = this.source.client();
    if (!client || !selfId) return;
    const following = !(ticket.followerIds ?? []).includes(selfId);
    try {
      const signal = this.requests.start(`follow-${ticket.reference}`);
      const now = await setFollowing(client, ticket.reference, following, { signal });
      const followerIds = (ticket.followerIds ?? []).filter((id) => id !== selfId);
      if (now) followerIds.push(selfId);
      this.replace({ ...ticket, followerIds });
      void this.announcer.say(
        now ? `Following ${ticket.reference}.` : `Stopped following ${ticket.reference}.`,
      );
    } catch (error) {
      if (!isAbortError(error)) void this.announcer.say(errorMessage(error));
    }
  }

  /**
   * Renders the load error with a retry button, the loading or empty message, or the rows
   * followed by "Load more" while a next page exists.
   */
  render(view: QueueListView): TemplateResult {
    if (this.state === 'error') {
      return html`<div class="error" role="alert">
        <span>${this.error}</span>
        <button type="button" @click=${view.onRetry}>Try again</button>
      </div>`;
    }
    if (this.state !== 'ready') {
      return html`<p class="muted" aria-busy="true">Loading tickets…</p>`;
    }
    if (this.tickets.length === 0) {
      return html`<div class="empty" part="empty"><p>${view.emptyMessage}</p></div>`;
    }
    return html`${view.renderRows()}
    ${
      this.nextCursor
        ? html`<button
            class="more"
            type="button"
            ?disabled=${this.loadingMore}
            @click=${() => this.loadMore()}
          >
            ${this.loadingMore ? 'Loading…' : 'Load more'}
          </button>`
        : nothing
    }`;
  }

  /**
   * Marks the list stale after a change in the ticket view, and shows the changed `ticket`, when
   * given, in place of its row.
   */
  markChanged(ticket?: Ticket): void {
    if (ticket) this.replace(ticket);
    this.stale = true;
  }

  /** Empties the list, as before the first load. */
  clear(): void {
    this.update({ tickets: [], nextCursor: null, state: 'idle' });
  }

  private replace(ticket: Ticket): void {
    const tickets = this.tickets.map((row) => (row.reference === ticket.reference ? ticket : row));
    this.update({ tickets });
  }

  private query(cursor?: string) {
    return buildQueueQuery({ ...this.source.filters(), limit: PAGE_SIZE, cursor });
  }

  private update(
    change: Partial<Pick<QueueList, 'tickets' | 'nextCursor' | 'state' | 'error' | 'loadingMore'>>,
  ): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }
}
