import { z } from 'zod';
import { REFERENCE_PATTERN } from '../domain/reference.js';
import { PRIORITIES, STATUSES } from '../domain/enums.js';
import type { Principal, Ticket } from '../domain/types.js';
import { ApiError } from '../lib/errors.js';
import { authorOf } from './items.js';
import { saveTicketChange } from './save.js';
import { patchTicket, type AgentPatchInput } from './update.js';

const id = z.string().trim().min(1).max(200);
const tagNames = z.array(z.string().trim().min(1).max(50)).min(1).max(20);
const references = z
  .array(z.string().regex(REFERENCE_PATTERN, 'must be a ticket reference such as ESC-00042'))
  .min(1)
  .max(100);

/** Body of `POST /agent/tickets/bulk`. */
export const bulkBody = z.discriminatedUnion('action', [
  z.strictObject({
    references,
    action: z.literal('assign'),
    value: id,
  }),
  z.strictObject({
    references,
    action: z.literal('unassign'),
  }),
  z.strictObject({
    references,
    action: z.literal('status'),
    value: z.enum(STATUSES),
  }),
  z.strictObject({
    references,
    action: z.literal('priority'),
    value: z.enum(PRIORITIES),
  }),
  z.strictObject({
    references,
    action: z.literal('add_tags'),
    value: tagNames,
  }),
  z.strictObject({
    references,
    action: z.literal('remove_tags'),
    value: tagNames,
  }),
  z.strictObject({
    references,
    action: z.literal('department'),
    value: id.nullable(),
  }),
  z.strictObject({ references, action: z.literal('close') }),
  z.strictObject({ references, action: z.literal('delete') }),
]);
export type BulkRequest = z.infer<typeof bulkBody>;

const BULK_CONCURRENCY = 8;

/** Result of one ticket of a bulk action. */
export type BulkResult =
  | { reference: string; ok: true }
  | { reference: string; ok: false; error: { code: string; message: string } };

function patchFor(request: BulkRequest): AgentPatchInput | undefined {
  switch (request.action) {
    case 'assign':
      return { assigneeId: request.value };
    case 'unassign':
      return { assigneeId: null };
    case 'status':
      return { status: request.value };
    case 'priority':
      return { priority: request.value };
    case 'add_tags':
      return { addTags: request.value };
    case 'remove_tags':
      return { removeTags: request.value };
    case 'department':
      return { departmentId: request.value };
    case 'close':
      return { status: 'closed' };
    case 'delete':
      return undefined;
  }
}

async function softDelete(
  principal: Principal,
  reference: string,
  visible: (ticket: Ticket) => boolean,
): Promise<void> {
  await saveTicketChange(
    reference,
    authorOf(principal),
    (ticket, at) => ({
      ticket: { ...ticket, deletedAt: at },
      events: [{ type: 'ticket.updated', field: 'deletedAt', after: at, note: 'Deleted' }],
    }),
    { visible },
  );
}

/**
 * Applies one action to each ticket on its own: every ticket's change is atomic, and one
 * failing (not visible, a forbidden transition) never stops the others. Delete is for admins
 * and is soft: the ticket leaves every list but its items stay in the table.
 */
export async function runBulk(
  principal: Principal,
  request: BulkRequest,
  visible: (ticket: Ticket) => boolean,
): Promise<BulkResult[]> {
  if (request.action === 'delete' && principal.role !== 'admin') {
    throw new ApiError('auth.forbidden', 'Only admins can delete tickets.');
  }
  const references = [...new Set(request.references)];
  const patch = patchFor(request);
  const one = async (reference: string): Promise<BulkResult> => {
    try {
      if (patch) await patchTicket(principal, reference, patch, { visible });
      else await softDelete(principal, reference, visible);
      return { reference, ok: true };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { reference, ok: false, error: { code: error.code, message: error.message } };
    }
  };
  const results: BulkResult[] = [];
  // A few tickets at a time: fast for 100 tickets without a burst of parallel writes.
  for (let start = 0; start < references.length; start += BULK_CONCURRENCY) {
    results.push(
      ...(await Promise.all(references.slice(start, start + BULK_CONCURRENCY).map(one))),
    );
  }
  return results;
}
