import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { StackInfo } from '../../infra/local/stack.js';
import { BENCH_RATE_LIMIT } from './local-api.js';

/** A Lambda HTTP handler as the API Gateway HTTP API (payload 2.0) invokes it. */
export type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{ statusCode: number; body?: string }>;

/**
 * Sets the environment the local API process gives the handlers (see infra/local/stack.ts), so
 * handler modules imported afterwards in this process read the same configuration.
 */
export function useHandlerEnvironment(info: StackInfo, secret: string): void {
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    ESCALATED_STAGE: 'local',
    ESCALATED_MODE: 'self_hosted',
    ESCALATED_TABLE: info.table,
    ESCALATED_BUCKET: info.bucket,
    ESCALATED_JWT_SECRET: secret,
    DYNAMODB_ENDPOINT: info.dynamodb,
    S3_ENDPOINT: info.s3,
    SES_ENDPOINT: info.ses,
    POWERTOOLS_DEV: 'false',
    ESCALATED_RATE_LIMIT_PER_USER: String(BENCH_RATE_LIMIT),
    ESCALATED_RATE_LIMIT_PER_IP: String(BENCH_RATE_LIMIT),
  });
}

/** One request to invoke a handler with. */
export interface InvokeRequest {
  routeKey: string;
  path: string;
  token: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** Builds the API Gateway HTTP API (payload 2.0) event API Gateway would send for a request. */
export function httpEvent(request: InvokeRequest): APIGatewayProxyEventV2 {
  const now = Date.now();
  const [method] = request.routeKey.split(' ');
  const rawQueryString = new URLSearchParams(request.query ?? {}).toString();
  const headers: Record<string, string> = {
    authorization: `Bearer ${request.token}`,
    'user-agent': 'escalated-bench',
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: request.path,
    rawQueryString,
    headers,
    queryStringParameters: request.query,
    pathParameters: request.pathParameters,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: 'local',
      requestId: randomUUID(),
      routeKey: request.routeKey,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
      http: {
        method: method!,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'escalated-bench',
      },
    },
  };
}

/** Builds the Lambda context of an invocation of the named function. */
export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * Sends this process's standard output to /dev/null while `task` runs. The handlers log one
 * JSON line per request; writing it still costs the write call, as in Lambda, but keeps the
 * bench's own output readable.
 */
export async function withoutStdout<T>(task: () => Promise<T>): Promise<T> {
  const sink = openSync('/dev/null', 'w');
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    if (typeof chunk === 'string') writeSync(sink, chunk);
    else writeSync(sink, chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    return await task();
  } finally {
    process.stdout.write = write;
    closeSync(sink);
  }
}
