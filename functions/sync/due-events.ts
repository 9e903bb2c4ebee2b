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
