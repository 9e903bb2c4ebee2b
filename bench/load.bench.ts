// Bounded load run against a fresh local stack on 127.0.0.1: virtual users, each a customer of
// its own, repeatedly create a ticket, list their tickets and reply to one, until the duration
// or the request cap is reached. A warm-up of the same traffic runs first, so the JIT of the
// API and of DynamoDB Local is warm; its figures are not reported. Reports throughput, latency
// per operation, errors and the CPU each process used, then reads back every acknowledged
// ticket and reply, warm-up included, through the API.
// Run with: node --import tsx bench/load.bench.ts [--duration 60] [--warmup 10] [--users 50]
//   [--max-requests 50000]
import { parseArgs } from 'node:util';
import {
  BENCH_RATE_LIMIT,
  callApi,
  childCpuSeconds,
  loadAverage,
  mapLimited,
  quantile,
  startBenchStack,
  type BenchStack,
  type CallResult,
} from './support/local-api.js';

const LIMITS = {
  duration: { default: 60, max: 120 },
  warmup: { default: 10, max: 30 },
  users: { default: 50, max: 200 },
  maxRequests: { default: 50_000, max: 200_000 },
};
const VERIFY_CONCURRENCY = 16;
const OPERATIONS = ['create', 'list', 'reply'] as const;

type Operation = (typeof OPERATIONS)[number];

/** Acknowledged tickets by reference, with the owner's token and the acknowledged reply ids. */
type Acknowledged = Map<string, { token: string; replies: string[] }>;

interface VirtualUser {
  index: number;
  token: string;
  tickets: string[];
}

/** Observations of one load phase: request count, latencies, errors by kind and CPU time. */
interface LoadResult {
  sent: number;
  seconds: number;
  latencies: Record<Operation, number[]>;
  errors: Map<string, { count: number; body: string }>;
  cpuSeconds: { dynamodb: number; api: number; generator: number };
}

const options = readOptions();
const command =
  `node --import tsx bench/load.bench.ts --duration ${options.duration} ` +
  `--warmup ${options.warmup} --users ${options.users} --max-requests ${options.maxRequests}`;

const loadBefore = loadAverage();
const bench = await startBenchStack();
try {
  const users = await Promise.all(
    Array.from({ length: options.users }, async (_, index) => ({
      index,
      token: await bench.token({
        sub: `load-customer-${index}`,
        name: `Load customer ${index}`,
        role: 'customer',
      }),
      tickets: [] as string[],
    })),
  );
  const acknowledged: Acknowledged = new Map();
  const warmup = await runLoad(bench, users, acknowledged, options.warmup, options.maxRequests);
  const remaining = options.maxRequests - warmup.sent;
  const result = await runLoad(bench, users, acknowledged, options.duration, remaining);
  const missing = await verify(bench, acknowledged);
  printReport(result, acknowledged, missing);
  console.log(`  ${loadBefore} before the run, ${loadAverage()} after it`);
  console.log(`command: ${command}`);
  if (warmup.errors.size > 0) printErrors('warm-up', warmup.errors);
  if (result.errors.size + warmup.errors.size > 0 || missing.length > 0) process.exitCode = 1;
} finally {
  await bench.stop();
}

/**
 * Runs every virtual user for `seconds` or `maxRequests`, and collects what happened. Adds each
 * acknowledged ticket and reply to `acknowledged`.
 */
async function runLoad(
  stack: BenchStack,
  users: VirtualUser[],
  acknowledged: Acknowledged,
  seconds: number,
  maxRequests: number,
) {
  const result: LoadResult = {
    sent: 0,
    seconds: 0,
    latencies: { create: [], list: [], reply: [] },
    errors: new Map(),
    cpuSeconds: { dynamodb: 0, api: 0, generator: 0 },
  };
  const cpuBefore = childCpuSeconds();
  const ownCpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const canSend = () => result.sent < maxRequests && performance.now() < deadline;

  async function send<T>(
    operation: Operation,
    expected: number,
    call: () => Promise<CallResult<T>>,
  ): Promise<T | undefined> {
    result.sent += 1;
    const response = await call();
    result.latencies[operation].push(response.ms);
    if (response.status === expected) return response.body;
    recordError(result, operation, response);
    return undefined;
  }

  async function virtualUser(user: VirtualUser): Promise<void> {
    for (let iteration = 0; canSend(); iteration += 1) {
      const created = await send('create', 201, () =>
        callApi<{ ticket: { reference: string } }>(stack.api, 'POST', '/tickets', user.token, {
          subject: `Order ${user.index}-${iteration} arrived damaged`,
          body: 'The box was crushed and two mugs are broken.',
        }),
      );
      if (created) {
        user.tickets.push(created.ticket.reference);
        acknowledged.set(created.ticket.reference, { token: user.token, replies: [] });
      }
      if (!canSend()) break;
      await send('list', 200, () => callApi(stack.api, 'GET', '/tickets?limit=10', user.token));
      const target = user.tickets[iteration % Math.max(user.tickets.length, 1)];
      if (!target || !canSend()) continue;
      const reply = await send('reply', 201, () =>
        callApi<{ reply: { id: string } }>(
          stack.api,
          'POST',
          `/tickets/${target}/replies`,
          user.token,
          { body: `Photos of the damage are attached to my order (${iteration}).` },
        ),
      );
      if (reply) acknowledged.get(target)!.replies.push(reply.reply.id);
    }
  }

  await Promise.all(users.map((user) => virtualUser(user)));
  result.seconds = (performance.now() - started) / 1000;
  const cpuAfter = childCpuSeconds();
  const ownCpu = process.cpuUsage(ownCpuBefore);
  result.cpuSeconds = {
    dynamodb: (cpuAfter.dynamodb ?? 0) - (cpuBefore.dynamodb ?? 0),
    api: (cpuAfter.api ?? 0) - (cpuBefore.api ?? 0),
    generator: (ownCpu.user + ownCpu.system) / 1e6,
  };
  return result;
}

/** Counts an unexpected response under its operation, status and error code and message. */
function recordError(result: LoadResult, operation: Operation, response: CallResult<unknown>) {
  const envelope = response.body as { error?: { code?: string; message?: string } } | undefined;
  const reason = envelope?.error
    ? `${envelope.error.code ?? ''} ${envelope.error.message ?? ''}`.trim()
    : JSON.stringify(response.body)?.slice(0, 300);
  const key = `${operation} ${response.status} ${reason}`;
  const seen = result.errors.get(key);
  if (seen) seen.count += 1;
  else result.errors.set(key, { count: 1, body: JSON.stringify(response.body) });
}

/** Reads every acknowledged ticket back as its customer; returns what is missing. */
async function verify(stack: BenchStack, acknowledged: Acknowledged): Promise<string[]> {
  const missing: string[] = [];
  await mapLimited([...acknowledged], VERIFY_CONCURRENCY, async ([reference, expected]) => {
    const detail = await callApi<{ ticket: { reference: string }; replies: Array<{ id: string }> }>(
      stack.api,
      'GET',
      `/tickets/${reference}`,
      expected.token,
    );
    if (detail.status !== 200 || detail.body.ticket.reference !== reference) {
      missing.push(`ticket ${reference} (status ${detail.status})`);
      return;
    }
    const stored = new Set(detail.body.replies.map((reply) => reply.id));
    for (const id of expected.replies) {
      if (!stored.has(id)) missing.push(`reply ${id} of ${reference}`);
    }
  });
  return missing;
}

function printReport(result: LoadResult, acknowledged: Acknowledged, missing: string[]): void {
  const errorCount = [...result.errors.values()].reduce((sum, error) => sum + error.count, 0);
  const throughput = result.sent / result.seconds;
  console.log(
    `Load: ${options.users} virtual users (one customer each) for ${result.seconds.toFixed(1)} s ` +
      `against a local stack on 127.0.0.1. Per-user and per-IP rate limits are raised to ` +
      `${BENCH_RATE_LIMIT.toLocaleString('en')} a minute, so the run measures the API, not ` +
      `the limiter.`,
  );
  console.log(`  requests: ${result.sent} (${throughput.toFixed(0)} req/s); errors: ${errorCount}`);

  console.log(
    `  ${'operation'.padEnd(10)}${'count'.padStart(8)}${'p50'.padStart(11)}` +
      `${'p99'.padStart(11)}`,
  );
  for (const operation of OPERATIONS) {
    const values = result.latencies[operation];
    const p50 = `${quantile(values, 0.5).toFixed(1)} ms`;
    const p99 = `${quantile(values, 0.99).toFixed(1)} ms`;
    console.log(
      `  ${operation.padEnd(10)}${String(values.length).padStart(8)}` +
        `${p50.padStart(11)}${p99.padStart(11)}`,
    );
  }
  printErrors('run', result.errors);

  const { dynamodb, api, generator } = result.cpuSeconds;
  console.log(
    `  CPU used during the run: DynamoDB Local ${dynamodb.toFixed(1)} s, API process ` +
      `${api.toFixed(1)} s, load generator ${generator.toFixed(1)} s`,
  );
  const replies = [...acknowledged.values()].reduce((sum, t) => sum + t.replies.length, 0);
  console.log(
    `  read back (warm-up included): ${acknowledged.size} acknowledged tickets and ${replies} ` +
      `acknowledged replies; missing: ${missing.length}`,
  );
  for (const line of missing.slice(0, 20)) console.log(`  missing: ${line}`);
}

function printErrors(phase: string, errors: LoadResult['errors']): void {
  for (const [key, error] of errors) {
    console.log(`  ${phase} error ×${error.count}: ${key}\n    first body: ${error.body}`);
  }
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      users: { type: 'string' },
      'max-requests': { type: 'string' },
    },
  });
  return {
    duration: bounded('--duration', values.duration, LIMITS.duration),
    warmup: bounded('--warmup', values.warmup, LIMITS.warmup),
    users: bounded('--users', values.users, LIMITS.users),
    maxRequests: bounded('--max-requests', values['max-requests'], LIMITS.maxRequests),
  };
}

/** Parses a whole-number flag, rejecting values below 1 or above its cap. */
function bounded(
  flag: string,
  raw: string | undefined,
  limit: { default: number; max: number },
): number {
  if (raw === undefined) return limit.default;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > limit.max) {
    throw new Error(`${flag} must be a whole number from 1 to ${limit.max}; got "${raw}".`);
  }
  return value;
}
