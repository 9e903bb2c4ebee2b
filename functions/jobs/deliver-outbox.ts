import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ddb } from '../lib/aws.js';
import { config } from '../lib/config.js';
import { deliverSyncEvents, reviveDeadSyncEvents } from '../sync/deliver.js';
import { logger } from '../lib/logger.js';
import type { OutboxItem } from '../notify/outbox.js';
import { outboxIndexKeys } from '../notify/outbox.js';
import { sendEmail } from '../notify/send-email.js';
import { INDEX, keys } from '../store/keys.js';
import { getItem, tableName } from '../store/table.js';
import { newSummary, sweepDue, type SweepSummary } from './due.js';

/** Attempts before an item is given up as dead: about an hour of backoff in all. */
export const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 60_000;

/** Delay before attempt `attempt + 1`: exponential from a minute, with up to 20 % jitter. */
export function backoffMs(attempt: number, random = Math.random): number {
  const delay = BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1);
  return Math.round(delay * (1 + 0.2 * random()));
}

/**
 * Claims an item for one attempt by moving its next attempt a few minutes ahead, conditional
 * on the attempt count read. Overlapping runs therefore never send the same item at once.
 */
async function claim(item: OutboxItem, now: string): Promise<boolean> {
  const lease = new Date(Date.parse(now) + 5 * 60_000).toISOString();
  try {
    await ddb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.outboxItem(item.id),
        UpdateExpression: 'SET attempts = :next, nextAttemptAt = :lease, gsi8sk = :sk',
        ConditionExpression: 'attempts = :seen AND #state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':next': item.attempts + 1,
          ':seen': item.attempts,
          ':pending': 'pending',
          ':lease': lease,
          ':sk': outboxIndexKeys(item.id, lease).gsi8sk,
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

async function recordFailure(
  item: OutboxItem,
  attempts: number,
  now: string,
  error: unknown,
): Promise<void> {
  const dead = attempts >= MAX_ATTEMPTS;
  const next = new Date(Date.parse(now) + backoffMs(attempts)).toISOString();
  const message = error instanceof Error ? error.message : String(error);
  await ddb().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.outboxItem(item.id),
      UpdateExpression: dead
        ? 'SET #state = :dead, lastError = :error REMOVE gsi8pk, gsi8sk'
        : 'SET nextAttemptAt = :next, gsi8sk = :sk, lastError = :error',
      ExpressionAttributeNames: dead ? { '#state': 'state' } : undefined,
      ExpressionAttributeValues: dead
        ? { ':dead': 'dead', ':error': message }
        : { ':next': next, ':sk': outboxIndexKeys(item.id, next).gsi8sk, ':error': message },
    }),
  );
  logger.warn('outbox delivery failed', { outbox_id: item.id, attempts, dead, error: message });
}

async function deliver(id: string, now: string): Promise<'changed' | 'skipped'> {
  const item = await getItem<OutboxItem>(keys.outboxItem(id));
  if (!item || item.state !== 'pending' || item.nextAttemptAt > now) return 'skipped';
  if (!(await claim(item, now))) return 'skipped';
  try {
    await sendEmail(item.message);
  } catch (error) {
    await recordFailure(item, item.attempts + 1, now, error);
    return 'skipped';
  }
  await ddb().send(new DeleteCommand({ TableName: tableName(), Key: keys.outboxItem(id) }));
  return 'changed';
}

/**
 * Sends the queued emails that are due, with exponential backoff and a dead state after the
 * last try. In `synced` mode it then posts the due sync events to the hub.
 */
export async function deliverOutbox(
  now: string,
  options: { retryDead?: boolean } = {},
): Promise<SweepSummary> {
  const summary = newSummary('deliver-outbox', now);
  await sweepDue(
    INDEX.aging,
    keys.outbox(),
    now,
    ({ pk }) => deliver(pk.slice('OUTBOX#'.length), now),
    summary,
  );
  if (config().mode === 'synced') {
    const revived = options.retryDead ? await reviveDeadSyncEvents(now) : 0;
    summary.sync = { revived, ...(await deliverSyncEvents(now)) };
  }
  return summary;
}
