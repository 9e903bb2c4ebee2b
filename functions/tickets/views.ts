import { slaView } from '../domain/sla/sweep.js';
import type { Reply, Ticket, TicketSla } from '../domain/types.js';

/** Computes the public `sla` object at `now` from the stored clocks. */
function publicSla(ticket: Ticket, now: string): TicketSla | null {
  return ticket.slaClock ? slaView(ticket.slaClock, ticket.status, now) : null;
}

/**
 * Builds the ticket as its requester may read it: no followers, no tags (they are agents' labels),
 * nothing that names other customers or agents' internal bookkeeping.
 */
export function customerTicketView(ticket: Ticket, now = new Date().toISOString()) {
  const {
    lastAgentReplyAt: _agent,
    lastRequesterReplyAt: _requester,
    slaClock: _clock,
    rulesCheckAt: _rules,
    firedRules: _fired,
    deletedAt: _deleted,
    installationId: _installation,
    source: _source,
    ...rest
  } = ticket;
  return { ...rest, tags: [], followerIds: [], sla: publicSla(ticket, now) };
}

/** Builds the ticket as agents read it, with the public `sla` object. */
export function agentTicketView(ticket: Ticket, now = new Date().toISOString()) {
  const { slaClock: _clock, rulesCheckAt: _rules, ...rest } = ticket;
  return { ...rest, sla: publicSla(ticket, now) };
}

/** Public replies only, oldest first; internal notes never leave for customers. */
export function customerReplies(replies: Reply[]): Reply[] {
  return replies.filter((reply) => !reply.internal).map((reply) => ({ ...reply, pinned: false }));
}

/** Pinned notes first (oldest pin first), then every reply and note oldest first. */
export function agentReplies(replies: Reply[]): Reply[] {
  const pinned = replies.filter((reply) => reply.internal && reply.pinned);
  const rest = replies.filter((reply) => !(reply.internal && reply.pinned));
  return [...pinned, ...rest];
}
