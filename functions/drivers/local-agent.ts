import type { Principal, Ticket } from '../domain/types.js';
import { json } from '../lib/http.js';
import { listViewers } from '../presence/heartbeat.js';
import { getSettings } from '../store/configuration.js';
import { idempotencyScope } from '../store/idempotency.js';
import { agentCanSee, assertVisible, scopedDepartments } from '../tickets/access.js';
import { runBulk } from '../tickets/bulk.js';
import { dashboard } from '../tickets/dashboard.js';
import { applyMacro } from '../tickets/macros.js';
import { getRating } from '../tickets/ratings.js';
import { addReply } from '../tickets/replies.js';
import { listQueue, loadTicketRecord, type QueueFilters } from '../tickets/repository.js';
import { parseIfMatch } from '../tickets/save.js';
import { patchTicket } from '../tickets/update.js';
import { agentReplies, agentTicketView } from '../tickets/views.js';
import { setFollowing, togglePin } from '../tickets/workspace.js';
import type { QueueQuery, TicketDriver } from './types.js';

async function visibility(principal: Principal) {
  const scope = await scopedDepartments(principal, await getSettings());
  return { scope, visible: (ticket: Ticket) => agentCanSee(scope, ticket) };
}

function isoOrUndefined(value: string | undefined): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

/** Turns the queue's query into index filters; `view` presets win over single filters. */
export function queueFilters(
  principal: Principal,
  query: QueueQuery,
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
    createdFrom: isoOrUndefined(query.createdFrom),
    createdTo: isoOrUndefined(query.createdTo),
    followerId: query.view === 'following' ? principal.id : undefined,
  };
  if (query.view === 'mine') filters.assigneeId = principal.id;
  else if (query.view === 'unassigned') filters.assigneeId = null;
  else if (query.assigneeId)
    filters.assigneeId = query.assigneeId === 'none' ? null : query.assigneeId;
  return filters;
}

/** Agent operations on this installation's table, within the agent's department scope. */
export const localAgent: TicketDriver['agent'] = {
  async list(principal, query) {
    const { scope } = await visibility(principal);
    const filters = queueFilters(principal, query, scope);
    const page = await listQueue(filters, query.limit, query.cursor);
    return json(200, {
      items: page.items.map((ticket) => agentTicketView(ticket)),
      nextCursor: page.nextCursor,
    });
  },

  async get(principal, reference) {
    const { visible } = await visibility(principal);
    const record = await loadTicketRecord(reference);
    assertVisible(record !== undefined && visible(record.ticket), reference);
    const { ticket, replies, activity } = record!;
    const body = {
      ticket: agentTicketView(ticket),
      replies: agentReplies(replies),
      activity,
      viewers: await listViewers(reference, new Date(), principal.id),
      rating: await getRating(reference),
    };
    return json(200, body, { ETag: `"${ticket.version}"` });
  },

  async update(principal, reference, body, options) {
    const { visible } = await visibility(principal);
    const ifMatch = parseIfMatch(options.ifMatch);
    const ticket = await patchTicket(principal, reference, body, { ifMatch, visible });
    return json(200, { ticket: agentTicketView(ticket) }, { ETag: `"${ticket.version}"` });
  },

  async reply(principal, reference, body, options) {
    const { visible } = await visibility(principal);
    const scope = idempotencyScope(
      options.idempotencyKey,
      principal.id,
      'POST /api/v1/agent/tickets/{reference}/replies',
      body,
    );
    return addReply(reference, body, { principal, asAgent: true, visible, scope });
  },

  async follow(principal, reference, following) {
    const { visible } = await visibility(principal);
    return json(200, { following: await setFollowing(principal, reference, following, visible) });
  },

  async pin(principal, reference, replyId) {
    const { visible } = await visibility(principal);
    return json(200, { pinned: await togglePin(reference, replyId, visible) });
  },

  async macro(principal, reference, macroId) {
    const { visible } = await visibility(principal);
    const ticket = await applyMacro(principal, reference, macroId, visible);
    return json(200, { ticket: agentTicketView(ticket) }, { ETag: `"${ticket.version}"` });
  },

  async bulk(principal, body) {
    const { visible } = await visibility(principal);
    const results = await runBulk(principal, body, visible);
    const updated = results.filter((result) => result.ok).length;
    return json(200, { results, updated, failed: results.length - updated });
  },

  async dashboard(principal) {
    const { scope } = await visibility(principal);
    return json(200, await dashboard(principal, scope));
  },
};
