import { randomUUID } from 'node:crypto';
import type { EventType } from '../domain/enums.js';
import { earliestDeadline, nextCheckAt } from '../domain/sla/sweep.js';
import type { Activity, Author, Principal, Reply, Ticket } from '../domain/types.js';
import { keys, ticketIndexKeys } from '../store/keys.js';
import type { TransactItem } from '../store/table.js';

/** Version of the stored item shapes, kept on every item for later migrations. */
const ITEM_VERSION = 1;

/** Builds the stored ticket item with all of its index keys. */
export function ticketItem(ticket: Ticket): Record<string, unknown> {
  const slaCheckAt = ticket.slaClock ? nextCheckAt(ticket.slaClock) : null;
  const deadline = ticket.slaClock ? earliestDeadline(ticket.slaClock) : null;
  // A deleted ticket leaves every queue and sweep; only its own partition keeps it.
  const indexKeys = ticket.deletedAt
    ? {}
    : ticketIndexKeys({
        ...ticket,
        slaCheckAt,
        slaDeadline: deadline?.dueAt,
        rulesCheckAt: ticket.rulesCheckAt,
      });
  return {
    ...keys.ticket(ticket.reference),
    ...indexKeys,
    slaWarnAt: deadline?.warnAt,
    tagNames: ticket.tags.map((tag) => tag.name.toLowerCase()),
    searchText: searchTextOf(ticket),
    entity: 'ticket',
    itemVersion: ITEM_VERSION,
    ...ticket,
  };
}

/**
 * Lowercased text the queue's `q` filter searches: reference (and, on a hub, the reference at
 * the ticket's own installation), subject, requester name and email.
 */
function searchTextOf(ticket: Ticket): string {
  return [
    ticket.reference,
    ticket.source?.reference ?? '',
    ticket.subject,
    ticket.requester.name,
    ticket.requester.email ?? '',
  ]
    .join(' ')
    .toLowerCase();
}

/** Strips the table's key attributes from a stored item. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (
      /^(pk|sk|gsi\d+pk|gsi\d+sk|entity|itemVersion|expiresAt|slaWarnAt|tagNames|searchText)$/.test(
        name,
      )
    )
      continue;
    rest[name] = value;
  }
  return rest as T;
}

/**
 * Builds the put that creates a ticket or replaces it only when the stored version is still
 * `expectedVersion` — so concurrent writers never lose each other's change.
 */
export function ticketWrite(ticket: Ticket, expectedVersion: number | null): TransactItem {
  if (expectedVersion === null) {
    return { Put: { Item: ticketItem(ticket), ConditionExpression: 'attribute_not_exists(pk)' } };
  }
  return {
    Put: {
      Item: ticketItem(ticket),
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

/** Returns the author record of a caller. */
export function authorOf(principal: Principal): Author {
  return { id: principal.id, name: principal.name, role: principal.role };
}

/** The author of changes the system makes on its own. */
export const SYSTEM_AUTHOR: Author = { id: 'system', name: 'Escalated', role: 'system' };

/** Builds a new activity entry. */
export function newActivity(
  type: EventType,
  actor: Author | null,
  at: string,
  detail: Pick<Activity, 'field' | 'before' | 'after' | 'note'> = {},
): Activity {
  return { id: randomUUID(), type, actor, createdAt: at, ...detail };
}

/**
 * Builds the puts of activity entries. The position within the batch is part of the sort key,
 * so entries written in the same millisecond keep their order.
 */
export function activityWrites(reference: string, activities: Activity[]): TransactItem[] {
  return activities.map((activity, position) => {
    const entryId = `${String(position).padStart(2, '0')}#${activity.id}`;
    const key = keys.activity(reference, activity.createdAt, entryId);
    const byAge = {
      gsi8pk: keys.activityDay(activity.createdAt.slice(0, 10)),
      gsi8sk: `${activity.createdAt}#${reference}#${entryId}`,
    };
    return {
      Put: {
        Item: { ...key, ...byAge, entity: 'activity', itemVersion: ITEM_VERSION, ...activity },
      },
    };
  });
}

/** Builds the put of a new reply or note. */
export function replyWrite(reference: string, reply: Reply): TransactItem {
  return {
    Put: {
      Item: {
        ...keys.reply(reference, reply.createdAt, reply.id),
        entity: 'reply',
        itemVersion: ITEM_VERSION,
        ...reply,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
