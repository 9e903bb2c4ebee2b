import { ticketDriver } from '../drivers/index.js';
import { createHandler } from '../lib/handler.js';
import { route, type Route } from '../lib/http.js';
import {
  agentPatchBody,
  agentReplyBody,
  emptyBody,
  followBody,
  macroBody,
  pinParams,
  queueQuery,
  referenceParams,
} from '../schemas/tickets.js';
import { bulkBody } from '../tickets/bulk.js';

/** Agent routes: the queue, a ticket with notes and activity, changes and replies. */
export const routes: Record<string, Route> = {
  'GET /api/v1/agent/tickets': route({
    access: 'agent',
    runsInCloud: true,
    query: queueQuery,
    run: ({ principal, query }) => ticketDriver().agent.list(principal, query),
  }),

  'GET /api/v1/agent/tickets/{reference}': route({
    access: 'agent',
    runsInCloud: true,
    params: referenceParams,
    run: ({ principal, params }) => ticketDriver().agent.get(principal, params.reference),
  }),

  'PATCH /api/v1/agent/tickets/{reference}': route({
    access: 'agent',
    runsInCloud: true,
    params: referenceParams,
    body: agentPatchBody,
    run: ({ principal, params, body, headers }) =>
      ticketDriver().agent.update(principal, params.reference, body, {
        ifMatch: headers['if-match'],
      }),
  }),

  'POST /api/v1/agent/tickets/{reference}/follow': route({
    access: 'agent',
    runsInCloud: true,
    params: referenceParams,
    body: followBody,
    run: ({ principal, params, body }) =>
      ticketDriver().agent.follow(principal, params.reference, body.following),
  }),

  'POST /api/v1/agent/tickets/{reference}/pin/{replyId}': route({
    access: 'agent',
    runsInCloud: true,
    params: pinParams,
    body: emptyBody,
    run: ({ principal, params }) =>
      ticketDriver().agent.pin(principal, params.reference, params.replyId),
  }),

  'POST /api/v1/agent/tickets/{reference}/macro': route({
    access: 'agent',
    runsInCloud: true,
    params: referenceParams,
    body: macroBody,
    run: ({ principal, params, body }) =>
      ticketDriver().agent.macro(principal, params.reference, body.macroId),
  }),

  'POST /api/v1/agent/tickets/bulk': route({
    access: 'agent',
    runsInCloud: true,
    body: bulkBody,
    run: ({ principal, body }) => ticketDriver().agent.bulk(principal, body),
  }),

  'POST /api/v1/agent/tickets/{reference}/replies': route({
    access: 'agent',
    runsInCloud: true,
    params: referenceParams,
    body: agentReplyBody,
    run: ({ principal, params, body, headers }) =>
      ticketDriver().agent.reply(principal, params.reference, body, {
        idempotencyKey: headers['idempotency-key'],
      }),
  }),
};

export const handler = createHandler(routes);
