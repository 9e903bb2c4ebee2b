import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintHostToken } from '../../infra/local/tokens.js';
import { api } from '../support/api.js';
import { customerAndAgentFlow, type FlowResult } from '../support/flows.js';
import { startOwnStack, type OwnStack } from '../support/own-stack.js';

// A synced site and its hub: two API processes on their own ports and tables, sharing one
// DynamoDB Local. Jobs run on demand, so every delivery below is one the test asked for.

let own: OwnStack;
let hubApi: string;
let siteAdmin: string;
let hubAgent: string;
let hubAdmin: string;

function hubToken(claims: { sub: string; role: 'customer' | 'agent' | 'admin'; name?: string }) {
  return mintHostToken(own.stack.hub!.secret, { name: claims.sub, ...claims });
}

async function deliver(now = new Date().toISOString()) {
  const run = await api('POST', '/admin/jobs/deliver-outbox/run', {
    base: own.api,
    token: siteAdmin,
    body: { now },
  });
  expect(run.status).toBe(200);
  return run.body.sync as Record<string, number>;
}

async function backlog() {
  return (await api('GET', '/health', { base: own.api })).body.sync;
}

async function hubTicketOf(sourceReference: string, status?: string) {
  const filter = status ? `&status=${status}` : '';
  const page = await api(
    'GET',
    `/agent/tickets?q=${encodeURIComponent(sourceReference)}${filter}`,
    {
      base: hubApi,
      token: hubAgent,
    },
  );
  const listed = page.body.items.find(
    (ticket: { source?: { reference: string } }) => ticket.source?.reference === sourceReference,
  );
  if (!listed) return undefined;
  return (await api('GET', `/agent/tickets/${listed.reference}`, { base: hubApi, token: hubAgent }))
    .body;
}

function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}

beforeAll(async () => {
  own = await startOwnStack({ mode: 'synced' });
  hubApi = own.stack.hub!.api;
  siteAdmin = await own.token({ sub: 'site-admin', role: 'admin', name: 'Site admin' });
  hubAgent = await hubToken({ sub: 'hub-agent', role: 'agent' });
  hubAdmin = await hubToken({ sub: 'hub-admin', role: 'admin' });
}, 120_000);

afterAll(async () => {
  await own?.stop();
});

describe('synced mode', () => {
  let flow: FlowResult;

  it('passes the customer and agent flow on the site', async () => {
    flow = await customerAndAgentFlow({ base: own.api, sign: own.token });
    expect((await api('GET', '/health', { base: own.api })).body.mode).toBe('synced');
  });

  it('shows the same ticket, replies, notes and status on the hub after delivery', async () => {
    expect((await backlog()).pending).toBeGreaterThan(0);
    const summary = await deliver();
    expect(summary).toMatchObject({ duplicates: 0, rejected: 0, retried: 0, dead: 0 });
    expect(await backlog()).toEqual({ pending: 0, dead: 0, capped: false });

    const mirrored = await hubTicketOf(flow.reference, 'resolved');
    expect(mirrored.ticket).toMatchObject({
      subject: flow.subject,
      status: 'resolved',
      source: { reference: flow.reference, installationName: 'Local site' },
    });
    expect(mirrored.replies.map((reply: { body: string }) => reply.body).sort()).toEqual(
      [...flow.replyBodies].sort(),
    );
    expect(mirrored.rating).toMatchObject({ rating: 5, comment: 'Quick fix' });
  });

  it('keeps synced tickets read-only on the hub', async () => {
    const mirrored = await hubTicketOf(flow.reference, 'resolved');
    const reply = await api('POST', `/agent/tickets/${mirrored.ticket.reference}/replies`, {
      base: hubApi,
      token: hubAgent,
      body: { body: 'From the hub' },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('ticket.readOnly');
  });

  it('hides synced tickets from hub customers', async () => {
    const sameId = await hubToken({ sub: flow.customerId, role: 'customer' });
    const list = await api('GET', '/tickets', { base: hubApi, token: sameId });
    expect(list.body.items).toEqual([]);
    const mirrored = await hubTicketOf(flow.reference, 'resolved');
    const read = await api('GET', `/tickets/${mirrored.ticket.reference}`, {
      base: hubApi,
      token: sameId,
    });
    expect(read.status).toBe(404);
  });

  it('drains the backlog after a hub outage', async () => {
    await own.stack.hub!.stop();
    const customer = await own.token({ sub: 'offline-customer', role: 'customer', name: 'Ona' });
    const references: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const created = await api('POST', '/tickets', {
        base: own.api,
        token: customer,
        body: { subject: `Offline ${index}`, body: 'Written while the hub is down.' },
      });
      expect(created.status).toBe(201);
      references.push(created.body.ticket.reference);
      const reply = await api('POST', `/tickets/${created.body.ticket.reference}/replies`, {
        base: own.api,
        token: customer,
        body: { body: `More detail ${index}` },
      });
      expect(reply.status).toBe(201);
    }
    // Three tickets, each with its creation and its customer reply.
    expect((await backlog()).pending).toBe(6);
    const failed = await deliver();
    expect(failed).toMatchObject({ sent: 0, retried: 6, dead: 0 });
    expect((await backlog()).pending).toBe(6);

    await own.stack.hub!.start();
    // Before the backoff ends nothing is due.
    expect(await deliver()).toMatchObject({ sent: 0, retried: 0 });
    const drained = await deliver(hoursFromNow(1));
    expect(drained).toMatchObject({ sent: 6, duplicates: 0, retried: 0, dead: 0 });
    expect(await backlog()).toEqual({ pending: 0, dead: 0, capped: false });
    expect(await deliver(hoursFromNow(2))).toMatchObject({ sent: 0, duplicates: 0 });

    for (const [index, reference] of references.entries()) {
      const mirrored = await hubTicketOf(reference);
      expect(mirrored.ticket.subject).toBe(`Offline ${index}`);
      expect(mirrored.replies.map((reply: { body: string }) => reply.body)).toEqual([
        `More detail ${index}`,
      ]);
      expect(
        mirrored.activity.filter((entry: { type: string }) => entry.type === 'ticket.created'),
      ).toHaveLength(1);
    }
  });

  it('sets an event dead after 15 attempts', async () => {
    await own.stack.hub!.stop();
    const customer = await own.token({ sub: 'dead-customer', role: 'customer', name: 'Dee' });
    const created = await api('POST', '/tickets', {
      base: own.api,
      token: customer,
      body: { subject: 'Never delivered', body: 'The hub stays down.' },
    });
    expect(created.status).toBe(201);
    const results = [];
    for (let attempt = 1; attempt <= 15; attempt += 1)
      results.push(await deliver(hoursFromNow(attempt * 2)));
    expect(results[13]).toMatchObject({ retried: 1, dead: 0 });
    expect(results[14]).toMatchObject({ retried: 0, dead: 1 });
    expect(await backlog()).toEqual({ pending: 0, dead: 1, capped: false });
    await own.stack.hub!.start();

    const retried = await api('POST', '/admin/jobs/deliver-outbox/run', {
      base: own.api,
      token: siteAdmin,
      body: { now: hoursFromNow(40), retryDead: true },
    });
    expect(retried.body.sync).toMatchObject({ revived: 1, sent: 1, dead: 0 });
    expect(await backlog()).toEqual({ pending: 0, dead: 0, capped: false });
    expect((await hubTicketOf(created.body.ticket.reference)).ticket.subject).toBe(
      'Never delivered',
    );
  });

  it('accepts retryDead for deliver-outbox only', async () => {
    const result = await api('POST', '/admin/jobs/check-sla/run', {
      base: own.api,
      token: siteAdmin,
      body: { retryDead: true },
    });
    expect(result.status).toBe(422);
    expect(result.body.error.fields).toEqual({
      retryDead: 'applies to deliver-outbox only; remove it',
    });
  });
});

describe('the hub’s /sync/events', () => {
  async function createKey(abilities: string[]) {
    const created = await api('POST', '/admin/api-keys', {
      base: hubApi,
      token: hubAdmin,
      body: { name: `Shop ${abilities.join('+')}`, abilities },
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; key: string };
  }

  function event(id: string, reference: string, version: number, subject = 'Pedal creaks') {
    const at = '2026-11-30T09:00:00.000Z';
    return {
      id,
      type: 'ticket.created',
      occurredAt: at,
      payload: {
        ticket: {
          id: `ticket-${reference}`,
          reference,
          subject,
          body: 'Left pedal creaks.',
          status: 'open',
          priority: 'medium',
          channel: 'portal',
          departmentId: null,
          assigneeId: null,
          requester: { id: 'shop-customer', name: 'Pat', email: null, guest: false },
          tags: [],
          followerIds: [],
          createdAt: at,
          updatedAt: at,
          version,
          slaClock: null,
        },
        activity: { id: `activity-${id}`, type: 'ticket.created', actor: null, createdAt: at },
      },
    };
  }

  function send(key: string, body: unknown) {
    return api('POST', '/sync/events', {
      base: hubApi,
      headers: { Authorization: `Bearer ${key}` },
      body,
    });
  }

  it('applies an event delivered twice once', async () => {
    const { key } = await createKey(['sync']);
    const first = await send(key, { events: [event('evt-twice-1', 'SHOP-00001', 1)] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ applied: 1, duplicates: 0, rejected: 0 });
    const second = await send(key, [event('evt-twice-1', 'SHOP-00001', 1)]);
    expect(second.body).toMatchObject({ applied: 0, duplicates: 1, rejected: 0 });
    expect(second.body.results[0]).toMatchObject({
      id: 'evt-twice-1',
      status: 'duplicate',
      reference: first.body.results[0].reference,
    });
    const read = await api('GET', `/agent/tickets/${first.body.results[0].reference}`, {
      base: hubApi,
      token: hubAgent,
    });
    expect(read.body.ticket.version).toBe(1);
    expect(read.body.activity).toHaveLength(1);
  });

  it('keeps the newest snapshot when events arrive out of order', async () => {
    const { key } = await createKey(['sync']);
    await send(key, [event('evt-order-2', 'SHOP-00002', 2, 'Newer subject')]);
    const older = await send(key, [event('evt-order-1', 'SHOP-00002', 1, 'Older subject')]);
    expect(older.body.applied).toBe(1);
    const read = await api('GET', `/agent/tickets/${older.body.results[0].reference}`, {
      base: hubApi,
      token: hubAgent,
    });
    expect(read.body.ticket.subject).toBe('Newer subject');
    expect(read.body.ticket.source.version).toBe(2);
  });

  it('hides a synced ticket the site deleted', async () => {
    const { key } = await createKey(['sync']);
    const created = await send(key, [event('evt-delete-1', 'SHOP-00010', 1)]);
    const deleted = event('evt-delete-2', 'SHOP-00010', 2);
    Object.assign(deleted.payload.ticket, { deletedAt: '2026-11-30T10:00:00.000Z' });
    await send(key, [deleted]);
    const read = await api('GET', `/agent/tickets/${created.body.results[0].reference}`, {
      base: hubApi,
      token: hubAgent,
    });
    expect(read.status).toBe(404);
  });

  it('rejects an unusable payload per event, naming the field', async () => {
    const { key } = await createKey(['sync']);
    const broken = event('evt-broken', 'SHOP-00003', 1);
    (broken.payload.ticket as Record<string, unknown>).status = 'lost';
    const result = await send(key, [broken]);
    expect(result.body.results[0]).toEqual({
      id: 'evt-broken',
      status: 'rejected',
      message: expect.stringMatching(/^payload\.ticket\.status: /),
    });
  });

  it('keeps fields a sender adds out of the stored items', async () => {
    const sender = await createKey(['sync']);
    const forged = event('evt-forged', 'SHOP-00005', 1);
    const at = forged.occurredAt;
    Object.assign(forged.payload.ticket, { pk: 'CONFIG', sk: 'SETTINGS', installationId: 'x' });
    Object.assign(forged.payload, {
      reply: {
        id: 'reply-forged',
        body: 'Hello',
        internal: false,
        pinned: false,
        author: { id: 'shop-customer', name: 'Pat', role: 'customer' },
        attachments: [],
        createdAt: at,
        pk: 'CONFIG',
        sk: `API_KEY#${sender.id}`,
        abilities: ['sync', 'agent', 'admin'],
      },
    });
    const result = await send(sender.key, [forged]);
    expect(result.body.results[0].status).toBe('applied');

    const stored = await api('GET', `/admin/api-keys/${sender.id}`, {
      base: hubApi,
      token: hubAdmin,
    });
    expect(stored.body.abilities).toEqual(['sync']);
    const settings = await api('GET', '/admin/settings', { base: hubApi, token: hubAdmin });
    expect(settings.status).toBe(200);
    expect(settings.body.referencePrefix).toBe('ESC');
    const asAdmin = await api('GET', '/admin/settings', {
      base: hubApi,
      headers: { Authorization: `Bearer ${sender.key}` },
    });
    expect(asAdmin.status).toBe(403);
    const read = await api('GET', `/agent/tickets/${result.body.results[0].reference}`, {
      base: hubApi,
      token: hubAgent,
    });
    expect(read.body.replies.map((reply: { id: string }) => reply.id)).toEqual(['reply-forged']);
    expect(read.body.ticket.installationId ?? null).toBe(null);
  });

  it('scopes event ids to the key that sends them', async () => {
    const first = await createKey(['sync']);
    const second = await createKey(['sync']);
    const fromFirst = await send(first.key, [
      event('evt-shared-id', 'SHOP-00006', 1, 'First shop'),
    ]);
    const fromSecond = await send(second.key, [
      event('evt-shared-id', 'SHOP-00006', 1, 'Second shop'),
    ]);
    expect(fromFirst.body.results[0].status).toBe('applied');
    expect(fromSecond.body.results[0].status).toBe('applied');
    expect(fromSecond.body.results[0].reference).not.toBe(fromFirst.body.results[0].reference);
  });

  it('rejects one unusable event and applies the rest of the batch', async () => {
    const { key } = await createKey(['sync']);
    const broken = event('evt-batch-2', 'SHOP-00008', 1);
    (broken.payload.ticket as Record<string, unknown>).slaClock = 'garbage';
    const result = await send(key, [
      event('evt-batch-1', 'SHOP-00007', 1),
      broken,
      event('evt-batch-3', 'SHOP-00009', 1),
    ]);
    expect(result.status).toBe(200);
    expect(result.body.results.map((item: { status: string }) => item.status)).toEqual([
      'applied',
      'rejected',
      'applied',
    ]);
    expect(result.body.results[1].message).toBe('payload.ticket.slaClock: must be an object');
  });

  it('answers 422 for a malformed batch', async () => {
    const { key } = await createKey(['sync']);
    const result = await send(key, { events: [{ id: 'x', type: 'nope' }] });
    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual([
      'events.0.type',
      'events.0.occurredAt',
      'events.0.payload',
    ]);
  });

  it('rejects wrong, revoked and ability-less keys', async () => {
    const batch = [event('evt-auth', 'SHOP-00004', 1)];
    const wrong = await send('esk_thisKeyDoesNotExistAnywhere00000000000000', batch);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('auth.invalidToken');

    const revoked = await createKey(['sync']);
    const removed = await api('DELETE', `/admin/api-keys/${revoked.id}`, {
      base: hubApi,
      token: hubAdmin,
    });
    expect(removed.status).toBe(204);
    expect((await send(revoked.key, batch)).status).toBe(401);

    const agentOnly = await createKey(['agent']);
    const forbidden = await send(agentOnly.key, batch);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('auth.forbidden');
    const userToken = await send(hubAgent, batch);
    expect(userToken.status).toBe(403);
  });
});
