import { css, html, nothing, type TemplateResult } from 'lit';
import type { Activity, UserSummary } from '../shared/api-types.js';
import {
  agentName,
  displayName,
  formatDateTime,
  formatRelative,
  priorityLabel,
} from '../shared/format.js';
import { statusLabel } from '../shared/status.js';

/** Styles of {@link renderActivity}. */
export const activityStyles = css`
  .activity {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--escalated-space-sm);
  }

  .activity li {
    border-inline-start: 2px solid var(--escalated-color-border);
    padding-inline-start: var(--escalated-space-sm);
    overflow-wrap: anywhere;
  }

  .activity .change {
    display: block;
  }
`;

// Phrases for the activity types the API records. Unknown types show the raw type.
const ACTIVITY_PHRASES: Readonly<Record<string, string>> = {
  'ticket.created': 'opened the ticket',
  'ticket.updated': 'updated the ticket',
  'ticket.status_changed': 'changed the status',
  'ticket.assigned': 'assigned the ticket',
  'ticket.unassigned': 'unassigned the ticket',
  'ticket.priority_changed': 'changed the priority',
  'ticket.department_changed': 'changed the department',
  'ticket.escalated': 'escalated the ticket',
  'ticket.resolved': 'resolved the ticket',
  'ticket.closed': 'closed the ticket',
  'ticket.reopened': 'reopened the ticket',
  'reply.created': 'replied',
  'note.created': 'added an internal note',
  'sla.warning': 'SLA warning',
  'sla.breached': 'SLA breached',
  'tag.added': 'added a tag',
  'tag.removed': 'removed a tag',
  'rating.submitted': 'rated the ticket',
};

const FIELD_NAMES: Readonly<Record<string, string>> = {
  status: 'Status',
  priority: 'Priority',
  assigneeId: 'Assignee',
  departmentId: 'Department',
  tags: 'Tags',
};

/** Renders a ticket's activity timeline, newest first: who, what changed, before → after, when. */
export function renderActivity(
  entries: readonly Activity[],
  agents: readonly UserSummary[],
  locale: string | undefined,
): TemplateResult {
  if (entries.length === 0) return html`<p class="muted">No activity yet.</p>`;
  const ordered = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return html`<ol class="activity" part="activity" aria-label="Activity">
    ${ordered.map((entry) => renderEntry(entry, agents, locale))}
  </ol>`;
}

function renderEntry(
  entry: Activity,
  agents: readonly UserSummary[],
  locale: string | undefined,
): TemplateResult {
  const hasChange = entry.before !== undefined || entry.after !== undefined;
  const impliedField = fieldOfType(entry.type);
  const field = entry.field ?? impliedField;
  // "changed the status" already names the field, so only generic entries name it.
  const prefix = field && !impliedField ? `${FIELD_NAMES[field] ?? field}: ` : '';
  return html`<li part="activity-entry" data-type=${entry.type}>
    <span class="author">${displayName(entry.actor)}</span>
    <span>${ACTIVITY_PHRASES[entry.type] ?? entry.type}</span>
    ${
      hasChange
        ? html`<span class="change">
            ${prefix}${describeValue(field, entry.before, agents)}
            <span aria-hidden="true">→</span><span class="visually-hidden">to</span>
            ${describeValue(field, entry.after, agents)}
          </span>`
        : nothing
    }
    <time datetime=${entry.createdAt} title=${formatDateTime(entry.createdAt, locale)}
      >${formatRelative(entry.createdAt, locale)}</time
    >
  </li>`;
}

function fieldOfType(type: string): string | undefined {
  if (type === 'ticket.status_changed') return 'status';
  if (type === 'ticket.priority_changed') return 'priority';
  if (type === 'ticket.assigned' || type === 'ticket.unassigned') return 'assigneeId';
  if (type === 'ticket.department_changed') return 'departmentId';
  return undefined;
}

/** Turns a before or after value into text: labels for statuses, priorities and agents. */
function describeValue(
  field: string | undefined,
  value: unknown,
  agents: readonly UserSummary[],
): string {
  if (value === null || value === undefined || value === '') {
    return field === 'assigneeId' ? 'Unassigned' : 'none';
  }
  if (field === 'status' && typeof value === 'string') return statusLabel(value);
  if (field === 'priority' && typeof value === 'string') return priorityLabel(value);
  if (field === 'assigneeId' && typeof value === 'string') return agentName(value, agents);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}
