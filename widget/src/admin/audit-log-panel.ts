import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import { countOf, formatDateTime } from '../shared/format.js';
import { AdminPanel, type LoadState } from './admin-panel.js';
import type { AuditEntry } from './admin-types.js';

/** Entries per page of the audit log. */
const PAGE_SIZE = 25;

// Metadata that the API changes on every write, so listing it as a changed field adds nothing.
const METADATA = new Set(['updatedAt', 'version']);

/** Returns the names of the top-level fields that differ between `before` and `after`. */
export function changedFields(before: unknown, after: unknown): string[] {
  const fieldsOf = (value: unknown): Record<string, unknown> =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const old = fieldsOf(before);
  const next = fieldsOf(after);
  const names = new Set([...Object.keys(old), ...Object.keys(next)]);
  return [...names].filter(
    (name) => !METADATA.has(name) && JSON.stringify(old[name]) !== JSON.stringify(next[name]),
  );
}

function asJson(value: unknown): string {
  return value === null || value === undefined ? '(none)' : JSON.stringify(value, null, 2);
}

/**
 * The audit log: every admin change, newest first, with who made it and the item before and
 * after. "Load more" reads the next page.
 *
 * @summary Admin tab with the audit log of admin changes.
 * @tagname escalated-admin-audit-log
 * @csspart list - The table of entries.
 * @csspart row - One entry.
 */
export class EscalatedAdminAuditLog extends AdminPanel {
  /** BCP 47 locale for dates, or empty for the browser's default. */
  @property() locale = '';

  @state() private entries: AuditEntry[] = [];
  @state() private nextCursor: string | null = null;
  @state() private listState: LoadState = 'idle';
  @state() private listError = '';
  @state() private loadingMore = false;
  @state() private moreError = '';

  protected override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const signal = this.requests.start('page');
    this.listState = 'loading';
    try {
      const page = await api.auditLog({ limit: PAGE_SIZE }, { signal });
      this.entries = page.items;
      this.nextCursor = page.nextCursor;
      this.listState = 'ready';
    } catch (error) {
      if (isAbortError(error)) return;
      this.listError = errorMessage(error);
      this.listState = 'error';
    }
  }

  override render(): TemplateResult {
    return html`<div class="panel-header">
        <h3 id="list-heading">Audit log</h3>
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
      return html`<p class="muted" aria-busy="true">Loading the audit log…</p>`;
    }
    if (this.entries.length === 0) {
      return html`<div class="empty" part="empty"><p>No changes recorded yet.</p></div>`;
    }
    return html`<div class="table-wrap">
        <table part="list">
          <caption class="visually-hidden">
            Admin changes, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Change</th>
              <th scope="col">Fields</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            ${this.entries.map((entry) => this.renderEntry(entry))}
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

  private renderEntry(entry: AuditEntry): TemplateResult {
    const actor = entry.actor
      ? `${entry.actor.name ?? entry.actor.id} (${entry.actor.role})`
      : 'System';
    const fields = entry.action === 'update' ? changedFields(entry.before, entry.after) : [];
    return html`<tr part="row" data-id=${entry.id}>
      <td>
        <time datetime=${entry.at}>${formatDateTime(entry.at, this.locale || undefined)}</time>
      </td>
      <td>${actor}</td>
      <td>${entry.action} ${entry.collection}/${entry.targetId}</td>
      <td>${fields.length > 0 ? fields.join(', ') : '—'}</td>
      <td>
        <details>
          <summary>Before and after</summary>
          <h4>Before</h4>
          <pre>${asJson(entry.before)}</pre>
          <h4>After</h4>
          <pre>${asJson(entry.after)}</pre>
        </details>
      </td>
    </tr>`;
  }

  private async loadMore(): Promise<void> {
    const { api, nextCursor } = this;
    if (!api || !nextCursor) return;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await api.auditLog(
        { limit: PAGE_SIZE, cursor: nextCursor },
        { signal: this.requests.start('page') },
      );
      this.entries = [...this.entries, ...page.items];
      this.nextCursor = page.nextCursor;
      void this.announcer.say(
        `${countOf(page.items.length, 'more entry', 'more entries')} loaded.`,
      );
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
    'escalated-admin-audit-log': EscalatedAdminAuditLog;
  }
}
