import { randomUUID } from 'node:crypto';
import type { Principal, Ticket } from '../domain/types.js';
import { ApiError, ticketNotFound } from '../lib/errors.js';
import { keys } from '../store/keys.js';
import { getItem, TransactionConflictError, transactWrite } from '../store/table.js';
import { reportDeltas } from '../domain/reports/deltas.js';
import { aggregateWrites } from '../reports/aggregates.js';
import { safeWebhookWrites } from '../webhooks/safe-enqueue.js';
import { syncEventWrites } from '../sync/outbox.js';
import { activityWrites, authorOf, newActivity } from './items.js';
import { loadTicket } from './repository.js';

/** A requester's satisfaction rating of a ticket. */
export interface Rating {
  rating: number;
  comment: string | null;
  submittedAt: string;
  updatedAt: string;
}

/** A rating can be changed for this long after it was first submitted. */
const CHANGE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Reads a ticket's rating, if any. */
export async function getRating(reference: string): Promise<Rating | null> {
  const item = await getItem<Rating>(keys.rating(reference));
  return item
    ? {
        rating: item.rating,
        comment: item.comment ?? null,
        submittedAt: item.submittedAt,
        updatedAt: item.updatedAt,
      }
    : null;
}

function checkRatable(ticket: Ticket): void {
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
    throw new ApiError(
      'rating.notAllowed',
      `Ticket ${ticket.reference} is ${ticket.status}; it can be rated once it is resolved or closed.`,
    );
  }
}

/**
 * Records the requester's rating, once per ticket: a later submission within seven days of
 * the first changes it, after that it is locked. Only resolved or closed tickets are rated.
 * Returns whether the rating was created (true) or changed (false).
 */
export async function rateTicket(
  principal: Principal,
  reference: string,
  input: { rating: number; comment?: string },
  visible: (ticket: Ticket) => boolean,
): Promise<{ rating: Rating; created: boolean }> {
  const ticket = await loadTicket(reference);
  if (!ticket || !visible(ticket)) throw ticketNotFound(reference);
  checkRatable(ticket);
  const at = new Date().toISOString();
  const existing = await getRating(reference);
  if (existing && Date.parse(at) - Date.parse(existing.submittedAt) > CHANGE_WINDOW_MS) {
    throw new ApiError(
      'rating.locked',
      'This rating was submitted more than 7 days ago and can no longer be changed.',
    );
  }
  const rating: Rating = {
    rating: input.rating,
    comment: input.comment ?? existing?.comment ?? null,
    submittedAt: existing?.submittedAt ?? at,
    updatedAt: at,
  };
  const activity = newActivity('rating.submitted', authorOf(principal), at, {
    field: 'rating',
    before: existing?.rating ?? null,
    after: input.rating,
  });
  const condition = existing
    ? {
        ConditionExpression: 'submittedAt = :submitted',
        ExpressionAttributeValues: { ':submitted': existing.submittedAt },
      }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  const hooks = await safeWebhookWrites({ ticket, events: [activity], at });
  const entry = { ...activity, id: randomUUID() };
  try {
    await transactWrite([
      {
        Put: {
          Item: {
            ...keys.rating(reference),
            entity: 'rating',
            requesterId: principal.id,
            ...rating,
          },
          ...condition,
        },
      },
      ...activityWrites(reference, [entry]),
      ...syncEventWrites({ ticket, activities: [entry], rating }),
      ...aggregateWrites(reportDeltas({ before: ticket, after: ticket, events: [activity], at })),
      ...hooks,
    ]);
  } catch (error) {
    if (error instanceof TransactionConflictError) {
      throw new ApiError(
        'rating.notAllowed',
        'The rating changed at the same time; reload and try again.',
      );
    }
    throw error;
  }
  return { rating, created: !existing };
}
