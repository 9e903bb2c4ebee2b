// Measures how much of each handler invocation is spent outside DynamoDB. A fresh local stack is
// seeded through its HTTP API with customers' tickets, each with a customer and an agent reply.
// Then this process imports the handler modules with the environment the local API gives them
// and invokes them directly with API Gateway HTTP API events. It times the handler call and,
// through a middleware on the shared document client, every DynamoDB call the handler makes.
// Run with: node --import tsx bench/api-overhead.bench.ts
import {
  callApi,
  loadAverage,
  mapLimited,
  quantile,
  startBenchStack,
  type BenchStack,
} from './support/local-api.js';
import {
  httpEvent,
  lambdaContext,
  useHandlerEnvironment,
  withoutStdout,
  type HttpHandler,
  type InvokeRequest,
} from './support/lambda-invoke.js';
import { coveredMs, summedMs, timeDynamoDbCalls, type CallSpan } from './support/dynamodb-timer.js';

const COMMAND = 'node --import tsx bench/api-overhead.bench.ts';
const CUSTOMERS = 20;
const TICKETS_PER_CUSTOMER = 15;
const SEED_CONCURRENCY = 8;
const WARMUP = 10;
const ITERATIONS = 60;
/** Handler time over DynamoDB time that the API aims to stay under. */
const GOAL_RATIO = 1.5;

interface Customer {
  sub: string;
  token: string;
}

/** One route to measure: the function serving it and the request of each iteration. */
interface BenchCase {
  name: string;
  functionName: string;
  handler: HttpHandler;
  request: (iteration: number) => InvokeRequest;
}

/** Per-invocation figures of one route, in milliseconds. */
interface Measured {
  name: string;
  handlerMs: number[];
  dynamoMs: number[];
  inFlightMs: number[];
  limiterMs: number[];
  calls: number[];
  callMix: string;
}

type Timer = ReturnType<typeof timeDynamoDbCalls>;

const loadBefore = loadAverage();
const bench = await startBenchStack();
try {
  const agentToken = await bench.token({ sub: 'bench-agent', name: 'Agent', role: 'agent' });
  const customers = await Promise.all(
    Array.from({ length: CUSTOMERS }, async (_, index) => {
      const sub = `bench-customer-${index}`;
      const token = await bench.token({ sub, name: `Customer ${index}`, role: 'customer' });
      return { sub, token };
    }),
  );
  const seedStarted = performance.now();
  const references = await seedTickets(bench, customers, agentToken);
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  useHandlerEnvironment(bench.stack.info, bench.secret);
  // Imported after the environment is set: the handlers read their config once, at import.
  const { ddb } = await import('../functions/lib/aws.js');
  const handlers = {
    customerTickets: (await import('../functions/handlers/customer-tickets.js'))
      .handler as unknown as HttpHandler,
    agentTickets: (await import('../functions/handlers/agent-tickets.js'))
      .handler as unknown as HttpHandler,
  };
  const timer = timeDynamoDbCalls(ddb());
  const cases = buildCases(handlers, customers, references, agentToken);
  const rows = await withoutStdout(() => measureAll(cases, timer));
  printReport(rows, seedSeconds);
  console.log(`  ${loadBefore} before the run, ${loadAverage()} after it`);
  console.log(`command: ${COMMAND}`);
} finally {
  await bench.stop();
}

/** Builds the measured routes: customers read and create, agents read, reply and patch. */
function buildCases(
  handlers: Record<'customerTickets' | 'agentTickets', HttpHandler>,
  customers: Customer[],
  references: Map<string, string[]>,
  agentToken: string,
): BenchCase[] {
  const [reader, replied, patched] = customers as [Customer, Customer, Customer];
  const own = references.get(reader.sub)!;
  const replyTargets = references.get(replied.sub)!;
  const patchTargets = references.get(patched.sub)!;
  const customer = (name: string, request: BenchCase['request']): BenchCase => ({
    name,
    functionName: 'customerTickets',
    handler: handlers.customerTickets,
    request,
  });
  const agent = (name: string, request: BenchCase['request']): BenchCase => ({
    name,
    functionName: 'agentTickets',
    handler: handlers.agentTickets,
    request,
  });
  return [
    customer('customer list', () => plainRequest('GET /api/v1/tickets', reader.token)),
    customer('customer get', (i) =>
      ticketRequest('GET /api/v1/tickets/{reference}', own[i % own.length]!, reader.token),
    ),
    customer('create ticket', (i) => ({
      ...plainRequest('POST /api/v1/tickets', customers[i % customers.length]!.token),
      body: { subject: `Bench ticket ${i}`, body: 'The order page shows a blank total.' },
    })),
    agent('agent queue list', () => plainRequest('GET /api/v1/agent/tickets', agentToken)),
    agent('agent get', (i) =>
      ticketRequest('GET /api/v1/agent/tickets/{reference}', own[i % own.length]!, agentToken),
    ),
    agent('agent reply', (i) => ({
      ...ticketRequest(
        'POST /api/v1/agent/tickets/{reference}/replies',
        replyTargets[i % replyTargets.length]!,
        agentToken,
      ),
      body: { body: `Thanks, we are looking into it (${i}).` },
    })),
    agent('agent patch', (i) => ({
      ...ticketRequest(
        'PATCH /api/v1/agent/tickets/{reference}',
        patchTargets[i % patchTargets.length]!,
        agentToken,
      ),
      // Each pass over the tickets flips their priority, so every patch changes something.
      body: { priority: Math.floor(i / patchTargets.length) % 2 === 0 ? 'high' : 'low' },
    })),
  ];
}

/**
 * Invokes every route WARMUP + ITERATIONS times, one route after another in each round so that
 * warm-up and background noise fall on all routes alike, and keeps the figures after warm-up.
 */
async function measureAll(cases: BenchCase[], timer: Timer): Promise<Measured[]> {
  const rows: Measured[] = cases.map((benchCase) => ({
    name: benchCase.name,
    handlerMs: [],
    dynamoMs: [],
    inFlightMs: [],
    limiterMs: [],
    calls: [],
    callMix: '',
  }));
  for (let i = 0; i < WARMUP + ITERATIONS; i += 1) {
    for (const [index, benchCase] of cases.entries()) {
      const { elapsed, spans } = await invoke(benchCase, i, timer);
      if (i < WARMUP) continue;
      const row = rows[index]!;
      row.handlerMs.push(elapsed);
      row.dynamoMs.push(summedMs(spans));
      row.inFlightMs.push(coveredMs(spans));
      row.limiterMs.push(coveredMs(spans.filter((span) => span.partition === 'RATE')));
      row.calls.push(spans.length);
      row.callMix = describeCalls(spans);
    }
  }
  return rows;
}

/** Invokes a route's handler once; returns its duration and the DynamoDB calls it made. */
async function invoke(benchCase: BenchCase, iteration: number, timer: Timer) {
  const event = httpEvent(benchCase.request(iteration));
  const context = lambdaContext(benchCase.functionName);
  timer.take();
  const started = performance.now();
  const result = await benchCase.handler(event, context);
  const elapsed = performance.now() - started;
  const spans = timer.take();
  if (result.statusCode >= 300) {
    const body = result.body ?? '(no body)';
    throw new Error(`${benchCase.name} returned status ${result.statusCode}: ${body}`);
  }
  return { elapsed, spans };
}

function printReport(rows: Measured[], seedSeconds: number): void {
  console.log(
    `API overhead: ${CUSTOMERS * TICKETS_PER_CUSTOMER} seeded tickets with 2 replies each ` +
      `(seeded in ${seedSeconds.toFixed(0)} s); ${ITERATIONS} rounds over the routes after ` +
      `${WARMUP} discarded; medians`,
  );
  const header = ['route', 'handler', 'DynamoDB', 'ratio', 'in flight', 'ratio', 'limiter'];
  console.log(formatRow([...header, 'calls']));
  for (const row of rows) {
    const handler = quantile(row.handlerMs, 0.5);
    const dynamo = quantile(row.dynamoMs, 0.5);
    const inFlight = quantile(row.inFlightMs, 0.5);
    const ratio = handler / dynamo;
    const cells = [
      row.name,
      `${handler.toFixed(1)} ms`,
      `${dynamo.toFixed(1)} ms`,
      `${ratio.toFixed(2)}×`,
      `${inFlight.toFixed(1)} ms`,
      `${(handler / inFlight).toFixed(2)}×`,
      `${quantile(row.limiterMs, 0.5).toFixed(1)} ms`,
      String(quantile(row.calls, 0.5)),
    ];
    const verdict = ratio < GOAL_RATIO ? '' : `  over the ${GOAL_RATIO}× goal`;
    console.log(formatRow(cells) + verdict);
  }
  console.log(
    '  handler: time of the handler call. DynamoDB: summed time of its calls, so calls sent in ' +
      'parallel count each in full. In flight: time with at least one call running. ' +
      "Limiter: in-flight time of the rate limiter's counter updates.",
  );
  console.log('  DynamoDB calls of the last invocation of each route:');
  for (const row of rows) console.log(`    ${row.name}: ${row.callMix}`);
}

/** Describes calls as `UpdateItem RATE ×2, Query`, in the order first sent. */
function describeCalls(spans: CallSpan[]): string {
  const counts = new Map<string, number>();
  for (const span of spans) {
    const name = `${span.command.replace(/Command$/, '')} ${span.partition ?? ''}`.trim();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ');
}

function formatRow(cells: string[]): string {
  const [name, ...numbers] = cells;
  return `  ${name!.padEnd(18)}${numbers.map((cell) => cell.padStart(11)).join('')}`;
}

function plainRequest(routeKey: string, token: string): InvokeRequest {
  return { routeKey, path: routeKey.split(' ')[1]!, token };
}

function ticketRequest(routeKey: string, reference: string, token: string): InvokeRequest {
  const path = routeKey.split(' ')[1]!.replace('{reference}', reference);
  return { routeKey, path, token, pathParameters: { reference } };
}

/** Opens the tickets through the HTTP API, each with a customer reply and an agent reply. */
async function seedTickets(
  stack: BenchStack,
  customers: Customer[],
  agentToken: string,
): Promise<Map<string, string[]>> {
  const jobs = customers.flatMap((customer) =>
    Array.from({ length: TICKETS_PER_CUSTOMER }, (_, index) => ({ customer, index })),
  );
  const created = await mapLimited(jobs, SEED_CONCURRENCY, async ({ customer, index }) => ({
    sub: customer.sub,
    reference: await seedTicket(stack.api, customer.token, agentToken, index),
  }));
  const bySub = new Map<string, string[]>();
  for (const { sub, reference } of created) bySub.set(sub, [...(bySub.get(sub) ?? []), reference]);
  return bySub;
}

async function seedTicket(api: string, customerToken: string, agentToken: string, index: number) {
  const ticket = await callApi<{ ticket: { reference: string } }>(
    api,
    'POST',
    '/tickets',
    customerToken,
    {
      subject: `Invoice ${index} shows the wrong VAT rate`,
      body: 'The invoice for last month lists 19 % VAT; our contract says 7 %.',
      priority: ['low', 'medium', 'high', 'urgent'][index % 4],
    },
  );
  expectStatus(ticket.status, 201, 'seed ticket', ticket.body);
  const reference = ticket.body.ticket.reference;
  const route = `/tickets/${reference}/replies`;
  const reply = await callApi(api, 'POST', route, customerToken, { body: 'Any news?' });
  expectStatus(reply.status, 201, 'seed customer reply', reply.body);
  const answer = await callApi(api, 'POST', `/agent${route}`, agentToken, {
    body: 'We have corrected the invoice and sent it again.',
  });
  expectStatus(answer.status, 201, 'seed agent reply', answer.body);
  return reference;
}

function expectStatus(actual: number, expected: number, what: string, body: unknown): void {
  if (actual !== expected)
    throw new Error(
      `${what} returned status ${actual}, expected ${expected}: ${JSON.stringify(body)}`,
    );
}
