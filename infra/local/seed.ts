import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/store/keys.js';
import { DEMO_DEPARTMENTS, DEMO_USERS, demoUser } from './demo-users.js';
import { mintHostToken } from './tokens.js';

interface SeedContext {
  db: DynamoDBDocumentClient;
  table: string;
  api: string;
  secret: string;
}

async function call(
  context: SeedContext,
  userId: string,
  method: string,
  route: string,
  body?: unknown,
) {
  const user = demoUser(userId)!;
  const token = await mintHostToken(context.secret, user, 600);
  const response = await fetch(`${context.api}${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = (await response.json()) as Record<string, unknown>;
  if (!response.ok)
    throw new Error(
      `Seeding ${method} ${route} failed with ${response.status}: ${JSON.stringify(payload)}`,
    );
  return payload;
}

async function openTicket(
  context: SeedContext,
  userId: string,
  ticket: { subject: string; body: string; priority?: string; departmentId?: string },
) {
  const payload = await call(context, userId, 'POST', '/tickets', ticket);
  return (payload.ticket as { reference: string }).reference;
}

async function seedTickets(context: SeedContext): Promise<void> {
  const derailleur = await openTicket(context, 'demo-customer-grace', {
    subject: 'Rear derailleur skipping after tune-up',
    body: 'Since the tune-up last Friday the chain skips on the two smallest cogs. Could you take another look?',
    departmentId: 'dept-repairs',
  });
  await call(context, 'demo-agent-sam', 'PATCH', `/agent/tickets/${derailleur}`, {
    assigneeId: 'demo-agent-sam',
  });
  await call(context, 'demo-agent-sam', 'POST', `/agent/tickets/${derailleur}/replies`, {
    body: 'Sorry about that! It sounds like the cable needs a quarter turn. Can you bring it by on Tuesday?',
  });
  await call(context, 'demo-agent-sam', 'POST', `/agent/tickets/${derailleur}/replies`, {
    body: 'Cable was replaced with a budget one during the tune-up; swap for the shop cable at no charge.',
    internal: true,
  });
  await call(context, 'demo-customer-grace', 'POST', `/tickets/${derailleur}/replies`, {
    body: 'Tuesday works, thanks. Around 10?',
  });

  const invoice = await openTicket(context, 'demo-customer-luis', {
    subject: 'Invoice shows the wrong VAT number',
    body: 'Our company VAT number on invoice 2026-1182 is missing a digit. Please reissue it.',
    departmentId: 'dept-orders',
  });
  await call(context, 'demo-agent-tom', 'PATCH', `/agent/tickets/${invoice}`, {
    assigneeId: 'demo-agent-tom',
    priority: 'high',
  });

  const truing = await openTicket(context, 'demo-customer-mei', {
    subject: 'Can I book a wheel truing next week?',
    body: 'My front wheel wobbles a little. Do you have a slot next week?',
    departmentId: 'dept-repairs',
    priority: 'low',
  });
  await call(context, 'demo-agent-priya', 'POST', `/agent/tickets/${truing}/replies`, {
    body: 'Yes, Wednesday at 14:00 is booked for you.',
  });
  await call(context, 'demo-agent-priya', 'PATCH', `/agent/tickets/${truing}`, {
    status: 'resolved',
  });

  const bottleCage = await openTicket(context, 'demo-customer-grace', {
    subject: 'Order 4471 arrived without the bottle cage',
    body: 'The box had the bottles but no cage. Can you send it?',
    departmentId: 'dept-orders',
  });
  await call(context, 'demo-agent-priya', 'POST', `/agent/tickets/${bottleCage}/replies`, {
    body: 'Shipped today, tracking is in your account.',
  });
  await call(context, 'demo-agent-priya', 'PATCH', `/agent/tickets/${bottleCage}`, {
    status: 'closed',
  });

  await openTicket(context, 'demo-customer-luis', {
    subject: 'Brake pads squeal in the rain',
    body: 'Is that normal for the new disc pads?',
  });

  const battery = await openTicket(context, 'demo-customer-mei', {
    subject: 'E-bike battery drains overnight',
    body: 'The battery goes from 80 % to 20 % overnight while switched off. It is 8 months old.',
    departmentId: 'dept-repairs',
    priority: 'urgent',
  });
  await call(context, 'demo-agent-sam', 'PATCH', `/agent/tickets/${battery}`, {
    status: 'escalated',
    addTags: ['warranty'],
  });
}

/**
 * Seeds the demo installation once: departments written directly (as an admin would set
 * them up), then users and tickets through the real API. A marker item makes it run once.
 */
export async function seedDemoData(context: SeedContext): Promise<boolean> {
  const marker = await context.db.send(
    new GetCommand({ TableName: context.table, Key: keys.seedMarker(), ConsistentRead: true }),
  );
  if (marker.Item) return false;

  for (const department of DEMO_DEPARTMENTS) {
    await context.db.send(
      new PutCommand({
        TableName: context.table,
        Item: {
          ...keys.department(department.id),
          entity: 'department',
          ...department,
          agentIds: [...department.agentIds],
          autoAssign: true,
          maxOpenPerAgent: null,
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
          version: 1,
          slaPolicyId: null,
          calendarId: null,
        },
      }),
    );
  }
  for (const user of DEMO_USERS)
    await call(context, user.sub, 'GET', user.role === 'customer' ? '/tickets' : '/agent/agents');
  await seedTickets(context);
  await context.db.send(
    new PutCommand({
      TableName: context.table,
      Item: { ...keys.seedMarker(), entity: 'seed', seededAt: new Date().toISOString() },
    }),
  );
  return true;
}
