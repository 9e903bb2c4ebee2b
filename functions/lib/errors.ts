/** Stable error codes of the API envelope, with their HTTP status. */
export const ERROR_STATUS = {
  'request.malformed': 400,
  'request.malformedJson': 400,
  'auth.missingToken': 401,
  'auth.invalidToken': 401,
  'auth.tokenExpired': 401,
  'auth.forbidden': 403,
  'ticket.closeNotAllowed': 403,
  'route.notFound': 404,
  'ticket.notFound': 404,
  'user.notFound': 404,
  'department.notFound': 404,
  'config.notFound': 404,
  'attachment.notFound': 404,
  'reply.notFound': 404,
  'macro.notFound': 404,
  'ticket.invalidTransition': 409,
  'ticket.versionConflict': 409,
  'ticket.reopenWindowExpired': 409,
  'ticket.readOnly': 409,
  'idempotency.inProgress': 409,
  'config.versionConflict': 409,
  'config.inUse': 409,
  'rating.notAllowed': 409,
  'rating.locked': 409,
  'reply.notPinnable': 422,
  'request.tooLarge': 413,
  'validation.failed': 422,
  'idempotency.keyReused': 422,
  'attachment.tooLarge': 422,
  'attachment.invalid': 422,
  'rate.limited': 429,
  'internal.error': 500,
  'hub.unavailable': 502,
  'hub.timeout': 504,
} as const;

/** A code from {@link ERROR_STATUS}. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * An error whose code, message and field messages are safe to show the caller.
 * Anything else thrown in a handler leaves the API as a generic 500.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.statusCode = ERROR_STATUS[code] ?? 500;
    this.headers = options?.headers;
  }

  /**
   * Rebuilds an error another installation returned, keeping its status, code and message,
   * so a user gets the hub's error exactly as the hub worded it.
   */
  static forwarded(
    status: number,
    code: string,
    message: string,
    fields?: Record<string, string>,
    headers?: Record<string, string>,
  ): ApiError {
    const error = new ApiError(code as ErrorCode, message, fields, { headers });
    (error as { statusCode: number }).statusCode = status;
    return error;
  }

  readonly headers: Record<string, string> | undefined;
}

/** Builds the 404 that hides whether a ticket exists. */
export function ticketNotFound(reference: string): ApiError {
  return new ApiError('ticket.notFound', `Ticket ${reference} was not found.`);
}

/** Builds the 422 for one invalid field. */
export function invalidField(field: string, message: string): ApiError {
  return new ApiError('validation.failed', `${field}: ${message}`, { [field]: message });
}
