import { randomUUID } from 'node:crypto';
import type { Principal, Ticket } from '../domain/types.js';
import { signGuestToken } from '../guests/tokens.js';
import { config } from '../lib/config.js';
import { ApiError } from '../lib/errors.js';
import { json } from '../lib/http.js';
import { getSettings } from '../store/configuration.js';
import { idempotencyScope } from '../store/idempotency.js';
import { assertVisible, customerCanSee } from '../tickets/access.js';
import { createTicket } from '../tickets/create.js';
import { getRating, rateTicket } from '../tickets/ratings.js';
import { addReply } from '../tickets/replies.js';
import { listRequesterTickets, loadTicketRecord } from '../tickets/repository.js';
import { closeByRequester, reopenByRequester } from '../tickets/update.js';
import { customerReplies, customerTicketView } from '../tickets/views.js';
import type { TicketDriver } from './types.js';

function visibleTo(principal: Principal) {
  return (ticket: Ticket) => customerCanSee(principal, ticket);
}

/** Builds the link a guest's emails carry: the host's portal page with the token in the fragment. */
function guestLink(reference: string, token: string): string | undefined {
  const portal = config().portalUrl;
  if (!portal) return undefined;
  const url = new URL(portal);
  url.searchParams.set('ticket', reference);
  url.hash = `escalated-token=${token}`;
  return url.toString();
}

/** Customer operations on this installation's table: only the caller's own tickets. */
export const localCustomer: TicketDriver['customer'] = {
  async list(principal, query) {
    const page = await listRequesterTickets(principal.id, query);
    const items = page.items
      .filter(visibleTo(principal))
      .map((ticket) => customerTicketView(ticket));
    return json(200, { items, nextCursor: page.nextCursor });
  },

  async get(principal, reference) {
    const record = await loadTicketRecord(reference);
    assertVisible(record !== undefined && customerCanSee(principal, record.ticket), reference);
    return json(200, {
      ticket: customerTicketView(record!.ticket),
      replies: customerReplies(record!.replies),
      rating: await getRating(reference),
    });
  },

  async create(principal, body, options) {
    const scope = idempotencyScope(
      options.idempotencyKey,
      principal.id,
      'POST /api/v1/tickets',
      body,
    );
    const { response } = await createTicket(principal, body, { channel: 'portal', scope });
    return response;
  },

  reply(principal, reference, body, options) {
    const scope = idempotencyScope(
      options.idempotencyKey,
      principal.id,
      'POST /api/v1/tickets/{reference}/replies',
      body,
    );
    return addReply(reference, body, {
      principal,
      asAgent: false,
      visible: visibleTo(principal),
      scope,
    });
  },

  async rate(principal, reference, body) {
    const { rating, created } = await rateTicket(principal, reference, body, visibleTo(principal));
    return json(created ? 201 : 200, { rating });
  },

  async close(principal, reference) {
    const ticket = await closeByRequester(principal, reference, visibleTo(principal));
    return json(200, { ticket: customerTicketView(ticket) });
  },

  async reopen(principal, reference) {
    const ticket = await reopenByRequester(principal, reference, visibleTo(principal));
    return json(200, { ticket: customerTicketView(ticket) });
  },
};

/** Guest tickets on this installation's table, each with a token for that one ticket. */
export const localGuest: TicketDriver['guest'] = {
  async create(input, options) {
    if (!(await getSettings()).guestTicketsEnabled) {
      throw new ApiError(
        'auth.forbidden',
        'This helpdesk does not accept tickets from guests; sign in to open one.',
      );
    }
    const { name, email, ...ticket } = input;
    const guest: Principal = {
      id: `guest-${randomUUID()}`,
      name,
      email,
      role: 'customer',
      departments: [],
      guest: true,
      ...(options.viaKey ? { apiKey: options.viaKey } : {}),
    };
    const scope = idempotencyScope(
      options.idempotencyKey,
      `guest:${email.toLowerCase()}`,
      'POST /api/v1/guest/tickets',
      input,
    );
    const { response } = await createTicket(guest, ticket, {
      channel: 'guest',
      scope,
      guestAccess: async (created: Ticket) => {
        const accessToken = await signGuestToken({ id: guest.id, name, email }, created.reference);
        return { body: { accessToken }, link: guestLink(created.reference, accessToken) };
      },
    });
    return response;
  },
};
