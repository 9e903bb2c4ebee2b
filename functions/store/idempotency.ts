import { createHash } from 'node:crypto';
import { ApiError } from '../lib/errors.js';
import type { ApiResponse } from '../lib/http.js';
import { keys } from './keys.js';
import { getItem, type TransactItem } from './table.js';

/** Stored results are kept for a day; a retry after that creates anew. */
const RETENTION_SECONDS = 24 * 60 * 60;
const KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;

interface StoredResult {
  fingerprint: string;
  response: ApiResponse;
  expiresAt: number;
}

/** An idempotent create in progress: the caller's key and the request's fingerprint. */
export interface IdempotencyScope {
  principalId: string;
  key: string;
  fingerprint: string;
}

/**
 * Reads the `Idempotency-Key` header into a scope, or returns undefined when absent.
 * The fingerprint covers the route and the parsed body, so a reused key with another
 * request is detected.
 */
export function idempotencyScope(
  header: string | undefined,
  principalId: string,
  routeKey: string,
  body: unknown,
): IdempotencyScope | undefined {
  if (header === undefined) return undefined;
  if (!KEY_PATTERN.test(header)) {
    throw new ApiError('validation.failed', 'The Idempotency-Key header is invalid.', {
      'Idempotency-Key': 'must be 1 to 200 visible ASCII characters, for example a UUID',
    });
  }
  const fingerprint = createHash('sha256')
    .update(routeKey)
    .update(JSON.stringify(body))
    .digest('hex');
  return { principalId, key: header, fingerprint };
}

/** Returns the response of an earlier request with the same key, if there was one. */
export async function findStoredResult(
  scope: IdempotencyScope | undefined,
): Promise<ApiResponse | undefined> {
  if (!scope) return undefined;
  const stored = await getItem<StoredResult>(keys.idempotency(scope.principalId, scope.key));
  if (!stored || stored.expiresAt * 1000 < Date.now()) return undefined;
  if (stored.fingerprint !== scope.fingerprint) {
    throw new ApiError(
      'idempotency.keyReused',
      'This Idempotency-Key was used for a different request.',
      {
        'Idempotency-Key': 'was already used with another request body; send a new key',
      },
    );
  }
  return stored.response;
}

/** Builds the transaction item that records a result under the key, once. */
export function storeResultItem(scope: IdempotencyScope, response: ApiResponse): TransactItem {
  return {
    Put: {
      Item: {
        ...keys.idempotency(scope.principalId, scope.key),
        entity: 'idempotency',
        fingerprint: scope.fingerprint,
        response,
        expiresAt: Math.floor(Date.now() / 1000) + RETENTION_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
