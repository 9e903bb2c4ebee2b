import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../functions/domain/types.js';
import type * as TableModule from '../../functions/store/table.js';
import type * as EnqueueModule from '../../functions/webhooks/enqueue.js';
import type * as StoreModule from '../../functions/webhooks/store.js';
import { api } from '../support/api.js';
import { startOwnStack, type OwnStack } from '../support/own-stack.js';

// Webhook deliveries move time forward through the job's `now`, so these tests run on a
// stack of their own. Most tests queue events in this process with webhookWrites against the
// stack's DynamoDB Local, for control over the ticket; one drives a ticket through the API.
// Then they run the deliver-webhooks job over HTTP; it calls a receiver on 127.0.0.1.

interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local HTTP receiver that responds 500 to the next `failNext` requests, then 200. */
interface Receiver {
  base: string;
  requests: ReceivedRequest[];
  failNext: number;
  close: () => Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver = { requests: [] as ReceivedRequest[], failNext: 0 } as Receiver;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      receiver.requests.push({ path: request.url ?? '', headers: request.headers, body });
      const failing = receiver.failNext > 0;
      if (failing) receiver.failNext -= 1;
      response.writeHead(failing ? 500 : 200, { 'Content-Type': 'text/plain' });
      response.end(failing ? 'receiver is down' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.base = `http://127.0.0.1:${port}`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

/** Verifies an Escalated-Signature header with only the secret, the raw body and node:crypto. */
function signatureVerifies(secret: string, rawBody: string, header: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

let own: OwnStack;
let admin: string;
let receiver: Receiver;
let table: typeof TableModule;
let enqueue: typeof EnqueueModule;
let store: typeof StoreModule;
let sequence = 0;

beforeAll(async () => {
  own = await startOwnStack();
  admin = await own.token({ sub: 'hooks-admin', name: 'Admin', role: 'admin' });
  receiver = await startReceiver();

  const { info } = own.stack;
  vi.stubEnv('ESCALATED_TABLE', info.table);
  vi.stubEnv('ESCALATED_BUCKET', info.bucket);
  vi.stubEnv('ESCALATED_JWT_SECRET', 'webhooks-test');
  vi.stubEnv('ESCALATED_STAGE', 'local');
  vi.stubEnv('DYNAMODB_ENDPOINT', info.dynamodb);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  // Imported after the environment is set: the functions read their config once.
  table = await import('../../functions/store/table.js');
  enqueue = await import('../../functions/webhooks/enqueue.js');
  store = await import('../../functions/webhooks/store.js');
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await own?.stop();
  vi.unstubAllEnvs();
});

beforeEach(() => {
  receiver.failNext = 0;
  receiver.requests.length = 0;
});

function call(method: string, route: string, body?: unknown) {
  return api(method, route, { base: own.api, token: admin, body });
}

async function allowPrivateTargets(allow: boolean) {
  const result = await call('PUT', '/admin/settings', { allowPrivateWebhookTargets: allow });
  expect(result.status).toBe(200);
}

async function createWebhook(path: string, events: string[], base = receiver.base) {
  const result = await call('POST', '/admin/webhooks', { url: `${base}${path}`, events });
  expect(result.status).toBe(201);
  return result.body as { id: string; secret: string; url: string };
}

async function runJob(now: string) {
  const result = await call('POST', '/admin/jobs/deliver-webhooks/run', { now });
  expect(result.status).toBe(200);
  return result.body;
}

async function deliveriesOf(webhookId: string, query = '') {
  const result = await call('GET', `/admin/webhooks/${webhookId}/deliveries${query}`);
  expect(result.status).toBe(200);
  return result.body as { items: any[]; nextCursor: string | null };
}

function plusMinutes(instant: string, minutes: number) {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

function ticketFixture(at: string): Ticket {
  sequence += 1;
  return {
    id: `hook-ticket-${sequence}`,
    reference: `HOOK-${String(sequence).padStart(5, '0')}`,
    subject: 'Pedal creaks',
    body: 'The left pedal creaks on every turn.',
    status: 'open',
    priority: 'medium',
    channel: 'portal',
    departmentId: null,
    assigneeId: null,
    requester: { id: 'hook-customer', name: 'Casey', email: 'casey@example.test', guest: false },
    tags: [],
    followerIds: [],
    createdAt: at,
    updatedAt: at,
    firstResponseAt: null,
    lastAgentReplyAt: null,
    lastRequesterReplyAt: at,
    resolvedAt: null,
    closedAt: null,
    linkedFrom: null,
    version: 1,
    slaClock: null,
  };
}

/** Queues events of a change as a ticket write would, and returns the change's instant. */
async function queueChange(
  events: EnqueueModule.WebhookEventInput[],
  reply?: EnqueueModule.WebhookWritesInput['reply'],
) {
  const at = new Date().toISOString();
  store.invalidateWebhooksCache();
  const writes = await enqueue.webhookWrites({ ticket: ticketFixture(at), events, at, reply });
  expect(writes.length).toBeGreaterThan(0);
  await table.transactWrite(writes);
  return at;
}

describe('webhooks', () => {
  let flaky: { id: string; secret: string };

  beforeAll(async () => {
    await allowPrivateTargets(true);
    flaky = await createWebhook('/flaky', ['ticket.created', 'note.created']);
  });

  it('returns the secret only in the create response', async () => {
    const list = await call('GET', '/admin/webhooks');
    const read = await call('GET', `/admin/webhooks/${flaky.id}`);
    const patched = await call('PATCH', `/admin/webhooks/${flaky.id}`, { description: 'Flaky' });
    const audit = await call('GET', '/admin/audit-log?limit=100');

    expect(flaky.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(list.status).toBe(200);
    expect(read.status).toBe(200);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: 'Flaky', active: true });
    expect(JSON.stringify(list.body)).not.toContain(flaky.secret);
    expect(read.body).not.toHaveProperty('secret');
    expect(patched.body).not.toHaveProperty('secret');
    expect(JSON.stringify(audit.body)).not.toContain(flaky.secret);
  });

  it('delivers the events of a ticket created through the API', async () => {
    const customer = await own.token({ sub: 'hook-api-customer', name: 'Casey' });
    const created = await api('POST', '/tickets', {
      base: own.api,
      token: customer,
      body: { subject: 'Via the API', body: 'Queued with the ticket' },
    });

    await runJob(plusMinutes(created.body.ticket.createdAt, 0.1));
    const events = receiver.requests
      .filter((request) => request.path === '/flaky')
      .map(
        (request) =>
          JSON.parse(request.body) as { type: string; payload: { ticket: { reference: string } } },
      );

    expect(events.map((event) => [event.type, event.payload.ticket.reference])).toEqual([
      ['ticket.created', created.body.ticket.reference],
    ]);
  });

  it('retries a failing receiver until it returns 200', async () => {
    receiver.failNext = 2;
    const at = await queueChange([{ type: 'ticket.created' }]);

    const first = await runJob(at);
    const early = await runJob(plusMinutes(at, 0.5));
    await runJob(plusMinutes(at, 2));
    await runJob(plusMinutes(at, 5));
    const deliveryId = receiver.requests[0]?.headers['escalated-delivery'];
    const log = await deliveriesOf(flaky.id, '?limit=100');
    const attempts = log.items.filter((item) => item.deliveryId === deliveryId);

    expect(first).toMatchObject({ job: 'deliver-webhooks', changed: 1 });
    expect(early).toMatchObject({ changed: 0 });
    expect(receiver.requests).toHaveLength(3);
    expect(attempts.map((item) => item.statusCode)).toEqual([200, 500, 500]);
    expect(attempts.map((item) => item.attempt)).toEqual([3, 2, 1]);
    expect(attempts.map((item) => item.outcome)).toEqual(['delivered', 'failed', 'failed']);
    expect(attempts[1].responseBody).toBe('receiver is down');
    expect(attempts[1].nextAttemptAt > plusMinutes(at, 2)).toBe(true);
    expect(attempts[0].nextAttemptAt).toBeNull();
    expect(attempts[0].durationMs).toEqual(expect.any(Number));
  });

  it('signs every attempt of one delivery with the same delivery id', async () => {
    receiver.failNext = 2;
    const at = await queueChange([{ type: 'ticket.created' }]);

    for (const minutes of [0, 2, 5]) await runJob(plusMinutes(at, minutes));
    const ids = receiver.requests.map((request) => request.headers['escalated-delivery']);
    const last = receiver.requests.at(-1)!;
    const body = JSON.parse(last.body);

    expect(receiver.requests).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(last.path).toBe('/flaky');
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['user-agent']).toBe('Escalated-Webhooks/1');
    expect(last.headers['escalated-event']).toBe('ticket.created');
    expect(
      signatureVerifies(flaky.secret, last.body, String(last.headers['escalated-signature'])),
    ).toBe(true);
    expect(body).toMatchObject({ type: 'ticket.created', payload: { ticket: { status: 'open' } } });
    expect(body.payload.ticket).not.toHaveProperty('slaClock');
    expect(receiver.requests[0]?.body).toBe(last.body);
  });

  it('marks a delivery dead after the seventh failed attempt', async () => {
    receiver.failNext = 100;
    const at = await queueChange([{ type: 'ticket.created' }]);

    for (const minutes of [0, 2, 5, 10, 20, 40, 80, 200]) await runJob(plusMinutes(at, minutes));
    const deliveryId = receiver.requests[0]?.headers['escalated-delivery'];
    const log = await deliveriesOf(flaky.id, '?limit=100');
    const attempts = log.items.filter((item) => item.deliveryId === deliveryId);

    expect(receiver.requests).toHaveLength(7);
    expect(attempts.map((item) => item.attempt)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(attempts.every((item) => item.statusCode === 500)).toBe(true);
    expect(attempts[0].nextAttemptAt).toBeNull();
    expect(attempts[1].nextAttemptAt).toEqual(expect.any(String));
  });

  it('sends a note event without the note body', async () => {
    const noteText = 'Refund flagged by the fraud team, keep it quiet';
    const note = {
      id: 'note-1',
      body: noteText,
      internal: true,
      pinned: false,
      author: { id: 'hook-agent', name: 'Ada', role: 'agent' as const },
      attachments: [],
      createdAt: new Date().toISOString(),
    };
    const at = await queueChange([{ type: 'note.created', note: note.id }], note);

    await runJob(at);
    const [request] = receiver.requests;
    const body = JSON.parse(request!.body);

    expect(receiver.requests).toHaveLength(1);
    expect(request!.headers['escalated-event']).toBe('note.created');
    expect(request!.body).not.toContain(noteText);
    expect(body.payload.note).toEqual({ id: 'note-1', internal: true });
  });

  it('queues a delivered delivery again and signs it with a rotated secret', async () => {
    const at = await queueChange([{ type: 'ticket.created' }]);
    await runJob(at);
    const deliveryId = receiver.requests[0]?.headers['escalated-delivery'];
    const delivered = (await deliveriesOf(flaky.id, '?limit=100')).items.find(
      (item) => item.deliveryId === deliveryId,
    );

    const rotated = await call('POST', `/admin/webhooks/${flaky.id}/rotate-secret`);
    const retried = await call(
      'POST',
      `/admin/webhooks/${flaky.id}/deliveries/${delivered.deliveryId}/retry`,
    );
    await runJob(new Date().toISOString());
    const resent = receiver.requests[1]!;
    const signature = String(resent.headers['escalated-signature']);

    expect(delivered.outcome).toBe('delivered');
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(flaky.secret);
    expect(retried.status).toBe(202);
    expect(retried.body.delivery).toMatchObject({ state: 'pending', attempts: 0 });
    expect(receiver.requests).toHaveLength(2);
    expect(resent.headers['escalated-delivery']).toBe(delivered.deliveryId);
    expect(signatureVerifies(rotated.body.secret, resent.body, signature)).toBe(true);
    expect(signatureVerifies(flaky.secret, resent.body, signature)).toBe(false);
    flaky.secret = rotated.body.secret;
  });

  it('answers 404 for a delivery of another webhook', async () => {
    const other = await createWebhook('/other', ['tag.added']);
    const [entry] = (await deliveriesOf(flaky.id)).items;

    const result = await call(
      'POST',
      `/admin/webhooks/${other.id}/deliveries/${entry.deliveryId}/retry`,
    );
    const missing = await call('GET', '/admin/webhooks/no-such-hook/deliveries');

    expect(result.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await call('DELETE', `/admin/webhooks/${other.id}`)).status).toBe(204);
  });

  it('pages the delivery log newest first', async () => {
    const first = await deliveriesOf(flaky.id, '?limit=2');
    const second = await deliveriesOf(flaky.id, `?limit=2&cursor=${first.nextCursor}`);

    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    expect(second.items.length).toBeGreaterThan(0);
    expect(first.items[1].at >= second.items[0].at).toBe(true);
    expect(JSON.stringify([first, second])).not.toContain('whsec_');
  });

  describe('with private targets not allowed', () => {
    let privateHook: { id: string };

    beforeAll(async () => {
      privateHook = await createWebhook('/private', ['ticket.updated'], 'https://127.0.0.1:9');
      await allowPrivateTargets(false);
    });

    afterAll(async () => {
      await allowPrivateTargets(true);
    });

    it.each([
      ['http://hooks.example.com/in'],
      ['https://127.0.0.1/in'],
      ['https://10.1.2.3/in'],
      ['https://[::1]/in'],
      ['https://localhost/in'],
      ['https://169.254.169.254/latest'],
    ])('rejects %s at create', async (url) => {
      const result = await call('POST', '/admin/webhooks', { url, events: ['*'] });

      expect(result.status).toBe(422);
      expect(result.body.error.fields).toHaveProperty('url');
    });

    it('rejects updating an active private target', async () => {
      const result = await call('PATCH', `/admin/webhooks/${privateHook.id}`, { active: true });

      expect(result.status).toBe(422);
      expect(result.body.error.fields).toHaveProperty('url');
    });

    it('refuses a private target at delivery without sending', async () => {
      const at = await queueChange([{ type: 'ticket.updated', note: 'Macro "Triage" applied' }]);

      await runJob(at);
      const [entry] = (await deliveriesOf(privateHook.id)).items;

      expect(receiver.requests).toHaveLength(0);
      expect(entry).toMatchObject({ outcome: 'refused', statusCode: null, attempt: 1 });
      expect(entry.error).toContain('127.0.0.1');
      expect(entry.nextAttemptAt).toEqual(expect.any(String));
    });
  });
});
