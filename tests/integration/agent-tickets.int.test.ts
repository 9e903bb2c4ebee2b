import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';

let customer: TestUser;
let agent: TestUser;
let agentB: TestUser;

beforeAll(async () => {
  customer = await newUser('customer');
  agent = await newUser('agent');
  agentB = await newUser('agent');
  // Agents become known (and assignable) with their first request.
  await api('GET', '/agent/agents', { token: agent.token });
  await api('GET', '/agent/agents', { token: agentB.token });
});

describe('GET /agent/tickets/{reference}', () => {
  it('shows replies, internal notes and the activity timeline', async () => {
    const reference = await openTicket(customer);
    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Public' },
    });
    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Note', internal: true },
    });

    const result = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });

    expect(result.status).toBe(200);
    expect(
      result.body.replies.map((r: { body: string; internal: boolean }) => [r.body, r.internal]),
    ).toEqual([
      ['Public', false],
      ['Note', true],
    ]);
    expect(result.body.activity.map((a: { type: string }) => a.type)).toEqual([
      'ticket.created',
      'reply.created',
      'ticket.status_changed',
      'note.created',
    ]);
    expect(result.body.activity[2]).toMatchObject({
      before: 'open',
      after: 'waiting_on_customer',
      actor: { id: agent.sub },
    });
    expect(result.body.viewers).toEqual([]);
    expect(result.headers.get('etag')).toBe('"3"');
  });

  it('is not available to customers', async () => {
    const reference = await openTicket(customer);

    const result = await api('GET', `/agent/tickets/${reference}`, { token: customer.token });

    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('auth.forbidden');
  });

  it('answers 404 for an unknown reference', async () => {
    const result = await api('GET', '/agent/tickets/ESC-99999999', { token: agent.token });

    expect(result.status).toBe(404);
  });
});

describe('POST /agent/tickets/{reference}/replies', () => {
  it('records the first response and moves the ticket to waiting_on_customer', async () => {
    const reference = await openTicket(customer);

    const result = await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'On it' },
    });

    expect(result.status).toBe(201);
    expect(result.body.ticket.status).toBe('waiting_on_customer');
    expect(result.body.ticket.firstResponseAt).toBe(result.body.reply.createdAt);
    expect(result.body.ticket.version).toBe(2);
  });

  it('answers a customer who wrote back: waiting_on_agent moves to waiting_on_customer', async () => {
    const reference = await openTicket(customer);
    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Photo please' },
    });
    await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'Attached' },
    });

    const result = await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Thanks!' },
    });

    expect(result.status).toBe(201);
    expect(result.body.ticket.status).toBe('waiting_on_customer');
  });

  it('never changes the status with an internal note', async () => {
    const reference = await openTicket(customer);

    const result = await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'psst', internal: true },
    });

    expect(result.body.reply.internal).toBe(true);
    expect(result.body.ticket.status).toBe('open');
    expect(result.body.ticket.firstResponseAt).toBeNull();
  });
});

describe('PATCH /agent/tickets/{reference}', () => {
  it('assigns and moves an open ticket to in_progress', async () => {
    const reference = await openTicket(customer);

    const result = await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { assigneeId: agentB.sub },
    });

    expect(result.status).toBe(200);
    expect(result.body.ticket).toMatchObject({
      assigneeId: agentB.sub,
      status: 'in_progress',
      version: 2,
    });
  });

  it('unassigns with null', async () => {
    const reference = await openTicket(customer);
    await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { assigneeId: agent.sub },
    });

    const result = await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { assigneeId: null },
    });

    expect(result.body.ticket.assigneeId).toBeNull();
  });

  it('rejects an assignee who is not an agent', async () => {
    const reference = await openTicket(customer);

    const result = await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { assigneeId: customer.sub },
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['assigneeId']);
  });

  it('answers 409 for a transition the machine forbids and writes nothing', async () => {
    const reference = await openTicket(customer);
    await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { status: 'closed' },
    });

    const result = await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { status: 'in_progress', priority: 'high' },
    });
    const after = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });

    expect(result.status).toBe(409);
    expect(result.body.error).toMatchObject({
      code: 'ticket.invalidTransition',
      message: 'A ticket cannot move from closed to in_progress.',
    });
    expect(after.body.ticket).toMatchObject({ status: 'closed', priority: 'medium', version: 2 });
  });

  it('answers 409 for a same-status change', async () => {
    const reference = await openTicket(customer);

    const result = await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { status: 'open' },
    });

    expect(result.status).toBe(409);
  });

  it('answers 409 for a stale If-Match version', async () => {
    const reference = await openTicket(customer);
    await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { priority: 'high' },
      headers: { 'If-Match': '1' },
    });

    const stale = await api('PATCH', `/agent/tickets/${reference}`, {
      token: agentB.token,
      body: { priority: 'low' },
      headers: { 'If-Match': '1' },
    });
    const after = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });

    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('ticket.versionConflict');
    expect(after.body.ticket.priority).toBe('high');
  });

  it('keeps every change when agents update one ticket at once', async () => {
    const reference = await openTicket(customer);
    const tags = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];

    const results = await Promise.all(
      tags.map((tag) =>
        api('PATCH', `/agent/tickets/${reference}`, {
          token: agent.token,
          body: { addTags: [tag] },
        }),
      ),
    );
    const after = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });

    const succeeded = results.filter((r) => r.status === 200).length;
    const applied = after.body.ticket.tags.map((t: { name: string }) => t.name);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(applied).toHaveLength(succeeded);
    expect(after.body.ticket.version).toBe(1 + succeeded);
  });

  it('records priority, department-less tags and status in the timeline with before and after', async () => {
    const reference = await openTicket(customer);

    await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { priority: 'urgent', addTags: ['vip'] },
    });
    const result = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });

    const entries = result.body.activity
      .slice(1)
      .map((a: { type: string; before?: unknown; after?: unknown }) => [a.type, a.before, a.after]);
    expect(entries).toEqual([
      ['ticket.priority_changed', 'medium', 'urgent'],
      ['tag.added', undefined, 'vip'],
    ]);
    expect(result.body.ticket.tags).toEqual([{ id: 'vip', name: 'vip', color: '#64748b' }]);
  });
});

describe('GET /agent/tickets', () => {
  it('lists unassigned and mine views', async () => {
    const me = await newUser('agent');
    await api('GET', '/agent/agents', { token: me.token });
    const mine = await openTicket(customer, { subject: 'Mine' });
    await api('PATCH', `/agent/tickets/${mine}`, { token: me.token, body: { assigneeId: me.sub } });

    const mineView = await api('GET', '/agent/tickets?view=mine', { token: me.token });

    expect(mineView.body.items.map((t: { reference: string }) => t.reference)).toEqual([mine]);
  });

  it('filters by status and pages with a cursor', async () => {
    const references = [];
    for (let i = 0; i < 3; i += 1) {
      const reference = await openTicket(customer);
      await api('PATCH', `/agent/tickets/${reference}`, {
        token: agent.token,
        body: { status: 'escalated' },
      });
      references.push(reference);
    }

    const page1 = await api('GET', '/agent/tickets?status=escalated&limit=2', {
      token: agent.token,
    });
    const page2 = await api(
      'GET',
      `/agent/tickets?status=escalated&limit=2&cursor=${page1.body.nextCursor}`,
      { token: agent.token },
    );

    expect(page1.body.items.map((t: { reference: string }) => t.reference)).toEqual([
      references[2],
      references[1],
    ]);
    expect(page2.body.items[0].reference).toBe(references[0]);
    expect(
      [...page1.body.items, ...page2.body.items].every(
        (t: { status: string }) => t.status === 'escalated',
      ),
    ).toBe(true);
  });

  it('filters by assignee and status together', async () => {
    const lead = await newUser('agent');
    await api('GET', '/agent/agents', { token: lead.token });
    const waiting = await openTicket(customer);
    const other = await openTicket(customer);
    await api('PATCH', `/agent/tickets/${waiting}`, {
      token: lead.token,
      body: { assigneeId: lead.sub, status: 'waiting_on_agent' },
    });
    await api('PATCH', `/agent/tickets/${other}`, {
      token: lead.token,
      body: { assigneeId: lead.sub },
    });

    const result = await api(
      'GET',
      `/agent/tickets?assigneeId=${lead.sub}&status=waiting_on_agent`,
      { token: lead.token },
    );

    expect(result.body.items.map((t: { reference: string }) => t.reference)).toEqual([waiting]);
  });

  it('rejects a limit over 100', async () => {
    const result = await api('GET', '/agent/tickets?limit=101', { token: agent.token });

    expect(result.status).toBe(422);
    expect(result.body.error.fields).toEqual({ limit: 'must be at most 100' });
  });

  it('rejects a forged cursor', async () => {
    const result = await api('GET', '/agent/tickets?cursor=not-a-cursor', { token: agent.token });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['cursor']);
  });
});

describe('lookups', () => {
  it('lists agents who have made a request, and no customers', async () => {
    const result = await api('GET', '/agent/agents', { token: agent.token });
    const ids = result.body.items.map((u: { id: string }) => u.id);

    expect(ids).toContain(agent.sub);
    expect(ids).toContain(agentB.sub);
    expect(ids).not.toContain(customer.sub);
  });

  it('lists the departments', async () => {
    const result = await api('GET', '/agent/departments', { token: agent.token });

    expect(result.status).toBe(200);
    expect(result.body.items.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining(['dept-orders', 'dept-repairs']),
    );
  });
});
