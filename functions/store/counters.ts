import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../lib/aws.js';
import { keys } from './keys.js';
import { tableName } from './table.js';

/**
 * Atomically increments a named counter and returns its new value. Values are unique and
 * never reused; a failed write after this call leaves a gap, never a duplicate.
 */
export async function nextCounterValue(name: string): Promise<number> {
  const result = await ddb().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.counter(name),
      UpdateExpression: 'ADD #value :one SET entity = :entity',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':one': 1, ':entity': 'counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(result.Attributes?.value);
}
