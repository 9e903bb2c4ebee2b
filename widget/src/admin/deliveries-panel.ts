import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import { countOf, formatDateTime } from '../shared/format.js';
import { AdminPanel } from './admin-panel.js';
import type { DeliveryAttempt } from './admin-types.js';
import { PagedList } from './paged-list.js';

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

  @state() private retryingId: string | null = null;
  @state() private retryErrors: Record<string, string> = {};
  @state() private retriedIds: ReadonlySet<string> = new Set();

  private readonly pages = new PagedList<DeliveryAttempt>(this, this.requests, this.announcer, {
    api: () => this.api,
    fetchPage: (api, query, options) => api.deliveries(this.webhookId, query, options),
    loadedMessage: (count) => `${countOf(count, 'more attempt')} loaded.`,
  });

  protected override get reloadOn(): readonly string[] {
    return ['api', 'webhookId'];
  }

  protected override async load(): Promise<void> {
    if (this.webhookId) await this.pages.load();
  }

  override render(): TemplateResult {
    return html`<div class="actions-row">
        <button type="button" class="refresh" @click=${() => this.load()}>Refresh</button>
      </div>
      ${this.renderBody()} ${this.announcer.render()}`;
  }

  private renderBody(): TemplateResult {
    return this.pages.render({
      onRetry: () => void this.load(),
      loading: 'Loading deliveries…',
      empty: 'No deliveries yet.',
      caption: 'Delivery attempts, newest first',
      headers: ['When', 'Event', 'Attempt', 'Outcome', 'Details'],
      actionsColumn: true,
      renderRow: (attempt) => this.renderAttempt(attempt),
    });
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
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-webhook-deliveries': EscalatedAdminWebhookDeliveries;
  }
}
