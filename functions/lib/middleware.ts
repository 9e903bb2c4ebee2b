import { randomUUID } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { config } from './config.js';
import { ApiError } from './errors.js';
import type { HttpEvent, HttpResult } from './http.js';
import { logger } from './logger.js';

type Middleware = MiddlewareObj<HttpEvent, HttpResult, Error, Context>;

const startTimes = new WeakMap<object, number>();

/** Returns the request id API Gateway assigned, or a new one when it is missing. */
export function requestIdOf(event: HttpEvent): string {
  return event.requestContext?.requestId ?? randomUUID();
}

/**
 * Adds the request id to every log line and the response, and logs one line per request
 * with the route, status and duration — never the body.
 */
export function requestLog(): Middleware {
  return {
    before: async (request) => {
      startTimes.set(request, performance.now());
      const requestId = requestIdOf(request.event);
      request.event.requestContext = { ...request.event.requestContext, requestId };
      logger.addContext(request.context);
      logger.appendKeys({ correlation_id: requestId });
    },
    after: async (request) => finish(request),
    onError: async (request) => finish(request),
  };
}

function finish(request: Parameters<NonNullable<Middleware['after']>>[0]): void {
  const started = startTimes.get(request) ?? performance.now();
  const statusCode = request.response?.statusCode ?? 500;
  const requestId = request.event.requestContext?.requestId ?? '';
  const response = (request.response ?? {}) as HttpResult;
  request.response = {
    ...response,
    statusCode,
    headers: { ...response.headers, 'X-Request-Id': requestId },
  };
  logger.info('request finished', {
    route: request.event.routeKey,
    status: statusCode,
    duration_ms: Math.round(performance.now() - started),
  });
  logger.resetKeys();
}

/**
 * Parses a JSON body into `event.parsedBody`: 413 beyond the size limit, 400 for malformed
 * JSON. An empty body parses as `undefined`.
 */
export function jsonBody(): Middleware {
  return {
    before: async ({ event }) => {
      if (event.body === undefined || event.body === null || event.body === '') return;
      const raw = event.isBase64Encoded
        ? Buffer.from(event.body, 'base64')
        : Buffer.from(event.body);
      const limit = config().maxBodyBytes;
      if (raw.byteLength > limit) {
        throw new ApiError(
          'request.tooLarge',
          `The request body is ${raw.byteLength} bytes; the limit is ${limit}.`,
        );
      }
      try {
        event.parsedBody = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        throw new ApiError(
          'request.malformedJson',
          'The request body is not valid JSON.',
          undefined,
          { cause: error },
        );
      }
    },
  };
}

/** Turns any error into the error envelope; unexpected errors become a logged 500. */
export function errorEnvelope(): Middleware {
  return {
    onError: async (request) => {
      const requestId = request.event.requestContext?.requestId ?? '';
      const error = request.error;
      if (error instanceof ApiError) {
        request.response = envelope(
          error.statusCode,
          error.code,
          error.message,
          requestId,
          error.fields,
          error.headers,
        );
        return;
      }
      logger.error('request failed', error instanceof Error ? error : String(error));
      request.response = envelope(
        500,
        'internal.error',
        'Something went wrong on our side; try again later.',
        requestId,
      );
    },
  };
}

function envelope(
  statusCode: number,
  code: string,
  message: string,
  requestId: string,
  fields?: Record<string, string>,
  headers?: Record<string, string>,
): HttpResult {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify({ error: { code, message, ...(fields ? { fields } : {}) }, requestId }),
  };
}
