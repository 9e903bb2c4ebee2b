import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import type { Context } from 'aws-lambda';
import type { Principal } from '../domain/types.js';
import { recordVisit } from '../store/users.js';
import { enforceRateLimit } from './rate-limit.js';
import { authenticateSyncKey } from '../apikeys/auth.js';
import { forwardToHub } from '../hub/forward.js';
import { authenticate } from './auth.js';
import { config } from './config.js';
import { ApiError } from './errors.js';
import type { ApiRequest, ApiResponse, HttpEvent, HttpResult, Route } from './http.js';
import { logger } from './logger.js';
import { errorEnvelope, jsonBody, requestLog } from './middleware.js';
import { parseOrThrow } from './validation.js';

const ANONYMOUS: Principal = {
  id: 'anonymous',
  name: 'Anonymous',
  email: null,
  role: 'customer',
  departments: [],
  guest: false,
};

const ROLE_RANK = { customer: 0, agent: 1, admin: 2 } as const;

/** Returns whether a request carries another installation's `esk_` key. */
function presentsApiKey(event: HttpEvent): boolean {
  return /^Bearer\s+esk_/i.test(event.headers?.authorization?.trim() ?? '');
}

async function authorize(route: Route, event: HttpEvent): Promise<Principal> {
  if (route.access === 'sync') return authenticateSyncKey(event.headers?.authorization);
  // Another installation calling a public route (guest tickets) is identified by its key,
  // so the per-IP limit, meant for browsers, does not count all of its users as one.
  if (route.access === 'public' && !presentsApiKey(event)) return ANONYMOUS;
  const principal = await authenticate(
    event.headers?.authorization,
    event.headers?.['x-escalated-acting-user'],
  );
  if (route.access === 'public') return principal;
  const needed = route.access === 'customer' ? 0 : ROLE_RANK[route.access];
  if (ROLE_RANK[principal.role] < needed || (principal.guest && route.access !== 'customer')) {
    throw new ApiError('auth.forbidden', `This route needs the ${route.access} role.`);
  }
  return principal;
}

async function rememberUser(principal: Principal): Promise<void> {
  // An API key acting as itself is not a person and keeps no profile.
  if (principal.guest || principal === ANONYMOUS || principal.id.startsWith('apikey:')) return;
  // In cloud mode the hub keeps the profiles of the users it acts for.
  if (config().mode === 'cloud') return;
  try {
    await recordVisit(principal);
  } catch (error) {
    // A failed profile refresh must not fail the request; the next request retries it.
    logger.warn('user profile refresh failed', { user_id: principal.id, error: String(error) });
  }
}

function toResult(response: ApiResponse): HttpResult {
  const headers: Record<string, string> = { ...response.headers };
  if (response.rawBody !== undefined)
    return { statusCode: response.statusCode, headers, body: response.rawBody };
  if (response.body === undefined) return { statusCode: response.statusCode, headers };
  headers['Content-Type'] = 'application/json; charset=utf-8';
  return { statusCode: response.statusCode, headers, body: JSON.stringify(response.body) };
}

function dispatch(routes: Record<string, Route>) {
  return async (event: HttpEvent): Promise<HttpResult> => {
    const route = routes[event.routeKey];
    if (!route)
      throw new ApiError('route.notFound', `No route ${event.routeKey} on this function.`);
    const principal = await authorize(route, event);
    if (route.access === 'customer' || route.limitAnonymous) {
      const userId = principal === ANONYMOUS ? null : principal.id;
      const ip = principal.apiKey ? undefined : event.requestContext.http?.sourceIp;
      await enforceRateLimit(userId, ip);
    }
    const request: ApiRequest = {
      routeKey: event.routeKey,
      requestId: event.requestContext.requestId,
      headers: event.headers ?? {},
      params: route.params ? parseOrThrow(route.params, event.pathParameters ?? {}, 'path') : {},
      query: route.query
        ? parseOrThrow(route.query, event.queryStringParameters ?? {}, 'query')
        : {},
      body: route.body
        ? parseOrThrow(route.body, event.parsedBody ?? {}, 'body')
        : event.parsedBody,
      principal,
    };
    await rememberUser(principal);
    if (config().mode === 'cloud' && !route.runsInCloud) {
      return toResult(await forwardToHub(event, principal === ANONYMOUS ? undefined : principal));
    }
    return toResult(await route.run(request));
  };
}

/**
 * Wraps a function's route table in the shared middleware: request id and logs, CORS,
 * the error envelope, body size and JSON parsing, authentication and zod validation.
 *
 * @example
 * export const handler = createHandler({ 'GET /api/v1/health': route({ access: 'public', run }) });
 */
export function createHandler(routes: Record<string, Route>) {
  const origins = config().corsOrigins;
  return middy<HttpEvent, HttpResult, Error, Context>()
    .use(requestLog())
    .use(
      httpCors({
        origins,
        headers: 'Authorization,Content-Type,Idempotency-Key,If-Match',
        exposeHeaders: 'ETag,Retry-After,X-Request-Id',
        methods: 'GET,POST,PATCH,PUT,DELETE',
        maxAge: 600,
      }),
    )
    .use(errorEnvelope())
    .use(jsonBody())
    .handler(dispatch(routes));
}
