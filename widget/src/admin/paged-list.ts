import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import type { Page } from '../shared/api-types.js';
import type { RequestOptions } from '../shared/client.js';
import type { Announcer, RequestScope } from '../shared/controllers.js';
import type { AdminApi } from './admin-api.js';
import type { LoadState } from './admin-panel.js';
import { renderListView, type ListView } from './list-view.js';

const PAGE_SIZE = 25;

/** The query of one page request: its size, and the cursor of every page after the first. */
export interface PageQuery {
  limit: number;
  cursor?: string;
}

/** The requests and messages of one paged admin list. */
export interface PagedListSource<Item> {
  /** Returns the admin API client, or null before the context provides one. */
  api: () => AdminApi | null;
  fetchPage: (api: AdminApi, query: PageQuery, options: RequestOptions) => Promise<Page<Item>>;
  /** Returns the announcement of a page that "Load more" added, e.g. "3 more entries loaded." */
  loadedMessage: (count: number) => string;
}

interface PageState<Item> {
  items: Item[];
  nextCursor: string | null;
  state: LoadState;
  /** The error message of the last failed load of the first page. */
  error: string;
  loadingMore: boolean;
  /** The error message of the last failed "Load more". */
  moreError: string;
}

/**
 * The items of a paged admin list: the first page, then the pages that "Load more" appends.
 * Both use the `page` request, so starting one cancels the other. A failed next page keeps
 * the loaded items and shows its error above the button.
 */
export class PagedList<Item> {
  private list: PageState<Item> = {
    items: [],
    nextCursor: null,
    state: 'idle',
    error: '',
    loadingMore: false,
    moreError: '',
  };

  /** @param requests - The panel's request scope, so disconnecting aborts a running load. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly requests: RequestScope,
    private readonly announcer: Announcer,
    private readonly source: PagedListSource<Item>,
  ) {}

  /** Loads the first page in place of the list. */
  async load(): Promise<void> {
    const api = this.source.api();
    if (!api) return;
    const signal = this.requests.start('page');
    this.set({ state: 'loading' });
    try {
      const page = await this.source.fetchPage(api, { limit: PAGE_SIZE }, { signal });
      this.set({ items: page.items, nextCursor: page.nextCursor, state: 'ready' });
    } catch (error) {
      if (isAbortError(error)) return;
      this.set({ error: errorMessage(error), state: 'error' });
    }
  }

  /**
   * Renders the list with {@link renderListView}, followed by the error of the last "Load
   * more" and the button while a next page exists.
   */
  render(view: Omit<ListView<Item>, 'state' | 'error' | 'items' | 'footer'>): TemplateResult {
    const { items, state, error } = this.list;
    return renderListView({ ...view, items, state, error, footer: this.renderMore() });
  }

  private renderMore(): TemplateResult {
    const { moreError, nextCursor, loadingMore } = this.list;
    return html`${moreError ? html`<p class="error" role="alert">${moreError}</p>` : nothing}
    ${
      nextCursor
        ? html`<button
            class="more"
            type="button"
            ?disabled=${loadingMore}
            @click=${() => this.loadMore()}
          >
            ${loadingMore ? 'Loading…' : 'Load more'}
          </button>`
        : nothing
    }`;
  }

  private async loadMore(): Promise<void> {
    const { nextCursor } = this.list;
    const api = this.source.api();
    if (!api || !nextCursor) return;
    this.set({ loadingMore: true, moreError: '' });
    try {
      const page = await this.source.fetchPage(
        api,
        { limit: PAGE_SIZE, cursor: nextCursor },
        { signal: this.requests.start('page') },
      );
      this.set({ items: [...this.list.items, ...page.items], nextCursor: page.nextCursor });
      void this.announcer.say(this.source.loadedMessage(page.items.length));
    } catch (error) {
      if (isAbortError(error)) return;
      this.set({ moreError: errorMessage(error) });
    } finally {
      this.set({ loadingMore: false });
    }
  }

  private set(change: Partial<PageState<Item>>): void {
    this.list = { ...this.list, ...change };
    this.host.requestUpdate();
  }
}
