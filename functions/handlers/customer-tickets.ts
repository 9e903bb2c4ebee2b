import type { Principal, Ticket } from '../domain/types.js';
import { ApiError } from '../lib/errors.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type ApiRequest, type Route } from '../lib/http.js';
import {
  createTicketBody,
  customerListQuery,
  customerReplyBody,
  emptyBody,
  ratingBody,
  referenceParams,
} from '../schemas/tickets.js';
import { idempotencyScope } from '../store/idempotency.js';
import { assertVisible, customerCanSee } from '../tickets/access.js';
import { createTicket } from '../tickets/create.js';
import { addReply } from '../tickets/replies.js';
import { listRequesterTickets, loadTicketRecord } from '../tickets/repository.js';
import { closeByRequester, reopenByRequester } from '../tickets/update.js';
import { getRating, rateTicket } from '../tickets/ratings.js';
import { customerReplies, customerTicketView } from '../tickets/views.js';

function visibleTo(principal: Principal) {
  return (ticket: Ticket) => customerCanSee(principal, ticket);
}

function scopeOf(request: ApiRequest) {
  return idempotencyScope(
    request.headers['idempotency-key'],
    request.principal.id,
    request.routeKey,
    request.body,
  );
}

/** Customer and guest routes: only the caller's own tickets, never an internal note. */
export const routes: Record<string, Route> = {
  'GET /api/v1/tickets': route({
    access: 'customer',
    query: customerListQuery,
    run: async ({ principal, query }) => {
      const page = await listRequesterTickets(principal.id, query);
      const items = page.items
        .filter(visibleTo(principal))
        .map((ticket) => customerTicketView(ticket));
      return json(200, { items, nextCursor: page.nextCursor });
    },
  }),

  'POST /api/v1/tickets': route({
    access: 'customer',
    body: createTicketBody,
    run: async (request) => {
      const { principal, body } = request;
      if (principal.guest) {
        throw new ApiError(
          'auth.forbidden',
          'A guest link works for its one ticket; open another ticket with the guest form.',
        );
      }
      const channel = 'portal';
      const { response } = await createTicket(principal, body, {
        channel,
        scope: scopeOf(request),
      });
      return response;
    },
  }),

  'GET /api/v1/tickets/{reference}': route({
    access: 'customer',
    params: referenceParams,
    run: async ({ principal, params }) => {
      const record = await loadTicketRecord(params.reference);
      assertVisible(
        record !== undefined && customerCanSee(principal, record.ticket),
        params.reference,
      );
      return json(200, {
        ticket: customerTicketView(record!.ticket),
        replies: customerReplies(record!.replies),
        rating: await getRating(params.reference),
      });
    },
  }),

  'POST /api/v1/tickets/{reference}/replies': route({
    access: 'customer',
    params: referenceParams,
    body: customerReplyBody,
    run: async (request) => {
      const { principal, params, body } = request;
      return addReply(params.reference, body, {
        principal,
        asAgent: false,
        visible: visibleTo(principal),
        scope: scopeOf(request),
      });
    },
  }),

  'POST /api/v1/tickets/{reference}/rating': route({
    access: 'customer',
    params: referenceParams,
    body: ratingBody,
    run: async ({ principal, params, body }) => {
      const { rating, created } = await rateTicket(
        principal,
        params.reference,
        body,
        visibleTo(principal),
      );
      return json(created ? 201 : 200, { rating });
    },
  }),

  'POST /api/v1/tickets/{reference}/close': route({
    access: 'customer',
    params: referenceParams,
    body: emptyBody,
    run: async ({ principal, params }) => {
      const ticket = await closeByRequester(principal, params.reference, visibleTo(principal));
      return json(200, { ticket: customerTicketView(ticket) });
    },
  }),

  'POST /api/v1/tickets/{reference}/reopen': route({
    access: 'customer',
    params: referenceParams,
    body: emptyBody,
    run: async ({ principal, params }) => {
      const ticket = await reopenByRequester(principal, params.reference, visibleTo(principal));
      return json(200, { ticket: customerTicketView(ticket) });
    },
  }),
};

export const handler = createHandler(routes);
