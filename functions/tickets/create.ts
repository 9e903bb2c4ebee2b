import { randomUUID } from 'node:crypto';
import type { Channel, Priority } from '../domain/enums.js';
import { formatReference } from '../domain/reference.js';
import type { Principal, Ticket } from '../domain/types.js';
import { ApiError, invalidField } from '../lib/errors.js';
import type { ApiResponse } from '../lib/http.js';
import { findDepartment, getSettings } from '../store/configuration.js';
import { nextCounterValue } from '../store/counters.js';
import { findStoredResult, storeResultItem, type IdempotencyScope } from '../store/idempotency.js';
import { TransactionConflictError, transactWrite } from '../store/table.js';
import { applySla } from '../sla/apply.js';
import { applyPatch, toActivities, type ChangeResult } from '../domain/ticket-changes.js';
import { claimAttachments } from '../attachments/claim.js';
import { reportDeltas } from '../domain/reports/deltas.js';
import { aggregateWrites } from '../reports/aggregates.js';
import { safeWebhookWrites } from '../webhooks/safe-enqueue.js';
import { ticketEmailWrites } from '../notify/queue-ticket-emails.js';
import { pickRoundRobinAgent } from '../routing/assign.js';
import { syncEventWrites } from '../sync/outbox.js';
import { activityWrites, SYSTEM_AUTHOR, authorOf, newActivity, ticketWrite } from './items.js';
import { customerTicketView } from './views.js';

/** Fields a requester submits to open a ticket. */
export interface NewTicketInput {
  subject: string;
  body: string;
  priority?: Priority;
  departmentId?: string | null;
  linkedFrom?: string;
  attachmentIds?: string[];
}

async function resolveDepartment(departmentId: string | null | undefined): Promise<string | null> {
  if (!departmentId) return null;
  if (!(await findDepartment(departmentId))) {
    throw invalidField(
      'departmentId',
      `department "${departmentId}" does not exist; pick one from the department list`,
    );
  }
  return departmentId;
}

/**
 * Gives a new ticket in an auto-assigning department to the next round-robin agent, moving
 * it to in_progress as any assignment of an open ticket does. Leaves it unassigned when
 * no agent is available under the cap.
 */
async function autoAssign(ticket: Ticket, at: string): Promise<ChangeResult> {
  const department = ticket.departmentId ? await findDepartment(ticket.departmentId) : undefined;
  if (!department?.autoAssign) return { ticket, events: [] };
  const agentId = await pickRoundRobinAgent(department);
  if (!agentId) return { ticket, events: [] };
  const change = applyPatch(ticket, { assigneeId: agentId }, at);
  const note = `Assigned by round-robin in ${department.name}`;
  return { ticket: change.ticket, events: change.events.map((event) => ({ ...event, note })) };
}

/** Builds a new ticket for a requester; pure apart from the id it draws. */
export function buildTicket(
  requester: Principal,
  input: NewTicketInput,
  fields: {
    reference: string;
    priority: Priority;
    departmentId: string | null;
    channel: Channel;
    at: string;
  },
): Ticket {
  return {
    id: randomUUID(),
    reference: fields.reference,
    subject: input.subject,
    body: input.body,
    status: 'open',
    priority: fields.priority,
    channel: fields.channel,
    departmentId: fields.departmentId,
    assigneeId: null,
    requester: {
      id: requester.id,
      name: requester.name,
      email: requester.email,
      guest: requester.guest,
    },
    tags: [],
    followerIds: [],
    createdAt: fields.at,
    updatedAt: fields.at,
    firstResponseAt: null,
    lastAgentReplyAt: null,
    lastRequesterReplyAt: fields.at,
    resolvedAt: null,
    closedAt: null,
    linkedFrom: input.linkedFrom ?? null,
    installationId: requester.apiKey?.id ?? null,
    rulesCheckAt: fields.at,
    firedRules: [],
    version: 1,
    slaClock: null,
  };
}

/**
 * Opens a ticket: draws the next reference from the atomic counter, then writes the ticket,
 * its first activity and the idempotency record in one transaction. A retry with the same
 * `Idempotency-Key` returns the first result and writes nothing.
 */
export async function createTicket(
  requester: Principal,
  input: NewTicketInput,
  options: {
    channel: Channel;
    scope?: IdempotencyScope;
    /** Adds fields to the response body and the guest link to the creation email (guests). */
    guestAccess?: (ticket: Ticket) => Promise<{ body: Record<string, unknown>; link?: string }>;
  },
): Promise<{ ticket: Ticket; response: ApiResponse }> {
  const stored = await findStoredResult(options.scope);
  if (stored) return { ticket: (stored.body as { ticket: Ticket }).ticket, response: stored };

  const settings = await getSettings();
  const departmentId = await resolveDepartment(input.departmentId);
  const priority =
    input.priority && settings.allowCustomerPriority ? input.priority : settings.defaultPriority;
  const reference = formatReference(
    settings.referencePrefix,
    await nextCounterValue('ticket-reference'),
  );
  const at = new Date().toISOString();
  const built = buildTicket(requester, input, {
    reference,
    priority,
    departmentId,
    channel: options.channel,
    at,
  });
  const claimed = await claimAttachments(
    input.attachmentIds ?? [],
    requester,
    reference,
    settings.maxAttachmentsPerReply,
  );
  const routed = await autoAssign({ ...built, attachments: claimed.attachments }, at);
  const { ticket } = await applySla(null, routed.ticket, at);
  const access = options.guestAccess ? await options.guestAccess(ticket) : undefined;
  const response: ApiResponse = {
    statusCode: 201,
    body: { ticket: customerTicketView(ticket), ...access?.body },
  };
  const created = newActivity(
    'ticket.created',
    authorOf(requester),
    at,
    input.linkedFrom ? { note: `Follow-up to ${input.linkedFrom}` } : {},
  );
  const routing = toActivities(routed.events, SYSTEM_AUTHOR, at, randomUUID);
  const emails = await ticketEmailWrites(
    {
      before: null,
      after: ticket,
      events: [{ type: 'ticket.created' }, ...routed.events],
      actor: { id: requester.id, role: requester.role },
      guestLink: access?.link,
    },
    at,
  );

  const hooks = await safeWebhookWrites({ ticket, events: [created, ...routing], at });
  try {
    await transactWrite([
      ticketWrite(ticket, null),
      ...activityWrites(reference, [created, ...routing]),
      ...(options.scope ? [storeResultItem(options.scope, response)] : []),
      ...claimed.writes,
      ...syncEventWrites({ ticket, activities: [created, ...routing] }),
      ...emails,
      ...aggregateWrites(
        reportDeltas({
          before: null,
          after: ticket,
          events: [{ type: 'ticket.created' }, ...routed.events],
          at,
        }),
      ),
      ...hooks,
    ]);
  } catch (error) {
    // A concurrent request with the same key won the race: return what it stored.
    const raced = await racedResult(error, options.scope);
    if (raced) return { ticket: (raced.body as { ticket: Ticket }).ticket, response: raced };
    throw error;
  }
  return { ticket, response };
}

async function racedResult(
  error: unknown,
  scope: IdempotencyScope | undefined,
): Promise<ApiResponse | undefined> {
  if (!(error instanceof TransactionConflictError) || !scope) return undefined;
  const stored = await findStoredResult(scope);
  if (!stored)
    throw new ApiError(
      'idempotency.inProgress',
      'A request with this Idempotency-Key is still in progress; retry shortly.',
    );
  return stored;
}
