import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';

let customer: TestUser;
let otherCustomer: TestUser;
let agent: TestUser;

beforeAll(async () => {
  customer = await newUser('customer');
  otherCustomer = await newUser('customer');
  agent = await newUser('agent');
});

describe('POST /tickets', () => {
  it('creates an open ticket with a reference and the default priority', async () => {
    const result = await api('POST', '/tickets', {
      token: customer.token,
      body: { subject: '  Brakes squeal  ', body: 'Only in the rain.' },
    });

    expect(result.status).toBe(201);
    expect(result.body.ticket).toMatchObject({
      subject: 'Brakes squeal',
      body: 'Only in the rain.',
      status: 'open',
      priority: 'medium',
      channel: 'portal',
      assigneeId: null,
      version: 1,
      requester: { id: customer.sub, name: customer.name, email: customer.email, guest: false },
    });
    expect(result.body.ticket.reference).toMatch(/^ESC-\d{5,}$/);
  });

  it('gives concurrent creates distinct references', async () => {
    const references = await Promise.all(Array.from({ length: 8 }, () => openTicket(customer)));

    expect(new Set(references).size).toBe(8);
  });

  it('keeps the priority the customer chose', async () => {
    const reference = await openTicket(customer, { priority: 'urgent' });
    const result = await api('GET', `/tickets/${reference}`, { token: customer.token });

    expect(result.body.ticket.priority).toBe('urgent');
  });
});

describe('GET /tickets', () => {
  it('lists only the caller’s tickets, newest activity first', async () => {
    const owner = await newUser('customer');
    const first = await openTicket(owner, { subject: 'First' });
    const second = await openTicket(owner, { subject: 'Second' });
    await openTicket(otherCustomer, { subject: 'Someone else' });

    const result = await api('GET', '/tickets', { token: owner.token });

    expect(result.status).toBe(200);
    expect(result.body.items.map((t: { reference: string }) => t.reference)).toEqual([
      second,
      first,
    ]);
    expect(result.body.nextCursor).toBeNull();
  });

  it('pages with a cursor', async () => {
    const owner = await newUser('customer');
    const created = [];
    for (let i = 0; i < 3; i += 1)
      created.push(await openTicket(owner, { subject: `Ticket ${i}` }));

    const page1 = await api('GET', '/tickets?limit=2', { token: owner.token });
    const page2 = await api('GET', `/tickets?limit=2&cursor=${page1.body.nextCursor}`, {
      token: owner.token,
    });

    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const seen = [...page1.body.items, ...page2.body.items].map(
      (t: { reference: string }) => t.reference,
    );
    expect(seen).toEqual([...created].reverse());
  });

  it('filters by status', async () => {
    const owner = await newUser('customer');
    const closed = await openTicket(owner);
    await openTicket(owner);
    await api('POST', `/tickets/${closed}/close`, { token: owner.token, body: {} });

    const result = await api('GET', '/tickets?status=closed', { token: owner.token });

    expect(result.body.items.map((t: { reference: string }) => t.reference)).toEqual([closed]);
  });
});

describe('GET /tickets/{reference}', () => {
  it('answers 404 for another customer’s ticket', async () => {
    const reference = await openTicket(otherCustomer);

    const result = await api('GET', `/tickets/${reference}`, { token: customer.token });

    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('ticket.notFound');
  });

  it('shows public replies and never internal notes', async () => {
    const reference = await openTicket(customer);
    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Public answer' },
    });
    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Secret note', internal: true },
    });

    const result = await api('GET', `/tickets/${reference}`, { token: customer.token });

    expect(result.status).toBe(200);
    expect(result.body.replies.map((r: { body: string }) => r.body)).toEqual(['Public answer']);
    expect(JSON.stringify(result.body)).not.toContain('Secret note');
    expect(result.body.rating).toBeNull();
    expect(result.body.activity).toBeUndefined();
  });
});

describe('POST /tickets/{reference}/replies', () => {
  it('moves waiting_on_customer to waiting_on_agent', async () => {
    const reference = await openTicket(customer);
    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Can you send a photo?' },
    });

    const result = await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'Here it is' },
    });

    expect(result.status).toBe(201);
    expect(result.body.reply).toMatchObject({
      body: 'Here it is',
      internal: false,
      author: { id: customer.sub, role: 'customer' },
    });
    expect(result.body.ticket.status).toBe('waiting_on_agent');
  });

  it('reopens a resolved ticket', async () => {
    const reference = await openTicket(customer);
    await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { status: 'resolved' },
    });

    const result = await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'Still broken' },
    });

    expect(result.body.ticket.status).toBe('reopened');
    expect(result.body.ticket.resolvedAt).toBeNull();
  });

  it('answers 404 on another customer’s ticket and writes nothing', async () => {
    const reference = await openTicket(otherCustomer);

    const result = await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'Sneaky' },
    });
    const seen = await api('GET', `/tickets/${reference}`, { token: otherCustomer.token });

    expect(result.status).toBe(404);
    expect(seen.body.replies).toEqual([]);
  });

  it('rejects an internal flag from a customer', async () => {
    const reference = await openTicket(customer);

    const result = await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'x', internal: true },
    });

    expect(result.status).toBe(422);
    expect(result.body.error.fields).toEqual({ internal: 'is not a known field; remove it' });
  });
});

describe('close and reopen', () => {
  it('closes and then reopens within the window', async () => {
    const reference = await openTicket(customer);

    const closed = await api('POST', `/tickets/${reference}/close`, {
      token: customer.token,
      body: {},
    });
    const reopened = await api('POST', `/tickets/${reference}/reopen`, { token: customer.token });

    expect(closed.status).toBe(200);
    expect(closed.body.ticket.status).toBe('closed');
    expect(closed.body.ticket.closedAt).toEqual(expect.any(String));
    expect(reopened.status).toBe(200);
    expect(reopened.body.ticket).toMatchObject({
      status: 'reopened',
      closedAt: null,
      resolvedAt: null,
    });
  });

  it('answers 409 when closing a closed ticket', async () => {
    const reference = await openTicket(customer);
    await api('POST', `/tickets/${reference}/close`, { token: customer.token });

    const result = await api('POST', `/tickets/${reference}/close`, { token: customer.token });

    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe('ticket.invalidTransition');
    expect(result.body.error.message).toContain('closed');
  });

  it('answers 409 when reopening an open ticket', async () => {
    const reference = await openTicket(customer);

    const result = await api('POST', `/tickets/${reference}/reopen`, { token: customer.token });

    expect(result.status).toBe(409);
    expect(result.body.error.message).toBe('A ticket cannot move from open to reopened.');
  });

  it('answers 404 when closing another customer’s ticket', async () => {
    const reference = await openTicket(otherCustomer);

    const result = await api('POST', `/tickets/${reference}/close`, { token: customer.token });

    expect(result.status).toBe(404);
  });
});
