import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, type EventType } from '../domain/enums.js';
import type { Author, Reply, Ticket } from '../domain/types.js';
import { logger } from '../lib/logger.js';
import { keys } from '../store/keys.js';
import type { TransactItem } from '../store/table.js';
import { agentTicketView } from '../tickets/views.js';
import { deliveryIndexKeys, expiryOf, type WebhookDelivery } from './deliveries.js';
import { subscribes, type Webhook } from './schema.js';
import { listWebhooks } from './store.js';

/**
 * Items one change may add to its transaction. DynamoDB allows 100 items in a transaction,
 * and the ticket, its activity entries and its emails share them.
 */
export const MAX_WEBHOOK_WRITES = 40;

/** One event of a change, as `saveTicketChange` builds it or as an activity entry stores it. */
export interface WebhookEventInput {
  /** The event id receivers see; an activity entry's id when given, else a new one. */
  id?: string;
  type: string;
  field?: string;
  before?: unknown;
  after?: unknown;
  /** Activity text, or the id of the reply or note a `reply.created`/`note.created` adds. */
  note?: string;
  actor?: Author | null;
}

/** The change {@link webhookWrites} queues events of. */
export interface WebhookWritesInput {
  /** The ticket after the change. */
  ticket: Ticket;
  events: WebhookEventInput[];
  at: string;
  /** The reply or internal note the change adds, if any. */
  reply?: Reply;
}

const PUBLIC_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

/**
 * Maps an activity type to the event type webhooks carry. Every activity type is a public
 * event type today, and bookkeeping entries (following, a macro or rule applied) are already
 * `ticket.updated`. A type added later without a public name is sent as `ticket.updated` too.
 */
export function publicEventType(type: string): EventType {
  return PUBLIC_TYPES.has(type) ? (type as EventType) : 'ticket.updated';
}

/** Returns whether the change's reply is the public reply a `reply.created` event adds. */
function isPublicReplyOf(event: WebhookEventInput, reply: Reply | undefined): reply is Reply {
  return reply !== undefined && !reply.internal && (!event.note || event.note === reply.id);
}

/**
 * Builds the payload fields of an event other than `ticket` and `reply`. A note event carries
 * only the note's id: internal note bodies never leave through webhooks.
 */
export function eventDetails(
  event: WebhookEventInput,
  type: EventType,
  reply: Reply | undefined,
): Record<string, unknown> {
  const actor = event.actor ? { actor: event.actor } : {};
  if (type === 'note.created') {
    return { ...actor, note: { id: event.note ?? reply?.id ?? null, internal: true } };
  }
  const details: Record<string, unknown> = { ...actor };
  if (event.field !== undefined) {
    details.change = {
      field: event.field,
      before: event.before ?? null,
      after: event.after ?? null,
    };
  }
  if (type === 'reply.created') {
    if (!isPublicReplyOf(event, reply)) details.reply = { id: event.note ?? null };
  } else if (event.note !== undefined) {
    details.detail = event.note;
  }
  return details;
}

/** Serializes a public reply as webhooks send it; callers pass only public replies. */
function publicReplyJson(reply: Reply): string {
  const { pinned: _pinned, ...fields } = reply;
  return JSON.stringify({ ...fields, internal: false });
}

interface PlannedDelivery {
  webhook: Webhook;
  event: WebhookEventInput;
  eventId: string;
  type: EventType;
}

function planDeliveries(webhooks: Webhook[], events: WebhookEventInput[]): PlannedDelivery[] {
  const planned: PlannedDelivery[] = [];
  for (const event of events) {
    const type = publicEventType(event.type);
    const eventId = event.id ?? randomUUID();
    for (const webhook of webhooks) {
      if (webhook.active && subscribes(webhook, type)) {
        planned.push({ webhook, event, eventId, type });
      }
    }
  }
  return planned;
}

function changeDataWrites(changeId: string, input: WebhookWritesInput, withReply: boolean) {
  const expiresAt = expiryOf(input.at);
  const ticketJson = JSON.stringify(agentTicketView(input.ticket, input.at));
  const writes: TransactItem[] = [
    {
      Put: {
        Item: {
          ...keys.webhookChangeTicket(changeId),
          entity: 'webhook_change',
          json: ticketJson,
          expiresAt,
        },
      },
    },
  ];
  if (withReply && input.reply) {
    const Item = {
      ...keys.webhookChangeReply(changeId),
      entity: 'webhook_change',
      json: publicReplyJson(input.reply),
      expiresAt,
    };
    writes.push({ Put: { Item } });
  }
  return writes;
}

function deliveryWrite(
  planned: PlannedDelivery,
  changeId: string,
  input: WebhookWritesInput,
): TransactItem {
  const id = randomUUID();
  const delivery: WebhookDelivery = {
    id,
    webhookId: planned.webhook.id,
    changeId,
    eventId: planned.eventId,
    eventType: planned.type,
    occurredAt: input.at,
    reference: input.ticket.reference,
    details: JSON.stringify(eventDetails(planned.event, planned.type, input.reply)),
    withReply: planned.type === 'reply.created' && isPublicReplyOf(planned.event, input.reply),
    attempts: 0,
    state: 'pending',
    nextAttemptAt: input.at,
    createdAt: input.at,
    expiresAt: expiryOf(input.at),
  };
  return {
    Put: {
      Item: {
        ...keys.webhookDelivery(id),
        ...deliveryIndexKeys(id, input.at),
        entity: 'webhook_delivery',
        ...delivery,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Builds the items that queue a change's events for the active webhooks among `webhooks`
 * that subscribe to them: the ticket (agent view) and public reply once per change, then one
 * delivery per webhook and event. At most {@link MAX_WEBHOOK_WRITES} items are returned;
 * deliveries beyond that are dropped and logged.
 */
export function buildWebhookWrites(input: WebhookWritesInput, webhooks: Webhook[]): TransactItem[] {
  const planned = planDeliveries(webhooks, input.events);
  if (planned.length === 0) return [];

  const changeId = randomUUID();
  const withReply = planned.some(
    (delivery) => delivery.type === 'reply.created' && isPublicReplyOf(delivery.event, input.reply),
  );
  const dataWrites = changeDataWrites(changeId, input, withReply);
  const room = MAX_WEBHOOK_WRITES - dataWrites.length;
  if (planned.length > room) {
    logger.warn('webhook deliveries dropped over the per-change limit', {
      ticket_reference: input.ticket.reference,
      planned: planned.length,
      queued: room,
    });
  }
  const deliveries = planned.slice(0, room).map((p) => deliveryWrite(p, changeId, input));
  return [...dataWrites, ...deliveries];
}

/**
 * Builds the items that queue a change's events for every active webhook subscribed to them
 * (see {@link buildWebhookWrites}), reading the webhooks from a 10 s cache. Written in the
 * change's own transaction, an event is queued exactly when the change commits; the
 * `deliver-webhooks` job sends it.
 *
 * @example
 * const writes = await webhookWrites({ ticket: next, events: activities, at, reply });
 * await transactWrite([ticketWrite(next, current.version), ...writes]);
 */
export async function webhookWrites(input: WebhookWritesInput): Promise<TransactItem[]> {
  if (input.events.length === 0) return [];
  return buildWebhookWrites(input, await listWebhooks());
}
