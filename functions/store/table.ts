import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ddb } from '../lib/aws.js';
import { config } from '../lib/config.js';
import { ApiError } from '../lib/errors.js';
import { INDEX_KEYS, type ItemKey } from './keys.js';

type SdkTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type WithoutTable<T> = Omit<NonNullable<T>, 'TableName'>;

/** One write of a transaction; the table name is filled in when it is sent. */
export interface TransactItem {
  Put?: WithoutTable<SdkTransactItem['Put']>;
  Update?: WithoutTable<SdkTransactItem['Update']>;
  Delete?: WithoutTable<SdkTransactItem['Delete']>;
  ConditionCheck?: WithoutTable<SdkTransactItem['ConditionCheck']>;
}

/** Returns the table name of this installation. */
export function tableName(): string {
  return config().table;
}

/** Reads one item with a strongly consistent read. */
export async function getItem<T>(key: ItemKey): Promise<T | undefined> {
  const result = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }),
  );
  return result.Item as T | undefined;
}

/**
 * Thrown when a transaction was cancelled; `reasons` contains one code per item in order
 * (`None`, `ConditionalCheckFailed`, …).
 */
export class TransactionConflictError extends Error {
  override name = 'TransactionConflictError';
  constructor(
    readonly reasons: string[],
    options?: { cause?: unknown },
  ) {
    super(`Transaction cancelled: ${reasons.join(', ')}`, options);
  }
}

/** Writes items atomically; a failed condition becomes a {@link TransactionConflictError}. */
export async function transactWrite(items: TransactItem[]): Promise<void> {
  const TransactItems = items.map((item) => withTable(item));
  try {
    await ddb().send(new TransactWriteCommand({ TransactItems }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
      throw new TransactionConflictError(reasons, { cause: error });
    }
    throw error;
  }
}

function withTable(item: TransactItem): SdkTransactItem {
  const table = tableName();
  if (item.Put) return { Put: { ...item.Put, TableName: table } };
  if (item.Update) return { Update: { ...item.Update, TableName: table } };
  if (item.Delete) return { Delete: { ...item.Delete, TableName: table } };
  if (item.ConditionCheck) return { ConditionCheck: { ...item.ConditionCheck, TableName: table } };
  throw new TypeError('A transaction item needs Put, Update, Delete or ConditionCheck');
}

/** A page of items and the cursor for the next page, if any. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Encodes a DynamoDB LastEvaluatedKey as an opaque cursor bound to the partition it pages. */
export function encodeCursor(
  key: Record<string, unknown> | undefined,
  partition: string,
): string | null {
  return key ? Buffer.from(JSON.stringify({ p: partition, k: key })).toString('base64url') : null;
}

function invalidCursor(): ApiError {
  return new ApiError(
    'validation.failed',
    'cursor is not a cursor this API returned for this list.',
    {
      cursor:
        'is not a cursor this API returned for this list; pass nextCursor from the previous page',
    },
  );
}

/**
 * Decodes a cursor from {@link encodeCursor}. A cursor made for another list (another
 * partition) or edited by hand throws a 422 naming the `cursor` field.
 */
export function decodeCursor(
  cursor: string | undefined,
  partition: string,
): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const { p, k } = (value ?? {}) as { p?: unknown; k?: unknown };
  const keyValid =
    typeof k === 'object' &&
    k !== null &&
    !Array.isArray(k) &&
    Object.values(k).every((v) => typeof v === 'string');
  if (p !== partition || !keyValid || !Object.values(k).includes(partition)) throw invalidCursor();
  return k as Record<string, unknown>;
}

/** A read of one partition of the table or an index. */
export interface PartitionQuery {
  index?: keyof typeof INDEX_KEYS;
  partition: string;
  sortPrefix?: string;
  /** Only sort keys at or before this value (inclusive). */
  sortUpTo?: string;
  /** Only sort keys between these values (inclusive). */
  sortBetween?: [string, string];
  newestFirst?: boolean;
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
}

/** Builds the QueryCommand input for a partition query; pure, so it can be unit-tested. */
export function buildQuery(
  query: PartitionQuery,
  limit: number,
  startKey?: Record<string, unknown>,
): QueryCommandInput {
  const attr = query.index ? INDEX_KEYS[query.index]! : { pk: 'pk', sk: 'sk' };
  const names: Record<string, string> = { '#pk': attr.pk, ...query.filter?.names };
  const values: Record<string, unknown> = { ':pk': query.partition, ...query.filter?.values };
  let condition = '#pk = :pk';
  if (query.sortPrefix) {
    names['#sk'] = attr.sk;
    values[':sk'] = query.sortPrefix;
    condition += ' AND begins_with(#sk, :sk)';
  } else if (query.sortBetween) {
    names['#sk'] = attr.sk;
    values[':skFrom'] = query.sortBetween[0];
    values[':skTo'] = query.sortBetween[1];
    condition += ' AND #sk BETWEEN :skFrom AND :skTo';
  } else if (query.sortUpTo) {
    names['#sk'] = attr.sk;
    values[':sk'] = query.sortUpTo;
    condition += ' AND #sk <= :sk';
  }
  return {
    TableName: tableName(),
    IndexName: query.index,
    KeyConditionExpression: condition,
    FilterExpression: query.filter?.expression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: !query.newestFirst,
    Limit: limit,
    ExclusiveStartKey: startKey,
    ConsistentRead: query.index ? undefined : true,
  };
}

/** Sends a Query; a start key DynamoDB rejects (an edited cursor) becomes a 422 on `cursor`. */
async function sendQuery(input: QueryCommandInput) {
  try {
    return await ddb().send(new QueryCommand(input));
  } catch (error) {
    if (input.ExclusiveStartKey && (error as Error).name === 'ValidationException')
      throw invalidCursor();
    throw error;
  }
}

/** Maximum Query calls one page may make when a filter drops items. */
const MAX_FILTERED_READS = 8;

/**
 * Reads one page of up to `limit` matching items. With a filter, it keeps reading (at most
 * {@link MAX_FILTERED_READS} calls) and may return fewer items with a cursor to continue.
 */
export async function queryPage<T>(
  query: PartitionQuery,
  limit: number,
  cursor?: string,
): Promise<Page<T>> {
  const items: T[] = [];
  let startKey = decodeCursor(cursor, query.partition);
  for (let reads = 0; reads < MAX_FILTERED_READS; reads += 1) {
    const result = await sendQuery(buildQuery(query, limit - items.length, startKey));
    items.push(...((result.Items ?? []) as T[]));
    startKey = result.LastEvaluatedKey;
    if (!startKey || items.length >= limit) break;
  }
  return { items, nextCursor: encodeCursor(startKey, query.partition) };
}

/** Reads a whole partition (bounded by `maxItems`), oldest sort key first. */
export async function queryAll<T>(query: PartitionQuery, maxItems = 5000): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await ddb().send(new QueryCommand(buildQuery(query, 1000, startKey)));
    items.push(...((result.Items ?? []) as T[]));
    startKey = result.LastEvaluatedKey;
  } while (startKey && items.length < maxItems);
  return items;
}

/**
 * Counts the items a partition query matches, reading at most `maxPages` pages of 1000 keys.
 * `capped` is true when it stopped there, so the count is a lower bound.
 */
export async function countItems(
  query: PartitionQuery,
  maxPages = 10,
): Promise<{ value: number; capped: boolean }> {
  let value = 0;
  let startKey: Record<string, unknown> | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const input = { ...buildQuery(query, 1000, startKey), Select: 'COUNT' as const };
    const result = await ddb().send(new QueryCommand(input));
    value += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
    if (!startKey) return { value, capped: false };
  }
  return { value, capped: true };
}
