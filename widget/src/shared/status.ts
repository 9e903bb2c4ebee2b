/** Ticket statuses, in the order the agent UI lists them. */
export const TICKET_STATUSES = [
  'open',
  'in_progress',
  'waiting_on_customer',
  'waiting_on_agent',
  'escalated',
  'resolved',
  'closed',
  'reopened',
] as const;

/** A ticket status as the API spells it. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * The status machine: for each status, the statuses a ticket may move to next. A same-status
 * change is not a transition. The API rejects anything else with 409
 * `ticket.invalidTransition`, so the agent UI offers only these.
 */
export const STATUS_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: [
    'in_progress',
    'waiting_on_customer',
    'waiting_on_agent',
    'escalated',
    'resolved',
    'closed',
  ],
  in_progress: ['waiting_on_customer', 'waiting_on_agent', 'escalated', 'resolved', 'closed'],
  waiting_on_customer: ['open', 'in_progress', 'waiting_on_agent', 'resolved', 'closed'],
  waiting_on_agent: ['open', 'in_progress', 'escalated', 'resolved', 'closed'],
  escalated: ['in_progress', 'waiting_on_customer', 'resolved', 'closed'],
  resolved: ['reopened', 'closed'],
  closed: ['reopened'],
  reopened: [
    'in_progress',
    'waiting_on_customer',
    'waiting_on_agent',
    'escalated',
    'resolved',
    'closed',
  ],
};

/** Human-readable status names for chips, selects and the activity timeline. */
export const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  waiting_on_agent: 'Waiting on agent',
  escalated: 'Escalated',
  resolved: 'Resolved',
  closed: 'Closed',
  reopened: 'Reopened',
};

/** Returns true when `value` is one of the API's status values. */
export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}

/** Returns the statuses a ticket in `from` may move to, or none for an unknown status. */
export function allowedTransitions(from: string): readonly TicketStatus[] {
  return isTicketStatus(from) ? STATUS_TRANSITIONS[from] : [];
}

/** Returns true when the customer portal offers "Close" for a ticket in `status`. */
export function customerCanClose(status: string): boolean {
  return allowedTransitions(status).includes('closed');
}

/** Returns true when the customer portal offers "Reopen": only resolved and closed tickets. */
export function customerCanReopen(status: string): boolean {
  return status === 'resolved' || status === 'closed';
}

/** Returns the label for a status, or the raw value for one this build does not know. */
export function statusLabel(status: string): string {
  return isTicketStatus(status) ? STATUS_LABELS[status] : status;
}
