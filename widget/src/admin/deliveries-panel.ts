import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import { countOf, formatDateTime } from '../shared/format.js';
import { AdminPanel, type LoadState } from './admin-panel.js';
import type { DeliveryAttempt } from './admin-types.js';

/** Attempts per page of the delivery log. */
const PAGE_SIZE = 25;

function statusText(attempt: DeliveryAttempt): string {
  const code = attempt.statusCode === null ? '' : ` (HTTP ${attempt.statusCode})`;
  return `${attempt.outcome}${code}`;
}

/**
 * The delivery log of one webhook: one row per attempt, newest first, with "Load more" and a
 * Retry button that queues the delivery again with a fresh round of attempts.
 *
 * @summary Delivery log of one webhook, with retry.
 * @tagname escalated-admin-webhook-deliveries
 * @csspart list - The table of attempts.
 * @csspart row - One attempt.
 * @csspart empty - The text shown before the first delivery.
 */
export class EscalatedAdminWebhookDeliveries extends AdminPanel {
  /** Id of the webhook whose deliveries are listed. */
  @property({ attribute: 'webhook-id' }) webhookId = '';

  @state() private attempts: DeliveryAttempt[] = [];
  @state() private nextCursor: string | null = null;
  @state() private listState: LoadState = 'idle';
  @state() private listError = '';
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() private retryingId: string | null = null;
  @state() private retryErrors: Record<string, string> = {};
  @state() private retriedIds: ReadonlySet<string> = new Set();

  protected override get reloadOn(): readonly string[] {
    return ['api', 'webhookId'];
  }

  protected override async load(): Promise<void> {
    const { api, webhookId } = this;
    if (!api || !webhookId) return;
    const signal = this.requests.start('page');
    this.listState = 'loading';
    try {
      const page = await api.deliveries(webhookId, { limit: PAGE_SIZE }, { signal });
      this.attempts = page.items;
      this.nextCursor = page.nextCursor;
      this.listState = 'ready';
    } catch (error) {
      if (isAbortError(error)) return;
      this.listError = errorMessage(error);
      this.listState = 'error';
    }
  }

  override render(): TemplateResult {
    return html`<div class="actions-row">
        <button type="button" class="refresh" @click=${() => this.load()}>Refresh</button>
      </div>
      ${this.renderBody()} ${this.announcer.render()}`;
  }

  private renderBody(): TemplateResult {
    if (this.listState === 'error') {
      return html`<div class="error" role="alert">
        <span>${this.listError}</span>
        <button type="button" @click=${() => this.load()}>Try again</button>
      </div>`;
    }
    if (this.listState !== 'ready') {
      return html`<p class="muted" aria-busy="true">Loading deliveries…</p>`;
    }
    if (this.attempts.length === 0) {
      return html`<div class="empty" part="empty"><p>No deliveries yet.</p></div>`;
    }
    return html`<div class="table-wrap">
        <table part="list">
          <caption class="visually-hidden">
            Delivery attempts, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Attempt</th>
              <th scope="col">Outcome</th>
              <th scope="col">Details</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.attempts.map((attempt) => this.renderAttempt(attempt))}
          </tbody>
        </table>
      </div>
      ${this.moreError ? html`<p class="error" role="alert">${this.moreError}</p>` : nothing}
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

  private renderAttempt(attempt: DeliveryAttempt): TemplateResult {
    const error = this.retryErrors[attempt.id];
    const retried = this.retriedIds.has(attempt.deliveryId);
    return html`<tr part="row" data-id=${attempt.id} data-delivery=${attempt.deliveryId}>
      <td><time datetime=${attempt.at}>${formatDateTime(attempt.at)}</time></td>
      <td>${attempt.eventType}${attempt.reference ? html`<br />${attempt.reference}` : nothing}</td>
      <td>${attempt.attempt}</td>
      <td>${statusText(attempt)}</td>
      <td>
        ${attempt.error ? html`<div>${attempt.error}</div>` : nothing}
        ${attempt.durationMs === null ? nothing : html`<div>${attempt.durationMs} ms</div>`}
        ${
          attempt.nextAttemptAt
            ? html`<div>
                Next attempt
                <time datetime=${attempt.nextAttemptAt}
                  >${formatDateTime(attempt.nextAttemptAt)}</time
                >
              </div>`
            : nothing
        }
        ${
          attempt.responseBody
            ? html`<details>
                <summary>Response body</summary>
                <pre>${attempt.responseBody}</pre>
              </details>`
            : nothing
        }
      </td>
      <td class="actions">
        <button
          class="retry"
          type="button"
          ?disabled=${this.retryingId !== null || retried}
          @click=${() => this.retry(attempt)}
        >
          ${retried ? 'Queued' : 'Retry'}
          <span class="visually-hidden"> delivery of ${attempt.eventType}</span>
        </button>
        ${error ? html`<div class="error row-error" role="alert">${error}</div>` : nothing}
      </td>
    </tr>`;
  }

  private async retry(attempt: DeliveryAttempt): Promise<void> {
    const { api, webhookId } = this;
    if (!api || this.retryingId) return;
    this.retryingId = attempt.id;
    const { [attempt.id]: _dropped, ...rest } = this.retryErrors;
    this.retryErrors = rest;
    try {
      await api.retryDelivery(webhookId, attempt.deliveryId, {
        signal: this.requests.start('retry'),
      });
      this.retriedIds = new Set([...this.retriedIds, attempt.deliveryId]);
      void this.announcer.say(`Queued the ${attempt.eventType} delivery again.`);
    } catch (error) {
      if (isAbortError(error)) return;
      this.retryErrors = { ...this.retryErrors, [attempt.id]: errorMessage(error) };
    } finally {
      this.retryingId = null;
    }
  }

  private async loadMore(): Promise<void> {
    const { api, nextCursor, webhookId } = this;
    if (!api || !nextCursor) return;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await api.deliveries(
        webhookId,
        { limit: PAGE_SIZE, cursor: nextCursor },
        { signal: this.requests.start('page') },
      );
      this.attempts = [...this.attempts, ...page.items];
      this.nextCursor = page.nextCursor;
      void this.announcer.say(`${countOf(page.items.length, 'more attempt')} loaded.`);
    } catch (error) {
      if (isAbortError(error)) return;
      this.moreError = errorMessage(error);
    } finally {
      this.loadingMore = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-webhook-deliveries': EscalatedAdminWebhookDeliveries;
  }
}
