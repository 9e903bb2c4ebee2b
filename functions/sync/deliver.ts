import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { callHub } from '../hub/client.js';
import { ddb } from '../lib/aws.js';
import { ApiError } from '../lib/errors.js';
import { logger } from '../lib/logger.js';
import { INDEX, keys } from '../store/keys.js';
import { tableName } from '../store/table.js';
import { listDue } from './due-events.js';
import { syncIndexKeys, type SyncEvent, type SyncOutboxItem } from './outbox.js';

/** Attempts before an event is set aside as dead: about ten hours of backoff in all. */
export const MAX_SYNC_ATTEMPTS = 15;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 60 * 60_000;
/** Events per request to the hub's `/sync/events`. */
export const SYNC_BATCH_SIZE = 50;
/** JSON bytes of one request, well under the hub's default 1 MiB body limit. */
const MAX_REQUEST_BYTES = 512 * 1024;
/** Batches one run sends at most, so a run ends well inside the function's timeout. */
const MAX_BATCHES = 20;

/** Delay before the next attempt: doubling from a minute up to an hour, with ±20 % jitter. */
export function syncBackoffMs(attempt: number, random = Math.random): number {
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay * (0.8 + 0.4 * random()));
}

/** Counts of one sync delivery run. */
export interface SyncSummary {
  sent: number;
  duplicates: number;
  rejected: number;
  retried: number;
  dead: number;
}

interface HubResult {
  id: string;
  status: 'applied' | 'duplicate' | 'rejected';
  message?: string;
}

/**
 * Claims an event for one attempt: counts the attempt and moves its next attempt a few
 * minutes ahead, on condition that no other run claimed it since it was read.
 */
async function claim(id: string, now: string): Promise<SyncOutboxItem | undefined> {
  const lease = new Date(Date.parse(now) + 5 * 60_000).toISOString();
  try {
    const result = await ddb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.syncOutboxItem(id),
        UpdateExpression: 'SET attempts = attempts + :one, nextAttemptAt = :lease, gsi8sk = :sk',
        ConditionExpression: '#state = :pending AND nextAttemptAt <= :now',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':pending': 'pending',
          ':now': now,
          ':lease': lease,
          ':sk': syncIndexKeys({ id, nextAttemptAt: lease }).gsi8sk,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes as SyncOutboxItem;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

async function remove(id: string): Promise<void> {
  await ddb().send(new DeleteCommand({ TableName: tableName(), Key: keys.syncOutboxItem(id) }));
}

/** Sets an event aside as dead: out of the due index, into the dead list, kept for a retry. */
async function markDead(item: SyncOutboxItem, message: string, now: string): Promise<void> {
  await ddb().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.syncOutboxItem(item.id),
      UpdateExpression: 'SET #state = :dead, lastError = :error, gsi8pk = :pk, gsi8sk = :sk',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':dead': 'dead',
        ':error': message,
        ':pk': keys.syncOutboxDead(),
        ':sk': `${now}#${item.id}`,
      },
    }),
  );
  logger.error('sync event dead', { event_id: item.id, attempts: item.attempts, error: message });
}

async function retryLater(
  item: SyncOutboxItem,
  message: string,
  now: string,
  jitter: number,
): Promise<void> {
  const next = new Date(Date.parse(now) + syncBackoffMs(item.attempts, () => jitter)).toISOString();
  await ddb().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.syncOutboxItem(item.id),
      UpdateExpression: 'SET nextAttemptAt = :next, gsi8sk = :sk, lastError = :error',
      ExpressionAttributeValues: {
        ':next': next,
        ':sk': syncIndexKeys({ id: item.id, nextAttemptAt: next }).gsi8sk,
        ':error': message,
      },
    }),
  );
}

function toEvent(item: SyncOutboxItem): SyncEvent {
  return { id: item.id, type: item.type, occurredAt: item.occurredAt, payload: item.payload };
}

async function failBatch(
  items: SyncOutboxItem[],
  message: string,
  now: string,
  summary: SyncSummary,
): Promise<void> {
  // One jitter for the whole batch keeps its events in their order for the next attempt.
  const jitter = Math.random();
  for (const item of items) {
    if (item.attempts >= MAX_SYNC_ATTEMPTS) {
      await markDead(item, message, now);
      summary.dead += 1;
    } else {
      await retryLater(item, message, now, jitter);
      summary.retried += 1;
    }
  }
}

async function settle(
  items: SyncOutboxItem[],
  results: HubResult[],
  now: string,
  summary: SyncSummary,
): Promise<void> {
  const byId = new Map(results.map((result) => [result.id, result]));
  for (const item of items) {
    const result = byId.get(item.id);
    if (result?.status === 'applied' || result?.status === 'duplicate') {
      await remove(item.id);
      summary[result.status === 'applied' ? 'sent' : 'duplicates'] += 1;
    } else if (result?.status === 'rejected') {
      // The hub read the event and refused it: sending it again cannot succeed.
      await markDead(item, result.message ?? 'rejected by the hub', now);
      summary.rejected += 1;
    } else {
      await failBatch([item], 'the hub did not answer for this event', now, summary);
    }
  }
}

/** Sends one batch; returns false when the hub could not take it, so the run stops early. */
async function sendBatch(items: SyncOutboxItem[], now: string, summary: SyncSummary) {
  try {
    const response = await callHub({
      method: 'POST',
      path: '/sync/events',
      body: { events: items.map(toEvent) },
    });
    const results = (response.body as { results?: HubResult[] } | undefined)?.results ?? [];
    await settle(items, results, now, summary);
    return true;
  } catch (error) {
    const message =
      error instanceof ApiError
        ? `${error.statusCode} ${error.code}: ${error.message}`
        : String(error);
    logger.warn('sync batch failed', { events: items.length, error: message });
    // One event alone over the hub's body limit can never be delivered: set it aside now.
    if (items.length === 1 && error instanceof ApiError && error.statusCode === 413) {
      await markDead(items[0]!, message, now);
      summary.rejected += 1;
      return true;
    }
    await failBatch(items, message, now, summary);
    return false;
  }
}

/**
 * Posts the due sync events to the hub in batches, oldest first. An event leaves the outbox
 * only after the hub has applied it, now or before. While the hub is down each event is sent
 * again with exponential backoff, and after the last attempt it is kept as dead.
 */
export async function deliverSyncEvents(now: string): Promise<SyncSummary> {
  const summary: SyncSummary = { sent: 0, duplicates: 0, rejected: 0, retried: 0, dead: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const due = await listDue(INDEX.aging, keys.syncOutbox(), now, SYNC_BATCH_SIZE);
    if (due.length === 0) break;
    const claimed = (await Promise.all(due.map((id) => claim(id, now)))).filter(
      (item): item is SyncOutboxItem => item !== undefined,
    );
    if (claimed.length === 0) break;
    let delivered = true;
    for (const chunk of bySize(claimed)) {
      // Once the hub fails a request, the rest of this run's events wait for their retry.
      if (delivered) delivered = await sendBatch(chunk, now, summary);
      else await failBatch(chunk, 'not sent: the hub failed an earlier request', now, summary);
    }
    if (!delivered) break;
  }
  return summary;
}

/**
 * Splits events into requests of at most {@link MAX_REQUEST_BYTES} of JSON, so one large
 * ticket never pushes a batch past the hub's body limit; an event larger than that goes alone.
 */
export function bySize<T extends SyncOutboxItem>(items: T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = Buffer.byteLength(JSON.stringify(toEvent(item)));
    if (current.length > 0 && size + bytes > MAX_REQUEST_BYTES) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Dead events one request revives at most; run it again for more. */
const MAX_REVIVED = 500;

/**
 * Puts dead sync events back in the queue, due now, with a fresh round of attempts: after a
 * hub outage longer than the backoff, an admin sends them once more.
 */
export async function reviveDeadSyncEvents(now: string): Promise<number> {
  const ids = await listDue(INDEX.aging, keys.syncOutboxDead(), '~', MAX_REVIVED);
  let revived = 0;
  for (const id of ids) {
    if (await revive(id, now)) revived += 1;
  }
  return revived;
}

async function revive(id: string, now: string): Promise<boolean> {
  try {
    await ddb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.syncOutboxItem(id),
        UpdateExpression:
          'SET #state = :pending, attempts = :zero, nextAttemptAt = :now, gsi8pk = :pk, gsi8sk = :sk',
        ConditionExpression: '#state = :dead',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':dead': 'dead',
          ':zero': 0,
          ':now': now,
          ':pk': keys.syncOutbox(),
          ':sk': syncIndexKeys({ id, nextAttemptAt: now }).gsi8sk,
        },
      }),
    );
    return true;
  } catch (error) {
    // Another request revived it first.
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
