import { logger } from '../lib/logger.js';
import type { TransactItem } from '../store/table.js';
import { queueEmail, type EmailMessage } from './outbox.js';
import { emailsForChange, type TicketChange } from './ticket-emails.js';

/** Most emails one change queues, leaving room in its transaction for the change itself. */
const MAX_EMAILS_PER_CHANGE = 60;

/**
 * Builds the outbox items for the emails a ticket change causes, to be written in the same
 * transaction as the change. `decided` are emails the change already chose (escalation rule
 * notifications); their addresses get no second email. Email is never a reason to fail the
 * change itself, so a failure here is logged and the change goes ahead without email.
 */
export async function ticketEmailWrites(
  change: TicketChange,
  at: string,
  decided: EmailMessage[] = [],
): Promise<TransactItem[]> {
  const covered = new Set(
    decided.flatMap((message) => message.to.map((address) => address.toLowerCase())),
  );
  let generic: EmailMessage[] = [];
  try {
    generic = await emailsForChange(change);
  } catch (error) {
    logger.error('ticket emails could not be prepared', {
      ticket_id: change.after.id,
      error: error instanceof Error ? error : String(error),
    });
  }
  const first = change.before === null;
  const messages = [
    ...decided,
    ...generic
      .map((message) => ({
        ...message,
        to: message.to.filter((address) => !covered.has(address.toLowerCase())),
      }))
      .filter((message) => message.to.length > 0)
      .map((message) => ({ ...message, first })),
  ];
  if (messages.length > MAX_EMAILS_PER_CHANGE) {
    // NOTE: a transaction holds at most 100 items, so a ticket with more followers than this
    // cap gets only the first emails of a change; the rest are logged and dropped.
    logger.warn('ticket emails capped', { ticket_id: change.after.id, emails: messages.length });
  }
  return messages.slice(0, MAX_EMAILS_PER_CHANGE).map((message) => queueEmail(message, at));
}
