import { css, html, nothing, type TemplateResult } from 'lit';
import type { Activity, Department, UserSummary } from '../shared/api-types.js';
import {
  agentName,
  departmentName,
  formatDateTime,
  formatRelative,
  priorityLabel,
} from '../shared/format.js';
import { statusLabel } from '../shared/status.js';
import { SLA_CLOCK_LABELS, type SlaClockName } from '../sla-badge/sla-clock.js';

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

  .activity .change,
  .activity .activity-note {
    display: block;
  }

  .activity .activity-note {
    color: var(--escalated-color-text-muted);
    font-size: var(--escalated-font-size-sm);
  }
`;

/** The agents and departments whose names replace the ids the API records. */
export interface ActivityNames {
  agents: readonly UserSummary[];
  departments: readonly Department[];
}

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
  'rating.submitted': 'rated the ticket',
};

// The API records a move to one of these statuses twice: a `ticket.status_changed` entry, then
// this event, at the same instant and by the same actor.
const STATUS_EVENTS: Readonly<Record<string, string>> = {
  resolved: 'ticket.resolved',
  closed: 'ticket.closed',
  reopened: 'ticket.reopened',
  escalated: 'ticket.escalated',
};

// Types whose `note` contains the id of the reply or note they created, not text for people.
const NOTE_IS_ID = new Set(['reply.created', 'note.created']);

/** Name shown for the actor of changes the system makes on its own. */
const SYSTEM_NAME = 'Escalated';

/** Renders a ticket's activity timeline, newest first: who, what changed, before → after, when. */
export function renderActivity(
  entries: readonly Activity[],
  names: ActivityNames,
  locale: string | undefined,
): TemplateResult {
  if (entries.length === 0) return html`<p class="muted">No activity yet.</p>`;
  const ordered = withoutDuplicateStatusEvents(entries).sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  return html`<ol class="activity" part="activity" aria-label="Activity">
    ${ordered.map((entry) => renderEntry(entry, names, locale))}
  </ol>`;
}

/**
 * Drops each specific status event (`ticket.resolved`, …) that repeats a `ticket.status_changed`
 * entry of the same move, so one status change shows as one line.
 */
export function withoutDuplicateStatusEvents(entries: readonly Activity[]): Activity[] {
  const statusMoves = new Set<string>();
  for (const entry of entries) {
    const specific = entry.type === 'ticket.status_changed' && STATUS_EVENTS[String(entry.after)];
    if (specific) statusMoves.add(moveKey(specific, entry));
  }
  return entries.filter((entry) => !statusMoves.has(moveKey(entry.type, entry)));
}

function moveKey(type: string, entry: Activity): string {
  return JSON.stringify([type, entry.createdAt, entry.actor?.id ?? null]);
}

function renderEntry(
  entry: Activity,
  names: ActivityNames,
  locale: string | undefined,
): TemplateResult {
  const note = entry.note && !NOTE_IS_ID.has(entry.type) ? entry.note : '';
  return html`<li part="activity-entry" data-type=${entry.type}>
    ${renderSummary(entry, names)}
    ${note ? html`<span class="activity-note">${note}</span>` : nothing}
    <time datetime=${entry.createdAt} title=${formatDateTime(entry.createdAt, locale)}
      >${formatRelative(entry.createdAt, locale)}</time
    >
  </li>`;
}

/** Renders the actor and what they did, with the before → after line of field changes. */
function renderSummary(entry: Activity, names: ActivityNames): TemplateResult {
  const sla = slaSummary(entry);
  if (sla) return html`<span class="sla-event">${sla}</span>`;
  const actor = html`<span class="author">${actorName(entry)}</span>`;
  const tag = tagSummary(entry);
  if (tag) return html`${actor} <span>${tag}</span>`;
  const field = entry.field ?? fieldOfType(entry.type);
  const hasChange =
    field !== undefined && (entry.before !== undefined || entry.after !== undefined);
  return html`${actor} <span>${ACTIVITY_PHRASES[entry.type] ?? entry.type}</span> ${
      hasChange
        ? html`<span class="change">
            ${describeValue(field, entry.before, names)}
            <span aria-hidden="true">→</span><span class="visually-hidden">to</span>
            ${describeValue(field, entry.after, names)}
          </span>`
        : nothing
    }`;
}

function actorName(entry: Activity): string {
  const actor = entry.actor;
  if (!actor || actor.id === 'system') return actor?.name || SYSTEM_NAME;
  return actor.name || actor.id;
}

/** Returns e.g. "First response SLA breached" for an SLA entry, or '' for other types. */
function slaSummary(entry: Activity): string {
  if (entry.type !== 'sla.breached' && entry.type !== 'sla.warning') return '';
  const clock = entry.field && entry.field in SLA_CLOCK_LABELS ? entry.field : undefined;
  const target = clock ? `${SLA_CLOCK_LABELS[clock as SlaClockName]} SLA` : 'SLA';
  return entry.type === 'sla.breached' ? `${target} breached` : `${target} due soon`;
}

/** Returns "added tag X" or "removed tag X" for a tag entry, or '' for other types. */
function tagSummary(entry: Activity): string {
  if (entry.type === 'tag.added') return `added tag ${textOf(entry.after)}`;
  if (entry.type === 'tag.removed') return `removed tag ${textOf(entry.before)}`;
  return '';
}

function fieldOfType(type: string): string | undefined {
  if (type === 'ticket.status_changed') return 'status';
  if (type === 'ticket.priority_changed') return 'priority';
  if (type === 'ticket.assigned' || type === 'ticket.unassigned') return 'assigneeId';
  if (type === 'ticket.department_changed') return 'departmentId';
  return undefined;
}

/** Turns a before or after value into text: labels for statuses and priorities, names for ids. */
function describeValue(field: string, value: unknown, names: ActivityNames): string {
  const empty = value === null || value === undefined || value === '';
  if (field === 'assigneeId') return empty ? 'Unassigned' : agentName(textOf(value), names.agents);
  if (field === 'departmentId') {
    return empty ? 'No department' : departmentName(textOf(value), names.departments);
  }
  if (empty) return 'None';
  if (field === 'status') return statusLabel(textOf(value));
  if (field === 'priority') return priorityLabel(textOf(value));
  return textOf(value);
}

function textOf(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value) ?? '';
}
