// Measures one check-sla sweep over a table of 50,000 open tickets of which 20 are due: how many
// items it reads, the read capacity DynamoDB Local reports, and the time it takes.
// Run with: node --import tsx bench/check-sla.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { freePort } from '../infra/local/processes.js';
import { startStack } from '../infra/local/stack.js';

const COMMAND = 'node --import tsx bench/check-sla.bench.ts';

interface Consumed {
  CapacityUnits?: number;
}
const OPEN_TICKETS = 50_000;
const DUE_TICKETS = 20;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'escalated-bench-'));
const stack = await startStack({
  root: process.cwd(),
  dataDir,
  apiPort: await freePort(),
  seed: false,
  scheduler: false,
});
Object.assign(process.env, {
  ESCALATED_TABLE: stack.info.table,
  ESCALATED_BUCKET: stack.info.bucket,
  ESCALATED_JWT_SECRET: 'bench',
  ESCALATED_STAGE: 'local',
  DYNAMODB_ENDPOINT: stack.info.dynamodb,
  AWS_REGION: 'us-east-1',
});

// Imported after the environment is set: the functions read their config once.
const { ddb } = await import('../functions/lib/aws.js');
const { buildTicket } = await import('../functions/tickets/create.js');
const { ticketItem } = await import('../functions/tickets/items.js');
const { applySla } = await import('../functions/sla/apply.js');
const { checkSla } = await import('../functions/jobs/check-sla.js');

const requester = {
  id: 'bench-customer',
  name: 'Bench',
  email: null,
  role: 'customer' as const,
  departments: [],
  guest: false,
};
const now = new Date();
const dueCreatedAt = new Date(now.getTime() - 10 * 24 * 3600_000).toISOString();
const freshCreatedAt = now.toISOString();

async function ticketItemAt(index: number, createdAt: string) {
  const reference = `BENCH-${String(index).padStart(6, '0')}`;
  const built = buildTicket(
    requester,
    { subject: 'Bench', body: 'Bench' },
    { reference, priority: 'low', departmentId: null, channel: 'api', at: createdAt },
  );
  const { ticket } = await applySla(null, built, createdAt);
  return ticketItem(ticket);
}

const started = performance.now();
for (let start = 0; start < OPEN_TICKETS; start += 25) {
  const items = [];
  for (let index = start; index < Math.min(start + 25, OPEN_TICKETS); index += 1) {
    items.push(await ticketItemAt(index, index < DUE_TICKETS ? dueCreatedAt : freshCreatedAt));
  }
  await ddb().send(
    new BatchWriteCommand({
      RequestItems: { [stack.info.table]: items.map((Item) => ({ PutRequest: { Item } })) },
    }),
  );
}
const loadSeconds = (performance.now() - started) / 1000;

const capacity = { read: 0, write: 0 };
let calls = 0;
const READS = new Set(['GetCommand', 'QueryCommand']);
ddb().middlewareStack.add(
  (next, context) => async (args) => {
    (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    calls += 1;
    const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
    const consumed = Array.isArray(output.ConsumedCapacity)
      ? output.ConsumedCapacity
      : output.ConsumedCapacity
        ? [output.ConsumedCapacity]
        : [];
    const units = consumed.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
    if (READS.has(context.commandName ?? '')) capacity.read += units;
    else capacity.write += units;
    return result;
  },
  { step: 'initialize', name: 'countCapacity' },
);

const sweepStarted = performance.now();
const summary = await checkSla(now.toISOString());
const sweepMs = performance.now() - sweepStarted;

console.log(
  `check-sla over ${OPEN_TICKETS} open tickets, ${DUE_TICKETS} due (table loaded in ${loadSeconds.toFixed(0)} s)`,
);
console.log(
  `  index entries read: ${summary.read}; tickets changed: ${summary.changed}; failed: ${summary.failed}`,
);
console.log(
  `  DynamoDB calls: ${calls}; read capacity units: ${capacity.read.toFixed(1)}; write capacity units (ticket, activity and index writes of the 20 changed tickets): ${capacity.write.toFixed(1)}`,
);
console.log(`  sweep time: ${sweepMs.toFixed(0)} ms`);
console.log(`command: ${COMMAND}`);

await stack.stop();
rmSync(dataDir, { recursive: true, force: true });
