import type { Reply, Ticket } from '../domain/types.js';

/**
 * The ticket as its requester sees it: no followers, no tags (they are agents' labels),
 * nothing that names other customers or agents' internal bookkeeping.
 */
export function customerTicketView(ticket: Ticket) {
  const { lastAgentReplyAt: _agent, lastRequesterReplyAt: _requester, ...rest } = ticket;
  return { ...rest, tags: [], followerIds: [] };
}

/** The ticket as agents see it. */
export function agentTicketView(ticket: Ticket) {
  return ticket;
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
