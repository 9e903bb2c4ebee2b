import { randomUUID } from 'node:crypto';
import {
  InvalidTransitionError,
  toActivities,
  type ChangeResult,
} from '../domain/ticket-changes.js';
import type { Author, Reply, Ticket } from '../domain/types.js';
import { ApiError, ticketNotFound } from '../lib/errors.js';
import { TransactionConflictError, transactWrite, type TransactItem } from '../store/table.js';
import { applySla } from '../sla/apply.js';
import { reportDeltas } from '../domain/reports/deltas.js';
import { ticketEmailWrites } from '../notify/queue-ticket-emails.js';
import { aggregateWrites } from '../reports/aggregates.js';
import { safeWebhookWrites } from '../webhooks/safe-enqueue.js';
import { afterTicketChange } from '../routing/rebalance.js';
import type { EmailMessage } from '../notify/outbox.js';
import { activityWrites, SYSTEM_AUTHOR, ticketWrite } from './items.js';
import { loadTicket } from './repository.js';
import { syncEventWrites } from '../sync/outbox.js';

/** How often a write without If-Match is retried after losing a race on the version. */
const MAX_ATTEMPTS = 8;

/** Waits a short random time before a retry, so racing writers spread out. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * 10 * 2 ** Math.min(attempt, 5);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Result of a mutation: the change, plus other items to write in the same transaction,
 * built from the final ticket (new version, SLA clocks applied).
 */
export interface Mutation extends ChangeResult {
  extraWrites?: (next: Ticket) => TransactItem[];
  /** When the escalation sweep should look next; by default a change makes it look now. */
  rulesCheckAt?: string | null;
  /** The reply or note the change adds, for the notification emails. */
  reply?: Reply;
  /** Emails the change already decided on (rule notifications); their addresses get no other. */
  emails?: EmailMessage[];
}

/** Returns the author of a public agent reply, for the per-agent report. */
function publicAgentReplyAuthor(reply: Reply | undefined): string | undefined {
  if (
    !reply ||
    reply.internal ||
    reply.author.role === 'customer' ||
    reply.author.role === 'system'
  )
    return undefined;
  return reply.author.id;
}

/** Parses an `If-Match` header into a version, or throws a 422 naming the header. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (!match) {
    throw new ApiError(
      'validation.failed',
      'The If-Match header must be a ticket version number.',
      {
        'If-Match': 'must be the ticket version from the last read, for example 3',
      },
    );
  }
  return Number(match[1]);
}

/** Throws a 409 for a ticket a hub shows from another installation: it changes only there. */
export function assertChangeable(ticket: Ticket): void {
  if (!ticket.source) return;
  const { installationName, reference } = ticket.source;
  throw new ApiError(
    'ticket.readOnly',
    `Ticket ${ticket.reference} is kept by the installation "${installationName}" (as ${reference}); change it there.`,
  );
}

function versionConflict(reference: string, expected: number, actual: number): ApiError {
  return new ApiError(
    'ticket.versionConflict',
    `Ticket ${reference} changed since you loaded it (your version ${expected}, now ${actual}); reload and try again.`,
  );
}

function toApiError(error: unknown): unknown {
  if (error instanceof InvalidTransitionError) {
    return new ApiError('ticket.invalidTransition', error.message, {
      status: `cannot move from ${error.from} to ${error.to}`,
    });
  }
  return error;
}

/**
 * Loads a ticket, applies `mutate` and writes the result conditionally on the loaded version,
 * together with its activity and extra items, in one transaction. With `ifMatch`, a stale
 * version throws a 409; without it, a lost race re-reads and re-applies the change.
 */
export async function saveTicketChange(
  reference: string,
  actor: Author | null,
  mutate: (ticket: Ticket, at: string) => Mutation | Promise<Mutation>,
  options: { ifMatch?: number; visible?: (ticket: Ticket) => boolean } = {},
): Promise<Ticket> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await loadTicket(reference);
    if (!current || (options.visible && !options.visible(current))) throw ticketNotFound(reference);
    assertChangeable(current);
    if (options.ifMatch !== undefined && options.ifMatch !== current.version) {
      throw versionConflict(reference, options.ifMatch, current.version);
    }
    const at = new Date().toISOString();
    let mutation: Mutation;
    try {
      mutation = await mutate(current, at);
    } catch (error) {
      throw toApiError(error);
    }
    if (mutation.events.length === 0 && !mutation.extraWrites) return current;
    const clocked = await applySla(current, mutation.ticket, at);
    const rulesCheckAt = mutation.rulesCheckAt !== undefined ? mutation.rulesCheckAt : at;
    const next: Ticket = {
      ...clocked.ticket,
      version: current.version + 1,
      updatedAt: at,
      rulesCheckAt,
    };
    const events = [...mutation.events, ...clocked.events];
    const activities = toActivities(events, actor, at, randomUUID);
    const emailActor = {
      id: actor?.id ?? SYSTEM_AUTHOR.id,
      role: actor?.role ?? SYSTEM_AUTHOR.role,
    };
    const emails = await ticketEmailWrites(
      { before: current, after: next, events, actor: emailActor, reply: mutation.reply },
      at,
      mutation.emails,
    );
    const reports = aggregateWrites(
      reportDeltas({
        before: current,
        after: next,
        events,
        at,
        replyAuthorId: publicAgentReplyAuthor(mutation.reply),
        actorId: actor?.id,
      }),
    );
    const hooks = await safeWebhookWrites({
      ticket: next,
      events: activities,
      at,
      reply: mutation.reply,
    });
    try {
      await transactWrite([
        ticketWrite(next, current.version),
        ...activityWrites(reference, activities),
        ...(mutation.extraWrites?.(next) ?? []),
        ...syncEventWrites({ ticket: next, activities, reply: mutation.reply }),
        ...emails,
        ...reports,
        ...hooks,
      ]);
      await afterTicketChange(current, next);
      return next;
    } catch (error) {
      // The ticket is the first item: its failed condition means another writer moved the
      // version. A failed guard record (idempotency, SLA event) goes to the caller instead.
      const lostRace =
        error instanceof TransactionConflictError && error.reasons[0] === 'ConditionalCheckFailed';
      if (!lostRace) throw error;
      if (options.ifMatch !== undefined) {
        const latest = await loadTicket(reference);
        throw versionConflict(reference, options.ifMatch, latest?.version ?? current.version);
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new ApiError(
          'ticket.versionConflict',
          `Ticket ${reference} is being changed by others right now; try again in a moment.`,
        );
      }
      await backoff(attempt);
    }
  }
}
