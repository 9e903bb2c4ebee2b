import { ticketDriver } from '../drivers/index.js';
import { ApiError } from '../lib/errors.js';
import { createHandler } from '../lib/handler.js';
import { route, type Route } from '../lib/http.js';
import {
  createTicketBody,
  customerListQuery,
  customerReplyBody,
  emptyBody,
  ratingBody,
  referenceParams,
} from '../schemas/tickets.js';

/** Customer and guest routes: only the caller's own tickets, never an internal note. */
export const routes: Record<string, Route> = {
  'GET /api/v1/tickets': route({
    access: 'customer',
    runsInCloud: true,
    query: customerListQuery,
    run: ({ principal, query }) => ticketDriver().customer.list(principal, query),
  }),

  'POST /api/v1/tickets': route({
    access: 'customer',
    runsInCloud: true,
    body: createTicketBody,
    run: async ({ principal, body, headers }) => {
      if (principal.guest) {
        throw new ApiError(
          'auth.forbidden',
          'A guest link works for its one ticket; open another ticket with the guest form.',
        );
      }
      return ticketDriver().customer.create(principal, body, {
        idempotencyKey: headers['idempotency-key'],
      });
    },
  }),

  'GET /api/v1/tickets/{reference}': route({
    access: 'customer',
    runsInCloud: true,
    params: referenceParams,
    run: ({ principal, params }) => ticketDriver().customer.get(principal, params.reference),
  }),

  'POST /api/v1/tickets/{reference}/replies': route({
    access: 'customer',
    runsInCloud: true,
    params: referenceParams,
    body: customerReplyBody,
    run: ({ principal, params, body, headers }) =>
      ticketDriver().customer.reply(principal, params.reference, body, {
        idempotencyKey: headers['idempotency-key'],
      }),
  }),

  'POST /api/v1/tickets/{reference}/rating': route({
    access: 'customer',
    runsInCloud: true,
    params: referenceParams,
    body: ratingBody,
    run: ({ principal, params, body }) =>
      ticketDriver().customer.rate(principal, params.reference, body),
  }),

  'POST /api/v1/tickets/{reference}/close': route({
    access: 'customer',
    runsInCloud: true,
    params: referenceParams,
    body: emptyBody,
    run: ({ principal, params }) => ticketDriver().customer.close(principal, params.reference),
  }),

  'POST /api/v1/tickets/{reference}/reopen': route({
    access: 'customer',
    runsInCloud: true,
    params: referenceParams,
    body: emptyBody,
    run: ({ principal, params }) => ticketDriver().customer.reopen(principal, params.reference),
  }),
};

export const handler = createHandler(routes);
