import { randomUUID } from 'node:crypto';
import type { Settings } from '../domain/settings.js';
import { statusAfterReply } from '../domain/status-machine.js';
import { implicitStatus, type ChangeResult } from '../domain/ticket-changes.js';
import type { Principal, Reply, Ticket } from '../domain/types.js';
import type { ApiResponse } from '../lib/http.js';
import { getSettings } from '../store/configuration.js';
import { findStoredResult, storeResultItem, type IdempotencyScope } from '../store/idempotency.js';
import { TransactionConflictError } from '../store/table.js';
import { claimAttachments } from '../attachments/claim.js';
import { createTicket } from './create.js';
import { authorOf, replyWrite } from './items.js';
import { loadTicket } from './repository.js';
import { saveTicketChange, type Mutation } from './save.js';
import { agentTicketView, customerTicketView } from './views.js';

/** A reply as submitted. */
export interface ReplyInput {
  body: string;
  internal?: boolean;
  attachmentIds?: string[];
}

/** Who is replying and through which routes. */
export interface ReplyContext {
  principal: Principal;
  asAgent: boolean;
  visible: (ticket: Ticket) => boolean;
  scope?: IdempotencyScope;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Returns whether a requester's reply to a closed ticket comes too late to reopen it. */
export function pastReopenWindow(ticket: Ticket, settings: Settings, now: number): boolean {
  if (ticket.status !== 'closed' || !ticket.closedAt) return false;
  return now - Date.parse(ticket.closedAt) > settings.reopenWindowDays * DAY_MS;
}

function replyMutation(ticket: Ticket, reply: Reply, asAgent: boolean, at: string): ChangeResult {
  let result: ChangeResult = { ticket, events: [] };
  if (reply.internal) return { ticket, events: [{ type: 'note.created', note: reply.id }] };

  const nextStatus = statusAfterReply(ticket.status, asAgent ? 'agent' : 'requester');
  if (nextStatus) result = implicitStatus(ticket, nextStatus, at);
  const stamps: Partial<Ticket> = asAgent
    ? { lastAgentReplyAt: at, firstResponseAt: ticket.firstResponseAt ?? at }
    : { lastRequesterReplyAt: at };
  return {
    ticket: { ...result.ticket, ...stamps },
    events: [{ type: 'reply.created', note: reply.id }, ...result.events],
  };
}

function replyResponse(reply: Reply, ticket: Ticket, asAgent: boolean): ApiResponse {
  return {
    statusCode: 201,
    body: { reply, ticket: asAgent ? agentTicketView(ticket) : customerTicketView(ticket) },
  };
}

/**
 * Adds a public reply or an internal note and applies the implicit status change in the same
 * conditional write. A requester's reply to a ticket closed longer than the reopen window
 * opens a new ticket linked to the old one instead.
 */
export async function addReply(
  reference: string,
  input: ReplyInput,
  context: ReplyContext,
): Promise<ApiResponse> {
  const stored = await findStoredResult(context.scope);
  if (stored) return stored;

  const { principal, asAgent } = context;
  if (!asAgent) {
    const settings = await getSettings();
    const ticket = await loadTicket(reference);
    if (ticket && context.visible(ticket) && pastReopenWindow(ticket, settings, Date.now())) {
      return followUp(ticket, input, context);
    }
  }

  const internal = asAgent && input.internal === true;
  const settings = await getSettings();
  const claimed = await claimAttachments(
    input.attachmentIds ?? [],
    principal,
    reference,
    settings.maxAttachmentsPerReply,
    { internal },
  );
  let reply: Reply | undefined;
  let response: ApiResponse | undefined;
  try {
    const ticket = await saveTicketChange(
      reference,
      authorOf(principal),
      (current, at): Mutation => {
        reply = {
          id: randomUUID(),
          body: input.body,
          internal,
          pinned: false,
          author: authorOf(principal),
          attachments: claimed.attachments,
          createdAt: at,
        };
        const written = reply;
        const change = replyMutation(current, written, asAgent, at);
        const extraWrites = (next: Ticket) => {
          response = replyResponse(written, next, asAgent);
          const writes = [replyWrite(reference, written), ...claimed.writes];
          if (context.scope) writes.push(storeResultItem(context.scope, response));
          return writes;
        };
        return { ...change, extraWrites, reply: written };
      },
      { visible: context.visible },
    );
    return response ?? replyResponse(reply!, ticket, asAgent);
  } catch (error) {
    if (error instanceof TransactionConflictError && context.scope) {
      const raced = await findStoredResult(context.scope);
      if (raced) return raced;
    }
    throw error;
  }
}

async function followUp(
  closed: Ticket,
  input: ReplyInput,
  context: ReplyContext,
): Promise<ApiResponse> {
  const subject = `Re: ${closed.subject}`.slice(0, 255);
  const { ticket } = await createTicket(
    context.principal,
    {
      subject,
      body: input.body,
      priority: closed.priority,
      departmentId: closed.departmentId,
      linkedFrom: closed.reference,
      attachmentIds: input.attachmentIds,
    },
    { channel: closed.channel, scope: undefined },
  );
  const reply: Reply = {
    id: ticket.id,
    body: ticket.body,
    internal: false,
    pinned: false,
    author: authorOf(context.principal),
    attachments: ticket.attachments ?? [],
    createdAt: ticket.createdAt,
  };
  return {
    statusCode: 201,
    body: { reply, ticket: customerTicketView(ticket), linkedFrom: closed.reference },
  };
}
