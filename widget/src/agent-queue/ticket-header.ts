import { html, type TemplateResult } from 'lit';
import type { Department, Ticket, Viewer } from '../shared/api-types.js';
import { displayName, formatDateTime, priorityLabel } from '../shared/format.js';
import { statusLabel } from '../shared/status.js';
import { renderPresence } from './presence.js';
import { renderTicketFacts } from './ticket-facts.js';

/** Settings and state that the ticket header shows besides the ticket. */
export interface TicketHeaderState {
  /** BCP 47 locale for dates, or empty for the browser's default. */
  locale: string;
  /** True when the signed-in agent follows the ticket. */
  following: boolean;
  /** True while a change to the ticket is sent, which disables the follow button. */
  updating: boolean;
  departments: readonly Department[];
  /** The agents that have the ticket open, with their typing state. */
  viewers: readonly Viewer[];
  /** Id of the signed-in agent, whom the presence list leaves out. */
  selfId: string | undefined;
}

/**
 * Renders the ticket's header: subject, reference, status, priority, SLA badge, requester,
 * creation time and the follow button, then the ticket's facts and the other agents on it.
 */
export function renderTicketHeader(
  ticket: Ticket,
  state: TicketHeaderState,
  onFollow: () => void,
): TemplateResult {
  const following = state.following;
  return html`<div class="ticket-header" part="header">
    <h2 class="subject" tabindex="-1">${ticket.subject}</h2>
    <p class="meta">
      <span class="reference">${ticket.reference}</span>
      <span class="chip status-${ticket.status}" part="status">${statusLabel(ticket.status)}</span>
      <span class="chip priority-${ticket.priority}">${priorityLabel(ticket.priority)}</span>
      <escalated-sla-badge
        part="sla"
        .ticket=${ticket}
        locale=${state.locale}
      ></escalated-sla-badge>
      <span>From ${displayName(ticket.requester)}</span>
      <span class="muted"
        >Opened ${formatDateTime(ticket.createdAt, state.locale || undefined)}</span
      >
      <button
        id="follow"
        part="follow"
        type="button"
        aria-pressed=${following ? 'true' : 'false'}
        ?disabled=${state.updating}
        @click=${onFollow}
      >
        ${following ? 'Following' : 'Follow'}
      </button>
    </p>
    ${renderTicketFacts(ticket, state.departments)} ${renderPresence(state.viewers, state.selfId)}
  </div>`;
}
