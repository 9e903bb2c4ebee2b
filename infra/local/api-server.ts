import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import {
  loadRoutes,
  loadSchedules,
  matchRoute,
  type LocalRoute,
  type LocalSchedule,
} from './routes.js';

// Serves the routes of serverless.yml with the same handler modules Lambda runs, translating
// each request into an API Gateway HTTP API (payload 2.0) event. Run as its own process so
// the handlers read this installation's environment at import, as a cold start does.

type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  body?: string;
  isBase64Encoded?: boolean;
}>;

const root = process.cwd();
const port = Number(process.env.ESCALATED_API_PORT ?? 3000);
/** API Gateway HTTP APIs reject payloads over 10 MB before any function runs. */
const GATEWAY_MAX_BYTES = 10 * 1024 * 1024;
const routes = loadRoutes(root);
const handlers = new Map<string, LambdaHandler>();

async function handlerFor(route: LocalRoute): Promise<LambdaHandler> {
  const cached = handlers.get(route.functionName);
  if (cached) return cached;
  const module = await import(pathToFileURL(path.join(root, route.module)).href);
  const handler = module[route.exportName] as LambdaHandler;
  handlers.set(route.functionName, handler);
  return handler;
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= GATEWAY_MAX_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > GATEWAY_MAX_BYTES ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

function queryOf(url: URL): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys()))
    query[key] = url.searchParams.getAll(key).join(',');
  return Object.keys(query).length > 0 ? query : undefined;
}

function buildEvent(
  request: IncomingMessage,
  url: URL,
  route: LocalRoute,
  params: Record<string, string>,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: headersOf(request),
    queryStringParameters: queryOf(url),
    pathParameters: Object.keys(params).length > 0 ? params : undefined,
    body: body.length > 0 ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
      http: {
        method: (request.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
      },
    },
  };
}

function lambdaContext(route: LocalRoute): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: route.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${route.functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${route.functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': request.headers.origin ?? '*',
    'Access-Control-Allow-Headers': 'Authorization,Content-Type,Idempotency-Key,If-Match',
    'Access-Control-Allow-Methods': 'GET,POST,PATCH,PUT,DELETE',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

function sendGatewayError(
  response: ServerResponse,
  request: IncomingMessage,
  status: number,
  message: string,
): void {
  response.writeHead(status, { ...corsHeaders(request), 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ message }));
}

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
  const method = (request.method ?? 'GET').toUpperCase();
  const { route, params, pathExists } = matchRoute(routes, method, url.pathname);
  if (method === 'OPTIONS' && pathExists) {
    response.writeHead(204, corsHeaders(request));
    response.end();
    return;
  }
  if (!route) return sendGatewayError(response, request, 404, 'Not Found');
  const body = await readBody(request);
  if (!body) return sendGatewayError(response, request, 413, 'Request Entity Too Large');

  const handler = await handlerFor(route);
  const result = await handler(buildEvent(request, url, route, params, body), lambdaContext(route));
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]),
  );
  response.writeHead(result.statusCode, headers);
  response.end(
    result.body === undefined
      ? undefined
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
  );
}

const server = http.createServer((request, response) => {
  serve(request, response).catch((error: unknown) => {
    process.stderr.write(`local api: ${error instanceof Error ? error.stack : String(error)}\n`);
    if (!response.headersSent) sendGatewayError(response, request, 500, 'Internal Server Error');
    else response.end();
  });
});

type JobHandler = (input: Record<string, unknown>, context: Context) => Promise<unknown>;

/**
 * Runs each scheduled function of serverless.yml on its own period, as EventBridge Scheduler
 * does in AWS. A run never overlaps the previous run of the same job.
 */
async function startScheduler(schedules: LocalSchedule[]): Promise<void> {
  for (const schedule of schedules) {
    const module = await import(pathToFileURL(path.join(root, schedule.module)).href);
    const job = module[schedule.exportName] as JobHandler;
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      const context = lambdaContext({ functionName: schedule.functionName } as LocalRoute);
      job({ ...schedule.input }, context)
        .catch((error: unknown) =>
          process.stderr.write(
            `local scheduler: ${schedule.functionName} failed: ${String(error)}\n`,
          ),
        )
        .finally(() => (running = false));
    }, schedule.periodMs);
    timer.unref();
  }
}

if (process.env.ESCALATED_SCHEDULER !== 'off') await startScheduler(loadSchedules(root));

// Import every handler before listening, as each Lambda would at cold start, so a
// configuration error stops the local API at once instead of failing the first request.
await Promise.all(routes.map((route) => handlerFor(route)));

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ level: 'INFO', message: 'local api listening', port, routes: routes.length })}\n`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
