import type { Ticket } from '../shared/api-types.js';

/** Values a canned response's placeholders are filled with. */
export interface PlaceholderValues {
  ticket: Pick<Ticket, 'reference' | 'subject' | 'status' | 'priority' | 'requester'>;
  agentName: string;
}

// `{{ ticket.reference }}`: a dotted name between double braces, spaces allowed inside.
const PLACEHOLDER = /\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g;

/**
 * Fills the placeholders of a canned response as the API fills those of macro replies:
 * `{{ticket.reference}}`, `{{ticket.subject}}`, `{{ticket.status}}`, `{{ticket.priority}}`,
 * `{{requester.name}}`, `{{requester.email}}` and `{{agent.name}}`. A missing value becomes
 * an empty string, and an unknown placeholder stays as written, so the agent notices it.
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  const known: Readonly<Record<string, string>> = {
    'ticket.reference': values.ticket.reference,
    'ticket.subject': values.ticket.subject,
    'ticket.status': values.ticket.status,
    'ticket.priority': values.ticket.priority,
    'requester.name': values.ticket.requester.name ?? '',
    'requester.email': values.ticket.requester.email ?? '',
    'agent.name': values.agentName,
  };
  return body.replace(PLACEHOLDER, (match, name: string) => known[name] ?? match);
}

/**
 * Inserts `text` into a textarea at the caret, replacing any selection, and leaves the caret
 * after it. Fires `input` so listeners see the change as typing.
 */
export function insertAtCaret(textarea: HTMLTextAreaElement, text: string): void {
  const start = textarea.selectionStart ?? textarea.value.length;
  const end = textarea.selectionEnd ?? start;
  textarea.setRangeText(text, start, end, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
