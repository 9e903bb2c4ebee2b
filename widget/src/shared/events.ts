import type { Rating, Ticket } from './api-types.js';

/** Detail of `escalated-ticket-created`. */
export interface TicketCreatedDetail {
  reference: string;
}

/** Detail of `escalated-reply-created`. `internal` is true for an agent's internal note. */
export interface ReplyCreatedDetail {
  reference: string;
  replyId: string;
  internal: boolean;
}

/** Detail of `escalated-ticket-updated`: the ticket after a status, assignee or other change. */
export interface TicketUpdatedDetail {
  reference: string;
  ticket: Ticket;
}

/** Detail of `escalated-ticket-rated`: the requester's rating after it was saved. */
export interface TicketRatedDetail {
  reference: string;
  rating: Rating;
}

/** Every event the elements fire, by name. */
export interface EscalatedEventMap {
  'escalated-ticket-created': CustomEvent<TicketCreatedDetail>;
  'escalated-reply-created': CustomEvent<ReplyCreatedDetail>;
  'escalated-ticket-updated': CustomEvent<TicketUpdatedDetail>;
  'escalated-ticket-rated': CustomEvent<TicketRatedDetail>;
}

declare global {
  // Declaration merging needs an interface here, so the lint rule against empty extends is off.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends EscalatedEventMap {}
}

type DetailOf<K extends keyof EscalatedEventMap> =
  EscalatedEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Fires one of the elements' events. They bubble and are composed, so a host page listening
 * on the element or on `document` receives them from inside nested shadow roots, retargeted to
 * the outermost Escalated element. None is cancelable: each reports something already done.
 */
export function emit<K extends keyof EscalatedEventMap>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
