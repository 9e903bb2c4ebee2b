import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../lib/aws.js';
import type { INDEX_KEYS } from '../store/keys.js';
import { buildQuery } from '../store/table.js';

/**
 * Returns the ids of the first `limit` sync outbox items due at or before `upTo`, oldest
 * first, from the sparse index partition they are listed in.
 */
export async function listDue(
  index: keyof typeof INDEX_KEYS,
  partition: string,
  upTo: string,
  limit: number,
): Promise<string[]> {
  const query = buildQuery({ index, partition, sortUpTo: `${upTo}#~` }, limit);
  const page = await ddb().send(new QueryCommand(query));
  return (page.Items ?? []).map((item) => String(item.pk).slice('SYNC_OUT#'.length));
}

/** Counts the items of a sparse index partition, reading at most `cap` of them. */
export async function countPartition(
  index: keyof typeof INDEX_KEYS,
  partition: string,
  cap = 10_000,
): Promise<{ count: number; capped: boolean }> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const query = { ...buildQuery({ index, partition }, 1000, startKey), Select: 'COUNT' as const };
    const page = await ddb().send(new QueryCommand(query));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey && count < cap);
  return { count, capped: startKey !== undefined };
}
