import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { Principal } from '../domain/types.js';

/** The caller a route requires. `sync` is another installation's key with the `sync` ability. */
export type Access = 'public' | 'customer' | 'agent' | 'admin' | 'sync';

/** A parsed request as a route receives it. */
export interface ApiRequest<Body = unknown, Query = unknown, Params = unknown> {
  routeKey: string;
  requestId: string;
  headers: Record<string, string | undefined>;
  params: Params;
  query: Query;
  body: Body;
  principal: Principal;
}

/** A route's result; the wrapper serialises `body` as JSON. */
export interface ApiResponse {
  statusCode: number;
  body?: unknown;
  /** A body sent as is (CSV), with its Content-Type in `headers`; wins over `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** One route of a function: its access rule, input schemas and implementation. */
export interface Route<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
> {
  access: Access;
  /** Applies the per-IP rate limit to a public route (guest ticket creation). */
  limitAnonymous?: boolean;
  /**
   * In `cloud` mode a route is forwarded to the hub as is, unless it runs here: routes that
   * reach tickets through the driver, and routes about this installation itself.
   */
  runsInCloud?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  run: (request: ApiRequest<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<ApiResponse>;
}

/** Declares a route with its input types inferred from the schemas. */
export function route<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  definition: Route<B, Q, P>,
): Route {
  return definition as unknown as Route;
}

/** The event after the body middleware: the JSON body parsed into `parsedBody`. */
export type HttpEvent = APIGatewayProxyEventV2 & { parsedBody?: unknown };

/** The Lambda result the wrapper returns. */
export interface HttpResult {
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  body?: string;
  isBase64Encoded?: boolean;
}

/** Returns a JSON response. */
export function json(statusCode: number, body: unknown, headers?: Record<string, string>) {
  return { statusCode, body, headers } satisfies ApiResponse;
}
