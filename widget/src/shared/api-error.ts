import type { ApiErrorBody } from './api-types.js';

/** Error codes the client assigns itself, when no API error envelope is available. */
export const CLIENT_ERROR_CODES = {
  network: 'client.networkError',
  badResponse: 'client.badResponse',
  tokenUnavailable: 'client.tokenUnavailable',
} as const;

/** Fields of an {@link EscalatedApiError}. */
export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  fields?: Readonly<Record<string, string>>;
  requestId?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * A failed API call. `message` and `fields` come from the API's error envelope and are meant
 * for the user. `status` is 0 when the request got no HTTP response.
 */
export class EscalatedApiError extends Error {
  override readonly name = 'EscalatedApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? {};
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Builds the error from a non-2xx response, reading the error envelope when there is one. */
  static async fromResponse(response: Response): Promise<EscalatedApiError> {
    const body = await readEnvelope(response);
    const retryAfter = Number(response.headers.get('Retry-After'));
    return new EscalatedApiError({
      status: response.status,
      code: body?.error.code ?? CLIENT_ERROR_CODES.badResponse,
      message: body?.error.message ?? fallbackMessage(response.status),
      fields: body?.error.fields,
      requestId: body?.requestId,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    });
  }

  /** Wraps a fetch failure (offline, DNS, CORS) that produced no HTTP response. */
  static network(cause: unknown): EscalatedApiError {
    return new EscalatedApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      message: 'Could not reach the help desk. Check your connection and try again.',
      cause,
    });
  }

  /** Wraps a 2xx response whose body is not the JSON the route promises. */
  static unreadable(status: number, cause: unknown): EscalatedApiError {
    return new EscalatedApiError({
      status,
      code: CLIENT_ERROR_CODES.badResponse,
      message: 'The help desk sent a response that could not be read. Try again.',
      cause,
    });
  }

  /** Wraps a failure of the host page's `tokenProvider`. */
  static noToken(cause: unknown): EscalatedApiError {
    return new EscalatedApiError({
      status: 401,
      code: CLIENT_ERROR_CODES.tokenUnavailable,
      message: 'Could not get a sign-in token from this site. Sign in again.',
      cause,
    });
  }
}

async function readEnvelope(response: Response): Promise<ApiErrorBody | undefined> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody> | null;
    if (body?.error && typeof body.error.message === 'string') return body as ApiErrorBody;
  } catch {
    // A body that is not JSON (a proxy's HTML page, say) falls back to the status message.
  }
  return undefined;
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has expired. Sign in again.';
  if (status === 403 || status === 404) return 'This ticket was not found.';
  if (status === 413) return 'The message is too large.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  return `The help desk returned an unexpected error (HTTP ${status}). Try again.`;
}

/** Returns true for the DOMException that `fetch` throws when its signal is aborted. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Returns a message fit to show the user for any error a client call can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof EscalatedApiError) return error.message;
  return 'Something went wrong. Try again.';
}

/** Returns the per-field messages of a 422 response, or none for any other error. */
export function fieldErrors(error: unknown): Readonly<Record<string, string>> {
  return error instanceof EscalatedApiError ? error.fields : {};
}
