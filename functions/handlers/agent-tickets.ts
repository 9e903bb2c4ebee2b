import type { Principal, Ticket } from '../domain/types.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type ApiRequest, type Route } from '../lib/http.js';
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
import { getSettings } from '../store/configuration.js';
import { idempotencyScope } from '../store/idempotency.js';
import { agentCanSee, assertVisible, scopedDepartments } from '../tickets/access.js';
import { addReply } from '../tickets/replies.js';
import { listQueue, loadTicketRecord, type QueueFilters } from '../tickets/repository.js';
import { parseIfMatch } from '../tickets/save.js';
import { patchTicket } from '../tickets/update.js';
import { bulkBody, runBulk } from '../tickets/bulk.js';
import { applyMacro } from '../tickets/macros.js';
import { setFollowing, togglePin } from '../tickets/workspace.js';
import { getRating } from '../tickets/ratings.js';
import { listViewers } from '../presence/heartbeat.js';
import { agentReplies, agentTicketView } from '../tickets/views.js';

async function visibility(principal: Principal) {
  const scope = await scopedDepartments(principal, await getSettings());
  return { scope, visible: (ticket: Ticket) => agentCanSee(scope, ticket) };
}

function queueFilters(
  principal: Principal,
  query: ApiRequest<unknown, QueueQuery>['query'],
  scope?: string[],
): QueueFilters {
  const filters: QueueFilters = {
    status: query.status,
    departmentId: query.departmentId,
    visibleDepartments: scope,
    sort: query.sort,
    slaAtRiskAt: query.view === 'sla_breaching' ? new Date().toISOString() : undefined,
    priorities:
      query.view === 'urgent'
        ? ['urgent', 'critical']
        : query.priority
          ? [query.priority]
          : undefined,
    tag: query.tag,
    q: query.q,
    createdFrom: query.createdFrom ? new Date(query.createdFrom).toISOString() : undefined,
    createdTo: query.createdTo ? new Date(query.createdTo).toISOString() : undefined,
    followerId: query.view === 'following' ? principal.id : undefined,
  };
  if (query.view === 'mine') filters.assigneeId = principal.id;
  else if (query.view === 'unassigned') filters.assigneeId = null;
  else if (query.assigneeId)
    filters.assigneeId = query.assigneeId === 'none' ? null : query.assigneeId;
  return filters;
}

type QueueQuery = {
  status?: Ticket['status'];
  assigneeId?: string;
  departmentId?: string;
  view?: string;
  sort: 'updated' | 'created' | 'sla' | 'priority';
  priority?: Ticket['priority'];
  tag?: string;
  q?: string;
  createdFrom?: string;
  createdTo?: string;
};

/** Agent routes: the queue, a ticket with notes and activity, changes and replies. */
export const routes: Record<string, Route> = {
  'GET /api/v1/agent/tickets': route({
    access: 'agent',
    query: queueQuery,
    run: async ({ principal, query }) => {
      const { scope } = await visibility(principal);
      const page = await listQueue(
        queueFilters(principal, query, scope),
        query.limit,
        query.cursor,
      );
      return json(200, {
        items: page.items.map((ticket) => agentTicketView(ticket)),
        nextCursor: page.nextCursor,
      });
    },
  }),

  'GET /api/v1/agent/tickets/{reference}': route({
    access: 'agent',
    params: referenceParams,
    run: async ({ principal, params }) => {
      const { visible } = await visibility(principal);
      const record = await loadTicketRecord(params.reference);
      assertVisible(record !== undefined && visible(record.ticket), params.reference);
      const { ticket, replies, activity } = record!;
      return json(
        200,
        {
          ticket: agentTicketView(ticket),
          replies: agentReplies(replies),
          activity,
          viewers: await listViewers(params.reference, new Date(), principal.id),
          rating: await getRating(params.reference),
        },
        { ETag: `"${ticket.version}"` },
      );
    },
  }),

  'PATCH /api/v1/agent/tickets/{reference}': route({
    access: 'agent',
    params: referenceParams,
    body: agentPatchBody,
    run: async ({ principal, params, body, headers }) => {
      const { visible } = await visibility(principal);
      const ifMatch = parseIfMatch(headers['if-match']);
      const ticket = await patchTicket(principal, params.reference, body, { ifMatch, visible });
      return json(200, { ticket: agentTicketView(ticket) }, { ETag: `"${ticket.version}"` });
    },
  }),

  'POST /api/v1/agent/tickets/{reference}/follow': route({
    access: 'agent',
    params: referenceParams,
    body: followBody,
    run: async ({ principal, params, body }) => {
      const { visible } = await visibility(principal);
      return json(200, {
        following: await setFollowing(principal, params.reference, body.following, visible),
      });
    },
  }),

  'POST /api/v1/agent/tickets/{reference}/pin/{replyId}': route({
    access: 'agent',
    params: pinParams,
    body: emptyBody,
    run: async ({ principal, params }) => {
      const { visible } = await visibility(principal);
      return json(200, { pinned: await togglePin(params.reference, params.replyId, visible) });
    },
  }),

  'POST /api/v1/agent/tickets/{reference}/macro': route({
    access: 'agent',
    params: referenceParams,
    body: macroBody,
    run: async ({ principal, params, body }) => {
      const { visible } = await visibility(principal);
      const ticket = await applyMacro(principal, params.reference, body.macroId, visible);
      return json(200, { ticket: agentTicketView(ticket) }, { ETag: `"${ticket.version}"` });
    },
  }),

  'POST /api/v1/agent/tickets/bulk': route({
    access: 'agent',
    body: bulkBody,
    run: async ({ principal, body }) => {
      const { visible } = await visibility(principal);
      const results = await runBulk(principal, body, visible);
      const updated = results.filter((result) => result.ok).length;
      return json(200, { results, updated, failed: results.length - updated });
    },
  }),

  'POST /api/v1/agent/tickets/{reference}/replies': route({
    access: 'agent',
    params: referenceParams,
    body: agentReplyBody,
    run: async (request) => {
      const { principal, params, body, headers, routeKey } = request;
      const { visible } = await visibility(principal);
      const scope = idempotencyScope(headers['idempotency-key'], principal.id, routeKey, body);
      return addReply(params.reference, body, { principal, asAgent: true, visible, scope });
    },
  }),
};

export const handler = createHandler(routes);
