import type { Role, Status } from './enums.js';

/** The statuses each status may move to. A same-status change is never allowed. */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
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

/** Returns whether the status machine allows moving from one status to another. */
export function canTransition(from: Status, to: Status): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Timestamp fields a transition sets or clears, applied after the status changes. */
export interface TransitionStamps {
  resolvedAt?: string | null;
  closedAt?: string | null;
}

/**
 * Returns the timestamp changes a transition implies: resolving sets `resolvedAt`, closing
 * sets `closedAt`, and reopening clears both.
 */
export function transitionStamps(to: Status, at: string): TransitionStamps {
  if (to === 'resolved') return { resolvedAt: at };
  if (to === 'closed') return { closedAt: at };
  if (to === 'reopened') return { resolvedAt: null, closedAt: null };
  return {};
}

/** Writer of a public reply, as far as implicit status changes care. */
export type ReplyAuthor = 'agent' | 'requester';

/** Returns the status a public reply moves the ticket to, or `undefined` when it stays. */
export function statusAfterReply(current: Status, author: ReplyAuthor): Status | undefined {
  if (author === 'agent') {
    const moves: readonly Status[] = ['open', 'in_progress', 'waiting_on_agent', 'reopened'];
    return moves.includes(current) ? 'waiting_on_customer' : undefined;
  }
  if (current === 'waiting_on_customer') return 'waiting_on_agent';
  if (current === 'resolved' || current === 'closed') return 'reopened';
  return undefined;
}

/** Returns the status assigning moves a ticket to: an `open` ticket becomes `in_progress`. */
export function statusAfterAssign(current: Status): Status | undefined {
  return current === 'open' ? 'in_progress' : undefined;
}

/** Returns whether a customer may ask for this transition through the customer routes. */
export function customerMayRequest(from: Status, to: Status, role: Role): boolean {
  if (role !== 'customer') return true;
  if (to === 'closed') return from !== 'closed';
  if (to === 'reopened') return from === 'resolved' || from === 'closed';
  return false;
}
