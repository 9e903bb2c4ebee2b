import type { Principal } from '../domain/types.js';
import type { ApiResponse, HttpEvent } from '../lib/http.js';
import { callHub } from './client.js';

const API_PREFIX = '/api/v1';

/**
 * Sends a validated request on to the same route of the hub (cloud mode), for the signed-in
 * user, with the headers that change a write's meaning.
 */
export function forwardToHub(
  event: HttpEvent,
  principal: Principal | undefined,
): Promise<ApiResponse> {
  const rawPath = event.rawPath ?? '';
  const path = rawPath.startsWith(API_PREFIX) ? rawPath.slice(API_PREFIX.length) : rawPath;
  const query = Object.fromEntries(new URLSearchParams(event.rawQueryString ?? ''));
  return callHub({
    method: event.requestContext.http?.method ?? event.routeKey.split(' ')[0] ?? 'GET',
    path,
    query,
    body: event.parsedBody,
    actingUser: principal,
    headers: {
      'Idempotency-Key': event.headers?.['idempotency-key'],
      'If-Match': event.headers?.['if-match'],
    },
  });
}
