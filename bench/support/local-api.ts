import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../infra/local/processes.js';
import { startStack, type RunningStack } from '../../infra/local/stack.js';
import { mintHostToken, type HostUserClaims } from '../../infra/local/tokens.js';

/**
 * Customer requests allowed per minute per user and per IP in a bench stack. Every bench
 * request comes from 127.0.0.1, so the deployed limits (120 per user, 600 per IP) would turn a
 * load run into a test of the limiter. The limiter still counts every request in the table.
 */
export const BENCH_RATE_LIMIT = 1_000_000;

/** A local stack started for one bench run, with its data under a fresh temporary directory. */
export interface BenchStack {
  stack: RunningStack;
  /** API base URL, e.g. `http://127.0.0.1:41234/api/v1`. */
  api: string;
  secret: string;
  token: (claims: HostUserClaims, ttlSeconds?: number) => Promise<string>;
  stop: () => Promise<void>;
}

/** Starts an empty stack on free 127.0.0.1 ports, with no scheduler and raised rate limits. */
export async function startBenchStack(): Promise<BenchStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'escalated-bench-'));
  const secret = 'escalated-bench-secret';
  const stack = await startStack({
    root: process.cwd(),
    dataDir,
    apiPort: await freePort(),
    jwtSecret: secret,
    seed: false,
    scheduler: false,
    rateLimits: { perUser: BENCH_RATE_LIMIT, perIp: BENCH_RATE_LIMIT },
  });
  return {
    stack,
    api: stack.info.api,
    secret,
    token: (claims, ttlSeconds) => mintHostToken(secret, claims, ttlSeconds),
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The outcome of one HTTP request, with its latency. */
export interface CallResult<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

/** Sends one JSON request to the API; network failures come back as status 0. */
export async function callApi<T = unknown>(
  api: string,
  method: string,
  route: string,
  token: string,
  body?: unknown,
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const started = performance.now();
  try {
    const response = await fetch(`${api}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    return { status: response.status, body: (text ? safeJson(text) : undefined) as T, ms };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 0, body: { error: { message } } as T, ms: performance.now() - started };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Runs `task` for every item with at most `limit` running at once, in order of the items. */
export async function mapLimited<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Returns the q-quantile (0–1) of the values by the nearest-rank method. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

/** Formats a number of milliseconds with one decimal. */
export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/**
 * Describes the machine's 1-minute load average. Other work on the machine slows every figure,
 * so each bench prints this next to its results.
 */
export function loadAverage(): string {
  return `1-minute load average ${os.loadavg()[0]!.toFixed(2)} on ${os.availableParallelism()} CPUs`;
}

/**
 * Returns the CPU seconds (user plus system) each child process of this process has used so
 * far, keyed by what it runs: `dynamodb` (DynamoDB Local), `api`, `s3` or `ses`. Reads Linux's
 * /proc and returns an empty record where it is missing.
 */
export function childCpuSeconds(): Record<string, number> {
  // /proc counts CPU time in clock ticks of USER_HZ, which is 100 per second on Linux.
  const ticksPerSecond = 100;
  const usage: Record<string, number> = {};
  if (!existsSync('/proc/self/stat')) return usage;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    let commandLine: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the parenthesised command name: state, ppid, …; utime and stime are the
    // 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) !== process.pid) continue;
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    usage[serviceOf(commandLine)] = seconds;
  }
  return usage;
}

function serviceOf(commandLine: string): string {
  if (commandLine.includes('DynamoDBLocal.jar')) return 'dynamodb';
  if (commandLine.includes('api-server.ts')) return 'api';
  if (commandLine.includes('s3rver')) return 's3';
  if (commandLine.includes('aws-ses-v2-local')) return 'ses';
  return 'other';
}
