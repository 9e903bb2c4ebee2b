import { randomUUID } from 'node:crypto';
import { keys } from '../store/keys.js';
import type { TransactItem } from '../store/table.js';

/** An email waiting in the outbox. */
export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
  /** Ticket the email is about; its id makes the thread's Message-ID. */
  ticketId?: string;
  reference?: string;
  /** The first email of a ticket's thread carries the thread's Message-ID. */
  first?: boolean;
}

/** An outbox item as stored. */
export interface OutboxItem {
  id: string;
  kind: 'email';
  message: EmailMessage;
  attempts: number;
  state: 'pending' | 'sent' | 'dead';
  nextAttemptAt: string;
  createdAt: string;
  lastError?: string;
}

/** Builds the outbox index keys of an item that is due at `at`. */
export function outboxIndexKeys(id: string, at: string): Record<string, string> {
  return { gsi8pk: keys.outbox(), gsi8sk: `${at}#${id}` };
}

/**
 * Builds the put that queues an email, to be written in the same transaction as the change
 * that caused it; the deliver-outbox job sends it. A failing mail server never fails the
 * change, and a retried job never sends it twice while it is still queued.
 */
export function queueEmail(message: EmailMessage, at: string): TransactItem {
  const id = randomUUID();
  const item: OutboxItem = {
    id,
    kind: 'email',
    message,
    attempts: 0,
    state: 'pending',
    nextAttemptAt: at,
    createdAt: at,
  };
  return {
    Put: {
      Item: { ...keys.outboxItem(id), ...outboxIndexKeys(id, at), entity: 'outbox', ...item },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
