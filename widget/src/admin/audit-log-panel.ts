import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { countOf, formatDateTime } from '../shared/format.js';
import { AdminPanel } from './admin-panel.js';
import type { AuditEntry } from './admin-types.js';
import { PagedList } from './paged-list.js';

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

  private readonly pages = new PagedList<AuditEntry>(this, this.requests, this.announcer, {
    api: () => this.api,
    fetchPage: (api, query, options) => api.auditLog(query, options),
    loadedMessage: (count) => `${countOf(count, 'more entry', 'more entries')} loaded.`,
  });

  protected override load(): Promise<void> {
    return this.pages.load();
  }

  override render(): TemplateResult {
    return html`<div class="panel-header">
        <h3 id="list-heading">Audit log</h3>
        <button type="button" class="refresh" @click=${() => this.load()}>Refresh</button>
      </div>
      ${this.renderBody()} ${this.announcer.render()}`;
  }

  private renderBody(): TemplateResult {
    return this.pages.render({
      onRetry: () => void this.load(),
      loading: 'Loading the audit log…',
      empty: 'No changes recorded yet.',
      caption: 'Admin changes, newest first',
      headers: ['When', 'Who', 'Change', 'Fields', 'Details'],
      renderRow: (entry) => this.renderEntry(entry),
    });
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
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-audit-log': EscalatedAdminAuditLog;
  }
}
