import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { HostUserClaims } from '../../infra/local/tokens.js';
import { api } from './api.js';

/** An installation under test: its API base and how its host signs tokens. */
export interface Installation {
  base: string;
  sign: (claims: HostUserClaims) => Promise<string>;
}

/** What the flow created, for checks that look elsewhere (the hub, the table). */
export interface FlowResult {
  reference: string;
  subject: string;
  customerId: string;
  replyBodies: string[];
}

async function person(site: Installation, role: 'customer' | 'agent') {
  const sub = `${role}-${randomUUID().slice(0, 8)}`;
  const claims = { sub, name: `Flow ${role} ${sub.slice(-4)}`, email: `${sub}@example.test`, role };
  return { ...claims, token: await site.sign(claims) };
}

/**
 * Runs the customer and agent flow every hosting mode must pass with the same responses: open,
 * list, read, reply both ways with a note the customer never sees, a stale write refused,
 * resolve, rate, and a validation error naming its field.
 */
export async function customerAndAgentFlow(site: Installation): Promise<FlowResult> {
  const base = site.base;
  const customer = await person(site, 'customer');
  const agent = await person(site, 'agent');
  const run = randomUUID().slice(0, 8);
  const subject = `Gears slip ${run}`;

  const invalid = await api('POST', '/tickets', {
    base,
    token: customer.token,
    body: { subject: '', body: 'x' },
  });
  expect(invalid.status).toBe(422);
  expect(invalid.body.error).toMatchObject({
    code: 'validation.failed',
    fields: { subject: 'must not be empty' },
  });

  const created = await api('POST', '/tickets', {
    base,
    token: customer.token,
    body: { subject, body: 'The chain slips under load.' },
    headers: { 'Idempotency-Key': `flow-${run}` },
  });
  expect(created.status).toBe(201);
  const reference: string = created.body.ticket.reference;
  expect(created.body.ticket).toMatchObject({ subject, status: 'open', channel: 'portal' });
  const again = await api('POST', '/tickets', {
    base,
    token: customer.token,
    body: { subject, body: 'The chain slips under load.' },
    headers: { 'Idempotency-Key': `flow-${run}` },
  });
  expect(again.body.ticket.reference).toBe(reference);

  const mine = await api('GET', '/tickets', { base, token: customer.token });
  expect(mine.body.items.map((ticket: { reference: string }) => ticket.reference)).toEqual([
    reference,
  ]);

  const read = await api('GET', `/agent/tickets/${reference}`, { base, token: agent.token });
  expect(read.status).toBe(200);
  expect(read.headers.get('etag')).toBe('"1"');
  const stale = await api('PATCH', `/agent/tickets/${reference}`, {
    base,
    token: agent.token,
    body: { priority: 'high' },
    headers: { 'If-Match': '"7"' },
  });
  expect(stale.status).toBe(409);
  expect(stale.body.error.message).toBe(
    `Ticket ${reference} changed since you loaded it (your version 7, now 1); reload and try again.`,
  );

  const answer = 'Please try a new chain.';
  const note = 'Customer bought the chain elsewhere.';
  const replied = await api('POST', `/agent/tickets/${reference}/replies`, {
    base,
    token: agent.token,
    body: { body: answer },
  });
  expect(replied.status).toBe(201);
  expect(replied.body.ticket.status).toBe('waiting_on_customer');
  await api('POST', `/agent/tickets/${reference}/replies`, {
    base,
    token: agent.token,
    body: { body: note, internal: true },
  });
  const followUp = 'New chain fitted, still slips.';
  const customerReply = await api('POST', `/tickets/${reference}/replies`, {
    base,
    token: customer.token,
    body: { body: followUp },
  });
  expect(customerReply.body.ticket.status).toBe('waiting_on_agent');

  const seen = await api('GET', `/tickets/${reference}`, { base, token: customer.token });
  expect(seen.body.replies.map((reply: { body: string }) => reply.body)).toEqual([
    answer,
    followUp,
  ]);
  const stranger = await person(site, 'customer');
  const hidden = await api('GET', `/tickets/${reference}`, { base, token: stranger.token });
  expect(hidden.status).toBe(404);
  expect(hidden.body.error.code).toBe('ticket.notFound');

  const resolved = await api('PATCH', `/agent/tickets/${reference}`, {
    base,
    token: agent.token,
    body: { status: 'resolved' },
  });
  expect(resolved.status).toBe(200);
  expect(resolved.body.ticket.status).toBe('resolved');
  const rated = await api('POST', `/tickets/${reference}/rating`, {
    base,
    token: customer.token,
    body: { rating: 5, comment: 'Quick fix' },
  });
  expect(rated.status).toBe(201);
  expect(rated.body.rating).toMatchObject({ rating: 5, comment: 'Quick fix' });

  const queue = await api(
    'GET',
    `/agent/tickets?status=resolved&q=${encodeURIComponent(subject)}`,
    {
      base,
      token: agent.token,
    },
  );
  expect(queue.body.items.map((ticket: { reference: string }) => ticket.reference)).toContain(
    reference,
  );
  return {
    reference,
    subject,
    customerId: customer.sub,
    replyBodies: [answer, note, followUp],
  };
}
