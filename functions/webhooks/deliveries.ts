import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventType } from '../domain/enums.js';
import { ddb } from '../lib/aws.js';
import { keys } from '../store/keys.js';
import { getItem, queryAll, queryPage, tableName, type Page } from '../store/table.js';

/** Deliveries, their attempt log and the data they send expire this long after they are made. */
export const DELIVERY_RETENTION_DAYS = 30;

/** One event queued for one webhook, as stored; `id` is the `Escalated-Delivery` header. */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  /** The change whose ticket (and reply) items this delivery sends. */
  changeId: string;
  eventId: string;
  eventType: EventType;
  occurredAt: string;
  reference: string;
  /** JSON of the payload fields other than `ticket` and `reply`. */
  details: string;
  /** Whether the payload carries the change's public reply. */
  withReply: boolean;
  /** Attempts since the delivery was queued or last retried by an admin. */
  attempts: number;
  state: 'pending' | 'delivered' | 'dead';
  nextAttemptAt: string;
  createdAt: string;
  lastStatus?: number | null;
  lastError?: string | null;
  deliveredAt?: string;
  /** TTL in epoch seconds. */
  expiresAt: number;
}

/** One entry of a webhook's delivery log. */
export interface DeliveryAttempt {
  id: string;
  deliveryId: string;
  webhookId: string;
  eventId: string;
  eventType: EventType;
  reference: string;
  /** 1 for the first attempt, counted again from 1 after an admin's retry. */
  attempt: number;
  at: string;
  /**
   * `delivered` (a 2xx response), `failed` (another status, a timeout or a network error),
   * `refused` (the target is private while the setting forbids it; nothing was sent) or
   * `cancelled` (the webhook was deleted or switched off, or the event data expired).
   */
  outcome: 'delivered' | 'failed' | 'refused' | 'cancelled';
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** The first 500 characters of the response body. */
  responseBody: string | null;
  /** When the next attempt is due, or null when this was the last one. */
  nextAttemptAt: string | null;
}

/** Returns the TTL attribute value for an item made at `at`. */
export function expiryOf(at: string): number {
  return Math.floor(Date.parse(at) / 1000) + DELIVERY_RETENTION_DAYS * 86_400;
}

/** Builds the index keys that make a pending delivery due at `at`. */
export function deliveryIndexKeys(id: string, at: string): Record<string, string> {
  return { gsi8pk: keys.webhookOutbox(), gsi8sk: `${at}#${id}` };
}

/** Reads one delivery with a consistent read. */
export function getDelivery(id: string): Promise<WebhookDelivery | undefined> {
  return getItem<WebhookDelivery>(keys.webhookDelivery(id));
}

/** Reads the serialized ticket and reply a change's deliveries send. */
export async function getChangeData(
  changeId: string,
): Promise<{ ticket?: string; reply?: string }> {
  const items = await queryAll<{ sk: string; json: string }>({
    partition: keys.webhookChangePartition(changeId),
  });
  const ticket = items.find((item) => item.sk === keys.webhookChangeTicket(changeId).sk);
  const reply = items.find((item) => item.sk === keys.webhookChangeReply(changeId).sk);
  return { ticket: ticket?.json, reply: reply?.json };
}

/**
 * Claims a pending delivery for one attempt: counts the attempt and moves the next attempt
 * two minutes ahead, conditional on the count read, so overlapping runs never send it at once.
 * A run that dies mid-attempt leaves the delivery due again after that lease.
 */
export async function claimDelivery(delivery: WebhookDelivery, now: string): Promise<boolean> {
  const lease = new Date(Date.parse(now) + 2 * 60_000).toISOString();
  return conditionalUpdate(delivery.id, {
    UpdateExpression: 'SET attempts = :next, nextAttemptAt = :lease, gsi8sk = :sk',
    ConditionExpression: 'attempts = :seen AND #state = :pending',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: {
      ':next': delivery.attempts + 1,
      ':seen': delivery.attempts,
      ':pending': 'pending',
      ':lease': lease,
      ':sk': deliveryIndexKeys(delivery.id, lease).gsi8sk,
    },
  });
}

/**
 * Stores the outcome of attempt `attempt`: delivered, dead, or pending again at `nextAttemptAt`.
 * Returns false without writing when an admin's retry reset the delivery during the attempt.
 */
export function finishAttempt(
  delivery: WebhookDelivery,
  attempt: number,
  outcome: { state: WebhookDelivery['state']; status: number | null; error: string | null },
  at: string,
  nextAttemptAt: string | null,
): Promise<boolean> {
  const values: Record<string, unknown> = {
    ':attempt': attempt,
    ':state': outcome.state,
    ':status': outcome.status,
    ':error': outcome.error,
  };
  let update = 'SET #state = :state, lastStatus = :status, lastError = :error';
  if (outcome.state === 'pending' && nextAttemptAt) {
    update += ', nextAttemptAt = :next, gsi8sk = :sk';
    values[':next'] = nextAttemptAt;
    values[':sk'] = deliveryIndexKeys(delivery.id, nextAttemptAt).gsi8sk;
  } else {
    if (outcome.state === 'delivered') {
      update += ', deliveredAt = :at';
      values[':at'] = at;
    }
    update += ' REMOVE gsi8pk, gsi8sk';
  }
  return conditionalUpdate(delivery.id, {
    UpdateExpression: update,
    ConditionExpression: 'attempts = :attempt',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: values,
  });
}

/**
 * Queues a delivery again now with a fresh round of attempts, whatever its state, conditional
 * on the state and attempt count read. Returns false when the delivery changed meanwhile.
 */
export function requeueDelivery(delivery: WebhookDelivery, now: string): Promise<boolean> {
  return conditionalUpdate(delivery.id, {
    UpdateExpression:
      'SET #state = :pending, attempts = :zero, nextAttemptAt = :now, gsi8pk = :pk, gsi8sk = :sk' +
      ' REMOVE deliveredAt',
    ConditionExpression: 'attempts = :seen AND #state = :seenState',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: {
      ':pending': 'pending',
      ':zero': 0,
      ':now': now,
      ':seen': delivery.attempts,
      ':seenState': delivery.state,
      ...prefixed(deliveryIndexKeys(delivery.id, now)),
    },
  });
}

function prefixed(indexKeys: Record<string, string>): Record<string, string> {
  return { ':pk': indexKeys.gsi8pk!, ':sk': indexKeys.gsi8sk! };
}

async function conditionalUpdate(
  id: string,
  update: {
    UpdateExpression: string;
    ConditionExpression: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues: Record<string, unknown>;
  },
): Promise<boolean> {
  try {
    await ddb().send(
      new UpdateCommand({ TableName: tableName(), Key: keys.webhookDelivery(id), ...update }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Appends an entry to a webhook's delivery log. */
export async function logAttempt(entry: DeliveryAttempt): Promise<void> {
  await ddb().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.webhookAttempt(entry.webhookId, entry.at, entry.id),
        entity: 'webhook_attempt',
        ...entry,
        expiresAt: expiryOf(entry.at),
      },
    }),
  );
}

/** Lists a webhook's delivery log, newest first. */
export async function listAttempts(
  webhookId: string,
  limit: number,
  cursor?: string,
): Promise<Page<DeliveryAttempt>> {
  const page = await queryPage<DeliveryAttempt & Record<string, unknown>>(
    {
      partition: keys.webhookPartition(webhookId),
      sortPrefix: keys.webhookAttemptPrefix(),
      newestFirst: true,
    },
    limit,
    cursor,
  );
  const items = page.items.map(
    ({ pk: _pk, sk: _sk, entity: _entity, expiresAt: _expires, ...attempt }) =>
      attempt as unknown as DeliveryAttempt,
  );
  return { items, nextCursor: page.nextCursor };
}

/** The delivery as the admin API returns it: its state, without keys or stored payload. */
export function deliveryView(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    reference: delivery.reference,
    state: delivery.state,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.state === 'pending' ? delivery.nextAttemptAt : null,
    createdAt: delivery.createdAt,
    deliveredAt: delivery.deliveredAt ?? null,
    lastStatus: delivery.lastStatus ?? null,
    lastError: delivery.lastError ?? null,
  };
}
