import type { Principal } from '../domain/types.js';
import { config } from '../lib/config.js';
import { ApiError } from '../lib/errors.js';
import type { ApiResponse } from '../lib/http.js';
import { logger } from '../lib/logger.js';

/** Headers of the hub's response that reach the caller unchanged. */
const PASSED_HEADERS = [
  'etag',
  'location',
  'retry-after',
  'content-type',
  'content-disposition',
  'cache-control',
];

/** One call to the hub's API. */
export interface HubCall {
  method: string;
  /** Path below the hub's API base, such as `/tickets/ESC-00042/replies`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The signed-in user the hub acts for; omitted for calls the installation makes itself. */
  actingUser?: Principal;
  headers?: Record<string, string | undefined>;
}

/** Encodes a principal's verified claims for `X-Escalated-Acting-User` (base64url JSON). */
export function actingUserHeader(principal: Principal): string {
  const claims = {
    sub: principal.id,
    name: principal.name,
    ...(principal.email ? { email: principal.email } : {}),
    role: principal.role,
    departments: principal.departments,
  };
  return Buffer.from(JSON.stringify(claims)).toString('base64url');
}

function hubSettings(): { base: string; key: string; timeoutMs: number } {
  const { hubUrl, hubApiKey, hubTimeoutMs } = config();
  if (!hubUrl || !hubApiKey) {
    throw new Error(
      'ESCALATED_HUB_URL and ESCALATED_HUB_API_KEY must be set in synced and cloud mode',
    );
  }
  return { base: hubUrl.replace(/\/+$/, ''), key: hubApiKey, timeoutMs: hubTimeoutMs };
}

/** Builds the hub URL of a call, leaving out query parameters without a value. */
export function hubUrl(base: string, path: string, query: HubCall['query'] = {}): string {
  const url = new URL(`${base}${path}`);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url.toString();
}

function passedHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name === 'etag' ? 'ETag' : name] = value;
  }
  return headers;
}

interface HubEnvelope {
  error?: { code?: unknown; message?: unknown; fields?: unknown };
}

/** Rebuilds the hub's error envelope as this installation's error, same status and message. */
function hubError(status: number, payload: unknown, headers: Record<string, string>): ApiError {
  const error = (payload as HubEnvelope | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'internal.error';
  const message =
    typeof error?.message === 'string'
      ? error.message
      : `The hub returned status ${status} without an error message.`;
  const fields =
    error?.fields && typeof error.fields === 'object'
      ? (error.fields as Record<string, string>)
      : undefined;
  const passed = headers['retry-after'] ? { 'Retry-After': headers['retry-after'] } : undefined;
  return ApiError.forwarded(status, code, message, fields, passed);
}

async function readBody(response: Response): Promise<{ json?: unknown; text?: string }> {
  const text = await response.text();
  if (text === '') return {};
  if ((response.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      return { json: JSON.parse(text) };
    } catch {
      return { text };
    }
  }
  return { text };
}

function requestHeaders(call: HubCall, key: string): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
  if (call.actingUser) headers['X-Escalated-Acting-User'] = actingUserHeader(call.actingUser);
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  for (const [name, value] of Object.entries(call.headers ?? {})) {
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/** Turns a network failure or a timeout into the 502 or 504 the caller receives. */
function unreachable(error: unknown, path: string, timeoutMs: number): ApiError {
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
  const cause = error instanceof Error && error.cause ? String(error.cause) : undefined;
  logger.warn('hub call failed', { path, timed_out: timedOut, error: String(error), cause });
  if (timedOut) {
    return new ApiError(
      'hub.timeout',
      `The help desk service timed out after ${timeoutMs} ms; try again in a moment.`,
    );
  }
  return new ApiError(
    'hub.unavailable',
    'The help desk service cannot be reached right now; try again in a few minutes.',
  );
}

/** Builds the route's response from a successful hub response, JSON or text. */
async function toApiResponse(response: Response): Promise<ApiResponse> {
  const passed = passedHeaders(response);
  const body = await readBody(response);
  if (response.status >= 400) throw hubError(response.status, body.json, passed);

  const { 'content-type': contentType, ...rest } = passed;
  if (body.json !== undefined) {
    return { statusCode: response.status, body: body.json, headers: rest };
  }
  if (body.text !== undefined) {
    const headers = contentType ? { ...rest, 'Content-Type': contentType } : rest;
    return { statusCode: response.status, rawBody: body.text, headers };
  }
  return { statusCode: response.status, headers: rest };
}

/**
 * Calls the hub with this installation's API key and, for a user's request, the user's claims.
 * The hub's response becomes the route's response, and its errors keep their status, code and
 * message. An unreachable hub becomes a 502 and a slow one a 504.
 */
export async function callHub(call: HubCall): Promise<ApiResponse> {
  const { base, key, timeoutMs } = hubSettings();
  let response: Response;
  try {
    response = await fetch(hubUrl(base, call.path, call.query), {
      method: call.method,
      headers: requestHeaders(call, key),
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw unreachable(error, call.path, timeoutMs);
  }
  return toApiResponse(response);
}
