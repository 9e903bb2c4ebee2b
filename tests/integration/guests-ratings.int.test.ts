import { describe, expect, it } from 'vitest';
import { api, newUser, openTicket } from '../support/api.js';

describe('guest tickets', () => {
  it('create a ticket and a token scoped to it', async () => {
    const created = await api('POST', '/guest/tickets', {
      body: {
        name: 'Walk-in Wanda',
        email: 'wanda@example.test',
        subject: 'Tyre sizes',
        body: 'Do you stock 700x35c?',
      },
    });
    const reference = created.body.ticket.reference;
    const token = created.body.accessToken;

    const read = await api('GET', `/tickets/${reference}`, { token });
    const reply = await api('POST', `/tickets/${reference}/replies`, {
      token,
      body: { body: 'Tubeless please' },
    });
    const list = await api('GET', '/tickets', { token });

    expect(created.status).toBe(201);
    expect(created.body.ticket).toMatchObject({
      channel: 'guest',
      requester: { name: 'Walk-in Wanda', email: 'wanda@example.test', guest: true },
    });
    expect(read.status).toBe(200);
    expect(reply.status).toBe(201);
    expect(list.body.items.map((t: { reference: string }) => t.reference)).toEqual([reference]);
  });

  it('cannot reach another ticket or the agent routes', async () => {
    const other = await openTicket(await newUser('customer'));
    const created = await api('POST', '/guest/tickets', {
      body: { name: 'Guest', email: 'guest@example.test', subject: 'Hi', body: 'Hello' },
    });

    const otherTicket = await api('GET', `/tickets/${other}`, { token: created.body.accessToken });
    const queue = await api('GET', '/agent/tickets', { token: created.body.accessToken });

    expect(otherTicket.status).toBe(404);
    expect(queue.status).toBe(403);
  });

  it('cannot open more tickets with a guest link', async () => {
    const created = await api('POST', '/guest/tickets', {
      body: { name: 'Guest', email: 'guest2@example.test', subject: 'Hi', body: 'Hello' },
    });

    const another = await api('POST', '/tickets', {
      token: created.body.accessToken,
      body: { subject: 'More', body: 'x' },
    });

    expect(another.status).toBe(403);
  });

  it('name each invalid field', async () => {
    const result = await api('POST', '/guest/tickets', {
      body: { name: '', email: 'not-an-email', subject: 'x', body: 'y' },
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields).sort()).toEqual(['email', 'name']);
  });

  it('reject a host token that claims the guest audience', async () => {
    const { SignJWT } = await import('jose');
    const { stackSecret } = await import('../support/stack.js');
    const forged = await new SignJWT({ ticket: 'ESC-00001' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('guest-x')
      .setAudience('escalated-guest')
      .setIssuer('escalated')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(stackSecret()));

    const result = await api('GET', '/tickets/ESC-00001', { token: forged });

    expect(result.status).toBe(401);
  });
});

describe('ratings', () => {
  it('accept one rating on a resolved ticket and allow changing it', async () => {
    const customer = await newUser('customer');
    const agent = await newUser('agent');
    const reference = await openTicket(customer);
    await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { status: 'resolved' },
    });

    const first = await api('POST', `/tickets/${reference}/rating`, {
      token: customer.token,
      body: { rating: 4, comment: 'Quick fix' },
    });
    const changed = await api('POST', `/tickets/${reference}/rating`, {
      token: customer.token,
      body: { rating: 5 },
    });
    const detail = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });

    expect(first.status).toBe(201);
    expect(first.body.rating).toMatchObject({ rating: 4, comment: 'Quick fix' });
    expect(changed.status).toBe(200);
    expect(detail.body.rating).toMatchObject({
      rating: 5,
      comment: 'Quick fix',
      submittedAt: first.body.rating.submittedAt,
    });
    expect(
      detail.body.activity.filter((a: { type: string }) => a.type === 'rating.submitted'),
    ).toHaveLength(2);
  });

  it('refuse a rating on an open ticket', async () => {
    const customer = await newUser('customer');
    const reference = await openTicket(customer);

    const result = await api('POST', `/tickets/${reference}/rating`, {
      token: customer.token,
      body: { rating: 3 },
    });

    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe('rating.notAllowed');
  });

  it('refuse another customer and a rating out of range', async () => {
    const owner = await newUser('customer');
    const stranger = await newUser('customer');
    const agent = await newUser('agent');
    const reference = await openTicket(owner);
    await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { status: 'resolved' },
    });

    const byStranger = await api('POST', `/tickets/${reference}/rating`, {
      token: stranger.token,
      body: { rating: 1 },
    });
    const outOfRange = await api('POST', `/tickets/${reference}/rating`, {
      token: owner.token,
      body: { rating: 6 },
    });

    expect(byStranger.status).toBe(404);
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.error.fields).toEqual({ rating: 'must be at most 5' });
  });
});
