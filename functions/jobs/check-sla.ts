import { dueEvents, recordEvents, type DueEvent } from '../domain/sla/sweep.js';
import type { Ticket } from '../domain/types.js';
import { keys, INDEX } from '../store/keys.js';
import { TransactionConflictError, type TransactItem } from '../store/table.js';
import { SYSTEM_AUTHOR } from '../tickets/items.js';
import { saveTicketChange, type Mutation } from '../tickets/save.js';
import { newSummary, referenceOf, sweepDue, type SweepSummary } from './due.js';

/** Guard item of one warning or breach: its conditional put makes the event fire once. */
function guardWrite(reference: string, event: DueEvent, now: string): TransactItem {
  return {
    Put: {
      Item: {
        pk: keys.ticketPartition(reference),
        sk: `SLA#${event.target}#${event.cycle}#${event.kind}`,
        entity: 'sla-event',
        ...event,
        recordedAt: now,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function sweepMutation(ticket: Ticket, events: DueEvent[], now: string): Mutation {
  const clock = recordEvents(ticket.slaClock!, events, now);
  return {
    ticket: { ...ticket, slaClock: clock },
    events: events.map((event) => ({
      type: event.kind === 'breach' ? ('sla.breached' as const) : ('sla.warning' as const),
      field: event.target,
      after: event.at,
    })),
    extraWrites: () => events.map((event) => guardWrite(ticket.reference, event, now)),
  };
}

async function checkTicket(reference: string, now: string): Promise<'changed' | 'skipped'> {
  let changed = false;
  try {
    await saveTicketChange(reference, SYSTEM_AUTHOR, (ticket) => {
      const events = ticket.slaClock ? dueEvents(ticket.slaClock, now) : [];
      changed = events.length > 0;
      return changed ? sweepMutation(ticket, events, now) : { ticket, events: [] };
    });
  } catch (error) {
    // A guard record already exists: an overlapping run recorded this event first.
    if (error instanceof TransactionConflictError) return 'skipped';
    throw error;
  }
  return changed ? 'changed' : 'skipped';
}

/**
 * Records SLA warnings and breaches that are due at `now`, each once per ticket, target and
 * cycle. Reads only the due-time index entries at or before `now`, never the rest of the table.
 */
export async function checkSla(now: string): Promise<SweepSummary> {
  const summary = newSummary('check-sla', now);
  await sweepDue(
    INDEX.slaDue,
    keys.slaDue(),
    now,
    ({ pk }) => checkTicket(referenceOf(pk), now),
    summary,
  );
  return summary;
}
