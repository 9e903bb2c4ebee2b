import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../store/keys.js';
import { tableName } from '../store/table.js';
import { ddb } from './aws.js';
import { config } from './config.js';
import { ApiError } from './errors.js';
import { logger } from './logger.js';

const WINDOW_SECONDS = 60;

/** Counts one request in the current one-minute window of a key and returns the count. */
async function countRequest(key: string, windowStart: number): Promise<number> {
  const result = await ddb().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.rateWindow(key, windowStart),
      UpdateExpression:
        'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :expires), entity = :entity',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':expires': windowStart + 2 * WINDOW_SECONDS,
        ':entity': 'rate-window',
      },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(result.Attributes?.count ?? 0);
}

/**
 * Limits customer and guest requests per user and per client IP, in fixed one-minute windows
 * counted in the table so every Lambda container shares them. Over the limit, it throws a 429 with
 * `Retry-After`. A failure to count lets the request through: limiting must not take the
 * service down with it.
 */
export async function enforceRateLimit(
  userId: string | null,
  ip: string | undefined,
  nowMs = Date.now(),
): Promise<void> {
  const { rateLimitPerUser, rateLimitPerIp } = config();
  const windowStart = Math.floor(nowMs / 1000 / WINDOW_SECONDS) * WINDOW_SECONDS;
  const retryAfter = String(windowStart + WINDOW_SECONDS - Math.floor(nowMs / 1000));
  const checks: Array<[string, number]> = [];
  if (userId) checks.push([`user#${userId}`, rateLimitPerUser]);
  if (ip) checks.push([`ip#${ip}`, rateLimitPerIp]);
  let counts: number[];
  try {
    counts = await Promise.all(checks.map(([key]) => countRequest(key, windowStart)));
  } catch (error) {
    logger.warn('rate limit count failed', { error: String(error) });
    return;
  }
  if (counts.some((count, index) => count > checks[index]![1])) {
    throw new ApiError(
      'rate.limited',
      `Too many requests; try again in ${retryAfter} seconds.`,
      undefined,
      {
        headers: { 'Retry-After': retryAfter },
      },
    );
  }
}
