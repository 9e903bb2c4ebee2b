import { randomUUID } from 'node:crypto';
import type { Activity, Reply, Ticket } from '../domain/types.js';
import { config } from '../lib/config.js';
import { keys } from '../store/keys.js';
import type { TransactItem } from '../store/table.js';
import type { Rating } from '../tickets/ratings.js';

/** A ticket as another installation receives it: no sweep bookkeeping of this installation. */
export type SyncTicket = Omit<Ticket, 'rulesCheckAt' | 'firedRules' | 'source' | 'installationId'>;

/** The payload of one sync event: the ticket after the change, and what the change added. */
export interface SyncPayload {
  ticket: SyncTicket;
  activity: Activity;
  reply?: Reply;
  rating?: Rating;
}

/** One event of the feed to the hub, `{ id, type, occurredAt, payload }`. */
export interface SyncEvent {
  id: string;
  type: Activity['type'];
  occurredAt: string;
  payload: SyncPayload;
}

/** A sync event waiting in this installation's outbox. */
export interface SyncOutboxItem extends SyncEvent {
  attempts: number;
  state: 'pending' | 'dead';
  nextAttemptAt: string;
  lastError?: string;
}

/** Index keys that make an event due at `at`; `position` keeps a change's events in order. */
export function syncIndexKeys(item: { id: string; nextAttemptAt: string; position?: number }) {
  const position = String(item.position ?? 0).padStart(2, '0');
  return { gsi8pk: keys.syncOutbox(), gsi8sk: `${item.nextAttemptAt}#${position}#${item.id}` };
}

function snapshot(ticket: Ticket): SyncTicket {
  const {
    rulesCheckAt: _rules,
    firedRules: _fired,
    source: _source,
    installationId: _installation,
    ...rest
  } = ticket;
  return rest;
}

/** Returns the reply an activity entry announces, when the change added one. */
function replyOf(activity: Activity, reply: Reply | undefined): Reply | undefined {
  const adds = activity.type === 'reply.created' || activity.type === 'note.created';
  return adds && reply && activity.note === reply.id ? reply : undefined;
}

/**
 * Builds the puts that queue one sync event per activity entry of a change, written in the
 * change's own transaction: the change and its events are stored together or not at all.
 * Outside `synced` mode there is nothing to queue.
 */
export function syncEventWrites(change: {
  ticket: Ticket;
  activities: Activity[];
  reply?: Reply;
  rating?: Rating;
}): TransactItem[] {
  if (config().mode !== 'synced' || change.ticket.source) return [];
  const ticket = snapshot(change.ticket);
  return change.activities.map((activity, position) => {
    const reply = replyOf(activity, change.reply);
    const rating = activity.type === 'rating.submitted' ? change.rating : undefined;
    const item: SyncOutboxItem = {
      id: randomUUID(),
      type: activity.type,
      occurredAt: activity.createdAt,
      payload: { ticket, activity, ...(reply ? { reply } : {}), ...(rating ? { rating } : {}) },
      attempts: 0,
      state: 'pending',
      nextAttemptAt: activity.createdAt,
    };
    return {
      Put: {
        Item: {
          ...keys.syncOutboxItem(item.id),
          ...syncIndexKeys({ ...item, position }),
          entity: 'sync-outbox',
          ...item,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  });
}
